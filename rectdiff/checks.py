"""Consistency checks of one report: do its stated totals add up, does the stated rate
match the counts, and do the listed items agree with what the report says of them."""
from __future__ import annotations

import pandas as pd

from .model import CHECK_COLUMNS
from .totals import STATUS_FIELDS

STATUS_CN = {"completed": "已完成", "substantially_completed": "基本完成", "phase_completed": "阶段性完成",
             "in_progress": "正在推进", "not_completed": "未完成", "unknown": "未说明"}


STATUS_EN = {k: k.replace("_", " ") for k in STATUS_CN}


def _check(scope, check, severity, message: tuple[str, str], evidence=""):
    """One finding; ``message`` is (Chinese, English)."""
    return {"scope": scope, "check": check, "severity": severity, "message": message[0],
            "message_en": message[1], "evidence": evidence}


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
    parts = "+".join(f"{STATUS_CN[f]}{v}" for f, v in counts.items())
    parts_en = " + ".join(f"{STATUS_EN[f]} {v}" for f, v in counts.items())
    got = sum(counts.values())
    if got == total:
        sev, msg = "ok", (f"{cat}:{parts} = 总数{total}", f"{cat}: {parts_en} = total {total}")
    elif got > total:
        sev, msg = "error", (f"{cat}:{parts} = {got},超过所述总数{total}",
                             f"{cat}: {parts_en} = {got}, more than the stated total {total}")
    elif len(counts) >= 2:
        sev, msg = "warning", (f"{cat}:{parts} = {got},少于所述总数{total}(差{total - got})",
                               f"{cat}: {parts_en} = {got}, {total - got} short of the stated total {total}")
    else:
        return []
    return [_check(scope, "counts_add_up", sev, msg, row["evidence"])]


def _check_rate(row, scope):
    rate, total = row.get("stated_rate"), row["total"]
    if rate is None or not total:
        return []
    decimals = len(str(rate).split(".")[1]) if "." in str(rate) and not float(rate).is_integer() else 0
    tol = 0.5 * 10 ** -decimals + 1e-9
    done = row.get("completed")
    if done is None:
        others = sum(row[f] or 0 for f in STATUS_FIELDS if f != "completed")
        done = total - others if others else None
    if done is None:
        return [_check(scope, "rate_matches", "info", (f"{row['category']}:完成率{rate:g}%无对应完成数,无法核对",
                       f"{row['category']}: no completed count for the stated rate {rate:g}%"), row["evidence"])]
    options = [done, done + (row.get("substantially_completed") or 0)]
    for value in options:
        actual = 100 * value / total
        if abs(actual - rate) <= tol or 0 <= actual - rate < 2 * tol:
            return [_check(scope, "rate_matches", "ok",
                           (f"{row['category']}:{value}/{total} = {actual:.2f}%,与所述{rate:g}%相符",
                            f"{row['category']}: {value}/{total} = {actual:.2f}%, matches the stated {rate:g}%"),
                           row["evidence"])]
    actual = 100 * done / total
    return [_check(scope, "rate_matches", "error",
                   (f"{row['category']}:{done}/{total} = {actual:.2f}%,与所述完成率{rate:g}%不符",
                    f"{row['category']}: {done}/{total} = {actual:.2f}%, but the stated rate is {rate:g}%"),
                   row["evidence"])]


