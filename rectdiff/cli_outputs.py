"""What each command can write, by output kind, and the function that writes each (the CLI's
table of writers: ``cli`` looks an output up here and calls it)."""

from __future__ import annotations

import functools
from collections.abc import Callable


@functools.cache
def outputs() -> dict[str, dict[str, Callable]]:
    """Each command's outputs by kind, and the function that makes each: ``xlsx`` and ``csv``
    write files, (result, path, lang) -> what was written; ``json`` gives the data (result) ->
    dict; ``terminal`` the summary, (result, lang) -> str. The JSON, CSV and terminal writers are
    light (no pandas, no openpyxl); each workbook writer is imported only when it is called, so
    that --help and a run without -o never load openpyxl."""
    from .render import data, summary

    return {
        "parse": {"xlsx": _report_xlsx, "csv": _report_csv, "json": data.report_dict,
                  "terminal": summary.report_summary},
        "compare": {"xlsx": _comparison_xlsx, "json": data.comparison_dict, "terminal": summary.comparison_summary},
        "series": {"xlsx": _series_xlsx, "json": data.series_dict, "terminal": summary.series_summary},
        "batch": {"terminal": summary.batch_summary},  # batch writes its workbooks itself (api.batch)
    }  # fmt: skip


def _report_xlsx(result, path: str, lang: str) -> list:
    from .render.report_book import write_report_xlsx

    return [write_report_xlsx(result, path, lang)]


def _report_csv(result, path: str, lang: str) -> list:
    from .render.data import write_report_csv

    return write_report_csv(result, path)


def _comparison_xlsx(result, path: str, lang: str) -> list:
    from .render.workbook import write_comparison_xlsx

    return [write_comparison_xlsx(result, path, lang)]


def _series_xlsx(result, path: str, lang: str) -> list:
    from .render.timeline import write_series_xlsx

    return [write_series_xlsx(result, path, lang)]
