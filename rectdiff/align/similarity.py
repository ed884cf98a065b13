"""rapidfuzz's Indel measures, computed in pure Python for the few short strings of a small run
and by rapidfuzz once a run has more to do: how alike two strings are (``fuzz.ratio``, 0-100, one
against many with ``process.extract``) and how they align (``distance.Indel.opcodes``).

Importing rapidfuzz costs about 7.5 ms, ten times what a comparison of the example pair spends on
them in Python (155 ratios over 1,400 characters and 8 alignments of 700 tokens: under 1 ms).
The answers are rapidfuzz's exactly: the longest common subsequence is counted with Hyyrö's
bit-vector recurrence on Python integers, as rapidfuzz counts it in machine words; a score is
``100 * (1 - distance / (len(a) + len(b)))``, the Indel distance ``len(a) + len(b) - 2 * lcs``,
in rapidfuzz's order of operations and with its cut-off rules; an alignment walks the same
vectors back from the end with the same preferences, so that of several equally long common
subsequences it takes the one rapidfuzz takes. tests/test_similarity.py checks each against
rapidfuzz on random strings. Once the Python work of a process would pass ``BUDGET`` (about what
the import costs), or rapidfuzz is loaded anyway (the numpy paths of large problems), the rest is
rapidfuzz's: a large run loses at most the budget.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from .lsap import float32

#: Python work a process may spend before it takes rapidfuzz, in the units of ``_cost`` (about
#: 0.25 µs each on CPython 3.11: 6 ms, a little under rapidfuzz's import)
BUDGET = 24_000

_spent = [0]
#: rapidfuzz's functions, once the process has taken them
_fast: dict = {}


def ratio(a: str, b: str, score_cutoff: float = 0.0) -> float:
    """``rapidfuzz.fuzz.ratio(a, b, score_cutoff=score_cutoff)``: 0-100, 0.0 below the cut-off."""
    if _fast or _over(_cost(a, b)):
        return _fast["ratio"](a, b, score_cutoff=score_cutoff)
    score = _ratio(a, b, score_cutoff)
    return 0.0 if score is None else score


def extract(query: str, choices: Sequence[str], score_cutoff: float | None = None) -> list[tuple[str, float, int]]:
    """``rapidfuzz.process.extract(query, choices, scorer=fuzz.ratio, limit=None,
    score_cutoff=score_cutoff)``: (choice, score, position) of every choice at least
    ``score_cutoff`` similar (all of them without one), the most similar first, ties in order."""
    if _fast or _over(sum(_cost(query, c) for c in choices)):
        return _fast["extract"](query, choices, scorer=_fast["ratio"], limit=None, score_cutoff=score_cutoff)
    return _extract(query, choices, score_cutoff or 0.0)


def opcodes(a: str, b: str) -> list[tuple[str, int, int, int, int]]:
    """``rapidfuzz.distance.Indel.opcodes(a, b)`` as tuples ``(tag, a_start, a_end, b_start,
    b_end)``, tag ``equal``, ``delete`` or ``insert``: a shortest way of turning ``a`` into ``b``."""
    if _fast or _over(_cost(a, b) * 3):  # a vector kept per step, then the walk back
        return [tuple(op) for op in _fast["opcodes"](a, b)]
    return _opcodes(_editops(a, b), len(a), len(b))


def expect(scores: int) -> None:
    """``scores`` scores are to come (an alignment's cells): when their calls alone would take the
    process past ``BUDGET``, rapidfuzz is taken now rather than after the budget is spent."""
    if not _fast and ("rapidfuzz" in sys.modules or _spent[0] + _cost("", "") * scores > BUDGET):
        _take()


def _over(cost: int) -> bool:
    """Is this work rapidfuzz's: is it loaded already, or would the work take the process past
    ``BUDGET``? If so, rapidfuzz is taken; if not, the work is counted."""
    if "rapidfuzz" not in sys.modules and _spent[0] + cost <= BUDGET:
        _spent[0] += cost
        return False
    _take()
    return True


def _take() -> None:
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import Indel

    _fast.update(ratio=fuzz.ratio, extract=process.extract, opcodes=Indel.opcodes)


def _cost(a: str, b: str) -> int:
    """The Python work of one score: a call, a step per character of the longer string, and the
    integers' width (a machine word per few hundred characters of the shorter)."""
    n, m = len(a), len(b)
    return 10 + (n if n > m else m) + n * m // 2000


def _ratio(a: str, b: str, score_cutoff: float) -> float | None:
    """The score, or None below ``score_cutoff``."""
    total = len(a) + len(b)
    similarity = 1.0 - (total - 2 * _lcs(a, b)) / total if total else 1.0
    return similarity * 100 if similarity >= score_cutoff / 100 else None


def _extract(query: str, choices: Sequence[str], score_cutoff: float) -> list[tuple[str, float, int]]:
    # rapidfuzz's extract holds the cut-off as a float32, and keeps a score at or above it
    cutoff = float32([score_cutoff])[0]
    found = [(c, s, k) for k, c in enumerate(choices) if (s := _ratio(query, c, cutoff)) is not None and s >= cutoff]
    return sorted(found, key=lambda row: -row[1])  # stable: equal scores stay in order


def _lcs(a: str, b: str) -> int:
    """The length of the longest common subsequence of ``a`` and ``b``."""
    if len(a) > len(b):
        a, b = b, a
    if not a:
        return 0
    return len(a) - (_vectors(a, b)[-1] & ((1 << len(a)) - 1)).bit_count()


def _vectors(a: str, b: str) -> list[int]:
    """Hyyrö's bit vector over ``a`` after each character of ``b``: bit i is 0 where a[i] ends a
    match of a longest common subsequence of ``a[:i + 1]`` and the part of ``b`` read so far
    (bits above ``len(a)`` hold carries, never read)."""
    masks: dict[str, int] = {}
    bit = 1
    for ch in a:
        masks[ch] = masks.get(ch, 0) | bit
        bit <<= 1
    v = bit - 1
    get = masks.get
    out = []
    for ch in b:
        m = get(ch)
        if m:
            u = v & m
            v = (v + u) | (v - u)
        out.append(v)
    return out


def _editops(a: str, b: str) -> list[tuple[str, int, int]]:
    """``(tag, a_position, b_position)`` of each deletion and insertion, in order: the common
    opening and ending set aside, the vectors walked back from the end, a deletion first where
    the vector allows one, then an insertion, else a match (rapidfuzz's preferences)."""
    n = min(len(a), len(b))
    head = 0
    while head < n and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < n - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    a, b = a[head : len(a) - tail], b[head : len(b) - tail]
    rows = _vectors(a, b) if a else []
    ops: list[tuple[str, int, int]] = []
    col, row = len(a), len(b)
    while row and col:
        if rows[row - 1] >> (col - 1) & 1:
            col -= 1
            ops.append(("delete", col + head, row + head))
            continue
        row -= 1
        if row and not rows[row - 1] >> (col - 1) & 1:
            ops.append(("insert", col + head, row + head))
        else:
            col -= 1  # a[col] == b[row]: a match
    ops += [("delete", c + head, row + head) for c in reversed(range(col))]
    ops += [("insert", head, r + head) for r in reversed(range(row))]
    return ops[::-1]


def _opcodes(ops: list[tuple[str, int, int]], a_len: int, b_len: int) -> list[tuple[str, int, int, int, int]]:
    """Edit operations as blocks: each run of deletions or insertions at consecutive positions one
    block, and the stretch between two runs an ``equal`` block."""
    out: list[tuple[str, int, int, int, int]] = []
    i = j = k = 0
    while k < len(ops):
        tag, at_a, at_b = ops[k]
        if i < at_a or j < at_b:
            out.append(("equal", i, at_a, j, at_b))
            i, j = at_a, at_b
        start_a, start_b = i, j
        while k < len(ops) and ops[k] == (tag, i, j):
            i, j = (i + 1, j) if tag == "delete" else (i, j + 1)
            k += 1
        out.append((tag, start_a, i, start_b, j))
    if i < a_len or j < b_len:
        out.append(("equal", i, a_len, j, b_len))
    return out
