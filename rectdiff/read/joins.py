"""Joining the lines of a report into its paragraphs: lines a web page broke mid-sentence
(one line per paragraph, else), and hard-wrapped lines (PDF text, fixed-width .txt), never gluing
a heading, a field line or a date to the text before it.
"""

from __future__ import annotations

from collections import Counter

from ..frozen import frozen
from ..zh.compiled import regex
from ..zh.lexicon import (
    CJK_FIRST,
    CJK_LAST,
    CLOSE_BRACKETS,
    CLOSE_QUOTE,
    CONTINUATION_MARKS,
    DATE_LINE,
    FIELD_LINE,
    HEADING_QUOTE,
    HEADING_START,
    OPEN_BRACKETS,
    OPEN_QUOTE,
    SENTENCE_END,
    SENTENCE_MARKS,
    TITLE_END,
)
from ..zh.normalize import norm

_QUOTE = regex(HEADING_QUOTE)
_CLAUSE_END = regex(SENTENCE_MARKS)


@frozen
class Line:
    """One line kept by cleaning, as joining needs it: its text, how it was printed, where it stood."""

    text: str
    original: str
    indented: bool
    blank_before: bool
    width: int  # printed width, tabs as four spaces
    at: int = -1  # index of the raw line (-1: text from a table)


def line_starts(group: list[Line]) -> tuple:
    """(raw line index, offset in the joined paragraph) of each line of a paragraph."""
    out, offset = [], 0
    for line in group:
        out.append((line.at, offset))
        offset += len(line.text)
    return tuple(out)


def looks_hard_wrapped(widths: list[int]) -> bool:
    """Do the line widths say hard-wrapped text (most long lines of one width, a PDF's or a .txt's)?"""
    long = [w for w in widths if w >= 12]
    if len(long) < 4:
        return False
    width, count = Counter(long).most_common(1)[0]
    near = sum(1 for n in long if width - 1 <= n <= width)
    return width >= 15 and near >= 0.5 * len(long) and count >= 4


def is_heading_only(text: str) -> bool:
    """A short line that is only a heading (no sentence after it)."""
    n = _QUOTE.sub("", norm(text))
    return bool(HEADING_START.match(n)) and len(text) <= 60 and not _CLAUSE_END.search(n)


def _unbalanced(text: str) -> bool:
    opened = sum(map(text.count, OPEN_BRACKETS)) > sum(map(text.count, CLOSE_BRACKETS))
    return text.count(OPEN_QUOTE) > text.count(CLOSE_QUOTE) or opened


def join_broken(lines: list[Line]) -> list[list[Line]]:
    """Join lines a page broke mid-sentence (web text: one line per paragraph)."""
    groups: list[list[Line]] = []
    for line in lines:
        if groups and _continues("".join(x.text for x in groups[-1]), line.text):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _continues(prev: str, text: str) -> bool:
    n_prev, n_text = norm(prev), norm(text)
    if n_prev.endswith(tuple(SENTENCE_END)) and not _unbalanced(n_prev):
        return False
    if HEADING_START.match(n_text) or FIELD_LINE.match(n_text) or DATE_LINE.match(n_text) or DATE_LINE.match(n_prev):
        return False  # a heading, a field line (整改目标:…) or a date starts a paragraph of its own
    if n_text[:1] in CONTINUATION_MARKS:
        return True
    if len(n_text) >= 15 and n_text[:15] in n_prev:
        return False  # the line repeats what the one before says (a headline, a news lead)
    if _unbalanced(n_prev):
        return True
    if is_heading_only(prev) or TITLE_END.search(n_prev) or len(n_prev) < 20:
        return False
    return _ends_in_cjk(n_prev)


def _ends_in_cjk(text: str) -> bool:
    """Does the text end in a Chinese character (before one final line break, where ``$`` matches too)?
    A comparison, not a class of 21,000 characters that costs ``re`` a millisecond to compile."""
    last = text[:-1] if text.endswith("\n") else text
    return CJK_FIRST <= last[-1:] <= CJK_LAST


def join_wrapped(lines: list[Line]) -> list[list[Line]]:
    """Join hard-wrapped lines (PDF text, fixed-width .txt) into paragraphs."""
    long = [line.width for line in lines if line.width >= 12]
    full_width = Counter(long).most_common(1)[0][0] if long else 0
    groups: list[list[Line]] = []
    prev_full = False
    for line in lines:
        n = norm(line.text)
        # a quote or bracket the line before left open (a heading “…” split over two lines) or a
        # line that starts with punctuation continues the paragraph whatever the indent says; only
        # the line before counts, so a quote the report itself never closes spoils one join at most
        run_on = CONTINUATION_MARKS + CLOSE_QUOTE
        continues = bool(groups) and (_unbalanced(norm(groups[-1][-1].text)) or n[:1] in run_on)
        starts = not continues and (
            line.indented
            or line.blank_before
            or not groups
            or not prev_full
            or (HEADING_START.match(n) and norm(groups[-1][-1].text).endswith(tuple(SENTENCE_END)))
            or (FIELD_LINE.match(n) and not prev_full)
        )
        if starts:
            groups.append([line])
        else:
            groups[-1].append(line)
        prev_full = line.width >= full_width - 1  # a full line, heading or not, runs on
    return groups
