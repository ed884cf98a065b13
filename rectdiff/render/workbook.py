"""The change workbook of ``compare``: 概览, 事项对照, 状态变化, 指标变化, 新增与删除, 核对 (and
长文本 when a text was cut). It reads the ``Comparison`` and recomputes nothing."""

from __future__ import annotations

import io

from ..catalogue import say
from ..model import NO_STATUS_KINDS, OUTPUT_CREATOR, Comparison
from ..records import Check, MetricChange, Pair
from ..rules import MOVES
from ..zh.lexicon import MULTIPLIERS
from .carried import carried, note_keys, write_archive
from .doubts_sheet import add_doubts_sheet
from .evidence import Citations, passage_sheet_name, write_passages
from .labels import code, source_name, tr
from .output import Written, private_tempdir, write_bytes, write_failure
from .overview import write_overview
from .sheet import Book, Column
from .xl import PatternFill

#: a redline shows this many characters of unchanged text around each change
CONTEXT = 12
STATUS_FILLS = {"improved": "E2EFDA", "regressed": "F8CBAD", "stated": "FFF2CC", "unstated": "FFF2CC"}
_FILLS = {color: PatternFill("solid", fgColor=color) for color in STATUS_FILLS.values()}


def header_text(result: Comparison, lang: str) -> str:
    """The page header: both reports, each by title (or file) and date."""

    def side(report) -> str:
        m = report.meta
        return f"{m.title or m.source} {m.dated}".strip()

    return tr("header", lang).format(old=side(result.old), new=side(result.new))


def write_comparison_xlsx(result: Comparison, path: str, lang: str = "zh") -> Written:
    """Write the change workbook."""
    book = Book(lang, header_text(result, lang))
    cites = Citations({side: passage_sheet_name(book, side) for side in ("old", "new")}, lang)
    overview = book.sheet("sheet.overview")
    pair_rows = _pairs_sheet(book, result, cites)
    status_rows = _status_sheet(book, result, pair_rows, cites)
    metric_rows = _metrics_sheet(book, result, cites)
    addrem_rows = _addrem_sheet(book, result, cites)
    check_rows = write_checks(book, result.check_rows, result.check_note_cells, cites, result.shared_checks)
    targets = {"pairs": (tr("sheet.pairs", lang), pair_rows), "status": (tr("sheet.status", lang), status_rows),
               "metrics": (tr("sheet.metrics", lang), metric_rows), "addrem": (tr("sheet.addrem", lang), addrem_rows),
               "checks": (tr("sheet.checks", lang), check_rows)}  # fmt: skip
    write_overview(book, overview, result, targets)
    write_passages(book, result.old, "old")
    write_passages(book, result.new, "new")
    add_doubts_sheet(book, result.doubts, notes=result.doubt_note_cells)
    return save(book, path)


def save(book: Book, path: str) -> Written:
    """Finish the book (长文本, the replaced-character note) and write it atomically."""
    write_archive(book)
    replaced = book.finish()
    if replaced:
        ws = book.wb.worksheets[0]
        book.put(ws, ws.max_row + 2, 1, tr("ov.replaced", book.lang).format(n=replaced))
    book.wb.properties.creator = OUTPUT_CREATOR  # so that a batch knows its own workbooks
    buffer = io.BytesIO()
    with private_tempdir(path):
        try:
            book.wb.save(buffer)  # in memory first: a failing disk never meets a half-written zip
        except Exception as exc:  # noqa: BLE001 - lxml wraps a failed scratch write in its own error
            raise write_failure(path, exc) from None
    write_bytes(path, buffer.getvalue())
    return Written(str(path), len(book.wb.worksheets), replaced)


