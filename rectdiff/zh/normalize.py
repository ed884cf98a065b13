"""Character-level normalization for matching copies of report text.

Every function here maps one character to one character, so a position found in the
normalized copy is the same position in the original text, which is what we keep.
"""

from __future__ import annotations

import os
from functools import lru_cache

from .compiled import regex

# full-width ASCII (U+FF01..U+FF5E) to half-width, ideographic space to space, and the
# look-alike punctuation that reports mix freely
_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH.update(
    {
        0x3000: 0x20,
        0xA0: 0x20,
        0x2002: 0x20,
        0x2003: 0x20,
        0x2009: 0x20,
        0x200B: 0x20,
        0xFEFF: 0x20,
        # invisible format characters (joiners, bidi overrides): the reader drops them, text given
        # as a string meets them here; a space compares as a space
        **{
            cp: 0x20
            for cp in (0xAD, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
        },
        ord("〔"): ord("["),
        ord("〕"): ord("]"),
        ord("「"): ord("“"),
        ord("」"): ord("”"),
        ord("『"): ord("‘"),
        ord("』"): ord("’"),
        ord("﹒"): ord("."),
    }
)
#: every traditional character zhconv converts to another single one, with its simplified form:
#: zh/traditional.txt holds the pairs side by side (傳传問问…), generated from zhconv's table
#: (tests/test_zh.py checks it still matches). Shipped as data, so that a report with a traditional
#: character costs a dictionary lookup, not zhconv's table and pkg_resources (0.2 s).
with open(os.path.join(os.path.dirname(__file__), "traditional.txt"), encoding="utf-8") as _fh:  # not pathlib (3 ms)
    _PAIRS = _fh.read().replace("\n", "")
TRADITIONAL = frozenset(_PAIRS[::2])


@lru_cache(maxsize=1)
def _simplified_table() -> dict[int, int]:
    return str.maketrans(_PAIRS[::2], _PAIRS[1::2])


@lru_cache(maxsize=1)
def _norm_table() -> dict[int, int]:
    # both maps in one, half-width first (「 is full-width and traditional: it becomes “, which is
    # neither): one pass of ``str.translate`` instead of a translate and a search for traditional
    # characters, each as costly as the other (~0.4 ms to build, on the first text normalized)
    table = dict(_simplified_table())
    table.update({cp: table.get(to, to) for cp, to in _WIDTH.items()})
    return table


def halfwidth(text: str) -> str:
    """Full-width digits, letters and punctuation to half-width (1:1)."""
    return text.translate(_WIDTH)


def simplified(text: str) -> str:
    """Traditional to simplified characters, one character for one (1:1)."""
    if TRADITIONAL.isdisjoint(text):
        return text
    return text.translate(_simplified_table())


#: characters normalized with the dictionary before the list is built: a list indexed by code point
#: translates in half the time (no hash and no KeyError for each character left as it is), but takes
#: ~1 ms to build, which only a large comparison earns back (the example pair normalizes 7,000)
_LIST_AFTER = 30_000
_normalized = 0


@lru_cache(maxsize=1)
def _norm_list() -> list[int]:
    table = list(range(0x10000))
    for cp, to in _norm_table().items():
        if cp < 0x10000:
            table[cp] = to
    return table


@lru_cache(maxsize=1 << 16)
def norm(text: str) -> str:
    """The matching copy: half-width and simplified, same length as ``text``.

    Cached: every stage looks at the same paragraphs and bodies, and ``str.translate``
    with a mapping is the single largest cost of a large comparison."""
    global _normalized
    _normalized += len(text)
    # a character beyond U+FFFF is past the list's end (such a text takes the dictionary): it is two
    # UTF-16 code units, which counting in C tells five times faster than a search
    if _normalized > _LIST_AFTER and len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text):
        return text.translate(_norm_list())
    return text.translate(_norm_table())


_KEY_DROP = regex(r"[\s\"'“”‘’《》〈〉<>()()【】\[\],,、。.;;::!!??·…—\-]+")


@lru_cache(maxsize=1 << 14)
def match_key(text: str) -> str:
    """A key for fuzzy matching: normalized, without spaces, quotes and punctuation.

    Cached: align keys each body and diff keys it again to tell unchanged from modified."""
    return _KEY_DROP.sub("", norm(text))
