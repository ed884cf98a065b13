"""The frozen result of each command: ``Comparison`` (compare), ``Series`` (series), ``BatchResult``
(batch), with what they hold (counts, findings, notes, doubts)."""

from __future__ import annotations

from dataclasses import field
from functools import cached_property

from .. import records
from ..frozen import frozen
from ..records import view
from .report import Finding, Report


@frozen
class CompareStats:
    """Counts of a comparison, computed once by ``diff`` for every renderer."""

    items: dict  # {"old": n, "new": n}
    by_change: dict  # change -> count
    by_kind: dict  # kind -> {change -> count}
    status_matrix: dict  # old status -> {new status -> count}, over paired items
    old_status_counts: dict  # status -> count of items, old version
    new_status_counts: dict  # status -> count of items, new version
    status_changes: dict  # status_change -> count of pairs (unchanged left out)
    metric_changes: int  # quantities changed, added or removed (restatements left out)
    status_by_kind: dict  # {"old"|"new": {kind: {status: count}}} over status-bearing items

    def as_dict(self) -> dict:
        """Plain dict for JSON."""
        return dict(self.__dict__)


@frozen
class Note:
    """A reviewer's note read from an earlier workbook, and the item it was written against."""

    text: str
    ids: tuple[str, ...]  # the ids the row gave the item (旧版ID, 新版ID, or one per version)
    heading: str
    mark: str  # where the note was first written: 2024-03-28 changes.xlsx
    where: str = ""  # sheet and row it was read from (for a note whose item is gone)
    check: str = ""  # a note on a check: the check's message, matched as it stands


#: the columns of the hidden notes archive (复核意见存档), after which a note's text stands in parts
NOTE_ARCHIVE_COLUMNS = ("note_key", "ids", "heading", "check", "carried_word", "where")
#: the characters one workbook cell holds
CELL_LIMIT = 32767


@frozen
class NoteCell:
    """The notes carried onto one row as a workbook shows them, built by ``rectdiff.notes`` and
    written as given: the visible 沿用 cell in Chinese and in English, and one row of the hidden
    archive per note (``NOTE_ARCHIVE_COLUMNS``, then the text in parts of at most one cell)."""

    text: str
    text_en: str
    archive: tuple[tuple[str, ...], ...]

    def shown(self, lang: str = "zh") -> str:
        """The 沿用 cell in ``lang``."""
        return self.text_en if lang == "en" else self.text

    @property
    def keys(self) -> str:
        """The row's hidden key column (沿用键): the archive keys of its notes."""
        return " ".join(row[0] for row in self.archive)


@frozen
class Comparison:
    """Everything that changed between two reports; every renderer reads only this."""

    old: Report
    new: Report
    pair_rows: tuple[records.Pair, ...]  # in the new report's order
    metric_change_rows: tuple[records.MetricChange, ...]
    total_rows: tuple[records.TotalPair, ...]
    check_rows: tuple[records.Check, ...]
    stats: CompareStats
    has_changes: bool  # any pair not unchanged, or any quantity changed (restatements are no change)
    attention: tuple[Finding, ...] = ()  # what an auditor looks at first, in this order
    #: notes carried from an earlier workbook: pair position -> "note (沿用 mark)"; check position -> …
    notes: dict = field(default_factory=dict)
    check_notes: dict = field(default_factory=dict)
    #: the same notes as the workbook shows them: pair position -> ``NoteCell``; check position -> …
    note_cells: dict = field(default_factory=dict)
    check_note_cells: dict = field(default_factory=dict)
    doubt_notes: dict = field(default_factory=dict)  # doubt position -> carried notes (核实情况)
    doubt_note_cells: dict = field(default_factory=dict)  # doubt position -> ``NoteCell``
    #: the doubtful points (疑点) the step from old to new raises (``rectdiff.doubts``), worst first
    doubts: tuple[Doubt, ...] = ()
    #: which quantities of each pair of items are the same quantity: (old_id, new_id) -> (old, new)
    #: positions among each item's quantities in ``Report.metric_rows`` (unchanged ones too)
    metric_pairing: dict = field(default_factory=dict)
    #: which stated totals are the same total: (old, new) positions in the reports' ``total_rows``
    total_pairing: tuple[tuple[int, int], ...] = ()
    #: findings both versions raise (the same check, the same message), said once (范围 两版均有):
    #: check position -> the position of the first of them; findings only (a note's finding is
    #: placed after them, before the passes, so the positions hold)
    shared_checks: dict = field(default_factory=dict)

    pairs = view("pair_rows", records.Pair)
    metric_changes = view("metric_change_rows", records.MetricChange)
    totals = view("total_rows", records.TotalPair)
    checks = view("check_rows", records.Check)

    @cached_property
    def restated(self) -> int:
        """Quantities stated again in other words, the value unchanged (``stats.metric_changes``
        leaves them out; the summary names them apart)."""
        return sum(m.change == "restated" for m in self.metric_change_rows)

    @cached_property
    def has_units(self) -> bool:
        """Whether any pair names a 责任单位 or 整改时限 (a ledger does): the sheets give them columns."""
        return any(p.responsible or p.deadline for p in self.pair_rows)


