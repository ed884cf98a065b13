"""The library entry points: ``parse(path)`` and ``compare(old, new)``."""

from __future__ import annotations

from .model import Comparison, Report


def parse(source, fmt: str | None = None) -> Report:
    """Read and parse one report (a path or a binary stream) into a ``Report``."""
    from .parsing import parse_report
    from .read import read_report

    return parse_report(read_report(source, fmt))


def compare(old, new) -> Comparison:
    """Compare two reports (paths, streams or parsed ``Report`` objects)."""
    from .align import align_items
    from .diff import diff_reports

    old_report = old if isinstance(old, Report) else parse(old)
    new_report = new if isinstance(new, Report) else parse(new)
    return diff_reports(old_report, new_report, align_items(old_report.compared, new_report.compared))
