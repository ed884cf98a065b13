"""What an item says of its own status: a small grammar over the lexicon (marker × core × tail).

``find_phrases`` reads every status phrase in a text (正在推进, 仍在加快推进, 尚未全部完成,
已于2023年5月完成整改, 已全部拆除完毕, 完成率100% …); where readings overlap the longest wins, so
未完成 never reads as 完成. A completion that takes an object (已完成50个项目的决算审核) belongs to one
measure and is marked so; an upkeep phrase (长期坚持, 持续推进) is marked as a tail.

``Phrase`` is what the grammar finds, ``Status`` what ``verdict.item_status`` decides from an item's
body by the rules of ../shared/status/GUIDE.md (a status field first, else the verdict sentence
about the item). The dependency runs one way: the verdict reads the grammar, never the reverse.
"""

from __future__ import annotations

from functools import lru_cache

from ..frozen import frozen
from ..zh import lexicon as lx
from ..zh.compiled import regex
from ..zh.normalize import norm
from ..zh.numerals import parse_number
from .starts import scanned

_COUNT_TAIL = rf"(?:\d+|[{lx.CHINESE_NUMERAL}]+)[{lx.COUNT_UNITS}]"
_FILLER_TAIL = f"(?:{lx.STATUS_FILLER})?"
#: 正 after 真 / 纠 / 公 … ends a word (纠正在…); after 整改 it opens the marker (整改正在推进); 仍在 / 尚在 take any
_MARK_START = rf"(?:(?<![{lx.NOT_ONGOING_BEFORE}])|(?<={lx.RECTIFY_WORD})|(?!{lx.WORD_ENDING_MARK}))"
# the three marked readings share _MARK_START, written once: it takes no character and captures
# nothing, so M(?:X|Y|Z) matches what M X|M Y|M Z does, with one class compiled instead of three
_ONGOING = (
    rf"{_MARK_START}(?:(?:{lx.ONGOING_MARK})(?:{lx.ONGOING_MANNER})*(?:(?:{lx.ONGOING_VERB})+|[\u4e00-\u9fff]{{1,2}})"
    rf"(?:{lx.ONGOING_SUFFIX})?{_FILLER_TAIL}"
    rf"|(?:{lx.ONGOING_SHORT_MARK})(?:{lx.ONGOING_MANNER})*(?:{lx.ONGOING_VERB})+(?:{lx.ONGOING_SUFFIX})?{_FILLER_TAIL}"
    rf"|(?:{lx.ONGOING_OPEN_MARK})(?:{lx.ONGOING_MANNER})+[\u4e00-\u9fff]{{1,2}}(?:{lx.ONGOING_SUFFIX})?)"
    rf"|(?:{lx.ONGOING_MANNER})*(?:{lx.ONGOING_VERB})+{lx.ONGOING_SUFFIX}(?![{lx.NOT_SUFFIX_BEFORE}])"
    rf"|(?:{lx.ONGOING_WORDS})(?:{lx.ONGOING_SUFFIX}(?![{lx.NOT_SUFFIX_BEFORE}]))?{_FILLER_TAIL}|(?:{lx.CONTINUATION})(?:{lx.ONGOING_SUFFIX})?"
)
_COMPLETED = (
    rf"{lx.COMPLETION_WORDS}|{lx.RECOVERED}"
    rf"|(?:{lx.COMPLETION_MARK})(?:{lx.COMPLETION_DATE})?(?:{lx.COMPLETION_MANNER})?(?:{lx.COMPLETION_CORE_MARKED})"
    rf"{_FILLER_TAIL}|(?:{lx.COMPLETION_CORE_ALONE}){_FILLER_TAIL}"
)
_GRAMMAR = [
    (
        "not_completed",
        rf"(?:{lx.NEGATION})(?:{lx.NEGATION_WHEN})?(?:{lx.NEGATION_MANNER})?(?:{lx.NEGATED}){_FILLER_TAIL}"
        rf"|{lx.NOT_DONE_WORDS}|{lx.DEFERRED}",
    ),
    ("in_progress", _ONGOING),
    ("phase_completed", lx.PHASE_WORDS),
    (
        "substantially_completed",
        rf"(?:{lx.SUBSTANTIAL_MARK})(?:{lx.SUBSTANTIAL_CORE}){_FILLER_TAIL}|{lx.SUBSTANTIAL_AFTER}",
    ),
    ("completed", _COMPLETED),
]


