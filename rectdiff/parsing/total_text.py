"""The text a stated total is read from, and the status phrases its counts bind to.

Counts that are never totals are blanked out first (digits to X, positions kept): those in
quotes (“四个意识”, “全县19起超标排放案件均未处罚”问题) and those of the problem's own statement
(问题表现:…, or an item's heading words running on before its first field label), unless that
sentence states a breakdown (23个未整改到位问题中,15个问题已经完成整改).
"""

from __future__ import annotations

from dataclasses import replace

from ..zh import lexicon as lx
from ..zh.compiled import regex
from .starts import scanned
from .status import find_phrases

# a count starts where its run of digits (numerals) starts: a search that tried every digit of a
# long run would read the run to its end from each (quadratic); led by a digit or numeral
# (``scanned``), so that every other position costs one character test
COUNT = scanned(rf"((?<!\d)\d+|(?<![{lx.CHINESE_NUMERAL}])[{lx.CHINESE_NUMERAL}]+)([{lx.TOTAL_COUNT_UNITS}])")
#: a count always ends in one of its units: a text without one counts nothing
COUNT_UNIT = regex(rf"[{lx.TOTAL_COUNT_UNITS}]")
_QUOTED_COUNT = regex(rf"(?<![\d{lx.CHINESE_NUMERAL}])[\d{lx.CHINESE_NUMERAL}]+(?=[{lx.TOTAL_COUNT_UNITS}])")
SENTENCE = regex(lx.TOTAL_SENTENCE)
#: a phrase and the count it is said of sit this close (已完成整改19个 / 15个问题已经完成整改)
_BIND_GAP = lx.PHRASE_COUNT_GAP


def _blank_counts(text: str) -> str:
    return _QUOTED_COUNT.sub(lambda d: "X" * len(d.group()), text)


def mask_quotes(n: str) -> str:
    """Blank out counts in quotes (“四个意识”, “全县19起案件未处罚”问题): slogans and quoted problems."""
    return lx.QUOTE.sub(lambda m: _blank_counts(m.group()), n) if "“" in n else n


def mask_problem_text(n: str, inside_an_item: bool) -> str:
    """Blank out the counts of the problem's own statement: a 问题表现: field, and in an item the
    heading's words running on before its first field label. A sentence there that states a
    breakdown (23个未整改到位问题中,15个问题已经完成整改) keeps its counts; so does a sentence
    before the first label that says any progress (截至目前,12个问题已全部整改到位): only a label
    makes a text the problem for certain."""
    if lx.LABEL_SEPARATOR not in n:
        return n  # no label, no problem field
    spans = []
    for m in lx.PROBLEM_STATEMENT_LABEL.finditer(n):
        after = lx.FIELD_LABEL_ANYWHERE.search(n, m.end())
        spans.append((m.end(), after.start() if after else len(n), True))
    first = lx.FIELD_LABEL_ANYWHERE.search(n) if inside_an_item else None
    if first is not None and first.start() > 0 and not lx.PROBLEM_STATEMENT_LABEL.match(n, first.start()):
        line_end = n.find("\n")
        spans.append((0, first.start() if line_end < 0 else min(first.start(), line_end), False))
    if not spans:
        return n
    out = list(n)
    for a, b, labelled in spans:
        for sentence in SENTENCE.finditer(n, a, b):
            if not _states_breakdown(sentence.group()) and (labelled or not _states_progress(sentence.group())):
                out[sentence.start() : sentence.end()] = _blank_counts(sentence.group())
    return "".join(out)


def _states_progress(sentence: str) -> bool:
    """A status other than not done: a problem as found is never said to be done or under way."""
    return any(p.status != "not_completed" for p in status_phrases(sentence))


def _states_breakdown(sentence: str) -> bool:
    """Two counts or more and a status said of one of them: rectification progress, not the problem."""
    return len(COUNT.findall(sentence)) >= 2 and bool(status_phrases(sentence))


def status_phrases(text: str) -> list:
    """Status phrases that state a status (not 未整改到位问题, which names a category); a
    completion of a stage (阶段性办结) is phase_completed."""
    return [phase(text, p) for p in said_phrases(text) if not p.measure]


def count_phrases(text: str) -> list:
    """Status phrases a count may bind to: as ``status_phrases``, and a completion whose object
    is a counted category (已完成313项整改任务: 313 of them are done)."""
    out = []
    for p in said_phrases(text):
        counted = COUNT.match(text, p.end)
        named = counted and lx.TOTAL_CATEGORY_AFTER.match(text, counted.end())
        if not p.measure or (named and lx.TOTAL_CATEGORY.search(named.group())):
            out.append(phase(text, p))
    return out


def said_phrases(text: str) -> tuple:
    """Every status phrase of the text that says a status: not one after 应/需/计划 (应完成整改任务89项
    is what is to be done, the whole)."""
    found = find_phrases(text)
    if not any(lx.OBLIGATION_BEFORE.search(text, 0, p.start) for p in found):
        return found
    return tuple(p for p in found if not lx.OBLIGATION_BEFORE.search(text, 0, p.start))


def phase(text: str, p):
    """The phrase, read as phase_completed where 阶段性 stands right before a completion (阶段性办结430件)."""
    if p.status == "completed" and text[max(0, p.start - len(lx.PHASE_MARK)) : p.start] == lx.PHASE_MARK:
        return replace(p, status="phase_completed")
    return p


def bound_status(clause: str, start: int, end: int, phrases) -> str | None:
    """The status said of the count at ``clause[start:end]``: a phrase just before or just after it."""
    before = [p for p in phrases if p.end <= start and _BIND_GAP.match(clause[p.end : start])]
    if before:
        return before[-1].status
    after = [p for p in phrases if p.start >= end and _BIND_GAP.match(without_category(clause[end : p.start]))]
    return after[0].status if after else None


def without_category(gap: str) -> str:
    """The words between a count and a phrase, less the category (30个具体问题已全部完成整改)."""
    m = lx.TOTAL_CATEGORY_AFTER.match(gap)
    return gap[m.end() :] if m else gap
