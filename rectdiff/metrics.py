"""Quantities in an item's body: number + unit, 万/亿 multipliers, Chinese numerals,
approximate values and ranges, each with a short label naming what is counted.

Numbers are found by span in the normalized copy and converted one by one; the
sentence is never rewritten (number converters corrupt words such as 统一 or 两会).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .normalize import norm

UNITS = sorted(
    "平方公里 平方米 立方米 微克/立方米 毫克/立方米 公里 千米 公顷 亩 吨 千瓦时 千瓦 元 个百分点 百分点 人次 家次 "
    "座次 村次 户次 批次 次 个工作日 个月 个 项 条 家 人 名 场 期 篇 件 起 份 批 处 所 座 台 艘 册 幅 具 类 户 间 套 "
    "栋 辆 本 张 封 轮次 轮 天 小时 分钟 秒 岁 分 倍 % 米 株 棵 宗 笔 个点位 "
    "万".split(), key=len, reverse=True)
_MULT = {"万": 1e4, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万亿": 1e12, "千": 1e3}
_UNIT_ALIAS = {"千米": "公里", "百分点": "个百分点"}
_NUM = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
_CNUM = r"[零一二三四五六七八九十百千两〇]+"
QUANTITY = re.compile(
    rf"(?P<pre>近|约|超过|超|逾|不少于|不低于|不足|多达|达到|达|累计|共计|共|总计|合计)?"
    rf"(?P<num>{_NUM}(?:万{_NUM})?|{_CNUM})"
    rf"(?:(?:至|到|~|-|—)(?P<num2>{_NUM}|{_CNUM}))?"
    rf"(?P<mult>万亿|千万|百万|万|亿)?(?P<approx>余|多)?"
    rf"(?P<unit>{'|'.join(re.escape(u) for u in UNITS if u != '万')})"
    rf"(?P<post>以上|左右|以下|余)?")
_CUMULATIVE = re.compile("累计|共计|总计|合计|累积|^共|全区共|共有")
_BOUNDARY = set(",;。::!?、\n")
_FILLER = re.compile(r"^(?:[一二三四五六七八九十]+是|其中|同时|另外|此外|并|已|共|累计|共计|目前|截至目前|全年|先后|分别)+")


_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}


def chinese_int(text: str) -> int | None:
    """一百零三 -> 103, 十二 -> 12, 两千三百 -> 2300, 二〇二三 -> 2023; None if not a numeral.

    Written out rather than taken from cn2an: this is all rectdiff needs, and cn2an's
    import alone costs about 0.15 s of every run.
    """
    if not text or any(ch not in _CN_DIGIT and ch not in _CN_UNIT and ch not in _CN_BIG for ch in text):
        return None
    if all(ch in _CN_DIGIT for ch in text) and len(text) > 1:
        return int("".join(str(_CN_DIGIT[ch]) for ch in text))  # 二〇二三
    total = section = digit = 0
    for ch in text:
        if ch in _CN_DIGIT:
            digit = _CN_DIGIT[ch]
        elif ch in _CN_UNIT:
            section += (digit or 1) * _CN_UNIT[ch]
            digit = 0
        else:
            total = (total + section + digit) * _CN_BIG[ch]
            section = digit = 0
    return total + section + digit


@lru_cache(maxsize=4096)
def parse_number(text: str) -> float | None:
    """'22,417' -> 22417; '一百零三' -> 103; '两' -> 2; '3万4000' -> 34000; '3.68' -> 3.68."""
    t = text.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    mixed = re.fullmatch(r"(\d+(?:\.\d+)?)万(\d+(?:\.\d+)?)", t)
    if mixed:
        return float(mixed.group(1)) * 10_000 + float(mixed.group(2))
    value = chinese_int(t)
    return float(value) if value is not None else None


def _excluded_spans(n: str) -> list[tuple[int, int]]:
    """Spans that hold no metrics: titles 《…》, quoted slogans “…”, brackets 〔2022〕."""
    spans = [m.span() for m in re.finditer(r"《[^《》]*》|“[^“”]{0,40}”|‘[^‘’]{0,40}’|\[[^\]]{0,12}\]", n)]
    return spans


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
    prev = n[start - 1:start] if start else ""
    if prev == "第" or re.match(r"[A-Za-z.\d]", prev):
        return True          # ordinals, PM2.5, version numbers
    if not num[0].isdigit() and (num == "一" or "是" == n[m.end("num"):m.end("num") + 1]):
        return True          # 一批, 一把手, 一是: a lone 一 is a word, not a count
    if re.fullmatch(r"\d{7,}", num.replace(",", "")) and not m.group("mult"):
        return True          # phone numbers and codes
    return n[m.end():m.end() + 1] in ("年", "月", "号") and m.group("unit") in ("个",)


def _metric(body: str, n: str, m, number: float, prev_end: int) -> dict:
    unit = _UNIT_ALIAS.get(m.group("unit"), m.group("unit"))
    mult_word = m.group("mult") or ""
    if "万" in m.group("num"):
        mult_word = ""  # 3万4000: the multiplier is inside the number
    mult = _MULT.get(mult_word, 1.0)
    nominal = round(number * mult, 6)
    pre, post = m.group("pre") or "", (m.group("post") or "") + (m.group("approx") or "")
    approx = bool(pre in ("近", "约", "超过", "超", "逾", "不少于", "不低于", "不足", "多达") or post)
    lo = hi = nominal
    if m.group("num2"):
        second = parse_number(m.group("num2"))
        hi = round(second * mult, 6) if second is not None else None
        approx = True
    elif pre in ("近", "不足") or post in ("以下",):
        lo = None
    elif pre in ("约",) or post == "左右":
        lo = hi = None
    elif approx:
        hi = None
    label, cumulative = _label(n, body, m, prev_end)
    cumulative = cumulative or pre in ("累计", "共计", "共", "总计", "合计")
    return {
        "label": label,
        "text": body[m.start():m.end()],
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
    while left > prev_end and n[left - 1] not in _BOUNDARY and n[left - 2:left] != "其中" and start - left < 24:
        left -= 1
    raw = n[left:start]
    cumulative = bool(_CUMULATIVE.search(raw))
    filler = _FILLER.match(raw)
    offset = filler.end() if filler else 0
    label = body[left + offset:start].strip(" “”\"")
    if len(label) <= 2:
        right = m.end()
        stop = right
        while stop < len(n) and stop - right < 12 and n[stop] not in _BOUNDARY and not n[stop].isdigit():
            stop += 1
        after = body[right:stop].strip(" “”\"")
        label = f"{label}…{after}" if label and after else (label or after)
    return label[-20:], cumulative
