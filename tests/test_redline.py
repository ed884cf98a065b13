"""The redline's encoding (diff/redline.py: BMP characters moved to plane 15 at once, only the
longer tokens numbered) gives exactly the redlines of the plain encoding it replaced, which
numbered every token in turn: that encoding is kept here as the reference, and both are run on
random texts of figures with units, latin words, spaces, astral characters and lone surrogates."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from rectdiff.diff import redline as module

PRIVATE_SYMBOLS = 0x10FFFD - 0xF0000


class TooMany(Exception):
    pass


def reference_codes(old: str, new: str) -> tuple[str, str, dict]:
    """Every token numbered in turn from 0xF0000 (the encoding before plane 15)."""
    vocab: dict = {}

    def encode(text):
        out = []
        for tok in module._TOKEN.findall(text):
            if tok not in vocab:
                if len(vocab) >= PRIVATE_SYMBOLS:
                    raise TooMany
                vocab[tok] = chr(0xF0000 + len(vocab))
            out.append(vocab[tok])
        return "".join(out)

    return encode(old), encode(new), vocab


def reference_decoded(diffs, vocab):
    decode = {code: tok for tok, code in vocab.items()}
    return [(op, "".join(decode.get(ch, ch) for ch in text)) for op, text in diffs]


def reference_redline(old: str, new: str):
    if old == new:
        return [(module.EQUAL, old)] if old else []
    old_code, new_code, vocab = reference_codes(old, new)
    if max(len(old_code), len(new_code)) > module.HUGE_TOKENS:
        return module._by_clauses(old, new)
    return reference_decoded(module._diff(old_code, new_code, 0), vocab)


PIECES = ["整改", "完成", "458万平方米", "500万平方米", "3.5亿元", "12个", "20余户", "1,200多吨",
          "７", "٣", "abc", "Ab", "x", " ", "  ", "\n", "\t", "，", "。", "；", "\U00020000", "\U0010fffd",
          "\U000f0001", "\U00100000", "\ud800", "\ue000", "5", "0.5", "万", "个百分点", "\U0001d7ce", "\u3000",
          "\U0001d7ce5万吨"]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES) | st.characters(), max_size=40)


@st.composite
def text_pairs(draw):
    """Two versions: the second is the first with some pieces replaced, dropped or added."""
    old = draw(texts)
    new = list(old)
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(new)))
        piece = draw(st.sampled_from(PIECES) | st.characters())
        action = draw(st.sampled_from(["insert", "replace", "drop"]))
        if action == "insert" or at == len(new):
            new.insert(at, piece)
        elif action == "replace":
            new[at] = piece
        else:
            del new[at]
    return "".join(old), "".join(new)


@settings(max_examples=400, deadline=None)
@given(text_pairs())
def test_redline_is_the_plain_encodings(pair):
    old, new = pair
    got = module.redline(old, new)
    assert got == reference_redline(old, new)
    assert "".join(t for op, t in got if op != module.INSERT) == old
    assert "".join(t for op, t in got if op != module.DELETE) == new


@settings(max_examples=300, deadline=None)
@given(text_pairs())
def test_the_named_tokens_are_the_plain_tokens_but_other_single_characters(pair):
    """``_NAMED`` (one character class first, its kind told by a look-behind) finds exactly the
    tokens of ``_TOKEN`` save the single characters that are no digit, latin letter, space or
    astral character."""
    for text in pair:
        kept = [t for t in module._TOKEN.findall(text) if len(t) > 1 or t > "\uffff" or re.match(r"[\dA-Za-z\s]", t)]
        assert module._NAMED.findall(text) == kept


@settings(max_examples=150, deadline=None)
@given(text_pairs(), st.integers(1, 4))
def test_the_runs_of_a_huge_body_too_and_past_plane_16(pair, named):
    """The changed runs of a huge body (diff-match-patch under its time-out, never reached by
    texts this short), also when there are more named tokens than codes for them."""
    from unittest import mock

    old, new = pair
    old_code, new_code, vocab = reference_codes(old, new)
    expected = reference_decoded(module._diff(old_code, new_code, module.HUGE_TIMEOUT), vocab)
    assert module._tokens_timed(old, new) == expected
    with mock.patch.object(module, "_NAMED_SYMBOLS", named):
        assert module._tokens_timed(old, new) == expected


def test_a_figure_with_its_unit_stays_one_token_beside_astral_characters():
    """The tokens of the plain encoding: 458万平方米 is replaced whole, the astral character and
    the lone surrogate come back as they were."""
    old, new = "\U00020000完成458万平方米\ud800整改", "\U00020000完成500万平方米\ud800整改"
    assert module.redline(old, new) == [
        (0, "\U00020000完成"),
        (-1, "458万平方米"),
        (1, "500万平方米"),
        (0, "\ud800整改"),
    ]


def test_a_body_of_more_distinct_clauses_than_symbols_is_diffed_by_characters(monkeypatch):
    """Past plane 16's last code point (0x20000 distinct clauses in one body) the clause codes give
    out: the redline falls back to characters under the time-out (it raised ValueError from chr)."""
    monkeypatch.setattr(module, "HUGE_TIMEOUT", 0.2)
    count = 0x20000 + 10
    old = ";".join(f"{i:x}" for i in range(count))
    new = ";".join(f"{i:x}" for i in range(count - 1, count - 1001, -1)) + ";" + old[:5000]
    segments = module.redline(old, new)
    assert "".join(text for op, text in segments if op != module.INSERT) == old
    assert "".join(text for op, text in segments if op != module.DELETE) == new
