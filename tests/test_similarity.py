"""align/similarity.py: the pure-Python ratio and alignment of small runs are rapidfuzz's, float for
float and block for block, and a run takes rapidfuzz itself only when it has more to do than its
import costs."""

from __future__ import annotations

import math
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from rectdiff.align import similarity

from .conftest import V1, V2, V3, V4

# few letters, so that long common subsequences and ties are frequent; one outside the BMP
texts = st.text(alphabet="整改落实制度学习ab1\U00020000", max_size=12) | st.text(alphabet="整改ab", max_size=400)
cutoffs = st.sampled_from([0.0, 30.0, 50.0, 60.0, 62.0, 89.99, 90.0, 100.0]) | st.floats(0, 100)


@settings(max_examples=1000, deadline=None)
@given(texts, texts, cutoffs)
def test_the_python_ratio_is_rapidfuzzs(a, b, cutoff):
    """The same float, not an approximation: the assignment and the JSON read these scores."""
    score = similarity._ratio(a, b, cutoff)
    assert (0.0 if score is None else score) == fuzz.ratio(a, b, score_cutoff=cutoff)
    assert similarity._ratio(a, b, 0.0) == fuzz.ratio(a, b)


@settings(max_examples=500, deadline=None)
@given(texts, st.lists(texts, max_size=12), st.none() | cutoffs)
def test_the_python_extract_is_rapidfuzzs(query, choices, cutoff):
    """Every choice at the cut-off or above, the most similar first, equal scores in order."""
    expected = process.extract(query, choices, scorer=fuzz.ratio, limit=None, score_cutoff=cutoff)
    assert similarity._extract(query, choices, cutoff or 0.0) == expected


@settings(max_examples=1000, deadline=None)
@given(texts, texts, st.sampled_from([0.0, 1e-9, -1e-9, 3e-6, -3e-6, 1e-5, -1e-5, "up", "down"]))
def test_a_cutoff_at_the_score_itself_is_read_as_rapidfuzz_reads_it(a, b, offset):
    """At the edge: ratio compares the similarity with cutoff / 100; extract holds the cut-off as a
    float32 and compares the score with it (a score a float32 step under the cut-off is kept)."""
    score = fuzz.ratio(a, b)
    if isinstance(offset, str):
        cutoff = math.nextafter(score, 200 if offset == "up" else -1)
    else:
        cutoff = score * (1 + offset) if abs(offset) < 1e-8 else score + offset
    cutoff = min(100.0, max(0.0, cutoff))
    mine = similarity._ratio(a, b, cutoff)
    assert (0.0 if mine is None else mine) == fuzz.ratio(a, b, score_cutoff=cutoff)
    for choices in ([b], [b, a, b[::-1]]):
        expected = process.extract(a, choices, scorer=fuzz.ratio, limit=None, score_cutoff=cutoff)
        assert similarity._extract(a, choices, cutoff) == expected


codes = st.text(alphabet="整改ab\U000f0001\U00100002", max_size=90)


@settings(max_examples=1000, deadline=None)
@given(codes, codes, st.integers(0, 90), st.integers(0, 90))
def test_the_python_alignment_is_rapidfuzzs(a, b, cut, resume):
    """Of several equally long common subsequences, the one rapidfuzz takes: the redline reads it.
    ``b`` is also tried as ``a`` with a piece put in (the usual edit of a body)."""
    for new in (b, a[:cut] + b + a[resume:]):
        expected = [tuple(op) for op in Indel.opcodes(a, new)]
        assert similarity._opcodes(similarity._editops(a, new), len(a), len(new)) == expected


_LOADED = (
    "import sys\nfrom rectdiff.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
    "print('rapidfuzz' in sys.modules)"
)


def loads_rapidfuzz(args: list[str]) -> str:
    """Whether a real ``rectdiff args`` process ends with rapidfuzz loaded."""
    proc = subprocess.run([sys.executable, "-c", _LOADED, *args], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()[-1]


def test_a_series_of_the_examples_runs_without_rapidfuzz(tmp_path):
    """rapidfuzz takes about 7.5 ms to import: more than the few hundred short scores and
    alignments of three comparisons (one compare: tests/test_cli.py's ``START_UP_FORBIDDEN``)."""
    versions = [str(v) for v in (V1, V2, V3, V4)]
    assert loads_rapidfuzz(["series", *versions, "--json", str(tmp_path / "s.json"), "-q"]) == "False"
    assert (tmp_path / "s.json").stat().st_size > 1000


def test_past_the_budget_rapidfuzz_scores():
    """A run with more to score than ``BUDGET`` takes rapidfuzz, with the same scores."""
    code = (
        "import sys; from rectdiff.align import similarity as s\n"
        "a, b = '整改落实' * 200, '落实整改' * 200\n"
        "first = [s.ratio(a, b), s.extract(a, [b, a]), s.opcodes(a, b)]\n"
        "before = 'rapidfuzz' in sys.modules\n"
        "rest = [[s.ratio(a, b), s.extract(a, [b, a]), s.opcodes(a, b)] for _ in range(60)]\n"
        "print(before, 'rapidfuzz' in sys.modules, all(r == first for r in rest))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True", "True"]


def test_an_alignment_past_the_budget_takes_rapidfuzz_before_it_starts():
    """The seed pair's 74 x 77 headings would spend the whole budget in Python first."""
    code = (
        "import sys; from rectdiff.align import similarity as s\n"
        "s.expect(100); small = 'rapidfuzz' in sys.modules\n"
        "s.expect(74 * 77); print(small, 'rapidfuzz' in sys.modules, s._spent[0])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True", "0"]
