"""Quantities within one pair of items: which old and new quantities are the same
quantity, and how it changed (``changed``, ``restated`` in other words, ``added``, ``removed``).

Quantities pair by unit and label with the same optimal assignment as items (``align.assign``):
a greedy choice would let the first good-looking label take a quantity that a later one fits
better.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import filterfalse

from ..align.assign import DENSE_CELLS, assign_cells
from ..align.lsap import assign_cell_list, pure
from ..records import Item, Metric, MetricChange
from ..zh.normalize import match_key

#: labels at least this similar name the same quantity …
MIN_LABEL = 0.6
#: … or at least this similar when the value is also unchanged (the label was reworded)
MIN_LABEL_SAME_VALUE = 0.3
#: an unchanged value makes a candidate slightly better than an equally similar one that changed
SAME_VALUE_BONUS = 0.05


def metrics_by_item(metrics: Sequence[Metric]) -> dict[str, list[Metric]]:
    """Quantities grouped by the item they stand in (``Report.metric_rows``)."""
    out: dict[str, list[Metric]] = {}
    for metric in metrics:
        out.setdefault(metric.item_id, []).append(metric)
    return out


@lru_cache(maxsize=1 << 14)
def _label_key(label: str) -> str:
    return "".join(filterfalse(str.isdigit, match_key(label)))


def pair_metrics(old_metrics: list[Metric], new_metrics: list[Metric]) -> list[tuple[int, int]]:
    """Which quantities of two versions of one item are the same quantity: (old, new) positions.

    Candidates are scored per unit, all labels of a unit against all at once (rapidfuzz). An item
    with thousands of quantities (a whole list read as one item) is first anchored by the runs of
    quantities whose unit, label and text are unchanged and in the same order; only the quantities
    between two anchors compete with each other."""
    if not old_metrics or not new_metrics:
        return []
    if len(old_metrics) * len(new_metrics) <= DENSE_CELLS:
        return _assigned(old_metrics, new_metrics, range(len(old_metrics)), range(len(new_metrics)))
    pairs, gaps = _anchored(old_metrics, new_metrics)
    for old_gap, new_gap in gaps:
        pairs += _assigned(old_metrics, new_metrics, old_gap, new_gap)
    return sorted(pairs)


def _assigned(old_metrics, new_metrics, old_left, new_left) -> list[tuple[int, int]]:
    """The optimal pairs among the quantities ``old_left`` and ``new_left`` (ascending positions)."""
    old_left, new_left = list(old_left), list(new_left)
    if pure(len(old_left), len(new_left)):  # the usual few quantities: no numpy to import
        old_at, new_at = {i: r for r, i in enumerate(old_left)}, {j: c for c, j in enumerate(new_left)}
        cells = [(old_at[i], new_at[j], s) for i, j, s in _cells(old_metrics, new_metrics, old_left, new_left)]
        local = assign_cell_list((len(old_left), len(new_left)), cells)
        return [(old_left[i], new_left[j]) for i, j in local]
    import numpy as np

    old_left, new_left = np.asarray(old_left, dtype=np.int64), np.asarray(new_left, dtype=np.int64)
    found = list(_scores_by_unit(old_metrics, new_metrics, old_left.tolist(), new_left.tolist()))
    if not found:
        return []
    rows, cols, score = (np.concatenate(part) for part in zip(*found))
    local = assign_cells(
        (len(old_left), len(new_left)), np.searchsorted(old_left, rows), np.searchsorted(new_left, cols), score
    )
    return [(int(old_left[i]), int(new_left[j])) for i, j in local]


def _units(old_metrics, new_metrics, old_left, new_left):
    """(old positions, new positions) of each unit that both sides have."""
    by_unit: dict = {}
    for i in old_left:
        by_unit.setdefault(old_metrics[i].unit, ([], []))[0].append(i)
    for j in new_left:
        by_unit.setdefault(new_metrics[j].unit, ([], []))[1].append(j)
    return [(old_idx, new_idx) for old_idx, new_idx in by_unit.values() if old_idx and new_idx]


def _cells(old_metrics, new_metrics, old_left, new_left):
    """(old, new, score) of the eligible cells, one pair at a time: ``_scores_by_unit`` with lists."""
    from rapidfuzz.fuzz import ratio

    for old_idx, new_idx in _units(old_metrics, new_metrics, old_left, new_left):
        new_side = [(j, _label_key(new_metrics[j].label), new_metrics[j].nominal) for j in new_idx]
        for i in old_idx:
            key, value = _label_key(old_metrics[i].label), old_metrics[i].nominal
            for j, new_key, new_value in new_side:
                similarity = ratio(key, new_key) / 100.0
                same = value == new_value
                if similarity >= MIN_LABEL or (same and similarity >= MIN_LABEL_SAME_VALUE):
                    yield i, j, similarity + (SAME_VALUE_BONUS if same else 0.0)


def _scores_by_unit(old_metrics, new_metrics, old_left, new_left):
    """(rows, columns, scores) of the eligible cells, one unit at a time."""
    import numpy as np
    from rapidfuzz import fuzz, process

    for old_idx, new_idx in _units(old_metrics, new_metrics, old_left, new_left):
        old_keys = [_label_key(old_metrics[i].label) for i in old_idx]
        new_keys = [_label_key(new_metrics[j].label) for j in new_idx]
        similarity = process.cdist(old_keys, new_keys, scorer=fuzz.ratio, dtype=np.float64) / 100.0
        old_value = np.array([old_metrics[i].nominal for i in old_idx], dtype=object)[:, None]
        new_value = np.array([new_metrics[j].nominal for j in new_idx], dtype=object)[None, :]
        same_value = (old_value == new_value).astype(bool)
        eligible = (similarity >= MIN_LABEL) | (same_value & (similarity >= MIN_LABEL_SAME_VALUE))
        r, c = np.nonzero(eligible)
        score = similarity[r, c] + np.where(same_value[r, c], SAME_VALUE_BONUS, 0.0)
        yield np.asarray(old_idx)[r], np.asarray(new_idx)[c], score


def _anchored(old_metrics, new_metrics):
    """Anchors and the (old, new) ranges between them, as patience diff finds them: quantities
    whose unit, label and text occur once on each side, the longest run of them in the same order."""

    def keys(metrics):
        return [(m.unit, _label_key(m.label), m.text) for m in metrics]

    old_keys, new_keys = keys(old_metrics), keys(new_metrics)
    old_count, new_count = Counter(old_keys), Counter(new_keys)
    new_pos = {k: j for j, k in enumerate(new_keys) if new_count[k] == 1}
    unique = [(i, new_pos[k]) for i, k in enumerate(old_keys) if old_count[k] == 1 and k in new_pos]
    pairs, gaps, i0, j0 = [], [], 0, 0
    for i, j in _increasing(unique):
        if i > i0 and j > j0:
            gaps.append((range(i0, i), range(j0, j)))
        pairs.append((i, j))
        i0, j0 = i + 1, j + 1
    if i0 < len(old_keys) and j0 < len(new_keys):
        gaps.append((range(i0, len(old_keys)), range(j0, len(new_keys))))
    return pairs, gaps


def _increasing(cells: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of ``cells`` (sorted by row) whose columns increase (O(n log n))."""
    tails, tail_at, back = [], [], [-1] * len(cells)
    for k, (_, j) in enumerate(cells):
        p = bisect.bisect_left(tails, j)
        back[k] = tail_at[p - 1] if p else -1
        if p == len(tails):
            tails.append(j), tail_at.append(k)
        else:
            tails[p], tail_at[p] = j, k
    out, k = [], tail_at[-1] if tail_at else -1
    while k >= 0:
        out.append(cells[k])
        k = back[k]
    return out[::-1]


