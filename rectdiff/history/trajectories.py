"""Quantities and stated totals followed across versions: each step takes the pairing its
comparison made (``Comparison.metric_pairing``, ``Comparison.total_pairing``), so a series and a
comparison of the same two versions pair alike; only an item that came back after a gap has its
quantities paired across the gap (``diff.metrics.pair_metrics``, the comparison's rule)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..diff.metrics import metrics_by_item, pair_metrics
from ..model import Comparison, Report
from ..records import Lineage, Metric, MetricLineage, Total, TotalLineage


def metric_lineages(lineages: Sequence[Lineage], reports: list[Report],
                    comparisons: list[Comparison]) -> tuple[MetricLineage, ...]:  # fmt: skip
    """One ``MetricLineage`` per quantity of an item followed from version to version."""
    by_item = [metrics_by_item(r.metric_rows) for r in reports]
    out = []
    for lineage in lineages:
        ids = lineage.ids
        present = [k for k, item_id in enumerate(ids) if item_id is not None]
        chains: list[dict[int, Metric]] = []
        open_chains: dict[int, dict] = {}  # metric position in the latest version seen -> chain
        for before, after in zip([None, *present], present):
            metrics = by_item[after].get(ids[after], [])
            paired = _paired_metrics(before, after, ids, by_item, comparisons) if before is not None else {}
            open_chains = _extend(chains, open_chains, metrics, paired, after)
        out += [_metric_lineage(lineage, chain, len(reports)) for chain in chains]
    return tuple(out)


def _paired_metrics(before: int, after: int, ids: list, by_item: list[dict], comparisons) -> dict[int, int]:
    """New position -> earlier position of an item's quantities: as the comparison of the two
    versions paired them (consecutive versions: the lineage follows that comparison's pair), or
    paired across the gap an item came back after."""
    found = comparisons[before].metric_pairing.get((ids[before], ids[after])) if after == before + 1 else None
    if found is None:
        found = pair_metrics(by_item[before].get(ids[before], []), by_item[after].get(ids[after], []))
    return {j: i for i, j in found}


def _extend(chains: list[dict], open_chains: dict[int, dict], entries: Sequence, paired: dict[int, int],
            version: int) -> dict[int, dict]:  # fmt: skip
    """Put each entry of ``version`` on the chain of the earlier entry it is paired with (a new
    chain where it has none); returns the chains now open, by the entry's position."""
    following = {}
    for j, entry in enumerate(entries):
        chain = open_chains.get(paired[j]) if j in paired else None
        if chain is None:
            chain = {}
            chains.append(chain)
        chain[version] = entry
        following[j] = chain
    return following


def _metric_lineage(lineage: Lineage, chain: dict[int, Metric], versions: int) -> MetricLineage:
    either = next(iter(chain.values()))
    values = [chain[k].nominal if k in chain else None for k in range(versions)]
    known = [v for v in values if v is not None]
    last = max(k for k, item_id in enumerate(lineage.ids) if item_id is not None)
    # first to last: only while the item's latest version still states it
    change = round(known[-1] - known[0], 6) if len(known) > 1 and values[last] is not None else None
    cumulative = any(m.cumulative for m in chain.values())
    fell = cumulative and any(b < a for a, b in zip(known, known[1:]))
    texts = [chain[k].text if k in chain else None for k in range(versions)]
    return MetricLineage(
        lineage=lineage.lineage, heading=lineage.heading, label=either.label, unit=either.unit,
        texts=texts, values=values, **_places(chain, versions), cumulative=cumulative, change=change,
        change_text=_change_text(change, chain[max(chain)]), steady=len(set(texts)) == 1 and texts[0] is not None,
        flags=["cumulative_fell"] if fell else [],
    )  # fmt: skip


def _change_text(change: float | None, latest: Metric) -> str | None:
    """The change in the latest text's own terms: +7.8亿元, +50人次, +19 (points of a rate)."""
    if change is None:
        return None
    scale = latest.nominal / latest.number if latest.number else 1  # 亿 → 1e8
    word = re.sub(r"^.*\d", "", latest.text) if not latest.is_percent else ""
    return f"{change / scale:+g}{word}"


def total_lineages(reports: list[Report], comparisons: list[Comparison]) -> tuple[TotalLineage, ...]:
    """Each stated total followed across versions exactly as each step's comparison paired it
    (``Comparison.total_pairing``, the one pairing); the report's own totals are kept: a chain of
    an item's own counts only (``in_item``) is followed with its item, not here. The comparison
    may pair a report-level total with an item's own count (the same total restated inside an
    item): the chain goes on through it, as the comparison's figures do."""
    chains: list[dict[int, Total]] = []
    open_chains: dict[int, dict] = {}
    for k, report in enumerate(reports):
        paired = {j: i for i, j in comparisons[k - 1].total_pairing} if k else {}
        open_chains = _extend(chains, open_chains, report.total_rows, paired, k)
    kept = [chain for chain in chains if not all(t.in_item for t in chain.values())]
    return tuple(_total_lineage(chain, len(reports)) for chain in kept)


def _total_lineage(chain: dict[int, Total], versions: int) -> TotalLineage:
    latest = chain[max(chain)]
    totals = [chain[k].total if k in chain else None for k in range(versions)]
    completed = [chain[k].completed if k in chain else None for k in range(versions)]
    rates = [_rate(chain[k]) if k in chain else None for k in range(versions)]
    texts = [_text(chain[k]) if k in chain else None for k in range(versions)]
    # the whole or its completed count smaller than in the version before: a running total that fell
    fell = any(b < a for path in (totals, completed) for a, b in zip(path, path[1:]) if a is not None and b is not None)
    return TotalLineage(category=latest.category, kind=latest.kind, totals=totals, completed=completed, rates=rates,
                        texts=texts, **_places(chain, versions), flags=["cumulative_fell"] if fell else [])  # fmt: skip


def _places(chain: dict[int, Metric | Total], versions: int) -> dict[str, list]:
    """出处 of a chain's entry in each version: ``sources`` ('' where absent) and ``sources_at``."""
    return {"sources": [chain[k].source if k in chain else "" for k in range(versions)],
            "sources_at": [chain[k].source_at if k in chain else None for k in range(versions)]}  # fmt: skip


def _rate(total: Total) -> float | None:
    """The stated rate, else completed / total."""
    if total.stated_rate is not None:
        return float(total.stated_rate)
    if total.completed is not None and total.total:
        return round(100 * total.completed / total.total, 2)
    return None


def _text(total: Total) -> str:
    """45/89, or 89 where no completed count is stated."""
    whole = total.total if total.total is not None else "?"
    return f"{total.completed}/{whole}" if total.completed is not None else str(whole)
