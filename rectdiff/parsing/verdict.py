"""The status an item's body gives itself, by the rules of ../shared/status/GUIDE.md.

R1 a status field (整改状态: / 整改进展情况: / 完成情况: …) decides wherever it stands; a field that
holds a narrative is read like prose, a cross-reference says nothing, and 整改时限 / 整改目标 /
整改措施 / 责任单位 are no status fields. R2 otherwise the verdict said of the item decides (目前 /
该问题 / 综上 …, first or last). R3 a completion of one measure is no verdict, ongoing work is.
R4 remainders, tallies and shares give the worst part unless a 基本 / 阶段性 verdict allows for it.
R5 plans state nothing. R6 negation of the item wins. R8 upkeep tails never downgrade. R10 quoted
problem text and earlier rounds are blanked before reading (``status_text``). R13 two statuses that nothing decides
leave the item unknown, and every such case is reported (``Status.unread``), never guessed.
"""

from __future__ import annotations

import re
from dataclasses import field, replace

from ..frozen import mutable
from ..rules import STATUS_ORDER
from ..zh import lexicon as lx
from ..zh.compiled import regex
from ..zh.lexicon.lazy import pattern
from ..zh.normalize import norm
from .status import UNKNOWN, Phrase, Status, count_near, find_readings, total_before
from .status_text import blanked, labelled_fields, masked, sentence_spans

_DONE_LEVEL = {"completed", "substantially_completed", "phase_completed"}
_PARTLY_DONE = {"substantially_completed", "phase_completed"}
_ALLOWS_PARTS = {"substantially_completed", "phase_completed", "in_progress", "not_completed"}
_DIGIT = regex(r"\d")
_RECOVERED = regex(lx.RECOVERED)
# compiled on first use, as the two below: only a body with a remainder after a count reads it
_OPEN_COUNTED_REST = pattern(rf"(?:\d+|[{lx.CHINESE_NUMERAL}]+)[{lx.COUNT_UNITS}]{lx.OPEN_REST_NEGATION}")
_VALUE_END = pattern(lx.FIELD_VALUE_END)  # only a status field that holds a narrative


@mutable
class _Reading:
    """What one span of a body says: its item verdicts and the parts and measures around them."""

    verdicts: list = field(default_factory=list)  # (Phrase, sentence start, sentence end), absolute
    parts: list = field(default_factory=list)  # remainders, counted parts, shares
    ongoing: list = field(default_factory=list)  # ongoing work of one measure (R3)
    negated: list = field(default_factory=list)  # a negation said of one measure or object
    unread: list = field(default_factory=list)  # verdict sentences whose status words read as nothing
    end: int = 0  # where the last sentence of the span starts


def item_status(body: str, skip: tuple[tuple[int, int], ...] = (), strict: bool = False) -> Status:
    """The status an item's body gives itself (source ``label`` or ``item``), else unknown with the reason.

    ``skip`` holds spans of the body that speak of other items (summary sentences); ``strict``
    accepts only a status field or a verdict sentence (for prose, whose last sentence is no verdict).
    """
    n = norm(body)
    m = masked(n, skip)
    fields = labelled_fields(m)
    prose = blanked(m, [(start, end if kind != "narrative" else value) for kind, start, value, end in fields])
    rest = _read(prose, 0, len(prose), lead=False, strict=strict)
    decided = None
    for kind, _, value_start, value_end in fields:
        value = m[value_start:value_end].strip(" 。;")
        if kind != "status" or not value or lx.CROSS_REFERENCE.match(n[value_start:value_end].strip(" ")):
            continue
        reading = _read(m, value_start, value_end, lead=True)
        found = _decide(body, m, reading, "label") or _lenient(body, m, value_start, value_end)
        if found is None:
            decided = decided or _unread(body, value_start, value_end, "field")
        elif decided is None or decided.status == "unknown":
            decided = found
        elif found.status != decided.status:
            return _unread(body, value_start, value_end, "conflict")
    if decided is not None and decided.status != "unknown":
        negation = next((v for v in rest.verdicts if v[0].status == "not_completed"), None)
        # 整改状态:已完成 … 目前该问题尚未完成整改 (a 基本 field allows 尚未完全整改到位)
        if negation and decided.status in _DONE_LEVEL and not _allowed(m, decided.status, [negation]):
            return _unread(body, negation[1], negation[2], "conflict")
        return decided
    found = _decide(body, m, rest, "item")
    if found is not None:
        return found
    if decided is not None:
        return decided
    return _why_unread(body, rest)


