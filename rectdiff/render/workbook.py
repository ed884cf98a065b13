"""The Excel workbooks: the change workbook of ``compare`` and the item workbook of ``parse``."""

from __future__ import annotations

from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font

from ..model import STATUS_FIELDS, STATUS_SOURCES, STATUSES, Comparison, Report
from .labels import code, tr
from .output import atomic_write
from .sheet import Book

PAIR_HEADERS = [
    "order",
    "change",
    "kind",
    "old_number",
    "new_number",
    "old_heading",
    "new_heading",
    "similarity",
    "moved",
    "renumbered",
    "old_status",
    "new_status",
    "status_change",
    "metrics_summary",
    "heading_redline",
    "body_redline",
    "old_id",
    "new_id",
]
_CODED = {"change", "kind", "old_status", "new_status", "status_change", "severity", "scope", "check", "status"}


def _row(values: dict, lang: str, fill_key: str | None = None) -> dict:
    out = {k: (code(v, lang) if k in _CODED and v is not None else v) for k, v in values.items()}
    if fill_key:
        out["_fill"] = values.get(fill_key)
    return out


def _localized(check: dict, lang: str) -> dict:
    return dict(check, message=check["message_en"]) if lang == "en" else check


def write_comparison_xlsx(result: Comparison, path: str, lang: str = "zh") -> int:
    """Write the change workbook; returns how many unstorable characters were replaced."""
    book = Book(lang)
    _overview(book, result)
    pairs = result.pairs.to_dict("records")
    ws = book.sheet("sheet.pairs")
    rows = [_row(dict(p, order=i), lang, "change") for i, p in enumerate(pairs, 1)]
    book.table(ws, PAIR_HEADERS, rows, fill_col="change")
    _status_sheet(book, pairs)
    ws = book.sheet("sheet.metrics")
    heads = [
        "change",
        "new_id",
        "old_id",
        "new_heading",
        "label",
        "unit",
        "old_text",
        "new_text",
        "old_value",
        "new_value",
        "delta",
        "delta_pct",
        "cumulative",
    ]
    book.table(ws, heads, [_row(m, lang, "change") for m in result.metric_changes.to_dict("records")], "change")
    ws = book.sheet("sheet.addrem")
    rows = []
    for p in pairs:
        if p["change"] in ("added", "removed"):
            side = "new" if p["change"] == "added" else "old"
            rows.append(
                _row(
                    {
                        "change": p["change"],
                        "kind": p["kind"],
                        "number": p[f"{side}_number"],
                        "id": p[f"{side}_id"],
                        "heading": p[f"{side}_heading"],
                        "status": p[f"{side}_status"],
                        "body": p[f"{side}_body"],
                    },
                    lang,
                    "change",
                )
            )
    book.table(ws, ["change", "kind", "number", "id", "heading", "status", "body"], rows, "change")
    ws = book.sheet("sheet.checks")
    checks = [_row(_localized(c, lang), lang, "severity") for c in result.checks.to_dict("records")]
    book.table(ws, ["scope", "check", "severity", "message", "evidence"], checks, "severity")
    return _save(book, path)


def _save(book: Book, path: str) -> int:
    replaced = book.finish()
    if replaced:
        ws = book.wb.worksheets[0]
        book.put(ws, ws.max_row + 2, 1, tr("ov.replaced", book.lang).format(n=replaced))
    with atomic_write(path) as fh:
        book.wb.save(fh)
    return replaced


