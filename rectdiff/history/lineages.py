"""Items followed across versions: lineages chained from each version's alignment with the next,
an item that vanishes re-paired with one that appears later (one lineage with a gap, not a
removal and an addition), and what its history says (regressed, stuck, reappeared, vanished)."""

from __future__ import annotations

from dataclasses import replace

from ..align import align_items
from ..model import INFERRED_SOURCES, NO_STATUS_KINDS, Comparison, Report
from ..records import Lineage
from ..rules import status_change
from ..zh.dates import deadline_date, is_overdue

#: the same unfinished status in this many consecutive versions is stuck
STUCK_VERSIONS = 3


def chain(reports: list[Report], comparisons: list[Comparison]) -> list[list[int | None]]:
    """Lineages as lists of row positions, one per version (None where the item is absent)."""
    rows = [r.compared_rows for r in reports]
    position = [{item.item_id: i for i, item in enumerate(items)} for items in rows]
    lineages: list[list[int | None]] = []
    current: dict[int, int] = {}  # row of the latest version -> lineage
    for i in range(len(rows[0])):
        current[i] = len(lineages)
        lineages.append([i] + [None] * (len(reports) - 1))
    for k, comparison in enumerate(comparisons):
        following: dict[int, int] = {}
        for old_id, new_id in ((p.old_id, p.new_id) for p in comparison.pair_rows):
            if new_id is None:
                continue
            j = position[k + 1][new_id]
            lineage = current.get(position[k][old_id]) if old_id is not None else None
            if lineage is None:
                lineage = len(lineages)
                lineages.append([None] * len(reports))
            lineages[lineage][k + 1] = j
            following[j] = lineage
        current = following
    return _close_gaps(lineages, rows)


def _close_gaps(lineages: list[list[int | None]], rows: list[tuple]) -> list[list[int | None]]:
    """Re-pair an item that vanished with one that appears at least one version later."""
    ended = [(n, _last(lin)) for n, lin in enumerate(lineages) if _last(lin) < len(rows) - 1]
    started = [(n, _first(lin)) for n, lin in enumerate(lineages) if _first(lin) > 0]
    if not ended or not started:
        return lineages
    old = [rows[k][lineages[n][k]] for n, k in ended]
    new = [rows[k][lineages[n][k]] for n, k in started]
    merged: set[int] = set()
    for o, s, _sim in align_items(old, new):
        if o < 0 or s < 0:
            continue
        (keep, end), (drop, start) = ended[o], started[s]
        if start > end + 1 and keep not in merged and drop not in merged:
            for k in range(start, len(rows)):
                lineages[keep][k] = lineages[drop][k]
            merged.add(drop)
    return [lin for n, lin in enumerate(lineages) if n not in merged]


def _first(lineage: list) -> int:
    return next(k for k, r in enumerate(lineage) if r is not None)


def _last(lineage: list) -> int:
    return max(k for k, r in enumerate(lineage) if r is not None)


def lineage_records(lineages: list[list[int | None]], reports: list[Report], dates: list[str]) -> tuple[Lineage, ...]:
    """One ``Lineage`` per lineage, in the latest version's order (gone items last)."""
    rows = [r.compared_rows for r in reports]
    out = []
    for lineage in lineages:
        seen = [rows[k][i] if i is not None else None for k, i in enumerate(lineage)]
        latest = next(r for r in reversed(seen) if r is not None)
        deadline = next((r.deadline for r in reversed(seen) if r and r.deadline), "")
        date = deadline_date(deadline)
        record = Lineage(
            lineage=0, kind=latest.kind, heading=latest.heading,
            numbers=[r.number if r else None for r in seen], ids=[r.item_id if r else None for r in seen],
            headings=[r.heading if r else None for r in seen], statuses=[r.status if r else None for r in seen],
            sources=[r.status_source if r else None for r in seen], steps=[],
            first=_first(lineage) + 1,
            last=_last(lineage) + 1, deadline=deadline, deadline_date=date.isoformat() if date else None, flags=[],
        )  # fmt: skip
        order = (0, latest.order) if seen[-1] is not None else (1, _last(lineage), latest.order)
        record = replace(record, steps=steps(record.statuses, record.sources))
        out.append((order, replace(record, flags=flags(record, dates[-1]))))
    out.sort(key=lambda pair: pair[0])
    return tuple(replace(r, lineage=n) for n, (_order, r) in enumerate(out, 1))


def flags(lineage: Lineage, last_date: str) -> list[str]:
    """regressed, stuck, overdue, reappeared, vanished — what the item's history says."""
    statuses = lineage.statuses
    known = [s for s in statuses if s not in (None, "unknown")]
    out = []
    if "regressed" in lineage.steps:  # an inferred status never went back
        out.append("regressed")
    if _stuck(statuses):
        out.append("stuck")
    if _overdue(lineage, known, last_date):  # 逾期 is said as such, never as 停滞
        out.append("overdue")
    if None in statuses[lineage.first - 1 : lineage.last]:  # absent between its first and last version
        out.append("reappeared")
    if statuses[-1] is None and lineage.kind not in NO_STATUS_KINDS:
        out.append("vanished")
    return out


def steps(statuses: list, sources: list) -> list[str | None]:
    """What each version's status says against the versions before it (the timeline's ↑ ↓ and
    推断, and the ``regressed`` flag): a status the report states of the item itself, other than
    the last one it stated, improved or regressed on it (a status from a summary, a section or a
    stated total between them left aside: ``INFERRED_SOURCES``); one that differs from the status
    shown before it otherwise, inferred (either side is the tool's inference); None where it is
    absent, unknown or as before."""
    out: list[str | None] = []
    shown = stated = None
    for status, source in zip(statuses, sources):
        if status in (None, "unknown"):
            out.append(None)
            continue
        inferred = source in INFERRED_SOURCES
        if not inferred and stated is not None and stated != status:
            out.append(status_change(stated, status))
        else:
            out.append("inferred" if shown is not None and shown != status else None)
        shown = status
        stated = stated if inferred else status
    return out


def _stuck(statuses: list) -> bool:
    run, previous = 0, None
    for status in statuses:
        unfinished = status not in (None, "unknown", "completed")
        run = run + 1 if unfinished and status == previous else (1 if unfinished else 0)
        previous = status
        if run >= STUCK_VERSIONS:
            return True
    return False


def _overdue(lineage: Lineage, known: list, last_date: str) -> bool:
    """Past its stated 整改时限 by the latest version's date, and not done."""
    if not known or lineage.statuses[-1] is None:
        return False
    return is_overdue(lineage.deadline, known[-1], last_date)
