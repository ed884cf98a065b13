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
from typing import TYPE_CHECKING

from ..catalogue import Said, join, say, status_name
from ..model import STATUS_FIELDS, check_row
from .sources import covered_group, in_scope, speaks_for

if TYPE_CHECKING:
    from .rows import Draft

#: a report that lists at most this share of what it states lists groups, not items
GROUPS_NOT_ITEMS = 0.2


def check_report(totals: list[dict], rows: list[Draft], scope: str = "") -> list[dict]:
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
    parts = _breakdown("sep.plus", counts)
    got = sum(counts.values())
    if got == whole:
        severity, message = "ok", say("check.sum_ok", category=category, parts=parts, whole=whole)
    elif got > whole:
        severity, message = "error", say("check.sum_over", category=category, parts=parts, got=got, whole=whole)
    elif len(counts) >= 2:
        message = say("check.sum_short", category=category, parts=parts, got=got, whole=whole, short=whole - got)
        severity = "warning"
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
        message = say("check.rate_no_done", category=category, rate=rate)
        return [check_row(scope, "rate_matches", "info", message, total["evidence"])]
    # reports count 基本完成 as done in their rates as often as not: either reading passes
    for value in (done, done + (total.get("substantially_completed") or 0)):
        actual = 100 * value / whole
        if abs(actual - rate) <= tolerance or 0 <= actual - rate < 2 * tolerance:
            message = say("check.rate_ok", category=category, value=value, whole=whole, actual=actual, rate=rate)
            return [check_row(scope, "rate_matches", "ok", message, total["evidence"])]
    actual = 100 * done / whole
    message = say("check.rate_off", category=category, value=done, whole=whole, actual=actual, rate=rate)
    return [check_row(scope, "rate_matches", "error", message, total["evidence"])]


def _rate_without_total(total: dict, scope: str) -> dict:
    """其中已有277个完成整改,实现了95.5%的完成率: the whole is not stated; what the two imply
    is said as an estimate (277/95.5% ≈ 290), never taken as the total."""
    rate, done, category = total["stated_rate"], total["completed"], total["category"]
    implied = round(100 * done / rate)
    message = say("check.rate_implied", category=category, done=done, rate=rate, implied=implied)
    return check_row(scope, "rate_matches", "info", message, total["evidence"])


def _check_listed(total: dict, items: list[Draft], scope: str, speaks_for_items: bool) -> list[dict]:
    """所述N项,列出M项 — only where the total speaks for listed items of its kind."""
    if not speaks_for_items:
        return []
    whole, category = total["total"], total["category"]
    listed = len(items)
    if listed == 0:
        message = say("check.listed_none", category=category, whole=whole)
        return [check_row(scope, "listed_items", "info", message, total["evidence"])]
    if listed < whole and listed <= GROUPS_NOT_ITEMS * whole:
        message = say("check.listed_groups", category=category, whole=whole, listed=listed)
        return [check_row(scope, "listed_items", "info", message, total["evidence"])]
    numbered = sum(1 for r in items if r.number)
    note = say("check.listed_numbered", n=numbered) if 0 < numbered < listed else Said("", "")
    severity = "ok" if whole in (listed, numbered) else "warning"
    message = say("check.listed", category=category, whole=whole, listed=listed, note=note)
    return [check_row(scope, "listed_items", severity, message, total["evidence"])]


def _check_statuses(total: dict, items: list[Draft], group: list[Draft], scope: str) -> list[dict]:
    """Items whose own status the stated counts leave no room for, each named.

    An item's own words win over a stated total (its status stays), but the disagreement is
    a finding: 30个具体问题已全部完成整改 while item 29 says 其余正在推进拆除工作.
    """
    stated = _counts(total)
    if not stated or not items:
        return []
    complete = sum(stated.values()) == total["total"]  # a full breakdown: an unstated status means 0
    own = [r for r in items if r.status != "unknown" and r.status_source != "stated_total"]
    by_status = Counter(r.status for r in own)
    out = []
    for status, count in by_status.items():
        allowed = stated.get(status, 0 if complete else None)
        if allowed is None or count <= allowed:
            continue
        for row in (r for r in own if r.status == status):
            label = item_label(row)
            said = say("check.said", status=status_name(status), progress=_progress(row))
            breakdown = _breakdown("sep.list", stated)
            message = say("check.statuses_off", category=total["category"], whole=total["total"],
                          breakdown=breakdown, label=label, said=said)  # fmt: skip
            out.append(check_row(scope, "totals_vs_statuses", "warning", message, row.status_evidence))
    if not out and own and len(group) == total["total"]:
        message = say("check.statuses_ok", category=total["category"])
        out.append(check_row(scope, "totals_vs_statuses", "ok", message, total["evidence"]))
    return out


def item_label(row: Draft) -> str:
    """An item as a finding names it: its number and heading (2. 路灯维修不及时)."""
    return f"{row.number} {row.heading}".strip()


def _breakdown(separator: str, counts: dict) -> Said:
    """已完成25+正在推进5 / completed 25 + in progress 5: counts by status, joined by ``separator``."""
    return join(separator, (say("check.count", status=status_name(f), n=v) for f, v in counts.items()))


def _progress(row: dict) -> str:
    done, whole = row.progress_done, row.progress_total
    return f"({done}/{whole})" if done is not None and whole is not None else ""


def status_unread(rows: list[Draft], scope: str = "") -> list[dict]:
    """``status_unread``: an item left unknown although its verdict position holds status words.

    A wrong status is worse than none, so such items stay ``unknown``; this finding puts the
    sentence in front of the auditor (warning where two statuses compete, info otherwise).
    """
    out = []
    for row in rows:
        why, evidence = row.status_unread or ("", "")
        if not why or row.status != "unknown":
            continue
        label = item_label(row)
        message = say("check.status_unread", label=label, why=say(f"unread.{why}"))
        out.append(check_row(scope, "status_unread", "warning" if why == "conflict" else "info", message, evidence))
    return out
