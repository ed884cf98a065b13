"""Ledgers kept as spreadsheets: every sheet of an .xlsx and a .csv file, as ``Table`` blocks.

Merged cells are expanded (a category row merged across the table repeats its text in every
column, as in a .docx), numbers written as 1.0 read as 1, dates as 2024-06-30, empty rows go.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from ..catalogue import say
from ..errors import LimitError, ReadError
from ..model import Table
from .limits import MAX_CELLS, MAX_CHARS, MAX_ROWS, over


def xlsx_lines(data: bytes, name: str = "") -> list:
    """One ``Table`` per non-empty sheet of an .xlsx workbook, named after the sheet.

    Cells are streamed (openpyxl's read-only mode), so a sheet costs what it holds, not what its
    dimension or a stray cell at XFD1048576 claims; merged ranges are clipped to the cells that
    hold text; the filled cells and the expanded grid are both bounded (``limits.MAX_CELLS``).
    """
    from ..xlsx import load_openpyxl

    load_openpyxl()
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    out, filled = [], 0
    try:
        for ws in book.worksheets:
            if not hasattr(ws, "_get_source"):  # a chartsheet holds no cells
                continue
            cells, merges = _sheet_cells(ws, book, name, filled)
            filled += len(cells)
            rows, numbers = _grid(cells, merges, name)
            if rows:
                out.append(Table(rows, name=ws.title, row_numbers=numbers))
    finally:
        book.close()
    return out


def _sheet_cells(ws, book, name: str, filled: int) -> tuple[dict, list]:
    """The filled cells of one sheet, {(row, column): text}, and its merged ranges."""
    from openpyxl.utils import range_boundaries
    from openpyxl.worksheet._reader import WorkSheetParser

    cells: dict[tuple[int, int], str] = {}
    with ws._get_source() as src:
        formats = {"date_formats": book._date_formats, "timedelta_formats": book._timedelta_formats}
        parser = WorkSheetParser(src, ws._shared_strings, data_only=True, epoch=book.epoch, **formats)
        for r, row in parser.parse():
            for cell in row:
                text = _text(cell["value"])
                if text:
                    cells[(r, cell["column"])] = text
            if filled + len(cells) > MAX_CELLS:
                raise over(name, "filled_cells", filled + len(cells), MAX_CELLS)
        merged = parser.merged_cells.mergeCell if parser.merged_cells else []
    return cells, [range_boundaries(m.ref) for m in merged if m.ref]


def _grid(cells: dict, merges: list, name: str) -> tuple[tuple, tuple]:
    """Rows of texts from column A to the last filled column, only rows that hold text, and the
    sheet row number of each; a merged range repeats its first cell's text, clipped to the
    filled bounds."""
    if not cells:
        return (), ()
    last_row = max(r for r, _c in cells)
    last_col = max(c for _r, c in cells)
    for min_col, min_row, max_col, max_row in merges:
        value = cells.get((min_row, min_col))
        if not value:
            continue
        max_row, max_col = min(max_row, last_row), min(max_col, last_col)
        if (max_row - min_row + 1) * (max_col - min_col + 1) > MAX_CELLS:
            raise over(name, "merged_cells", (max_row - min_row + 1) * (max_col - min_col + 1), MAX_CELLS)
        for r in range(min_row, max_row + 1):
            for c in range(min_col, max_col + 1):
                cells[(r, c)] = value
    rows = sorted({r for r, _c in cells})
    if len(rows) * last_col > MAX_CELLS:
        raise over(name, "grid_cells", len(rows) * last_col, MAX_CELLS)
    return tuple(tuple(cells.get((r, c), "") for c in range(1, last_col + 1)) for r in rows), tuple(rows)


def written_by_rectdiff(path: str) -> bool:
    """Whether the .xlsx at ``path`` is a workbook rectdiff wrote (its creator property says so),
    told from its properties alone, without reading a cell."""
    import re
    import zipfile

    from ..model import OUTPUT_CREATOR

    if not path.lower().endswith(".xlsx"):
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("docProps/core.xml")
            if info.file_size > 2**20:
                return False
            core = archive.read(info).decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return False
    creator = re.search(r"<(?:\w+:)?creator\b[^>]*>([^<]*)</(?:\w+:)?creator>", core)
    return bool(creator) and creator.group(1).strip() == OUTPUT_CREATOR


def csv_lines(text: str, name: str = "") -> list:
    """The rows of a .csv ledger as one ``Table``, to the last filled column; its cells (the
    commas say how many before it is parsed), its rows, empty or not (``limits.MAX_ROWS``), and
    its grid are bounded (``limits.MAX_CELLS``), and a cell may hold a report's worth of text
    (csv's own limit is 131,072 characters). A file that is no CSV is refused in one line naming
    the line and what is wrong there."""
    if text.count(",") > MAX_CELLS:
        raise over(name, "table_cells", text.count(","), MAX_CELLS)
    if "\r" in text and "\n" not in text:  # a Mac's old line ends (Excel for Mac's CSV (Macintosh))
        text = text.replace("\r", "\n")
    kept = _csv_rows(text, name)
    rows = [r for _n, r in kept]
    width = max((len(row) for row in rows), default=0)
    if len(rows) * width > MAX_CELLS:
        raise over(name, "grid_cells", len(rows) * width, MAX_CELLS)
    numbers = tuple(n for n, _r in kept)  # the line of each row (a quoted cell may span lines: close enough)
    return [Table(tuple(row + ("",) * (width - len(row)) for row in rows), row_numbers=numbers)] if rows else []


def _csv_rows(text: str, name: str) -> list[tuple[int, tuple[str, ...]]]:
    """The filled rows of a CSV text, each with its row number, kept as they are parsed (20,000,000
    empty lines took 2 GB); csv's own errors, in English, become a message in both languages."""
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, MAX_CHARS))
    reader = csv.reader(io.StringIO(text))
    kept, before, ended = [], 0, 0  # the last lines of the row before the last one read, and of that one
    try:
        for n, row in enumerate(reader, 1):
            if n > MAX_ROWS:
                raise over(name, "rows", n, MAX_ROWS)
            if any(row):
                kept.append((n, _filled(row)))
            before, ended = ended, reader.line_num
    except csv.Error as exc:
        raise _csv_failure(name, exc, ended + 1, reader.line_num) from None
    finally:
        csv.field_size_limit(limit)
    # only the last row can have run to the end in an open quote: it is parsed again, strictly
    if ended > before + 1 and _unclosed_quote(text, before):
        raise ReadError(*say("read.csv_quote", name=name, line=before + 1, lines=ended - before))
    return kept


