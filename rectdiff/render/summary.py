"""The terminal summaries of a parsed report, a comparison, a series and a batch, and the line
saying what was written. Like the JSON, they read the result objects' records only."""

from __future__ import annotations

from ..model import CHANGES, LINEAGE_FLAGS, STATUS_SOURCES, BatchResult, Comparison, Report, Series
from ..records import row
from ..rules import FAILED
from .labels import code, source_name, tr
from .output import Written


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
