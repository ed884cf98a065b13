"""Numbering a document defines for itself (问题3:, 项目1.1:, 问题2-1:, 第5项, 任务一、, 【问题二】,
问题(一):, 任务1.).

The fixed levels of the lexicon (一、 > (一) > 1. > (1) > ①) are what most reports use; many
others number their items with a word of their own. A line that starts with such a prefix, an
ordinal and a separator is only a candidate. The candidates of one shape (brackets, prefix word,
unit, numeral script) become a heading level of the document when they recur and their ordinals
run in sequence (1 → 2 → 3, 1 → 1.1 → 1.2 → 2, a restart at 1, a short gap where a page lost an
item): a prefix seen once, or numbers that jump about (dates, counts), are no level.

A level's rank is set where it first appears: just below the fixed heading it stands under
(一、 or (一); below both at the top of a document, so a heading after the list closes it), above
every numbered item level (1., (1)), so the measures and field lines that follow an item stay
inside it; dotted ordinals nest by their depth (1.1 under 1).
"""

from __future__ import annotations

import math
import re
from dataclasses import field

from ..frozen import frozen, mutable
from ..zh.lexicon import (
    DEFINED_DOT,
    DEFINED_HALF_CLOSE,
    DEFINED_JOINTS,
    DEFINED_MAX_GAP,
    DEFINED_MIN_IN_SEQUENCE,
    DEFINED_NUMBER,
    DEFINED_ORDINAL_PREFIX,
    DEFINED_PART_UNIT,
    DEFINED_PREFIX_EXCLUDED,
    PLAIN_ORDINAL_MAX,
    YEARS,
)
from ..zh.numerals import chinese_int
from .nodes import find_marker

_JOINTS = f"[{re.escape(DEFINED_JOINTS)}]"

#: the fixed levels a defined level may stand under (一、 and (一)); numbered items (1., (1)) and
#: sub-items rank below it
_HEADING_RANKS = 2
#: the fixed level of plain ordinals (1. / 1、), under which a bare dotted ordinal (1.1) stands
_ORDINAL_RANK = 3


@frozen
class Candidate:
    """One line's prefix numbering: its shape, its ordinal (1.1 → (1, 1)) and its marker."""

    shape: tuple  # (open bracket, prefix, unit, close bracket, script)
    ordinal: tuple
    label: str  # the id segment: 问题3, 项目1.1, 第5项, 任务一
    mlen: int


def candidate(n: str) -> Candidate | None:
    """The prefix numbering that opens a normalized paragraph, or None."""
    m = DEFINED_NUMBER.match(n)
    if m is None:
        return None
    opener, prefix, inner, unit, close, sep = (
        m.group(g) or "" for g in ("open", "prefix", "inner", "unit", "close", "sep")
    )
    half = close == DEFINED_HALF_CLOSE  # 1) / 问题2): closed without an opener; 问题(一) with one
    if inner:
        if opener or not prefix or not half:
            return None  # (一) / (1) are fixed levels; 问题(一 is no number
        opener = inner
    elif bool(opener) != bool(close) if not half else bool(opener):
        return None
    if any(c in DEFINED_PREFIX_EXCLUDED for c in prefix):
        return None
    if unit:
        if prefix != DEFINED_ORDINAL_PREFIX:
            return None  # 共3项 is a count
    elif prefix == DEFINED_ORDINAL_PREFIX:
        return None  # 第一, is prose
    text = m.group("ordinal")
    bare_dotted = not prefix and sep and DEFINED_DOT in text and text[0].isdigit()
    if not unit and not (close or (prefix and sep) or bare_dotted):
        return None  # 问题3 with nothing after it is a reference; 1.5万元 is an amount
    if text[0].isdigit():
        ordinal, script = tuple(int(part) for part in re.split(_JOINTS, text)), "digits"
    else:
        value = chinese_int(text)
        if not value:
            return None
        ordinal, script = (value,), "chinese"
    return Candidate((opener, prefix, unit, close, script), ordinal, f"{prefix}{text}{unit}", m.end())


def _restarts(after: tuple) -> bool:
    return after[-1] == 1 and all(part <= 1 for part in after[:-1])


