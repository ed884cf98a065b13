"""Carried notes as a workbook shows them (the renderer writes these cells as given, and
``workbook`` reads them back): the visible 沿用复核意见 cell, and the rows of the hidden archive
复核意见存档 that keeps every note whole with the item or check it was written against, so that the
next round reads back exactly what was written, however long, multi-line or odd.

Each row that carries notes names them in a hidden key column (沿用键); the archive holds one
row per note: key, ids, heading, check, mark, where it was read (``NOTE_ARCHIVE_COLUMNS``), and
the text in parts of at most one cell's length."""

from __future__ import annotations

import itertools
import secrets

from ..catalogue.words import WORDS
from ..model import CELL_LIMIT, Note, NoteCell

#: the separator of several ids in one cell (a timeline row: one id per version)
ID_SEPARATOR = " | "
#: what one note may show in a visible cell shared with others (the archive holds the rest)
_SHARED_ROOM = CELL_LIMIT - 200
_PART = CELL_LIMIT - 1


def note_cells(*tables: dict[int, list[Note]]) -> list[dict[int, NoteCell]]:
    """Each table of carried notes (position -> notes) as cells (position -> ``NoteCell``), their
    archive keys unique across the tables and never matching another result's."""
    nonce = secrets.token_hex(3)
    numbers = itertools.count(1)
    out = []
    for notes_at in tables:
        out.append({n: _cell(notes, nonce, numbers) for n, notes in sorted(notes_at.items()) if notes})
    return out


def _cell(notes: list[Note], nonce: str, numbers) -> NoteCell:
    zh, en = (_shown(notes, side) for side in (0, 1))
    return NoteCell(zh, en, tuple(_archived(f"{nonce}.{next(numbers)}", note) for note in notes))


def _shown(notes: list[Note], side: int) -> str:
    """Earlier reviewer notes, one per line, each with where it was first written; a note too
    long for its share of the cell shows its beginning (the archive keeps it whole)."""
    room = max(100, (_SHARED_ROOM - 100 * len(notes)) // max(1, len(notes)))
    lines = []
    for n in notes:
        text = n.text if len(n.text) <= room else n.text[:room] + WORDS["note.in_archive"][side]
        lines.append(f"{text} ({WORDS['carried_word'][side]} {n.mark})")
    return "\n".join(lines)


def _archived(key: str, note: Note) -> tuple[str, ...]:
    parts = [note.text[i : i + _PART] for i in range(0, len(note.text), _PART)] or [""]
    return (key, ID_SEPARATOR.join(note.ids), note.heading, note.check, note.mark, note.where, *parts)
