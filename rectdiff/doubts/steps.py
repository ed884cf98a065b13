"""The doubts one step raises: a ``Comparison`` of an earlier and a later version, rule by rule
(each rule is documented in ``kinds``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..catalogue import Said, say, status_name
from ..model import RECTIFIED_KINDS, Comparison, Place, Report
from ..records import Item, Pair
from ..zh.dates import deadline_date, is_overdue
from ..zh.lexicon import (
    DOUBT_CLAUSE,
    DOUBT_COUNT,
    DOUBT_DONE_MARK,
    DOUBT_FUTURE,
    DOUBT_PROCESS,
    DOUBT_RATE_LABEL,
    DOUBT_RESULT,
)
from ..zh.normalize import match_key, norm
from .kinds import doubt, place

DONE = ("substantially_completed", "completed")
#: statuses a later version may call an item that was done: a relapse
UNFINISHED = ("not_completed", "in_progress", "phase_completed")


def step_doubts(c: Comparison, old_label: str = "old", new_label: str = "new") -> list:
    """Every doubt the step from ``c.old`` to ``c.new`` raises, in the order found."""
    old_rows = {r.item_id: r for r in c.old.compared_rows}
    new_rows = {r.item_id: r for r in c.new.compared_rows}
    later = c.new.meta.dated > c.old.meta.dated
    new_text = None
    out = []
    for p in c.pair_rows:
        o, n = old_rows.get(p.old_id), new_rows.get(p.new_id)
        sides = _Sides((old_label, o, False), (new_label, n, False))
        said = _Sides((old_label, o, True), (new_label, n, True))  # where the status sentences stand
        if n is not None and n.kind in RECTIFIED_KINDS:
            out += _advanced_unchanged(p, o, n, said) + _done_no_result(p, o, n, sides)
            if later:
                out += _overdue(n, c.new.meta.dated, said)
        if o is not None and n is not None:
            out += _deadline_moved(o, n, sides) + _relapsed(o, n, said)
        if p.change == "removed" and o.kind in RECTIFIED_KINDS and o.status != "completed":
            # the rows' keys joined are the key of their texts joined (match_key works character by
            # character and drops spaces); each row's text was normalized in parsing already (cached)
            new_text = new_text if new_text is not None else "".join(match_key(r.text) for r in new_rows.values())
            if len(o.key) < 4 or o.key not in new_text:
                out.append(_vanished(o, said[0]))
    out += _figures_fell(c, old_rows, new_rows, old_label, new_label)
    out += _totals_mismatch(c, new_rows, new_label)
    return out


class _Sides(Sequence):
    """出处 of both sides of a pair, made only when a rule raises a doubt (most pairs raise none)."""

    def __init__(self, *specs: tuple):
        self._specs = specs
        self._places: tuple | None = None

    def __getitem__(self, index):
        if self._places is None:
            self._places = tuple(place(version, row, evidence=said) for version, row, said in self._specs)
        return self._places[index]

    def __len__(self) -> int:
        return len(self._specs)


def _stated(status: str) -> str:
    return status_name(status).zh


def _status(status: str) -> Said:
    """A status in a doubt's reason: its name in Chinese, its code in English."""
    return Said(status_name(status).zh, status)


def _advanced_unchanged(p: Pair, o, n: Item, sides) -> list:
    """1. Advanced to done while the redline touches nothing but the status sentence."""
    if o is None or p.status_change != "improved" or n.status not in DONE or n.status_source == "stated_total":
        return []
    if not _only_verdict_changed(p.body_redline, o, n):
        return []
    words = f"“{o.status_evidence or _stated(o.status)}” → “{n.status_evidence or _stated(n.status)}”"
    reason = say("doubt.advanced_unchanged", old=_status(o.status), new=_status(n.status))
    return [doubt("advanced_unchanged", sides, words, reason)]


def _only_verdict_changed(segments, o: Item, n: Item) -> bool:
    """True when every deleted run lies in the old status sentence and every inserted one in
    the new (no redline: the body did not change at all)."""
    if not segments:
        return o.body == n.body or match_key(o.body) == match_key(n.body)
    spans = {-1: _span(o.body, o.status_evidence), 1: _span(n.body, n.status_evidence)}
    at = {-1: 0, 1: 0}
    for op, text in segments:
        if op == 0:
            at[-1] += len(text)
            at[1] += len(text)
            continue
        start, end = spans[op]
        if not (start <= at[op] and at[op] + len(text) <= end):
            return False
        at[op] += len(text)
    return True


def _span(body: str, sentence: str) -> tuple[int, int]:
    start = body.find(sentence) if sentence else -1
    return (start, start + len(sentence)) if start >= 0 else (0, 0)


def _done_no_result(p: Pair, o, n: Item, sides) -> list:
    """2. Newly reported done, on a body of plans or of meetings and documents only."""
    newly = o is None or p.status_change in ("improved", "stated")
    if not newly or n.status not in DONE or n.status_source == "stated_total":
        return []
    weak = weak_clauses(n.body, n.status_evidence)
    if not weak:
        return []
    words = "……".join(f"“{c}”" for c in weak)
    reason = say("doubt.done_no_result", status=_status(n.status))
    return [doubt("done_no_result", sides[1:], words, reason)]


