"""Where a finding or a figure stands (出处), as the user reads it: a page and line of a PDF, a
paragraph, a ledger row or cell, named by its version in a comparison (新版 第3页 第12行).

The places are recorded in Chinese (they are data of the results: the JSON carries them so);
``PLACE_ENGLISH`` rewrites a recorded place into English for ``--lang en``, and a test checks
that it turns every Chinese template into its English one.
"""

from __future__ import annotations

from ..zh.compiled import regex

#: how a comparison names its versions in a place (新版 第3页 第12行); a series says V1, V2 …
SIDES = {"old": ("旧版", "old"), "new": ("新版", "new")}

PLACES = {
    "place.page": ("第{page}页", "p. {page}"),
    "place.line": ("第{page}页 第{line}行", "p. {page}, line {line}"),
    "place.paragraph": ("第{n}段", "para. {n}"),
    "place.cell": ("表{k} 第{row}行第{column}列", "table {k}, row {row}, column {column}"),
    # a ledger's row: its sheet's name, or 表3 where the table has none (kept so in English)
    "place.row": ("{table} 第{row}行", "{table} row {row}"),
    "place.table": ("表{k}", "表{k}"),
    "place.sided": ("{side} {place}", "{side} {place}"),
}

#: a recorded (Chinese) place in English: the version words first, then the longest forms
PLACE_ENGLISH = [
    *((regex(f"^{zh} "), f"{en} ") for zh, en in SIDES.values()),
    (regex(r"第(\d+)页 第(\d+)行"), r"p. \1, line \2"), (regex(r"第(\d+)页"), r"p. \1"),
    (regex(r"表(\d+) 第(\d+)行第(\d+)列"), r"table \1, row \2, column \3"),
    (regex(r" 第(\d+)行$"), r" row \1"), (regex(r"第(\d+)段"), r"para. \1"),
]  # fmt: skip


def place_text(place: str, lang: str = "zh") -> str:
    """A place as the reader reads it: 新版 第3页 第12行, or in English new p. 3, line 12."""
    if lang != "en":
        return place
    for pattern, words in PLACE_ENGLISH:
        place = pattern.sub(words, place)
    return place
