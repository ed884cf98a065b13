"""Reviewer notes carried onto the items of a new result: matched by the item's ids and heading
first, then by the same alignment that pairs items (a renumbered or reworded item keeps its
note), never by row number. A note on a check follows a check that says the same. A note whose
item is gone is not lost: it becomes a finding of its own."""

from __future__ import annotations

from dataclasses import replace
from difflib import SequenceMatcher
from typing import NamedTuple

from ..align import align_items
from ..catalogue import say
from ..model import Comparison, Note, Series, check_row
from ..records import Check, of
from ..zh.normalize import match_key
from .cells import note_cells
from .doubts import described, match_doubt_notes, on_doubt


def match_notes(notes: list[Note], targets: list[tuple[set, str]]) -> tuple[dict[int, list[Note]], list[Note]]:
    """``targets``: (ids, heading) per row of the new result. Returns notes by row, and the orphans.

    A note goes where its ids and heading both match; else the notes of one item (same ids and
    heading: several notes, or several orphan findings of one item) are aligned together, so
    that all of them follow it; else a row that shares an id and much of the heading (a
    reworded item in its place) takes them."""
    found: dict[int, list[Note]] = {}
    keys = [match_key(heading) for _ids, heading in targets]
    exact: dict[tuple[str, str], int] = {}
    for i, (ids, _h) in enumerate(targets):
        for item_id in ids:
            exact.setdefault((item_id, keys[i]), i)
    groups: dict[tuple, list[Note]] = {}
    for note in notes:
        key = match_key(note.heading)
        row = next((exact[(i, key)] for i in note.ids if (i, key) in exact), None)
        if row is None:
            groups.setdefault((note.ids, key), []).append(note)
        else:
            found.setdefault(row, []).append(note)
    rest = list(groups.items())
    if rest and targets:
        old = _frame([(ids[0] if ids else f"note-{i}", key) for i, ((ids, key), _n) in enumerate(rest)])
        new = _frame([(sorted(ids)[0] if ids else f"row-{i}", heading) for i, (ids, heading) in enumerate(targets)])
        left = []
        for o, t, _sim in align_items(old, new):
            if o >= 0 and t >= 0:
                found.setdefault(int(t), []).extend(rest[o][1])
            elif o >= 0:
                left.append(rest[o])
        rest = [group for group in left if not _in_place(group, targets, keys, found)]
    return found, [note for _key, group in rest for note in group]


def _in_place(group: tuple, targets: list[tuple[set, str]], keys: list[str], found: dict) -> bool:
    """A reworded item in its place: the one row with one of the notes' ids and a heading that
    still shares much with the notes' (then the notes go there)."""
    (ids, key), notes = group
    rows = [i for i, (row_ids, _h) in enumerate(targets) if set(ids) & row_ids]
    close = [i for i in rows if SequenceMatcher(None, key, keys[i]).ratio() >= 0.5]
    if len(close) != 1:
        return False
    found.setdefault(close[0], []).extend(notes)
    return True


class _Heading(NamedTuple):
    """What the alignment reads of an item, for a note: the heading is all it knows of its item."""

    item_id: str
    parent_id: str
    kind: str
    key: str
    body: str
    order: int


def _frame(rows: list[tuple[str, str]]) -> list[_Heading]:
    """Minimal items for the alignment, one per (id, heading)."""
    return [_Heading(f"{i}:{item_id}", "", "item", match_key(h), "", i + 1) for i, (item_id, h) in enumerate(rows)]


def carry_notes(result: Comparison, notes: list[Note]) -> Comparison:
    """The comparison with earlier notes on its pairs and checks; a note whose item is gone
    becomes a finding of its own (before the passes, like every finding)."""
    targets = [({p.old_id, p.new_id} - {None}, p.new_heading or p.old_heading or "") for p in result.pair_rows]
    found, checks, by_check, by_doubt = carry(notes, targets, result.check_rows, "both", result.doubts)
    cells, check_cells, doubt_cells = note_cells(found, by_check, by_doubt)
    return replace(result, check_rows=checks, notes=found, check_notes=by_check,
                   note_cells=cells, check_note_cells=check_cells, doubt_notes=by_doubt,
                   doubt_note_cells=doubt_cells)  # fmt: skip