def weak_clauses(body: str, verdict: str = "") -> list[str]:
    """The plan and paperwork clauses of a body that holds no result (empty when it holds one,
    or nothing but vague words)."""
    text = norm(body or "").replace(norm(verdict or ""), "。") if verdict else norm(body or "")
    weak = []
    for clause in (c.strip(" ,,") for c in DOUBT_CLAUSE.split(text)):
        if not clause:
            continue
        future = DOUBT_FUTURE.search(clause) and DOUBT_DONE_MARK not in clause
        process = DOUBT_PROCESS.search(clause) and not DOUBT_RESULT.search(clause)
        if future or (process and not DOUBT_COUNT.search(clause)):
            weak.append(clause)
        elif DOUBT_RESULT.search(clause) or DOUBT_COUNT.search(clause):
            return []
    return weak


def _overdue(n: Item, date: str, sides) -> list:
    """3. A later version still unfinished past the item's deadline."""
    if not is_overdue(n.deadline, n.status, date):
        return []
    words = say("doubt.overdue_words", deadline=n.deadline, said=n.status_evidence or _stated(n.status)).zh
    reason = say("doubt.overdue", deadline=n.deadline, date=date, status=_status(n.status))
    return [doubt("overdue", sides[1:], words, reason)]


def _deadline_moved(o: Item, n: Item, sides) -> list:
    """3. The deadline moved later between the versions."""
    before, after = deadline_date(o.deadline), deadline_date(n.deadline)
    if not before or not after or after <= before:
        return []
    words = say("doubt.deadline_words", chain=f"{o.deadline} → {n.deadline}").zh
    reason = say("doubt.deadline_moved", old=o.deadline, new=n.deadline)
    return [doubt("deadline_moved", sides, words, reason)]


def _relapsed(o: Item, n: Item, sides) -> list:
    """6. Done, then unfinished again."""
    if o.status != "completed" or n.status not in UNFINISHED:
        return []
    return [relapse(o, n, sides)]


def relapse(o: Item, n: Item, sides):
    """The 反复 doubt of an item done in ``o`` and unfinished in ``n``."""
    words = f"“{o.status_evidence or _stated(o.status)}” → “{n.status_evidence or _stated(n.status)}”"
    reason = say("doubt.relapsed", status=_status(n.status))
    return doubt("relapsed", sides, words, reason)


def _vanished(o: Item, side):
    """5. Gone unfinished, named nowhere in the later version."""
    words = o.status_evidence or o.heading
    reason = say("doubt.vanished", status=_status(o.status))
    return doubt("vanished", [side], words, reason)


def _figures_fell(c: Comparison, old_rows: dict, new_rows: dict, old_label: str, new_label: str) -> list:
    """4. A running total or a completion rate fell while the status stayed or advanced."""
    moves = {p.new_id: p.status_change for p in c.pair_rows}
    kinds = {p.new_id: p.kind for p in c.pair_rows}
    out = []
    for m in c.metric_change_rows:
        falls = m.change == "changed" and m.delta is not None and m.delta < 0
        rate = m.unit == "%" and DOUBT_RATE_LABEL.search(norm(m.label or ""))
        rate = rate and kinds.get(m.new_id) in RECTIFIED_KINDS  # a section's rate is a stated total's (below)
        if not falls or not (m.cumulative or rate) or moves.get(m.new_id) not in ("unchanged", "improved"):
            continue
        words = f"{m.label} {m.old_text} → {m.new_text}"
        reason = say("doubt.rate_fell" if rate else "doubt.running_fell")
        sides = [place(old_label, old_rows.get(m.old_id), at=(m.old_source, m.old_source_at)),
                 place(new_label, new_rows.get(m.new_id), at=(m.new_source, m.new_source_at))]  # fmt: skip
        out.append(doubt("cumulative_fell", sides, words, reason))
    for t in c.total_rows:
        before, after = t.old_stated_rate, t.new_stated_rate
        if before is not None and after is not None and after < before:
            words = f"“{t.old_evidence}” → “{t.new_evidence}”"
            reason = say("doubt.stated_rate_fell", category=t.category, before=before, after=after)
            sides = [_total_place(old_label, t.category, c.old), _total_place(new_label, t.category, c.new)]
            out.append(doubt("cumulative_fell", sides, words, reason))
    return out


def _total_place(version: str, category: str, report: Report) -> Place:
    """出处 of a stated total: where the report states it."""
    first = next((t for t in report.total_rows if t.category == category), None)
    if first is None:
        return Place(version, heading=category)
    return replace(place(version, None, at=(first.source, first.source_at)), heading=category)


def _totals_mismatch(c: Comparison, new_rows: dict, new_label: str) -> list:
    """8. The later version's totals leave no room for the items' own statuses (newly said):
    one doubt per stated total, naming every item it leaves no room for."""
    said_before = {r.message for r in c.old.check_rows if r.check == "totals_vs_statuses"}
    quoted = {f"“{r.number} {r.heading}”".replace("“ ", "“"): r for r in new_rows.values()}
    by_total: dict[str, list] = {}
    for r in c.new.check_rows:
        if r.check == "totals_vs_statuses" and r.severity != "ok" and r.message not in said_before:
            by_total.setdefault(r.message.split(":", 1)[0], []).append(r)
    out = []
    for category, found in by_total.items():
        stated = next((t.evidence for t in c.new.total_rows if t.category == category), "")
        rows = [next((row for q, row in quoted.items() if q in r.message), None) for r in found]
        words = "“" + "”;“".join(dict.fromkeys([stated] + [r.evidence for r in found if r.evidence])) + "”"
        reason = ("；".join(r.message for r in found), "; ".join(r.message_en for r in found))
        out.append(doubt("totals_mismatch", [place(new_label, row, evidence=True) for row in rows], words, reason))
    return out