def _read(m: str, a: int, b: int, lead: bool, strict: bool = False) -> _Reading:
    """Classify every status phrase of ``m[a:b]``: verdict, part, ongoing measure or measure."""
    out = _Reading()
    done_seen = False
    spans = sentence_spans(m, a, b)
    out.end = spans[-1][1] if spans else b
    for index, (s, e) in enumerate(spans):
        sentence = m[s:e]
        opening = lx.CONTRAST.sub("", sentence.lstrip(" ,:"))
        marker = bool(lx.STATUS_CONCLUDING.match(opening)) or (lead and index == 0)
        measure = bool(lx.MEASURE_START.match(opening)) and not marker
        phrases = [p for p in find_readings(sentence) if not _future(sentence, p) and not lx.FUTURE.match(opening)]
        if lead and index == 0:
            phrases = _bare_done(sentence, phrases)
        if not phrases and marker and lx.STATUS_VOCABULARY.search(sentence):
            out.unread.append((s, e))
        done_here = False
        for p in phrases:
            role = _role(sentence, p, marker, measure)
            if (done_seen and p.tail) or (
                done_here and p.status == "in_progress" and role != "parts" and not _agent(sentence, p)
            ):
                continue  # 已完成整改,长期坚持 / 已完成年度目标任务,正按计划持续推进: upkeep (R8)
                # (区水务局已完成整改,区住建局正在整改: another body's work under way is no upkeep)
            if strict and not marker:
                continue
            if role == "partial":
                p, role = replace(p, status="in_progress"), "parts"
            if role == "verdict":
                out.verdicts.append((p, s, e))
                if p.status in _DONE_LEVEL:
                    done_seen = done_here = True
            elif role != "measure":
                getattr(out, role).append((p, s, e))
    return out


def _bare_done(sentence: str, phrases: list) -> list:
    """完成,长期坚持 / 完成(2023年11月),常态化推进: a status field whose first clause is a bare 完成 / 是
    says done, as a whole cell does (``_lenient``); what follows is read as a tail or a part, never as the
    verdict (R8)."""
    lead = len(sentence) - len(sentence.lstrip(" :"))
    clause = re.match(lx.BARE_CLAUSE, sentence[lead:]).group().strip()
    if not clause or not lx.LABEL_DONE.match(clause):
        return phrases
    start, end = lead, lead + len(clause)
    if any(p.start < end and p.end > start for p in phrases):
        return phrases  # the grammar reads the clause itself (已完成 / 已办结)
    return [Phrase("completed", start, end), *phrases]


