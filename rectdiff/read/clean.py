"""Cleaning: from raw lines to report paragraphs.

Drops web-page chrome (keeping its metadata), page footers and mirror-site pinyin,
and joins paragraphs that a page or a PDF broke mid-sentence, without gluing a
heading to the text after it.
"""

from __future__ import annotations

import re
from collections import Counter

from ..zh.lexicon import (
    BREADCRUMB,
    CHROME_EXACT,
    CHROME_WORDS,
    DATE_LINE,
    HEADING_START,
    META_KEY,
    PAGE_FOOTER,
    PINYIN,
    SENTENCE_END,
    TITLE_END,
)
from ..zh.normalize import norm


def clean_lines(lines: list[str], hard_wrapped: bool | None = None):
    """Clean raw lines into paragraphs.

    Returns ``(paragraphs, meta_pairs, notes)``: the report's paragraphs, the key/value
    metadata the page chrome carried (来源, 发布时间 …), and notes on what was changed.
    """
    notes: list[str] = []
    rows = [PINYIN.sub("", ln.rstrip()) for ln in lines]
    if any(PINYIN.search(ln) for ln in lines):
        notes.append("removed pinyin inserted after characters")
    indented = [bool(re.match(r"^(\u3000|\s{2,}|\t)", r)) for r in rows]
    widths = [len(r.replace("\t", "    ")) for r in rows]
    rows = [r.strip().strip("\u3000").strip() for r in rows]
    meta: dict[str, str] = {}
    keep: list[tuple[str, bool, bool, int]] = []  # text, indented, blank-before, printed width
    footers = chrome = 0
    pending_key = None
    blank = False
    for text, ind, width in zip(rows, indented, widths):
        if not text:
            blank = True
            continue
        if PAGE_FOOTER.match(text):
            footers += 1
            continue
        if pending_key and len(text) <= 80 and not HEADING_START.match(text) and not TITLE_END.search(text):
            meta.setdefault(pending_key, text)
            pending_key = None
            chrome += 1
            continue
        pending_key = None
        is_chrome, key = _chrome(text, meta)
        if is_chrome:
            chrome += 1
            pending_key = key
            continue
        keep.append((text, ind, blank, width))
        blank = False
    if footers:
        notes.append(f"removed {footers} page footer lines")
    if chrome:
        notes.append(f"removed {chrome} lines of page chrome")
    if hard_wrapped is None:
        hard_wrapped = _looks_hard_wrapped([w for _t, _i, _b, w in keep])
    paragraphs, joins = (_join_wrapped if hard_wrapped else _join_broken)(keep)
    if joins:
        notes.append(f"joined {joins} lines broken mid-paragraph")
    return paragraphs, meta, notes


def _chrome(text: str, meta: dict) -> tuple[bool, str | None]:
    """Is ``text`` page chrome? Records any metadata it carries into ``meta``."""
    n = norm(text)
    found = list(META_KEY.finditer(n))
    if found and found[0].start() <= 2 and len(n) <= 160:
        for i, m in enumerate(found):
            end = found[i + 1].start() if i + 1 < len(found) else len(n)
            value = text[m.end() : end].strip(" \u3000:：•")
            if value:
                meta.setdefault(m.group(1), value)
        last = found[-1]
        dangling = not text[last.end() :].strip(" \u3000:：")
        return True, last.group(1) if dangling and last.group(1) != "今天是" else None
    bare = n.strip(" •·-—*|")
    if not bare or bare in CHROME_EXACT or set(bare) <= set("-—=_*•·|"):
        return True, None
    if len(n) <= 45 and CHROME_WORDS.search(n):
        return True, None
    if len(n) <= 60 and BREADCRUMB.search(n) and ("首页" in n or n.count(">") >= 2):
        return True, None
    if DATE_LINE.match(n) and "-" in n:
        meta.setdefault("日期", text.strip())
        return True, None
    return False, None


def _looks_hard_wrapped(widths: list[int]) -> bool:
    long = [w for w in widths if w >= 12]
    if len(long) < 4:
        return False
    width, count = Counter(long).most_common(1)[0]
    near = sum(1 for n in long if width - 1 <= n <= width)
    return width >= 15 and near >= 0.5 * len(long) and count >= 4


def is_heading_only(text: str) -> bool:
    """A short line that is only a heading (no sentence after it)."""
    n = re.sub(r"“[^”]*”", "", norm(text))
    return bool(HEADING_START.match(n)) and len(text) <= 60 and not re.search(r"[,;。]", n)


def _unbalanced(text: str) -> bool:
    return text.count("“") > text.count("”") or text.count("(") + text.count("（") > text.count(")") + text.count("）")


def _join_broken(rows):
    """Join lines a page broke mid-sentence (web text: one line per paragraph)."""
    out: list[str] = []
    joins = 0
    for text, _ind, _blank, _width in rows:
        if out and _continues(out[-1], text):
            out[-1] += text
            joins += 1
        else:
            out.append(text)
    return out, joins


def _continues(prev: str, text: str) -> bool:
    n_prev, n_text = norm(prev), norm(text)
    if n_prev.endswith(tuple(SENTENCE_END)) and not _unbalanced(n_prev):
        return False
    if HEADING_START.match(n_text) or DATE_LINE.match(n_text) or DATE_LINE.match(n_prev):
        return False
    if n_text[:1] in ",、;。:)":
        return True
    if _unbalanced(n_prev):
        return True
    if is_heading_only(prev) or TITLE_END.search(n_prev) or len(n_prev) < 20:
        return False
    return re.search(r"[\u4e00-\u9fff]$", n_prev) is not None


def _join_wrapped(rows):
    """Join hard-wrapped lines (PDF text, fixed-width .txt) into paragraphs."""
    long = [w for _t, _i, _b, w in rows if w >= 12]
    full_width = Counter(long).most_common(1)[0][0] if long else 0
    out: list[str] = []
    joins = 0
    prev_full = False
    for text, ind, blank, width in rows:
        n = norm(text)
        starts = (
            ind
            or blank
            or not out
            or not prev_full
            or (HEADING_START.match(n) and norm(out[-1]).endswith(tuple(SENTENCE_END)))
        )
        if starts:
            out.append(text)
        else:
            out[-1] += text
            joins += 1
        prev_full = width >= full_width - 1 and not is_heading_only(text)
    return out, joins
