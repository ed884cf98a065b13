"""How much room a text takes in a cell: display widths (a CJK character counts double), the
lines a wrapped text needs, and the type the sizes are reckoned in. Plain Python, no openpyxl:
the sizing rules are the same whatever writes the cells.
"""

from __future__ import annotations

import functools
import math
import unicodedata

#: 10 pt text on 15 pt lines; column widths are in units of the workbook's 11 pt default font.
#: A line of 10 pt CJK text takes 14.5 pt in Noto Sans CJK (its ascent and descent): 15 pt lines never cut it
FONT_PT, LINE_PT, UNIT_FONT_PT = 10, 15, 11
#: a row grows to at most this many lines; longer text is cut there (and kept on 长文本)
MAX_LINES = 14
#: a column shown whole (原文, 长文本) grows its row up to the tallest row a sheet allows (409 pt)
MAX_WHOLE_LINES = int(409 // LINE_PT)
#: a line holds a little less than the width promises: bold runs, CJK fonts set a shade wider
#: (LibreOffice with Noto CJK), and a line breaks before a word that does not fit
WRAP_SLACK = 0.95


class _CharWidths(dict):
    """Display width of each character seen so far (a CJK character counts double)."""

    def __missing__(self, ch: str) -> int:
        width = self[ch] = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        return width


_CHAR_WIDTHS = _CharWidths()
#: texts up to this length are measured once and remembered (a cell's text is measured to fit
#: it, to size its column and to size its row); longer ones are few, and measuring them is cheap
#: next to keeping 4,096 of them alive (a batch writes many workbooks in one process)
_REMEMBERED = 1024


def text_width(text: str) -> int:
    """Display width: a CJK character counts double."""
    return _width(text) if len(text) <= _REMEMBERED else _measure(text)


def _measure(text: str) -> int:
    return len(text) if text.isascii() else sum(map(_CHAR_WIDTHS.__getitem__, text))


_width = functools.lru_cache(maxsize=4096)(_measure)


def line_widths(text: str) -> tuple[int, ...]:
    """The display width of each line of ``text``."""
    return _line_widths(text) if len(text) <= _REMEMBERED else tuple(map(_measure, text.split("\n")))


@functools.lru_cache(maxsize=4096)
def _line_widths(text: str) -> tuple[int, ...]:
    return tuple(map(text_width, text.split("\n")))


def lines_needed(text: str, width: float) -> int:
    """Lines the text takes in a wrapped column of ``width`` at ``FONT_PT``."""
    room = max(1.0, width - 1.5) * UNIT_FONT_PT / FONT_PT * WRAP_SLACK
    return sum(max(1, math.ceil(width / room)) for width in line_widths(str(text)))


def cut(text: str, budget: int) -> str:
    """The start of ``text`` that fits a display width of ``budget``."""
    if text_width(text) <= budget:
        return text
    used = 0
    for i, width in enumerate(map(_CHAR_WIDTHS.__getitem__, text)):
        used += width
        if used > budget:
            return text[:i]
    return text
