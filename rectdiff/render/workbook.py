"""The change workbook of ``compare``: 概览, 事项对照, 状态变化, 指标变化, 新增与删除, 核对 (and
长文本 when a text was cut). It reads the ``Comparison`` and recomputes nothing."""

from __future__ import annotations

from openpyxl.styles import PatternFill

from ..model import NO_STATUS_KINDS, Comparison
from .labels import code, source_name, tr
from .output import Written, atomic_write
from .overview import write_overview
from .sheet import Book, Column

#: a redline shows this many characters of unchanged text around each change
CONTEXT = 12
STATUS_FILLS = {"improved": "E2EFDA", "regressed": "F8CBAD", "stated": "FFF2CC", "unstated": "FFF2CC"}


def header_text(result: Comparison, lang: str) -> str:
    """The page header: both reports, each by title (or file) and date."""

    def side(report) -> str:
        m = report.meta
        return f"{m.title or m.source} {m.publish_date or m.signing_date}".strip()

    return tr("header", lang).format(old=side(result.old), new=side(result.new))


def write_comparison_xlsx(result: Comparison, path: str, lang: str = "zh") -> Written:
    """Write the change workbook."""
    book = Book(lang, header_text(result, lang))
    overview = book.sheet("sheet.overview")
    pair_rows = _pairs_sheet(book, result)
    status_rows = _status_sheet(book, result, pair_rows)
    metric_rows = _metrics_sheet(book, result)
    addrem_rows = _addrem_sheet(book, result)
    check_rows = _checks_sheet(book, result)
    targets = {"pairs": (tr("sheet.pairs", lang), pair_rows), "status": (tr("sheet.status", lang), status_rows),
               "metrics": (tr("sheet.metrics", lang), metric_rows), "addrem": (tr("sheet.addrem", lang), addrem_rows),
               "checks": (tr("sheet.checks", lang), check_rows)}  # fmt: skip
    write_overview(book, overview, result, targets)
    return save(book, path)


def save(book: Book, path: str) -> Written:
    """Finish the book (长文本, the replaced-character note) and write it atomically."""
    replaced = book.finish()
    if replaced:
        ws = book.wb.worksheets[0]
        book.put(ws, ws.max_row + 2, 1, tr("ov.replaced", book.lang).format(n=replaced))
    with atomic_write(path) as fh:
        book.wb.save(fh)
    return Written(str(path), len(book.wb.worksheets), replaced)


#: the visible columns stay within about 125 width units: one A4 page wide at 8 pt or more, even
#: where a spreadsheet lays a unit out wider than Excel does
PAIR_COLUMNS = [
    Column("row", 4, center=True), Column("change", 8, wrap=True), Column("kind", 9, wrap=True, center=True),
    Column("numbers", 7, wrap=True, center=True), Column("heading", 20, wrap=True), Column("status", 10, wrap=True),
    Column("metrics_summary", 18, wrap=True), Column("body_redline", 35, wrap=True),
]  # fmt: skip
#: a pair's figure changes shown in its row, the rest on the 指标变化 sheet
SUMMARY_ENTRIES = 3
PAIR_DETAILS = [
    Column(k, 14, hidden=True) for k in ("old_id", "new_id", "old_heading", "new_heading", "similarity", "moved",
                                         "renumbered", "status_change", "old_source", "new_source", "old_order",
                                         "new_order")
]  # fmt: skip


def _pairs_sheet(book: Book, result: Comparison) -> dict[int, int]:
    """事项对照: one row per pair, at most ten visible columns; the rest grouped and collapsed."""
    lang = book.lang
    ws = book.sheet("sheet.pairs")
    pairs = result.pairs.to_dict("records")
    with_units = any(p["responsible"] or p["deadline"] for p in pairs)
    # at most ten visible columns: carried notes take the place of 责任单位/时限, which then folds away
    units = [Column("unit_deadline", 11, wrap=True, hidden=bool(result.notes))] if with_units else []
    carried_notes = [Column("carried", 14, wrap=True)] if result.notes else []
    columns = PAIR_COLUMNS + [u for u in units if not u.hidden] + carried_notes + [Column("review", 10, wrap=True)]
    columns += PAIR_DETAILS + [u for u in units if u.hidden]
    rows = [dict(_pair_view(i, p, lang), carried=carried(result.notes.get(i, []), lang) or None)
            for i, p in enumerate(pairs)]  # fmt: skip
    placed = book.table(ws, columns, rows, fill_key="change")
    status_col = next(i for i, c in enumerate(columns, 1) if c.key == "status")
    for r, p in zip(placed, pairs):
        if p["status_change"] in STATUS_FILLS:
            ws.cell(row=r, column=status_col).fill = PatternFill("solid", fgColor=STATUS_FILLS[p["status_change"]])
    return dict(enumerate(placed))


