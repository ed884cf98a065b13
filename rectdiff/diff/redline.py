"""Text redlines with diff-match-patch, tuned for Chinese: a number with its unit is
one token (so 458万平方米 -> 500万平方米 reads as one replacement), there is no
time-out (the default 1 s silently returns a coarse diff), and the result gets
semantic clean-up."""

from __future__ import annotations

import re

from ..zh.lexicon import APPROX_SUFFIX, MULTIPLIERS, QUANTITY_UNITS

_TOKEN = re.compile(
    rf"\d[\d,.]*(?:{'|'.join(sorted(MULTIPLIERS, key=len, reverse=True))})?(?:{APPROX_SUFFIX})?"
    rf"(?:{'|'.join(re.escape(u) for u in QUANTITY_UNITS)})?|[A-Za-z]+|\s+|.",
    re.S,
)
EQUAL, INSERT, DELETE = 0, 1, -1


def _encode(text: str, vocab: dict, alphabet: list) -> str:
    out = []
    for tok in _TOKEN.findall(text):
        code = vocab.get(tok)
        if code is None:
            code = chr(0xF0000 + len(alphabet)) if len(alphabet) < 0xFFFD else tok[:1]
            vocab[tok] = code
            alphabet.append(tok)
        out.append(code)
    return "".join(out)


def redline(old: str, new: str) -> list[tuple[int, str]]:
    """Segments ``(op, text)`` with op -1 deleted, 0 equal, 1 inserted."""
    old, new = old or "", new or ""
    if old == new:
        return [(EQUAL, old)] if old else []
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    vocab: dict = {}
    alphabet: list = []
    diffs = dmp.diff_main(_encode(old, vocab, alphabet), _encode(new, vocab, alphabet), False)
    dmp.diff_cleanupSemantic(diffs)
    decode = {code: tok for tok, code in vocab.items()}
    return [(op, "".join(decode.get(ch, ch) for ch in text)) for op, text in diffs]
