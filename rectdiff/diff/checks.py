"""Red flags between two versions: a status that went back, an item that vanished, a running
total that shrank, a stated total that changed while the listed items did not."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from ..catalogue import SIDES, Said, say, status_name
from ..model import COPY_KIND, check_record
from ..records import Check, MetricChange, Pair, TotalPair
from ..rules import NOT_REMOVABLE_KINDS, by_severity
from .totals import similar_categories


def check_versions(old, new, pairs: Sequence[Pair], metric_changes: Sequence[MetricChange], totals: Sequence[TotalPair],
                   total_pairing: Sequence[tuple[int, int]]) -> tuple[Check, ...]:  # fmt: skip
    """Each version's own checks (scope old/new) plus the red flags between them (scope both);
    ``total_pairing``: which stated totals are the same (``Comparison.total_pairing``)."""
    rows = [replace(r, scope="old", source=sided("old", r.source)) for r in old.check_rows]
    rows += [replace(r, scope="new", source=sided("new", r.source)) for r in new.check_rows]
    for p in pairs:
        rows += _pair_findings(p)
    fell = set()  # (old, new) of each running quantity that fell: a stated total saying the same is not repeated
    for m in metric_changes:
        if m.cumulative and m.change == "changed" and m.delta is not None and m.delta < 0:
            fell.add((m.old_value, m.new_value))
            change = f"{m.label} {m.old_text}→{m.new_text}"
            message = say("check.cumulative_shrank", change=change)
            evidence = f"{m.new_heading or m.old_heading or ''}:{m.new_text}".strip(":")
            where = (sided("new", m.new_source), m.new_source_at)
            rows.append(check_record("both", "cumulative_shrank", "error", message, evidence, where))
        if m.suspect:
            rows.append(_suspect_figure(m))
    rows += _totals_fell(old, new, total_pairing, fell)
    rows = odd_inputs(old, new) + rows + _totals_vs_items(old, new, totals)  # what is odd, said first
    # findings first, worst first; the passes last (each keeps its own order within)
    return tuple(by_severity(rows))


def _pair_findings(p: Pair) -> list[Check]:
    """What one pair of items raises: its status went back, it is overdue, it vanished."""
    rows = []
    label = f"{p.new_number or p.old_number or ''} {p.new_heading or p.old_heading or ''}".strip()
    named = _named(label, p.kind)  # an attachment's copy of a body item says so
    if p.status_change == "regressed":
        old_status, new_status = p.old_status, p.new_status
        guess = say("check.inferred") if p.status_inferred else Said("", "")
        message = say("check.regressed", guess=guess, label=named, old=status_name(old_status),
                      new=status_name(new_status))  # fmt: skip
        evidence = p.new_status_evidence or p.old_status_evidence or label  # words, never ids
        where = _pair_place(p, "new", evidence=bool(p.new_status_evidence))
        severity = "info" if p.status_inferred else "warning"  # the report never said so of the item
        rows.append(check_record("both", "status_regressed", severity, message, evidence, where))
    if p.overdue:
        status = p.new_status
        message = say("check.overdue", label=named, deadline=p.deadline, status=status_name(status))
        evidence = p.new_status_evidence or p.deadline
        rows.append(check_record("new", "overdue", "warning", message, evidence, _pair_place(p, "new", True)))
    if p.change == "removed" and p.kind not in NOT_REMOVABLE_KINDS:
        message = say("check.removed", label=named)
        rows.append(check_record("both", "item_removed", "warning", message, label, _pair_place(p, "old")))
    return rows


def _named(label: str, kind: str) -> str | Said:
    """An item as a finding names it; an attachment's copy (``COPY_KIND``) as the copy."""
    if kind != COPY_KIND:
        return label
    return say("check.copy_of", label=label)


def sided(side: str, source: str) -> str:
    """A place in one version, as a comparison cites it: 新版 第3页 第12行 ('' stays '')."""
    return say("place.sided", side=SIDES[side][0], place=source).zh if source else ""


def odd_inputs(old, new) -> list[Check]:
    """What makes a comparison say little: a version with no items, the same text twice, an
    "old" version dated after the "new" one. Each is said once, as a warning."""
    out = []
    for scope, report in (("old", old), ("new", new)):
        if report.item_count == 0:
            name = report.meta.source
            message = say("check.no_items", name=name)
            out.append(check_record(scope, "no_items", "warning", message, ""))
    if _same_text(old, new):
        message = say("check.identical")
        evidence = f"{old.meta.source} = {new.meta.source}"
        out.append(check_record("both", "identical_inputs", "warning", message, evidence))
    old_date = old.meta.dated
    new_date = new.meta.dated
    if old_date and new_date and old_date > new_date:
        message = say("check.out_of_order", old=old_date, new=new_date)
        evidence = f"{old.meta.source} → {new.meta.source}"
        out.append(check_record("both", "older_than_before", "warning", message, evidence))
    return out


