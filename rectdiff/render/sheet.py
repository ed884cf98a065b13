"""A small layer over openpyxl: safe cells, formatted review sheets, rich-text redlines."""

from __future__ import annotations

import math

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .labels import tr
from .output import CELL_LIMIT, Sanitizer

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
FILLS = {
    "added": PatternFill("solid", fgColor="E2EFDA"),
    "removed": PatternFill("solid", fgColor="FCE4D6"),
    "modified": PatternFill("solid", fgColor="FFF2CC"),
    "error": PatternFill("solid", fgColor="F8CBAD"),
    "warning": PatternFill("solid", fgColor="FFF2CC"),
    "regressed": PatternFill("solid", fgColor="F8CBAD"),
    "improved": PatternFill("solid", fgColor="E2EFDA"),
    "changed": PatternFill("solid", fgColor="FFF2CC"),
}
# deletions: struck through and red; insertions: bold, underlined and blue - readable in black and white
DELETED = InlineFont(strike=True, color="C00000")
INSERTED = InlineFont(b=True, u="single", color="0070C0")
WIDE = {
    "heading",
    "body",
    "message",
    "evidence",
    "redline",
    "summary",
    "text",
    "measures",
    "old_heading",
    "new_heading",
    "full_text",
    "old_evidence",
    "new_evidence",
    "status_evidence",
}


class Book:
    """A workbook being written, with its sanitizer and its long-text overflow sheet."""

    def __init__(self, lang: str = "zh"):
        self.wb = Workbook()
        self.wb.remove(self.wb.active)
        self.lang = lang
        self.clean = Sanitizer()
        self.long_rows: list[tuple[str, str, str]] = []

    def sheet(self, key: str):
        """A new worksheet named by the label ``key``, set up for printing."""
        ws = self.wb.create_sheet(tr(key, self.lang)[:31])
        # print as an auditor would: landscape, all columns on one page width
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        return ws

    def put(self, ws, row: int, col: int, value):
        """Write one cell; text is always stored as text, never as a formula or error."""
        cell = ws.cell(row=row, column=col)
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return cell
        if isinstance(value, (list, tuple)) and value and isinstance(value[0], tuple):
            cell.value = self._rich(ws, cell, value)
            return cell
        if isinstance(value, (list, tuple)):
            value = "\n".join(f"{i}. {v}" for i, v in enumerate(value, 1))
        if isinstance(value, bool):
            value = "✓" if value else ""
        if isinstance(value, str):
            value = self._fit(ws, cell, self.clean.text(value))
            cell.value = value
            cell.data_type = "s"
        else:
            cell.value = value
        return cell

    def _fit(self, ws, cell, text: str) -> str:
        if len(text) <= CELL_LIMIT:
            return text
        ref = f"{ws.title}!{cell.coordinate}"
        self.long_rows.append((ws.title, cell.coordinate, text))
        note = tr("truncated", self.lang).format(ref=ref)
        return text[: CELL_LIMIT - len(note)] + note

    def _rich(self, ws, cell, segments) -> CellRichText:
        blocks, used, plain = [], 0, []
        for op, text in segments:
            text = self.clean.text(text)
            plain.append({0: text, -1: f"[-{text}-]", 1: f"{{+{text}+}}"}[op])
            room = CELL_LIMIT - 200 - used
            if room <= 0:
                continue
            text = text[:room]
            used += len(text)
            blocks.append(text if op == 0 else TextBlock(DELETED if op < 0 else INSERTED, text))
        if used >= CELL_LIMIT - 200:
            ref = f"{ws.title}!{cell.coordinate}"
            self.long_rows.append((ws.title, cell.coordinate, "".join(plain)))
            blocks.append(tr("truncated", self.lang).format(ref=ref))
        return CellRichText(blocks)

    def table(self, ws, headers: list[str], rows, fill_col: str | None = None, start_row: int = 1, review: bool = True):
        """A review table: frozen header, filter, widths, wrapping, colour by change type."""
        keys = headers + (["review"] if review else [])
        for c, key in enumerate(keys, 1):
            cell = self.put(ws, start_row, c, tr(key, self.lang))
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(vertical="center", wrap_text=True)
        wrap = Alignment(wrap_text=True, vertical="top")
        wide = {key for key in headers if _width(key) > 20}
        r = start_row
        for r, values in enumerate(rows, start_row + 1):
            fill = FILLS.get(values.get("_fill")) if fill_col else None
            for c, key in enumerate(headers, 1):
                value = values.get(key)
                cell = self.put(ws, r, c, value)
                if key in wide and value is not None:
                    cell.alignment = wrap  # styles are costly in openpyxl: only where text wraps
                if fill is not None:
                    cell.fill = fill
        for c, key in enumerate(keys, 1):
            ws.column_dimensions[get_column_letter(c)].width = _width(key)
        if start_row == 1:
            ws.freeze_panes = "A2"
            ws.auto_filter.ref = f"A1:{get_column_letter(len(keys))}{max(r, 1)}"
        return r

    def finish(self):
        """Add the overflow sheet if any text was cut; return the number of replaced characters."""
        if self.long_rows:
            ws = self.sheet("sheet.long")
            rows = []
            for sheet, coord, text in self.long_rows:
                for i in range(0, len(text), CELL_LIMIT - 1):
                    rows.append(
                        {
                            "sheet": sheet,
                            "cell": coord,
                            "part": i // (CELL_LIMIT - 1) + 1,
                            "full_text": text[i : i + CELL_LIMIT - 1],
                        }
                    )
            self.long_rows = []
            self.table(ws, ["sheet", "cell", "part", "full_text"], rows, review=False)
        return self.clean.replaced


def _width(key: str) -> float:
    if key in WIDE or key.endswith("redline"):
        return 48
    if key in ("review",):
        return 24
    if key.endswith("_id") or key in ("id", "category", "label", "metrics_summary"):
        return 20
    return 12