def _check_listed(row, items, scope):
    kind, total, cat = row["kind"], row["total"], row["category"]
    of_kind = items[items["kind"] == kind] if len(items) else items
    listed = len(of_kind)
    out = []
    if listed == 0:
        return [_check(scope, "listed_items", "info", (f"{cat}:所述{total}项,报告未逐项列出",
                                                        f"{cat}: {total} stated, not listed item by item"),
                       row["evidence"])]
    numbered = int((of_kind["number"] != "").sum())
    note = (f"(其中编号{numbered}项)", f" ({numbered} numbered)") if 0 < numbered < listed else ("", "")
    sev = "ok" if listed == total or numbered == total else "warning"
    out.append(_check(scope, "listed_items", sev, (f"{cat}:所述{total}项,列出{listed}项{note[0]}",
                                                   f"{cat}: {total} stated, {listed} listed{note[1]}"),
                      row["evidence"]))
    counts = _counts(row)
    if not counts or not listed:
        return out
    stated_known = of_kind[of_kind["status"] != "unknown"]
    if len(stated_known) < listed:
        missing = listed - len(stated_known)
        out.append(_check(scope, "listed_statuses", "info",
                          (f"{cat}:{missing}/{listed}项未说明完成状态,无法逐项核对所述状态数",
                           f"{cat}: {missing} of {listed} items state no status; the stated counts cannot be checked"),
                          row["evidence"]))
        return out
    by_status = stated_known["status"].value_counts().to_dict()
    wrong = [(f, v, by_status.get(f, 0)) for f, v in counts.items() if by_status.get(f, 0) != v]
    zh = ";".join(f"{STATUS_CN[f]}所述{v}、列出{n}" for f, v, n in wrong) or "各状态项数与所列事项一致"
    en = "; ".join(f"{STATUS_EN[f]}: {v} stated, {n} listed" for f, v, n in wrong) or "listed statuses match"
    out.append(_check(scope, "listed_statuses", "warning" if wrong else "ok", (f"{cat}:{zh}", f"{cat}: {en}"),
                      row["evidence"]))
    return out


def check_versions(old, new, pairs: pd.DataFrame, metric_changes: pd.DataFrame) -> pd.DataFrame:
    """Each version's own checks plus the red flags between them (model.CHECK_COLUMNS)."""
    rows = [dict(r, scope="old") for r in old.checks.to_dict("records")]
    rows += [dict(r, scope="new") for r in new.checks.to_dict("records")]
    for p in pairs.to_dict("records"):
        label = f"{p['new_number'] or p['old_number'] or ''} {p['new_heading'] or p['old_heading'] or ''}".strip()
        if p["status_change"] == "regressed":
            old_s, new_s = p["old_status"], p["new_status"]
            rows.append(_check("both", "status_regressed", "warning",
                               (f"状态倒退:{label}({STATUS_CN[old_s]}→{STATUS_CN[new_s]})",
                                f"status went back: {label} ({STATUS_EN[old_s]} → {STATUS_EN[new_s]})"),
                               p["old_id"] + " → " + p["new_id"]))
        if p["change"] == "removed" and p["kind"] not in ("section", "narrative"):
            rows.append(_check("both", "item_removed", "warning",
                               (f"事项在新版中消失:{label}", f"item gone from the new version: {label}"), p["old_id"]))
    for m in metric_changes.to_dict("records"):
        if m["cumulative"] and m["change"] == "changed" and m["delta"] is not None and m["delta"] < 0:
            change = f"{m['label']} {m['old_text']}→{m['new_text']}"
            rows.append(_check("both", "cumulative_shrank", "error",
                               (f"累计数减少:{change}", f"cumulative figure shrank: {change}"), m["new_id"] or ""))
    rows += _totals_vs_items(old, new)
    return pd.DataFrame(rows, columns=CHECK_COLUMNS, dtype=object)


def _totals_vs_items(old, new) -> list[dict]:
    out = []
    old_by_kind = {r["kind"]: r for r in old.totals.to_dict("records") if r["kind"]}
    for r in new.totals.to_dict("records"):
        before = old_by_kind.get(r["kind"]) if r["kind"] else None
        if before is None or before["total"] == r["total"]:
            continue
        n_old = int((old.items["kind"] == r["kind"]).sum())
        n_new = int((new.items["kind"] == r["kind"]).sum())
        if n_old == n_new:
            out.append(_check("both", "total_changed_items_not", "warning",
                              (f"{r['category']}:所述总数{before['total']}→{r['total']},但所列事项数未变({n_new}项)",
                               f"{r['category']}: stated total {before['total']} → {r['total']}, "
                               f"but the listed items did not change ({n_new})"), r["evidence"]))
    return out
