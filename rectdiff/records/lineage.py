"""The rows of a series: each item, quantity and stated total followed across versions
(``Series``' records)."""

from __future__ import annotations

from ..frozen import frozen


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
