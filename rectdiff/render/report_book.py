"""The item workbook of ``parse``: 概览 (the report, its status coverage and its checks in
short), 事项, 指标, 所述总数 and 核对. It reads the ``Report`` and recomputes nothing."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..model import STATUS_FIELDS, STATUS_SOURCES, Report
from ..records import row
from ..rules import SEVERITY_ORDER
from .checks_sheet import write_checks
from .evidence import Citations, passage_sheet_name, write_passages
from .labels import code, reading_note, source_name, tr
from .output import Written
from .overview import Blocks
from .saving import save
from .sheet import Book, Column

META_FIELDS = ["title", "issuer", "publish_date", "signing_date", "round", "source", "source_site", "format",
               "encoding", "items", "notes"]  # fmt: skip


def write_report_xlsx(report: Report, path: str, lang: str = "zh") -> Written:
    """Write the item workbook of one report."""
    m = report.meta
    book = Book(lang, f"{m.title or m.source} {m.dated}".strip())
    cites = Citations({"": passage_sheet_name(book)}, lang)
    overview = book.sheet("sheet.overview")
    item_rows = _items(book, report, cites)
    _metrics(book, report, cites)
    _totals(book, report, cites)
    check_rows = write_checks(book, report.check_rows, cites=cites)
    _overview(book, overview, report, item_rows, check_rows)
    write_passages(book, report)
    return save(book, path)


def _overview(book: Book, ws, report: Report, item_rows: list[int], check_rows: dict[int, int]) -> None:
    """What needs attention (逾期 items, failed checks: each a count and a link to the first), the
    report's metadata, its status coverage by kind and source, its checks by severity."""
    lang = book.lang
    sheet = Blocks(book, ws)
    targets = {"items": (tr("sheet.items", lang), item_rows), "checks": (tr("sheet.checks", lang), check_rows)}
    found = []
    for f in report.attention:
        name, rows_of = targets[f.table]
        found.append((f.key, f.count, (name, rows_of[f.rows[0]]) if f.count else None))
    sheet.attention(found)
    meta = report.meta.as_dict()
    meta["notes"] = [reading_note(n, lang) for n in meta["notes"]]
    sheet.title("ov.report")
    rows = [[tr(k, lang), "\n".join(meta[k]) if isinstance(meta[k], list) else meta[k]] for k in META_FIELDS]
    sheet.grid([tr("field", lang), tr("value_text", lang)], rows, spans=[1, 8])
    coverage = report.coverage_rows
    if coverage:
        sheet.title("ov.coverage")
        sources = [source_name(s, lang) for s in STATUS_SOURCES]
        headers = [tr("kind", lang), tr("items", lang), tr("known", lang), *sources]
        rows = [[code(r.kind, lang), r.items, r.known, *[getattr(r, s) for s in STATUS_SOURCES]] for r in coverage]
        sheet.grid(headers, rows)
    severities = Counter(c.severity for c in report.check_rows)
    sheet.title("ov.checks")
    order = SEVERITY_ORDER
    sheet.grid([tr("severity", lang), *[code(s, lang) for s in order]],
               [[tr("count", lang), *[severities.get(s, 0) for s in order]]])  # fmt: skip
    sheet.finish()


def _items(book: Book, report: Report, cites: Citations) -> list[int]:
    """事项: every item, its status and where it comes from, 责任单位/整改时限/逾期 where the
    report gives them, its 出处 and its evidence's; returns the sheet row of each item."""
    lang = book.lang
    items = report.item_rows
    fields = report.has_units
    columns = [
        Column("item_id", 14, wrap=True), Column("kind", 9, wrap=True, center=True), Column("number", 6, center=True),
        Column("heading", 22, wrap=True), Column("status", 8, wrap=True, center=True),
        Column("status_source", 10, wrap=True, center=True), Column("progress", 7, center=True),
    ]  # fmt: skip
    if fields:
        columns += [Column("responsible", 12, wrap=True), Column("deadline", 10, wrap=True),
                    Column("overdue", 4, center=True)]  # fmt: skip
    columns += [
        Column("status_evidence", 22, wrap=True, hidden=fields),
        Column("body", 30, wrap=True),
        Column("cite", 20, center=True),
        Column("evidence_cite", 20, center=True),
    ]
    columns += [Column("parent_id", 14, hidden=True), Column("level", 6, hidden=True),
                Column("status_text", 14, hidden=True), Column("measures", 40, hidden=True)]  # fmt: skip
    rows = [
        dict(row(r), kind=code(r.kind, lang), status=code(r.status, lang),
             status_source=source_name(r.status_source, lang),
             progress=f"{r.progress_done}/{r.progress_total}" if r.progress_total else None,
             overdue=code("overdue", lang) if r.overdue else None)
        for r in items
    ]  # fmt: skip
    for values, r in zip(rows, items):
        cites.cite(values, "cite", r.source, r.source_at)
        cites.cite(values, "evidence_cite", r.evidence_source, r.evidence_at)
    return book.table(book.sheet("sheet.items"), columns, rows, links=Citations.links("cite", "evidence_cite"))


def _metrics(book: Book, report: Report, cites: Citations) -> None:
    lang = book.lang
    columns = [
        Column("item_id", 16, wrap=True), Column("label", 24, wrap=True), Column("text", 12, wrap=True, center=True),
        Column("value", 14, center=True), Column("unit", 8, center=True), Column("value_min", 10, center=True),
        Column("value_max", 10, center=True), Column("approx", 8, center=True), Column("cumulative", 8, center=True),
        Column("cite", 20, center=True),
    ]  # fmt: skip
    columns = [replace(c, number_format="#,##0.##") if c.key.startswith("value") else c for c in columns]
    rows = [dict(row(m), approx=code(bool(m.approx), lang), cumulative=code(bool(m.cumulative), lang))
            for m in report.metric_rows]  # fmt: skip
    for values, m in zip(rows, report.metric_rows):
        cites.cite(values, "cite", m.source, m.source_at)
    book.table(book.sheet("sheet.item_metrics"), columns, rows, links=Citations.links("cite"))


def _totals(book: Book, report: Report, cites: Citations) -> None:
    lang = book.lang
    columns = [Column("category", 20, wrap=True), Column("kind", 8, wrap=True, center=True),
               Column("total", 6, center=True)]  # fmt: skip
    columns += [Column(f, 7, wrap=True, center=True) for f in STATUS_FIELDS]
    columns += [Column("stated_rate", 7, wrap=True, center=True), Column("evidence", 34, wrap=True),
                Column("item_id", 12, wrap=True), Column("cite", 20, center=True)]  # fmt: skip
    rows = [dict(row(t), kind=code(t.kind, lang) if t.kind else None) for t in report.total_rows]
    for values, t in zip(rows, report.total_rows):
        cites.cite(values, "cite", t.source, t.source_at)
    book.table(book.sheet("sheet.totals"), columns, rows, links=Citations.links("cite"))
