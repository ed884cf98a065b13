"""What an item says of its own status: a small grammar over the lexicon, then a choice of
the sentence that speaks for the item as a whole.

``find_phrases`` reads every status phrase in a text (正在推进, 仍在加快推进, 尚未全部完成,
已全部拆除完毕 …); where readings overlap the longest wins, so 未完成 never reads as 完成. A
completion that takes an object (已完成50个项目的决算审核) belongs to one measure and is marked so.

``item_status`` decides from an item's body: a field label (整改状态:…) first, then the
concluding sentence (目前… / 截至目前… / 该问题…, else the last sentence). A remainder
(已整改完成18个,其余正在推进) or a tally (15个已完成,8个基本完成) gives the worst status of
its parts together with the progress (18 of 30); 其余…已完成 completes the count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import STATUS_ORDER
from ..zh import lexicon as lx
from ..zh.normalize import norm
from ..zh.numerals import parse_number

_COUNT_TAIL = rf"(?:\d+|[{lx.CHINESE_NUMERAL}]+)[{lx.COUNT_UNITS}]"
_FILLER_TAIL = "(?:工作|任务|事项|目标)?"
_GRAMMAR = [
    ("not_completed", rf"(?:{lx.NEGATION})(?:{lx.NEGATION_MANNER})?(?:{lx.NEGATED})|{lx.NOT_DONE_WORDS}"),
    (
        "in_progress",
        rf"(?:{lx.ONGOING_MARK})(?:{lx.ONGOING_MANNER})*(?:{lx.ONGOING_VERB})+(?:{lx.ONGOING_SUFFIX})?{_FILLER_TAIL}"
        rf"|(?:{lx.ONGOING_MANNER})*(?:{lx.ONGOING_VERB})+{lx.ONGOING_SUFFIX}(?![央国共心层期间小学华])"
        rf"|{lx.ONGOING_WORDS}",
    ),
    ("phase_completed", lx.PHASE_WORDS),
    ("substantially_completed", rf"(?:{lx.SUBSTANTIAL_MARK})(?:{lx.SUBSTANTIAL_CORE}){_FILLER_TAIL}"),
    (
        "completed",
        rf"{lx.COMPLETION_WORDS}|(?:{lx.COMPLETION_MARK})(?:{lx.COMPLETION_CORE_MARKED}){_FILLER_TAIL}"
        rf"|(?:{lx.COMPLETION_CORE_ALONE}){_FILLER_TAIL}",
    ),
]
_PATTERNS = [(status, re.compile(pattern)) for status, pattern in _GRAMMAR]
_AFTER_COUNT = re.compile(rf"(?:问题|事项|任务)?{_COUNT_TAIL}")
#: a negation used as an attribute names a category (未整改到位问题), it states no status
_ATTRIBUTE = re.compile("问题|事项|任务|的")
_SENTENCE = re.compile(rf"(?:[^。;;!!??\n,]|,(?!{lx.STATEMENT_OPENERS}))+[。;;!!??,]?")
_COUNT = re.compile(rf"(\d+|[{lx.CHINESE_NUMERAL}]+)[{lx.COUNT_UNITS}]")
_LABEL = re.compile(rf"^\s*(?:\d+[.、]\s*)?({lx.STATUS_LABELS}|{lx.NARRATIVE_LABELS})\s*{lx.LABEL_SEPARATOR}")
_NARRATIVE_LABEL = re.compile(rf"^(?:{lx.NARRATIVE_LABELS})$")


@dataclass(frozen=True)
class Phrase:
    """One status phrase found in a normalized text."""

    status: str
    start: int
    end: int
    measure: bool = False  # a completion with an object: it speaks of one measure, not the item


@dataclass(frozen=True)
class Status:
    """The status of one item, the words that decided it and where they stand."""

    status: str = "unknown"
    text: str = ""  # the phrase as printed
    evidence: str = ""  # the sentence it stands in
    done: int | None = None
    total: int | None = None
    source: str = "unknown"  # label, item, summary, section, stated_total or unknown


UNKNOWN = Status()


@lru_cache(maxsize=1 << 14)
def find_phrases(n: str) -> tuple[Phrase, ...]:
    """Every status phrase of a normalized text, in order; overlaps resolved longest first."""
    found = [(m.start(), m.end(), status) for status, rx in _PATTERNS for m in rx.finditer(n)]
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    taken: list[tuple[int, int, str]] = []
    for start, end, status in found:
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, status))
    return tuple(Phrase(status, s, e, _takes_object(n, status, e)) for s, e, status in sorted(taken))


def _takes_object(n: str, status: str, end: int) -> bool:
    """Does the phrase run on into an object (已完成50个项目的…, 未整改到位问题)?"""
    rest = n[end:]
    if status == "in_progress" or not rest:
        return False
    if status == "not_completed":
        return bool(_ATTRIBUTE.match(rest))
    count = _AFTER_COUNT.match(rest)
    after = rest[count.end() :] if count else rest
    return bool(after) and after[0] not in lx.STATUS_PHRASE_END and after[0] not in "并及且和与"


def status_of(phrase: str) -> str:
    """Canonical status of a status phrase (original or normalized text)."""
    n = norm(phrase)
    return next((p.status for p in find_phrases(n) if p.start == 0 and p.end == len(n)), "unknown")


def sentences(n: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a normalized text; 截至目前 after a comma opens a new one."""
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(n)]


