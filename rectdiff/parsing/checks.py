"""Consistency checks of one report: do its stated totals add up, does the stated rate match
the counts, does it list as many items as it states, and do the items' own statuses agree with
the stated counts (``totals_vs_statuses`` names each item that does not).

A total compares with items only where it speaks for listed items: a total stated in the
preamble or a section's intro, of a kind the report lists (举一反三, 立行立改 …), against the
items of that kind in that part of the report. Where a report counts problems but lists
groups of them (审计查出问题1263项 over two group headings), it says so and raises nothing.
"""

from __future__ import annotations

from collections import Counter

from ..catalogue import STATUS_NAMES
from ..model import STATUS_FIELDS, check_row
from .sources import covered_group, in_scope, speaks_for

#: a report that lists at most this share of what it states lists groups, not items
GROUPS_NOT_ITEMS = 0.2


def _english(status: str) -> str:
    return status.replace("_", " ")


def check_report(totals: list[dict], rows: list[dict], scope: str = "") -> list[dict]:
    """All findings for one report (``model.CHECK_COLUMNS``); severity is ok, info, warning or error."""
    out: list[dict] = []
    for total in totals:
        out += _check_sum(total, scope) + _check_rate(total, scope)
        if total["kind"] and total["total"] is not None:
            items = in_scope(total, rows)
            out += _check_listed(total, items, scope, speaks_for(total, rows) is not None)
            out += _check_statuses(total, items, covered_group(total, rows), scope)
    return out


def _counts(total: dict) -> dict:
    return {f: total[f] for f in STATUS_FIELDS if total.get(f) is not None}


def _check_sum(total: dict, scope: str) -> list[dict]:
    counts, whole, category = _counts(total), total["total"], total["category"]
    if not counts or whole is None:
        return []
    parts = "+".join(f"{STATUS_NAMES[f][0]}{v}" for f, v in counts.items())
    parts_en = " + ".join(f"{_english(f)} {v}" for f, v in counts.items())
    got = sum(counts.values())
    if got == whole:
        severity, message = "ok", (f"{category}:{parts} = 总数{whole}", f"{category}: {parts_en} = total {whole}")
    elif got > whole:
        severity, message = (
            "error",
            (
                f"{category}:{parts} = {got},超过所述总数{whole}",
                f"{category}: {parts_en} = {got}, more than the stated total {whole}",
            ),
        )
    elif len(counts) >= 2:
        severity, message = (
            "warning",
            (
                f"{category}:{parts} = {got},少于所述总数{whole}(差{whole - got})",
                f"{category}: {parts_en} = {got}, {whole - got} short of the stated total {whole}",
            ),
        )
    else:
        return []
    return [check_row(scope, "counts_add_up", severity, message, total["evidence"])]


def _check_rate(total: dict, scope: str) -> list[dict]:
    rate, whole, category = total.get("stated_rate"), total["total"], total["category"]
    if rate and whole is None and total.get("completed") is not None:
        return [_rate_without_total(total, scope)]
    if rate is None or not whole:
        return []
    decimals = len(str(rate).split(".")[1]) if not float(rate).is_integer() else 0
    tolerance = 0.5 * 10**-decimals + 1e-9  # 94.9% states one decimal: anything that rounds to it
    done = total.get("completed")
    if done is None:
        others = sum(total[f] or 0 for f in STATUS_FIELDS if f != "completed")
        done = whole - others if others else None
    if done is None:
        message = (
            f"{category}:完成率{rate:g}%无对应完成数,无法核对",
            f"{category}: no completed count for the stated rate {rate:g}%",
        )
        return [check_row(scope, "rate_matches", "info", message, total["evidence"])]
    # reports count 基本完成 as done in their rates as often as not: either reading passes
    for value in (done, done + (total.get("substantially_completed") or 0)):
        actual = 100 * value / whole
        if abs(actual - rate) <= tolerance or 0 <= actual - rate < 2 * tolerance:
            message = (
                f"{category}:{value}/{whole} = {actual:.2f}%,与所述{rate:g}%相符",
                f"{category}: {value}/{whole} = {actual:.2f}%, matches the stated {rate:g}%",
            )
            return [check_row(scope, "rate_matches", "ok", message, total["evidence"])]
    actual = 100 * done / whole
    message = (
        f"{category}:{done}/{whole} = {actual:.2f}%,与所述完成率{rate:g}%不符",
        f"{category}: {done}/{whole} = {actual:.2f}%, but the stated rate is {rate:g}%",
    )
    return [check_row(scope, "rate_matches", "error", message, total["evidence"])]


def _rate_without_total(total: dict, scope: str) -> dict:
    """其中已有277个完成整改,实现了95.5%的完成率: the whole is not stated; what the two imply
    is said as an estimate (277/95.5% ≈ 290), never taken as the total."""
    rate, done, category = total["stated_rate"], total["completed"], total["category"]
    implied = round(100 * done / rate)
    message = (
        f"{category}:未述总数;已完成{done}、完成率{rate:g}%,推算总数约{implied}(仅供核对)",
        f"{category}: no total stated; completed {done} at {rate:g}% implies about {implied} (an estimate only)",
    )
    return check_row(scope, "rate_matches", "info", message, total["evidence"])