_PATTERNS = [(status, scanned(pattern)) for status, pattern in _GRAMMAR]
_RECOVERED = regex(lx.RECOVERED)
_DEFERRED = regex(lx.DEFERRED)
_ONGOING_MARKED = regex(rf"^(?:{lx.ONGOING_MARK}|{lx.ONGOING_SHORT_MARK})")
_AFTER_COUNT = regex(rf"(?:{lx.COUNTED_WORDS})?{_COUNT_TAIL}")
#: a negation used as an attribute names a category (未整改到位问题), it states no status
_ATTRIBUTE = lx.NEGATION_ATTRIBUTE
#: a run of sentence characters at a time, not one per turn of the loop (the same matches: the run
#: stops only where a comma or an end does, and what follows the loop cannot fail), 3.6x faster
SENTENCE = regex(rf"(?:{lx.STATUS_SENTENCE_CHAR}+|,(?!{lx.STATEMENT_OPENERS}))+{lx.STATUS_SENTENCE_END}?")
# from the start of a run of digits (numerals) only: not quadratic on a long run
_COUNT = regex(rf"((?<!\d)\d+|(?<![{lx.CHINESE_NUMERAL}])[{lx.CHINESE_NUMERAL}]+)[{lx.COUNT_UNITS}]")
_CONTINUATION = regex(lx.CONTINUATION)
_CLAUSE_BREAK = regex(r"[,;]")


@frozen
class Phrase:
    """One status phrase found in a normalized text."""

    status: str
    start: int
    end: int
    measure: bool = False  # a completion with an object: it speaks of one measure, not the item
    tail: bool = False  # upkeep (长期坚持, 持续推进): never downgrades a completed-level verdict
    share: bool = False  # a share done (完成投资的85%, 整改率100%)


@frozen
class Status:
    """The status of one item, the words that decided it and where they stand."""

    status: str = "unknown"
    text: str = ""  # the phrase as printed
    evidence: str = ""  # the sentence it stands in
    done: int | None = None
    total: int | None = None
    source: str = "unknown"  # label, item, summary, section, stated_total or unknown
    unread: str = ""  # why the status words found could not be read (status_unread), else ''
    unread_evidence: str = ""  # the sentence that holds them
    weak: bool = False  # only ongoing measures say it (R3): a summary, section or total may still decide


UNKNOWN = Status()


@lru_cache(maxsize=1 << 14)
def find_phrases(n: str) -> tuple[Phrase, ...]:
    """Every status phrase of a normalized text, in order; overlaps resolved longest first.

    Upkeep said on its own (整改工作持续推进) is left to the verdict rules (``find_readings``): a
    count next to it (共指出7个具体问题,整改工作持续推进) is no count of ongoing items."""
    return tuple(p for p in _grammar_phrases(n) if not p.tail or _aspect(n[p.start : p.end]))


def _aspect(text: str) -> bool:
    """正在… / …中: the phrase says ongoing by its aspect, not by an upkeep word alone."""
    return bool(_ONGOING_MARKED.search(text)) or text.endswith(lx.ONGOING_SUFFIX)


@lru_cache(maxsize=1 << 14)
def _grammar_phrases(n: str) -> tuple[Phrase, ...]:
    found = [(m.start(), m.end(), status) for status, rx in _PATTERNS for m in rx.finditer(n)]
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    taken: list[tuple[int, int, str]] = []
    for start, end, status in found:
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, status))
    return tuple(p for p in (_phrase(n, s, e, status) for s, e, status in taken) if p is not None)


@lru_cache(maxsize=1 << 14)
def find_readings(n: str) -> tuple[Phrase, ...]:
    """``find_phrases`` and the shares done (完成投资的85%, 整改率100%), as the verdict rules read them."""
    phrases = list(_grammar_phrases(n))
    for m in lx.SHARE_DONE.finditer(n):  # 已完成投资的85%: the share is the reading, not the 已完成 inside it
        # (nor the stage: 完成年度任务的80% is a share of the year's task, not the task done)
        phrases = [
            p
            for p in phrases
            if p.end <= m.start() or p.start >= m.end() or p.status not in ("completed", "phase_completed")
        ]
        if all(m.end() <= p.start or m.start() >= p.end for p in phrases):
            value = float(m.group(1))
            phrases.append(Phrase("completed" if value >= 100 else "in_progress", m.start(), m.end(), share=True))
    for m in lx.SHARE_FRACTION.finditer(n):  # 已完成18/30: a share as a fraction (a date 2023/12 is none: done ≤ whole)
        done, whole = int(m.group(1)), int(m.group(2))
        if not 0 < whole or done > whole:
            continue
        phrases = [p for p in phrases if p.end <= m.start() or p.start >= m.end() or p.status != "completed"]
        if all(m.end() <= p.start or m.start() >= p.end for p in phrases):
            phrases.append(Phrase("completed" if done == whole else "in_progress", m.start(), m.end(), share=True))
    return tuple(sorted(phrases, key=lambda p: p.start))