def item_status(body: str, skip: tuple[tuple[int, int], ...] = (), strict: bool = False) -> Status:
    """The status an item's body gives itself (source ``label`` or ``item``), else ``UNKNOWN``.

    ``skip`` holds spans of the body that speak of other items (summary sentences); ``strict``
    accepts only a label or a concluding sentence (for prose, whose last sentence is no verdict).
    """
    n = norm(body)
    labelled = _label_status(body, n)
    if labelled is not None:
        return labelled
    spans = [(s, e) for s, e in sentences(n) if not any(a <= s < b for a, b in skip)]
    best = None
    for idx, (s, e) in enumerate(spans):
        sentence = n[s:e].lstrip(" ,")
        phrases = [p for p in find_phrases(n[s:e]) if not p.measure]
        if not phrases or lx.FUTURE.match(sentence):
            continue
        concluding = bool(lx.STATUS_CONCLUDING.match(sentence)) or lx.REMAINDER in sentence
        last = idx == len(spans) - 1 or len(spans) == 1
        if concluding:
            strength = 3
        elif last and (phrases[0].status in _UNFINISHED or _speaks_for_item(n[s:e], phrases[0])):
            strength = 2
        else:
            strength = 1
        if best is None or (strength, idx) >= best[:2]:
            best = (strength, idx, s, e)
    if best is None or best[0] < (3 if strict else 2):
        return UNKNOWN
    return _decide(body, n, best[2], best[3], "item")


#: a part still ongoing or undone leaves the whole item unfinished, whatever the part's subject
#: (龙山道正在施工); a part completed says nothing of the whole (金钟新城…拆除工作全部完成)
_UNFINISHED = {"in_progress", "not_completed"}


def _speaks_for_item(sentence: str, phrase: Phrase) -> bool:
    """No subject of its own before the phrase: 已完成整改 / 一是…均已完成, not 金钟新城…拆除工作全部完成."""
    head = sentence[: phrase.start]
    return len(head) - lx.GENERIC_SUBJECT.match(head).end() <= lx.MAX_GENERIC_SUBJECT


def _label_status(body: str, n: str) -> Status | None:
    """A field label under the item decides: 整改状态:尚未完成, 整改进展:正在推进."""
    decided = None
    for line_start, line in _lines(n):
        m = _LABEL.match(line)
        if not m:
            continue
        narrative = bool(_NARRATIVE_LABEL.match(m.group(1)))
        value_start, value_end = line_start + m.end(), line_start + len(line)
        value = n[value_start:value_end]
        phrases = [p for p in find_phrases(value) if not p.measure]
        if phrases:
            if narrative and not _bare(value, phrases[0]):
                continue  # 整改情况:已完成50个项目的决算审核… describes measures
            status = _decide(body, n, value_start, value_end, "label")
        else:
            lenient = _lenient(value.strip(" 。;"), m.group(1))
            if lenient is None:
                continue
            evidence = body[line_start:value_end].strip()
            status = Status(lenient, body[value_start:value_end].strip(), evidence[:200], source="label")
        if decided is None or not narrative:
            decided = status  # a status label (整改状态) outranks a narrative one (整改情况)
    return decided


