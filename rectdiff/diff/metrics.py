"""Quantities within one pair of items: which old and new quantities are the same
quantity, and how it changed (``changed``, ``restated`` in other words, ``added``, ``removed``).

Quantities pair by unit and label with the same optimal assignment as items (``align.assign``):
a greedy choice would let the first good-looking label take a quantity that a later one fits
better.
"""

from __future__ import annotations

import numpy as np

from ..align import assign
from ..zh.normalize import match_key

#: labels at least this similar name the same quantity …
MIN_LABEL = 0.6
#: … or at least this similar when the value is also unchanged (the label was reworded)
MIN_LABEL_SAME_VALUE = 0.3
#: an unchanged value makes a candidate slightly better than an equally similar one that changed
SAME_VALUE_BONUS = 0.05


def metrics_by_item(metrics) -> dict[str, list[dict]]:
    """Metric rows grouped by the item they stand in."""
    out: dict[str, list[dict]] = {}
    for row in metrics.to_dict("records"):
        out.setdefault(row["item_id"], []).append(row)
    return out


def _label_key(label: str) -> str:
    return "".join(ch for ch in match_key(label) if not ch.isdigit())


def pair_metrics(old_metrics: list[dict], new_metrics: list[dict]) -> list[tuple[int, int]]:
    """Which quantities of two versions of one item are the same quantity: (old, new) positions."""
    from rapidfuzz import fuzz

    score = np.zeros((len(old_metrics), len(new_metrics)))
    eligible = np.zeros_like(score, dtype=bool)
    for i, old in enumerate(old_metrics):
        for j, new in enumerate(new_metrics):
            if old["unit"] != new["unit"]:
                continue
            similarity = fuzz.ratio(_label_key(old["label"]), _label_key(new["label"])) / 100.0
            same_value = old["nominal"] == new["nominal"]
            if similarity >= MIN_LABEL or (same_value and similarity >= MIN_LABEL_SAME_VALUE):
                score[i, j] = similarity + (SAME_VALUE_BONUS if same_value else 0.0)
                eligible[i, j] = True
    return sorted(assign(score, eligible))


def metric_changes(old_item: dict, new_item: dict, old_metrics: list[dict], new_metrics: list[dict]) -> list[dict]:
    """Changed, restated, added and removed quantities of one pair of items (METRIC_CHANGE_COLUMNS)."""
    pairs = pair_metrics(old_metrics, new_metrics)
    out = []
    for i, j in pairs:
        change = _compare(old_metrics[i], new_metrics[j])
        if change:
            out.append(_row(change, old_item, new_item, old_metrics[i], new_metrics[j]))
    paired_old, paired_new = {i for i, _ in pairs}, {j for _, j in pairs}
    out += [_row("removed", old_item, new_item, m, None) for i, m in enumerate(old_metrics) if i not in paired_old]
    out += [_row("added", old_item, new_item, None, m) for j, m in enumerate(new_metrics) if j not in paired_new]
    return out


def _compare(old: dict, new: dict) -> str | None:
    if abs((old["nominal"] or 0) - (new["nominal"] or 0)) <= 1e-9 * max(1.0, abs(old["nominal"] or 0)):
        if old["approx"] == new["approx"]:
            return "restated" if old["text"] != new["text"] else None
    return "changed"


def _row(change: str, old_item: dict, new_item: dict, old: dict | None, new: dict | None) -> dict:
    old_value = old["nominal"] if old else None
    new_value = new["nominal"] if new else None
    delta = new_value - old_value if old and new else None
    pct = round(100.0 * delta / old_value, 2) if delta is not None and old_value else None
    either = new or old
    return {
        "change": change, "old_id": old_item["item_id"], "new_id": new_item["item_id"],
        "old_heading": old_item["heading"], "new_heading": new_item["heading"],
        "label": either["label"], "unit": either["unit"], "old_text": old["text"] if old else None,
        "new_text": new["text"] if new else None, "old_value": old_value, "new_value": new_value,
        "delta": round(delta, 6) if delta is not None else None, "delta_pct": pct,
        "cumulative": bool((old and old["cumulative"]) or (new and new["cumulative"])),
        "old_source": old.get("source", "") if old else "", "new_source": new.get("source", "") if new else "",
        "old_source_at": old.get("source_at") if old else None, "new_source_at": new.get("source_at") if new else None,
        "multiplier": either.get("multiplier") or "", "suspect": _suspect(old_value, new_value, old, new),
    }  # fmt: skip


#: a figure that grows or shrinks by this factor or more between versions looks mistyped (26.3亿元 → 2.63亿元)
SUSPECT_FACTOR = 5
#: … unless both values are this small (3个 → 15个 is a count that grew, not a slip)
SUSPECT_FLOOR = 10


def _suspect(old_value, new_value, old: dict | None, new: dict | None) -> str:
    """疑似数值错误: ``factor`` (a jump by ``SUSPECT_FACTOR`` or more), ``sign`` (a running total
    that changed sign), else ''."""
    if old_value is None or new_value is None or not old_value or not new_value:
        return ""
    cumulative = bool((old and old["cumulative"]) or (new and new["cumulative"]))
    if cumulative and (old_value > 0) != (new_value > 0):
        return "sign"
    if max(abs(old_value), abs(new_value)) < SUSPECT_FLOOR:
        return ""
    ratio = abs(new_value / old_value)
    return "factor" if ratio >= SUSPECT_FACTOR or ratio <= 1 / SUSPECT_FACTOR else ""
