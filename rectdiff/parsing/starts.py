"""What a pattern can start with, read off its own syntax tree, so that a scan tries it only there.

``re`` tries a pattern that opens with a group, an alternation or a look-behind at every position
of the text; a long alternation (the status grammar, the quantities) over text that is mostly not
what it looks for costs a try per character. Led by ``(?=[…])``, the characters a match can start
with, each other position costs one character test. The set is read off the parsed pattern, so a
word added to the lexicon is never skipped; a pattern that may start anywhere gets no shortcut.
"""

from __future__ import annotations

import re

from ..zh.compiled import derived, regex

try:  # the patterns' own syntax trees: what a phrase can start with
    from re import _parser
except ImportError:  # Python 3.10
    import sre_parse as _parser


def scanned(pattern: str) -> re.Pattern:
    """``pattern`` compiled with its first characters looked ahead for (the same matches)."""
    return regex(derived("first_chars", pattern, first_chars) + f"(?:{pattern})")


def first_chars(pattern: str) -> str:
    """``(?=[…])``: the characters a match of ``pattern`` can start with, so that the scan skips every
    other position at the cost of one character test (the grammar is long; the texts are mostly not
    status words). Read off the pattern itself, so a phrase added to the lexicon is never skipped;
    '' (no shortcut) where a start is not a plain character or class, or its case is ignored."""
    parsed = _parser.parse(pattern)
    chars = None if parsed.state.flags & re.IGNORECASE or _nullable(parsed) else _first_set(parsed)
    return "" if chars is None else "(?=[" + "".join(sorted(chars)) + "])"


def _first_set(items) -> set[str] | None:
    """The first characters of a parsed pattern (``re._parser`` items), escaped for a class; None
    when a match may start with anything (., a negated class). Where every item may match the empty
    string (``(?:(?<!…)|(?!…))``, ``(?:已)?``) the characters it starts with when it takes any: the
    caller reads on to what follows, and ``first_chars`` gives no shortcut to a pattern that is all
    such items (a match of nothing starts anywhere)."""
    out: set[str] = set()
    for op, av in items:
        name = _name(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):  # ^, \b, (?=…), (?<!…): no character taken
            continue
        if name == "LITERAL":
            return out | {re.escape(chr(av))}
        if name == "IN" and all(_name(o) in ("LITERAL", "RANGE", "CATEGORY") for o, _ in av):
            return out | {_class_item(_name(o), a) for o, a in av}
        if name == "SUBPATTERN" and av[1] & re.IGNORECASE:  # (?i:…): the class would miss the other case
            return None
        if name == "SUBPATTERN":
            first, nullable = _first_set(av[-1]), _nullable(av[-1])
        elif name == "BRANCH":
            first = _union([_first_set(b) for b in av[1]])
            nullable = any(_nullable(b) for b in av[1])
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            first, nullable = _first_set(av[2]), av[0] == 0 or _nullable(av[2])
        else:
            return None
        if first is None:
            return None
        out |= first
        if not nullable:
            return out
    return out


def _union(sets: list[set[str] | None]) -> set[str] | None:
    return None if any(s is None for s in sets) else set().union(*sets)


def _nullable(items) -> bool:
    """Can the parsed pattern match the empty string? (Only what ``_first_set`` walks.)"""
    for op, av in items:
        name = _name(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        if name == "SUBPATTERN" and _nullable(av[-1]):
            continue
        if name == "BRANCH" and any(_nullable(b) for b in av[1]):
            continue
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and (av[0] == 0 or _nullable(av[2])):
            continue
        return False
    return True


def _name(op) -> str:
    """The name of a parsed pattern's opcode (LITERAL, BRANCH …)."""
    return getattr(op, "name", str(op))


def _class_item(op: str, av) -> str:
    if op == "LITERAL":
        return re.escape(chr(av))
    if op == "RANGE":
        return f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"
    return _CATEGORIES[_name(av)]


_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
               "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}  # fmt: skip