def _lenient(value: str, label: str) -> str | None:
    """A status column says 持续推进 or 完成 without the words prose needs (正在…, 已…)."""
    if _NARRATIVE_LABEL.match(label) and len(value) > 12:
        return None
    if lx.LABEL_ONGOING.match(value):
        return "in_progress"
    return "completed" if lx.LABEL_DONE.match(value) else None


def _lines(n: str):
    start = 0
    for line in n.split("\n"):
        yield start, line
        start += len(line) + 1


def _bare(value: str, phrase: Phrase) -> bool:
    """The value is the status itself (已完成。/ 目前已整改到位), not a list of measures."""
    head = value[: phrase.start].strip(" ,")
    return len(head) <= 6 and len(value[phrase.end :].strip(" 。,;")) <= 12


def _decide(body: str, n: str, s: int, e: int, source: str) -> Status:
    """The status stated by ``n[s:e]``: one phrase, or a remainder or tally of counts."""
    sentence = n[s:e]
    phrases = [p for p in find_phrases(sentence) if not p.measure]
    counted = [(p, _count_near(sentence, p)) for p in phrases]
    remainder = sentence.find(lx.REMAINDER)
    tally = sum(1 for _, c in counted if c is not None) >= 2 or (remainder >= 0 and len(phrases) >= 2)
    if not tally:
        chosen = phrases[0]
        done = counted[0][1]
        total = _total_before(n, s, e, done) if done is not None and chosen.status == "completed" else None
        if total is not None and not lx.ALL_OF.search(sentence):
            # 发现问题105个,已整改问题95个: part of a count is done, the item is not
            return _status(body, n, s, e, chosen, "in_progress", done, total, source)
        return _status(body, n, s, e, chosen, chosen.status, None, None, source)
    done = sum(c for p, c in counted if c is not None and p.status == "completed") or None
    rest = [p for p in phrases if remainder >= 0 and p.start > remainder]
    statuses = {p.status for p in phrases}
    if rest and all(p.status == "completed" for p in rest):
        statuses = {p.status for p in phrases if p.start < remainder or p.status == "completed"}
    worst = min(statuses, key=STATUS_ORDER.index)
    total = _total_before(n, s, e, done)
    if rest and all(p.status == "completed" for p in rest) and worst == "completed":
        done = total if total is not None else done
    chosen = next(p for p in phrases if p.status == worst)
    return _status(body, n, s, e, chosen, worst, done, total, source)


def _status(body, n, s, e, phrase: Phrase, status, done, total, source) -> Status:
    evidence = body[s:e].strip(" ,,")
    text = body[s + phrase.start : s + phrase.end]
    return Status(status, text, evidence[:200], done, total, source)


def _count_near(sentence: str, phrase: Phrase) -> int | None:
    """The count a phrase is said of: right after it (已整改完成18个) or just before it (15个问题已…)."""
    after = _AFTER_COUNT.match(sentence, phrase.end)
    if after:
        m = _COUNT.search(after.group())
        return _int(m.group(1)) if m else None
    window = sentence[max(0, phrase.start - 10) : phrase.start]
    window = re.split(r"[,;]", window)[-1]  # 18个,其余问题已完成整改: the 18 belongs to the clause before
    before = list(_COUNT.finditer(window))
    return _int(before[-1].group(1)) if before else None


def _total_before(n: str, s: int, e: int, done: int | None) -> int | None:
    """The whole a partial count belongs to: a larger count in the sentence, else before it."""
    larger = [v for m in _COUNT.finditer(n, s, e) if (v := _int(m.group(1))) is not None and v > (done or 0)]
    if larger:
        return larger[0]
    earlier = [v for m in _COUNT.finditer(n, 0, s) if (v := _int(m.group(1))) is not None and v > (done or 0)]
    return earlier[-1] if earlier else None


def _int(text: str) -> int | None:
    value = parse_number(text)
    return int(value) if value is not None else None
