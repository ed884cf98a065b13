"""The pure-Python path of small problems (align/lsap.py, the list scores of align/scores.py, the
list branches of metric and total pairing) gives exactly the numpy path's scores and pairs: both
are run on random small inputs with each path forced, ties and float32 rounding included."""

from __future__ import annotations

import subprocess
import sys
from types import SimpleNamespace
from unittest import mock

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rectdiff.align import AlignOptions, align_items, assign, lsap
from rectdiff.align.assign import solve
from rectdiff.align.scores import list_scores, numpy_scores
from rectdiff.diff.metrics import pair_metrics
from rectdiff.diff.totals import total_pairs

from .conftest import EXAMPLES, V1, V2, V3, V4

NUMPY, PURE = 0, 10**9  # PURE_CELLS forcing each path


def both(run):
    """``run()`` with the numpy path forced, then with the pure-Python path forced."""
    out = []
    for cells in (NUMPY, PURE):
        with mock.patch.object(lsap, "PURE_CELLS", cells):
            out.append(run())
    return out


# few letters, so that similarities tie and headings, parents and bodies repeat
words = st.text(alphabet="改革学习制度ab", max_size=6)
bodies = st.text(alphabet="整改落实制度学习a", max_size=40)
kinds = st.sampled_from(["section", "item", "举一反三", "立行立改"])


@st.composite
def items(draw, max_size=9):
    count = draw(st.integers(0, max_size))
    out = []
    for k in range(count):
        parent = draw(st.sampled_from(["", "x"] + [f"i{j}" for j in range(k)]))
        out.append(SimpleNamespace(item_id=f"i{k}", parent_id=parent, kind=draw(kinds), key=draw(words),
                                   body=draw(bodies), order=draw(st.integers(0, 30))))  # fmt: skip
    return out


options = st.builds(
    AlignOptions,
    min_score=st.sampled_from([0.62, 0.3, 0.0]),
    min_heading=st.sampled_from([0.5, 0.2]),
    body_alone=st.sampled_from([0.9, 0.5, 0.0, 1.01]),
    body_gate=st.sampled_from([0.35, 0.0, 0.6]),
    full_body_cells=st.sampled_from([250_000, 0]),
    min_body_chars=st.sampled_from([20, 0]),
)


@settings(max_examples=300, deadline=None)
@given(items(), items(), options)
def test_list_scores_are_the_numpy_scores_wherever_the_assignment_reads_them(old, new, opts):
    """Heading and eligible cell for cell; score and body at every eligible cell (a cell the
    list path did not score, None, is never eligible)."""
    if not old or not new:
        return
    heading, score, body, eligible = (array.tolist() for array in numpy_scores(old, new, opts))
    list_heading, list_score, list_body, list_eligible = list_scores(old, new, opts)
    assert (list_heading, list_eligible) == (heading, eligible)
    cells = [(r, c) for r, row in enumerate(eligible) for c, ok in enumerate(row) if ok]
    assert [list_score[r][c] for r, c in cells] == [score[r][c] for r, c in cells]
    assert [list_body[r][c] for r, c in cells] == [body[r][c] for r, c in cells]


@settings(max_examples=300, deadline=None)
@given(items(), items(), options)
def test_alignment_is_the_same_on_either_path(old, new, opts):
    numpy_pairs, pure_pairs = both(lambda: align_items(old, new, opts))
    assert numpy_pairs == pure_pairs


def tied_matrices(draw_shape):
    rng = np.random.default_rng(draw_shape)
    for _ in range(60):
        shape = tuple(rng.integers(1, 12, 2))
        yield rng.random(shape)
        yield rng.integers(0, 3, shape).astype(float)  # many exact ties
        yield np.where(rng.random(shape) < 0.7, 0.0, -rng.random(shape).astype(np.float32)).astype(float)


@pytest.mark.parametrize("seed", range(4))
def test_solve_rows_is_solve(seed):
    for cost in tied_matrices(seed):
        assert lsap.solve_rows(cost.tolist()) == solve(cost)
        score, eligible = -cost, cost < -0.3
        assert lsap.assign_rows(score.tolist(), eligible.tolist()) == assign(score, eligible)


metric = st.builds(
    SimpleNamespace,
    unit=st.sampled_from(["个", "亿元", "%"]),
    label=st.text(alphabet="完成改造户12", max_size=5),
    nominal=st.sampled_from([None, 1.0, 2.0, 3.5]),
    text=st.sampled_from(["a", "b"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(metric, max_size=10), st.lists(metric, max_size=10))
def test_metric_pairs_are_the_same_on_either_path(old, new):
    numpy_pairs, pure_pairs = both(lambda: pair_metrics(old, new))
    assert numpy_pairs == pure_pairs


total = st.builds(
    SimpleNamespace, category=st.text(alphabet="巡察反馈问题具体", max_size=6), kind=st.sampled_from(["", "举一反三"])
)


@settings(max_examples=200, deadline=None)
@given(st.lists(total, max_size=6), st.lists(total, max_size=6))
def test_total_pairs_are_the_same_on_either_path(old, new):
    numpy_pairs, pure_pairs = both(lambda: total_pairs(old, new))
    assert numpy_pairs == pure_pairs


def test_the_seed_pair_compares_alike_on_either_path(seed_report):
    """A real report against an edited copy: 160 items, their quantities and totals."""
    import dataclasses

    import rectdiff

    items_ = seed_report.item_rows
    edited = [dataclasses.replace(r, key=r.key[::-1]) if k % 3 == 0 else r for k, r in enumerate(items_)]
    new = dataclasses.replace(seed_report, item_rows=tuple(edited[::-1]))
    with mock.patch.object(lsap, "PURE_CELLS", 2 * len(items_) ** 2):
        pure_result = rectdiff.compare(seed_report, new)
        assert lsap.pure(len(items_), len(items_))
    numpy_result = rectdiff.compare(seed_report, new)
    assert not lsap.pure(len(items_), len(items_))
    assert pure_result.pair_rows == numpy_result.pair_rows
    assert pure_result.metric_pairing == numpy_result.metric_pairing
    assert pure_result.total_pairing == numpy_result.total_pairing
    assert sum(p.change == "unchanged" for p in numpy_result.pair_rows) > 50


def heavy_modules(args: list[str]) -> list[str]:
    """numpy, scipy and pandas as loaded by a real process running ``rectdiff args``."""
    code = ("import sys\nfrom rectdiff.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'numpy', 'scipy', 'pandas'}))")  # fmt: skip
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()[-1]


def test_compare_series_and_parse_of_the_examples_load_no_numpy(tmp_path):
    """numpy (0.06-0.12 s to import) is for large problems: the examples' runs go without it."""
    versions = [str(v) for v in (V1, V2, V3, V4)]
    assert heavy_modules(["compare", str(V1), str(V2), "--json", str(tmp_path / "c.json"), "-q"]) == "[]"
    assert (tmp_path / "c.json").stat().st_size > 1000
    assert heavy_modules(["series", *versions, "--json", str(tmp_path / "s.json"), "-q"]) == "[]"
    assert heavy_modules(["parse", str(V2), "-o", str(tmp_path / "p.json")]) == "[]"
    assert heavy_modules(["parse", str(EXAMPLES / "qinghe_3_2024-12.txt")]) == "[]"
