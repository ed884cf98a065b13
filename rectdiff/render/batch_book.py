"""The summary workbook of a batch (汇总.xlsx): 汇总, one row per series with links to its own
workbook, the series that need attention first; 错误, every file that was not read (with
its reason); 重复文件, each file set aside as a second copy of a version (information, not an
error). It reads the ``BatchResult`` only. ``BatchWriter`` is how a batch has its workbooks
written, in one language: each series' (in the worker that computed it) and this one."""

from __future__ import annotations

import os

from ..frozen import frozen
from ..model import BATCH_MARKS, BatchResult, Comparison, Series
from .doubts_sheet import add_doubts_sheet
from .measure import LINE_PT, lines_needed
from .output import Written
from .overview import ATTENTION_FILL
from .saving import save
from .sheet import Book, Column, link
from .styles import DATA_FONT, WRAP
from .xl import Font

SUMMARY_COLUMNS = [
    Column("issuer", 16, wrap=True), Column("round", 12, wrap=True), Column("versions", 6, center=True),
    Column("files", 22, wrap=True), Column("workbook", 30, wrap=True), Column("items", 7, center=True),
    Column("completion", 10, center=True), Column("regressions", 7, center=True), Column("stuck", 7, center=True),
    Column("overdue", 6, center=True), Column("failed_checks", 8, center=True), Column("changed", 6, center=True),
]  # fmt: skip
#: the 需要关注 line of each mark: its words on a comparison's or a series' 概览
ATTENTION_WORDS = {"regressions": "att.regressed", "stuck": "att.stuck", "overdue": "att.overdue",
                   "failed_checks": "att.failed_checks"}  # fmt: skip


@frozen
class BatchWriter:
    """Writes a batch's workbooks in ``lang`` (sent to each worker: it holds nothing but that)."""

    lang: str = "zh"

    @property
    def summary_name(self) -> str:
        """The summary workbook's file name: 汇总.xlsx."""
        from .labels import tr

        return tr("summary_file", self.lang)

    def load(self) -> None:
        """Import the writers now (before a pool forks its workers, which then share them)."""
        from . import timeline, workbook  # noqa: F401

    def write_series(self, outcome: Series | Comparison, path: str) -> Written:
        """A timeline for a series of three or more versions, a change workbook for two."""
        if isinstance(outcome, Series):
            from .timeline import write_series_xlsx

            return write_series_xlsx(outcome, path, self.lang)
        from .workbook import write_comparison_xlsx

        return write_comparison_xlsx(outcome, path, self.lang)

    def write_summary(self, result: BatchResult, path: str) -> Written:
        """汇总.xlsx (``write_batch_xlsx``)."""
        return write_batch_xlsx(result, path, self.lang)


def write_batch_xlsx(result: BatchResult, path: str, lang: str = "zh") -> Written:
    """Write 汇总.xlsx beside the series workbooks it links to."""
    from .labels import tr

    book = Book(lang, tr("batch.header", lang).format(n=len(result.series)))
    series = result.ranked
    rows = [{
        "issuer": s.unit, "round": s.round, "versions": len(s.sources),
        "files": "\n".join(os.path.basename(p) for p in s.sources),
        "workbook": s.output or tr("batch.lone", lang), "items": s.items,
        "completion": " → ".join(dict.fromkeys(c for c in s.completion if c)) or None,
        "regressions": s.regressions, "stuck": s.stuck, "overdue": s.overdue, "failed_checks": s.failed_checks,
        "changed": s.has_changes if len(s.sources) > 1 else None,
    } for s in series]  # fmt: skip
    ws = book.sheet("sheet.summary")
    placed = book.table(ws, SUMMARY_COLUMNS, rows)
    column = {c.key: n for n, c in enumerate(SUMMARY_COLUMNS, 1)}
    for r, s in zip(placed, series):
        if s.output:  # a link to the series' own workbook, beside this one
            link(ws.cell(row=r, column=column["workbook"]), "", 0, file=s.output)
        for key in BATCH_MARKS:
            if getattr(s, key):
                ws.cell(row=r, column=column[key]).fill = ATTENTION_FILL
    _attention(book, ws, result, placed)
    # 错误 holds the files that could not be read; a second copy of a version is information, on its own sheet
    for key, copies in (("sheet.left_out", False), ("sheet.duplicates", True)):
        left = [{"file": f, "reason": tr(f"batch.{kind}", lang).format(detail=detail)}
                for f, kind, detail in result.errors if (kind == "duplicate") == copies]  # fmt: skip
        if left or not copies:
            columns = [Column("file", 40, wrap=True), Column("reason", 70, wrap=True)]
            book.table(book.sheet(key), columns, left)
    add_doubts_sheet(book, result.doubts, with_unit=True)
    return save(book, path)


def _attention(book: Book, ws, result: BatchResult, placed: list[int]) -> None:
    """需要关注 under the table (``placed``: the sheet row of each ranked series): each mark summed
    over the series, linked to the first series that has it, and the doubts of the batch, linked
    to 疑点清单."""
    from .labels import tr

    lang = book.lang
    found = [(ATTENTION_WORDS[f.key], f.count, (ws.title, placed[f.rows[0]]) if f.rows else None)
             for f in result.attention]  # fmt: skip
    doubts = result.doubts
    found.append(("att.doubts", len(doubts), (tr("sheet.doubts", lang)[:31], 2) if doubts else None))
    title = max(placed, default=1) + 2
    book.put(ws, title, 1, tr("ov.attention", lang)).font = Font(name="Arial", bold=True, size=12)
    for row, (key, count, to) in enumerate(found, title + 1):
        label = book.put(ws, row, 1, tr(key, lang))
        label.font, label.alignment = DATA_FONT, WRAP
        ws.row_dimensions[row].height = LINE_PT * lines_needed(label.value, ws.column_dimensions["A"].width)
        cell = book.put(ws, row, 2, count)
        cell.font = Font(name="Arial", bold=True, color="C00000", size=10) if count else DATA_FONT
        book.put(ws, row, 3, tr("go", lang) if count else tr("att.none", lang)).font = DATA_FONT
        if to:
            link(ws.cell(row=row, column=3), *to)
