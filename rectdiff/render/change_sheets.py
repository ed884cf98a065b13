"""The change workbook's sheets of what changed, each row linked to its 出处: 状态变化 (every status
that moved, with the sentences that state it), 指标变化 (figures changed, restated, added or
removed) and 新增与删除 (items added and removed)."""

from __future__ import annotations

from ..model import Comparison
from ..records import MetricChange, Pair
from .evidence import Citations
from .fields import UNIT_COLUMNS, change_word, deadline_cells
from .labels import code, source_name, tr
from .sheet import Book, Column


def status_sheet(book: Book, result: Comparison, pair_rows: dict[int, int], cites: Citations) -> dict[int, int]:
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
            "new_status": code(p.new_status, lang), "status_change": change_word(p, lang),
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
    columns = [
        Column("link", 5, center=True), Column("number", 6, center=True), Column("heading", 18, wrap=True),
        Column("old_status", 8, wrap=True, center=True), Column("new_status", 8, wrap=True, center=True),
        Column("status_change", 8, wrap=True, center=True), Column("sources", 12, wrap=True, center=True),
        Column("old_evidence", 20, wrap=True), Column("old_evidence_source", 20, center=True),
        Column("new_evidence", 20, wrap=True), Column("new_evidence_source", 20, center=True),
        *(UNIT_COLUMNS if result.has_units else []), Column("review", 9, wrap=True),
        Column("old_id", 14, hidden=True), Column("new_id", 14, hidden=True),
    ]  # fmt: skip
    pairs_sheet = tr("sheet.pairs", lang)
    links = {"link": lambda r: (pairs_sheet, r["_to"]), **Citations.links("old_evidence_source", "new_evidence_source")}
    placed = book.table(book.sheet("sheet.status"), columns, rows, fill_key="status_change", links=links)
    return {r["_pair"]: row for r, row in zip(rows, placed)}


def metrics_sheet(book: Book, result: Comparison, cites: Citations) -> dict[int, int]:
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
        suffix = f"{m.multiplier or ''}{unit}".replace('"', "")
        out["delta"] = m.unit_delta
        digits = "" if float(out["delta"]).is_integer() else ".0###"
        out["_delta_format"] = f'+#,##0{digits}"{suffix}";-#,##0{digits}"{suffix}";0'
    if m.delta_pct is not None:
        out["delta_pct"] = m.delta_pct / 100.0
    return out


def _side(p: Pair, side: str) -> dict:
    """One side's fields of a pair: its number, heading, status, body, id, source and source_at."""
    return {k: getattr(p, f"{side}_{k}") for k in ("number", "heading", "status", "body", "id", "source", "source_at")}


def addrem_sheet(book: Book, result: Comparison, cites: Citations) -> dict[int, int]:
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
