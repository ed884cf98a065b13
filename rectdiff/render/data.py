"""JSON, CSV and terminal renderings of a ``Report`` or a ``Comparison``."""

from __future__ import annotations

import csv
import json
import math
import os

import pandas as pd

from ..model import CHANGES, STATUS_SOURCES, Comparison, Report
from ..zh.lexicon import FRAME_ROWS
from .labels import code, source_name, tr
from .output import Written, atomic_write, csv_safe

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


def json_text(data: dict) -> str:
    """JSON as written to a file or to standard output (UTF-8, readable Chinese)."""
    return json.dumps(data, ensure_ascii=False, indent=1)


def write_json(data: dict, path: str) -> Written:
    """Write JSON atomically."""
    with atomic_write(path, "w", encoding="utf-8") as fh:
        fh.write(json_text(data))
    return Written(str(path))


def write_report_csv(report: Report, path: str) -> list[Written]:
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
        written.append(Written(target))
    return written


def written_line(written: Written, lang: str = "zh") -> str:
    """One line saying what was written: 已写入 changes.xlsx(6 张表)."""
    line = tr("sum.wrote", lang).format(path=written.path)
    return line + (tr("sum.sheets", lang).format(n=written.sheets) if written.sheets else "")


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
    counts = report.items[~report.items["item_id"].isin(FRAME_ROWS)]["kind"].value_counts()
    lines.append("  " + ", ".join(f"{code(k, lang)} {n}" for k, n in counts.items()))
    lines += coverage_lines(report.coverage, lang)
    lines += _findings(report.checks, lang)
    return "\n".join(lines)


def coverage_lines(coverage: pd.DataFrame, lang: str = "zh") -> list[str]:
    """How many items have a known status and from which source, then the same per kind."""
    rows = coverage.to_dict("records")
    if not rows:
        return []
    every = rows[-1]
    sources = ", ".join(f"{source_name(s, lang)} {every[s]}" for s in STATUS_SOURCES[:-1] if every[s])
    head = f"{tr('sum.status_line', lang)}: {every['known']}/{every['items']} {tr('sum.known', lang)}"
    lines = [head + (f" ({sources})" if sources else "") + f"; {code('unknown', lang)} {every['unknown']}"]
    lines.append("  " + ", ".join(f"{code(r['kind'], lang)} {r['known']}/{r['items']}" for r in rows[:-1]))
    return lines


def comparison_summary(result: Comparison, lang: str = "zh") -> str:
    """A short terminal summary of a comparison; each finding says which version it is about."""
    stats = result.stats
    parts = [f"{code(c, lang)} {stats.by_change.get(c, 0)}" for c in CHANGES]
    moves = ", ".join(f"{code(k, lang)} {v}" for k, v in stats.status_changes.items()) or code("unchanged", lang)
    restated = int((result.metric_changes["change"] == "restated").sum())
    figures = f"{stats.metric_changes}" + (f" ({tr('sum.restated', lang)} {restated})" if restated else "")
    lines = [
        f"{tr('sum.items', lang)}: {stats.items['old']} → {stats.items['new']}; " + ", ".join(parts),
        f"{tr('sum.status', lang)}: {moves}",
        f"{tr('sum.metrics', lang)}: {figures}",
    ]
    return "\n".join(lines + _findings(result.checks, lang))


def _findings(checks: pd.DataFrame, lang: str) -> list[str]:
    """Warnings and errors, one line each, with the version they concern; a finding both
    versions share is said once."""
    bad = checks[checks["severity"].isin(["warning", "error"])] if len(checks) else checks
    key = "message_en" if lang == "en" else "message"
    scopes: dict[tuple, list[str]] = {}
    for r in bad.to_dict("records"):
        scopes.setdefault((r["severity"], r[key]), []).append(r["scope"])
    lines = []
    for (severity, message), where in scopes.items():
        if not where[0] and len(where) == 1:
            lines.append(f"[{code(severity, lang)}] {message}")
            continue
        scope = tr("sum.both", lang) if {"old", "new"} <= set(where) else code(where[0], lang)
        lines.append(f"[{code(severity, lang)}] {scope}: {message}")
    return lines