def carry_series_notes(series: Series, notes: list[Note]) -> Series:
    """The series with earlier notes on its lineages (matched by any version's id and the
    heading, then by alignment) and checks; a note whose item is gone becomes a finding of the
    latest version (scope V4 of 'V4 2024-12-20')."""
    targets = [({i for i in lineage.ids if i}, lineage.heading) for lineage in series.lineage_rows]
    found, checks, by_check, by_doubt = carry(notes, targets, series.check_rows, series.labels[-1].split()[0],
                                              series.doubts)  # fmt: skip
    cells, check_cells, doubt_cells = note_cells(found, by_check, by_doubt)
    return replace(series, notes=found, check_rows=checks, check_notes=by_check,
                   note_cells=cells, check_note_cells=check_cells, doubt_notes=by_doubt,
                   doubt_note_cells=doubt_cells)  # fmt: skip


def carry(notes: list[Note], targets: list[tuple[set, str]], checks: tuple[Check, ...], scope: str,
          doubts: tuple = ()):  # fmt: skip
    """What a comparison and a series share: notes onto their rows (``targets``: ids and heading
    per row) and onto the checks. Returns (row -> notes, the checks with a finding per note whose
    item is gone, check position -> notes). An orphaned item note stands beside its own finding,
    so that the next round carries it on (and puts it back on its item, or its check, if that
    returns). Notes on doubts go onto the same doubts (``doubts``): the last of the returns is
    doubt position -> notes."""
    by_doubt, doubts_gone = match_doubt_notes([n for n in notes if on_doubt(n)], doubts)
    found, orphans = match_notes([n for n in notes if not n.check and not on_doubt(n)], targets)
    on_checks = [n for n in notes if n.check and not on_doubt(n)]
    _matched, missing = check_notes(on_checks, checks)
    lost = orphans + missing + doubts_gone  # an item gone, a check that no longer fires: each its own finding
    orphan_rows = orphan_checks(lost, scope)
    checks = with_findings(checks, orphan_rows)
    by_check, _ = check_notes(on_checks, checks)
    own = {row["message"]: note for note, row in zip(lost, orphan_rows)}
    for i, message in enumerate(c.message for c in checks):
        if message in own:
            by_check.setdefault(i, []).append(own[message])
    return found, checks, by_check, by_doubt


def with_findings(checks: tuple[Check, ...], rows: list[dict]) -> tuple[Check, ...]:
    """Checks with more findings placed before the passes."""
    if not rows:
        return checks
    found = tuple(of(Check, row) for row in rows)
    return tuple(c for c in checks if c.severity != "ok") + found + tuple(c for c in checks if c.severity == "ok")


def orphan_checks(orphans: list[Note], scope: str) -> list[dict]:
    """A note whose item is gone, as a finding on 核对: never lost."""
    out = []
    for note in orphans:
        doubt = on_doubt(note)
        what = described(note) if doubt else note.heading or note.check or "—"
        why = say("note.doubt_gone" if doubt else "note.check_gone" if note.check else "note.item_gone")
        message = say("check.note_not_carried", why=why, what=what, text=note.text, where=note.where, mark=note.mark)
        out.append(check_row(scope, "note_not_carried", "info", message, note.heading or note.check))
    return out


def check_notes(notes: list[Note], checks: tuple[Check, ...]) -> tuple[dict[int, list[Note]], list[Note]]:
    """Notes written on checks, onto the checks that say the same (in either language)."""
    found: dict[int, list[Note]] = {}
    rest = []
    messages = [(c.message, c.message_en) for c in checks]
    for note in notes:
        row = next((i for i, pair in enumerate(messages) if note.check in pair), None)
        if row is None:
            rest.append(note)
        else:
            found.setdefault(row, []).append(note)
    return found, rest