def _check_listed(total: dict, items: list[dict], scope: str, speaks_for_items: bool) -> list[dict]:
    """所述N项,列出M项 — only where the total speaks for listed items of its kind."""
    if not speaks_for_items:
        return []
    whole, category = total["total"], total["category"]
    listed = len(items)
    if listed == 0:
        message = (f"{category}:所述{whole}项,报告未逐项列出", f"{category}: {whole} stated, not listed item by item")
        return [check_row(scope, "listed_items", "info", message, total["evidence"])]
    if listed < whole and listed <= GROUPS_NOT_ITEMS * whole:
        message = (
            f"{category}:所述{whole}项,报告按类别列出{listed}项,未逐项列出",
            f"{category}: {whole} stated, {listed} groups listed rather than items",
        )
        return [check_row(scope, "listed_items", "info", message, total["evidence"])]
    numbered = sum(1 for r in items if r["number"])
    note = (f"(其中编号{numbered}项)", f" ({numbered} numbered)") if 0 < numbered < listed else ("", "")
    severity = "ok" if whole in (listed, numbered) else "warning"
    message = (
        f"{category}:所述{whole}项,列出{listed}项{note[0]}",
        f"{category}: {whole} stated, {listed} listed{note[1]}",
    )
    return [check_row(scope, "listed_items", severity, message, total["evidence"])]


def _check_statuses(total: dict, items: list[dict], group: list[dict], scope: str) -> list[dict]:
    """Items whose own status the stated counts leave no room for, each named.

    An item's own words win over a stated total (its status stays), but the disagreement is
    a finding: 30个具体问题已全部完成整改 while item 29 says 其余正在推进拆除工作.
    """
    stated = _counts(total)
    if not stated or not items:
        return []
    complete = sum(stated.values()) == total["total"]  # a full breakdown: an unstated status means 0
    own = [r for r in items if r["status"] != "unknown" and r["status_source"] != "stated_total"]
    by_status = Counter(r["status"] for r in own)
    out = []
    for status, count in by_status.items():
        allowed = stated.get(status, 0 if complete else None)
        if allowed is None or count <= allowed:
            continue
        for row in (r for r in own if r["status"] == status):
            label = f"{row['number']} {row['heading']}".strip()
            said = f"{STATUS_NAMES[status][0]}{_progress(row)}"
            breakdown = "、".join(f"{STATUS_NAMES[f][0]}{v}" for f, v in stated.items())
            breakdown_en = ", ".join(f"{_english(f)} {v}" for f, v in stated.items())
            message = (
                f"{total['category']}:所述{total['total']}项({breakdown}),但“{label}”自述{said}",
                f"{total['category']}: {total['total']} stated ({breakdown_en}), "
                f"but “{label}” says {_english(status)}{_progress(row)}",
            )
            out.append(check_row(scope, "totals_vs_statuses", "warning", message, row["status_evidence"]))
    if not out and own and len(group) == total["total"]:
        message = (
            f"{total['category']}:所列事项的状态与所述各状态数相符",
            f"{total['category']}: listed statuses agree with the stated counts",
        )
        out.append(check_row(scope, "totals_vs_statuses", "ok", message, total["evidence"]))
    return out


def _progress(row: dict) -> str:
    done, whole = row.get("progress_done"), row.get("progress_total")
    return f"({done}/{whole})" if done is not None and whole is not None else ""


#: why an item's status words were not read, as the auditor reads it (Chinese, English)
_UNREAD_WHY = {
    "vocabulary": ("结论句含状态用语,未能识别", "the verdict sentence holds status words that were not understood"),
    "field": ("状态字段的内容未能识别", "the status field holds words that were not understood"),
    "conflict": ("所述状态相互矛盾,无法判定", "two statuses are stated and nothing decides between them"),
    "negated_part": (
        "仅个别措施或事项写明未完成,整体状态未说明",
        "only a measure is said to be undone; the item states no status",
    ),
}


def status_unread(rows: list[dict], scope: str = "") -> list[dict]:
    """``status_unread``: an item left unknown although its verdict position holds status words.

    A wrong status is worse than none, so such items stay ``unknown``; this finding puts the
    sentence in front of the auditor (warning where two statuses compete, info otherwise).
    """
    out = []
    for row in rows:
        why, evidence = row.get("status_unread") or ("", "")
        if not why or row["status"] != "unknown":
            continue
        label = f"{row['number']} {row['heading']}".strip()
        zh, en = _UNREAD_WHY[why]
        message = (f"“{label}”状态未读出:{zh}", f"“{label}”: status not read: {en}")
        out.append(check_row(scope, "status_unread", "warning" if why == "conflict" else "info", message, evidence))
    return out
