"""Reviewer notes in a workbook rectdiff wrote before: every 复核意见 cell with text, and every note
an earlier run already carried (沿用), each with the ids and heading of the row it stands in.

The caller names the columns (``headers``: review, carried, ids, heading, message → header
texts in every language), so that reading knows no workbook vocabulary of its own.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile

from ..errors import ReadError
from ..model import Note

#: a carried note as written: 整改到位 (沿用 2024-03-28 v1-v2.xlsx)
CARRIED = re.compile(r"^(?P<text>.*?)\s*[(（](?:沿用|carried from)\s+(?P<mark>[^()（）]+)[)）]$", re.S)
#: the separator of several ids in one cell (a timeline row: one id per version)
ID_SEPARATOR = " | "


def read_notes(path: str, headers: dict[str, list[str]], orphan: tuple[str, ...] = ()) -> list[Note]:
    """Every note of the workbook at ``path``; raises ``ReadError`` on a file that is no workbook.

    ``headers`` lists each role's header texts in order of preference (a heading is read from
    新标题 before the visible 标题, which may hold a redline). A finding whose check is one of
    ``orphan`` (复核意见未能沿用) holds a note whose item was gone: it is read back as a note on
    the item its evidence names, so that it returns with the item.
    """
    from openpyxl import load_workbook

    if not os.path.isfile(path):
        raise ReadError(f"{path}: no such file; give a workbook rectdiff wrote before with --notes")
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ReadError(f"{path}: not a readable .xlsx workbook ({exc.__class__.__name__})") from None
    mark = f"{dt.date.fromtimestamp(os.path.getmtime(path)).isoformat()} {os.path.basename(path)}"
    notes: list[Note] = []
    for ws in book.worksheets:
        rows = ws.iter_rows(values_only=True)
        header = [str(h) if h is not None else "" for h in next(rows, ())]
        columns = {role: [header.index(n) for n in names if n in header] for role, names in headers.items()}
        if not columns["review"] and not columns["carried"]:
            continue
        for number, row in enumerate(rows, 2):
            notes += _row_notes(row, columns, mark, f"{ws.title}!{number}", orphan)
    book.close()
    return notes


def _row_notes(row: tuple, columns: dict, mark: str, where: str, orphan: tuple[str, ...]) -> list[Note]:
    def cell(i):
        return str(row[i]).strip() if i < len(row) and row[i] is not None else ""

    ids = tuple(i for c in columns["ids"] for i in cell(c).split(ID_SEPARATOR) if i)
    heading = next((cell(c) for c in columns["heading"] if cell(c)), "")
    message = next((cell(c) for c in columns["message"] if cell(c)), "") if not ids else ""
    if any(cell(c) in orphan for c in columns["check"]):
        heading, message = next((cell(c) for c in columns["evidence"] if cell(c)), ""), ""
    out = [Note(cell(c), ids, heading, mark, where, message) for c in columns["review"] if cell(c)]
    for c in columns["carried"]:
        for line in cell(c).split("\n"):
            m = CARRIED.match(line.strip())
            if m:
                out.append(Note(m.group("text"), ids, heading, m.group("mark"), where, message))
    return out
