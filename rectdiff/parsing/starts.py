"""What a pattern can start with, read off its own syntax tree, so that a scan tries it only there.

``re`` tries a pattern that opens with a group, an alternation or a look-behind at every position
of the text; a long alternation (the status grammar, the quantities) over text that is mostly not
what it looks for costs a try per character. Led by ``(?=[…])``, the characters a match can start
with, each other position costs one character test. The set is read off the parsed pattern, so a
word added to the lexicon is never skipped; a pattern that may start anywhere gets no shortcut.

``re`` parses a pattern in pure Python (a few µs a character), and compiling the scanned pattern
parses it again; so the set is first read off the pattern's text by ``_read_first`` (its tokens cut
in C, a step per token: the syntax the grammar is written in), and only a pattern that reads
otherwise (flags, back-references, conditionals, named characters) is parsed for it by ``re._parser``.
Both read the same set (tests/test_status.py checks them on every scanned pattern and the lexicon).
"""

from __future__ import annotations

import re

try:  # the patterns' own syntax trees: what a phrase can start with
    from re import _parser
except ImportError:  # Python 3.10
    import sre_parse as _parser


def scanned(pattern: str) -> re.Pattern:
    """``pattern`` compiled with its first characters looked ahead for (the same matches)."""
    return re.compile(first_chars(pattern) + f"(?:{pattern})")


def first_chars(pattern: str) -> str:
    """``(?=[…])``: the characters a match of ``pattern`` can start with, so that the scan skips every
    other position at the cost of one character test (the grammar is long; the texts are mostly not
    status words). Read off the pattern itself, so a phrase added to the lexicon is never skipped;
    '' (no shortcut) where a start is not a plain character or class, or its case is ignored."""
    try:
        chars = _read_first(pattern)
    except _Unread:
        chars = _parsed_first(pattern)
    return "" if chars is None else "(?=[" + "".join(sorted(chars)) + "])"


def _parsed_first(pattern: str) -> set[str] | None:
    """The first characters read off ``re``'s own syntax tree of ``pattern`` (None: no shortcut)."""
    parsed = _parser.parse(pattern)
    return None if parsed.state.flags & re.IGNORECASE or _nullable(parsed) else _first_set(parsed)


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


# ``_read_first``: the same set read off the pattern's text. A token is an escape, a class, a group's
# opening ("(?" alone: a construct not read here), a closing, a bar, a quantifier, a run of plain
# characters (one token: a quantifier after it takes its last) or one character.
# (an escape takes the hex digits after \u, \U or \x, as many as there are: one of another length is
# left to the tree; "{}" is no quantifier, _item reads it as the characters it is)
_TOKENS = re.compile(
    r"\\(?:[uUx][0-9a-fA-F]*|.)|\[\^?\]?(?:\\.|[^\]\\])*\]|\(\?(?:P<\w+>|<?[=!]|:)?|[()|]"
    r"|(?:[*+?]|\{\d*(?:,\d*)?\})[?+]?|[^\\\[()|*+?{.^$]+|.",
    re.S,
)
#: the length of an escape inside a class, by its letter (\u4e00, \U0001f600, \x41; else \n, \-)
_ESCAPE_LENGTHS = {"u": 6, "U": 10, "x": 4}
_ZERO_WIDTH_OPENERS = ("(?=", "(?!", "(?<=", "(?<!")
_GROUP_OPENERS = ("(", "(?:")
_ZERO_WIDTH = {"^", "$", "\\b", "\\B", "\\A", "\\Z"}
_CATEGORY_ESCAPES = set(_CATEGORIES.values())
_HEX = set("0123456789abcdefABCDEF")
_CONTROL_ESCAPES = {"\\a": "\a", "\\f": "\f", "\\n": "\n", "\\r": "\r", "\\t": "\t", "\\v": "\v"}


class _Unread(Exception):
    """The pattern uses syntax ``_read_first`` does not read: ``re._parser`` reads it."""


def _read_first(pattern: str) -> set[str] | None:
    """``_parsed_first`` read off the text: the first set, None where a match may start anywhere
    (or at no character: a pattern that may match nothing); ``_Unread`` for syntax not read here."""
    tokens = _TOKENS.findall(pattern)
    first, nullable, end = _alternation(tokens, 0)
    if end != len(tokens):
        raise _Unread  # an unbalanced ")": re refuses it
    return None if nullable else first


def _alternation(tokens: list[str], i: int) -> tuple[set[str] | None, bool, int]:
    """The first set and nullability of the branches from ``tokens[i]`` to the group's end."""
    sets, nullable = [], False
    while True:
        first, empty, i = _sequence(tokens, i)
        sets.append(first)
        nullable = nullable or empty
        if i == len(tokens) or tokens[i] != "|":
            return _union(sets), nullable, i
        i += 1