#: the visible columns stay within about 125 width units: one A4 page wide at 8 pt or more, even
#: where a spreadsheet lays a unit out wider than Excel does
PAIR_COLUMNS = [
    Column("row", 5, center=True), Column("change", 6, center=True), Column("kind", 7, wrap=True, center=True),
    Column("numbers", 7, wrap=True, center=True), Column("heading", 18, wrap=True), Column("status", 10, wrap=True),
    Column("metrics_summary", 16, wrap=True), Column("body_redline", 32, wrap=True),
]  # fmt: skip
#: 责任单位, 整改时限 and 逾期 each a column of its own (a filter by unit, a sort by date)
UNIT_COLUMNS = [Column("responsible", 9, wrap=True), Column("deadline", 10, wrap=True, center=True,
                                                                number_format="yyyy-mm-dd"),
                Column("overdue", 4, center=True)]  # fmt: skip
#: a pair's figure changes shown in its row, the rest on the 指标变化 sheet
SUMMARY_ENTRIES = 3
PAIR_DETAILS = [
    Column(k, 14, hidden=True) for k in ("old_cite", "deadline_text", "old_id", "new_id", "old_heading",
                                         "new_heading", "similarity", "moved", "renumbered", "status_change",
                                         "old_status_source", "new_status_source", "old_order", "new_order")
]  # fmt: skip


def _pairs_sheet(book: Book, result: Comparison, cites: Citations) -> dict[int, int]:
    """事项对照: one row per pair; the unchanged rows grouped and collapsed (仅看变化: what prints
    is what changed), detail columns grouped and collapsed too."""
    lang = book.lang
    ws = book.sheet("sheet.pairs")
    pairs = result.pair_rows
    with_units = any(p.responsible or p.deadline for p in pairs)
    carried_notes = (
        [Column("carried", 14, wrap=True, whole=True), Column("carried_keys", 4, hidden=True)]
        if result.note_cells
        else []
    )
    columns = PAIR_COLUMNS + (UNIT_COLUMNS if with_units else []) + [Column("cite", 20, center=True)]
    columns += carried_notes + [Column("review", 9, wrap=True)] + PAIR_DETAILS
    rows = []
    for i, p in enumerate(pairs):
        cell = result.note_cells.get(i)
        row = dict(_pair_view(i, p, lang), carried=carried(cell, lang), carried_keys=note_keys(book, cell))
        if p.change == "removed":
            cites.cite(row, "cite", p.old_source, p.old_source_at, "old")
        else:
            cites.cite(row, "cite", p.new_source, p.new_source_at, "new")
            cites.cite(row, "old_cite", p.old_source, p.old_source_at, "old")
        rows.append(row)
    placed = book.table(ws, columns, rows, fill_key="change", links=Citations.links("cite", "old_cite"))
    status_col = next(i for i, c in enumerate(columns, 1) if c.key == "status")
    for r, p in zip(placed, pairs):
        fill = status_fill(p)
        if fill:
            book.styles.apply(ws.cell(row=r, column=status_col), fill=_FILLS[fill])
        if quiet(p):  # 仅看变化: collapsed on screen and left out of the print
            ws.row_dimensions[r].outlineLevel, ws.row_dimensions[r].hidden = 1, True
    ws.sheet_properties.outlinePr.summaryBelow = False
    return dict(enumerate(placed))


def quiet(p: Pair) -> bool:
    """A pair with nothing to see: unchanged, in its place and number, its status unchanged, not overdue."""
    if p.change != "unchanged" or p.moved or p.renumbered or p.overdue:
        return False
    return p.status_change in (None, "unchanged")


def status_fill(p: Pair) -> str | None:
    """The colour of a pair's status cell: progress green, regression red — only where the report
    states both statuses of the item itself (an inferred one is marked 推断, never coloured)."""
    if p.status_inferred and p.status_change in MOVES:
        return None
    return STATUS_FILLS.get(p.status_change)


