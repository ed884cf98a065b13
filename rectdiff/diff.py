"""Stage 4: what changed within each aligned pair, gathered into one ``Comparison``."""
from __future__ import annotations

import math

import pandas as pd

from .checks import check_versions
from .model import METRIC_CHANGE_COLUMNS, PAIR_COLUMNS, STATUS_ORDER, STATUSES, Comparison, Report
from .normalize import match_key
from .redline import redline


def diff_reports(old: Report, new: Report, pairs: pd.DataFrame) -> Comparison:
    """Build the ``Comparison`` of two parsed reports from their item alignment."""
    oi, ni = old.items.to_dict("records"), new.items.to_dict("records")
    id_map = {oi[o]["item_id"]: ni[n]["item_id"] for o, n in zip(pairs.old_idx, pairs.new_idx)
              if o >= 0 and n >= 0}
    moved = _moved(pairs, oi, ni, id_map)
    rows, metric_rows = [], []
    old_metrics = _by_item(old.metrics)
    new_metrics = _by_item(new.metrics)
    for o, n, sim in zip(pairs.old_idx, pairs.new_idx, pairs.similarity):
        a = oi[o] if o >= 0 else None
        b = ni[n] if n >= 0 else None
        mchanges = _metric_changes(a, b, old_metrics, new_metrics)
        metric_rows += mchanges
        rows.append(_pair_row(a, b, sim, (o, n) in moved, mchanges))
    pair_frame = _order(pd.DataFrame(rows, columns=PAIR_COLUMNS + ["heading_redline", "body_redline"], dtype=object))
    metric_frame = pd.DataFrame(metric_rows, columns=METRIC_CHANGE_COLUMNS, dtype=object)
    checks = check_versions(old, new, pair_frame, metric_frame)
    stats = _stats(old, new, pair_frame)
    return Comparison(old, new, pair_frame, metric_frame, checks, stats)


def _by_item(metrics: pd.DataFrame) -> dict:
    out: dict[str, list[dict]] = {}
    for row in metrics.to_dict("records"):
        out.setdefault(row["item_id"], []).append(row)
    return out


def _status_change(a: str, b: str) -> str:
    if a == b:
        return "unchanged"
    if a == "unknown" or b == "unknown":
        return "stated" if a == "unknown" else "unstated"
    return "improved" if STATUS_ORDER.index(b) > STATUS_ORDER.index(a) else "regressed"


def _pair_row(a, b, sim, moved, mchanges) -> dict:
    get = lambda row, col, default="": row[col] if row is not None else default  # noqa: E731
    if a is None or b is None:
        change = "added" if a is None else "removed"
    else:
        same = (match_key(a["heading"]) == match_key(b["heading"]) and match_key(a["body"]) == match_key(b["body"])
                and a["status"] == b["status"])
        change = "unchanged" if same and not any(m["change"] != "restated" for m in mchanges) else "modified"
    old_status, new_status = get(a, "status", None), get(b, "status", None)
    row = {
        "change": change, "kind": get(b, "kind") or get(a, "kind"),
        "old_id": get(a, "item_id", None), "new_id": get(b, "item_id", None),
        "old_number": get(a, "number", None), "new_number": get(b, "number", None),
        "old_heading": get(a, "heading", None), "new_heading": get(b, "heading", None),
        "similarity": None if sim is None or (isinstance(sim, float) and math.isnan(sim)) else float(sim),
        "moved": bool(moved), "renumbered": bool(a is not None and b is not None and a["number"] != b["number"]),
        "old_status": old_status, "new_status": new_status,
        "status_change": _status_change(old_status, new_status) if a is not None and b is not None else None,
        "old_body": get(a, "body", None), "new_body": get(b, "body", None),
        "metrics_summary": "; ".join(_metric_summary(m) for m in mchanges if m["change"] != "restated"),
        "old_order": int(a["order"]) if a is not None else None,
        "new_order": int(b["order"]) if b is not None else None,
    }
    modified = change == "modified"
    row["heading_redline"] = redline(a["heading"], b["heading"]) if modified and a["heading"] != b["heading"] else None
    row["body_redline"] = redline(a["body"], b["body"]) if modified and a["body"] != b["body"] else None
    return row


def _moved(pairs, oi, ni, id_map) -> set:
    """Pairs whose parent changed, or that fall outside the longest in-order run
    (an item travelling with its moved parent is not flagged again)."""
    matched = [(o, n) for o, n in zip(pairs.old_idx, pairs.new_idx) if o >= 0 and n >= 0]
    matched.sort(key=lambda p: p[1])
    keep = set(_lis([o for o, _ in matched]))
    out_of_order = {o for o, _ in matched if o not in keep}
    row_of = {row["item_id"]: i for i, row in enumerate(oi)}
    moved = set()
    for o, n in matched:
        parent_old, parent_new = oi[o]["parent_id"], ni[n]["parent_id"]
        if parent_old and id_map.get(parent_old, None) != parent_new:
            moved.add((o, n))
        elif o in out_of_order and row_of.get(parent_old) not in out_of_order:
            moved.add((o, n))
    return moved


