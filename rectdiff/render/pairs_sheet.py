"""事项对照, the change workbook's main sheet: one row per pair of items in the new version's
order, statuses old → new coloured by direction, figure changes in short, redlines cut to their
changes; what did not change grouped and collapsed."""

from __future__ import annotations

from ..catalogue import say
from ..model import NO_STATUS_KINDS, Comparison
from ..records import Pair
from .carried import carried, note_keys
from .evidence import Citations
from .fields import UNIT_COLUMNS, change_word, deadline_cells
from .labels import code, source_name, tr
from .sheet import Book, Column
from .xl import PatternFill

#: a redline shows this many characters of unchanged text around each change
CONTEXT = 12
STATUS_FILLS = {"improved": "E2EFDA", "regressed": "F8CBAD", "stated": "FFF2CC", "unstated": "FFF2CC"}
_FILLS = {color: PatternFill("solid", fgColor=color) for color in STATUS_FILLS.values()}


#: the visible columns stay within about 125 width units: one A4 page wide at 8 pt or more, even
#: where a spreadsheet lays a unit out wider than Excel does
PAIR_COLUMNS = [
    Column("row", 5, center=True), Column("change", 6, center=True), Column("kind", 7, wrap=True, center=True),
    Column("numbers", 7, wrap=True, center=True), Column("heading", 18, wrap=True), Column("status", 10, wrap=True),
    Column("metrics_summary", 16, wrap=True), Column("body_redline", 32, wrap=True),
]  # fmt: skip
#: a pair's figure changes shown in its row, the rest on the 指标变化 sheet
SUMMARY_ENTRIES = 3
PAIR_DETAILS = [
    Column(k, 14, hidden=True) for k in ("old_cite", "deadline_text", "old_id", "new_id", "old_heading",
                                         "new_heading", "similarity", "moved", "renumbered", "status_change",
                                         "old_status_source", "new_status_source", "old_order", "new_order")
]  # fmt: skip


def pairs_sheet(book: Book, result: Comparison, cites: Citations) -> dict[int, int]:
    """事项对照: one row per pair; the unchanged rows grouped and collapsed (仅看变化: what prints
    is what changed), detail columns grouped and collapsed too."""
    lang = book.lang
    ws = book.sheet("sheet.pairs")
    pairs = result.pair_rows
    carried_notes = (
        [Column("carried", 14, wrap=True, whole=True), Column("carried_keys", 4, hidden=True)]
        if result.note_cells
        else []
    )
    columns = PAIR_COLUMNS + (UNIT_COLUMNS if result.has_units else []) + [Column("cite", 20, center=True)]
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
    if p.inferred_move:
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
        "status_change": change_word(p, lang) if p.status_change else None,
        "old_status_source": source_name(p.old_status_source, lang) if p.old_status_source else None,
        "new_status_source": source_name(p.new_status_source, lang) if p.new_status_source else None,
        "old_order": p.old_order, "new_order": p.new_order,
    }  # fmt: skip


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
