"""Stated totals (本轮巡视反馈意见共指出…30个具体问题…已完成整改56个,完成率94.9%) and
the consistency checks a report's own figures must pass."""

from __future__ import annotations

import re

from ..model import STATUS_FIELDS
from ..zh.lexicon import (
    ALL_OF,
    CATEGORY_KINDS,
    CATEGORY_TRIM,
    CHINESE_NUMERAL,
    PART_OF,
    RATE,
    REMAINDER,
    TOTAL_CATEGORY,
    TOTAL_CATEGORY_AFTER,
    TOTAL_CATEGORY_TAIL,
    TOTAL_COUNT_UNITS,
    TOTAL_VERBS,
)
from ..zh.normalize import norm
from ..zh.numerals import parse_number
from .status import PHRASE_RE, status_of

_COUNT = re.compile(rf"(\d+|[{CHINESE_NUMERAL}]+)([{TOTAL_COUNT_UNITS}])")
_QUOTED_COUNT = re.compile(rf"[\d{CHINESE_NUMERAL}]+(?=[{TOTAL_COUNT_UNITS}])")
_CLAUSE = re.compile(r"[^,,;;。、]+")


def kind_of_category(category: str) -> str:
    """The item kind a stated total counts ('' when it counts no listed item kind)."""
    return next((kind for key, kind in CATEGORY_KINDS if key in category), "")


def parse_totals(paragraphs: list[str]) -> list[dict]:
    """Stated totals in summary paragraphs, one dict per total (model.TOTAL_COLUMNS)."""
    rows: list[dict] = []
    for para in paragraphs:
        n = _mask_quotes(norm(para))
        current = None
        for sent in re.finditer(r"[^。;;]+", n):
            for clause in _CLAUSE.finditer(n, sent.start(), sent.end()):
                current = _read_clause(para, n, clause, current, rows)
    stated, seen = [], {}
    for row in rows:
        fields = [row["stated_rate"]] + [row[f] for f in STATUS_FIELDS]
        if all(v is None for v in fields):
            continue
        key = (row["category"], row["total"])
        if key in seen:  # the same total stated twice (headline and body): keep the fuller one
            old = seen[key]
            if sum(v is not None for v in fields) > sum(old[f] is not None for f in STATUS_FIELDS + ["stated_rate"]):
                stated[stated.index(old)] = row
                seen[key] = row
            continue
        seen[key] = row
        stated.append(row)
    return stated


def _mask_quotes(n: str) -> str:
    """Blank out short quoted slogans (“四个意识”) so their numerals are not counts."""
    return re.sub(r"“[^“”]{1,12}”", lambda m: _QUOTED_COUNT.sub(lambda d: "X" * len(d.group()), m.group()), n)


def _new_total(category: str, context: str, total: int, evidence: str) -> dict:
    row = {
        "category": category,
        "kind": kind_of_category(context),
        "total": total,
        "stated_rate": None,
        "evidence": evidence,
        "other": None,
    }
    row.update({f: None for f in STATUS_FIELDS})
    return row


def _read_clause(para, n, clause, current, rows):
    text = clause.group()
    if text.startswith(PART_OF):
        return current  # a breakdown of part of the total, not a count of it
    phrase = PHRASE_RE.search(text)
    rate = RATE.search(text)
    if rate and current is not None:
        current["stated_rate"] = float(rate.group(1))
        return current
    counts = [(m, parse_number(m.group(1))) for m in _COUNT.finditer(text)]
    counts = [(m, int(v)) for m, v in counts if v is not None]
    if not counts:
        if phrase and current is not None and REMAINDER in text:
            _add(current, status_of(phrase.group()), None)
        return current
    with_category = [(m, v, _category(text, m)) for m, v in counts]
    first, value, category = next((c for c in with_category if c[2]), with_category[0])
    later = [v for m, v in counts if m.start() > first.start()]
    is_total = bool(category) and (
        phrase is None or (phrase.start() > first.end() and later) or bool(ALL_OF.search(text))
    )
    if is_total:
        evidence = para[clause.start() : clause.start() + 200]
        if current is not None and current["total"] == value and _same_category(current["category"], category):
            row = current
        else:
            row = _new_total(category, text[: first.start()] + category, value, evidence)
            rows.append(row)
        if phrase and later:
            _add(row, status_of(phrase.group()), later[0])
        elif phrase and ALL_OF.search(text):
            _add(row, status_of(phrase.group()), value)
        return row
    if phrase and current is not None:
        _add(current, status_of(phrase.group()), value)
    return current


def _category(text: str, count) -> str:
    after = text[count.end() : count.end() + 14]
    m = TOTAL_CATEGORY_AFTER.match(after)
    if m and TOTAL_CATEGORY.search(m.group()) and not PHRASE_RE.search(m.group()):
        return m.group().strip(CATEGORY_TRIM)
    before = text[: count.start()]
    if before and TOTAL_CATEGORY.search(before[-14:]):
        return TOTAL_CATEGORY_TAIL.sub("", TOTAL_VERBS.sub("", before))[-16:].strip(CATEGORY_TRIM)
    return ""


def _same_category(a: str, b: str) -> bool:
    return a in b or b in a or kind_of_category(a) == kind_of_category(b) != ""


def _add(row: dict, status: str, value):
    if status not in STATUS_FIELDS:
        return
    if value is None:  # 其余均已整改到位: the remainder
        known = sum(row[f] or 0 for f in STATUS_FIELDS)
        value = row["total"] - known if row["total"] is not None and known <= row["total"] else None
    if value is not None and row[status] is None:  # a restatement never adds up twice
        row[status] = value