def _pair_view(i: int, p: dict, lang: str) -> dict:
    flags = [code(p["change"], lang)] + [code(f, lang) for f in ("moved", "renumbered") if p[f]]
    old_number, new_number = p["old_number"] or "", p["new_number"] or ""
    numbers = new_number if old_number == new_number else f"{old_number} → {new_number}".strip()
    heading = p["heading_redline"] or p["new_heading"] or p["old_heading"]
    return {
        "row": i + 1, "change": "、".join(flags) if lang == "zh" else ", ".join(flags), "_fill": p["change"],
        "kind": code(p["kind"], lang), "numbers": numbers, "heading": heading,
        "status": _status_view(p, lang), "metrics_summary": _summary(p["metrics_summary"], lang),
        "body_redline": excerpt(p["body_redline"]) if p["body_redline"] else None,
        "unit_deadline": "\n".join(x for x in (p["responsible"], p["deadline"]) if x) or None,
        "old_id": p["old_id"], "new_id": p["new_id"], "old_heading": p["old_heading"], "new_heading": p["new_heading"],
        "similarity": p["similarity"], "moved": p["moved"], "renumbered": p["renumbered"],
        "status_change": code(p["status_change"], lang) if p["status_change"] else None,
        "old_source": source_name(p["old_status_source"], lang) if p["old_status_source"] else None,
        "new_source": source_name(p["new_status_source"], lang) if p["new_status_source"] else None,
        "old_order": p["old_order"], "new_order": p["new_order"],
    }  # fmt: skip


def _summary(text: str, lang: str) -> str | None:
    entries = [e for e in (text or "").split("; ") if e]
    if len(entries) <= SUMMARY_ENTRIES:
        return "\n".join(entries) or None
    more = len(entries) - SUMMARY_ENTRIES
    tail = f"…另有{more}项,见“指标变化”表" if lang == "zh" else f"…{more} more on 'Figure changes'"
    return "\n".join(entries[:SUMMARY_ENTRIES] + [tail])


def _status_view(p: dict, lang: str) -> str:
    old, new = p["old_status"], p["new_status"]
    if p["kind"] in NO_STATUS_KINDS and {old, new} <= {"unknown", None}:
        return ""
    if old and new and old != new:
        return f"{code(old, lang)} → {code(new, lang)}"
    return code(new or old, lang) if (new or old) else ""


def carried(notes: list, lang: str) -> str:
    """Earlier reviewer notes, one per line, each with where it was first written."""
    return "\n".join(f"{n.text} ({tr('carried_word', lang)} {n.mark})" for n in notes)


