"""Reviewer notes in a workbook rectdiff wrote before: every 复核意见 cell with text, and every note
an earlier run already carried (沿用), each with the ids and heading of the row it stands in.

A carried note is read back from the workbook's hidden notes archive (复核意见存档), where it is
kept whole, with the item or check it was written against: the visible 沿用 cell may be cut or
reflowed, the archive never is. A row's hidden key column names its archived notes, so that
sorting the sheet moves them with their row; emptying the visible 沿用 cell clears them. A
workbook without an archive (written before it existed) is
read from the visible cells.

The caller names the columns and the archive sheet (``headers``: role -> header texts in every
language), so that reading knows no workbook vocabulary of its own. Header cells match with
padding and a bracketed suffix (``复核意见(张三)``), in any of a sheet's first rows.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile

from ..catalogue import WORDS, say
from ..errors import ReadError
from ..model import NOTE_ARCHIVE_COLUMNS, Note
from ..zh.compiled import regex
from ..zh.lexicon import CLOSE_BRACKET_CLASS, COLONS, HEADER_SUFFIX, OPEN_BRACKET_CLASS
from .cells import ID_SEPARATOR
from .doubts import doubt_ids

#: a carried note as written: 整改到位 (沿用 2024-03-28 v1-v2.xlsx) — for workbooks without an archive
CARRIED = regex(
    rf"^(?P<text>.*?)\s*{OPEN_BRACKET_CLASS}(?:{'|'.join(WORDS['carried_word'])})"
    rf"\s+(?P<mark>.+){CLOSE_BRACKET_CLASS}$",
    re.S,
)
#: the archive's columns before the text in parts (``cells`` writes them)
ARCHIVE_TEXT = len(NOTE_ARCHIVE_COLUMNS)
#: a header is looked for among a sheet's first rows (a title row may stand above it)
HEADER_SEARCH = 5
_SUFFIX = regex(HEADER_SUFFIX)


def read_notes(path: str, headers: dict[str, list[str]], orphan: tuple[str, ...] = ()) -> list[Note]:
    """Every note of the workbook at ``path``; raises ``ReadError`` on a file that is no workbook
    or holds no 复核意见 column at all.

    ``headers`` lists each role's header texts in order of preference (a heading is read from
    新标题 before the visible 标题, which may hold a redline); ``headers["archive"]`` names the
    archive sheet. A finding whose check is one of ``orphan`` (复核意见未能沿用) holds a note
    whose item was gone; a note a reviewer writes on it belongs to that item.
    """
    book = _open(path)
    mark = f"{dt.date.fromtimestamp(os.path.getmtime(path)).isoformat()} {os.path.basename(path)}"
    try:
        sheets = {ws.title: ws for ws in book.worksheets if hasattr(ws, "_get_source")}
        cells = _Budget(path)
        archive_name = next((n for n in headers.get("archive", []) if n in sheets), None)
        archive = _archive(_rows(sheets[archive_name], cells)) if archive_name else None
        notes: list[Note] = []
        seen: set[str] = set()  # the archive keys the rows name
        found = False
        for title, ws in sheets.items():
            if title == archive_name:
                continue
            rows = _rows(ws, cells)
            columns = _header(rows, headers)
            if columns is None:
                continue
            found = True
            for number, row in rows:
                notes += _row_notes(row, columns, mark, f"{title}!{number}", orphan, archive, seen)
        # an archived note no row names (its row, key column or 沿用 column deleted) is carried as
        # archived: only emptying its 沿用 cell clears a note
        notes += [note for key, note in (archive or {}).items() if key not in seen]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, SyntaxError) as exc:
        raise _unreadable(path, exc) from None
    finally:
        book.close()
    if not found:
        raise ReadError(*say("notes.no_column", path=path))
    return notes


def _open(path: str):
    from ..read.limits import check_regular, check_zip_bytes
    from ..xlsx import load_openpyxl

    load_openpyxl()
    from openpyxl import load_workbook

    check_regular(path, "notes")
    try:
        with open(path, "rb") as fh:
            head = fh.read(4)
        if head != b"PK\x03\x04":
            raise ReadError(*say("notes.not_xlsx", path=path))
        with open(path, "rb") as fh:
            data = fh.read()
        check_zip_bytes(data, path)
        if not any(n.startswith("xl/") for n in zipfile.ZipFile(io.BytesIO(data)).namelist()):
            raise ReadError(*say("notes.not_xlsx", path=path))  # a .docx or .ods is no damaged workbook
        # formulas as typed (=1+1), not a cached value that an editor may or may not have stored
        return load_workbook(path, read_only=True, data_only=False)
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl raises assorted errors on corrupt parts
        raise _unreadable(path, exc) from None


def _unreadable(path: str, exc: BaseException) -> ReadError:
    why = exc.__class__.__name__
    return ReadError(*say("notes.damaged", path=path, why=why))


def header_key(text) -> str:
    """A header cell as matched: no padding, no bracketed suffix, no colon (复核意见(张三) -> 复核意见)."""
    text = re.sub(r"\s+", "", str(text or "")).strip(COLONS)
    return _SUFFIX.sub("", text) or text


class _Budget:
    """The filled cells read of one workbook, within ``MAX_CELLS``."""

    def __init__(self, path: str):
        self.path, self.count = path, 0

    def take(self, n: int) -> None:
        from ..read.limits import MAX_CELLS, over

        self.count += n
        if self.count > MAX_CELLS:
            raise over(self.path, "filled_cells", self.count, MAX_CELLS)


def _rows(ws, budget: _Budget):
    """(row number, {column index: value}) of each row of a sheet that holds a value, streamed
    from its XML: a stray cell at XFD1048576, or a dimension that claims a million rows, costs
    one cell, not a million empty rows of 16,384 columns (openpyxl's rows)."""
    from openpyxl.worksheet._reader import WorkSheetParser

    book = ws.parent
    with ws._get_source() as src:
        formats = {"date_formats": book._date_formats, "timedelta_formats": book._timedelta_formats}
        parser = WorkSheetParser(src, ws._shared_strings, data_only=False, epoch=book.epoch, **formats)
        for number, cells in parser.parse():
            row = {c["column"] - 1: c["value"] for c in cells if c["value"] is not None}
            if row:
                budget.take(len(row))
                yield number, row


def _listed(row: dict) -> list:
    """A row's values from column A to its last value."""
    return [row.get(i) for i in range(max(row) + 1)]


def _header(rows, headers: dict[str, list[str]]) -> dict | None:
    """The columns of each role, from the first of a sheet's first rows that has a note column."""
    wanted = {role: [header_key(n) for n in names] for role, names in headers.items() if role != "archive"}
    for _n, (_number, row) in zip(range(HEADER_SEARCH), rows):
        keys = [header_key(h) for h in _listed(row)]
        columns = {role: [keys.index(n) for n in names if n in keys] for role, names in wanted.items()}
        if columns.get("review") or columns.get("carried") or columns.get("doubt_review"):
            return columns
    return None


def _archive(rows) -> dict[str, Note]:
    """key -> the note as archived (whole, with what it was written against)."""
    out = {}
    for number, row in rows:
        cells = [str(v) if v is not None else "" for v in _listed(row)]
        if number == 1 or len(cells) <= ARCHIVE_TEXT or not cells[0]:
            continue
        key, ids, heading, check, mark, where = cells[:ARCHIVE_TEXT]
        text = "".join(cells[ARCHIVE_TEXT:])
        out[key] = Note(text, tuple(i for i in ids.split(ID_SEPARATOR) if i), heading, mark, where, check)
    return out


def _row_notes(row: dict, columns: dict, mark: str, where: str, orphan: tuple[str, ...],
               archive: dict[str, Note] | None, seen: set[str]) -> list[Note]:  # fmt: skip
    def cell(i):
        value = row.get(i)
        return str(value).strip() if value is not None else ""

    ids = tuple(i for c in columns["ids"] for i in cell(c).split(ID_SEPARATOR) if i)
    heading = next((cell(c) for c in columns["heading"] if cell(c)), "")
    if columns.get("doubt_review"):  # 疑点清单: a doubt is named by its kind, items and words
        first = lambda role: next((cell(c) for c in columns.get(role, []) if cell(c)), "")  # noqa: E731
        ids, heading = doubt_ids(first("doubt_kind"), first("doubt_items")), first("doubt_words")
    message = next((cell(c) for c in columns["message"] if cell(c)), "") if not ids else ""
    visible = "\n".join(cell(c) for c in columns["carried"])
    kept = _archived(row, columns, archive, visible, seen) if archive is not None else None
    if any(cell(c) in orphan for c in columns["check"]):  # a finding of a note whose item was gone
        first = kept[0] if kept else None
        ids, heading, message = (first.ids, first.heading, first.check) if first else (
            (), next((cell(c) for c in columns["evidence"] if cell(c)), ""), "")  # fmt: skip
    reviews = columns["review"] + columns.get("doubt_review", [])
    out = [Note(cell(c), ids, heading, mark, where, message) for c in reviews if cell(c)]
    if kept is not None:
        typed = _typed(visible, kept)  # what a reviewer added in the 沿用 cell is a note of this round
        out += [Note(typed, ids, heading, mark, where, message)] if typed else []
        return out + [n if n.where else Note(n.text, n.ids, n.heading, n.mark, where, n.check) for n in kept]
    for line in visible.split("\n"):
        m = CARRIED.match(line.strip())
        if m:
            out.append(Note(m.group("text"), ids, heading, m.group("mark"), where, message))
    return out


def _archived(row: dict, columns: dict, archive: dict[str, Note], visible: str, seen: set[str]) -> list[Note] | None:
    """The archived notes the row's key column names (added to ``seen``), unless a reviewer
    emptied its 沿用 cell; None where it names none the archive holds (its visible cell is read)."""
    keys = [k for c in columns.get("keys", []) if row.get(c) for k in str(row[c]).split()]
    known = [k for k in keys if k in archive] if columns["carried"] else []
    if not known:
        return None
    seen.update(known)
    return [archive[k] for k in known] if visible.strip() else []


def _typed(visible: str, kept: list[Note]) -> str:
    """The lines of a 沿用 cell that are part of none of its carried notes (less their marks):
    what a reviewer typed there."""
    rest = visible
    for n in kept:
        for word in WORDS["carried_word"]:
            rest = rest.replace(f"({word} {n.mark})", "")
    for cut in WORDS["note.in_archive"]:
        rest = rest.replace(cut, "")
    lines = [line.strip() for line in rest.split("\n") if line.strip()]
    return "\n".join(line for line in lines if not any(line in n.text for n in kept))
