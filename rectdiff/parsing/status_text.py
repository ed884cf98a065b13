"""The text an item's status is read from (``verdict``): the body with quoted problem words, other
items' sentences and earlier rounds blanked (GUIDE R10), its fields (R1: 整改状态:…, inline ones
included) and its sentences. Blanking keeps every position, so evidence is cut from the body as printed.
"""

from __future__ import annotations

from ..zh import lexicon as lx
from ..zh.compiled import regex
from .starts import scanned
from .status import SENTENCE, sentences

_LABELS = sorted(
    {w: k for k, ws in (("other", lx.OTHER_LABELS), ("narrative", lx.NARRATIVE_LABELS), ("status", lx.STATUS_LABELS))
     for w in ws.split("|")}.items(), key=lambda kv: -len(kv[0]))  # fmt: skip
_KIND = dict(_LABELS)
#: a label wherever it ends in a colon: 整改状态: after 。, and 督察整改进展: (the longest label first);
#: 【整改进展】 in brackets; led by the characters a label starts with (``scanned``): every body is
#: searched for labels, and most of its positions start none
_FIELD = scanned(
    f"{lx.LABEL_BRACKET_OPEN}?(" + "|".join(w for w, _ in _LABELS) + rf")(?:\s*:|{lx.LABEL_BRACKET_CLOSE}\s*:?)"
)
#: an earlier round's word anywhere (its pattern less the anchor): where none is, no clause opens with one
_ROUND_ANYWHERE = regex(lx.EARLIER_ROUND.pattern.removeprefix("^"))


def masked(n: str, skip) -> str:
    """The text with quoted problem words, other items' sentences and earlier rounds blanked (R10)."""
    spans = [(q.start() + 1, q.end() - 1) for q in lx.QUOTED_SPAN.finditer(n)] + list(skip)
    if _ROUND_ANYWHERE.search(n):  # most bodies name no earlier round: their sentences are not tried
        spans += [span for s, e in sentence_spans(n, 0, len(n)) if (span := _earlier_round(n, s, e))]
    # 第12项已于2023年完成: another item's status, to the end of its clause
    spans += [(r.start(), _clause_end(n, r.end())) for r in lx.ORDINAL_MENTION.finditer(n)]
    return blanked(n, spans)


def blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span turned to spaces (same length); ``text`` itself when there is none."""
    if not spans:
        return text
    chars = list(text)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


def _earlier_round(n: str, s: int, e: int) -> tuple[int, int] | None:
    """上轮巡察反馈的同类问题已于2022年整改完毕 (at the sentence's start or after 针对…,): from there to
    the sentence's end. After 截至/目前 (截至9月,上轮巡察遗留问题已全部整改到位) it is the item's object."""
    if lx.STATUS_CONCLUDING.match(n[s:e].lstrip(" ,")):
        return None
    start = s
    while start >= 0:  # the sentence's start, then after each of its commas
        if lx.EARLIER_ROUND.match(n[start:e].lstrip(" ")):
            return start, e
        start = n.find(",", start, e)
        start = start + 1 if start >= 0 else -1
    return None


def _clause_end(n: str, start: int) -> int:
    ends = [i for i in (n.find(c, start) for c in ",;。\n") if i >= 0]
    return min(ends) if ends else len(n)


def labelled_fields(m: str) -> list[tuple[str, int, int, int]]:
    """(kind, label start, value start, value end) of each field: 整改状态:…, inline ones included."""
    hits = list(_FIELD.finditer(m))
    out = []
    for i, hit in enumerate(hits):
        end = hits[i + 1].start(1) if i + 1 < len(hits) else len(m)
        line_end = m.find("\n", hit.end())
        end = min(end, line_end) if line_end >= 0 else end
        label = hit.group(1)
        if _KIND[label] == "other" and lx.SHORT_LABELS.search(label):
            stop = m.find("。", hit.end(), end)
            end = stop + 1 if stop >= 0 else end
        out.append((_KIND[label], hit.start(1), hit.end(), end))
    return out


def sentence_spans(m: str, a: int, b: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``m[a:b]`` that holds more than punctuation."""
    # a whole body's sentences are cut once (``sentences``), a field's value within its bounds
    spans = sentences(m) if (a, b) == (0, len(m)) else [(x.start(), x.end()) for x in SENTENCE.finditer(m, a, b)]
    return [(s, e) for s, e in spans if m[s:e].strip(" ,;。")]