def _sequence(tokens: list[str], i: int) -> tuple[set[str] | None, bool, int]:
    """One branch: the items up to its bar or closing; its set stops at the first item that takes a
    character, as ``_first_set`` does (an item left unknown there makes the branch start anywhere)."""
    out: set[str] | None = set()
    nullable = True
    while i < len(tokens) and tokens[i] not in ("|", ")"):
        if out is None or not nullable:  # the set is read: the rest of the branch is only passed
            return out, nullable, _branch_end(tokens, i)
        first, empty, kind, i = _item(tokens, i)
        if i < len(tokens) and _is_quantifier(tokens[i]):
            if kind == "zero_width":
                raise _Unread
            # after a run of characters the quantifier takes its last one: the first stays
            empty = empty or (kind == "item" and _may_repeat_none(tokens[i]))
            i += 1
        if kind != "zero_width":
            out = None if first is None else out | first
            nullable = empty
    return out, nullable, i


def _branch_end(tokens: list[str], i: int) -> int:
    """The index of the bar or closing that ends the branch ``tokens[i]`` stands in."""
    depth = 0
    for k in range(i, len(tokens)):
        token = tokens[k]
        if token == "[" or (token == "(?" and tokens[k + 1 : k + 2] != ["("]):
            raise _Unread  # passed only: a conditional (?(name)…|…), whose "(?" and "(" both close
        if token[0] == "(":
            depth += 1
        elif token == ")" or token == "|":
            if not depth:
                return k
            depth -= token == ")"
    if depth:
        raise _Unread  # a group left open: re refuses it
    return len(tokens)


def _item(tokens: list[str], i: int) -> tuple[set[str] | None, bool, str, int]:
    """(first set, nullable, kind, next index) of the item at ``tokens[i]``; the kind is
    ``zero_width`` (a look-around, an anchor), ``run`` (two characters or more) or ``item``."""
    token = tokens[i]
    if token in _GROUP_OPENERS or token.startswith("(?P<"):
        first, nullable, end = _alternation(tokens, i + 1)
        return first, nullable, "item", _closed(tokens, end)
    if token in _ZERO_WIDTH_OPENERS:
        _, _, end = _alternation(tokens, i + 1)
        return None, True, "zero_width", _closed(tokens, end)
    if token in _ZERO_WIDTH:
        return None, True, "zero_width", i + 1
    if token.startswith("(") or _is_quantifier(token) or token == "[":
        raise _Unread  # (?i) (?P=…) (?(1)…) (?#…), a quantifier with nothing to repeat, a class left open
    if token == ".":
        return None, False, "item", i + 1
    if token.startswith("[") and len(token) > 2:
        return _class(token[1:-1]), False, "item", i + 1
    if token in _CATEGORY_ESCAPES:
        return {token}, False, "item", i + 1
    if len(token) > 1 and not token.startswith("\\"):  # a run, or {} read as characters
        return {re.escape(token[0])}, False, "run", i + 1
    return {re.escape(_char(token))}, False, "item", i + 1


def _closed(tokens: list[str], end: int) -> int:
    if end == len(tokens):
        raise _Unread  # a group left open: re refuses it
    return end + 1


def _is_quantifier(token: str) -> bool:
    return token[0] in "*+?" or (token[0] == "{" and len(token) > 1 and token[1] != "}")


def _may_repeat_none(quantifier: str) -> bool:
    """``*``, ``?``, ``{0,3}``, ``{,3}``: the item may be taken no time."""
    if quantifier[0] != "{":
        return quantifier[0] in "*?"
    low = quantifier[1:].split(",")[0].split("}")[0]
    return int(low or 0) == 0


def _class(body: str) -> set[str] | None:
    """The items of a class as ``_class_item`` writes them; None for a negated class."""
    if body.startswith("^"):
        return None
    items, k = [], 0
    while k < len(body):
        length = _ESCAPE_LENGTHS.get(body[k + 1], 2) if body[k] == "\\" else 1
        items.append(body[k : k + length])
        k += length
    out, k = set(), 0
    while k < len(items):
        if items[k] in _CATEGORY_ESCAPES:
            if k + 2 < len(items) and items[k + 1] == "-":
                raise _Unread  # [\d-z]: re refuses a range from a category
            out.add(items[k])
            k += 1
        elif k + 2 < len(items) and items[k + 1] == "-":
            lo, hi = _char(items[k]), _char(items[k + 2])
            if lo > hi or items[k + 2] in _CATEGORY_ESCAPES:
                raise _Unread
            out.add(f"{re.escape(lo)}-{re.escape(hi)}")
            k += 3
        else:
            out.add(re.escape(_char(items[k])))
            k += 1
    return out


def _char(token: str) -> str:
    """The character a literal token (a character or an escape) stands for."""
    if not token.startswith("\\"):
        return token
    if token[1] in "uUx" and len(token) == _ESCAPE_LENGTHS[token[1]] and _HEX.issuperset(token[2:]):
        return chr(int(token[2:], 16))
    if token in _CONTROL_ESCAPES:
        return _CONTROL_ESCAPES[token]
    if token[1].isascii() and token[1].isalnum():
        raise _Unread  # \N{…}, a back-reference, \b in a class, an unknown escape
    return token[1]
