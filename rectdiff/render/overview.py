"""The 概览 sheet: what needs attention first (each count a link to its rows), then the two
reports, the counts, the status transitions, the stated totals, the coverage of statuses and a
chart of status by kind in both versions (未说明 a bar of its own, so the picture is honest
where statuses are missing). No block is split by a page break."""

from __future__ import annotations

import math

from ..model import CHANGES, STATUS_FIELDS, STATUS_SOURCES, STATUSES, Comparison
from ..records import Coverage, TotalPair
from .labels import code, source_name, tr
from .measure import LINE_PT, lines_needed
from .printing import PAGE_HEIGHT_PT
from .sheet import Book, link
from .styles import CENTER, DATA_FONT, HEAD, HEADER_FILL, WRAP
from .xl import Alignment, BarChart, Break, Font, PatternFill, Reference

LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)
TITLE_FONT, GRID_HEADER_FONT = Font(name="Arial", bold=True, size=12), Font(name="Arial", bold=True)

#: column widths: labels in A, numbers in B…H
#: the fill of a cell that asks for a reader's attention (a flag, a count worth following)
ATTENTION_FILL = PatternFill("solid", fgColor="FCE4D6")
WIDTHS = {"A": 26, **{c: 11 for c in "BCDEFGHI"}}
#: where each finding of the attention block links to
ATTENTION_SHEETS = {"regressed": "status", "overdue": "pairs", "suspect_figure": "checks",
                    "removed": "addrem", "cumulative_fell": "checks", "failed_checks": "checks",
                    "totals_changed": "checks"}  # fmt: skip
STATUS_COLORS = {"completed": "70AD47", "substantially_completed": "A9D08E", "phase_completed": "5B9BD5",
                 "in_progress": "FFC000", "not_completed": "C00000", "unknown": "BFBFBF"}  # fmt: skip
CHART_ROWS = 17  # rows kept free for the chart (its height is 7.5 cm)


class Blocks:
    """Writes blocks down the overview, one after the other, and keeps each on one page."""

    def __init__(self, book: Book, ws):
        self.book, self.ws, self.row, self.blocks = book, ws, 1, []
        for column, width in WIDTHS.items():
            ws.column_dimensions[column].width = width

    def title(self, key: str) -> None:
        """A block's title; the block starts here."""
        cell = self.book.put(self.ws, self.row, 1, tr(key, self.book.lang))
        self.book.styles.apply(cell, TITLE_FONT)
        self.start = self.row
        self.row += 1

    def grid(self, headers: list[str], rows: list[list], spans: list[int] | None = None) -> list[int]:
        """A small table: headers over their numbers; ``spans`` merges text columns across several."""
        spans = spans or [1] * len(headers)
        placed = []
        for r, values in enumerate([headers, *rows]):
            col = 1
            lines = 1
            for value, span in zip(values, spans):
                cell = self.book.put(self.ws, self.row, col, value)
                width = sum(WIDTHS.get(chr(64 + c), 12) for c in range(col, col + span))
                if span > 1:
                    self.ws.merge_cells(
                        start_row=self.row, start_column=col, end_row=self.row, end_column=col + span - 1
                    )
                if r == 0:
                    self.book.styles.apply(cell, GRID_HEADER_FONT, HEADER_FILL, HEAD)
                else:  # a link keeps its look
                    font = None if cell.hyperlink else DATA_FONT
                    self.book.styles.apply(cell, font, alignment=WRAP if col == 1 else (LEFT if span > 1 else CENTER))
                if value is not None:
                    lines = max(lines, lines_needed(str(value), width))
                col += span
            self.ws.row_dimensions[self.row].height = LINE_PT * lines
            placed.append(self.row)
            self.row += 1
        self.close()
        return placed[1:]

    def attention(self, found: list[tuple[str, int, tuple[str, int] | None]], doubts=None) -> None:
        """The 需要关注 block: per finding (its ``att.`` key, its count, the sheet and row it is
        first found on) a count, bold red where there is any, and a link; with ``doubts`` (a
        workbook's doubts), their count last, linked to the first row of 疑点清单."""
        lang = self.book.lang
        if doubts is not None:
            found = [*found, ("doubts", len(doubts), (tr("sheet.doubts", lang)[:31], 2) if doubts else None)]
        self.title("ov.attention")
        rows = [[tr(f"att.{key}", lang), count, tr("go", lang) if count else tr("att.none", lang)]
                for key, count, _to in found]  # fmt: skip
        placed = self.grid([tr("field", lang), tr("count", lang), ""], rows)
        for row, (_key, count, to) in zip(placed, found):
            if count:
                self.ws.cell(row=row, column=2).font = Font(name="Arial", bold=True, color="C00000")
                if to:
                    link(self.ws.cell(row=row, column=3), *to)

    def close(self, extra: int = 0) -> None:
        """End the current block (``extra`` rows more) and leave a blank row."""
        self.row += extra
        self.blocks.append((self.start, self.row - 1))
        self.row += 1

    def finish(self) -> None:
        """Page breaks between blocks, and a sheet that prints one page wide."""
        self.paginate()
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.ws.page_setup.fitToWidth, self.ws.page_setup.fitToHeight = 1, 0

    def paginate(self) -> None:
        """A page break before every block that would cross the end of a page."""
        used = 0.0
        for first, last in self.blocks:
            height = sum(self.ws.row_dimensions[r].height or LINE_PT for r in range(first, last + 2))
            if used and used + height > PAGE_HEIGHT_PT:
                self.ws.row_breaks.append(Break(id=first - 1))
                used = 0.0
            used += height


