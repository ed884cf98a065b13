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

from ..zh.compiled import regex
from ..zh.lexicon import APPROX_SUFFIX, CLAUSE_ENDS, MULTIPLIERS, QUANTITY_UNITS
from ..zh.lexicon.lazy import pattern

#: what follows the first character of a number: its digits, multiplier, approximation and unit
_NUMBER_REST = (
    rf"[\d,.]*(?:{'|'.join(sorted(MULTIPLIERS, key=len, reverse=True))})?(?:{APPROX_SUFFIX})?"
    rf"(?:{'|'.join(re.escape(u) for u in QUANTITY_UNITS)})?"
)
#: a token: a number with its multiplier and unit, a latin word, a run of spaces, else any one character
#: (compiled on first use: only a body whose clause run is compared token by token reads it)
_TOKEN = pattern(rf"\d{_NUMBER_REST}|[A-Za-z]+|\s+|.", re.S)
#: what needs a code of its own: ``_TOKEN``'s tokens but the one character of any other kind, and
#: the characters outside the BMP. Written to open with one character class (the token's first
#: character, its kind then told by a look-behind, in ``_TOKEN``'s order) so that the regex engine
#: skips the other characters in C: twice as fast as the alternatives on the redlines of a report
_NAMED = regex(rf"[\dA-Za-z\s\U00010000-\U0010FFFF](?:(?<=\d){_NUMBER_REST}|(?<=[A-Za-z])[A-Za-z]*|(?<=\s)\s*|)")
EQUAL, INSERT, DELETE = 0, 1, -1
#: bodies with more tokens than this are compared clause by clause first
HUGE_TOKENS = 20_000
#: the time-out of diff-match-patch on one changed run of a huge body (seconds)
HUGE_TIMEOUT = 1.0
#: code points 0xF0000 .. 0x10FFFD
_PRIVATE_SYMBOLS = 0x10FFFD - 0xF0000
#: a named token's code: plane 16's private use (a BMP character stands for itself in plane 15)
_NAMED_SYMBOLS = 0x10FFFD - 0x100000
_NAMED_CODE = regex("[\U00100000-\U0010fffd]")
_CLAUSE = pattern(rf"[^{CLAUSE_ENDS}]*[{CLAUSE_ENDS}]?")  # only a huge body is cut into clauses


def _encode(text: str, vocab: dict, alphabet: list) -> str:
    """One private-use code per token, whatever its length, so that the diff and diff-match-patch's
    clean-up see tokens as symbols. A BMP character is its own token's code moved to plane 15, all
    at once in C; only the tokens of ``_NAMED`` are looked up, and numbered in plane 16."""
    codes = _plane15(text)
    out, last = [], 0
    for m in _NAMED.finditer(text):
        tok = m.group()
        code = vocab.get(tok)
        if code is None:
            if len(alphabet) >= _NAMED_SYMBOLS:
                raise _TooManySymbols
            code = vocab[tok] = chr(0x100000 + len(alphabet))
            alphabet.append(tok)
        start, last_end = m.span()
        out += (codes[last:start], code)
        last = last_end
    out.append(codes[last:])
    return "".join(out)


def _plane15(text: str) -> str:
    """Every character moved to plane 15 (0xF0000 + its code point within its plane), in C."""
    raw = bytearray(text.encode("utf-32-le", "surrogatepass"))
    raw[2::4] = b"\x0f" * len(text)
    return raw.decode("utf-32-le")


def _plane0(codes: str) -> str:
    """``_plane15`` undone (a plane-16 code comes back as garbage: ``_decoded`` replaces it)."""
    raw = bytearray(codes.encode("utf-32-le"))
    raw[2::4] = bytes(len(codes))
    return raw.decode("utf-32-le", "surrogatepass")


def _decoded(diffs: list, alphabet: list) -> list[tuple[int, str]]:
    """The segments of ``_encode``'s codes as text: all moved back to the BMP at once, the few
    named codes replaced by their tokens."""
    whole = "".join([code for _, code in diffs])
    plain = _plane0(whole)
    named = [m.start() for m in _NAMED_CODE.finditer(whole)]
    out, start, k = [], 0, 0
    for op, code in diffs:
        end = start + len(code)
        if k == len(named) or named[k] >= end:
            out.append((op, plain[start:end]))
        else:
            pieces, last = [], start
            while k < len(named) and named[k] < end:
                at = named[k]
                pieces += (plain[last:at], alphabet[ord(whole[at]) - 0x100000])
                last, k = at + 1, k + 1
            pieces.append(plain[last:end])
            out.append((op, "".join(pieces)))
        start = end
    return out


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
    return _decoded(_diff(old_code, new_code, 0), alphabet)


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


def _looked_up(diffs: list, vocab: dict) -> list[tuple[int, str]]:
    """The segments of codes numbered one by one (``_numbered``: clauses or tokens) as text."""
    decode = {code: tok for tok, code in vocab.items()}
    return [(op, "".join(decode.get(ch, ch) for ch in text)) for op, text in diffs]


def _by_clauses(old: str, new: str) -> list[tuple[int, str]]:
    """A huge body: clauses as symbols first, then tokens within each changed run of clauses."""
    vocab: dict = {}

    try:
        old_code, new_code = _numbered(_CLAUSE.findall(old), vocab), _numbered(_CLAUSE.findall(new), vocab)
    except _TooManySymbols:  # more distinct clauses than symbols: characters, timed
        return [(op, text) for op, text in _diff(old, new, HUGE_TIMEOUT)]
    runs = _looked_up(_diff(old_code, new_code, HUGE_TIMEOUT), vocab)
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
    except _TooManySymbols:  # more named tokens than plane 16 holds: each token numbered
        return _tokens_each(old, new)
    return _decoded(_diff(old_code, new_code, HUGE_TIMEOUT), alphabet)


def _tokens_each(old: str, new: str) -> list[tuple[int, str]]:
    """``_tokens_timed`` with every token numbered in turn, as many as planes 15 and 16 hold,
    else characters."""
    vocab: dict = {}
    try:
        old_code, new_code = _numbered(_TOKEN.findall(old), vocab), _numbered(_TOKEN.findall(new), vocab)
    except _TooManySymbols:
        return [(op, text) for op, text in _diff(old, new, HUGE_TIMEOUT)]
    return _looked_up(_diff(old_code, new_code, HUGE_TIMEOUT), vocab)


def _numbered(pieces: list[str], vocab: dict) -> str:
    """One private-use code per distinct piece (a clause, a token), in turn through planes 15 and
    16; ``_TooManySymbols`` past their last code point. Empty pieces are skipped."""
    codes = []
    for piece in pieces:
        if piece:
            code = vocab.get(piece)
            if code is None:
                if len(vocab) >= _PRIVATE_SYMBOLS:
                    raise _TooManySymbols
                code = vocab[piece] = chr(0xF0000 + len(vocab))
            codes.append(code)
    return "".join(codes)


def _merged(segments: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Adjacent segments of the same kind as one."""
    out: list[tuple[int, str]] = []
    for op, text in segments:
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        elif text:
            out.append((op, text))
    return out
