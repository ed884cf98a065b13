"""How every sheet prints: A4 landscape with margins that hold the page header (the reports) and
footer (the sheet name and page number), one page wide only where the type stays at
``MIN_PRINT_PT`` or more."""

from __future__ import annotations

import math

from .labels import tr
from .measure import FONT_PT
from .xl import PageMargins

#: the page: A4 landscape, 0.5 in side margins (770 pt of width)
PRINTABLE_PT = 770
PAGE_HEIGHT_PT = 470  # what is left of 595 pt after the 0.7 in margins that hold header and footer
#: the type never prints smaller than this: wider sheets spill onto a second page across
MIN_PRINT_PT = 8


def set_up_page(ws, header: str, lang: str) -> None:
    """Print setup of a sheet: A4 landscape, margins, ``header`` (cleaned text) atop each page,
    page numbers below."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.7, bottom=0.7, header=0.3, footer=0.3)
    # & starts a header code (&D prints the date, &72 a font size): the title's own & is doubled
    ws.oddHeader.center.text = header[:120].replace("&", "&&")
    ws.oddHeader.center.size = 9
    ws.oddFooter.center.text = tr("page", lang)
    ws.oddFooter.center.size = 9


def print_scale(visible_widths: list[float]) -> float:
    """The scale that prints columns of these widths one page wide (at most 1)."""
    points = sum(5.25 * w + 3.75 for w in visible_widths)
    return min(1.0, PRINTABLE_PT / points) if points else 1.0


def prints_one_page_wide(visible_widths: list[float]) -> bool:
    """Would columns of these widths print one page wide with the type at ``MIN_PRINT_PT`` or more?"""
    return print_scale(visible_widths) * FONT_PT >= MIN_PRINT_PT


def fit_print(ws, visible_widths: list[float], always: bool = False) -> None:
    """Fit one page wide where the type stays at ``MIN_PRINT_PT`` or more (``always``: in any
    case), else print at that size."""
    if always or prints_one_page_wide(visible_widths):
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    else:
        ws.page_setup.scale = math.ceil(100 * MIN_PRINT_PT / FONT_PT)