def _same_text(old, new) -> bool:
    if not old.passage_rows:
        return False
    return [p.text for p in old.passage_rows] == [p.text for p in new.passage_rows]


def _suspect_figure(m: MetricChange) -> Check:
    """疑似数值错误: a figure that jumped by a factor of five or more, or a running total that changed sign."""
    change = f"{m.label} {m.old_text}→{m.new_text}"
    if m.suspect == "sign":
        message = say("check.suspect_sign", change=change)
    else:
        ratio = m.new_value / m.old_value
        times = (
            say("check.times", ratio=ratio)
            if abs(ratio) >= 1
            else say("check.fraction", inverse=1 / ratio, ratio=ratio)
        )
        message = say("check.suspect_ratio", times=times, change=change)
    evidence = f"{m.new_heading or m.old_heading or ''}:{m.old_text}→{m.new_text}".strip(":")
    return check_record("both", "suspect_figure", "error", message, evidence, (sided("new", m.new_source),
                                                                             m.new_source_at))  # fmt: skip


def _pair_place(p: Pair, side: str, evidence: bool = False) -> tuple[str, int | None]:
    """(place, passage) of one side of a pair: its item, or (``evidence``) its status sentence."""
    if evidence:
        return sided(side, getattr(p, f"{side}_evidence_source") or ""), getattr(p, f"{side}_evidence_at")
    return sided(side, getattr(p, f"{side}_source") or ""), getattr(p, f"{side}_source_at")


#: a stated total's count that can only grow: what is done (an error when it falls) and the whole
#: (a warning: a re-scoped plan may merge tasks, but the report should say so)
_RUNNING = (("completed", "error"), ("total", "warning"))


def _totals_fell(old, new, pairing: Sequence[tuple[int, int]], fell: set) -> list[Check]:
    """A stated total whose completed count or whole is smaller in the new version (已完成1398个 →
    1275个): a running total that fell. Only where the two are surely one total: the same whole,
    or categories that say the same (two feedback totals paired by their kind alone, 第一轮…问题 and
    第二轮…整改任务, are not compared); an item's own totals only by a completed count under the same whole."""
    old_rows, new_rows = old.total_rows, new.total_rows
    out = []
    for i, j in pairing:  # the comparison's own pairing, never paired again here
        o, n = old_rows[i], new_rows[j]
        same_whole = o.total is not None and o.total == n.total
        if not (same_whole or similar_categories(o.category, n.category)):
            continue
        for field, severity in _RUNNING:
            before, after = getattr(o, field), getattr(n, field)
            if before is None or after is None or after >= before or (before, after) in fell:
                continue
            if n.in_item and not (field == "completed" and same_whole):
                continue
            word = say(f"check.running_{field}")
            message = say("check.total_fell", category=n.category, word=word, before=before, after=after)
            where = (sided("new", n.source or ""), n.source_at)
            out.append(check_record("both", "cumulative_shrank", severity, message, n.evidence or "", where))
    return out


def _totals_vs_items(old, new, totals: Sequence[TotalPair]) -> list[Check]:
    """A stated total of a listed kind changed while the number of listed items did not."""
    out = []
    old_kinds, new_kinds = Counter(r.kind for r in old.item_rows), Counter(r.kind for r in new.item_rows)
    for t in totals:
        if not t.kind or t.old_total is None or t.new_total is None or t.old_total == t.new_total:
            continue
        n_new = new_kinds[t.kind]
        if old_kinds[t.kind] == n_new:
            message = say("check.total_changed_items_not", category=t.category, old=t.old_total,
                          new=t.new_total, n=n_new)  # fmt: skip
            where = (sided("new", t.new_source), t.new_source_at)
            out.append(check_record("both", "total_changed_items_not", "warning", message, t.new_evidence, where))
    return out


def shared_findings(checks: Sequence[Check]) -> dict[int, int]:
    """Findings the old and the new version both raise (same check, same message): each index ->
    the index of the first of them (the row that says it for both)."""
    first: dict[tuple, int] = {}
    out: dict[int, int] = {}
    for n, c in enumerate(checks):
        if c.scope not in ("old", "new") or c.severity == "ok":
            continue
        key = (c.check, c.message)
        if key in first and checks[first[key]].scope != c.scope:
            out[n] = out[first[key]] = first[key]
        else:
            first.setdefault(key, n)
    return out
