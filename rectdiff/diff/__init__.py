"""Stage 4: what changed within each aligned pair, gathered into one ``Comparison``.

``pairs`` decides each pair's change, move, renumbering, status change and redlines;
``metrics`` pairs the quantities within a pair; ``totals`` pairs the stated totals of the
two versions; ``checks`` raises the cross-version red flags; ``stats`` counts. Renderers
read the result and recompute nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import STATUSES, CompareStats, Comparison, Finding, Report
from ..records import Check, Pair
from ..rules import FAILED, NOT_REMOVABLE_KINDS
from ..zh.lexicon import FRAME_ROWS
from .checks import check_versions, shared_findings
from .metrics import metric_changes, metrics_by_item, pair_metrics
from .pairs import in_new_order, moved_pairs, pair_row
from .totals import pair_stated_totals, pair_totals

if TYPE_CHECKING:
    from ..align import Match
    from ..records import MetricChange


def compare_reports(old: Report, new: Report) -> Comparison:
    """Align two parsed reports and diff them: the one way every caller compares (api, history)."""
    from ..align import align_items

    return diff_reports(old, new, align_items(old.compared_rows, new.compared_rows))


def diff_reports(old: Report, new: Report, alignment: Sequence[Match]) -> Comparison:
    """Build the ``Comparison`` of two parsed reports from their item alignment (``align_items``)."""
    old_rows, new_rows = old.compared_rows, new.compared_rows
    matched = [(o, n) for o, n, _sim in alignment if o >= 0 and n >= 0]
    moved = moved_pairs(matched, old_rows, new_rows)
    old_metrics, new_metrics = metrics_by_item(old.metric_rows), metrics_by_item(new.metric_rows)
    rows, metric_rows, metric_pairing = [], [], {}
    for o, n, similarity in alignment:
        old_item = old_rows[o] if o >= 0 else None
        new_item = new_rows[n] if n >= 0 else None
        changes = []
        if old_item is not None and new_item is not None:  # an added or removed item's quantities go with it
            quantities = old_metrics.get(old_item.item_id, []), new_metrics.get(new_item.item_id, [])
            paired = metric_pairing[old_item.item_id, new_item.item_id] = tuple(pair_metrics(*quantities))
            changes = metric_changes(old_item, new_item, *quantities, paired)
        metric_rows += changes
        rows.append(pair_row(old_item, new_item, similarity, (o, n) in moved, changes, new.meta.dated))
    pairs = tuple(in_new_order(rows))
    metrics = tuple(metric_rows)
    total_pairing = pair_stated_totals(old.total_rows, new.total_rows)
    totals = tuple(pair_totals(old.total_rows, new.total_rows, total_pairing))
    checks = check_versions(old, new, pairs, metrics, totals, total_pairing)
    stats = _stats(old, new, pairs, metrics)
    has_changes = any(p.change != "unchanged" for p in pairs) or bool(stats.metric_changes)
    return Comparison(old, new, pairs, metrics, totals, checks, stats, has_changes, attention(pairs, checks),
                      metric_pairing=metric_pairing, total_pairing=total_pairing,
                      shared_checks=shared_findings(checks))  # fmt: skip


def attention(pairs: Sequence[Pair], checks: Sequence[Check]) -> tuple[Finding, ...]:
    """What needs looking at first: statuses that went back, items that vanished, running totals
    that fell, failed checks, and stated totals that changed while the listed items did not.
    Each finding's ``rows`` are positions in ``pairs`` or ``checks``."""

    def rows(table, test) -> tuple[int, ...]:
        return tuple(i for i, r in enumerate(table) if test(r))

    found = [
        ("regressed", "pairs", rows(pairs, lambda p: p.status_change == "regressed" and not p.status_inferred)),
        ("overdue", "pairs", rows(pairs, lambda p: bool(p.overdue))),
        ("removed", "pairs", rows(pairs, lambda p: p.change == "removed" and p.kind not in NOT_REMOVABLE_KINDS)),
        ("cumulative_fell", "checks", rows(checks, lambda c: c.check == "cumulative_shrank")),
        ("suspect_figure", "checks", rows(checks, lambda c: c.check == "suspect_figure")),
        ("failed_checks", "checks", rows(checks, lambda c: c.severity in FAILED)),
        ("totals_changed", "checks", rows(checks, lambda c: c.check == "total_changed_items_not")),
    ]
    return tuple(Finding(key, len(found_rows), table, found_rows) for key, table, found_rows in found)


def counted(pairs: Sequence[Pair]) -> list[Pair]:
    """The pairs that count as items: the frame (前言, 结语, 落款) is not an item, the same rule as
    ``Report.item_count``, so old = 未变 + 修改 + 删除 and new = 未变 + 修改 + 新增."""
    return [p for p in pairs if p.old_id not in FRAME_ROWS and p.new_id not in FRAME_ROWS]


def _stats(old: Report, new: Report, pairs: Sequence[Pair], metrics: Sequence[MetricChange]) -> CompareStats:
    pairs = counted(pairs)
    matrix = Counter(
        (p.old_status, p.new_status) for p in pairs if p.old_status is not None and p.new_status is not None
    )
    kinds = Counter((p.kind, p.change) for p in pairs)
    changes = sorted({p.change for p in pairs})
    moves = [p.status_change for p in pairs if p.status_change is not None and p.status_change != "unchanged"]
    return CompareStats(
        items={"old": old.item_count, "new": new.item_count},
        by_change=_counts(p.change for p in pairs),
        by_kind={k: {c: kinds[(k, c)] for c in changes} for k in sorted({p.kind for p in pairs})},
        status_matrix={s: {t: matrix[(s, t)] for t in STATUSES} for s in STATUSES},
        old_status_counts=_counts(r.status for r in old.compared_rows),
        new_status_counts=_counts(r.status for r in new.compared_rows),
        status_changes=_counts(moves),
        metric_changes=sum(m.change != "restated" for m in metrics),
        status_by_kind={"old": _status_by_kind(old), "new": _status_by_kind(new)},
    )


def _counts(values) -> dict:
    """value -> count, most frequent first, ties in order of first appearance (as pandas' value_counts);
    None is not counted."""
    return dict(Counter(v for v in values if v is not None).most_common())


def _status_by_kind(report: Report) -> dict:
    """{kind: {status: count}} over the items that carry a status (coverage's kinds)."""
    kinds = [c.kind for c in report.coverage_rows if c.kind != "all"]
    wanted = set(kinds)
    counts = Counter((r.kind, r.status) for r in report.item_rows if r.kind in wanted and r.item_id not in FRAME_ROWS)
    return {k: {s: counts[(k, s)] for s in STATUSES} for k in kinds}
