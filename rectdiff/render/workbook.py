"""The change workbook of ``compare``: 概览, 疑点清单, 事项对照, 状态变化, 指标变化, 新增与删除, 核对,
原文 (and 长文本 when a text was cut), assembled from their sheets' modules. It reads the
``Comparison`` and recomputes nothing."""

from __future__ import annotations

from ..model import Comparison
from .change_sheets import addrem_sheet, metrics_sheet, status_sheet
from .checks_sheet import write_checks
from .doubts_sheet import add_doubts_sheet
from .evidence import Citations, passage_sheet_name, write_passages
from .labels import tr
from .output import Written
from .overview import write_overview
from .pairs_sheet import excerpt as excerpt  # where tests and readers have found it
from .pairs_sheet import pairs_sheet
from .saving import save
from .sheet import Book


def header_text(result: Comparison, lang: str) -> str:
    """The page header: both reports, each by title (or file) and date."""

    def side(report) -> str:
        m = report.meta
        return f"{m.title or m.source} {m.dated}".strip()

    return tr("header", lang).format(old=side(result.old), new=side(result.new))


def write_comparison_xlsx(result: Comparison, path: str, lang: str = "zh") -> Written:
    """Write the change workbook."""
    book = Book(lang, header_text(result, lang))
    cites = Citations({side: passage_sheet_name(book, side) for side in ("old", "new")}, lang)
    overview = book.sheet("sheet.overview")
    pair_rows = pairs_sheet(book, result, cites)
    status_rows = status_sheet(book, result, pair_rows, cites)
    metric_rows = metrics_sheet(book, result, cites)
    addrem_rows = addrem_sheet(book, result, cites)
    check_rows = write_checks(book, result.check_rows, result.check_note_cells, cites, result.shared_checks)
    targets = {"pairs": (tr("sheet.pairs", lang), pair_rows), "status": (tr("sheet.status", lang), status_rows),
               "metrics": (tr("sheet.metrics", lang), metric_rows), "addrem": (tr("sheet.addrem", lang), addrem_rows),
               "checks": (tr("sheet.checks", lang), check_rows)}  # fmt: skip
    write_overview(book, overview, result, targets)
    write_passages(book, result.old, "old")
    write_passages(book, result.new, "new")
    add_doubts_sheet(book, result.doubts, notes=result.doubt_note_cells)
    return save(book, path)
