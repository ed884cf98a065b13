"""One parsed report: its source document (``Document``, ``Table``), metadata (``ReportMeta``)
and the frozen ``Report`` the stages pass on; ``check_record`` builds a check."""

from __future__ import annotations

from dataclasses import field
from functools import cached_property

from .. import records
from ..frozen import frozen
from ..records import view
from ..rules import FAILED
from ..zh.lexicon import FRAME_ROWS, SIGN_OFF_ID


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
    def has_units(self) -> bool:
        """Whether any item names its 责任单位 or 整改时限 (a ledger does): 事项 gives them columns."""
        return any(r.responsible or r.deadline for r in self.item_rows)

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
