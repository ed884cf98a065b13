"""JSON and CSV renderings of a ``Report``, a ``Comparison`` or a ``Series`` (the terminal
summaries are ``summary``'s).

They read the result objects' records (``rectdiff.records``), never their pandas views: a run
that writes only JSON, CSV or a summary does not import pandas.
"""

from __future__ import annotations

import json
import os

from ..model import (
    CHECK_COLUMNS,
    ITEM_COLUMNS,
    METRIC_COLUMNS,
    PAIR_SOURCE_COLUMNS,
    TOTAL_COLUMNS,
    Comparison,
    Report,
    Series,
)
from ..records import row
from .output import Written, atomic_write, csv_safe

# the summaries, importable from here as before they had a module of their own
from .summary import batch_summary, comparison_summary, report_summary, series_summary, written_line  # noqa: F401

JSON_ITEM_KEYS = [
    "change", "kind", "old_id", "new_id", "old_number", "new_number", "old_heading", "new_heading",
    "similarity", "moved", "renumbered", "old_status", "new_status", "status_change",
    "old_status_source", "new_status_source", "responsible", "deadline", *PAIR_SOURCE_COLUMNS,
]  # fmt: skip
JSON_METRIC_KEYS = [
    "change", "old_id", "new_id", "old_heading", "new_heading", "label", "unit", "old_text",
    "new_text", "old_value", "new_value", "delta", "delta_pct", "old_source", "new_source", "old_source_at",
    "new_source_at",
]  # fmt: skip

#: what the timeline workbook reads of a lineage that its JSON leaves out, as the comparison's
#: JSON leaves out a pair's ``deadline_date``: each version's step (↑ ↓ 推断), the deadline as a date,
#: a quantity stated alike throughout
JSON_LINEAGE_OMITTED = ("steps", "deadline_date")
JSON_METRIC_LINEAGE_OMITTED = ("steady",)


def _clean(value):
    """A record's value as JSON data (records hold plain Python values, never NaN nor numpy scalars)."""
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def _records(records, keys: list[str] | None = None, drop: tuple[str, ...] = ()) -> list[dict]:
    """Records as JSON rows: every field in order, or only ``keys`` (in their order), less ``drop``."""
    if keys is not None:
        return [{k: _clean(getattr(r, k)) for k in keys} for r in records]
    return [{k: _clean(v) for k, v in row(r).items() if k not in drop} for r in records]


def _side(report: Report) -> dict:
    m = report.meta
    return {
        "source": m.source,
        "title": m.title,
        "issuer": m.issuer,
        "date": m.dated,
        "items": m.items,
    }


def comparison_dict(result: Comparison) -> dict:
    """The documented JSON schema of a comparison (see README)."""
    items = _records(result.pair_rows, JSON_ITEM_KEYS)
    for n, item in enumerate(items):  # reviewer notes carried from an earlier workbook (--notes)
        item["notes"] = _notes(result.notes, n)
    return {
        "old": _side(result.old),
        "new": _side(result.new),
        "items": items,
        "metrics": _records(result.metric_change_rows, JSON_METRIC_KEYS),
        "stats": _clean(result.stats.as_dict()),
        "totals": _records(result.total_rows),
        "coverage": {"old": _records(result.old.coverage_rows), "new": _records(result.new.coverage_rows)},
        "checks": _noted(_records(result.check_rows), result.check_notes),
        "doubts": doubt_records(result.doubts, result.doubt_notes),
    }


def _notes(carried: dict, n: int) -> list[dict]:
    """The reviewer notes carried onto row ``n`` (``carried``: position -> notes), as JSON."""
    return [{"text": note.text, "mark": note.mark} for note in carried.get(n, [])]


def doubt_records(doubts, notes: dict | None = None) -> list[dict]:
    """The doubts as JSON records (see ``model.Doubt``); where ``--notes`` carried a follow-up
    (核实情况) onto any of them, each doubt has its ``notes`` as an item has (no key otherwise)."""
    return _noted([_clean(d.as_dict()) for d in doubts], notes)


def _noted(records: list[dict], notes: dict | None) -> list[dict]:
    """``records`` each with its carried ``notes`` where ``--notes`` carried any onto one of them."""
    if notes:
        for n, record in enumerate(records):
            record["notes"] = _notes(notes, n)
    return records


def series_dict(series: Series) -> dict:
    """The documented JSON schema of a series (see README): one entry per version, then each
    item, quantity and stated total followed across them (lists hold one value per version)."""
    versions = [dict(_side(r), label=label) for label, r in zip(series.labels, series.reports)]
    lineages = _records(series.lineage_rows, drop=JSON_LINEAGE_OMITTED)
    for n, lineage in enumerate(lineages):
        lineage["notes"] = _notes(series.notes, n)
    return {
        "versions": versions,
        "lineages": lineages,
        "metrics": _records(series.metric_rows, drop=JSON_METRIC_LINEAGE_OMITTED),
        "totals": _records(series.total_rows),
        "checks": _noted(_records(series.check_rows), series.check_notes),
        "doubts": doubt_records(series.doubts, series.doubt_notes),
    }


def report_dict(report: Report) -> dict:
    """Everything ``parse`` found, as plain JSON data."""
    return {
        "meta": _clean(report.meta.as_dict()),
        "items": _records(report.item_rows, drop=("key",)),
        "metrics": _records(report.metric_rows),
        "coverage": _records(report.coverage_rows),
        "totals": _records(report.total_rows),
        "checks": _records(report.check_rows),
    }


def json_text(data: dict) -> str:
    """JSON as written to a file or to standard output (UTF-8, readable Chinese)."""
    return json.dumps(data, ensure_ascii=False, indent=1)


def write_json(data: dict, path: str) -> Written:
    """Write JSON atomically."""
    with atomic_write(path, "w", encoding="utf-8") as fh:
        fh.write(json_text(data))
    return Written(str(path))


def report_csv_paths(path: str) -> tuple[str, str, str, str]:
    """The files ``parse -o items.csv`` writes: items.csv, items_metrics.csv, items_totals.csv, items_checks.csv."""
    stem, ext = os.path.splitext(path)
    return path, f"{stem}_metrics{ext}", f"{stem}_totals{ext}", f"{stem}_checks{ext}"


def write_report_csv(report: Report, path: str) -> list[Written]:
    """Items to ``path``; metrics, totals and checks to ``<stem>_metrics.csv`` etc. beside it."""
    import csv  # here: JSON and the summary never need it

    items = [{**row(r), "measures": "\n".join(r.measures)} for r in report.item_rows]
    tables = (
        ([c for c in ITEM_COLUMNS if c != "key"], items),
        (METRIC_COLUMNS, map(row, report.metric_rows)),
        (TOTAL_COLUMNS, map(row, report.total_rows)),
        (CHECK_COLUMNS, map(row, report.check_rows)),
    )
    written = []
    for (columns, rows), target in zip(tables, report_csv_paths(path)):
        with atomic_write(target, "w", encoding="utf-8-sig") as fh:
            writer = csv.writer(fh)
            writer.writerow(columns)
            for r in rows:
                writer.writerow([csv_safe(_clean(r[c])) for c in columns])
        written.append(Written(target))
    return written