def _role(sentence: str, p: Phrase, marker: bool, measure: bool) -> str:
    """verdict, parts, ongoing, negated or measure: whom the phrase speaks of (the unit is the item)."""
    clause_start = max(sentence.rfind(c, 0, p.start) for c in ",:") + 1
    head = lx.DATE_HEAD.sub("", lx.CAUSE.sub("", lx.CONTRAST.sub("", sentence[clause_start : p.start].strip())))
    if p.measure:
        return "negated" if p.status == "not_completed" else "measure"
    if p.share:
        return "parts" if p.status == "in_progress" else ("measure" if measure else "verdict")
    if lx.REMAINDER_WORDS.search(head):
        return "parts"
    if p.status in _DONE_LEVEL and lx.SOME_OF.search(head):
        return "partial"  # 部分问题已整改到位: part done is the item under way
    # 涉及的12户已全部整改到位 / 补贴6.84万元已全部追回: 全部 of a counted whole (not 拆除工作全部完成,
    # not 126个村中已有98个村全部完成: a larger count before it is the whole)
    count = count_near(sentence, p)
    # (各组2019年以前长期未结问题线索全部清零: a year is no count, the 全部 is of one measure's object)
    whole = bool(lx.ALL_OF.search(sentence[p.start : p.end]) or head.endswith(lx.ALL_OF_WORDS)) and bool(
        _DIGIT.search(lx.DATE_IN_TEXT.sub("", head)) or not head
    )
    # 违规资金已全部缴入国库 / 挤占资金已全额归还原资金渠道: 全部 / 全额 is the whole amount, counted or not
    # (GUIDE judgement 5), unless a date makes the object one measure's (2020年以前的…)
    whole = whole or (
        _RECOVERED.fullmatch(sentence, p.start, p.end) is not None
        and lx.WHOLE_AMOUNT.search(sentence, p.start, p.end) is not None
        and not lx.DATE_IN_TEXT.search(head)
    )
    if whole and count is not None and (total_before(sentence, 0, p.start, count) or 0) > count:
        whole = False
    if count is not None and not whole and (not measure or lx.REMAINDER_WORDS.search(sentence)):
        return "parts"  # 已整改17个,其余6个正在整改中; inside one measure only with its remainder
    # (a completion with a noun of its own left, 目前,招标已完成 / 整改方案已完成, speaks of one work, not the item)
    left = len(head) - lx.GENERIC_SUBJECT.match(head).end()
    generic = left == 0 or (p.status not in _DONE_LEVEL and left <= lx.MAX_GENERIC_SUBJECT)
    # 该问题… / 二是…,整改工作暂缓推进: the item named inside a measure still speaks for the item
    pronoun = bool(lx.ITEM_PRONOUN.match(head)) or (generic and bool(lx.ITEM_WORD.search(head)))
    # (2)设备调试滞后,未达到序时进度: a schedule word with no subject of its own measures the item (R12)
    pronoun = pronoun or (not head and lx.SCHEDULE.fullmatch(sentence, p.start, p.end) is not None)
    # 一期已完成,二期正在推进 / 第一阶段任务已完成: a stage's status is one part's, never the item's verdict (R3;
    # 阶段性… phrases are the grammar's, R9)
    stage = bool(lx.STAGE_SUBJECT.search(head))
    if (measure and not pronoun) or stage:
        return {"in_progress": "ongoing", "not_completed": "negated"}.get(p.status, "measure")
    speaks = generic or pronoun or bool(lx.ITEM_SUBJECT.search(head))
    speaks = speaks or _agent(sentence, p, head)
    if p.status in _DONE_LEVEL:
        # 目前跃进路及龙山道已全部完成整改: in a verdict sentence, rectification itself is the item's
        rectified = marker and bool(lx.RECTIFICATION_CORE.search(sentence[p.start : p.end]))
        return "verdict" if speaks or whole or rectified else "measure"
    if speaks or marker:
        return "verdict"
    return "ongoing" if p.status == "in_progress" else "negated"


def _agent(sentence: str, p: Phrase, head: str | None = None) -> bool:
    """整改情况:区水务局已完成整改 / 县住建局尚未完成整改: the rectification done (or not) by the body that
    carries it out is the item's; 区水务局已完成资产清查 stays one measure."""
    if lx.RECTIFICATION_CORE.search(sentence, p.start, p.end) is None:
        return False
    if head is None:
        clause_start = max(sentence.rfind(c, 0, p.start) for c in ",:") + 1
        head = sentence[clause_start : p.start].strip()
    return bool(lx.AGENT_SUBJECT.search(lx.DATE_IN_TEXT.sub("", head).rstrip(" ,")))


