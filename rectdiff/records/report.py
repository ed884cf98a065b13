"""The rows of one report: its items, their quantities, the stated totals, the checks, the
passages of the source text and the status coverage (``Report``'s records)."""

from __future__ import annotations

from ..frozen import frozen

#: a passage number of the 原文 sheet (1-based), or None where the place could not be found
At = int | None


@frozen(slots=True)
class Item:
    """One item of a report (or a framing row: 前言, 结语, 落款)."""

    item_id: str
    parent_id: str
    level: int
    kind: str
    number: str
    heading: str
    body: str
    measures: list
    order: int
    status: str
    status_source: str
    status_text: str
    status_evidence: str
    progress_done: int | None
    progress_total: int | None
    fields: dict
    responsible: str
    deadline: str
    overdue: bool  # 逾期: past the deadline by the report's date and, by its status, not completed
    text: str
    key: str
    source: str  # 出处 as cited: 第3页 第12行, 第45段, 台账!E7
    source_at: At
    evidence_source: str  # 出处 of the status's evidence sentence
    evidence_at: At


@frozen(slots=True)
class Metric:
    """One quantity in an item's body."""

    item_id: str
    label: str
    text: str
    number: float | None
    multiplier: float | None
    unit: str
    value: float | None
    value_min: float | None
    value_max: float | None
    nominal: float | None
    approx: bool
    cumulative: bool
    is_percent: bool
    start: int | None
    end: int | None
    source: str
    source_at: At


@frozen(slots=True)
class Total:
    """One stated total (所述总数) and its counts by status."""

    category: str
    kind: str
    total: int | None
    completed: int | None
    substantially_completed: int | None
    phase_completed: int | None
    in_progress: int | None
    not_completed: int | None
    other: int | None
    stated_rate: float | None
    evidence: str
    item_id: str  # the row it is stated in
    in_item: bool  # stated inside an item's own text, counting that item's sub-problems
    source: str
    source_at: At


@frozen(slots=True)
class Check:
    """One finding of a report's own figures or of the step between versions."""

    scope: str
    check: str
    severity: str
    message: str  # Chinese
    message_en: str
    evidence: str
    source: str
    source_at: At


@frozen(slots=True)
class Passage:
    """One passage of the source text (a row of the 原文 sheet)."""

    number: int  # from 1: what ``source_at`` points at
    where: str  # 第3页, 台账 第7行; empty for a plain paragraph
    text: str


@frozen(slots=True)
class Coverage:
    """Per kind of status-bearing item (and ``all``): items, known statuses, and by source."""

    kind: str
    items: int
    known: int
    label: int
    item: int
    summary: int
    section: int
    stated_total: int
    unknown: int
