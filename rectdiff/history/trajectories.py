"""Quantities and stated totals followed across versions: each paired with the next version's by
the same rules as a comparison (``diff.metrics.pair_metrics``, ``diff.totals.total_pairs``)."""

from __future__ import annotations

import re

import pandas as pd

from ..diff.metrics import metrics_by_item, pair_metrics
from ..diff.totals import total_pairs
from ..model import METRIC_LINEAGE_COLUMNS, TOTAL_LINEAGE_COLUMNS, Report
from ..records import row


def metric_lineages(lineages: pd.DataFrame, reports: list[Report]) -> pd.DataFrame:
    """One row per quantity of an item followed from version to version (``METRIC_LINEAGE_COLUMNS``)."""
    by_item = [metrics_by_item(r.metric_rows) for r in reports]
    out = []
    for lineage in lineages.to_dict("records"):
        present = [k for k, item_id in enumerate(lineage["ids"]) if item_id is not None]
        chains: list[dict[int, dict]] = []
        open_chains: dict[int, dict] = {}  # metric position in the latest version seen -> chain
        for before, after in zip([None, *present], present):
            metrics = by_item[after].get(lineage["ids"][after], [])
            earlier = by_item[before].get(lineage["ids"][before], []) if before is not None else []
            paired = {j: i for i, j in pair_metrics(earlier, metrics)}
            open_chains = _extend(chains, open_chains, [row(m) for m in metrics], paired, after)
        out += [_metric_row(lineage, chain, len(reports)) for chain in chains]
    return pd.DataFrame(out, columns=METRIC_LINEAGE_COLUMNS, dtype=object)


def _extend(chains: list[dict], open_chains: dict[int, dict], entries: list[dict], paired: dict[int, int],
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


def _metric_row(lineage: dict, chain: dict[int, dict], versions: int) -> dict:
    either = next(iter(chain.values()))
    values = [chain[k]["nominal"] if k in chain else None for k in range(versions)]
    known = [v for v in values if v is not None]
    last = max(k for k, item_id in enumerate(lineage["ids"]) if item_id is not None)
    # first to last: only while the item's latest version still states it
    change = round(known[-1] - known[0], 6) if len(known) > 1 and values[last] is not None else None
    cumulative = any(m["cumulative"] for m in chain.values())
    fell = cumulative and any(b < a for a, b in zip(known, known[1:]))
    return {
        "lineage": lineage["lineage"], "heading": lineage["heading"], "label": either["label"], "unit": either["unit"],
        "texts": [chain[k]["text"] if k in chain else None for k in range(versions)], "values": values,
        "cumulative": cumulative, "change": change, "change_text": _change_text(change, chain[max(chain)]),
        "flags": ["cumulative_fell"] if fell else [],
    }  # fmt: skip


def _change_text(change: float | None, latest: dict) -> str | None:
    """The change in the latest text's own terms: +7.8亿元, +50人次, +19 (points of a rate)."""
    if change is None:
        return None
    scale = latest["nominal"] / latest["number"] if latest["number"] else 1  # 亿 → 1e8
    word = re.sub(r"^.*\d", "", latest["text"]) if not latest["is_percent"] else ""
    return f"{change / scale:+g}{word}"


def total_lineages(reports: list[Report]) -> pd.DataFrame:
    """Each report-level stated total followed across versions (``TOTAL_LINEAGE_COLUMNS``)."""
    tables = [[t for t in r.total_rows if not t.in_item] for r in reports]
    chains: list[dict[int, dict]] = []
    open_chains: dict[int, dict] = {}
    for k, totals in enumerate(tables):
        paired = {j: i for i, j in total_pairs(tables[k - 1], totals)} if k else {}
        open_chains = _extend(chains, open_chains, [row(t) for t in totals], paired, k)
    return pd.DataFrame([_total_row(chain, len(reports)) for chain in chains], columns=TOTAL_LINEAGE_COLUMNS,
                        dtype=object)  # fmt: skip


def _total_row(chain: dict[int, dict], versions: int) -> dict:
    latest = chain[max(chain)]
    totals = [chain[k]["total"] if k in chain else None for k in range(versions)]
    completed = [chain[k]["completed"] if k in chain else None for k in range(versions)]
    rates = [_rate(chain[k]) if k in chain else None for k in range(versions)]
    texts = [_text(chain[k]) if k in chain else None for k in range(versions)]
    # the whole or its completed count smaller than in the version before: a running total that fell
    fell = any(b < a for path in (totals, completed) for a, b in zip(path, path[1:]) if a is not None and b is not None)
    return {"category": latest["category"], "kind": latest["kind"], "totals": totals, "completed": completed,
            "rates": rates, "texts": texts, "flags": ["cumulative_fell"] if fell else []}  # fmt: skip


def _rate(total: dict) -> float | None:
    """The stated rate, else completed / total."""
    if total["stated_rate"] is not None:
        return float(total["stated_rate"])
    if total["completed"] is not None and total["total"]:
        return round(100 * total["completed"] / total["total"], 2)
    return None


def _text(total: dict) -> str:
    """45/89, or 89 where no completed count is stated."""
    whole = total["total"] if total["total"] is not None else "?"
    return f"{total['completed']}/{whole}" if total["completed"] is not None else str(whole)
