"""Reading the stated totals of one block (an item's body, a section's intro, the preamble) clause
by clause: a count with a category opens a total, the status phrases bound to the counts beside
it fill it in, 其余… takes the remainder, a rate is kept as stated (``totals`` says what is and
what is never a total, and keeps each total once).
"""

from __future__ import annotations

from ..frozen import mutable
from ..model import STATUS_FIELDS
from ..zh import lexicon as lx
from ..zh.compiled import regex
from ..zh.normalize import norm
from ..zh.numerals import parse_number
from .total_text import (
    COUNT,
    COUNT_UNIT,
    SENTENCE,
    bound_status,
    count_phrases,
    mask_problem_text,
    mask_quotes,
    phase,
    said_phrases,
    status_phrases,
)

_CLAUSE = regex(lx.CLAUSE_RUN)
_CLAUSE_BREAK = regex(r"[,;]")
_DIGIT = regex(r"\d")


@mutable
class _Count:
    value: int | None
    start: int
    end: int
    category: str = ""
    status: str | None = None


def kind_of_category(category: str) -> str:
    """The item kind a stated total counts ('' when it counts no listed item kind)."""
    return next((kind for key, kind in lx.CATEGORY_KINDS if key in category), "")


class Reader:
    """Reads one block; ``current`` is the total that breakdowns add to."""

    def __init__(self, text: str, item_id: str, rows: list[dict], inside_an_item: bool = False):
        self.text, self.item_id, self.rows = text, item_id, rows
        self.n = mask_problem_text(mask_quotes(norm(text)), inside_an_item)
        self.current: dict | None = None
        self.opened_at = -1  # index of the clause that opened ``current``
        self.opened_in = -1  # end of the sentence that opened it
        self.among = False  # 23个…问题中: the counts that follow break the open total down
        self.clause_index = 0
        self.sentence_start = self.sentence_end = 0

    def read(self) -> None:
        """Read the block sentence by sentence and clause by clause into ``rows``."""
        if not COUNT_UNIT.search(self.n) or (not COUNT.search(self.n) and not lx.LOST_DIGITS.search(self.n)):
            return  # no count, no total: most blocks end here
        for sentence in SENTENCE.finditer(self.n):
            self.sentence_start, self.sentence_end = sentence.start(), sentence.end()
            pieces = [0, *[m.start() for m in lx.STATEMENT_BREAK.finditer(sentence.group())], len(sentence.group())]
            for a, b in zip(pieces, pieces[1:]):
                if a != pieces[0]:
                    self.current = None  # ●第二轮…: a new statement
                for clause in _CLAUSE.finditer(self.n, sentence.start() + a, sentence.start() + b):
                    if lx.AS_OF_CLAUSE.fullmatch(clause.group()):
                        continue  # 反馈问题9个,截至2023年12月,已全部完成整改: the date stands between, no clause
                    self._clause(clause.start(), clause.end())
                    self.clause_index += 1

    def _clause(self, s: int, e: int) -> None:
        clause = self.n[s:e]
        if self.current is None and not COUNT_UNIT.search(clause):
            return  # no total open and no count (nor 个 of lost digits) to open one: nothing to read
        rate = "%" in clause and (lx.RATE.search(clause) or lx.RATE_BEFORE.search(clause))
        if rate and self.current is not None and self.current["stated_rate"] is None:
            self.current["stated_rate"] = float(rate.group(1))
        if lx.SHARE_WORD in clause[:3] and lx.SHARE_OF.match(clause) and self._share_of(s, e):
            return  # 已完成313项…,占…531项任务的近六成: the whole after its part
        if clause.startswith(lx.PART_OF) and not self._counts(s, e, with_category=True):
            if self.current is None:
                self._open_unsized(s, e)  # 针对督察反馈的问题,…其中已有277个成功完成整改
            self._breakdown(s, e)  # 其中已完成…: part of the open total
            return
        lost = lx.LOST_DIGITS.search(clause)
        if lost and not self._counts(s, e, with_category=True):
            self._open(s, e, _Count(None, s + lost.start(), s + lost.end(), self._category_after(s + lost.end(), e)))
            self.rows[-1]["_lost_digits"] = True
        counts = self._counts(s, e)
        categorized = [c for c in counts if c.category]
        if not categorized:
            self._breakdown(s, e, counts)
            return
        if self._breaks_down(clause, categorized[0]):
            self._breakdown(s, e, counts)  # 23个…问题中,15个问题已经完成整改 / 其余6个问题均…
            return
        sub_total = clause.startswith(lx.PART_OF)
        parent = self.current
        for count in categorized:
            self._open(s, e, count)
            if count.status:
                whole = lx.ALL_OF.search(clause) is not None or not any(c.status for c in counts if c is not count)
                if whole and lx.ALL_OF.search(clause):
                    _add(self.current, count.status, count.value)
                elif whole:
                    # 有642个面上问题未完成整改: a count of one status, the whole is not said
                    self.current["total"] = None
                    _add(self.current, count.status, count.value)
        for count in counts:
            if not count.category and count.status:
                _add(self.current, count.status, count.value)  # 45个具体问题有39个已完成整改
        if sub_total and parent is not None:
            self.current = parent

    def _breaks_down(self, clause: str, first: _Count) -> bool:
        """A smaller count with a status, of the open total's kind: part of it, not a new total."""
        current = self.current
        if current is None or current["total"] is None or not first.status or first.value is None:
            return False
        if first.value >= current["total"]:
            return False
        plain = first.category in lx.PLAIN_CATEGORIES or current["category"].endswith(first.category)
        return plain or self.among or clause.startswith(lx.REMAINDER)

    def _share_of(self, s: int, e: int) -> bool:
        """占…N项…: the whole of an open total that states only one part (已完成313项整改任务)."""
        current = self.current
        if current is None or current["total"] is not None or self.opened_in != self.sentence_end:
            return False
        parts = {f: current[f] for f in STATUS_FIELDS if current[f] is not None}
        counts = [c for c in self._counts(s, e) if c.value is not None and not c.status]
        if len(parts) != 1 or (counts and counts[0].value <= next(iter(parts.values()))):
            return False
        if counts:
            current["total"] = counts[0].value
        share = lx.SHARE_RATE.search(self.n, counts[0].end if counts else s, e)
        if share and "completed" in parts and current["stated_rate"] is None:
            current["stated_rate"] = float(share.group(1))  # 占…的59%: the completed share
        return bool(counts or share)

    def _open_unsized(self, s: int, e: int) -> None:
        """A breakdown with no count before it: a total of unknown size, named by the category
        words earlier in its sentence (none named, a pronoun (该问题), or a count of something else
        in between (共排查隐患点12处,其中3个…): no total)."""
        if not any(c.status for c in self._counts(s, e)):
            return
        named = list(lx.CATEGORY_BEFORE.finditer(self.n, self.sentence_start, s))
        if not named or _DIGIT.search(self.n, named[-1].end(), s):
            return
        category = lx.CATEGORY_BEFORE_LEAD.sub("", lx.CATEGORY_LEAD.sub("", named[-1].group(1).strip(",")))
        category = category.strip(lx.CATEGORY_TRIM)
        if not lx.REFERRING_CATEGORY.match(category):
            where = named[-1].start()
            self._open(where, e, _Count(None, where, named[-1].end(), category))

    def _open(self, s: int, e: int, count: _Count) -> None:
        row = {"category": count.category, "kind": kind_of_category(count.category), "total": count.value,
               "stated_rate": None, "evidence": self.text[s : s + 200].strip(" ,,"), "other": None,
               "item_id": self.item_id, **{f: None for f in STATUS_FIELDS}}  # fmt: skip
        self.rows.append(row)
        self.current = row
        self.opened_at = self.clause_index
        self.opened_in = self.sentence_end
        self.among = self.n[count.start : count.end + 24].split(",")[0].rstrip().endswith(lx.AMONG)

    def _breakdown(self, s: int, e: int, counts: list[_Count] | None = None) -> None:
        """Counts of one status add to the open total; a remainder or a bare phrase completes it."""
        if self.current is None:
            return
        counts = self._counts(s, e) if counts is None else counts
        bound = [c for c in counts if c.status]
        for count in bound:
            _add(self.current, count.status, count.value)
        if bound:
            return
        phrases = status_phrases(self.n[s:e])
        if not phrases:
            return
        clause = self.n[s:e]
        if lx.REMAINDER in clause:
            _add(self.current, phrases[0].status, None)
        elif (self.clause_index == self.opened_at + 1 and self.opened_in == self.sentence_end
              and all(self.current[f] is None for f in STATUS_FIELDS)
              and not lx.ORDINAL_MENTION.search(clause)):  # fmt: skip
            # 20个问题,已整改到位: the whole total (in the same sentence: a status in the next one
            # speaks of the item, 19起案件均未处罚。整改进展情况:已完成整改); 第1项至第3项已完成 is some of them
            _add(self.current, phrases[0].status, self.current["total"])

    def _counts(self, s: int, e: int, with_category: bool = False) -> list[_Count]:
        out: list[_Count] = []
        found = list(COUNT.finditer(self.n, s, e))
        if not found:
            return out  # most clauses count nothing: no phrases read for them
        clause = self.n[s:e]
        phrases = count_phrases(clause)
        for m in found:
            value = parse_number(m.group(1))
            if (
                value is None
                or lx.GROUPING.match(self.n[m.end() : e])
                or self.n[m.start() - 1 : m.start()] == lx.ORDINAL_BEFORE
            ):
                continue
            before = self.n[max(s, m.start() - 4) : m.start()]
            tallied = m.group(2) not in lx.VAGUE_ONE_UNITS and lx.TALLY_BEFORE.search(before)
            if m.group(1) == lx.VAGUE_ONE and not tallied:
                continue  # 一批共性问题, 一项重大政治任务: a quantifier, not a count
            count = _Count(int(value), m.start(), m.end())
            # a category before the count (问题1263项) only for the clause's first count: in
            # 45个具体问题有39个…, the words before 39 belong to 45
            count.category = self._category(s, e, count, before=not out)
            count.status = bound_status(clause, m.start() - s, m.end() - s, phrases)
            if not count.category and not out and self.current is None:
                self._named_by_status(s, count)
            out.append(count)
        return [c for c in out if c.category] if with_category else out

    def _category(self, s: int, e: int, count: _Count, before: bool = True) -> str:
        """What a count counts: the words right after it (30个具体问题), else right before it
        (问题1263项), never words that state a status (已整改问题95个 is a breakdown)."""
        after = self._category_after(count.end, e)
        if after and lx.HANDLED_BEFORE.search(self.n[s : count.start]):
            return ""  # 查处46起违纪违法问题: what a measure handled
        if after or not before:
            return after
        if lx.HANDLED_CATEGORY.search(self._phrase_before(count.start)):
            return ""  # 查处形式主义、不担当不作为问题34起 / 解决企业反映强烈的重点问题29个
        window = self.n[max(s, count.start - 14) : count.start]
        # 已整改问题95个 / 已办结信访举报件88件: a completion (even one read as taking an object) names a status
        near_phrase = any(p.end > count.start - s - 6 and p.start < count.start - s for p in said_phrases(self.n[s:e]))
        if window and lx.TOTAL_CATEGORY.search(window) and not near_phrase:
            words = lx.TOTAL_VERBS.sub("", lx.TOTAL_CATEGORY_TAIL.sub("", self.n[s : count.start]))
            category = lx.CATEGORY_LEAD.sub("", words[-lx.CATEGORY_BEFORE_MAX :])
            # 完成率达到100%的51个: a rate is no category
            return "" if "%" in category else category.strip(lx.CATEGORY_TRIM)
        return ""

    def _phrase_before(self, start: int) -> str:
        """The words before a count back to the last comma of its sentence (、 joins them)."""
        return _CLAUSE_BREAK.split(self.n[self.sentence_start : start])[-1]

    def _named_by_status(self, s: int, count: _Count) -> None:
        """已办结信访举报件88件 / 已完成整改问题45个 with no total open: a count of one status, its
        category between the phrase and the count (with a total open, it is a breakdown of it)."""
        before = self.n[s : count.start]
        for p in said_phrases(before):
            gap = before[p.end :]
            tail = lx.PHRASE_CATEGORY_TAIL.search(before, p.start, p.end) if not gap else None
            if tail:  # 累计完成整改任务1398项: the phrase ends in what it counts
                count.category, count.status = tail.group(), phase(before, p).status
            elif lx.TOTAL_CATEGORY_AFTER.fullmatch(gap) and lx.TOTAL_CATEGORY.search(gap) and not status_phrases(gap):
                count.category, count.status = gap.strip(lx.CATEGORY_TRIM), phase(before, p).status

    def _category_after(self, end: int, clause_end: int) -> str:
        m = lx.TOTAL_CATEGORY_AFTER.match(self.n[end : max(clause_end, self.sentence_end)])
        if m and lx.TOTAL_CATEGORY.search(m.group()) and not status_phrases(m.group()):
            return m.group().strip(lx.CATEGORY_TRIM)
        return ""


def _add(row: dict, status: str, value: int | None) -> None:
    if status not in STATUS_FIELDS:
        return
    if value is None:  # 其余均已整改到位: the remainder
        known = sum(row[f] or 0 for f in STATUS_FIELDS)
        value = row["total"] - known if row["total"] is not None and known <= row["total"] else None
    if value is not None and row[status] is None:  # a restatement never adds up twice
        row[status] = value