def in_sequence(before: tuple, after: tuple) -> bool:
    """Does ``after`` continue ``before``: the next at some depth (1.2 → 1.3, 1.3 → 2, 1.2 → 2.1),
    one level deeper (1 → 1.1), a restart at 1 (a new section), each with a short gap allowed?"""
    if _restarts(after):
        return True
    if len(after) > len(before) and after[: len(before)] == before:
        return after[len(before)] <= DEFINED_MAX_GAP and all(part <= 1 for part in after[len(before) + 1 :])
    for depth in range(1, min(len(before), len(after)) + 1):
        if after[: depth - 1] == before[: depth - 1] and 0 < after[depth - 1] - before[depth - 1] <= DEFINED_MAX_GAP:
            return all(part <= 1 for part in after[depth:])
    return False


@mutable
class Numbering:
    """The levels one document defines, and the ranks they get while its tree is built."""

    shapes: frozenset
    large: frozenset = frozenset()  # plain ordinals past PLAIN_ORDINAL_MAX that run in sequence
    ranks: dict = field(default_factory=dict)  # shape -> (rank at its shallowest depth, that depth)

    def find(self, n: str, stack: list) -> tuple[float, str, int] | None:
        """(rank, label, marker length) when the paragraph opens with one of the document's own
        levels; ``stack`` (the open nodes, root first) places a level on its first appearance."""
        if not self.shapes:
            return None
        found = candidate(n)
        if found is None or found.shape not in self.shapes:
            return None
        depth = len(found.ordinal)
        if found.shape not in self.ranks and found.shape[2] == DEFINED_PART_UNIT:
            self.ranks[found.shape] = (_between(0, 1), depth)  # 第二部分 encloses 一、…
        if found.shape not in self.ranks:
            # 1.1 with no prefix word nests under a plain 1. where one is open, as 1.1 under 1
            ceiling = _ORDINAL_RANK if found.shape[:4] == ("", "", "", "") else _HEADING_RANKS
            under = next(node.rank for node in reversed(stack) if node.rank <= ceiling)
            # at the top it still ranks below 一、/(一): a heading after the list closes it
            rank = _between(under, math.floor(under) + 1) if under else _between(_HEADING_RANKS, _HEADING_RANKS + 1)
            self.ranks[found.shape] = (rank, depth)
        rank, shallowest = self.ranks[found.shape]
        ceiling = math.floor(rank) + 1
        for _ in range(depth - shallowest):
            rank = _between(rank, ceiling)  # 1.1 under 1, 1.1.1 under 1.1
        return rank, found.label, found.mlen


def _between(low: float, high: float) -> float:
    return low + (high - low) / 2


def defined_numbering(norms: list[str]) -> Numbering:
    """The shapes of prefix numbering that recur in sequence among a document's paragraphs, and
    the plain ordinals past the usual size (1000.) that do."""
    seen: dict[tuple, list[tuple]] = {}
    large: list[int] = []
    for n in norms:
        found = candidate(n)
        if found is not None:
            seen.setdefault(found.shape, []).append(found.ordinal)
        elif n[:1].isdigit() and (plain := find_marker(n)) and plain[0] == 3 and int(plain[1]) > PLAIN_ORDINAL_MAX:
            large.append(int(plain[1]))
    levels = set()
    for shape, ordinals in seen.items():
        if len(ordinals) < 2:
            continue  # a prefix seen once is no level
        steps = [in_sequence(a, b) for a, b in zip(ordinals, ordinals[1:])]
        onward = any(step and not _restarts(b) for step, b in zip(steps, ordinals[1:]))
        if onward and sum(steps) >= DEFINED_MIN_IN_SEQUENCE * len(steps):
            levels.add(shape)
    return Numbering(frozenset(levels), _in_runs(large))


def _in_runs(values: list[int]) -> frozenset:
    """The values that follow the one before or precede the one after within a short gap, but
    no year (1900–2100): a truncated list that starts at 1201. is a list, a lone 2023. a year."""
    steps = [0 < b - a <= DEFINED_MAX_GAP for a, b in zip(values, values[1:])]
    kept = {v for i, v in enumerate(values) if (i and steps[i - 1]) or (i < len(steps) and steps[i])}
    return frozenset(v for v in kept if not YEARS[0] <= v <= YEARS[1])
