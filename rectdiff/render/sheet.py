"""A small layer over openpyxl for sheets an auditor reads on screen and on paper.

Columns fit their header and content (CJK characters count double); rows are as tall as their
wrapped text, up to a cap beyond which the cell shows the start and the full text goes to the
长文本 sheet; every sheet prints on A4 landscape with its header row repeated, the reports in
the page header and the sheet name and page number in the footer, and fits one page wide only
where the type stays at 8 pt or more. Detail columns are grouped and collapsed.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from dataclasses import dataclass

from .labels import tr
from .output import CELL_LIMIT, Sanitizer
from .xl import (
    Alignment,
    CellRichText,
    Font,
    Hyperlink,
    InlineFont,
    PageMargins,
    PatternFill,
    StyleArray,
    TextBlock,
    Workbook,
    get_column_letter,
)

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
#: the page: A4 landscape, 0.5 in side margins (770 pt of width), 10 pt text on 15 pt lines;
#: column widths are in units of the workbook's 11 pt default font
PRINTABLE_PT = 770
PAGE_HEIGHT_PT = 470  # what is left of 595 pt after the 0.7 in margins that hold header and footer
#: a line of 10 pt CJK text takes 14.5 pt in Noto Sans CJK (its ascent and descent): 15 pt lines never cut it
FONT_PT, LINE_PT, UNIT_FONT_PT = 10, 15, 11
# named, as the base font is: a cell font without a name printed its digits and Latin text in a
# serif fallback (DejaVu Serif) under LibreOffice
DATA_FONT = Font(name="Arial", size=FONT_PT)
HEADER_FONT = Font(name="Arial", size=FONT_PT, bold=True)
LINK_FONT = Font(name="Arial", size=FONT_PT, color="0563C1", underline="single")
#: the type never prints smaller than this: wider sheets spill onto a second page across
MIN_PRINT_PT = 8
#: a row grows to at most this many lines; longer text is cut there (and kept on 长文本)
MAX_LINES = 14
#: a column shown whole (原文, 长文本) grows its row up to the tallest row a sheet allows (409 pt)
MAX_WHOLE_LINES = int(409 // LINE_PT)


@dataclass(frozen=True)
class Column:
    """One column of a table: the row key it shows, its widest width, how it aligns."""

    key: str
    width: float = 12  # the widest it may grow (Excel width units, about one digit each)
    wrap: bool = False
    center: bool = False
    hidden: bool = False  # a detail column: grouped and collapsed
    whole: bool = False  # never cut to the row height (the 长文本 sheet itself)
    title: str = ""  # a header of its own instead of the label of ``key`` (a version: V1 2023-06-20)
    number_format: str = ""  # a numeric cell's format (a row may give its own as ``_<key>_format``)

    def header(self, lang: str) -> str:
        """The header text in ``lang``."""
        return self.title or tr(self.key, lang)


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


#: a line holds a little less than the width promises: bold runs, CJK fonts set a shade wider
#: (LibreOffice with Noto CJK), and a line breaks before a word that does not fit
WRAP_SLACK = 0.95


def lines_needed(text: str, width: float) -> int:
    """Lines the text takes in a wrapped column of ``width`` at ``FONT_PT``."""
    room = max(1.0, width - 1.5) * UNIT_FONT_PT / FONT_PT * WRAP_SLACK
    return sum(max(1, math.ceil(width / room)) for width in line_widths(str(text)))


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


class Book:
    """A workbook being written, with its sanitizer, page header and long-text overflow."""

    def __init__(self, lang: str = "zh", header: str = ""):
        self.wb = Workbook()
        self.wb.remove(self.wb.active)
        set_base_font(self.wb)
        self.lang = lang
        self.header = header
        self.clean = Sanitizer()
        self.styles = Styles()
        self.long_rows: list[tuple[str, str, str]] = []
        self.archive: list[tuple[str, ...]] = []  # the rows of the notes archive, see carried.py

    def sheet(self, key: str):
        """A new worksheet named by the label ``key``, set up for printing."""
        ws = self.wb.create_sheet(tr(key, self.lang)[:31])
        self.setup(ws)
        return ws

    def setup(self, ws) -> None:
        """Print setup of a sheet: A4 landscape, margins, the reports in the header, page numbers."""
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.7, bottom=0.7, header=0.3, footer=0.3)
        # & starts a header code (&D prints the date, &72 a font size): the title's own & is doubled
        ws.oddHeader.center.text = self.clean.text(self.header)[:120].replace("&", "&&")
        ws.oddHeader.center.size = 9
        ws.oddFooter.center.text = tr("page", self.lang)
        ws.oddFooter.center.size = 9

    def put(self, ws, row: int, col: int, value, width: float | None = None):
        """Write one cell; text is always stored as text, never as a formula or an error. With a
        ``width``, text longer than ``MAX_LINES`` lines of it is cut, and kept in full on 长文本."""
        cell = ws.cell(row=row, column=col)
        if value is None:
            return cell
        if isinstance(value, (list, tuple)) and value and isinstance(value[0], tuple):
            cell.value = self._rich(ws, cell, value, width)
            return cell
        if isinstance(value, (list, tuple)):
            value = "\n".join(f"{i}. {v}" for i, v in enumerate(value, 1))
        if isinstance(value, bool):
            value = "✓" if value else ""
        if isinstance(value, str):
            # cleaned and cut to a cell's length already: openpyxl's own check of the text (a slow
            # regex over every character) would find nothing; stored as text, never a formula
            cell._value = self._fit(ws, cell, self.clean.text(value), width)
            cell.data_type = "s"
        else:
            cell.value = value
        return cell

    def _budget(self, width: float | None) -> int:
        """Display width a cell may show: the row's height, or else what a cell can hold."""
        if width is None:
            return 2 * CELL_LIMIT
        return int(max(1.0, width - 1.5) * MAX_LINES * 0.95 * UNIT_FONT_PT / FONT_PT)

    def _fit(self, ws, cell, text: str, width: float | None) -> str:
        budget = self._budget(width)
        if text_width(text) <= budget and len(text) <= CELL_LIMIT:
            return text
        ref = f"{ws.title}!{cell.coordinate}"
        self.long_rows.append((ws.title, cell.coordinate, text))
        note = tr("truncated" if len(text) > CELL_LIMIT else "more", self.lang).format(ref=ref)
        return _cut(text[: CELL_LIMIT - len(note)], budget - text_width(note)) + note

    def _rich(self, ws, cell, segments, width: float | None) -> CellRichText:
        budget = self._budget(width)
        blocks, used, plain = [], 0, []
        for op, text in segments:
            text = self.clean.text(text)
            plain.append({0: text, -1: f"[-{text}-]", 1: f"{{+{text}+}}"}[op])
            room = budget - 40 - used
            if room <= 0:
                continue
            text = _cut(text, room)
            used += text_width(text)
            blocks.append(TextBlock({0: PLAIN_RUN, -1: DELETED, 1: INSERTED}[op], text))
        if used >= budget - 40:
            ref = f"{ws.title}!{cell.coordinate}"
            self.long_rows.append((ws.title, cell.coordinate, "".join(plain)))
            blocks.append(TextBlock(PLAIN_RUN, tr("more", self.lang).format(ref=ref)))
        return CellRichText(blocks)

    def table(self, ws, columns: list[Column], rows: list[dict], start_row: int = 1, fill_key: str | None = None,
              links: dict | None = None, one_page_wide: bool = False) -> list[int]:  # fmt: skip
        """A table with its header at ``start_row``; returns the sheet row of each data row.

        ``fill_key`` colours a row by that key's code (added, regressed, error …); ``links`` maps
        a column key to a function of the row giving a target ``(sheet, row)`` or None. A table
        at the top of its sheet gets a frozen header, filters, widths and print titles; it prints
        one page wide where its type stays at ``MIN_PRINT_PT`` or more, or (``one_page_wide``)
        whatever the size of its type.
        """
        widths = _fit_widths(columns, rows, self.lang)
        for c, column in enumerate(columns, 1):
            self.styles.apply(self.put(ws, start_row, c, column.header(self.lang)), HEADER_FONT, HEADER_FILL, HEAD)
        ws.row_dimensions[start_row].height = LINE_PT * max(lines_needed(c.header(self.lang), w)
                                                            for c, w in zip(columns, widths))  # fmt: skip
        alignments = [(CENTER if c.center else WRAP) if c.wrap or c.center else None for c in columns]
        cap = MAX_WHOLE_LINES if any(c.whole for c in columns) else MAX_LINES + 1
        placed = []
        for r, values in enumerate(rows, start_row + 1):
            fill = FILLS.get(values.get("_fill") or values.get(fill_key)) if fill_key else None
            lines = 1
            for c, (column, width, alignment) in enumerate(zip(columns, widths, alignments), 1):
                value = values.get(column.key)
                cell = self.put(ws, r, c, value, width if column.wrap and not column.whole else None)
                target = links[column.key](values) if links and column.key in links else None
                number_format = None
                if column.number_format and isinstance(value, (int, float)) and not isinstance(value, bool):
                    number_format = values.get(f"_{column.key}_format") or column.number_format
                self.styles.apply(cell, DATA_FONT if target is None else LINK_FONT, fill, alignment, number_format)
                if column.wrap and value is not None and not column.hidden:
                    lines = max(lines, lines_needed(_plain(cell.value), width))
                if target is not None:
                    _hyperlink(cell, *target)
            ws.row_dimensions[r].height = LINE_PT * min(lines, cap)
            placed.append(r)
        if start_row == 1:
            self._frame(ws, columns, widths, max(placed, default=1), one_page_wide)
        return placed

    def fits(self, columns: list[Column], rows: list[dict]) -> bool:
        """Would ``table`` print these rows one page wide with its type at ``MIN_PRINT_PT`` or more?"""
        widths = _fit_widths(columns, rows, self.lang)
        return _print_scale([w for c, w in zip(columns, widths) if not c.hidden]) * FONT_PT >= MIN_PRINT_PT

    def _frame(self, ws, columns: list[Column], widths: list[float], last_row: int, one_page_wide: bool) -> None:
        for c, (column, width) in enumerate(zip(columns, widths), 1):
            dim = ws.column_dimensions[get_column_letter(c)]
            dim.width = width
            if column.hidden:
                dim.outlineLevel, dim.hidden = 1, True
        ws.sheet_properties.outlinePr.summaryRight = False
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last_row}"
        ws.print_title_rows = "1:1"
        fit_print(ws, [w for c, w in zip(columns, widths) if not c.hidden], one_page_wide)

    def finish(self) -> int:
        """Add the 长文本 sheet if any text was cut; return the number of replaced characters."""
        if self.long_rows:
            ws = self.sheet("sheet.long")
            rows = []
            for sheet, coord, text in self.long_rows:
                for i in range(0, len(text), CELL_LIMIT - 1):
                    part = text[i : i + CELL_LIMIT - 1]
                    rows.append({"sheet": sheet, "cell": coord, "part": i // (CELL_LIMIT - 1) + 1, "full_text": part})
            self.long_rows = []
            columns = [Column("sheet", 14), Column("cell", 8, center=True), Column("part", 5, center=True),
                       Column("full_text", 110, wrap=True, whole=True)]  # fmt: skip
            self.table(ws, columns, rows)
        return self.clean.replaced


def _print_scale(visible_widths: list[float]) -> float:
    """The scale that prints columns of these widths one page wide (at most 1)."""
    points = sum(5.25 * w + 3.75 for w in visible_widths)
    return min(1.0, PRINTABLE_PT / points) if points else 1.0


def fit_print(ws, visible_widths: list[float], always: bool = False) -> None:
    """Fit one page wide where the type stays at ``MIN_PRINT_PT`` or more (``always``: in any
    case), else print at that size."""
    if always or _print_scale(visible_widths) * FONT_PT >= MIN_PRINT_PT:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    else:
        ws.page_setup.scale = math.ceil(100 * MIN_PRINT_PT / FONT_PT)


def link(cell, sheet: str, row: int, column: str = "A", file: str = "") -> None:
    """Make ``cell`` a link to another sheet's cell, or (``file``) to a file beside the workbook."""
    _hyperlink(cell, sheet, row, column, file)
    cell.font = LINK_FONT


def _hyperlink(cell, sheet: str, row: int, column: str = "A", file: str = "") -> None:
    if file:
        cell.hyperlink = Hyperlink(ref=cell.coordinate, target=file)
    else:
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{sheet}'!{column}{row}")


def _fit_widths(columns: list[Column], rows: list[dict], lang: str) -> list[float]:
    widths = []
    for column in columns:
        header = max(line_widths(column.header(lang))) + 2
        texts = (_plain(r.get(column.key)) for r in rows[:2000])  # the cells that hold something
        contents = sorted(width for text in texts if text for width in line_widths(text))
        # a wrapped column fits most of its lines; one that does not wrap (出处, a number) fits them all
        at = int(0.9 * (len(contents) - 1)) if column.wrap else -1
        typical = contents[at] + 2 if contents else 0
        if column.wrap and not column.title:  # a wrapped header may take two lines
            header = min(header, 8)
        widths.append(float(min(column.width, max(header, typical, 4))))
    return widths


def _plain(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)) and value and isinstance(value[0], tuple):
        return "".join(text for _op, text in value)
    if isinstance(value, CellRichText):
        return "".join(str(b.text) if isinstance(b, TextBlock) else str(b) for b in value)
    if isinstance(value, (list, tuple)):
        return "\n".join(f"{i}. {v}" for i, v in enumerate(value, 1))
    return str(value)


def _cut(text: str, budget: int) -> str:
    """The start of ``text`` that fits a display width of ``budget``."""
    if text_width(text) <= budget:
        return text
    used = 0
    for i, width in enumerate(map(_CHAR_WIDTHS.__getitem__, text)):
        used += width
        if used > budget:
            return text[:i]
    return text
