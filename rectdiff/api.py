"""The library entry points: ``parse(path)``, ``compare(old, new)``, ``series(paths)`` and
``batch(paths, outdir)``.

``notes`` (a workbook rectdiff wrote before, or several) carries the reviewers' notes of an
earlier round onto the new result: each note follows its item through renumbering and
rewording; a note whose item is gone becomes a finding on 核对 (the ``notes`` package).
"""

from __future__ import annotations

from .catalogue import say
from .model import BatchResult, Comparison, Report, Series


def parse(source, fmt: str | None = None) -> Report:
    """Read and parse one report (a path or a binary stream) into a ``Report``."""
    from .parsing import parse_report
    from .read import read_report
    from .read.limits import deadline

    with deadline(str(getattr(source, "name", source))):  # the wall-time budget of one file
        return parse_report(read_report(source, fmt))


def compare(old, new, notes=None) -> Comparison:
    """Compare two reports (paths, streams or parsed ``Report`` objects)."""
    from .diff import compare_reports
    from .doubts import with_comparison_doubts

    old_report = _report(old)
    new_report = _report(new)
    result = compare_reports(old_report, new_report)
    result = with_comparison_doubts(result)
    if notes:
        from .notes import with_notes

        result = with_notes(result, notes)
    return result


def series(reports, keep_order: bool = False, notes=None) -> Series:
    """Follow two or more versions of one report (paths, streams or ``Report`` objects), ordered
    by their dates unless ``keep_order``."""
    from .doubts import with_series_doubts
    from .errors import UsageError
    from .history import build_series

    parsed = [_report(r) for r in reports]
    if len(parsed) < 2:
        raise UsageError(*say("usage.series_of_one"))
    result = with_series_doubts(build_series(parsed, keep_order))
    if notes:
        from .notes import with_notes

        result = with_notes(result, notes)
    return result


def batch(inputs, outdir: str, lang: str = "zh", jobs: int | None = None, group_by: str | None = None,
          progress=None) -> BatchResult:  # fmt: skip
    """Compare every series found in ``inputs`` (folders, files or globs; a path or a list) and
    write one workbook per series and 汇总.xlsx into ``outdir`` (see ``batching``; the workbooks are
    written in ``lang`` by ``render.batch_book.BatchWriter``)."""
    from .batching import run_batch
    from .render.batch_book import BatchWriter

    paths = [inputs] if isinstance(inputs, str) else list(inputs)
    return run_batch(paths, outdir, BatchWriter(lang), jobs, group_by, progress)


def _report(source) -> Report:
    return source if isinstance(source, Report) else parse(source)