def _status_sheet(book: Book, pairs: list[dict]):
    rows = [
        _row({"new_number": p["new_number"], "new_heading": p["new_heading"], "old_status": p["old_status"],
              "new_status": p["new_status"], "status_change": p["status_change"],
              "old_evidence": p["old_status_evidence"], "new_evidence": p["new_status_evidence"],
              "old_source": tr("source." + p["old_status_source"], book.lang),
              "new_source": tr("source." + p["new_status_source"], book.lang),
              "old_id": p["old_id"], "new_id": p["new_id"]}, book.lang, "status_change")
        for p in pairs if p["status_change"] not in (None, "unchanged")
    ]  # fmt: skip
    heads = ["new_number", "new_heading", "old_status", "new_status", "status_change", "old_source", "new_source",
             "old_evidence", "new_evidence", "old_id", "new_id"]  # fmt: skip
    book.table(book.sheet("sheet.status"), heads, rows, "status_change")


def _block_title(book, ws, row, key):
    cell = book.put(ws, row, 1, tr(key, book.lang))
    cell.font = Font(bold=True, size=12)
    return row + 1


def _overview(book: Book, result: Comparison):
    ws = book.sheet("sheet.overview")
    lang = book.lang
    row = _block_title(book, ws, 1, "ov.meta")
    old, new = result.old.meta.as_dict(), result.new.meta.as_dict()
    rows = [
        {"field": tr(k, lang), "old": old[k], "new": new[k]}
        for k in ("title", "issuer", "publish_date", "signing_date", "round", "source", "format", "items")
    ]
    row = book.table(ws, ["field", "old", "new"], rows, start_row=row, review=False) + 2
    row = _block_title(book, ws, row, "ov.by_change")
    by_change = result.stats.by_change
    rows = [
        {"change": code(c, lang), "count": by_change.get(c, 0)} for c in ("unchanged", "modified", "added", "removed")
    ]
    row = book.table(ws, ["change", "count"], rows, start_row=row, review=False) + 2
    row = _block_title(book, ws, row, "ov.by_kind")
    changes = ("unchanged", "modified", "added", "removed")
    rows = [dict({"kind": code(k, lang)}, **{c: v.get(c, 0) for c in changes}) for k, v in result.stats.by_kind.items()]
    row = book.table(ws, ["kind", *changes], rows, start_row=row, review=False) + 2
    row = _block_title(book, ws, row, "ov.matrix")
    matrix = result.stats.status_matrix
    heads = ["old_status"] + [code(s, lang) for s in STATUSES]
    rows = [dict({"old_status": code(s, lang)}, **{code(t, lang): matrix[s][t] for t in STATUSES}) for s in STATUSES]
    row = book.table(ws, heads, rows, start_row=row, review=False) + 2
    row = _block_title(book, ws, row, "ov.totals")
    row = book.table(ws, ["category", "old", "new"], _totals_rows(result, lang), start_row=row, review=False) + 2
    row = _block_title(book, ws, row, "ov.coverage")
    row = book.table(ws, ["kind", "old", "new"], _coverage_rows(result, lang), start_row=row, review=False) + 2
    _status_chart(book, ws, row, result)
    ws.column_dimensions["A"].width = 22
    for col, width in zip("BCDEFG", (36, 36, 12, 12, 12, 12)):
        ws.column_dimensions[col].width = width


def _describe_total(t: dict, side: str, lang: str) -> str:
    if t[f"{side}_total"] is None:
        return ""
    parts = [f"{t[f'{side}_total']}"]
    gap = " " if lang == "en" else ""
    parts += [f"{code(f, lang)}{gap}{t[f'{side}_{f}']}" for f in STATUS_FIELDS if t[f"{side}_{f}"] is not None]
    if t[f"{side}_stated_rate"] is not None:
        parts.append(f"{t[f'{side}_stated_rate']:g}%")
    return " / ".join(parts)


def _totals_rows(result: Comparison, lang: str) -> list[dict]:
    return [
        {"category": t["category"], "old": _describe_total(t, "old", lang), "new": _describe_total(t, "new", lang)}
        for t in result.totals.to_dict("records")
    ]


