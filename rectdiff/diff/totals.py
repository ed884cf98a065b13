"""The stated totals of two versions, paired: the one rule every renderer and check uses.

Two totals are the same total when they count the same kind of item (举一反三, 立行立改 …) or,
for totals that count no listed kind, when their categories say the same thing. Pairing is
the optimal assignment of ``align.assign``, so two feedback totals in one report (具体问题 and
整改任务) each find their own counterpart.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..align import assign
from ..model import STATUS_FIELDS, TOTAL_PAIR_COLUMNS
from ..zh.normalize import match_key

#: categories at least this similar name the same total
MIN_CATEGORY = 0.6
#: the same listed kind counts for this much of the score
SAME_KIND = 0.5
_VALUES = ["total", *STATUS_FIELDS, "stated_rate"]


def pair_totals(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """One ``TOTAL_PAIR_COLUMNS`` row per stated total of either version, new report's order first."""
    old_rows, new_rows = old.to_dict("records"), new.to_dict("records")
    pairs = {j: i for i, j in total_pairs(old_rows, new_rows)}
    rows = [_row(old_rows[pairs[j]] if j in pairs else None, n) for j, n in enumerate(new_rows)]
    paired_old = set(pairs.values())
    rows += [_row(o, None) for i, o in enumerate(old_rows) if i not in paired_old]
    return pd.DataFrame(rows, columns=TOTAL_PAIR_COLUMNS, dtype=object)


def total_pairs(old_rows: list[dict], new_rows: list[dict]) -> list[tuple[int, int]]:
    """Which stated totals of two versions are the same total: (old, new) positions."""
    from rapidfuzz import fuzz

    score = np.zeros((len(old_rows), len(new_rows)))
    eligible = np.zeros_like(score, dtype=bool)
    for i, o in enumerate(old_rows):
        for j, n in enumerate(new_rows):
            similarity = fuzz.ratio(match_key(o["category"]), match_key(n["category"])) / 100.0
            same_kind = bool(o["kind"]) and o["kind"] == n["kind"]
            score[i, j] = similarity + (SAME_KIND if same_kind else 0.0)
            eligible[i, j] = (same_kind or not (o["kind"] or n["kind"])) and (similarity >= MIN_CATEGORY or same_kind)
    return sorted(assign(score, eligible))


def similar_categories(a: str, b: str) -> bool:
    """Do two categories say the same thing (巡察反馈问题 / 本轮巡察反馈问题), kind aside?"""
    from rapidfuzz import fuzz

    return fuzz.ratio(match_key(a), match_key(b)) >= 100 * MIN_CATEGORY


def _row(old: dict | None, new: dict | None) -> dict:
    either = new or old
    row = {"category": either["category"], "kind": either["kind"], "in_item": bool(either.get("in_item"))}
    for side, total in (("old", old), ("new", new)):
        for field in _VALUES:
            row[f"{side}_{field}"] = total[field] if total else None
        row[f"{side}_evidence"] = total["evidence"] if total else None
        row[f"{side}_source"] = total.get("source", "") if total else ""  # 出处 of the sentence that states it
        row[f"{side}_source_at"] = total.get("source_at") if total else None
    return row
