"""Quantities in an item's body: number + unit, 万/亿 multipliers, Chinese numerals,
approximate values and ranges, each with a short label naming what is counted.

Numbers are found by span in the normalized copy and converted one by one; the
sentence is never rewritten (number converters corrupt words such as 统一 or 两会).
"""

from __future__ import annotations

import re

from ..zh.compiled import regex
from ..zh.lexicon import (
    ABOUT_POSTFIX,
    ABOUT_PREFIX,
    APPROX_PREFIX,
    APPROX_SUFFIX,
    CHINESE_NUMERAL,
    CUMULATIVE_LABEL,
    CUMULATIVE_PREFIX,
    LABEL_BOUNDARY,
    LABEL_FILLER,
    MEASURE_MARK,
    MULTIPLIERS,
    NO_QUANTITY_SPANS,
    NOT_A_COUNT_AFTER,
    NOT_A_COUNT_UNIT,
    NUMBER_JOINER,
    ORDINAL_BEFORE,
    PART_OF,
    QUANTITY_POSTFIX,
    QUANTITY_PREFIX,
    QUANTITY_UNITS,
    RANGE_SEPARATORS,
    UNIT_ALIASES,
    UPPER_BOUND_POSTFIX,
    UPPER_BOUND_PREFIX,
    WORD_NUMERAL,
)
from ..zh.normalize import norm
from ..zh.numerals import parse_number
from .starts import scanned

# A number never starts inside another (after a digit, a letter, a decimal point or a digit's
# comma: such a match is no quantity, ``_not_a_metric``), nor a numeral inside a run of numerals:
# without these look-behinds every digit of a long run starts a match that reads to its end
# (a 20 KB line of digits took minutes).
_NUM = r"(?<![A-Za-z.\d])(?<!\d,)(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
_CNUM = rf"(?<![{CHINESE_NUMERAL}])[{CHINESE_NUMERAL}]+"
QUANTITY = scanned(
    rf"(?P<pre>{QUANTITY_PREFIX})?"
    rf"(?P<num>{_NUM}(?:{NUMBER_JOINER}{_NUM})?|{_CNUM})"
    rf"(?:(?:{RANGE_SEPARATORS})(?P<num2>{_NUM}|{_CNUM}))?"
    rf"(?P<mult>{'|'.join(sorted(MULTIPLIERS, key=len, reverse=True))})?(?P<approx>{APPROX_SUFFIX})?"
    rf"(?P<unit>{'|'.join(re.escape(u) for u in QUANTITY_UNITS)})"
    rf"(?P<post>{QUANTITY_POSTFIX})?"
)
#: titles 《…》, quoted slogans “…”, brackets 〔2022〕: no quantities inside
_EXCLUDED = regex(NO_QUANTITY_SPANS)
_VERSION_BEFORE = regex(r"[A-Za-z.\d]")  # PM2.5, v1.2: a number inside a name
_CODE = regex(r"\d{7,}")  # phone numbers and codes


def _excluded_spans(n: str) -> list[tuple[int, int]]:
    """Spans that hold no metrics: titles 《…》, quoted slogans “…”, brackets 〔2022〕."""
    return [m.span() for m in _EXCLUDED.finditer(n)]


def extract_metrics(body: str) -> list[dict]:
    """All quantities in ``body`` as dicts (see ``model.METRIC_COLUMNS``)."""
    n = norm(body)
    skip = _excluded_spans(n)
    out = []
    prev_end = 0
    for m in QUANTITY.finditer(n):
        start = m.start("num")
        if any(a <= start < b for a, b in skip) or _not_a_metric(n, m):
            continue
        number = parse_number(m.group("num"))
        if number is None:
            continue
        out.append(_metric(body, n, m, number, prev_end))
        prev_end = m.end()
    return out


def _not_a_metric(n: str, m) -> bool:
    start, num = m.start("num"), m.group("num")
    prev = n[start - 1 : start] if start else ""
    if prev == ORDINAL_BEFORE or _VERSION_BEFORE.match(prev):
        return True  # ordinals, PM2.5, version numbers
    if not num[0].isdigit() and (num == WORD_NUMERAL or n[m.end("num") : m.end("num") + 1] == MEASURE_MARK):
        return True  # 一批, 一把手, 一是: a lone 一 is a word, not a count
    if _CODE.fullmatch(num.replace(",", "")) and not m.group("mult"):
        return True  # phone numbers and codes
    return n[m.end() : m.end() + 1] in NOT_A_COUNT_AFTER and m.group("unit") == NOT_A_COUNT_UNIT


def _metric(body: str, n: str, m, number: float, prev_end: int) -> dict:
    unit = UNIT_ALIASES.get(m.group("unit"), m.group("unit"))
    mult_word = m.group("mult") or ""
    if any(ch in MULTIPLIERS for ch in m.group("num")):
        mult_word = ""  # 3万4000: the multiplier is inside the number
    mult = MULTIPLIERS.get(mult_word, 1.0)
    nominal = round(number * mult, 6)
    pre, post = m.group("pre") or "", (m.group("post") or "") + (m.group("approx") or "")
    approx = bool(pre in APPROX_PREFIX or post)
    lo = hi = nominal
    if m.group("num2"):
        second = parse_number(m.group("num2"))
        hi = round(second * mult, 6) if second is not None else None
        approx = True
    elif pre in UPPER_BOUND_PREFIX or post in UPPER_BOUND_POSTFIX:
        lo = None
    elif pre in ABOUT_PREFIX or post in ABOUT_POSTFIX:
        lo = hi = None
    elif approx:
        hi = None
    label, cumulative = _label(n, body, m, prev_end)
    cumulative = cumulative or pre in CUMULATIVE_PREFIX
    return {
        "label": label,
        "text": body[m.start() : m.end()],
        "number": number,
        "multiplier": mult_word,
        "unit": unit,
        "value": None if approx else nominal,
        "value_min": lo,
        "value_max": hi,
        "nominal": nominal,
        "approx": approx,
        "cumulative": bool(cumulative),
        "is_percent": unit == "%",
        "start": m.start(),
        "end": m.end(),
    }


def _label(n: str, body: str, m, prev_end: int) -> tuple[str, bool]:
    """Words naming the quantity: the clause before it, else the words after it."""
    start = m.start()
    left = start
    while left > prev_end and n[left - 1] not in LABEL_BOUNDARY and n[left - 2 : left] != PART_OF and start - left < 24:
        left -= 1
    raw = n[left:start]
    cumulative = bool(CUMULATIVE_LABEL.search(raw))
    filler = LABEL_FILLER.match(raw)
    offset = filler.end() if filler else 0
    label = body[left + offset : start].strip(' “”"')
    if len(label) <= 2:
        right = m.end()
        stop = right
        while stop < len(n) and stop - right < 12 and n[stop] not in LABEL_BOUNDARY and not n[stop].isdigit():
            stop += 1
        after = body[right:stop].strip(' “”"')
        label = f"{label}…{after}" if label and after else (label or after)
    return label[-20:], cumulative