def excerpt(segments: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A redline with long unchanged stretches cut to ``CONTEXT`` characters around each change."""
    out = []
    last = len(segments) - 1
    for i, (op, text) in enumerate(segments):
        if op != 0 or len(text) <= 2 * CONTEXT + 1:
            out.append((op, text))
        elif i == 0:
            out.append((0, "…" + text[-CONTEXT:]))
        elif i == last:
            out.append((0, text[:CONTEXT] + "…"))
        else:
            out.append((0, text[:CONTEXT] + "…" + text[-CONTEXT:]))
    return out


def _status_sheet(book: Book, result: Comparison, pair_rows: dict[int, int]) -> dict[int, int]:
    """状态变化: every pair whose status changed, the sentences that state both, a link to its row."""
    lang = book.lang
    rows = []
    for i, p in enumerate(result.pairs.to_dict("records")):
        if p["status_change"] in (None, "unchanged"):
            continue
        rows.append({
            "_pair": i, "link": pair_rows[i], "number": p["new_number"] or p["old_number"],
            "heading": p["new_heading"] or p["old_heading"], "old_status": code(p["old_status"], lang),
            "new_status": code(p["new_status"], lang), "status_change": code(p["status_change"], lang),
            "_fill": p["status_change"],
            "sources": f"{source_name(p['old_status_source'], lang)} → {source_name(p['new_status_source'], lang)}",
            "old_evidence": p["old_status_evidence"] or None, "new_evidence": p["new_status_evidence"] or None,
            "old_id": p["old_id"], "new_id": p["new_id"],
        })  # fmt: skip
    columns = [
        Column("link", 5, center=True), Column("number", 6, center=True), Column("heading", 20, wrap=True),
        Column("old_status", 8, wrap=True, center=True), Column("new_status", 8, wrap=True, center=True),
        Column("status_change", 8, wrap=True, center=True), Column("sources", 16, wrap=True, center=True),
        Column("old_evidence", 24, wrap=True), Column("new_evidence", 24, wrap=True), Column("review", 10, wrap=True),
        Column("old_id", 14, hidden=True), Column("new_id", 14, hidden=True),
    ]  # fmt: skip
    pairs_sheet = tr("sheet.pairs", lang)
    placed = book.table(book.sheet("sheet.status"), columns, rows, fill_key="status_change",
                        links={"link": lambda r: (pairs_sheet, r["link"])})  # fmt: skip
    return {r["_pair"]: row for r, row in zip(rows, placed)}


def _metrics_sheet(book: Book, result: Comparison) -> dict[int, int]:
    """指标变化: quantities changed, restated, added or removed within paired items."""
    lang = book.lang
    rows = [
        {"change": code(m["change"], lang), "_fill": m["change"], "heading": m["new_heading"] or m["old_heading"],
         "label": m["label"], "old_text": m["old_text"], "new_text": m["new_text"], "delta": m["delta"],
         "delta_pct": m["delta_pct"], "cumulative": code(bool(m["cumulative"]), lang), "unit": m["unit"],
         "old_value": m["old_value"], "new_value": m["new_value"], "old_id": m["old_id"], "new_id": m["new_id"]}
        for m in result.metric_changes.to_dict("records")
    ]  # fmt: skip
    columns = [
        Column("change", 8, wrap=True, center=True), Column("heading", 24, wrap=True), Column("label", 22, wrap=True),
        Column("old_text", 11, wrap=True, center=True), Column("new_text", 11, wrap=True, center=True),
        Column("delta", 11, center=True), Column("delta_pct", 8, center=True), Column("cumulative", 7, center=True),
        Column("review", 12, wrap=True),
        *[Column(k, 14, hidden=True) for k in ("unit", "old_value", "new_value", "old_id", "new_id")],
    ]  # fmt: skip
    placed = book.table(book.sheet("sheet.metrics"), columns, rows, fill_key="change")
    return dict(enumerate(placed))


def _addrem_sheet(book: Book, result: Comparison) -> dict[int, int]:
    """新增与删除: the added and removed items with their text."""
    lang = book.lang
    rows = []
    for i, p in enumerate(result.pairs.to_dict("records")):
        if p["change"] not in ("added", "removed"):
            continue
        side = "new" if p["change"] == "added" else "old"
        rows.append({
            "_pair": i, "change": code(p["change"], lang), "_fill": p["change"], "kind": code(p["kind"], lang),
            "number": p[f"{side}_number"], "heading": p[f"{side}_heading"], "status": code(p[f"{side}_status"], lang),
            "body": p[f"{side}_body"], "id": p[f"{side}_id"],
        })  # fmt: skip
    columns = [
        Column("change", 6, center=True), Column("kind", 9, wrap=True, center=True), Column("number", 6, center=True),
        Column("heading", 24, wrap=True), Column("status", 8, wrap=True, center=True), Column("body", 58, wrap=True),
        Column("review", 10, wrap=True), Column("id", 16, hidden=True),
    ]  # fmt: skip
    placed = book.table(book.sheet("sheet.addrem"), columns, rows, fill_key="change")
    return {r["_pair"]: row for r, row in zip(rows, placed)}


def _checks_sheet(book: Book, result: Comparison) -> dict[int, int]:
    """核对: findings first (errors, warnings, notes), the passes last, grouped and collapsed."""
    return write_checks(book, result.checks, result.check_notes)


def write_checks(book: Book, checks, notes: dict | None = None) -> dict[int, int]:
    """The 核对 sheet of a report or a comparison (``notes``: check index -> carried notes);
    returns check index -> sheet row."""
    lang = book.lang
    key = "message_en" if lang == "en" else "message"
    records = checks.to_dict("records")
    rows = [{"severity": code(c["severity"], lang), "_fill": c["severity"], "scope": code(c["scope"], lang),
             "check": code(c["check"], lang), "message": c[key], "evidence": c["evidence"] or None,
             "carried": carried((notes or {}).get(n, []), lang) or None}
            for n, c in enumerate(records)]  # fmt: skip
    columns = [
        Column("severity", 7, center=True), Column("scope", 9, wrap=True, center=True), Column("check", 12, wrap=True),
        Column("message", 42, wrap=True), Column("evidence", 40 if not notes else 28, wrap=True),
        *([Column("carried", 14, wrap=True)] if notes else []), Column("review", 12, wrap=True),
    ]  # fmt: skip
    ws = book.sheet("sheet.checks")
    placed = book.table(ws, columns, rows, fill_key="severity")
    for r, c in zip(placed, records):
        if c["severity"] == "ok":  # passes: grouped at the end and collapsed
            ws.row_dimensions[r].outlineLevel = 1
            ws.row_dimensions[r].hidden = True
    ws.sheet_properties.outlinePr.summaryBelow = False
    return dict(enumerate(placed))