def metric_changes(
    old_item: Item, new_item: Item, old_metrics: list[Metric], new_metrics: list[Metric], pairs=None
) -> list[MetricChange]:
    """Changed, restated, added and removed quantities of one pair of items (``pairs``: their
    ``pair_metrics``, when the caller has it)."""
    pairs = pair_metrics(old_metrics, new_metrics) if pairs is None else pairs
    out = []
    for i, j in pairs:
        change = _compare(old_metrics[i], new_metrics[j])
        if change:
            out.append(_row(change, old_item, new_item, old_metrics[i], new_metrics[j]))
    paired_old, paired_new = {i for i, _ in pairs}, {j for _, j in pairs}
    out += [_row("removed", old_item, new_item, m, None) for i, m in enumerate(old_metrics) if i not in paired_old]
    out += [_row("added", old_item, new_item, None, m) for j, m in enumerate(new_metrics) if j not in paired_new]
    return out


def _compare(old: Metric, new: Metric) -> str | None:
    if abs((old.nominal or 0) - (new.nominal or 0)) <= 1e-9 * max(1.0, abs(old.nominal or 0)):
        if old.approx == new.approx:
            return "restated" if old.text != new.text else None
    return "changed"


def _row(change: str, old_item: Item, new_item: Item, old: Metric | None, new: Metric | None) -> MetricChange:
    old_value = old.nominal if old else None
    new_value = new.nominal if new else None
    delta = new_value - old_value if old and new else None
    pct = round(100.0 * delta / old_value, 2) if delta is not None and old_value else None
    either = new or old
    return MetricChange(
        change=change, old_id=old_item.item_id, new_id=new_item.item_id,
        old_heading=old_item.heading, new_heading=new_item.heading,
        label=either.label, unit=either.unit, old_text=old.text if old else None,
        new_text=new.text if new else None, old_value=old_value, new_value=new_value,
        delta=round(delta, 6) if delta is not None else None, delta_pct=pct,
        cumulative=bool((old and old.cumulative) or (new and new.cumulative)),
        old_source=old.source if old else "", new_source=new.source if new else "",
        old_source_at=old.source_at if old else None, new_source_at=new.source_at if new else None,
        multiplier=either.multiplier or "", suspect=_suspect(old_value, new_value, old, new),
    )  # fmt: skip


#: a figure that grows or shrinks by this factor or more between versions looks mistyped (26.3亿元 → 2.63亿元)
SUSPECT_FACTOR = 5
#: … unless both values are this small (3个 → 15个 is a count that grew, not a slip)
SUSPECT_FLOOR = 10


def _suspect(old_value, new_value, old: Metric | None, new: Metric | None) -> str:
    """疑似数值错误: ``factor`` (a jump by ``SUSPECT_FACTOR`` or more), ``sign`` (a running total
    that changed sign), else ''."""
    if old_value is None or new_value is None or not old_value or not new_value:
        return ""
    cumulative = bool((old and old.cumulative) or (new and new.cumulative))
    if cumulative and (old_value > 0) != (new_value > 0):
        return "sign"
    if max(abs(old_value), abs(new_value)) < SUSPECT_FLOOR:
        return ""
    ratio = abs(new_value / old_value)
    return "factor" if ratio >= SUSPECT_FACTOR or ratio <= 1 / SUSPECT_FACTOR else ""
