"""The 核对 sheet of a report, a comparison or a series: each finding with its 出处, a finding
both versions share said once, the passes last, grouped and collapsed."""

from __future__ import annotations

from ..records import Check
from .carried import carried, note_keys
from .evidence import Citations
from .labels import code, tr
from .sheet import Book, Column


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
