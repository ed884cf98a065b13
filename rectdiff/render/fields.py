"""Cells that more than one sheet shows alike: 责任单位, 整改时限 (a date cell where the report
states one date) and 逾期 as columns, and a status change's word (进展, 倒退, marked 推断)."""

from __future__ import annotations

from ..records import Pair
from .labels import code, tr
from .sheet import Column

#: 责任单位, 整改时限 and 逾期 each a column of its own (a filter by unit, a sort by date)
UNIT_COLUMNS = [Column("responsible", 9, wrap=True), Column("deadline", 10, wrap=True, center=True,
                                                                number_format="yyyy-mm-dd"),
                Column("overdue", 4, center=True)]  # fmt: skip


def deadline_cells(text: str, date: str | None) -> dict:
    """整改时限 as a date cell where the text is one date (2024年6月30日), else the text; the text
    as printed is kept beside it."""
    if not text:
        return {"deadline": None, "deadline_text": None}
    if date and len(text) <= 16:
        import datetime as dt

        return {"deadline": dt.date.fromisoformat(date), "deadline_text": text}
    return {"deadline": text, "deadline_text": text}


def change_word(p: Pair, lang: str) -> str:
    """进展/倒退, marked 推断 where a side's status is the tool's inference."""
    word = code(p.status_change, lang)
    if p.inferred_move:
        return f"{word}({tr('inferred', lang)})" if lang != "en" else f"{word} ({tr('inferred', lang)})"
    return word
