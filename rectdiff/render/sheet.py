"""A small layer over openpyxl for sheets an auditor reads on screen and on paper: the layout of
tables and cells.

Columns fit their header and content (CJK characters count double, ``measure``); rows are as
tall as their wrapped text, up to a cap beyond which the cell shows the start and the full text
goes to the 长文本 sheet; every sheet prints as ``printing`` sets it up, and fits one page wide
only where the type stays at 8 pt or more. Detail columns are grouped and collapsed. The looks
of the cells are ``styles``.
"""

from __future__ import annotations

from ..frozen import frozen
from .labels import tr
from .measure import (
    FONT_PT,
    LINE_PT,
    MAX_LINES,
    MAX_WHOLE_LINES,
    UNIT_FONT_PT,
    cut,
    line_widths,
    lines_needed,
    text_width,
)
from .output import CELL_LIMIT, Sanitizer
from .printing import fit_print, prints_one_page_wide, set_up_page
from .styles import (
    CENTER,
    DATA_FONT,
    DELETED,
    FILLS,
    HEAD,
    HEADER_FILL,
    HEADER_FONT,
    INSERTED,
    LINK_FONT,
    PLAIN_RUN,
    WRAP,
    Styles,
    set_base_font,
)
from .xl import CellRichText, Hyperlink, TextBlock, Workbook, get_column_letter


@frozen
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
        set_up_page(ws, self.clean.text(self.header), self.lang)

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
        return cut(text[: CELL_LIMIT - len(note)], budget - text_width(note)) + note

    def _rich(self, ws, cell, segments, width: float | None) -> CellRichText:
        budget = self._budget(width)
        blocks, used, plain = [], 0, []
        for op, text in segments:
            text = self.clean.text(text)
            plain.append({0: text, -1: f"[-{text}-]", 1: f"{{+{text}+}}"}[op])
            room = budget - 40 - used
            if room <= 0:
                continue
            text = cut(text, room)
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
        self._header_row(ws, columns, widths, start_row)
        alignments = [(CENTER if c.center else WRAP) if c.wrap or c.center else None for c in columns]
        cap = MAX_WHOLE_LINES if any(c.whole for c in columns) else MAX_LINES + 1
        placed = []
        for r, values in enumerate(rows, start_row + 1):
            fill = FILLS.get(values.get("_fill") or values.get(fill_key)) if fill_key else None
            lines = self._data_row(ws, r, values, zip(columns, widths, alignments), fill, links)
            ws.row_dimensions[r].height = LINE_PT * min(lines, cap)
            placed.append(r)
        if start_row == 1:
            self._frame(ws, columns, widths, max(placed, default=1), one_page_wide)
        return placed

    def _header_row(self, ws, columns: list[Column], widths: list[float], row: int) -> None:
        for c, column in enumerate(columns, 1):
            self.styles.apply(self.put(ws, row, c, column.header(self.lang)), HEADER_FONT, HEADER_FILL, HEAD)
        ws.row_dimensions[row].height = LINE_PT * max(lines_needed(c.header(self.lang), w)
                                                      for c, w in zip(columns, widths))  # fmt: skip

    def _data_row(self, ws, r: int, values: dict, layout, fill, links: dict | None) -> int:
        """One row of a table (``layout``: each column with its width and alignment); returns
        the lines its tallest wrapped cell takes."""
        lines = 1
        for c, (column, width, alignment) in enumerate(layout, 1):
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
        return lines

    def fits(self, columns: list[Column], rows: list[dict]) -> bool:
        """Would ``table`` print these rows one page wide with its type at ``MIN_PRINT_PT`` or more?"""
        widths = _fit_widths(columns, rows, self.lang)
        return prints_one_page_wide([w for c, w in zip(columns, widths) if not c.hidden])

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
