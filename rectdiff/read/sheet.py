"""Ledgers kept as spreadsheets: every sheet of an .xlsx and a .csv file, as ``Table`` blocks.

Merged cells are expanded (a category row merged across the table repeats its text in every
column, as in a .docx), numbers written as 1.0 read as 1, dates as 2024-06-30, empty rows go.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from ..model import Table


def xlsx_lines(data: bytes) -> list:
    """One ``Table`` per non-empty sheet of an .xlsx workbook, named after the sheet."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), data_only=True)
    out = []
    for ws in book.worksheets:
        grid = [[_text(c.value) for c in row] for row in ws.iter_rows()]
        for merged in ws.merged_cells.ranges:
            value = grid[merged.min_row - 1][merged.min_col - 1]
            for r in range(merged.min_row - 1, merged.max_row):
                for c in range(merged.min_col - 1, merged.max_col):
                    grid[r][c] = value
        kept = [(n, tuple(row)) for n, row in enumerate(grid, 1) if any(row)]
        if kept:
            out.append(Table(tuple(r for _n, r in kept), name=ws.title, row_numbers=tuple(n for n, _r in kept)))
    return out


def csv_lines(text: str) -> list:
    """The rows of a .csv ledger as one ``Table``."""
    kept = [(n, tuple(c.strip() for c in row)) for n, row in enumerate(csv.reader(io.StringIO(text)), 1) if any(row)]
    rows = [r for _n, r in kept]
    width = max((len(row) for row in rows), default=0)
    numbers = tuple(n for n, _r in kept)  # the line of each row (a quoted cell may span lines: close enough)
    return [Table(tuple(row + ("",) * (width - len(row)) for row in rows), row_numbers=numbers)] if rows else []


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()