def _pair_view(i: int, p: Pair, lang: str) -> dict:
    old_number, new_number = p.old_number or "", p.new_number or ""
    numbers = new_number if old_number == new_number else f"{old_number} → {new_number}".strip()
    heading = p.heading_redline or p.new_heading or p.old_heading
    return {
        "row": i + 1, "change": code(p.change, lang), "_fill": p.change,
        "kind": code(p.kind, lang), "numbers": numbers, "heading": heading,
        "status": _status_view(p, lang), "metrics_summary": _summary(p.metrics_summary, lang),
        "body_redline": excerpt(p.body_redline) if p.body_redline else None,
        "responsible": p.responsible or None, **deadline_cells(p.deadline, p.deadline_date),
        "overdue": code("overdue", lang) if p.overdue else None,
        "old_id": p.old_id, "new_id": p.new_id, "old_heading": p.old_heading, "new_heading": p.new_heading,
        "similarity": p.similarity, "moved": p.moved, "renumbered": p.renumbered,
        "status_change": _change_word(p, lang) if p.status_change else None,
        "old_status_source": source_name(p.old_status_source, lang) if p.old_status_source else None,
        "new_status_source": source_name(p.new_status_source, lang) if p.new_status_source else None,
        "old_order": p.old_order, "new_order": p.new_order,
    }  # fmt: skip


def deadline_cells(text: str, date: str | None) -> dict:
    """整改时限 as a date cell where the text is one date (2024年6月30日), else the text; the text
    as printed is kept beside it."""
    if not text:
        return {"deadline": None, "deadline_text": None}
    if date and len(text) <= 16:
        import datetime as dt

        return {"deadline": dt.date.fromisoformat(date), "deadline_text": text}
    return {"deadline": text, "deadline_text": text}


def _change_word(p: Pair, lang: str) -> str:
    """进展/倒退, marked 推断 where a side's status is the tool's inference."""
    word = code(p.status_change, lang)
    if p.status_inferred and p.status_change in MOVES:
        return f"{word}({tr('inferred', lang)})" if lang != "en" else f"{word} ({tr('inferred', lang)})"
    return word


def _summary(text: str, lang: str) -> str | None:
    entries = [e for e in (text or "").split("; ") if e]
    if len(entries) <= SUMMARY_ENTRIES:
        return "\n".join(entries) or None
    more = len(entries) - SUMMARY_ENTRIES
    tail = say("more_figures", n=more).text(lang)
    return "\n".join(entries[:SUMMARY_ENTRIES] + [tail])


def _status_view(p: Pair, lang: str) -> str:
    old, new = p.old_status, p.new_status
    if p.kind in NO_STATUS_KINDS and {old, new} <= {"unknown", None}:
        return ""
    if old and new and old != new:
        mark = f"({tr('inferred', lang)})" if p.status_inferred else ""
        return f"{code(old, lang)} → {code(new, lang)}{mark}"
    return code(new or old, lang) if (new or old) else ""


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


def _status_sheet(book: Book, result: Comparison, pair_rows: dict[int, int], cites: Citations) -> dict[int, int]:
    """状态变化: every pair whose status changed, the sentences that state both with their 出处,
    责任单位/整改时限/逾期, and 对照行 (the pair's 序号 on 事项对照, a link to it)."""
    lang = book.lang
    rows = []
    pairs = result.pair_rows
    for i, p in enumerate(pairs):
        if p.status_change in (None, "unchanged"):
            continue
        row = {
            "_pair": i, "link": i + 1, "_to": pair_rows[i], "number": p.new_number or p.old_number,
            "heading": p.new_heading or p.old_heading, "old_status": code(p.old_status, lang),
            "new_status": code(p.new_status, lang), "status_change": _change_word(p, lang),
            "_fill": None if p.status_inferred else p.status_change,
            "sources": f"{source_name(p.old_status_source, lang)} → {source_name(p.new_status_source, lang)}",
            "old_evidence": p.old_status_evidence or None, "new_evidence": p.new_status_evidence or None,
            "responsible": p.responsible or None, **deadline_cells(p.deadline, p.deadline_date),
            "overdue": code("overdue", lang) if p.overdue else None,
            "old_id": p.old_id, "new_id": p.new_id,
        }  # fmt: skip
        cites.cite(row, "old_evidence_source", p.old_evidence_source or p.old_source,
                   p.old_evidence_at if p.old_evidence_source else p.old_source_at, "old")  # fmt: skip
        cites.cite(row, "new_evidence_source", p.new_evidence_source or p.new_source,
                   p.new_evidence_at if p.new_evidence_source else p.new_source_at, "new")  # fmt: skip
        rows.append(row)
    with_units = any(p.responsible or p.deadline for p in pairs)
    columns = [
        Column("link", 5, center=True), Column("number", 6, center=True), Column("heading", 18, wrap=True),
        Column("old_status", 8, wrap=True, center=True), Column("new_status", 8, wrap=True, center=True),
        Column("status_change", 8, wrap=True, center=True), Column("sources", 12, wrap=True, center=True),
        Column("old_evidence", 20, wrap=True), Column("old_evidence_source", 20, center=True),
        Column("new_evidence", 20, wrap=True), Column("new_evidence_source", 20, center=True),
        *(UNIT_COLUMNS if with_units else []), Column("review", 9, wrap=True),
        Column("old_id", 14, hidden=True), Column("new_id", 14, hidden=True),
    ]  # fmt: skip
    pairs_sheet = tr("sheet.pairs", lang)
    links = {"link": lambda r: (pairs_sheet, r["_to"]), **Citations.links("old_evidence_source", "new_evidence_source")}
    placed = book.table(book.sheet("sheet.status"), columns, rows, fill_key="status_change", links=links)
    return {r["_pair"]: row for r, row in zip(rows, placed)}


