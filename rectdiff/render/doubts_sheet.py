"""疑点清单: the doubts of a comparison, a series or a batch, one row each, worst first, as the
second sheet of every workbook (after 概览 or 汇总). It reads the ``Doubt`` records only."""

from __future__ import annotations

from .carried import carried, note_keys
from .evidence import passage_sheet_name
from .evidence import place_text as reader_place
from .labels import code, tr
from .sheet import Book, Column
from .xl import PatternFill

SEVERITY_FILLS = {"high": PatternFill("solid", fgColor="F8CBAD"), "medium": PatternFill("solid", fgColor="FFF2CC")}


def doubt_columns(with_unit: bool, with_notes: bool = False) -> list[Column]:
    """The visible columns (about 125 width units: one A4 page wide at 8 pt or more); notes
    carried from an earlier workbook take their room from the words."""
    unit = [Column("doubt.unit", 10, wrap=True)] if with_unit else []
    words = 14 if with_notes else 26
    carried_notes = [Column("carried", 12, wrap=True, whole=True), Column("carried_keys", 4, hidden=True)]
    return [
        Column("doubt.no", 4, center=True), Column("doubt.kind", 10, wrap=True),
        Column("doubt.severity", 5, center=True), *unit, Column("doubt.items", 16, wrap=True),
        Column("doubt.versions", 7, wrap=True, center=True), Column("doubt.words", words, wrap=True),
        Column("doubt.reason", 20, wrap=True), Column("doubt.places", 16, wrap=True),
        Column("go", 5, center=True), *(carried_notes if with_notes else []),
        Column("doubt.review", 12 if with_unit else 16, wrap=True),
    ]  # fmt: skip


def add_doubts_sheet(book: Book, doubts, with_unit: bool = False, notes: dict | None = None):
    """Write 疑点清单 and move it to second place; the lead line (a doubt is a lead to follow
    up, not a finding of fact) stands under the table, and a sheet without doubts says so.
    ``notes``: doubt position -> the ``NoteCell`` of the 核实情况 carried onto it."""
    lang = book.lang
    ws = book.sheet("sheet.doubts")
    book.wb.move_sheet(ws, offset=1 - book.wb.index(ws))
    rows = [_row(n, d, lang, with_unit) for n, d in enumerate(doubts, 1)]
    for n, row in enumerate(rows):
        if notes:
            row["carried"] = carried(notes.get(n), lang)
            row["carried_keys"] = note_keys(book, notes.get(n))
    for row, d in zip(rows, doubts):
        # the link stands in a cell of its own: a spreadsheet application shows a link cell on one
        # line, and 出处 holds one place per version, one per line
        row["_to"] = _target(book, d)
        row["go"] = tr("go", lang) if row["_to"] else ""
    placed = book.table(ws, doubt_columns(with_unit, bool(notes)), rows, links={"go": lambda r: r["_to"]})
    for r, d in zip(placed, doubts):
        if d.severity in SEVERITY_FILLS:
            book.styles.apply(ws.cell(row=r, column=3), fill=SEVERITY_FILLS[d.severity])
    last = max(placed, default=1)
    if not doubts:
        book.put(ws, last + 1, 2, tr("doubt.none", lang))
        last += 1
    book.put(ws, last + 2, 2, tr("doubt.lead", lang))
    return ws


def _row(n: int, d, lang: str, with_unit: bool) -> dict:
    en = lang == "en"
    row = {
        "doubt.no": n, "doubt.kind": d.name_en if en else d.name, "doubt.severity": code(d.severity, lang),
        "doubt.items": "\n".join(d.items), "doubt.versions": _versions(d, lang),
        "doubt.words": d.words, "doubt.reason": d.reason_en if en else d.reason,
        "doubt.places": "\n".join(place_text(p, lang) for p in d.places),
    }  # fmt: skip
    if with_unit:
        row["doubt.unit"] = "\n".join(dict.fromkeys(p.unit for p in d.places if p.unit))
    return row


def _versions(d, lang: str) -> str:
    """V1 → V3 for a doubt that follows an item; one per line for like paragraphs side by side."""
    names = [str(code(v, lang)) for v in d.versions]
    return ("\n" if d.kind == "same_wording" else " → ").join(names)


def place_text(p, lang: str) -> str:
    """One 出处: the version, where the reader found it (第7段 …), else the item's position."""
    if p.source:
        where = reader_place(p.source, lang)
    else:
        where = tr("doubt.item_at", lang).format(order=p.order) if p.order else tr("doubt.report", lang)
    return f"{code(p.version, lang)} {where}"


def _target(book: Book, d):
    """The 原文 row of the doubt's first place that has one in this workbook (a batch summary has
    no 原文 sheets: no link)."""
    for p in d.places:
        sheet = passage_sheet_name(book, p.version)[:31]
        if p.source_at is not None and sheet in book.wb.sheetnames:
            return sheet, p.source_at + 1
    return None