@frozen
class Series:
    """Several versions of one report, in order, and what each item, quantity and stated total
    did from version to version. Every renderer of a series reads only this."""

    reports: tuple[Report, ...]
    labels: tuple[str, ...]  # V1 2023-06-20, V2 2023-12-22 …
    comparisons: tuple[Comparison, ...]  # each version with the next
    lineage_rows: tuple[records.Lineage, ...]
    metric_rows: tuple[records.MetricLineage, ...]
    total_rows: tuple[records.TotalLineage, ...]
    check_rows: tuple[records.Check, ...]  # each version's own (scope V1 …) and those between (V1→V2 …)
    notes: dict = field(default_factory=dict)  # lineage position -> carried notes
    check_notes: dict = field(default_factory=dict)  # check position -> carried notes
    note_cells: dict = field(default_factory=dict)  # lineage position -> ``NoteCell``
    check_note_cells: dict = field(default_factory=dict)  # check position -> ``NoteCell``
    doubt_notes: dict = field(default_factory=dict)  # doubt position -> carried notes (核实情况)
    doubt_note_cells: dict = field(default_factory=dict)  # doubt position -> ``NoteCell``
    doubts: tuple[Doubt, ...] = ()  # the doubtful points of the whole series, worst first
    attention: tuple[Finding, ...] = ()  # what an auditor looks at first, in this order

    lineages = view("lineage_rows", records.Lineage)
    metrics = view("metric_rows", records.MetricLineage)
    totals = view("total_rows", records.TotalLineage)
    checks = view("check_rows", records.Check)

    @property
    def has_changes(self) -> bool:
        """True when any consecutive comparison found a change."""
        return any(c.has_changes for c in self.comparisons)

    @cached_property
    def has_units(self) -> bool:
        """Whether any lineage has a 整改时限 or any version's item a 责任单位: 时间线 gives them columns."""
        return any(lin.deadline for lin in self.lineage_rows) or any(
            item.responsible for r in self.reports for item in r.item_rows
        )


@frozen
class BatchSeries:
    """One series of a batch: its reports' sources in order, and the workbook written for it."""

    unit: str
    round: str
    sources: tuple[str, ...]
    output: str  # the workbook file name in the output folder ('' for a lone report)
    items: int  # items in the latest version
    completion: tuple[str, str]  # completed/total, first version and latest
    regressions: int
    stuck: int
    failed_checks: int
    has_changes: bool
    doubts: tuple[Doubt, ...] = ()  # the series' own doubts (its steps), worst first
    overdue: int = 0  # items past their deadline in the latest version and not completed (逾期)


@frozen
class BatchResult:
    """What a batch found: its series (lone reports included) and the files it could not read."""

    series: tuple[BatchSeries, ...]
    #: (file, "unreadable", reason), (file, "duplicate", its twin) or (file, "own_output", "")
    errors: tuple[tuple[str, str, str], ...]
    summary: str  # the path of 汇总.xlsx
    doubts: tuple[Doubt, ...] = ()  # every series' doubts and the wording shared across units

    @property
    def has_changes(self) -> bool:
        """True when any series found a change between its versions."""
        return any(s.has_changes for s in self.series)

    @cached_property
    def ranked(self) -> tuple[BatchSeries, ...]:
        """The series worst first (most steps back, then 逾期, 停滞, failed checks; then by unit and
        round): the order 汇总 lists them in."""
        return tuple(sorted(self.series, key=lambda s: (-s.regressions, -s.overdue, -s.stuck, -s.failed_checks,
                                                        s.unit, s.round)))  # fmt: skip

    @cached_property
    def attention(self) -> tuple[Finding, ...]:
        """What needs looking at first in a batch: each mark of ``BATCH_MARKS`` summed over the
        series (``count``), and the series that have it (``rows``: positions in ``ranked``)."""
        return tuple(Finding(key, sum(getattr(s, key) for s in self.ranked), "series",
                             tuple(n for n, s in enumerate(self.ranked) if getattr(s, key)))
                     for key in BATCH_MARKS)  # fmt: skip


#: the marks of a batch's series that its attention sums, in this order
BATCH_MARKS = ("regressions", "stuck", "overdue", "failed_checks")


# ---------------------------------------------------------------------------------------------
# Doubts (疑点清单): leads an auditor follows up, each with the words that raise it and where they stand
# ---------------------------------------------------------------------------------------------

#: how much a doubt weighs, worst first
DOUBT_SEVERITIES = ["high", "medium", "low"]


@frozen
class Place:
    """Where a doubt's words stand in one version (出处): the version, the item and its position.

    ``source`` is the reader's own location (page and line, paragraph, sheet and cell) where the
    item table carries one; else the item's number, heading and position in the report stand in."""

    version: str  # old / new (a comparison), V1 … (a series), or a file name (a batch)
    item_id: str = ""
    number: str = ""
    heading: str = ""
    order: int = 0  # the item's position in its report (1-based; 0: the report as a whole)
    source: str = ""
    unit: str = ""  # the issuer, in a batch
    source_at: int | None = None  # the passage ``source`` names (the row of the 原文 sheet)


@frozen
class Doubt:
    """One doubtful point: a lead to follow up, never a finding of fact.

    ``kind`` is a code of ``rectdiff.doubts.kinds`` (its rule is documented there), ``name`` and
    ``name_en`` its names; ``words`` quotes the report; ``places`` holds 出处, one per side."""

    kind: str
    name: str
    name_en: str
    severity: str  # high / medium / low
    items: tuple[str, ...]  # each item as "number heading"
    versions: tuple[str, ...]
    words: str
    reason: str  # why it is doubtful, in Chinese …
    reason_en: str  # … and in English
    places: tuple[Place, ...] = ()

    def as_dict(self) -> dict:
        """Plain dict for JSON (places as dicts, tuples as lists)."""
        out = {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.__dict__.items()}
        out["places"] = [dict(p.__dict__) for p in self.places]
        return out


#: the creator property of every workbook rectdiff writes: a batch tells its own earlier outputs by it
OUTPUT_CREATOR = "rectdiff"
