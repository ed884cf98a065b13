"""A batch's workers: ``scan_files`` reads files for their keys (and keeps the reports in the
process), ``run_group`` takes the reports of one series (kept, or read again), compares them, has
the writer write the result and sends back a small summary (``GroupDone``): never a parsed report."""

from __future__ import annotations

import hashlib
import os
from typing import NamedTuple, Protocol

from ..errors import RectdiffError
from ..model import BatchResult, BatchSeries, Report
from ..rules import FAILED
from .plan import FileKey, series_key


class Writer(Protocol):
    """Who writes a batch's workbooks (``render.batch_book.BatchWriter``): batching only plans and
    computes, and never knows their language."""

    summary_name: str  # 汇总.xlsx: no series workbook may take its name

    def load(self) -> None:
        """Import what writing needs (before a pool forks its workers)."""

    def write_series(self, outcome, path: str) -> None:
        """Write one series' workbook: ``outcome`` is a ``Series`` or a ``Comparison``."""

    def write_summary(self, result: BatchResult, path: str) -> None:
        """Write 汇总.xlsx."""


class GroupTask(NamedTuple):
    """One series to compute and write: its files (read again by the worker), key and workbook."""

    paths: tuple[str, ...]
    key: tuple[str, str]
    output: str  # the workbook's path (planned for a lone report too, which gets none)
    writer: Writer


class GroupDone(NamedTuple):
    """All a series' worker sends back: its summary row, the paragraphs 雷同表述 compares across
    units (``doubts.latest_wording``) and any file that could not be read this time."""

    series: BatchSeries | None
    wording: tuple
    unreadable: tuple[tuple[str, str], ...] = ()


def _parse_one(path: str) -> tuple[Report | None, str]:
    """One file parsed, or the one-line reason it could not be."""
    from ..parsing import parse_report
    from ..read import read_report
    from ..read.limits import deadline

    try:
        with deadline(path):
            return parse_report(read_report(path)), ""
    except RectdiffError as exc:
        return None, str(exc)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a batch of hundreds
        return None, f"{path}: cannot be read ({exc.__class__.__name__}: {exc})"[:300]


#: the reports this process read for their keys, kept for the worker of their series (so that it
#: need not read them again); taken as used, and forgotten when the batch ends
KEPT: dict[str, Report] = {}


def scan_files(paths: list[str]) -> list[FileKey]:
    """Each file read and parsed for its key; the report stays here (``KEPT``), only the key goes
    back."""
    return [scan_file(path) for path in paths]


def scan_file(path: str) -> FileKey:
    """One file read and parsed for its key (``FileKey``), its report kept in ``KEPT``."""
    from ..history import version_date

    report, reason = _parse_one(path)
    if report is None:
        return FileKey(path, path, ("", ""), "", "", reason)
    KEPT[path] = report
    digest = hashlib.blake2b(repr(tuple(r.key for r in report.item_rows)).encode(), digest_size=16).hexdigest()
    return FileKey(path, report.meta.source, series_key(report), version_date(report), digest, "")


def forget() -> None:
    """Drop the reports kept (the batch is over)."""
    KEPT.clear()


def run_group(task: GroupTask) -> GroupDone:
    """One series compared and written (by ``task.writer``): its reports as this process kept them,
    else read again (another worker read them); returns only its summary."""
    from ..doubts import latest_wording
    from ..history import order_reports

    read = [(path, *((KEPT.pop(path), "") if path in KEPT else _parse_one(path))) for path in task.paths]
    reports = [report for _path, report, _reason in read if report is not None]
    unreadable = tuple((path, reason) for path, report, reason in read if report is None)
    if not reports:
        return GroupDone(None, (), unreadable)
    outcome, series = compare_group(reports, task.key, os.path.basename(task.output))
    if outcome is not None:
        task.writer.write_series(outcome, task.output)
    latest = order_reports(reports)[-1]  # the version whose wording is set beside the other units'
    return GroupDone(series, latest_wording(latest, series.unit), unreadable)


def compare_group(reports: list[Report], key: tuple[str, str], output: str):
    """The result to write for one series and its summary row: a ``Series`` with its doubts for
    three or more versions, a ``Comparison`` for two; a lone report gets no result (``None``)."""
    from ..doubts import with_comparison_doubts, with_series_doubts
    from ..history import build_series

    unit, round_ = key
    if len(reports) == 1:
        return None, _lone(reports[0], unit, round_)
    series = build_series(reports)
    if len(reports) == 2:
        outcome = with_comparison_doubts(series.comparisons[0])
    else:
        outcome = series = with_series_doubts(series)
    flags = [lineage.flags for lineage in series.lineage_rows]
    latest = series.reports[-1]
    return outcome, BatchSeries(
        unit or latest.meta.issuer, round_, tuple(r.meta.source for r in series.reports), output, latest.meta.items,
        (_completion(series.reports[0]), _completion(latest)), sum("regressed" in f for f in flags),
        sum("stuck" in f for f in flags), sum(c.severity in FAILED for c in series.check_rows), series.has_changes,
        outcome.doubts, sum("overdue" in f for f in flags),
    )  # fmt: skip


def _lone(report: Report, unit: str, round_: str) -> BatchSeries:
    """The summary row of a lone version: listed, not compared."""
    from ..zh.dates import is_overdue

    failed = sum(c.severity in FAILED for c in report.check_rows)
    done = _completion(report)
    date = report.meta.dated
    overdue = sum(is_overdue(r.deadline, r.status, date) for r in report.item_rows)
    return BatchSeries(unit or report.meta.issuer, round_, (report.meta.source,), "", report.meta.items,
                       (done, done), 0, 0, failed, False, overdue=overdue)  # fmt: skip


def _completion(report: Report) -> str:
    """Items stated complete out of the items with a status: 12/15."""
    judged = [r.status for r in report.item_rows if r.status != "unknown"]
    done = sum(status in ("completed", "substantially_completed") for status in judged)
    return f"{done}/{len(judged)}" if judged else ""