def _future(sentence: str, p: Phrase) -> bool:
    """将于 / 计划 / 力争 … before the phrase in its clause: a plan (R5)."""
    clause_start = max(sentence.rfind(c, 0, p.start) for c in ",;:") + 1
    # the window runs one character into the phrase, so that a lookahead sees it (将按计划推进: 将 before 按)
    plan = lx.FUTURE_IN.search(sentence, clause_start, p.start + 1)
    if plan and plan.start() < p.start:
        return True
    # 年底前完成整改: a deadline before an unmarked completion is a plan (已于…前完成 is a past one)
    done = lx.PAST_MARK.match(sentence, p.start)
    return not done and bool(lx.DEADLINE_BEFORE.search(sentence, clause_start, p.start))


def _decide(body: str, m: str, r: _Reading, source: str) -> Status | None:
    """The status a reading gives, or None when it gives none (unknown with a reason is a Status)."""
    if r.verdicts:
        levels = {p.status for p, _, _ in r.verdicts}
        if len(levels) > 1 and "in_progress" in levels and levels & _DONE_LEVEL:
            # 该问题已整改到位。同时,正在修订相关制度: work under way on an object of its own is a measure,
            # and a measure does not override the item's verdict (R2, R3)
            kept = [v for v in r.verdicts if v[0].status != "in_progress" or not _of_measure(m, v)]
            if len(kept) < len(r.verdicts):
                return _decide(body, m, replace(r, verdicts=kept), source)
        if len(levels) > 1:
            negations = [v for v in r.verdicts if v[0].status == "not_completed"]
            partly = levels - {"not_completed"}
            if negations and len(partly) == 1 and _allowed(m, next(iter(partly)), negations):
                # 已基本完成整改,但个别问题尚未完全整改到位: the 基本 verdict allows "not fully" (R4, R6)
                chosen = next(v for v in r.verdicts if v[0].status in partly)
                return _status(body, m, chosen, chosen[0].status, None, None, source)
            if negations:
                return _status(body, m, negations[0], "not_completed", None, None, source)  # negation wins (R6)
            first = r.verdicts[0]
            return _unread(body, first[1], r.verdicts[-1][2], "conflict")  # R13
        chosen = r.verdicts[0]
        status = chosen[0].status
        # 其余6个正在整改 under 已完成整改 competes; a share (办结率98.5%) is a figure of the work, no part
        unfinished = [p for p, _, _ in r.parts if p.status in ("in_progress", "not_completed") and not p.share]
        if unfinished and status not in _ALLOWS_PARTS:
            return _unread(body, chosen[1], r.parts[-1][2], "conflict")  # done, yet a part is open
        if status == "completed" and lx.OPEN_REMAINDER.search(m, chosen[1] + chosen[0].start, r.end):
            return _unread(body, chosen[1], r.end, "conflict")  # 已完成整改,但仍有2户未签约
        done, total = _progress(m, r.parts) if r.parts and status == "completed" else (None, None)
        return _status(body, m, chosen, status, done, total, source)
    if r.parts:
        return _tally(body, m, r, source)
    if r.ongoing and not r.negated and r.ongoing[-1][2] >= r.end:
        # R3 where a verdict would stand (the last sentence, a status field): 目前,退费工作正在进行中.
        # Ongoing work in the middle of a list of measures (三是…正在进行控规调整。四是…) is not read
        found = _status(body, m, r.ongoing[0], "in_progress", None, None, source)  # R3: ongoing work is ongoing
        return replace(found, weak=True)
    return None


def _of_measure(m: str, verdict: tuple) -> bool:
    """正在修订相关制度 / 长效机制正在完善中: ongoing work with an object or a subject of its own, not the item's
    (正在推进整改 / 该问题正在推进 / 正在推进 / 县住建局正在整改 stay the item's)."""
    p, s, _ = verdict
    sentence = m[s : verdict[2]]
    clause_start = max(sentence.rfind(c, 0, p.start) for c in ",:") + 1
    head = lx.CONTRAST.sub("", sentence[clause_start : p.start].strip())
    head = head[lx.GENERIC_SUBJECT.match(head).end() :]
    if lx.ITEM_PRONOUN.match(head) or lx.ITEM_SUBJECT.search(head) or lx.ITEM_WORD.search(head):
        return False
    if _agent(sentence, p):  # 县农业农村局正在整改: another body's rectification, not a measure
        return False
    rest = sentence[p.end :].lstrip(" ")
    takes_object = bool(rest) and rest[0] not in lx.STATUS_PHRASE_END and not rest.startswith(lx.RECTIFY_WORD)
    return takes_object or bool(head)