def write_overview(book: Book, ws, result: Comparison, targets: dict) -> None:
    """Fill the 概览 sheet of a comparison; ``targets`` maps a table to (sheet name, row of index)."""
    lang = book.lang
    sheet = Blocks(book, ws)
    _attention(sheet, result, targets)
    sheet.title("ov.meta")
    fields = ["title", "issuer", "publish_date", "signing_date", "round", "source", "source_site", "items"]
    old, new = result.old.meta.as_dict(), result.new.meta.as_dict()
    sheet.grid([tr("field", lang), tr("old", lang), tr("new", lang)],
               [[tr(f, lang), old[f], new[f]] for f in fields], spans=[1, 3, 3])  # fmt: skip
    sheet.title("ov.by_change")
    sheet.grid([tr("change", lang), *[code(c, lang) for c in CHANGES]],
               [[tr("count", lang), *[result.stats.by_change.get(c, 0) for c in CHANGES]]])  # fmt: skip
    sheet.title("ov.by_kind")
    by_kind = result.stats.by_kind
    sheet.grid([tr("kind", lang), *[code(c, lang) for c in CHANGES]],
               [[code(k, lang), *[v.get(c, 0) for c in CHANGES]] for k, v in by_kind.items()])  # fmt: skip
    sheet.title("ov.matrix")
    matrix = result.stats.status_matrix
    sheet.grid([tr("old_status", lang), *[code(s, lang) for s in STATUSES]],
               [[code(s, lang), *[matrix[s][t] for t in STATUSES]] for s in STATUSES])  # fmt: skip
    totals = [t for t in result.total_rows if not t.in_item]  # items' own counts: elsewhere
    if totals:
        sheet.title("ov.totals")
        rows = [[t.category, _total(t, "old", lang), _total(t, "new", lang)] for t in totals]
        sheet.grid([tr("category", lang), tr("old", lang), tr("new", lang)], rows, spans=[1, 3, 3])
    _coverage(sheet, result)
    _status_chart(sheet, result)
    sheet.finish()


def _attention(sheet: Blocks, result: Comparison, targets: dict) -> None:
    """需要关注: each finding's count and a link to its first row; the doubts' count last."""
    found = []
    for f in result.attention:
        name, rows_of = targets[ATTENTION_SHEETS[f.key]]
        first = rows_of.get(f.rows[0]) if f.count else None
        found.append((f.key, f.count, (name, first) if first else None))
    sheet.attention(found, result.doubts)


