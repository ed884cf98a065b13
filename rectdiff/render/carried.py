"""Carried reviewer notes in a workbook, written as the result gives them (``rectdiff.notes``
builds each ``NoteCell``): the visible 沿用复核意见 cell, the row's hidden key column (沿用键), and
the hidden archive (复核意见存档) that keeps every note whole."""

from __future__ import annotations

from ..model import NOTE_ARCHIVE_COLUMNS
from .labels import tr


def carried(cell, lang: str) -> str | None:
    """The 沿用 cell of a row (``cell``: its ``NoteCell``, or None)."""
    return cell.shown(lang) if cell is not None else None


def note_keys(book, cell) -> str | None:
    """The row's hidden key column; its notes' archive rows are kept in ``book`` for the archive."""
    if cell is None:
        return None
    book.archive.extend(cell.archive)
    return cell.keys or None


def write_archive(book) -> None:
    """The hidden 复核意见存档 sheet, when the book carries any note: every note whole, as text."""
    if not book.archive:
        return
    ws = book.wb.create_sheet(tr("sheet.notes_archive", book.lang)[:31])
    ws.sheet_state = "hidden"
    headers = [tr(k, book.lang) for k in NOTE_ARCHIVE_COLUMNS] + [tr("full_text", book.lang)]
    for c, header in enumerate(headers, 1):
        _text(ws, 1, c, header)
    for r, values in enumerate(book.archive, 2):
        for c, value in enumerate(values, 1):
            _text(ws, r, c, book.clean.text(value))


def _text(ws, row: int, col: int, value: str) -> None:
    """A cell stored as text whatever it begins with (a note may begin with =)."""
    cell = ws.cell(row=row, column=col)
    cell.value = value
    cell.data_type = "s"
