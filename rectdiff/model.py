"""Plain data passed between the stages.

Tables are pandas DataFrames whose columns are listed here (and in the README):

``Report.items`` (one row per item)
    item_id, parent_id, level, kind, number, heading, body, measures, order,
    status, status_source, status_text, status_evidence, progress_done, progress_total,
    fields, responsible, deadline, text, key

``Report.metrics`` (one row per quantity in an item's body)
    item_id, label, text, number, multiplier, unit, value, value_min, value_max,
    nominal, approx, cumulative, is_percent, start, end

``Report.totals`` (one row per stated total)
    category, kind, total, completed, substantially_completed, phase_completed,
    in_progress, not_completed, other, stated_rate, evidence, item_id (the row it is stated in),
    in_item (stated inside an item's own text, counting that item's sub-problems)

``Report.coverage`` (one row per kind of status-bearing item, and a total row ``all``)
    kind, items, known, then one count per status source (``STATUS_SOURCES``)

``Report.checks`` / ``Comparison.checks``
    scope, check, severity, message (Chinese), message_en, evidence

``Comparison.pairs`` (one row per aligned pair, in the new report's order)
    see ``PAIR_COLUMNS``; ``heading_redline``/``body_redline`` hold diff segments

``Comparison.metric_changes`` (one row per changed, restated, added or removed quantity)
    see ``METRIC_CHANGE_COLUMNS``

``Comparison.totals`` (each stated total of either version, paired old with new)
    see ``TOTAL_PAIR_COLUMNS``

``Series.lineages`` (one row per item followed across versions; lists hold one entry per version)
    see ``LINEAGE_COLUMNS``

``Series.metrics`` / ``Series.totals`` (one row per quantity or stated total followed across versions)
    see ``METRIC_LINEAGE_COLUMNS`` / ``TOTAL_LINEAGE_COLUMNS``
"""

from __future__ import annotations

from dataclasses import field
from functools import cached_property
from typing import TYPE_CHECKING

from . import records
from .frozen import frozen
from .records import field_names, view
from .rules import FAILED, STATUS_ORDER
from .zh.lexicon import FRAME_ROWS, SIGN_OFF_ID

if TYPE_CHECKING:  # pandas is heavy: the CLI's --help must not pay for it
    pass

#: where a record stands in its source (出处): the place as cited (第3页 第12行, 第45段, 台账!E7)
#: and the number of its passage (the row of the 原文 sheet; None when it could not be found)
SOURCE_COLUMNS = ["source", "source_at"]
# every table's columns are its record's fields (rectdiff/records.py: the one home of each)
ITEM_COLUMNS = field_names(records.Item)
METRIC_COLUMNS = field_names(records.Metric)
TOTAL_COLUMNS = field_names(records.Total)
CHECK_COLUMNS = field_names(records.Check)
#: the passages of a report (the 原文 sheet): number (from 1, what ``source_at`` points at), where
#: it stands (第3页, 台账 第7行; empty for a plain paragraph), its text
PASSAGE_COLUMNS = field_names(records.Passage)
#: 出处 of both sides of a pair: the item's place and passage, and those of its status's evidence
PAIR_SOURCE_COLUMNS = [
    "old_source", "new_source", "old_source_at", "new_source_at",
    "old_evidence_source", "new_evidence_source", "old_evidence_at", "new_evidence_at",
]  # fmt: skip
PAIR_COLUMNS = field_names(records.Pair)
#: status sources that are not the report's word on the item itself: another sentence (summary),
#: its group's heading (section), a stated total; only a change the report states item by item is
#: 进展/倒退: a change to or from one of these is marked 推断 and never shown as progress or regression
INFERRED_SOURCES = ("summary", "section", "stated_total")
METRIC_CHANGE_COLUMNS = field_names(records.MetricChange)

LINEAGE_COLUMNS = field_names(records.Lineage)
METRIC_LINEAGE_COLUMNS = field_names(records.MetricLineage)
TOTAL_LINEAGE_COLUMNS = field_names(records.TotalLineage)
#: what can be said of an item's history: a step back, the same unfinished status for three
#: versions, past its deadline (逾期), a gap, gone from the latest version
LINEAGE_FLAGS = ["regressed", "stuck", "overdue", "reappeared", "vanished"]