def _total(t: TotalPair, side: str, lang: str) -> str:
    """A stated total in words: 59 / 已完成56 / 基本完成3 / 94.9%."""
    total, rate = getattr(t, f"{side}_total"), getattr(t, f"{side}_stated_rate")
    counts = [(f, getattr(t, f"{side}_{f}")) for f in STATUS_FIELDS]
    if total is None and all(n is None for _f, n in counts):
        return ""
    gap = " " if lang == "en" else ""
    parts = [str(total) if total is not None else "?"]
    parts += [f"{code(f, lang)}{gap}{n}" for f, n in counts if n is not None]
    if rate is not None:
        parts.append(f"{rate:g}%")
    return " / ".join(parts)


def _coverage(sheet: Blocks, result: Comparison) -> None:
    """Per kind: items with a status / items, old and new; then per source."""
    lang = sheet.book.lang
    old = {r.kind: r for r in result.old.coverage_rows}
    new = {r.kind: r for r in result.new.coverage_rows}
    if not old and not new:
        return
    kinds = list(dict.fromkeys([*old, *new]))
    headers = [tr("kind", lang), *[code(k, lang) for k in kinds]]
    rows = [
        [tr("old", lang), *[_known(old.get(k)) for k in kinds]],
        [tr("new", lang), *[_known(new.get(k)) for k in kinds]],
    ]
    sheet.title("ov.coverage")
    sheet.grid(headers[:8], [r[:8] for r in rows])
    every_old, every_new = old.get("all"), new.get("all")
    sheet.start = sheet.row
    sheet.grid([tr("status_source", lang), *[source_name(s, lang) for s in STATUS_SOURCES]],
               [[tr("old", lang), *[getattr(every_old, s, 0) for s in STATUS_SOURCES]],
                [tr("new", lang), *[getattr(every_new, s, 0) for s in STATUS_SOURCES]]])  # fmt: skip


def _known(row: Coverage | None) -> str:
    return f"{row.known}/{row.items}" if row else ""


def _status_chart(sheet: Blocks, result: Comparison) -> None:
    """Status by kind in both versions: a table and a stacked bar chart of it."""
    lang = sheet.book.lang
    by_kind = result.stats.status_by_kind
    kinds = list(dict.fromkeys([*by_kind["old"], *by_kind["new"]]))
    if not kinds:
        return
    sheet.title("ov.status_kind")
    rows = []
    for kind in kinds:
        for side in ("old", "new"):
            counts = by_kind[side].get(kind, {})
            rows.append([f"{code(kind, lang)} · {tr(side, lang)}", *[counts.get(s, 0) for s in STATUSES]])
    first_row = sheet.row
    sheet.grid([tr("kind", lang), *[code(s, lang) for s in STATUSES]], rows)
    sheet.blocks.pop()  # the chart belongs to the same block as its table
    sheet.row -= 1
    chart = BarChart()
    chart.type, chart.grouping, chart.overlap = "bar", "stacked", 100
    chart.title = tr("ov.chart", lang)
    data = Reference(sheet.ws, min_col=2, max_col=1 + len(STATUSES), min_row=first_row, max_row=first_row + len(rows))
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet.ws, min_col=1, min_row=first_row + 1, max_row=first_row + len(rows)))
    for series, status in zip(chart.series, STATUSES):
        series.graphicalProperties.solidFill = STATUS_COLORS[status]
        series.graphicalProperties.line.solidFill = STATUS_COLORS[status]
    chart.y_axis.majorGridlines = None
    chart.x_axis.scaling.orientation = "maxMin"  # the kinds top-down, as in the table
    chart.height = 7.5
    chart.width = 18
    sheet.ws.add_chart(chart, f"A{sheet.row + 1}")
    rows_for_chart = max(CHART_ROWS, math.ceil(7.5 * 28.35 / LINE_PT) + 1)
    for r in range(sheet.row + 1, sheet.row + 1 + rows_for_chart):
        sheet.ws.row_dimensions[r].height = LINE_PT
    sheet.row += rows_for_chart
    sheet.close()
    sheet.ws.cell(row=1, column=1).alignment = Alignment(vertical="top")
