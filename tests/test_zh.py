"""The ground floor: normalization, numerals, and the lexicon's own invariants."""

from __future__ import annotations

import pytest

from rectdiff.zh import lexicon
from rectdiff.zh.normalize import TRADITIONAL, match_key, norm, simplified
from rectdiff.zh.numerals import chinese_int, parse_number, to_chinese


def test_traditional_table_matches_zhconv():
    """zh/traditional.txt is generated from zhconv's table; it must not drift from it."""
    from zhconv import zhconv

    table = zhconv.getdict("zh-cn")
    expected = {k: v for k, v in table.items() if len(k) == 1 and len(v) == 1 and k != v}
    assert TRADITIONAL == set(expected)
    assert simplified("".join(expected)) == "".join(expected.values())


@pytest.mark.parametrize("text, expected", [
    ("持續整改跟蹤中", "持续整改跟踪中"), ("問題已經整改完成", "问题已经整改完成"), ("已完成整改", "已完成整改"),
])  # fmt: skip
def test_simplified_is_one_for_one(text, expected):
    assert simplified(text) == expected and len(simplified(text)) == len(text)


def test_norm_keeps_length_and_positions():
    text = "截至目前，已完成整改１２个（含“四个意识”）。"
    assert len(norm(text)) == len(text)
    assert norm(text) == "截至目前,已完成整改12个(含“四个意识”)。"
    assert match_key("“会议过多”问题。") == match_key("会议过多问题")


def test_norm_is_half_width_then_simplified(monkeypatch):
    """One table does both: full-width to half-width first (「 is full-width and traditional too),
    then traditional to simplified, for every character either map changes; the same with the list
    a large comparison switches to, and for a text with characters beyond U+FFFF (𠁞 -> 𠀾)."""
    from rectdiff.zh import normalize

    every = "".join(map(chr, normalize._WIDTH)) + "".join(sorted(TRADITIONAL)) + "「持續」『問題』,12。"
    in_bmp = "".join(c for c in every if ord(c) < 0x10000)
    for normalized in (0, normalize._LIST_AFTER):  # the dictionary, then the list
        monkeypatch.setattr(normalize, "_normalized", normalized)
        normalize.norm.cache_clear()
        assert norm(in_bmp) == normalize.simplified(normalize.halfwidth(in_bmp))
        assert norm(every) == normalize.simplified(normalize.halfwidth(every))
        assert norm("「持續整改」,問題12個𠁞") == "“持续整改”,问题12个𠀾"


@pytest.mark.parametrize("text, value", [
    ("一百零三", 103), ("十二", 12), ("两千三百", 2300), ("二〇二三", 2023), ("一万两千", 12000), ("三", 3),
])  # fmt: skip
def test_chinese_numerals(text, value):
    assert chinese_int(text) == value
    assert parse_number(text) == value


@pytest.mark.parametrize("n", [1, 9, 10, 11, 20, 21, 99, 100, 105, 110, 999])
def test_numerals_round_trip(n):
    assert chinese_int(to_chinese(n)) == n


def lexicon_modules():
    """The lexicon's modules, each with its source: every one of them is part of the one lexicon."""
    import importlib
    import inspect
    import pkgutil

    for info in pkgutil.iter_modules(lexicon.__path__):
        module = importlib.import_module(f"{lexicon.__name__}.{info.name}")
        yield module, inspect.getsource(module).splitlines()


def test_every_lexicon_entry_says_what_it_is():
    """Each public name of the lexicon carries a comment (#:) with an example and a why, in the module
    that defines it."""
    import re

    undocumented, defined = [], set()
    for module, source in lexicon_modules():
        for name in [n for n in vars(module) if n.isupper() and not n.startswith("_")]:
            line = next((i for i, text in enumerate(source) if re.match(rf"^(?:\w+, )*{name}\b[^=]*=", text)), None)
            if line is None:  # imported from a sibling module, documented there
                continue
            defined.add(name)
            before = source[max(0, line - 6) : line]
            if not any(t.startswith("#:") or t.startswith("# ") for t in before):
                undocumented.append(f"{module.__name__}.{name}")
    assert undocumented == []
    assert defined == {n for n in vars(lexicon) if n.isupper()}


def test_each_lexicon_name_has_one_home():
    """A name is defined in one module of the lexicon only, and the package holds the same object."""
    import re

    homes: dict[str, list[str]] = {}
    for module, source in lexicon_modules():
        for text in source:
            if match := re.match(r"^((?:[A-Z][A-Z0-9_]*, )*[A-Z][A-Z0-9_]*)\b[^=(]*=", text):
                for name in match.group(1).split(", "):
                    homes.setdefault(name, []).append(module.__name__)
                    assert getattr(lexicon, name) is getattr(module, name)
    assert {name: where for name, where in homes.items() if len(where) > 1} == {}


def lazy_patterns():
    """Every pattern of the lexicon, by name (those inside a table of patterns too)."""
    from rectdiff.zh.lexicon.lazy import LazyPattern

    for name, value in vars(lexicon).items():
        if isinstance(value, LazyPattern):
            yield name, value
        elif isinstance(value, list):
            yield from ((f"{name}[{i}]", x) for i, row in enumerate(value) for x in row if isinstance(x, LazyPattern))


def test_importing_the_lexicon_compiles_no_pattern():
    """The lexicon's patterns compile on first use: importing it in a fresh process compiles none of
    them, and every pattern of it is such a lazy one (none compiled at import by ``re.compile``)."""
    import subprocess
    import sys

    compiler = "re._compiler" if sys.version_info >= (3, 11) else "sre_compile"  # where re.compile compiles
    code = (
        f"import re, {compiler} as c; n = []; orig = c.compile\n"
        "c.compile = lambda *a: n.append(a) or orig(*a)\n"
        "import rectdiff.zh.lexicon as lx\n"
        "print(len(n), sum(isinstance(v, re.Pattern) for v in vars(lx).values()))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.split() == ["0", "0"]
    assert len(dict(lazy_patterns())) > 100


def test_a_lazy_pattern_is_never_formatted_into_another():
    """f"{lx.NAME}" of a lazy pattern would build a regex of its repr, one that still compiles:
    it is refused, and .pattern is the text."""
    from rectdiff.zh.lexicon.lazy import pattern

    lazy = pattern("已完成")
    with pytest.raises(TypeError, match=r"use its \.pattern"):
        f"(?:{lazy})"
    assert f"(?:{lazy.pattern})" == "(?:已完成)" and repr(lazy) == "pattern('已完成')"


def test_a_lazy_pattern_answers_as_its_compiled_pattern():
    """Each lexicon pattern compiles to exactly ``re.compile(pattern)``; once used, its methods are the
    compiled pattern's own (no wrapper left on the path of every later call)."""
    import re

    text = "一、关于“会议过多”问题。截至2023年12月22日,已完成整改12个(完成率95.5%),正在推进3项。"
    for name, lazy in lazy_patterns():
        expected = re.compile(lazy.pattern)
        assert lazy.compiled == expected and lazy.flags == expected.flags and lazy.groups == expected.groups, name
        assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in expected.finditer(text)], name
        found, wanted = lazy.search(text), expected.search(text)
        assert lazy.sub("#", text) == expected.sub("#", text) and (found and found.span()) == (wanted and wanted.span())
        assert vars(lazy)["search"] == lazy.compiled.search and vars(lazy)["match"] == lazy.compiled.match, name
