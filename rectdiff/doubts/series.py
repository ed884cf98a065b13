"""The doubts of a series: each step's, an item's overdue steps and deadline moves joined into
one doubt per item, and 反复 read from the whole lineage (across a gap too)."""

from __future__ import annotations

from dataclasses import replace

from ..catalogue import Said, join, say
from ..model import Series
from .kinds import doubt, place
from .steps import UNFINISHED, relapse

#: kinds joined into one doubt per item across the steps of a series
JOINED = ("overdue", "deadline_moved")


def short(label: str) -> str:
    """V2 of 'V2 2023-12-22'."""
    return label.split()[0]


def series_doubts(series: Series, step) -> list:
    """Every doubt of ``series``; ``step(comparison, old_label, new_label)`` gives one step's."""
    labels = [short(label) for label in series.labels]
    lineage_of = {(k, i): n for n, lin in enumerate(series.lineage_rows) for k, i in enumerate(lin.ids) if i}
    joined: dict[tuple, list] = {}
    out = []
    for k, comparison in enumerate(series.comparisons):
        for d in step(comparison, labels[k], labels[k + 1]):
            if d.kind == "relapsed":
                continue  # read from the lineage below, which sees across a gap
            if d.kind in JOINED:
                joined.setdefault((d.kind, lineage_of.get((k + 1, d.places[-1].item_id))), []).append(d)
            else:
                out.append(d)
    out += [_join(found) for found in joined.values()]
    return out + _relapses(series, labels)


def _join(found: list):
    """One doubt of several steps: every version's place, the latest words; a deadline moved
    twice or more is 一再延期 at its fullest (high)."""
    if len(found) == 1:
        return found[0]
    places = list({p.version: p for d in found for p in d.places}.values())
    last = found[-1]
    if last.kind == "deadline_moved":
        chain = [d.words.split(":", 1)[1].split(" → ")[0] for d in found] + [last.words.rsplit(" → ", 1)[1]]
        words = say("doubt.deadline_words", chain=" → ".join(chain)).zh
        reason = say("doubt.deadline_again", chain=join("sep.step", [Said(c, c) for c in chain]))
        return doubt("deadline_moved", places, words, reason, "high")
    return replace(last, places=tuple(places), versions=tuple(dict.fromkeys(p.version for p in places)))


def _relapses(series: Series, labels: list[str]) -> list:
    """反复: done in one version, unfinished in a later one (the first such step of each item)."""
    rows = [{r.item_id: r for r in report.compared_rows} for report in series.reports]
    out = []
    for ids, statuses in ((lin.ids, lin.statuses) for lin in series.lineage_rows):
        done = next((k for k, s in enumerate(statuses) if s == "completed"), None)
        if done is None:
            continue
        back = next((j for j in range(done + 1, len(statuses)) if statuses[j] in UNFINISHED), None)
        if back is not None:
            o, n = rows[done][ids[done]], rows[back][ids[back]]
            out.append(relapse(o, n, (place(labels[done], o, evidence=True), place(labels[back], n, evidence=True))))
    return out
