"""The catalogue of what the user reads: every key the code asks for exists, both languages of a
message take the same parameters, and ``say`` fills each language with its own words."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from rectdiff.catalogue import CODES, MESSAGES, WORDS, Said, join, say, status_name

PACKAGE = Path(__file__).resolve().parents[1] / "rectdiff"
#: say("key" …) / say(f"prefix.{x}" …) in the code
ASKED = re.compile(r"""\bsay\(\s*(f?)["']([^"'{]+)""")
#: messages whose languages say a figure differently (1/3 in Chinese, ×0.333 in English)
DIFFERENT_PARAMETERS = {"check.fraction"}


def _asked() -> list[tuple[str, str, bool]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for m in ASKED.finditer(path.read_text(encoding="utf-8")):
            found.append((str(path.relative_to(PACKAGE)), m.group(2), bool(m.group(1))))
    return found


def test_every_key_the_code_asks_for_is_in_the_catalogue():
    known = {k for k in (*MESSAGES, *WORDS, *CODES) if isinstance(k, str)}
    asked = _asked()
    assert len(asked) > 100  # the checks, the doubts, the places and the errors all ask by key
    missing = [(where, key) for where, key, prefix in asked
               if not (any(k.startswith(key) for k in known) if prefix else key in known)]  # fmt: skip
    assert missing == []


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_both_languages_take_the_same_parameters(key):
    zh, en = MESSAGES[key]
    assert zh and en
    if key not in DIFFERENT_PARAMETERS:
        assert _fields(zh) == _fields(en)


def test_say_gives_each_language_its_own_words():
    parts = join(
        "sep.plus", [say("check.count", status=status_name(s), n=n) for s, n in (("completed", 3), ("in_progress", 2))]
    )
    message = say("check.sum_ok", category="具体问题", parts=parts, whole=5)
    assert message == Said("具体问题:已完成3+正在推进2 = 总数5", "具体问题: completed 3 + in progress 2 = total 5")
    assert message.text("en").endswith("total 5") and message.text() == message.zh
    assert say("check.rate_ok", category="问题", value=1, whole=3, actual=100 / 3, rate=33.3).en == (
        "问题: 1/3 = 33.33%, matches the stated 33.3%"
    )
    with pytest.raises(KeyError):
        say("check.no_such_message")