def _metrics_sheet(book: Book, result: Comparison, cites: Citations) -> dict[int, int]:
    """指标变化: quantities changed, restated, added or removed within paired items; the difference
    in the report's own unit (+7.8亿元) as a number, the relative one as a percentage."""
    lang = book.lang
    rows = []
    for m in result.metric_change_rows:
        row = {"change": code(m.change, lang), "_fill": m.change, "heading": m.new_heading or m.old_heading,
               "label": m.label, "old_text": m.old_text, "new_text": m.new_text,
               "cumulative": code(bool(m.cumulative), lang), "unit": m.unit,
               "suspect": code("suspect_figure", lang) if m.suspect else None,
               "old_value": m.old_value, "new_value": m.new_value, "old_id": m.old_id, "new_id": m.new_id,
               **figure_cells(m)}  # fmt: skip
        if m.change == "removed":
            cites.cite(row, "cite", m.old_source, m.old_source_at, "old")
        else:
            cites.cite(row, "cite", m.new_source, m.new_source_at, "new")
        rows.append(row)
    columns = [
        Column("change", 8, wrap=True, center=True), Column("heading", 20, wrap=True), Column("label", 18, wrap=True),
        Column("old_text", 10, wrap=True, center=True), Column("new_text", 10, wrap=True, center=True),
        Column("delta", 14, center=True, number_format="0.##"), Column("delta_pct", 8, center=True,
                                                                        number_format="+0.0%;-0.0%;0%"),
        Column("cumulative", 6, center=True), Column("suspect", 8, wrap=True, center=True),
        Column("cite", 20, center=True), Column("review", 10, wrap=True),
        *[Column(k, 14, hidden=True, number_format="#,##0.##") for k in ("old_value", "new_value")],
        *[Column(k, 14, hidden=True) for k in ("unit", "old_id", "new_id")],
    ]  # fmt: skip
    placed = book.table(book.sheet("sheet.metrics"), columns, rows, fill_key="change", links=Citations.links("cite"))
    return dict(enumerate(placed))


def figure_cells(m: MetricChange) -> dict:
    """差值 in the report's unit (a value in 亿元 stays in 亿元: +7.8亿元) with its number format, and
    差值% as a fraction shown as a percentage."""
    out = {"delta": None, "delta_pct": None}
    if m.delta is None:
        return out
    unit = m.unit or ""
    if unit == "%":  # a rate's difference is in percentage points
        out["delta"], out["_delta_format"] = m.delta, tr("format.points")
    else:
        word = m.multiplier or ""
        suffix = f"{word}{unit}".replace('"', "")
        out["delta"] = round(m.delta / MULTIPLIERS.get(word, 1), 6)
        digits = "" if float(out["delta"]).is_integer() else ".0###"
        out["_delta_format"] = f'+#,##0{digits}"{suffix}";-#,##0{digits}"{suffix}";0'
    if m.delta_pct is not None:
        out["delta_pct"] = m.delta_pct / 100.0
    return out


