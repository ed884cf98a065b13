"""Consistency checks of one report: do its stated totals add up, does the stated rate
match the counts, and do the listed items agree with what the report says of them."""

from __future__ import annotations

import pandas as pd

from ..model import STATUS_FIELDS, check_row
from ..zh.lexicon import STATUS_NAMES

STATUS_EN = {k: k.replace("_", " ") for k in STATUS_NAMES}


def check_report(totals: list[dict], items: pd.DataFrame, scope: str = "") -> list[dict]:
    """All findings for one report; severity is ok, info, warning or error."""
    out: list[dict] = []
    for row in totals:
        out += _check_sum(row, scope) + _check_rate(row, scope)
        if row["kind"]:
            out += _check_listed(row, items, scope)
    return out


def _counts(row):
    return {f: row[f] for f in STATUS_FIELDS if row.get(f) is not None}


def _check_sum(row, scope):
    counts, total, cat = _counts(row), row["total"], row["category"]
    if not counts or total is None:
        return []
    parts = "+".join(f"{STATUS_NAMES[f]}{v}" for f, v in counts.items())
    parts_en = " + ".join(f"{STATUS_EN[f]} {v}" for f, v in counts.items())
    got = sum(counts.values())
    if got == total:
        sev, msg = "ok", (f"{cat}:{parts} = 总数{total}", f"{cat}: {parts_en} = total {total}")
    elif got > total:
        sev, msg = (
            "error",
            (
                f"{cat}:{parts} = {got},超过所述总数{total}",
                f"{cat}: {parts_en} = {got}, more than the stated total {total}",
            ),
        )
    elif len(counts) >= 2:
        sev, msg = (
            "warning",
            (
                f"{cat}:{parts} = {got},少于所述总数{total}(差{total - got})",
                f"{cat}: {parts_en} = {got}, {total - got} short of the stated total {total}",
            ),
        )
    else:
        return []
    return [check_row(scope, "counts_add_up", sev, msg, row["evidence"])]


def _check_rate(row, scope):
    rate, total = row.get("stated_rate"), row["total"]
    if rate is None or not total:
        return []
    decimals = len(str(rate).split(".")[1]) if "." in str(rate) and not float(rate).is_integer() else 0
    tol = 0.5 * 10**-decimals + 1e-9
    done = row.get("completed")
    if done is None:
        others = sum(row[f] or 0 for f in STATUS_FIELDS if f != "completed")
        done = total - others if others else None
    if done is None:
        return [
            check_row(
                scope,
                "rate_matches",
                "info",
                (
                    f"{row['category']}:完成率{rate:g}%无对应完成数,无法核对",
                    f"{row['category']}: no completed count for the stated rate {rate:g}%",
                ),
                row["evidence"],
            )
        ]
    options = [done, done + (row.get("substantially_completed") or 0)]
    for value in options:
        actual = 100 * value / total
        if abs(actual - rate) <= tol or 0 <= actual - rate < 2 * tol:
            return [
                check_row(
                    scope,
                    "rate_matches",
                    "ok",
                    (
                        f"{row['category']}:{value}/{total} = {actual:.2f}%,与所述{rate:g}%相符",
                        f"{row['category']}: {value}/{total} = {actual:.2f}%, matches the stated {rate:g}%",
                    ),
                    row["evidence"],
                )
            ]
    actual = 100 * done / total
    return [
        check_row(
            scope,
            "rate_matches",
            "error",
            (
                f"{row['category']}:{done}/{total} = {actual:.2f}%,与所述完成率{rate:g}%不符",
                f"{row['category']}: {done}/{total} = {actual:.2f}%, but the stated rate is {rate:g}%",
            ),
            row["evidence"],
        )
    ]


def _check_listed(row, items, scope):
    kind, total, cat = row["kind"], row["total"], row["category"]
    of_kind = items[items["kind"] == kind] if len(items) else items
    listed = len(of_kind)
    out = []
    if listed == 0:
        return [
            check_row(
                scope,
                "listed_items",
                "info",
                (f"{cat}:所述{total}项,报告未逐项列出", f"{cat}: {total} stated, not listed item by item"),
                row["evidence"],
            )
        ]
    numbered = int((of_kind["number"] != "").sum())
    note = (f"(其中编号{numbered}项)", f" ({numbered} numbered)") if 0 < numbered < listed else ("", "")
    sev = "ok" if listed == total or numbered == total else "warning"
    out.append(
        check_row(
            scope,
            "listed_items",
            sev,
            (f"{cat}:所述{total}项,列出{listed}项{note[0]}", f"{cat}: {total} stated, {listed} listed{note[1]}"),
            row["evidence"],
        )
    )
    counts = _counts(row)
    if not counts or not listed:
        return out
    stated_known = of_kind[of_kind["status"] != "unknown"]
    if len(stated_known) < listed:
        missing = listed - len(stated_known)
        out.append(
            check_row(
                scope,
                "listed_statuses",
                "info",
                (
                    f"{cat}:{missing}/{listed}项未说明完成状态,无法逐项核对所述状态数",
                    f"{cat}: {missing} of {listed} items state no status; the stated counts cannot be checked",
                ),
                row["evidence"],
            )
        )
        return out
    by_status = stated_known["status"].value_counts().to_dict()
    wrong = [(f, v, by_status.get(f, 0)) for f, v in counts.items() if by_status.get(f, 0) != v]
    zh = ";".join(f"{STATUS_NAMES[f]}所述{v}、列出{n}" for f, v, n in wrong) or "各状态项数与所列事项一致"
    en = "; ".join(f"{STATUS_EN[f]}: {v} stated, {n} listed" for f, v, n in wrong) or "listed statuses match"
    out.append(
        check_row(
            scope, "listed_statuses", "warning" if wrong else "ok", (f"{cat}:{zh}", f"{cat}: {en}"), row["evidence"]
        )
    )
    return out