def _coverage_rows(result: Comparison, lang: str) -> list[dict]:
    """Per kind and per source: items with a known status / items, old and new."""
    old = {r["kind"]: r for r in result.old.coverage.to_dict("records")}
    new = {r["kind"]: r for r in result.new.coverage.to_dict("records")}

    def known(row):
        return f"{row['known']}/{row['items']}" if row else ""

    kinds = list(dict.fromkeys([*old, *new]))
    rows = [{"kind": code(k, lang), "old": known(old.get(k)), "new": known(new.get(k))} for k in kinds]
    every_old, every_new = old.get("all"), new.get("all")
    for source in STATUS_SOURCES:
        rows.append({"kind": tr("source." + source, lang), "old": every_old[source] if every_old else None,
                     "new": every_new[source] if every_new else None})  # fmt: skip
    return rows


def _status_chart(book: Book, ws, row: int, result: Comparison):
    row = _block_title(book, ws, row, "ov.status_dist")
    lang = book.lang
    rows = [
        {
            "status": code(s, lang),
            "old": int(result.stats.old_status_counts.get(s, 0)),
            "new": int(result.stats.new_status_counts.get(s, 0)),
        }
        for s in STATUSES
        if s != "unknown"
    ]
    end = book.table(ws, ["status", "old", "new"], rows, start_row=row, review=False)
    chart = BarChart()
    chart.type = "col"
    chart.title = tr("ov.chart", lang)
    data = Reference(ws, min_col=2, max_col=3, min_row=row, max_row=end)
    cats = Reference(ws, min_col=1, min_row=row + 1, max_row=end)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(cats)
    chart.height, chart.width = 7.5, 16
    ws.add_chart(chart, f"E{row}")


def write_report_xlsx(report: Report, path: str, lang: str = "zh") -> int:
    """Write the item workbook of one report (items, metrics, stated totals, checks)."""
    book = Book(lang)
    ws = book.sheet("sheet.items")
    heads = [
        "item_id",
        "parent_id",
        "level",
        "kind",
        "number",
        "heading",
        "status",
        "status_source",
        "status_text",
        "status_evidence",
        "progress_done",
        "progress_total",
        "measures",
        "body",
    ]
    rows = [_row(dict(r, status_source=tr("source." + r["status_source"], lang)), lang)
            for r in report.items.to_dict("records")]  # fmt: skip
    book.table(ws, heads, rows, review=False)
    ws = book.sheet("sheet.item_metrics")
    heads = [
        "item_id",
        "label",
        "text",
        "number",
        "multiplier",
        "unit",
        "value",
        "value_min",
        "value_max",
        "approx",
        "cumulative",
    ]
    book.table(ws, heads, [_row(r, lang) for r in report.metrics.to_dict("records")], review=False)
    ws = book.sheet("sheet.totals")
    heads = [
        "category",
        "kind",
        "total",
        "completed",
        "substantially_completed",
        "phase_completed",
        "in_progress",
        "not_completed",
        "stated_rate",
        "evidence",
    ]
    book.table(ws, heads, [_row(r, lang) for r in report.totals.to_dict("records")], review=False)
    ws = book.sheet("sheet.checks")
    book.table(
        ws,
        ["check", "severity", "message", "evidence"],
        [_row(_localized(r, lang), lang, "severity") for r in report.checks.to_dict("records")],
        "severity",
    )
    ws = book.sheet("sheet.meta")
    meta = report.meta.as_dict()
    row = book.table(ws, ["field", "value"], [{"field": tr(k, lang), "value": str(v)} for k, v in meta.items()],
                     review=False)  # fmt: skip
    heads = ["kind", "items", "known", *[f"source.{s}" for s in STATUS_SOURCES]]
    rows = [dict(r, kind=code(r["kind"], lang), **{f"source.{s}": r[s] for s in STATUS_SOURCES})
            for r in report.coverage.to_dict("records")]  # fmt: skip
    row = _block_title(book, ws, row + 2, "ov.coverage")
    book.table(ws, heads, rows, start_row=row, review=False)
    return _save(book, path)
