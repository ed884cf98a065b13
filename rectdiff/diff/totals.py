"""The stated totals of two versions, paired: the one rule every renderer and check uses.

Two totals are the same total when they count the same kind of item (举一反三, 立行立改 …) or,
for totals that count no listed kind, when their categories say the same thing. Pairing is
the optimal assignment of ``align.assign``, so two feedback totals in one report (具体问题 and
整改任务) each find their own counterpart.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..align import assign
from ..align.lsap import assign_rows, pure
from ..model import STATUS_FIELDS
from ..records import Total, TotalPair
from ..zh.normalize import match_key

#: categories at least this similar name the same total
MIN_CATEGORY = 0.6
#: the same listed kind counts for this much of the score
SAME_KIND = 0.5
_VALUES = ["total", *STATUS_FIELDS, "stated_rate"]


def pair_stated_totals(old_rows: Sequence[Total], new_rows: Sequence[Total]) -> tuple[tuple[int, int], ...]:
    """Which stated totals of two versions are the same total, (old, new) positions in their
    ``total_rows``: the report's own totals among themselves and an item's own counts (``in_item``)
    among theirs, never one for the other: a count of one item's sub-problems is not the report's
    total. So the series, which follows the report's own totals (``history.trajectories``), follows
    every pairing a comparison of the same versions makes, by construction."""
    out: list[tuple[int, int]] = []
    for in_item in (False, True):
        olds = [n for n, t in enumerate(old_rows) if bool(t.in_item) == in_item]
        news = [n for n, t in enumerate(new_rows) if bool(t.in_item) == in_item]
        found = total_pairs([old_rows[n] for n in olds], [new_rows[n] for n in news])
        out += [(olds[i], news[j]) for i, j in found]
    return tuple(sorted(out))


def pair_totals(
    old_rows: Sequence[Total], new_rows: Sequence[Total], pairing: Sequence[tuple[int, int]]
) -> list[TotalPair]:
    """One ``TotalPair`` per stated total of either version, new report's order first; ``pairing``:
    which are the same total (``pair_stated_totals``, the comparison's own pairing)."""
    pairs = {j: i for i, j in pairing}
    rows = [_row(old_rows[pairs[j]] if j in pairs else None, n) for j, n in enumerate(new_rows)]
    paired_old = set(pairs.values())
    rows += [_row(o, None) for i, o in enumerate(old_rows) if i not in paired_old]
    return rows


def total_pairs(old_rows: Sequence[Total], new_rows: Sequence[Total]) -> list[tuple[int, int]]:
    """Which stated totals of two versions are the same total: (old, new) positions."""
    from rapidfuzz import fuzz

    score = [[0.0] * len(new_rows) for _ in old_rows]
    eligible = [[False] * len(new_rows) for _ in old_rows]
    new_keys = [match_key(n.category) for n in new_rows]
    for i, o in enumerate(old_rows):
        key = match_key(o.category)
        for j, n in enumerate(new_rows):
            similarity = fuzz.ratio(key, new_keys[j]) / 100.0
            same_kind = bool(o.kind) and o.kind == n.kind
            score[i][j] = similarity + (SAME_KIND if same_kind else 0.0)
            eligible[i][j] = (same_kind or not (o.kind or n.kind)) and (similarity >= MIN_CATEGORY or same_kind)
    if pure(len(old_rows), len(new_rows)):
        return sorted(assign_rows(score, eligible))
    import numpy as np

    return sorted(assign(np.array(score, dtype=np.float64).reshape(len(old_rows), len(new_rows)),
                         np.array(eligible, dtype=bool).reshape(len(old_rows), len(new_rows))))  # fmt: skip


def similar_categories(a: str, b: str) -> bool:
    """Do two categories say the same thing (巡察反馈问题 / 本轮巡察反馈问题), kind aside?"""
    from rapidfuzz import fuzz

    return fuzz.ratio(match_key(a), match_key(b)) >= 100 * MIN_CATEGORY


def _row(old: Total | None, new: Total | None) -> TotalPair:
    either = new or old
    return TotalPair(category=either.category, kind=either.kind, in_item=bool(either.in_item),
                     **_sided("old", old), **_sided("new", new))  # fmt: skip


def _sided(side: str, total: Total | None) -> dict:
    """One side's fields of a ``TotalPair`` (old_total, old_completed … old_source_at)."""
    out = {f"{side}_{field}": getattr(total, field) if total else None for field in _VALUES}
    out[f"{side}_evidence"] = total.evidence if total else None
    out[f"{side}_source"] = total.source if total else ""  # 出处 of the sentence that states it
    out[f"{side}_source_at"] = total.source_at if total else None
    return out
