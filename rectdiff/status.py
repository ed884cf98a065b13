"""Status of an item: what the item says of itself as a whole, and its progress.

A concluding statement (目前…, 截至目前…, 该问题…, 整改完成情况:…) decides; a phrase
inside one measure (…发现问题106处,已全部完成整改) does not. Where part of a count is
done (241户中210户拆除完毕) the item is in progress and the progress is kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import norm

# phrase -> canonical status; matched longest first, so 未完成 never reads as 完成
PHRASES = {
    "not_completed": "未完成 尚未完成 未能完成 未按期完成 未达到序时进度 未达序时进度 尚未启动 未启动 "
                     "未整改到位 未整改完成 尚未整改 未整改 未完全整改到位 未落实 尚未落实 进度滞后 整改滞后 "
                     "未完全整改",
    "in_progress": "正在推进 推进中 正在整改 整改中 持续整改中 正在施工 正在进行 正在实施 正积极推进 "
                   "正加快推进 加快推进中 有序推进中 正在有序推进 正有序推进 达到序时进度 按序时推进 取得明显进展 "
                   "正在推进整改 持续整改跟踪中 长期坚持 正在办理 正在落实 正在加紧推进 分阶段推进 尚在继续整改 "
                   "正在开展 正在拆除 正在推进拆除 正在积极推进 正在加快推进 积极推进中 整改跟踪中 部分整改",
    "phase_completed": "阶段性完成 完成阶段性目标 取得阶段性成效 取得阶段性进展 阶段性整改完成",
    "substantially_completed": "已完成或基本完成 基本完成整改 基本完成 基本整改到位 基本整改完成 基本整改 基本解决 基本落实 "
                               "基本到位",
    "completed": "已全部完成整改 已完成整改 已整改完成 已经整改完成 已经完成整改 整改完成 已整改到位 整改到位 "
                 "已全部完成 已完成 完成整改 已全部整改 已办结 已销号 完成交账销号 已完成交账销号 已全部落实 已落实 全部落实 "
                 "已解决 已全部解决 全部完成 已彻底整改 拆除完毕 已整改 全部整改完毕 整改完毕 已完成销号 "
                 "已全部清零 全部清零",
}
_PHRASE_STATUS = {p: s for s, ps in PHRASES.items() for p in ps.split()}
PHRASE_RE = re.compile("|".join(sorted(map(re.escape, _PHRASE_STATUS), key=len, reverse=True)))
_STRONG = re.compile(
    r"^(?:目前|截至目前|截止目前|截至|截止|现已|现|至此|该问题|此问题|本问题|上述问题|该项|此项|本项|"
    r"整改(?:工作)?已|问题整改|整改完成情况|整改进展|完成情况|整改情况|整改结果|整改进度|进展情况)")
_SENTENCE = re.compile(r"(?:[^。;;!!??\n,]|,(?!截至|截止|目前))+[。;;!!??,]?")
_COUNT_UNITS = "(?:个|户|项|件|条|家|起|处|名|人)"
_COUNT = re.compile(rf"(\d+){_COUNT_UNITS}")
_COUNT_AFTER = re.compile(rf"[^\d,。;]{{0,6}}?(\d+){_COUNT_UNITS}")  # 已整改(问题)95个


@dataclass(frozen=True)
class Status:
    """The status of one item and the words that decided it."""

    status: str = "unknown"
    text: str = ""        # the phrase as printed
    evidence: str = ""    # the sentence it stands in
    done: int | None = None
    total: int | None = None


def status_of(phrase: str) -> str:
    """Canonical status of a status phrase (normalized text)."""
    return _PHRASE_STATUS.get(norm(phrase), "unknown")


def detect_status(body: str) -> Status:
    """Decide the status of an item from its body (original text)."""
    n = norm(body)
    sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(n)]
    best = None
    for idx, (s, e) in enumerate(sentences):
        sent = n[s:e].lstrip(" ,,")
        strength = 3 if _STRONG.match(sent) else (2 if idx == len(sentences) - 1 or "其余" in sent else 1)
        if strength == 1 and len(sentences) == 1:
            strength = 2
        for m in PHRASE_RE.finditer(n, s, e):
            cand = (strength, m.start(), m)
            if best is None or cand[:2] > best[:2]:
                best = cand
    if best is None or best[0] < 2:
        return Status()
    strength, _pos, m = best
    s, e = next((a, b) for a, b in sentences if a <= m.start() < b)
    status = _PHRASE_STATUS[m.group()]
    done, total, status = _progress(n, s, e, status)
    evidence = body[s:e].strip()
    return Status(status, body[m.start():m.end()], evidence[:200], done, total)


def _progress(n: str, s: int, e: int, status: str):
    """Find 'done of total' in the deciding sentence; a partial count means in progress."""
    sent = n[s:e]
    done = None
    for m in PHRASE_RE.finditer(sent):
        if _PHRASE_STATUS[m.group()] != "completed":
            continue
        after = _COUNT_AFTER.match(sent, m.end())
        before = list(_COUNT.finditer(sent[max(0, m.start() - 14):m.start()]))
        if after:
            done = int(after.group(1))
        elif before:
            done = int(before[-1].group(1))
        if done is not None:
            break
    if done is None:
        return None, None, status
    inside = [int(m.group(1)) for m in _COUNT.finditer(n, s, e) if int(m.group(1)) > done]
    before = [int(m.group(1)) for m in _COUNT.finditer(n, 0, s) if int(m.group(1)) > done]
    total = inside[0] if inside else (before[-1] if before else None)
    if total is None:
        return done, None, status
    rest = sent[sent.find("其余"):] if "其余" in sent else ""
    if rest and any(_PHRASE_STATUS[x] == "substantially_completed" for x in PHRASE_RE.findall(rest)):
        status = "substantially_completed"
    elif re.search(r"\d+个?问题?基本完成", sent):
        status = "substantially_completed"
    else:
        status = "in_progress"
    return done, total, status