#: canonical statuses, worst to best; the order decides improved / regressed
STATUSES = STATUS_ORDER + ["unknown"]
#: the count columns of a stated total, best first (as reports list them: 已完成…基本完成…)
STATUS_FIELDS = STATUS_ORDER[::-1]
KINDS = ["section", "feedback", "extension", "reform", "immediate", "problem", "plan", "narrative"]
#: kinds whose items are problems under rectification, each with a status of its own
RECTIFIED_KINDS = ("feedback", "extension", "reform", "immediate")
#: kinds that state no status of their own (headings, prose, plans, the report's own shortcomings):
#: their status cell stays empty unless one is stated, and they never "vanish" from a series
NO_STATUS_KINDS = frozenset(KINDS) - set(RECTIFIED_KINDS)
CHANGES = ["unchanged", "modified", "added", "removed"]
#: where an item's status comes from, most direct first (the precedence when sources disagree)
STATUS_SOURCES = ["label", "item", "summary", "section", "stated_total", "unknown"]
COVERAGE_COLUMNS = field_names(records.Coverage)
TOTAL_PAIR_COLUMNS = field_names(records.TotalPair)


@frozen
class Table:
    """A table as read (a ledger in a .docx, a page, a sheet): rows of cell texts, merged cells
    repeated in every cell they cover, so each row has its full width."""

    rows: tuple[tuple[str, ...], ...]
    name: str = ""  # the sheet's name, for a workbook
    position: int = 0  # set by cleaning: the index of the paragraph the table stands before
    header: int = 0  # rows before the data rows (title and header rows), once recognised as a ledger
    header_row: int = 0  # the first header row (rows above it are a title)
    roles: tuple = ()  # per column: number, problem, measures, responsible, deadline, status … or None
    labels: tuple = ()  # per column: the header text as printed (责任单位)
    #: per row: its row number in the source (a sheet's row 7, empty rows skipped); empty: 1, 2, 3 …
    row_numbers: tuple = ()

    def row_number(self, index: int) -> int:
        """The source row number of ``rows[index]`` (1-based)."""
        return self.row_numbers[index] if index < len(self.row_numbers) else index + 1

    def text(self) -> str:
        """The table as lines of tab-separated cells (for a table that is not a ledger)."""
        return "\n".join("\t".join(c for c in row if c) for row in self.rows if any(row))


@frozen
class Document:
    """A report as read from disk: cleaned paragraphs plus what the page chrome told us."""

    source: str
    format: str
    paragraphs: tuple[str, ...]
    meta_pairs: dict = field(default_factory=dict)
    encoding: str = ""
    notes: tuple[str, ...] = ()
    #: the paragraphs as printed (with what cleaning removed, such as mirror-site pinyin);
    #: empty when the reader kept nothing else
    originals: tuple[str, ...] = ()
    #: tables, each with the position of the paragraph it stands before
    tables: tuple[Table, ...] = ()
    #: tables that were read as text for want of a ledger header (each described in a line)
    unread: tuple[str, ...] = ()
    #: where each paragraph stands on the printed page (PDF only): per paragraph, one
    #: (page, line, offset) per printed line joined into it, offset counted in the paragraph
    positions: tuple = ()

    def original(self, index: int) -> str:
        """Paragraph ``index`` as printed."""
        return self.originals[index] if index < len(self.originals) else self.paragraphs[index]


@frozen
class ReportMeta:
    """Metadata of one report."""

    source: str = ""
    format: str = ""
    title: str = ""
    issuer: str = ""
    publish_date: str = ""
    signing_date: str = ""
    round: str = ""
    source_site: str = ""  # the site a page names as its source (来源), never taken for the issuer
    report_date: str = ""  # the body's own date (截至…, sign-off, title): what orders versions
    encoding: str = ""
    items: int = 0
    notes: tuple[str, ...] = ()

    @property
    def dated(self) -> str:
        """The date a version speaks for (what 逾期 is judged by, what the workbook's title shows):
        the publish date, else the signing date ('' if none). Versions are ordered by
        ``report_date`` first (``history.version_date``)."""
        return self.publish_date or self.signing_date

    def as_dict(self) -> dict:
        """Plain dict for JSON (tuples as lists)."""
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.__dict__.items()}


