"""The reviewer-notes round trip (``--notes``): the 复核意见 a reviewer typed into a workbook
rectdiff wrote, read back and carried onto the next result, round after round.

- ``workbook``: reading every note of a workbook (its 复核意见 cells, and the notes an earlier
  run carried, whole, from the hidden archive 复核意见存档), each with the ids and heading of its row;
- ``carry``: matching them onto a ``Comparison`` or a ``Series`` — by ids and heading, then by
  the alignment that pairs items (renumbered or reworded), a note on a check onto a check that
  says the same; a note whose item is gone becomes a finding of its own on 核对, never lost.

The stage sits between ``doubts`` and ``render``: it takes the results of ``diff``, ``history``
and ``doubts`` and returns them with their notes, for the renderer to write. It finds a
workbook's columns by the headers the renderer writes, read from the shared ``catalogue``; the
renderer imports nothing of it.
"""

from __future__ import annotations

import os
from dataclasses import replace

from ..catalogue import say
from ..catalogue.words import CODES, WORDS
from ..model import Comparison, Note, Series, check_row
from .carry import carry_notes, carry_series_notes, with_findings
from .workbook import read_notes as read_book

__all__ = ["read_notes", "carry_notes", "carry_series_notes", "with_notes"]

#: the code of the finding that a --notes workbook held no note
EMPTY = "notes_empty"
#: role -> the header keys whose words (in either language) name its column
HEADER_KEYS = {
    "review": ("review",), "carried": ("carried",), "ids": ("old_id", "new_id", "id", "ids"),
    "heading": ("new_heading", "old_heading", "heading"), "message": ("message",), "check": ("check",),
    "evidence": ("evidence",), "keys": ("carried_keys",), "archive": ("sheet.notes_archive",),
    "doubt_review": ("doubt.review",), "doubt_kind": ("doubt.kind",), "doubt_items": ("doubt.items",),
    "doubt_words": ("doubt.words",),
}  # fmt: skip


def headers() -> dict[str, list[str]]:
    """Each role's header texts in every language, in order of preference."""
    return {role: [word for key in keys for word in WORDS[key]] for role, keys in HEADER_KEYS.items()}


def read_notes(paths) -> list[Note]:
    """The reviewer notes of one workbook or several (a path or a list of paths), each once."""
    return _unique(note for _path, notes in _read_books(paths) for note in notes)


def with_notes(result: Comparison | Series, paths) -> Comparison | Series:
    """``result`` with the notes of the workbooks at ``paths`` carried onto it. A workbook whose
    note columns are all empty says so: an info finding on 核对 (复核意见文件中没有意见)."""
    books = _read_books(paths)
    series = isinstance(result, Series)
    scope = result.labels[-1].split()[0] if series else "both"
    empty = [path for path, notes in books if not notes]
    if empty:
        rows = [check_row(scope, EMPTY, "info", say("check.notes_empty", name=os.path.basename(path)),
                          os.path.basename(path))
                for path in empty]  # fmt: skip
        result = replace(result, check_rows=with_findings(result.check_rows, rows))
    notes = _unique(note for _path, notes in books for note in notes)
    return carry_series_notes(result, notes) if series else carry_notes(result, notes)


def _read_books(paths) -> list[tuple[str, list[Note]]]:
    orphan = tuple(CODES["note_not_carried"])
    return [(path, read_book(path, headers(), orphan)) for path in ([paths] if isinstance(paths, str) else paths)]


def _unique(notes) -> list[Note]:
    """Each note once (the same note read from two rounds' workbooks)."""
    found: dict[tuple, Note] = {}
    for note in notes:
        found.setdefault((note.text, note.ids, note.heading, note.check), note)
    return list(found.values())
