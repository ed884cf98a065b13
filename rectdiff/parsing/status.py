"""Status of an item: what the item says of itself as a whole, and its progress.

A concluding statement (目前…, 截至目前…, 该问题…, 整改完成情况:…) decides; a phrase
inside one measure (…发现问题106处,已全部完成整改) does not. Where part of a count is
done (241户中210户拆除完毕) the item is in progress and the progress is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..zh.lexicon import COUNT_UNITS, REMAINDER, STATUS_CONCLUDING, STATUS_PHRASES
from ..zh.normalize import norm

_PHRASE_STATUS = {p: s for s, ps in STATUS_PHRASES.items() for p in ps.split()}
PHRASE_RE = re.compile("|".join(sorted(map(re.escape, _PHRASE_STATUS), key=len, reverse=True)))
_SENTENCE = re.compile(r"(?:[^。;;!!??\n,]|,(?!截至|截止|目前))+[。;;!!??,]?")
_COUNT = re.compile(rf"(\d+)[{COUNT_UNITS}]")
_COUNT_AFTER = re.compile(rf"[^\d,。;]{{0,6}}?(\d+)[{COUNT_UNITS}]")  # 已整改(问题)95个


@dataclass(frozen=True)
class Status:
    """The status of one item and the words that decided it."""

    status: str = "unknown"
    text: str = ""  # the phrase as printed
    evidence: str = ""  # the sentence it stands in
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
        strength = 3 if STATUS_CONCLUDING.match(sent) else (2 if idx == len(sentences) - 1 or REMAINDER in sent else 1)
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
    return Status(status, body[m.start() : m.end()], evidence[:200], done, total)


def _progress(n: str, s: int, e: int, status: str):
    """Find 'done of total' in the deciding sentence; a partial count means in progress."""
    sent = n[s:e]
    done = None
    for m in PHRASE_RE.finditer(sent):
        if _PHRASE_STATUS[m.group()] != "completed":
            continue
        after = _COUNT_AFTER.match(sent, m.end())
        before = list(_COUNT.finditer(sent[max(0, m.start() - 14) : m.start()]))
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
    rest = sent[sent.find("其余") :] if REMAINDER in sent else ""
    if rest and any(_PHRASE_STATUS[x] == "substantially_completed" for x in PHRASE_RE.findall(rest)):
        status = "substantially_completed"
    elif re.search(r"\d+个?问题?基本完成", sent):
        status = "substantially_completed"
    else:
        status = "in_progress"
    return done, total, status