def _side(p: Pair, side: str) -> dict:
    """One side's fields of a pair: its number, heading, status, body, id, source and source_at."""
    return {k: getattr(p, f"{side}_{k}") for k in ("number", "heading", "status", "body", "id", "source", "source_at")}


def _addrem_sheet(book: Book, result: Comparison, cites: Citations) -> dict[int, int]:
    """新增与删除: the added and removed items with their text and 出处."""
    lang = book.lang
    rows = []
    for i, p in enumerate(result.pair_rows):
        if p.change not in ("added", "removed"):
            continue
        side = "new" if p.change == "added" else "old"
        s = _side(p, side)
        row = {
            "_pair": i, "change": code(p.change, lang), "_fill": p.change, "kind": code(p.kind, lang),
            "number": s["number"], "heading": s["heading"], "status": code(s["status"], lang),
            "body": s["body"], "id": s["id"],
        }  # fmt: skip
        cites.cite(row, "cite", s["source"], s["source_at"], side)
        rows.append(row)
    columns = [
        Column("change", 6, center=True), Column("kind", 9, wrap=True, center=True), Column("number", 6, center=True),
        Column("heading", 22, wrap=True), Column("status", 8, wrap=True, center=True), Column("body", 52, wrap=True),
        Column("cite", 20, center=True), Column("review", 10, wrap=True), Column("id", 16, hidden=True),
    ]  # fmt: skip
    placed = book.table(book.sheet("sheet.addrem"), columns, rows, fill_key="change", links=Citations.links("cite"))
    return {r["_pair"]: row for r, row in zip(rows, placed)}


def write_checks(book: Book, checks: tuple[Check, ...], notes: dict | None = None,
                 cites: Citations | None = None, shared: dict | None = None) -> dict[int, int]:  # fmt: skip
    """The 核对 sheet of a report, a comparison or a series (``checks``: its ``check_rows``;
    ``notes``: check index -> its carried notes' ``NoteCell``): the findings, each with its 出处 (a
    link to its 原文 row); a finding both versions share (``shared``: ``Comparison.shared_checks``)
    is one row (范围 两版均有); the passes last, grouped and collapsed. Returns check index -> sheet row."""
    lang = book.lang
    groups = shared or {}
    rows, index_of = [], {}
    for n, c in enumerate(checks):
        if n in groups and groups[n] != n:
            continue  # said once, on the row of its first version
        scope = "both_versions" if n in groups else c.scope
        row = {"severity": code(c.severity, lang), "_fill": c.severity, "scope": tr(scope, lang)
               if scope == "both_versions" else code(scope, lang), "check": code(c.check, lang),
               "message": c.message_en if lang == "en" else c.message, "evidence": c.evidence or None,
               "carried": carried((notes or {}).get(n), lang), "_ok": c.severity == "ok",
               "carried_keys": note_keys(book, (notes or {}).get(n))}  # fmt: skip
        if cites is not None:
            cites.cite_sided(row, "cite", c.source or "", c.source_at)
        index_of[n] = len(rows)
        rows.append(row)
    columns = [
        Column("severity", 7, center=True), Column("scope", 9, wrap=True, center=True), Column("check", 11, wrap=True),
        Column("message", 40, wrap=True), Column("evidence", 36 if not notes else 26, wrap=True),
        Column("cite", 20, center=True),
        *([Column("carried", 14, wrap=True, whole=True), Column("carried_keys", 4, hidden=True)] if notes else []),
        Column("review", 10, wrap=True),
    ]  # fmt: skip
    ws = book.sheet("sheet.checks")
    placed = book.table(ws, columns, rows, fill_key="severity", links=Citations.links("cite"))
    for r, row in zip(placed, rows):
        if row["_ok"]:  # passes: grouped at the end and collapsed
            ws.row_dimensions[r].outlineLevel = 1
            ws.row_dimensions[r].hidden = True
    ws.sheet_properties.outlinePr.summaryBelow = False
    return {n: placed[index_of[groups.get(n, n)]] for n in range(len(checks))}
