"""出处 in a workbook: the 原文 sheet of each version (the report's text passage by passage, its
page or sheet row marked) and the 出处 cells that cite a place and link to its 原文 row."""

from __future__ import annotations

from ..catalogue import SIDES, place_text
from .labels import tr
from .sheet import Book, Column

#: how a comparison names its versions in a place (新版 第3页 第12行); a series says V1, V2 …
SIDE_WORDS = {side: zh for side, (zh, _) in SIDES.items()}
PASSAGE_COLUMNS = [Column("passage_number", 6, center=True), Column("where", 14, wrap=True, center=True),
                   Column("passage_text", 118, wrap=True, whole=True)]  # fmt: skip


def passage_sheet_name(book: Book, version: str = "") -> str:
    """The name of a version's 原文 sheet: 原文, 原文(新版), 原文 V2."""
    base = tr("sheet.passages", book.lang)
    if not version:
        return base
    if version in SIDE_WORDS:
        return f"{base}({SIDE_WORDS[version]})" if book.lang != "en" else f"{base} ({version})"
    return f"{base} {version}"


def write_passages(book: Book, report, version: str = "") -> str:
    """The 原文 sheet of one report: one row per passage (passage n on row n + 1)."""
    name = passage_sheet_name(book, version)
    ws = book.wb.create_sheet(name[:31])
    book.setup(ws)
    rows = [{"passage_number": p.number, "where": place_text(p.where, book.lang) or None, "passage_text": p.text}
            for p in report.passage_rows]  # fmt: skip
    book.table(ws, PASSAGE_COLUMNS, rows)
    return name


class Citations:
    """Turns a record's place into a 出处 cell value and its link target."""

    def __init__(self, sheets: dict[str, str], lang: str = "zh"):
        self.sheets = sheets  # version ('' for a lone report, old/new, V1 …) -> its 原文 sheet
        self.lang = lang

    def cite(self, row: dict, key: str, source: str, at, version: str = "", named: bool = True) -> None:
        """Put ``source`` (named by its version, unless ``named`` is False: a column of that
        version's own) into ``row[key]`` and its link target beside it."""
        if not source:
            return
        side = SIDE_WORDS.get(version, version) if named else ""
        text = source if not side or source.startswith(side) else f"{side} {source}"
        row[key] = place_text(text, self.lang)
        sheet = self.sheets.get(version)
        if sheet and at is not None:
            row[f"_{key}_to"] = (sheet, at + 1)

    def cite_sided(self, row: dict, key: str, source: str, at) -> None:
        """A place that already names its version (新版 第16段, as comparison checks give it)."""
        version = next((v for v, word in SIDE_WORDS.items() if (source or "").startswith(word)), "")
        if not version:
            version = next((v for v in self.sheets if v and (source or "").startswith(f"{v} ")), "")
        self.cite(row, key, source, at, version)

    @staticmethod
    def links(*keys: str) -> dict:
        """The ``links`` argument of ``Book.table`` for these 出处 columns."""
        return {key: (lambda r, k=key: r.get(f"_{k}_to")) for key in keys}