def _allowed(m: str, status: str, negations: list) -> bool:
    """A 基本 / 阶段性 status and only "not fully" negations (尚未完全整改到位): they say the same."""
    return status in _PARTLY_DONE and all(lx.NOT_FULLY.match(m, s + p.start) for p, s, _ in negations)


def _tally(body: str, m: str, r: _Reading, source: str) -> Status:
    """Remainders and counted parts with no verdict: the worst part decides (R4)."""
    parts = [p for p, _, _ in r.parts] + [p for p, _, _ in r.ongoing]
    statuses = {p.status for p in parts}
    rest = [(p, ps) for p, ps, _ in r.parts if lx.REMAINDER_WORDS.search(m[ps : ps + p.start])]
    done, total = _progress(m, r.parts)
    if rest and all(p.status == "completed" for p, _ in rest) and statuses == {"completed"}:
        return _status(body, m, r.parts[0], "completed", total if total is not None else done, total, source)
    worst = min(statuses, key=STATUS_ORDER.index)
    chosen = next(x for x in r.parts + r.ongoing if x[0].status == worst)
    if worst == "completed" and total is not None and total > (done or 0):
        worst = "in_progress"  # 发现问题105个,已整改问题95个: part of a count is done, the item is not
    if worst in ("completed", "in_progress") and any(_OPEN_COUNTED_REST.search(m, s, e) for _, s, e in r.parts):
        # 已拆除31户,15户尚未拆除: the rest is said not done, in words the grammar does not read (R4)
        return _unread(body, r.parts[0][1], r.parts[-1][2], "negated_part")
    return _status(body, m, chosen, worst, done, total, source)


def _progress(m: str, parts: list) -> tuple[int | None, int | None]:
    """Done count of the completed parts and the whole they belong to (已整改17个,其余6个…)."""
    counts = [(p, count_near(m[s:e], p)) for p, s, e in parts]
    done = sum(c for p, c in counts if c is not None and p.status == "completed") or None
    if done is None:
        return None, None
    s, e = parts[0][1], parts[-1][2]
    return done, total_before(m, s, e, done)


def _lenient(body: str, m: str, a: int, b: int) -> Status | None:
    """A status column says 完成 / 是 / 持续推进 without the words prose needs (正在…, 已…)."""
    value = _VALUE_END.split(m[a:b].strip(" "))[0].strip()  # 完成。(1)…: the value's first sentence
    b = a + m[a:b].find(value) + len(value)
    status = "in_progress" if lx.LABEL_ONGOING.match(value) else ("completed" if lx.LABEL_DONE.match(value) else None)
    if status is None:
        return None
    return Status(status, body[a:b].strip(" 。;"), body[a:b].strip()[:200], source="label")


def _status(body, m, found, status, done, total, source) -> Status:
    phrase, s, e = found
    evidence = body[s:e].strip(" ,,")
    return Status(status, body[s + phrase.start : s + phrase.end], evidence[:200], done, total, source)


def _unread(body: str, s: int, e: int, why: str) -> Status:
    return Status(unread=why, unread_evidence=body[s:e].strip(" ,,")[:200])


def _why_unread(body: str, r: _Reading) -> Status:
    """Nothing decided: say why where status words were there to read (status_unread)."""
    if r.unread:
        return _unread(body, *r.unread[-1], "vocabulary")
    if r.negated:
        return _unread(body, r.negated[0][1], r.negated[0][2], "negated_part")
    return UNKNOWN
