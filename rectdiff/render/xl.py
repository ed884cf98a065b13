"""Every openpyxl name the renderers use, from one place: openpyxl is imported here, without numpy
(``rectdiff.xlsx``), before any renderer touches it."""

from ..xlsx import load_openpyxl

load_openpyxl()

from openpyxl import Workbook  # noqa: E402
from openpyxl.cell.rich_text import CellRichText, TextBlock  # noqa: E402
from openpyxl.cell.text import InlineFont  # noqa: E402
from openpyxl.chart import BarChart, LineChart, Reference  # noqa: E402
from openpyxl.styles import Alignment, Font, PatternFill  # noqa: E402
from openpyxl.styles.cell_style import StyleArray  # noqa: E402
from openpyxl.utils import get_column_letter  # noqa: E402
from openpyxl.worksheet.hyperlink import Hyperlink  # noqa: E402
from openpyxl.worksheet.page import PageMargins  # noqa: E402
from openpyxl.worksheet.pagebreak import Break  # noqa: E402

__all__ = [
    "Alignment", "BarChart", "Break", "CellRichText", "Font", "Hyperlink", "InlineFont", "LineChart", "PageMargins",
    "PatternFill", "Reference", "StyleArray", "TextBlock", "Workbook", "get_column_letter",
]  # fmt: skip
