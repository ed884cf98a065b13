"""JSON, CSV and terminal renderings of a ``Report`` or a ``Comparison``."""

from __future__ import annotations

import csv
import json
import math
import os

import pandas as pd

from ..model import CHANGES, STATUS_SOURCES, Comparison, Report
from .labels import code, tr
from .output import atomic_write, csv_safe

JSON_ITEM_KEYS = [
    "change", "kind", "old_id", "new_id", "old_number", "new_number", "old_heading", "new_heading",
    "similarity", "moved", "renumbered", "old_status", "new_status", "status_change",
    "old_status_source", "new_status_source",
]  # fmt: skip
JSON_METRIC_KEYS = [
    "change", "old_id", "new_id", "old_heading", "new_heading", "label", "unit", "old_text",
    "new_text", "old_value", "new_value", "delta", "delta_pct",
]  # fmt: skip
JSON_SIDE_KEYS = ["source", "title", "issuer", "date", "items"]


def _clean(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return _clean(value.item())
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def _records(frame: pd.DataFrame, keys: list[str] | None = None) -> list[dict]:
    frame = frame if keys is None else frame[keys]
    return [_clean(r) for r in frame.to_dict("records")]


def _side(report: Report) -> dict:
    m = report.meta
    return {
        "source": m.source,
        "title": m.title,
        "issuer": m.issuer,
        "date": m.publish_date or m.signing_date,
        "items": m.items,
    }


def comparison_dict(result: Comparison) -> dict:
    """The documented JSON schema of a comparison (see README)."""
    return {
        "old": _side(result.old),
        "new": _side(result.new),
        "items": _records(result.pairs, JSON_ITEM_KEYS),
        "metrics": _records(result.metric_changes, JSON_METRIC_KEYS),
        "stats": _clean(result.stats.as_dict()),
        "totals": _records(result.totals),
        "coverage": {"old": _records(result.old.coverage), "new": _records(result.new.coverage)},
        "checks": _records(result.checks),
    }


def report_dict(report: Report) -> dict:
    """Everything ``parse`` found, as plain JSON data."""
    items = report.items.drop(columns=["key"])
    return {
        "meta": _clean(report.meta.as_dict()),
        "items": _records(items),
        "metrics": _records(report.metrics),
        "coverage": _records(report.coverage),
        "totals": _records(report.totals),
        "checks": _records(report.checks),
    }


def write_json(data: dict, path: str) -> None:
    """Write JSON atomically (UTF-8, readable Chinese)."""
    with atomic_write(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)


def write_report_csv(report: Report, path: str) -> list[str]:
    """Items to ``path``; metrics, totals and checks to ``<stem>_metrics.csv`` etc. beside it."""
    stem, ext = os.path.splitext(path)
    written = []
    items = report.items.drop(columns=["key"]).assign(measures=lambda f: f["measures"].map("\n".join))
    for frame, target in (
        (items, path),
        (report.metrics, f"{stem}_metrics{ext}"),
        (report.totals, f"{stem}_totals{ext}"),
        (report.checks, f"{stem}_checks{ext}"),
    ):
        with atomic_write(target, "w", encoding="utf-8-sig") as fh:
            writer = csv.writer(fh)
            writer.writerow(frame.columns)
            for row in frame.itertuples(index=False):
                writer.writerow([csv_safe(_clean(v)) for v in row])
        written.append(target)
    return written


def report_summary(report: Report, lang: str = "zh") -> str:
    """A short terminal summary of one parsed report."""
    m = report.meta
    lines = [
        f"{tr('title', lang)}: {m.title}",
        f"{tr('issuer', lang)}: {m.issuer}",
        f"{tr('publish_date', lang)}: {m.publish_date}  {tr('signing_date', lang)}: {m.signing_date}",
        f"{tr('round', lang)}: {m.round}",
        f"{tr('items', lang)}: {m.items}",
    ]
    counts = report.items["kind"].value_counts()
    lines.append("  " + ", ".join(f"{code(k, lang)} {n}" for k, n in counts.items()))
    lines += coverage_lines(report.coverage, lang)
    lines += _failed_checks(report.checks, lang)
    return "\n".join(lines)


def coverage_lines(coverage: pd.DataFrame, lang: str = "zh") -> list[str]:
    """How many items have a known status and from which source, then the same per kind."""
    rows = coverage.to_dict("records")
    if not rows:
        return []
    every = rows[-1]
    sources = ", ".join(f"{tr('source.' + s, lang)} {every[s]}" for s in STATUS_SOURCES[:-1] if every[s])
    head = f"{tr('status', lang)}: {every['known']}/{every['items']} {tr('cov.known', lang)}"
    lines = [head + (f" ({sources})" if sources else "") + f"; {code('unknown', lang)} {every['unknown']}"]
    lines.append("  " + ", ".join(f"{code(r['kind'], lang)} {r['known']}/{r['items']}" for r in rows[:-1]))
    return lines


def comparison_summary(result: Comparison, lang: str = "zh") -> str:
    """A short terminal summary of a comparison."""
    stats = result.stats
    parts = [f"{code(c, lang)} {stats.by_change.get(c, 0)}" for c in CHANGES]
    moves = ", ".join(f"{code(k, lang)} {v}" for k, v in stats.status_changes.items()) or code("unchanged", lang)
    lines = [
        f"{tr('items', lang)}: {stats.items['old']} → {stats.items['new']}; " + ", ".join(parts),
        f"{tr('status_change', lang)}: {moves}",
        f"{tr('sheet.metrics', lang)}: {stats.metric_changes}",
    ]
    return "\n".join(lines + _failed_checks(result.checks, lang))


def _failed_checks(checks: pd.DataFrame, lang: str) -> list[str]:
    bad = checks[checks["severity"].isin(["warning", "error"])] if len(checks) else checks
    key = "message_en" if lang == "en" else "message"
    return [f"[{code(r['severity'], lang)}] {r[key]}" for r in bad.to_dict("records")]