def _unclosed_quote(text: str, before: int) -> bool:
    """Whether the last row (after line ``before``), which spans lines, ran to the end of the text
    in a quote never closed (csv, lenient, takes every line after it into one cell, silently)."""
    tail = io.StringIO(text)
    for _ in range(before):
        tail.readline()
    try:
        for _row in csv.reader(tail, strict=True):
            return False  # the row ended before the text did: a cell over lines, quoted as it should be
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _csv_failure(name: str, exc: csv.Error, first: int, line: int) -> ReadError:
    """csv's error (its text is English, and says no line) as a message naming the line."""
    why = str(exc)
    if "field larger than field limit" in why:  # a quote never closed, as a rule, on a large file
        return LimitError(*say("read.csv_cell", name=name, line=first, limit=MAX_CHARS))
    if "new-line character" in why:
        return ReadError(*say("read.csv_newline", name=name, line=line))
    if "NUL" in why:  # before Python 3.11
        return ReadError(*say("read.csv_nul", name=name, line=line))
    return ReadError(*say("read.csv", name=name, line=line))


def _filled(row: list[str]) -> tuple[str, ...]:
    """A CSV row's cells, stripped, without the empty ones after its last filled cell."""
    cells = [c.strip() for c in row]
    while cells and not cells[-1]:
        cells.pop()
    return tuple(cells)


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