@frozen
class Report:
    """One parsed report: metadata and its rows (typed records); the tables are views of them."""

    meta: ReportMeta
    item_rows: tuple[records.Item, ...]
    metric_rows: tuple[records.Metric, ...]
    total_rows: tuple[records.Total, ...]
    check_rows: tuple[records.Check, ...]
    #: how many items per kind have a known status, and from which source
    coverage_rows: tuple[records.Coverage, ...]
    passage_rows: tuple[records.Passage, ...] = ()  # the source text by passage, for 原文

    items = view("item_rows", records.Item)
    metrics = view("metric_rows", records.Metric)
    totals = view("total_rows", records.Total)
    checks = view("check_rows", records.Check)
    coverage = view("coverage_rows", records.Coverage)
    passages = view("passage_rows", records.Passage)

    @cached_property
    def compared_rows(self) -> tuple[records.Item, ...]:
        """The rows a comparison aligns: every row but the sign-off (落款)."""
        return tuple(r for r in self.item_rows if r.item_id != SIGN_OFF_ID)

    compared = view("compared_rows", records.Item)

    @property
    def item_count(self) -> int:
        """Items proper: rows other than the preamble and the sign-off."""
        return sum(r.item_id not in FRAME_ROWS for r in self.item_rows)

    @cached_property
    def kind_counts(self) -> tuple[tuple[str, int], ...]:
        """(kind, items proper of that kind), most first, kinds of equal count in the order met."""
        counts: dict[str, int] = {}
        for r in self.item_rows:
            if r.item_id not in FRAME_ROWS:
                counts[r.kind] = counts.get(r.kind, 0) + 1
        return tuple(sorted(counts.items(), key=lambda kind_count: -kind_count[1]))

    @cached_property
    def attention(self) -> tuple[Finding, ...]:
        """What needs looking at first in one report, as ``Comparison.attention`` and
        ``Series.attention`` say it of theirs: items past their 整改时限 and not completed
        (``overdue``: positions in ``item_rows``), failed checks (``failed_checks``: in ``check_rows``)."""

        overdue = tuple(n for n, r in enumerate(self.item_rows) if r.overdue)
        failed = tuple(n for n, c in enumerate(self.check_rows) if c.severity in FAILED)
        return (Finding("overdue", len(overdue), "items", overdue),
                Finding("failed_checks", len(failed), "checks", failed))  # fmt: skip


def check_record(scope: str, check: str, severity: str, message: tuple[str, str], evidence: str = "",
                 source: tuple = ("", None)) -> records.Check:  # fmt: skip
    """One finding as a ``Check`` record; ``message`` is (Chinese, English); ``source`` is
    (place, passage) when the finding knows where it stands (else parsing looks up the evidence)."""
    return records.Check(scope, check, severity, message[0], message[1], evidence, source[0], source[1])


def check_row(scope: str, check: str, severity: str, message: tuple[str, str], evidence: str = "",
              source: tuple = ("", None)) -> dict:  # fmt: skip
    """``check_record`` as a row mapping: parsing's working rows, whose place it fills in later."""
    return records.row(check_record(scope, check, severity, message, evidence, source))


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
class Finding:
    """One line of what needs attention first, with the rows that hold it.

    ``key``: regressed, overdue, removed, cumulative_fell, suspect_figure, failed_checks, totals_changed; ``table``:
    which table of the ``Comparison`` the ``rows`` index (pairs, metric_changes or checks). A
    ``Series``' findings (regressed, overdue, stuck, reappeared, vanished, cumulative_fell,
    failed_checks) index its lineages, metrics or checks; a ``Report``'s (overdue, failed_checks)
    its items or checks; a ``BatchResult``'s (``BATCH_MARKS``) its ranked series, and there
    ``count`` is the sum of the mark over them.
    """

    key: str
    count: int
    table: str
    rows: tuple[int, ...]


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
