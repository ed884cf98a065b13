"""The looks of a workbook's cells: fonts, fills and alignments, the redline's runs, the base
font that sets the unit of every column width, and ``Styles``, which builds each look once."""

from __future__ import annotations

from .measure import FONT_PT
from .xl import Alignment, Font, InlineFont, PatternFill, StyleArray

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
FILLS = {
    "added": "E2EFDA", "removed": "FCE4D6", "modified": "FFF2CC", "error": "F8CBAD", "warning": "FFF2CC",
    "info": "DDEBF7", "regressed": "F8CBAD", "improved": "E2EFDA", "stated": "FFF2CC", "unstated": "FFF2CC",
    "changed": "FFF2CC",
}  # fmt: skip
FILLS = {key: PatternFill("solid", fgColor=color) for key, color in FILLS.items()}
# deletions: struck through and red; insertions: bold, underlined and blue - readable in black and white;
# every run sized like its cell (a run without a size takes the workbook's 11 pt and prints cut)
DELETED = InlineFont(rFont="Arial", strike=True, color="C00000", sz=10)
INSERTED = InlineFont(rFont="Arial", b=True, u="single", color="0070C0", sz=10)
PLAIN_RUN = InlineFont(rFont="Arial", sz=10)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="top", wrap_text=True)
HEAD = Alignment(horizontal="center", vertical="center", wrap_text=True)
# named, as the base font is: a cell font without a name printed its digits and Latin text in a
# serif fallback (DejaVu Serif) under LibreOffice
DATA_FONT = Font(name="Arial", size=FONT_PT)
HEADER_FONT = Font(name="Arial", size=FONT_PT, bold=True)
LINK_FONT = Font(name="Arial", size=FONT_PT, color="0563C1", underline="single")


class Styles:
    """Each look of a workbook's cells built once. openpyxl hashes every font, fill and alignment
    on every assignment to find its index; here the first cell to take a combination goes
    through openpyxl, and every later one copies the style array it got (its indexes)."""

    def __init__(self):
        self._arrays: dict[tuple, StyleArray] = {}
        self._kept: list = []  # the style objects of the keys: kept alive, so that no other takes their id

    def apply(self, cell, font=None, fill=None, alignment=None, number_format: str | None = None) -> None:
        """Give ``cell`` these (the ones not None), over what it has."""
        now = cell._style
        key = (None if now is None else tuple(now), id(font), id(fill), id(alignment), number_format)
        array = self._arrays.get(key)
        if array is not None:
            cell._style = StyleArray(array)  # a copy: openpyxl changes a cell's array in place
            return
        for name, value in (("font", font), ("fill", fill), ("alignment", alignment),
                            ("number_format", number_format)):  # fmt: skip
            if value is not None:
                setattr(cell, name, value)
        self._kept.append((font, fill, alignment))
        self._arrays[key] = StyleArray(cell._style)


#: the workbook's base font, which sets the unit of every column width (the width of its digit
#: 0): Arial 10 is 7 px in Excel, as Calibri 11 is, and LibreOffice reads it with Liberation Sans
#: (the same metrics); Calibri, where LibreOffice lacks it, takes a font a third wider (DejaVu
#: Sans): every column then printed a third wider than sized, and rows a third taller than their text
BASE_FONT = Font(name="Arial", sz=10, family=2)


def set_base_font(wb) -> None:
    """Make ``BASE_FONT`` the font of the Normal style (font 0) of a new workbook."""
    from copy import copy

    wb._fonts = type(wb._fonts)([copy(BASE_FONT)])
    wb._named_styles[0].font = copy(BASE_FONT)
