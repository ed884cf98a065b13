"""Typed records: one frozen dataclass per row kind. Every stage builds these, never dict
literals, so that a misspelt or missing field fails where the row is built (in a dict it would
become a NaN column much later).

A record's fields are its table's columns, in order: ``model.ITEM_COLUMNS`` and the other column
lists are read off these classes, so there is one home for each. The result objects
(``Report``, ``Comparison``, ``Series``) hold tuples of records; their pandas tables
(``Report.items`` …) are views built on demand by ``frame``, and pandas is imported only then.

``of(Type, mapping)`` builds a record from a row mapping and refuses keys the record does not
have (a misspelt key fails at once; a missing one too, as a missing argument).
"""

from __future__ import annotations

from dataclasses import fields
from functools import cache
from operator import attrgetter

from .frozen import frozen

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


@frozen(slots=True)
class Lineage:
    """One item followed across versions (the lists hold one entry per version, None where absent)."""

    lineage: int
    kind: str
    heading: str
    numbers: list
    ids: list
    headings: list
    statuses: list
    sources: list
    #: per version, what its status says against the ones before (``history.lineages.steps``):
    #: improved / regressed / inferred, None where nothing moved
    steps: list
    first: int
    last: int
    deadline: str  # 整改时限 as the latest version that states one words it
    deadline_date: str | None  # ISO, where that deadline is a date
    flags: list


@frozen(slots=True)
class MetricLineage:
    """One quantity followed across versions."""

    lineage: int
    heading: str
    label: str
    unit: str
    texts: list
    values: list
    sources: list  # 出处 per version: where the quantity stands ('' where the version lacks it)
    sources_at: list  # its passage per version (None where absent or not found)
    cumulative: bool
    change: float | None
    change_text: str | None
    steady: bool  # stated alike (the same text) in every version
    flags: list


@frozen(slots=True)
class TotalLineage:
    """One stated total followed across versions."""

    category: str
    kind: str
    totals: list
    completed: list
    rates: list
    texts: list
    sources: list  # 出处 per version: where the total is stated ('' where the version lacks it)
    sources_at: list  # its passage per version (None where absent or not found)
    flags: list


def field_names(record_type) -> list[str]:
    """A record type's fields in order: its table's columns."""
    return list(_names(record_type))


@cache
def _names(record_type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(record_type))


def of(record_type, mapping):
    """The record of ``record_type`` for a row mapping; a key the record lacks is refused."""
    names = _names(record_type)
    extra = mapping.keys() - set(names)
    if extra:
        raise TypeError(f"{record_type.__name__} has no field {', '.join(sorted(extra))}")
    return record_type(**mapping)


def row(record) -> dict:
    """A record as a row mapping (column -> value; shallow: lists and dicts are shared)."""
    return dict(zip(_names(type(record)), _getter(type(record))(record)))


@cache
def _getter(record_type):
    names = _names(record_type)
    getter = attrgetter(*names)
    return getter if len(names) > 1 else (lambda r: (getter(r),))


def frame(records, record_type):
    """The pandas table of ``records`` (columns in field order, every column of dtype object,
    as the stages always built them). pandas is imported here, only when a table is asked for."""
    import pandas as pd

    getter = _getter(record_type)
    return pd.DataFrame([getter(r) for r in records], columns=field_names(record_type), dtype=object)


class view:
    """A result's pandas table of its records (``items = view("item_rows", Item)``), built on
    first use and kept on the instance, as ``functools.cached_property`` would."""

    def __init__(self, rows: str, record_type):
        self.rows, self.record_type = rows, record_type

    def __set_name__(self, owner, name: str) -> None:
        self.name = name
        self.__doc__ = f"``{self.rows}`` as a table (columns: the fields of ``{self.record_type.__name__}``)."

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        table = frame(getattr(instance, self.rows), self.record_type)
        instance.__dict__[self.name] = table  # no __set__: the instance's own entry wins from now on
        return table
