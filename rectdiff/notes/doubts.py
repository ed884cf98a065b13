"""Notes on doubts: what a reviewer types into 疑点清单's 核实情况 column follows the same doubt
into the next workbook. A doubt has no id: a note names it by its kind and items (and its
words), kept in the note's ``ids`` (``doubt:KIND``, then each item as "number heading") and
``heading`` (the words), so that the archive and the not-carried finding keep it as they keep
an item's note."""

from __future__ import annotations

from ..catalogue import DOUBT_KINDS, Said
from ..model import Doubt, Note
from ..zh.normalize import match_key

#: the first id of a note on a doubt: doubt:KIND
PREFIX = "doubt:"


def doubt_ids(kind_name: str, items: str) -> tuple[str, ...]:
    """The ids of a note read from a 疑点清单 row: its kind (read by its name, in either
    language) and its items, one per line."""
    kind = next((code for code, names in DOUBT_KINDS.items() if kind_name in names), kind_name)
    return (PREFIX + kind, *[line.strip() for line in items.split("\n") if line.strip()])


def on_doubt(note: Note) -> bool:
    """True for a note written on a doubt."""
    return bool(note.ids) and note.ids[0].startswith(PREFIX)


def described(note: Note) -> Said:
    """A doubt note's doubt as a finding names it, in each language: kind: items."""
    kind = note.ids[0][len(PREFIX) :]
    names = DOUBT_KINDS.get(kind, (kind, kind))
    return Said(*(" | ".join([name, *note.ids[1:]]) for name in names))


def match_doubt_notes(notes: list[Note], doubts: tuple[Doubt, ...]) -> tuple[dict[int, list[Note]], list[Note]]:
    """Notes onto the doubts of the same kind with the same items, else the same words.
    Returns doubt position -> notes, and the notes whose doubt is gone."""
    found: dict[int, list[Note]] = {}
    lost = []
    for note in notes:
        kind, items, words = note.ids[0][len(PREFIX) :], tuple(note.ids[1:]), match_key(note.heading)
        same = [i for i, d in enumerate(doubts) if d.kind == kind and tuple(d.items) == items]
        same = same or [i for i, d in enumerate(doubts) if d.kind == kind and words and match_key(d.words) == words]
        if same:
            found.setdefault(same[0], []).append(note)
        else:
            lost.append(note)
    return found, lost
