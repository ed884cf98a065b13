"""Typed records: one frozen dataclass per row kind, built by the stages instead of dict literals,
so that a misspelt field fails where the row is built (a dict would become a NaN column).

Each record's fields are its table's columns, in order (tests/test_records.py checks it); the
tables (``Comparison.metric_changes`` …) stay pandas DataFrames built from the rows. Started with
the rows no other stage builds: the quantity changes of a comparison.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass, fields


@dataclass(frozen=True, slots=True)
class MetricChange:
    """One changed, restated, added or removed quantity of a pair of items (METRIC_CHANGE_COLUMNS)."""

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
    old_source_at: object
    new_source_at: object
    multiplier: str
    suspect: str

    def row(self) -> dict:
        """The record as a table row (column -> value)."""
        return dict(zip(field_names(type(self)), astuple(self)))


def field_names(record_type) -> list[str]:
    """A record type's fields in order: its table's columns."""
    return [f.name for f in fields(record_type)]
