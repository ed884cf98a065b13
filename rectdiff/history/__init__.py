"""More than two versions (the ``history`` stage): a ``Series`` of one report, each version aligned with the next.

``build_series`` orders the versions (by the report's own date, else its publish date, else as
given), compares each with the next, follows every item (``lineages``), quantity and stated
total (``trajectories``) across them, and gathers each version's checks and the findings between versions.
"""

from __future__ import annotations

from dataclasses import replace

from ..catalogue import SIDES
from ..diff import compare_reports
from ..model import Finding, Report, Series
from ..records import Check
from ..rules import FAILED, by_severity
from .lineages import chain, lineage_records
from .trajectories import metric_lineages, total_lineages


def version_date(report: Report) -> str:
    """The date that orders a version: the report's own date (截至…, its sign-off, its title),
    else the page's publish date, else the signing date ('' if none)."""
    return report.meta.report_date or report.meta.publish_date or report.meta.signing_date


def order_reports(reports: list[Report], keep_order: bool = False) -> list[Report]:
    """Versions by date (undated ones keep their place at the end), or as given."""
    if keep_order:
        return list(reports)
    return sorted(reports, key=lambda r: (not version_date(r), version_date(r)))


def build_series(reports: list[Report], keep_order: bool = False) -> Series:
    """The ``Series`` of two or more parsed versions of one report."""
    reports = order_reports(reports, keep_order)
    labels = tuple(f"V{k}" + (f" {version_date(r)}" if version_date(r) else "") for k, r in enumerate(reports, 1))
    comparisons = [compare_reports(a, b) for a, b in zip(reports, reports[1:])]
    lineage_rows = lineage_records(chain(reports, comparisons), reports, [version_date(r) for r in reports])
    metric_rows = metric_lineages(lineage_rows, reports, comparisons)
    check_rows = _checks(reports, comparisons, labels)
    return Series(
        reports=tuple(reports), labels=labels, comparisons=tuple(comparisons), lineage_rows=lineage_rows,
        metric_rows=metric_rows, total_rows=total_lineages(reports, comparisons), check_rows=check_rows,
        attention=attention(lineage_rows, metric_rows, check_rows),
    )  # fmt: skip


#: the lineage flags a series' attention lists, in this order (逾期 before 停滞: the stronger word)
ATTENTION_FLAGS = ("regressed", "overdue", "stuck", "reappeared", "vanished")


def attention(lineages, metrics, checks) -> tuple[Finding, ...]:
    """What needs looking at first in a series: each lineage flag (``ATTENTION_FLAGS``), the
    quantities that fell, the failed checks. Each finding's ``rows`` are positions in
    ``lineages``, ``metrics`` or ``checks`` (a note carried later adds checks after the failed ones)."""

    def rows(table, test) -> tuple[int, ...]:
        return tuple(n for n, r in enumerate(table) if test(r))

    found = [(flag, "lineages", rows(lineages, lambda r, f=flag: f in r.flags)) for flag in ATTENTION_FLAGS]
    found += [("cumulative_fell", "metrics", rows(metrics, lambda m: bool(m.flags))),
              ("failed_checks", "checks", rows(checks, lambda c: c.severity in FAILED))]  # fmt: skip
    return tuple(Finding(key, len(hits), table, hits) for key, table, hits in found)


def _checks(reports, comparisons, labels) -> tuple[Check, ...]:
    """Each version's own checks (scope V1 …) and the findings between versions (scope V1→V2 …)."""
    rows = []
    for label, report in zip(labels, reports):
        rows += [replace(r, scope=_short(label), source=_versioned(r.source, _short(label))) for r in report.check_rows]
    for (a, b), comparison in zip(zip(labels, labels[1:]), comparisons):
        scope = f"{_short(a)}→{_short(b)}"
        sides = {SIDES["old"][0]: _short(a), SIDES["new"][0]: _short(b)}
        rows += [replace(r, scope=scope, source=_versioned(r.source, "", sides))
                 for r in comparison.check_rows if r.scope == "both"]  # fmt: skip
    return tuple(by_severity(rows))


def _versioned(source: str, version: str, sides: dict | None = None) -> str:
    """A check's 出处 as a series cites it: V2 第16段 (a comparison's 新版 becomes its later version)."""
    if not source:
        return ""
    for word, short in (sides or {}).items():
        if source.startswith(word + " "):
            return f"{short} {source[len(word) + 1 :]}"
    return f"{version} {source}" if version else source


def _short(label: str) -> str:
    """V2 of 'V2 2023-12-22': how a check names its version."""
    return label.split()[0]
