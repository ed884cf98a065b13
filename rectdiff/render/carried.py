"""Carried reviewer notes in a workbook: the visible 沿用复核意见 cell, and the hidden archive
(复核意见存档) that keeps every note whole with the item or check it was written against, so
that the next round reads back exactly what was written, however long, multi-line or odd.

Each row that carries notes names them in a hidden key column (沿用键); the archive holds one
row per note: key, ids, heading, check, mark, where it was read, and the text in parts of at
most one cell's length (``rectdiff.notes.workbook`` reads this layout)."""

from __future__ import annotations

from .labels import tr
from .output import CELL_LIMIT

#: what one note may show in a visible cell shared with others (the archive holds the rest)
_SHARED_ROOM = CELL_LIMIT - 200
_PART = CELL_LIMIT - 1
ARCHIVE_COLUMNS = ("note_key", "ids", "heading", "check", "carried_word", "where")


def carried(notes: list, lang: str) -> str:
    """Earlier reviewer notes, one per line, each with where it was first written; a note too
    long for its share of the cell shows its beginning (the archive keeps it whole)."""
    room = max(100, (_SHARED_ROOM - 100 * len(notes)) // max(1, len(notes)))
    lines = []
    for n in notes:
        text = n.text if len(n.text) <= room else n.text[:room] + tr("note.in_archive", lang)
        lines.append(f"{text} ({tr('carried_word', lang)} {n.mark})")
    return "\n".join(lines)


def note_keys(book, notes: list) -> str | None:
    """The keys of ``notes`` in ``book``'s archive (added there), for a row's hidden key column."""
    keys = []
    for note in notes:
        key = f"{book.nonce}.{len(book.archive) + 1}"
        book.archive.append((key, note))
        keys.append(key)
    return " ".join(keys) or None


def write_archive(book) -> None:
    """The hidden 复核意见存档 sheet, when the book carries any note: every note whole, as text."""
    if not book.archive:
        return
    ws = book.wb.create_sheet(tr("sheet.notes_archive", book.lang)[:31])
    ws.sheet_state = "hidden"
    headers = [tr(k, book.lang) for k in ARCHIVE_COLUMNS] + [tr("full_text", book.lang)]
    for c, header in enumerate(headers, 1):
        _text(ws, 1, c, header)
    for r, (key, note) in enumerate(book.archive, 2):
        text = book.clean.text(note.text)
        parts = [text[i : i + _PART] for i in range(0, len(text), _PART)] or [""]
        values = [key, " | ".join(note.ids), note.heading, note.check, note.mark, note.where, *parts]
        for c, value in enumerate(values, 1):
            _text(ws, r, c, book.clean.text(value))


def _text(ws, row: int, col: int, value: str) -> None:
    """A cell stored as text whatever it begins with (a note may begin with =)."""
    cell = ws.cell(row=row, column=col)
    cell.value = value
    cell.data_type = "s"
