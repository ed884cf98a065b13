"""Stage 4: what changed within each aligned pair, gathered into one ``Comparison``.

``pairs`` decides each pair's change, move, renumbering, status change and redlines;
``metrics`` pairs the quantities within a pair; ``totals`` pairs the stated totals of the
two versions; ``checks`` raises the cross-version red flags; ``stats`` counts. Renderers
read the result and recompute nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

from ..model import METRIC_CHANGE_COLUMNS, STATUSES, CompareStats, Comparison, Finding, Report
from ..records import Check, MetricChange, Pair, TotalPair, records_of
from ..rules import FAILED, NOT_REMOVABLE_KINDS
from ..zh.dates import deadline_date, is_overdue
from ..zh.lexicon import FRAME_ROWS
from .checks import check_versions
from .metrics import metric_changes, metrics_by_item
from .pairs import in_new_order, moved_pairs, pair_row
from .totals import pair_totals

if TYPE_CHECKING:
    from ..align import Match


def compare_reports(old: Report, new: Report) -> Comparison:
    """Align two parsed reports and diff them: the one way every caller compares (api, history)."""
    from ..align import align_items

    return diff_reports(old, new, align_items(old.compared_rows, new.compared_rows))


def diff_reports(old: Report, new: Report, alignment: Sequence[Match]) -> Comparison:
    """Build the ``Comparison`` of two parsed reports from their item alignment (``align_items``)."""
    old_rows, new_rows = old.compared.to_dict("records"), new.compared.to_dict("records")
    matched = [(o, n) for o, n, _sim in alignment if o >= 0 and n >= 0]
    moved = moved_pairs(matched, old_rows, new_rows)
    old_metrics, new_metrics = metrics_by_item(old.metrics), metrics_by_item(new.metrics)
    rows, metric_rows = [], []
    for o, n, similarity in alignment:
        old_item = old_rows[o] if o >= 0 else None
        new_item = new_rows[n] if n >= 0 else None
        changes = []
        if old_item is not None and new_item is not None:  # an added or removed item's quantities go with it
            changes = metric_changes(
                old_item, new_item, old_metrics.get(old_item["item_id"], []), new_metrics.get(new_item["item_id"], [])
            )
        metric_rows += changes
        rows.append(pair_row(old_item, new_item, similarity, (o, n) in moved, changes))
    pairs = _deadlines(in_new_order(rows), new.meta.publish_date or new.meta.signing_date)
    metrics = pd.DataFrame(metric_rows, columns=METRIC_CHANGE_COLUMNS, dtype=object)
    totals = pair_totals(old.totals, new.totals)
    checks = check_versions(old, new, pairs, metrics, totals)
    stats = _stats(old, new, pairs, metrics)
    has_changes = bool((pairs["change"] != "unchanged").any() or stats.metric_changes)
    found = attention(pairs, checks)
    rows = (records_of(pairs, Pair), records_of(metrics, MetricChange), records_of(totals, TotalPair))
    return Comparison(old, new, *rows, records_of(checks, Check), stats, has_changes, found)


def attention(pairs: pd.DataFrame, checks: pd.DataFrame) -> tuple[Finding, ...]:
    """What needs looking at first: statuses that went back, items that vanished, running totals
    that fell, failed checks, and stated totals that changed while the listed items did not."""

    def rows(mask) -> tuple[int, ...]:
        return tuple(int(i) for i in mask[mask].index)

    found = [
        ("regressed", "pairs", rows((pairs["status_change"] == "regressed") & ~pairs["status_inferred"].astype(bool))),
        ("overdue", "pairs", rows(pairs["overdue"].astype(bool))),
        ("removed", "pairs", rows((pairs["change"] == "removed") & ~pairs["kind"].isin(NOT_REMOVABLE_KINDS))),
        ("cumulative_fell", "checks", rows(checks["check"] == "cumulative_shrank")),
        ("suspect_figure", "checks", rows(checks["check"] == "suspect_figure")),
        ("failed_checks", "checks", rows(checks["severity"].isin(FAILED))),
        ("totals_changed", "checks", rows(checks["check"] == "total_changed_items_not")),
    ]
    return tuple(Finding(key, len(found_rows), table, found_rows) for key, table, found_rows in found)


def _deadlines(pairs: pd.DataFrame, report_date: str) -> pd.DataFrame:
    """Each pair's deadline as a date (ISO, where one is stated) and 逾期: past it by the new
    version's date and not completed by the status the new version gives."""
    dates = [deadline_date(text) for text in pairs["deadline"]]
    overdue = [new_id is not None and is_overdue(text, status, report_date)
               for new_id, text, status in zip(pairs["new_id"], pairs["deadline"], pairs["new_status"])]  # fmt: skip
    return pairs.assign(deadline_date=[d.isoformat() if d else None for d in dates], overdue=overdue)


def counted(pairs: pd.DataFrame) -> pd.DataFrame:
    """The pairs that count as items: the frame (前言, 结语, 落款) is not an item, the same rule as
    ``Report.item_count``, so old = 未变 + 修改 + 删除 and new = 未变 + 修改 + 新增."""
    frame = pairs["old_id"].isin(FRAME_ROWS) | pairs["new_id"].isin(FRAME_ROWS)
    return pairs[~frame]


def _stats(old: Report, new: Report, pairs: pd.DataFrame, metrics: pd.DataFrame) -> CompareStats:
    pairs = counted(pairs)
    both = pairs.dropna(subset=["old_status", "new_status"])
    matrix = pd.crosstab(both["old_status"], both["new_status"]).reindex(index=STATUSES, columns=STATUSES, fill_value=0)
    moves = pairs["status_change"].dropna()
    return CompareStats(
        items={"old": old.item_count, "new": new.item_count},
        by_change={k: int(v) for k, v in pairs["change"].value_counts().items()},
        by_kind={k: {c: int(v) for c, v in row.items()}
                 for k, row in pd.crosstab(pairs["kind"], pairs["change"]).to_dict("index").items()},
        status_matrix={k: {c: int(v) for c, v in row.items()} for k, row in matrix.to_dict("index").items()},
        old_status_counts={k: int(v) for k, v in old.compared["status"].value_counts().items()},
        new_status_counts={k: int(v) for k, v in new.compared["status"].value_counts().items()},
        status_changes={k: int(v) for k, v in moves[moves != "unchanged"].value_counts().items()},
        metric_changes=int((metrics["change"] != "restated").sum()),
        status_by_kind={"old": _status_by_kind(old), "new": _status_by_kind(new)},
    )  # fmt: skip


def _status_by_kind(report: Report) -> dict:
    """{kind: {status: count}} over the items that carry a status (coverage's kinds)."""
    kinds = [k for k in report.coverage["kind"] if k != "all"]
    items = report.items[report.items["kind"].isin(kinds) & ~report.items["item_id"].isin(FRAME_ROWS)]
    table = pd.crosstab(items["kind"], items["status"]) if len(items) else pd.DataFrame()
    return {k: {s: int(table.loc[k, s]) if k in table.index and s in table.columns else 0 for s in STATUSES}
            for k in kinds}  # fmt: skip
