"""What changed within each aligned pair of items: change, moved, renumbered, status, redlines."""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence

from ..model import INFERRED_SOURCES
from ..records import Item, MetricChange, Pair
from ..rules import MOVES, status_change
from ..zh.dates import deadline_date, is_overdue
from ..zh.normalize import match_key
from .redline import redline


def _side(item: Item | None, field: str, default=None):
    return getattr(item, field) if item is not None else default


def pair_row(old: Item | None, new: Item | None, similarity, moved: bool, metric_rows: list[MetricChange],
             report_date: str) -> Pair:  # fmt: skip
    """One ``Pair`` from the old and new items (either may be None). Its deadline is the newer
    version's (an item may have gained one), a date where one is stated, and 逾期 when past it by
    ``report_date`` (the new version's date) and not completed by the status the new version gives."""
    change = _change(old, new, metric_rows)
    old_status, new_status = _side(old, "status"), _side(new, "status")
    both = old is not None and new is not None
    modified = change == "modified"
    deadline = _side(new, "deadline") or _side(old, "deadline") or ""
    date = deadline_date(deadline)
    return Pair(
        change=change,
        kind=_side(new, "kind", "") or _side(old, "kind", ""),
        old_id=_side(old, "item_id"), new_id=_side(new, "item_id"),
        old_number=_side(old, "number"), new_number=_side(new, "number"),
        old_heading=_side(old, "heading"), new_heading=_side(new, "heading"),
        similarity=None if similarity is None or math.isnan(similarity) else float(similarity),
        moved=bool(moved), renumbered=bool(both and old.number != new.number),
        old_status=old_status, new_status=new_status,
        status_change=status_change(old_status, new_status) if both else None,
        old_status_source=_side(old, "status_source"), new_status_source=_side(new, "status_source"),
        old_status_evidence=_side(old, "status_evidence"), new_status_evidence=_side(new, "status_evidence"),
        old_body=_side(old, "body"), new_body=_side(new, "body"),
        metrics_summary="; ".join(_metric_summary(m) for m in metric_rows if m.change != "restated"),
        old_order=int(old.order) if old is not None else None,
        new_order=int(new.order) if new is not None else None,
        heading_redline=redline(old.heading, new.heading) if modified and old.heading != new.heading else None,
        body_redline=redline(old.body, new.body) if modified and old.body != new.body else None,
        # the newer version's responsible unit (an item may have gained one)
        responsible=_side(new, "responsible") or _side(old, "responsible") or "",
        deadline=deadline, deadline_date=date.isoformat() if date else None,
        overdue=_side(new, "item_id") is not None and is_overdue(deadline, new_status, report_date),
        **pair_sources(old, new),
        # a change to or from a status the tool inferred is no change the report states
        status_inferred=bool(both and {old.status_source, new.status_source} & set(INFERRED_SOURCES)),
    )  # fmt: skip


def _change(old: Item | None, new: Item | None, metric_rows: list[MetricChange]) -> str:
    """added, removed, unchanged or modified."""
    if old is None or new is None:
        return "added" if old is None else "removed"
    # full-width and half-width forms, traditional and simplified are the same text
    same_text = old.key == new.key and match_key(old.body) == match_key(new.body)
    # a status that only appeared or vanished (known <-> unknown) with the item's words
    # unchanged comes from elsewhere in the report (a total that no longer matches the list):
    # it shows in status_change, it does not make the item modified
    moved_status = status_change(old.status, new.status) in MOVES
    same = same_text and not moved_status
    real_metric_change = any(m.change != "restated" for m in metric_rows)
    return "unchanged" if same and not real_metric_change else "modified"


def pair_sources(old: Item | None, new: Item | None) -> dict:
    """出处 of both sides (``model.PAIR_SOURCE_COLUMNS``): where each item and its status evidence stand."""
    out = {}
    for side, item in (("old", old), ("new", new)):
        out[f"{side}_source"], out[f"{side}_source_at"] = _side(item, "source", ""), _side(item, "source_at")
        out[f"{side}_evidence_source"] = _side(item, "evidence_source", "")
        out[f"{side}_evidence_at"] = _side(item, "evidence_at")
    return out


def _metric_summary(m: MetricChange) -> str:
    if m.change == "added":
        return f"{m.label} +{m.new_text}"
    if m.change == "removed":
        return f"{m.label} -{m.old_text}"
    pct = f" ({m.delta_pct:+g}%)" if m.delta_pct is not None else ""
    return f"{m.label} {m.old_text}→{m.new_text}{pct}"


def moved_pairs(matched: list[tuple[int, int]], old_rows: Sequence[Item], new_rows: Sequence[Item]) -> set:
    """Pairs (old row, new row) whose parent changed, or that fall outside the longest
    in-order run (an item travelling with its moved parent is not flagged again)."""
    id_map = {old_rows[o].item_id: new_rows[n].item_id for o, n in matched}
    in_new_order = sorted(matched, key=lambda p: p[1])
    keep = set(_longest_increasing([o for o, _ in in_new_order]))
    out_of_order = {o for o, _ in in_new_order if o not in keep}
    row_of = {item.item_id: i for i, item in enumerate(old_rows)}
    moved = set()
    for o, n in in_new_order:
        old_parent, new_parent = old_rows[o].parent_id, new_rows[n].parent_id
        if old_parent and id_map.get(old_parent) != new_parent:
            moved.add((o, n))
        elif o in out_of_order and row_of.get(old_parent) not in out_of_order:
            moved.add((o, n))
    return moved


def _longest_increasing(seq: list[int]) -> list[int]:
    """Values of one longest increasing subsequence (patience sorting, n log n)."""
    tails, tails_idx, prev = [], [], [-1] * len(seq)
    for i, x in enumerate(seq):
        k = bisect.bisect_left(tails, x)
        if k == len(tails):
            tails.append(x)
            tails_idx.append(i)
        else:
            tails[k], tails_idx[k] = x, i
        prev[i] = tails_idx[k - 1] if k else -1
    out, i = [], tails_idx[-1] if tails_idx else -1
    while i >= 0:
        out.append(seq[i])
        i = prev[i]
    return out[::-1]


def in_new_order(rows: list[Pair]) -> list[Pair]:
    """Pairs in the new report's order; a removed item follows the item that preceded it in OLD."""
    position_of_old = {}
    last = 0.0
    for r in sorted(rows, key=lambda r: r.old_order if r.old_order is not None else math.inf):
        old, new = r.old_order, r.new_order
        if old is None:
            continue
        if new is not None:
            last = float(new)
        position_of_old[old] = float(new) if new is not None else last + 0.5 + old / 1e6
    key = [float(r.new_order) if r.new_order is not None else position_of_old[r.old_order] for r in rows]
    return [rows[k] for k in sorted(range(len(rows)), key=key.__getitem__)]
