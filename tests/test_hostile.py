"""Hard and hostile inputs: property-based edits and a bounded fuzz run over reader and parser.

Whatever the input, rectdiff either returns a result or raises one of its own errors.
"""

from __future__ import annotations

import io
import random

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import rectdiff
from rectdiff.errors import ParseError, ReadError
from rectdiff.parsing import parse_text
from rectdiff.read import read_report

from .conftest import V1, V2

BASE = V1.read_text(encoding="utf-8")
OTHER = V2.read_text(encoding="utf-8")
SETTINGS = settings(
    max_examples=int(__import__("os").environ.get("RECTDIFF_EXAMPLES", 40)),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _apply(text: str, ops: list[tuple[str, int, int, str]]) -> str:
    """Apply random edits: insert, delete or replace a span; renumber; change digits; shuffle lines."""
    for op, a, b, s in ops:
        n = len(text)
        a, b = sorted((a % (n + 1), b % (n + 1)))
        if op == "insert":
            text = text[:a] + s + text[a:]
        elif op == "delete":
            text = text[:a] + text[min(b, a + 200) :]
        elif op == "replace":
            text = text[:a] + s + text[min(b, a + 50) :]
        elif op == "renumber":
            text = text.replace(f"{a % 7 + 1}.针对", f"{b % 9 + 1}.针对", 1)
        elif op == "digits":
            text = text.translate(str.maketrans("0123456789", "1234567890")) if a % 2 else text
        elif op == "duplicate":  # a block of lines copied elsewhere (a page pasted twice)
            lines = text.split("\n")
            start = a % max(1, len(lines))
            block = lines[start : start + 1 + b % 12]
            at = (a + b) % (len(lines) + 1)
            text = "\n".join(lines[:at] + block + lines[at:])
        elif op == "repeat_section":  # a whole section (一、… up to the next) appears twice
            lines = text.split("\n")
            heads = [i for i, ln in enumerate(lines) if ln[:2] in ("一、", "二、", "三、", "四、", "五、")] or [0]
            first = heads[a % len(heads)]
            end = next((h for h in heads if h > first), len(lines))
            at = end if b % 2 else first
            text = "\n".join(lines[:at] + lines[first:end] + lines[at:])
        elif op == "shuffle":
            lines = text.split("\n")
            random.Random(a).shuffle(lines)
            text = "\n".join(lines)
    return text


EDIT = st.tuples(
    st.sampled_from(["insert", "delete", "replace", "renumber", "digits", "shuffle", "duplicate", "repeat_section"]),
    st.integers(0, 10_000),
    st.integers(0, 10_000),
    st.text(alphabet="一二三、()(1.针对“”问题整改已完成正在推进个万亿元%,。\n=@\t\x07", max_size=30),
)


def _parse_or_none(text):
    try:
        return parse_text(text)
    except ParseError:
        return None


@SETTINGS
@given(st.lists(EDIT, max_size=6))
def test_random_edits_never_crash_and_self_compare_is_empty(ops):
    text = _apply(BASE, ops)
    report = _parse_or_none(text)
    if report is None:
        return
    same = rectdiff.compare(report, report)
    assert set(same.pairs["change"]) <= {"unchanged"} and len(same.metric_changes) == 0
    other = rectdiff.compare(parse_text(BASE), report)
    assert len(other.pairs) >= max(len(report.compared), 1)


REPEAT = st.tuples(st.sampled_from(["duplicate", "repeat_section"]), st.integers(0, 10_000), st.integers(0, 10_000),
                   st.just(""))  # fmt: skip


@SETTINGS
@given(st.lists(REPEAT, min_size=1, max_size=3))
def test_duplicated_blocks_and_repeated_sections_parse_and_compare(ops):
    """A page pasted twice, a section repeated: read as items (no RecursionError, every item
    once in a comparison), and a report compared with itself shows no change."""
    text = _apply(BASE, ops)
    report = parse_text(text)
    assert report.items["item_id"].is_unique
    same = rectdiff.compare(report, report)
    assert set(same.pairs["change"]) <= {"unchanged"}
    other = rectdiff.compare(parse_text(BASE), report)
    assert len(other.pairs[other.pairs["new_id"].notna()]) == len(report.compared)


@SETTINGS
@given(st.lists(EDIT, min_size=1, max_size=4))
# a section repeated word for word: its copies score alike against every item, and the pairs
# chosen among the tied assignments depended on which side was which (align.TIE_BREAK)
@example([("shuffle", 271, 271, ""), ("delete", 0, 9, ""), ("delete", 0, 128, ""), ("repeat_section", 62, 62, "")])
def test_swapping_sides_swaps_the_pairs(ops):
    old = parse_text(OTHER)
    new = _parse_or_none(_apply(OTHER, ops))
    if new is None:
        return
    forward = rectdiff.compare(old, new)
    backward = rectdiff.compare(new, old)
    f = {(a, b) for a, b in zip(forward.pairs["old_id"], forward.pairs["new_id"])}
    b = {(y, x) for x, y in zip(backward.pairs["old_id"], backward.pairs["new_id"])}
    assert f == b


def test_seed_random_edits(seed_text):
    rng = random.Random(2024)
    old = parse_text(seed_text)
    for _ in range(5):
        ops = [
            (
                rng.choice(["insert", "delete", "replace", "renumber", "digits"]),
                rng.randrange(40_000),
                rng.randrange(40_000),
                "针对“新增”问题,进行了以下整改。已完成12个。",
            )
            for _ in range(4)
        ]
        new = parse_text(_apply(seed_text, ops))
        result = rectdiff.compare(old, new)
        assert len(result.pairs[result.pairs["new_id"].notna()]) == len(new.compared)
        assert len(result.pairs[result.pairs["old_id"].notna()]) == len(old.compared)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000))
def test_fuzz_random_bytes(data):
    try:
        doc = read_report(io.BytesIO(data))
    except ReadError:
        return
    try:
        rectdiff.parse(io.BytesIO(data))
    except (ReadError, ParseError):
        pass
    assert doc.paragraphs


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=2000))
def test_fuzz_random_unicode(text):
    try:
        report = rectdiff.parse(io.BytesIO(text.encode("utf-8", "surrogatepass")))
    except (ReadError, ParseError):
        return
    assert report.items["item_id"].is_unique


def test_very_long_line_and_deep_nesting():
    long_line = "1.针对问题,进行了以下整改。" + "完成整改任务12个。" * 100_000
    report = parse_text(long_line)
    assert len(report.items) == 1 and len(report.metrics) == 100_000
    markers = ["一、", "(一)", "1.", "(1)", "①"]
    deep = "\n".join(f"{markers[i % 5]}针对第{i}层问题,进行了以下整改。完成{i}项。" for i in range(3000))
    report = parse_text(deep)
    assert len(report.items) == 3000


@pytest.mark.parametrize("garbage", ["(cid:12)(cid:34)" * 200, "\ufffd" * 500])
def test_pdf_with_garbage_text_layer(tmp_path, garbage, monkeypatch):
    import rectdiff.read.pdf as read_pdf

    monkeypatch.setattr(read_pdf, "_drop_running_heads", lambda pages: [garbage])
    from .makers import REPORT_LINES, write_pdf

    path = write_pdf(tmp_path / "g.pdf", REPORT_LINES[:2])
    monkeypatch.setattr(read_pdf, "_page_lines", lambda page: [garbage])
    with pytest.raises(ReadError, match="无法识读"):
        read_report(path)
