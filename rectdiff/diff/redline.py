"""Text redlines tuned for Chinese: a number with its unit is one token (so 458万平方米 ->
500万平方米 reads as one replacement), the diff is exact (a longest common subsequence of the
tokens, computed by rapidfuzz's bit-parallel ``Indel.opcodes`` in C++: no time-out, where
diff-match-patch's pure-Python bisection needed one and took seconds on rewritten bodies), and
diff-match-patch gives it its semantic clean-up.

A huge body (a page pasted as one line: more than ``HUGE_TOKENS`` tokens) is first compared
clause by clause (each clause up to its 。，；, one symbol), and only each changed run of clauses
is compared token by token, under ``HUGE_TIMEOUT`` seconds: without this a 2 MB line took 95 s
and 1.9 GB. Bodies of ordinary size are compared exactly as before."""

from __future__ import annotations

import re

from ..zh.lexicon import APPROX_SUFFIX, CLAUSE_ENDS, MULTIPLIERS, QUANTITY_UNITS

_TOKEN = re.compile(
    rf"\d[\d,.]*(?:{'|'.join(sorted(MULTIPLIERS, key=len, reverse=True))})?(?:{APPROX_SUFFIX})?"
    rf"(?:{'|'.join(re.escape(u) for u in QUANTITY_UNITS)})?|[A-Za-z]+|\s+|.",
    re.S,
)
EQUAL, INSERT, DELETE = 0, 1, -1
#: bodies with more tokens than this are compared clause by clause first
HUGE_TOKENS = 20_000
#: the time-out of diff-match-patch on one changed run of a huge body (seconds)
HUGE_TIMEOUT = 1.0
#: code points 0xF0000 .. 0x10FFFD
_PRIVATE_SYMBOLS = 0x10FFFD - 0xF0000
_CLAUSE = re.compile(rf"[^{CLAUSE_ENDS}]*[{CLAUSE_ENDS}]?")


def _encode(text: str, vocab: dict, alphabet: list) -> str:
    out = []
    for tok in _TOKEN.findall(text):
        code = vocab.get(tok)
        if code is None:
            if len(alphabet) >= _PRIVATE_SYMBOLS:
                raise _TooManySymbols
            code = chr(0xF0000 + len(alphabet))
            vocab[tok] = code
            alphabet.append(tok)
        out.append(code)
    return "".join(out)


class _TooManySymbols(Exception):
    """More distinct tokens or clauses than private-use code points to stand for them."""


def redline(old: str, new: str) -> list[tuple[int, str]]:
    """Segments ``(op, text)`` with op -1 deleted, 0 equal, 1 inserted."""
    old, new = old or "", new or ""
    if old == new:
        return [(EQUAL, old)] if old else []
    vocab: dict = {}
    alphabet: list = []
    try:
        old_code, new_code = _encode(old, vocab, alphabet), _encode(new, vocab, alphabet)
    except _TooManySymbols:
        return _by_clauses(old, new)
    if max(len(old_code), len(new_code)) > HUGE_TOKENS:
        return _by_clauses(old, new)
    return _decoded(_diff(old_code, new_code, 0), vocab)


def _diff(old_code: str, new_code: str, timeout: float) -> list:
    """The diff of two codes, cleaned up for reading: exact where ``timeout`` is 0, else
    diff-match-patch's under the time-out (the runs of a huge body)."""
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    if timeout:
        dmp.Diff_Timeout = timeout
        diffs = dmp.diff_main(old_code, new_code, False)
    else:
        diffs = _exact(old_code, new_code)
    dmp.diff_cleanupSemantic(diffs)
    return diffs


def _exact(old: str, new: str) -> list[tuple[int, str]]:
    """A minimal insert/delete diff (each change as its deletion, then its insertion)."""
    from rapidfuzz.distance import Indel

    out: list[tuple[int, str]] = []
    gone, came = [], []
    for tag, i1, i2, j1, j2 in Indel.opcodes(old, new):
        if tag == "equal":
            out += [(DELETE, "".join(gone))] if gone else []
            out += [(INSERT, "".join(came))] if came else []
            gone, came = [], []
            out.append((EQUAL, old[i1:i2]))
        else:
            gone.append(old[i1:i2])
            came.append(new[j1:j2])
    out += [(DELETE, "".join(gone))] if any(gone) else []
    out += [(INSERT, "".join(came))] if any(came) else []
    return [(op, text) for op, text in out if text]


def _decoded(diffs: list, vocab: dict) -> list[tuple[int, str]]:
    decode = {code: tok for tok, code in vocab.items()}
    return [(op, "".join(decode.get(ch, ch) for ch in text)) for op, text in diffs]


def _by_clauses(old: str, new: str) -> list[tuple[int, str]]:
    """A huge body: clauses as symbols first, then tokens within each changed run of clauses."""
    vocab: dict = {}

    def encode(text: str) -> str:
        codes = []
        for clause in _CLAUSE.findall(text):
            if clause:
                code = vocab.get(clause)
                if code is None:
                    code = vocab[clause] = chr(0xF0000 + len(vocab))  # private use, planes 15 and 16
                codes.append(code)
        return "".join(codes)

    old_code, new_code = encode(old), encode(new)
    if len(vocab) > _PRIVATE_SYMBOLS:  # more distinct clauses than symbols: characters, timed
        return [(op, text) for op, text in _diff(old, new, HUGE_TIMEOUT)]
    runs = _decoded(_diff(old_code, new_code, HUGE_TIMEOUT), vocab)
    out: list[tuple[int, str]] = []
    k = 0
    while k < len(runs):
        op, text = runs[k]
        if op == DELETE and k + 1 < len(runs) and runs[k + 1][0] == INSERT:
            out += _tokens_timed(text, runs[k + 1][1])
            k += 2
            continue
        out.append((op, text))
        k += 1
    return _merged(out)


def _tokens_timed(old: str, new: str) -> list[tuple[int, str]]:
    vocab: dict = {}
    alphabet: list = []
    try:
        old_code, new_code = _encode(old, vocab, alphabet), _encode(new, vocab, alphabet)
    except _TooManySymbols:
        return [(op, text) for op, text in _diff(old, new, HUGE_TIMEOUT)]
    return _decoded(_diff(old_code, new_code, HUGE_TIMEOUT), vocab)


def _merged(segments: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Adjacent segments of the same kind as one."""
    out: list[tuple[int, str]] = []
    for op, text in segments:
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        elif text:
            out.append((op, text))
    return out