def _phrase(n: str, start: int, end: int, status: str) -> Phrase | None:
    text = n[start:end]
    if status == "not_completed" and _DEFERRED.fullmatch(text) and _past_stop(n, start):
        return None  # 曾因资金问题暂缓实施,现已恢复施工: a stop that is over (R11)
    if status == "not_completed" and lx.SLOW_PACE.fullmatch(text) and _past_stop(n, start, lx.PAST_PACE):
        return None  # 整改初期进度滞后,…现已整改完毕: a slow start that is over (R2, R7)
    if status != "in_progress":
        # 已全部收回违规出借资金50万元: 全部 makes the object the whole amount, not one measure's
        whole = status == "completed" and _RECOVERED.fullmatch(text) is not None
        return Phrase(status, start, end, not whole and _takes_object(n, status, end))
    # 专项整治中排查出 / 持续推进城乡供水一体化: without 正在 the phrase must end its clause
    marked = bool(_ONGOING_MARKED.search(text))
    tail = bool(lx.CONTINUATION_START.match(text)) or _CONTINUATION.fullmatch(text) is not None
    # (a count right after is a tally, not an object: 部分整改4项)
    if not marked and end < len(n) and n[end] not in lx.STATUS_PHRASE_END and not _AFTER_COUNT.match(n, end):
        return None  # 持续推进城乡供水一体化 / 常态化开展明察暗访: how a measure is done, no status
    if not marked and (n[max(0, start - 2) : start] in lx.LIGHT_VERBS or n[start - 1 : start] == lx.ATTRIBUTIVE):
        return None  # 对21个问题进行持续整改 / 案件的办理中: the phrase is a noun here
    return Phrase(status, start, end, tail=tail)


def _past_stop(n: str, start: int, markers=lx.PAST_STOP) -> bool:
    """曾 / 一度 / 此前 … earlier in the clause of a 暂缓 (or, by ``markers``, of a slow pace): it is past."""
    clause_start = max(n.rfind(c, 0, start) for c in ",;。\n") + 1
    return markers.search(n, clause_start, start) is not None


def _takes_object(n: str, status: str, end: int) -> bool:
    """Does the phrase run on into an object (已完成50个项目的…, 未整改到位问题, 尚未完成审计结算)?"""
    rest = n[end:]
    if not rest:
        return False
    if status == "not_completed":
        if rest.startswith(lx.RECTIFY_WORD) or _AFTER_COUNT.match(rest):  # 尚未启动整改 / 未完成1个: no object
            return False
        return bool(_ATTRIBUTE.match(rest)) or (
            rest[0] not in lx.STATUS_PHRASE_END and rest[0] not in lx.NEGATION_JOINS
        )
    count = _AFTER_COUNT.match(rest)
    after = rest[count.end() :] if count else rest
    return bool(after) and after[0] not in lx.STATUS_PHRASE_END and after[0] not in lx.COMPLETION_JOINS


def status_of(phrase: str) -> str:
    """Canonical status of a status phrase (original or normalized text)."""
    n = norm(phrase)
    return next((p.status for p in find_readings(n) if p.start == 0 and p.end == len(n)), "unknown")


@lru_cache(maxsize=1 << 12)
def sentences(n: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of a normalized text; 截至目前 after a comma opens a new one.

    Cached: the verdict, the summaries and the sections each read the same body by sentence."""
    return tuple((m.start(), m.end()) for m in SENTENCE.finditer(n))


def count_near(sentence: str, phrase: Phrase) -> int | None:
    """The count a phrase is said of: right after it (已整改完成18个) or just before it (15个问题已…)."""
    after = _AFTER_COUNT.match(sentence, phrase.end)
    if after:
        m = _COUNT.search(after.group())
        return _int(m.group(1)) if m else None
    window = sentence[max(0, phrase.start - 10) : phrase.start]
    window = _CLAUSE_BREAK.split(window)[-1]  # 18个,其余问题已完成整改: the 18 belongs to the clause before
    before = list(_COUNT.finditer(window))
    return _int(before[-1].group(1)) if before else None


def total_before(n: str, s: int, e: int, done: int | None) -> int | None:
    """The whole a partial count belongs to: a larger count in the sentence, else before it."""
    larger = [v for m in _COUNT.finditer(n, s, e) if (v := _int(m.group(1))) is not None and v > (done or 0)]
    if larger:
        return larger[0]
    earlier = [v for m in _COUNT.finditer(n, 0, s) if (v := _int(m.group(1))) is not None and v > (done or 0)]
    return earlier[-1] if earlier else None


def _int(text: str) -> int | None:
    value = parse_number(text)
    return int(value) if value is not None else None