def _lis(seq: list[int]) -> list[int]:
    """Values of one longest increasing subsequence (patience sorting, n log n)."""
    import bisect

    tails, tails_idx, prev = [], [], [-1] * len(seq)
    for i, x in enumerate(seq):
        k = bisect.bisect_left(tails, x)
        if k == len(tails):
            tails.append(x)
            tails_idx.append(i)
        else:
            tails[k], tails_idx[k] = x, i
        prev[i] = tails_idx[k - 1] if k else -1
    out, i = [], tails_idx[-1] if tails_idx else -1
    while i >= 0:
        out.append(seq[i])
        i = prev[i]
    return out[::-1]


def _order(frame: pd.DataFrame) -> pd.DataFrame:
    """New report's order; a removed item follows the item that preceded it in OLD."""
    new_of_old = {}
    last = 0.0
    for o, n in sorted(zip(frame.old_order, frame.new_order), key=lambda p: p[0] if p[0] is not None else 1e9):
        if o is None:
            continue
        if n is not None:
            last = float(n)
        new_of_old[o] = float(n) if n is not None else last + 0.5 + o / 1e6
    key = [float(n) if n is not None else new_of_old[o] for o, n in zip(frame.old_order, frame.new_order)]
    return frame.assign(_k=key).sort_values("_k", kind="stable").drop(columns="_k").reset_index(drop=True)


def _metric_key(label: str) -> str:
    return "".join(ch for ch in match_key(label) if not ch.isdigit())


def _metric_changes(a, b, old_metrics, new_metrics) -> list[dict]:
    """Pair the metrics of one item by unit and label; report what changed."""
    from rapidfuzz import fuzz

    if a is None or b is None:
        return []  # an added or removed item is reported as such; its quantities go with it
    olds = old_metrics.get(a["item_id"], [])
    news = new_metrics.get(b["item_id"], [])
    cands = []
    for i, x in enumerate(olds):
        for j, y in enumerate(news):
            if x["unit"] != y["unit"]:
                continue
            sim = fuzz.ratio(_metric_key(x["label"]), _metric_key(y["label"])) / 100.0
            if sim >= 0.6 or (x["nominal"] == y["nominal"] and sim >= 0.3):
                cands.append((sim + (0.05 if x["nominal"] == y["nominal"] else 0), i, j))
    used_o, used_n, out = set(), set(), []
    for _s, i, j in sorted(cands, reverse=True):
        if i in used_o or j in used_n:
            continue
        used_o.add(i)
        used_n.add(j)
        change = _compare(olds[i], news[j])
        if change:
            out.append(_metric_row(change, a, b, olds[i], news[j]))
    out += [_metric_row("removed", a, b, x, None) for i, x in enumerate(olds) if i not in used_o]
    out += [_metric_row("added", a, b, None, y) for j, y in enumerate(news) if j not in used_n]
    return out


def _compare(x: dict, y: dict) -> str | None:
    if abs((x["nominal"] or 0) - (y["nominal"] or 0)) <= 1e-9 * max(1.0, abs(x["nominal"] or 0)):
        if x["approx"] == y["approx"]:
            return "restated" if x["text"] != y["text"] else None
    return "changed"


def _metric_row(change, a, b, x, y) -> dict:
    old_value = x["nominal"] if x else None
    new_value = y["nominal"] if y else None
    delta = new_value - old_value if x and y else None
    pct = round(100.0 * delta / old_value, 2) if delta is not None and old_value else None
    ref = y or x
    return {
        "change": change, "old_id": a["item_id"] if a is not None else None,
        "new_id": b["item_id"] if b is not None else None,
        "old_heading": a["heading"] if a is not None else None, "new_heading": b["heading"] if b is not None else None,
        "label": ref["label"], "unit": ref["unit"], "old_text": x["text"] if x else None,
        "new_text": y["text"] if y else None, "old_value": old_value, "new_value": new_value,
        "delta": round(delta, 6) if delta is not None else None, "delta_pct": pct,
        "cumulative": bool((x and x["cumulative"]) or (y and y["cumulative"])),
    }


def _metric_summary(m: dict) -> str:
    if m["change"] == "added":
        return f"{m['label']} +{m['new_text']}"
    if m["change"] == "removed":
        return f"{m['label']} -{m['old_text']}"
    pct = f" ({m['delta_pct']:+g}%)" if m["delta_pct"] is not None else ""
    return f"{m['label']} {m['old_text']}→{m['new_text']}{pct}"


def _stats(old: Report, new: Report, pairs: pd.DataFrame) -> dict:
    both = pairs.dropna(subset=["old_status", "new_status"])
    matrix = pd.crosstab(both["old_status"], both["new_status"]).reindex(index=STATUSES, columns=STATUSES,
                                                                         fill_value=0)
    return {
        "by_change": pairs["change"].value_counts().to_dict(),
        "by_kind": pd.crosstab(pairs["kind"], pairs["change"]).to_dict("index"),
        "status_matrix": {k: {c: int(v) for c, v in row.items()} for k, row in matrix.to_dict("index").items()},
        "old_status_counts": old.items["status"].value_counts().to_dict(),
        "new_status_counts": new.items["status"].value_counts().to_dict(),
        "items": {"old": len(old.items), "new": len(new.items)},
    }
