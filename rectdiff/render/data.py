"""JSON, CSV and terminal renderings of a ``Report``, a ``Comparison`` or a ``Series``.

They read the result objects' records (``rectdiff.records``), never their pandas views: a run
that writes only JSON, CSV or a summary does not import pandas.
"""

from __future__ import annotations

import json
import os

from ..model import (
    CHANGES,
    CHECK_COLUMNS,
    ITEM_COLUMNS,
    LINEAGE_FLAGS,
    METRIC_COLUMNS,
    PAIR_SOURCE_COLUMNS,
    STATUS_SOURCES,
    TOTAL_COLUMNS,
    BatchResult,
    Comparison,
    Report,
    Series,
)
from ..records import row
from ..rules import FAILED
from .labels import code, source_name, tr
from .output import Written, atomic_write, csv_safe

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


def doubts_line(doubts, lang: str = "zh") -> list[str]:
    """One terminal line: how many doubts, by kind (none: no line)."""
    if not doubts:
        return []
    counts: dict[str, int] = {}
    for d in doubts:
        name = d.name_en if lang == "en" else d.name
        counts[name] = counts.get(name, 0) + 1
    by_kind = ", ".join(f"{name} {n}" for name, n in counts.items())
    return [f"{tr('sum.doubts', lang)}: {len(doubts)} ({by_kind})"]


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


def written_line(written: Written, lang: str = "zh") -> str:
    """One line saying what was written: 已写入 changes.xlsx(6 张表)."""
    line = tr("sum.wrote", lang).format(path=written.path)
    return line + (tr("sum.sheets", lang).format(n=written.sheets) if written.sheets else "")


def report_summary(report: Report, lang: str = "zh") -> str:
    """A short terminal summary of one parsed report."""
    m = report.meta

    def said(field: str) -> str:  # a field the report does not give is said so, not left bare
        return f"{tr(field, lang)}: {getattr(m, field) or tr('sum.not_found', lang)}"

    lines = [said("title"), said("issuer"), said("publish_date") + "  " + said("signing_date"), said("round"),
             f"{tr('items', lang)}: {m.items}"]  # fmt: skip
    lines.append("  " + ", ".join(f"{code(k, lang)} {n}" for k, n in report.kind_counts))
    lines += coverage_lines(report.coverage_rows, lang)
    overdue = next(f for f in report.attention if f.key == "overdue")
    late = [report.item_rows[n].heading for n in overdue.rows]
    if late:  # 逾期, as a series says it
        lines.append(f"{code('overdue', lang)} {len(late)}: " + "; ".join(late[:5]) + (" …" if len(late) > 5 else ""))
    lines += _findings(report.check_rows, lang)
    return "\n".join(lines)


def coverage_lines(coverage: tuple, lang: str = "zh") -> list[str]:
    """How many items have a known status and from which source, then the same per kind
    (``coverage``: a report's ``coverage_rows``)."""
    rows = [row(r) for r in coverage]
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
    restated = result.restated
    figures = f"{stats.metric_changes}" + (f" ({tr('sum.restated', lang)} {restated})" if restated else "")
    lines = [
        f"{tr('sum.items', lang)}: {stats.items['old']} → {stats.items['new']}; " + ", ".join(parts),
        f"{tr('sum.status', lang)}: {moves}",
        f"{tr('sum.metrics', lang)}: {figures}",
    ]
    findings = _findings(result.check_rows, lang, result.shared_checks)
    return "\n".join(lines + doubts_line(result.doubts, lang) + findings)


def series_summary(series: Series, lang: str = "zh") -> str:
    """A short terminal summary of a series: versions, items, what needs attention, findings."""
    counts = [str(r.meta.items) for r in series.reports]
    lines = [f"{tr('sum.versions', lang)}: {len(series.reports)} ({series.labels[0]} … {series.labels[-1]})",
             f"{tr('sum.items', lang)}: {' → '.join(counts)}"]  # fmt: skip
    found = {f.key: f for f in series.attention}
    for flag in LINEAGE_FLAGS:  # the lineages' findings, in the order their flags are listed
        hits = [series.lineage_rows[n].heading for n in found[flag].rows]
        if hits:
            lines.append(f"{code(flag, lang)} {len(hits)}: " + "; ".join(hits[:5]) + (" …" if len(hits) > 5 else ""))
    for t in series.total_rows:
        lines.append(f"{t.category}: " + " → ".join(x or "—" for x in t.texts))
    return "\n".join(lines + doubts_line(series.doubts, lang) + _findings(series.check_rows, lang))


def batch_summary(result: BatchResult, lang: str = "zh") -> str:
    """What a batch did: series by size, those that need attention, files left out, where it wrote."""
    sizes = [len(s.sources) for s in result.series]
    counts = {"timelines": sum(k > 2 for k in sizes), "pairs": sum(k == 2 for k in sizes), "lone": sizes.count(1)}
    lines = [tr("batch.counts", lang).format(n=len(sizes), **counts)]
    for s in result.series:
        marks = [
            f"{tr(key, lang)} {getattr(s, key)}"
            for key in ("regressions", "overdue", "stuck", "failed_checks")
            if getattr(s, key)
        ]
        if marks:
            lines.append(f"  {s.unit} {s.round} ({s.output or '—'}): " + ", ".join(marks))
    for path, kind, detail in result.errors:
        mark = code("info", lang) if kind == "duplicate" else tr("sheet.left_out", lang)  # a copy is no error
        lines.append(f"[{mark}] {path}: " + tr(f"batch.{kind}", lang).format(detail=detail))
    lines += doubts_line(result.doubts, lang)
    lines.append(tr("sum.wrote", lang).format(path=result.summary))
    return "\n".join(lines)


def _findings(checks: tuple, lang: str, shared: dict | None = None) -> list[str]:
    """Warnings and errors (of ``checks``, records), one line each, with the version they
    concern; the same finding is said once, and one both versions of a comparison raise
    (``shared``: its ``shared_checks``) says so (两版均有)."""
    scopes: dict[tuple, list[int]] = {}
    for n, r in enumerate(checks):
        if r.severity in FAILED:
            scopes.setdefault((r.severity, r.message_en if lang == "en" else r.message), []).append(n)
    lines = []
    for (severity, message), at in scopes.items():
        scope = checks[at[0]].scope
        if not scope and len(at) == 1:
            lines.append(f"[{code(severity, lang)}] {message}")
            continue
        where = tr("sum.both", lang) if at[0] in (shared or {}) else code(scope, lang)
        lines.append(f"[{code(severity, lang)}] {where}: {message}")
    return lines
