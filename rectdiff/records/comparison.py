"""The rows of a comparison of two versions: aligned pairs of items, changed quantities and
stated totals paired old with new (``Comparison``'s records)."""

from __future__ import annotations

from ..frozen import frozen
from ..rules import MOVES
from .report import At


@frozen(slots=True)
class Pair:
    """One aligned pair of items (either side may be missing: added, removed)."""

    change: str
    kind: str
    old_id: str | None
    new_id: str | None
    old_number: str | None
    new_number: str | None
    old_heading: str | None
    new_heading: str | None
    similarity: float | None
    moved: bool
    renumbered: bool
    old_status: str | None
    new_status: str | None
    status_change: str | None
    old_status_source: str | None
    new_status_source: str | None
    old_status_evidence: str | None
    new_status_evidence: str | None
    old_body: str | None
    new_body: str | None
    metrics_summary: str
    old_order: int | None
    new_order: int | None
    heading_redline: list | None  # diff segments
    body_redline: list | None
    responsible: str
    deadline: str
    old_source: str
    new_source: str
    old_source_at: At
    new_source_at: At
    old_evidence_source: str
    new_evidence_source: str
    old_evidence_at: At
    new_evidence_at: At
    deadline_date: str | None  # ISO, where a date is stated
    overdue: bool  # 逾期: past the deadline by the new version's date and not completed
    status_inferred: bool  # either status is the tool's inference, not the report's word

    @property
    def inferred_move(self) -> bool:
        """A progress or regression (``rules.MOVES``) that rests on an inferred status: never coloured."""
        return self.status_inferred and self.status_change in MOVES


@frozen(slots=True)
class MetricChange:
    """One changed, restated, added or removed quantity of a pair of items."""

    change: str
    old_id: str
    new_id: str
    old_heading: str
    new_heading: str
    label: str
    unit: str
    old_text: str | None
    new_text: str | None
    old_value: float | None
    new_value: float | None
    delta: float | None
    delta_pct: float | None
    cumulative: bool
    old_source: str
    new_source: str
    old_source_at: At
    new_source_at: At
    multiplier: str
    suspect: str

    @property
    def unit_delta(self) -> float | None:
        """``delta`` in the report's own multiple of its unit (0.78e9 元 stated in 亿元: 7.8), or None."""
        if self.delta is None:
            return None
        from ..zh.lexicon import MULTIPLIERS

        return round(self.delta / MULTIPLIERS.get(self.multiplier or "", 1), 6)


@frozen(slots=True)
class TotalPair:
    """A stated total of either version, paired old with new."""

    category: str
    kind: str
    in_item: bool
    old_total: int | None
    old_completed: int | None
    old_substantially_completed: int | None
    old_phase_completed: int | None
    old_in_progress: int | None
    old_not_completed: int | None
    old_stated_rate: float | None
    new_total: int | None
    new_completed: int | None
    new_substantially_completed: int | None
    new_phase_completed: int | None
    new_in_progress: int | None
    new_not_completed: int | None
    new_stated_rate: float | None
    old_evidence: str | None
    new_evidence: str | None
    old_source: str
    new_source: str
    old_source_at: At
    new_source_at: At
