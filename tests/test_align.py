"""Stage 3 on tiny in-memory reports: which items pair, and the assignment they rest on."""

from __future__ import annotations

import importlib
import subprocess
import sys

import numpy as np
import pytest

from rectdiff.align import AlignOptions, Match, align_items, assign
from rectdiff.align.assign import solve
from rectdiff.parsing import parse_text


def pairs_by_heading(old, new, options=None):
    alignment = align_items(old.item_rows, new.item_rows, options or AlignOptions())
    heading = lambda report, i: report.item_rows[i].heading if i >= 0 else None  # noqa: E731
    return sorted((heading(old, o) or "", heading(new, n) or "") for o, n, _sim in alignment)


def test_tiny_pairs(tiny):
    old, new = tiny
    assert pairs_by_heading(old, new) == [
        ("", "资金闲置"),
        ("会议过多", "会议过多"),
        ("作风漂浮", "作风浮漂"),
        ("制度缺失", ""),
        ("台账不清", "台账不清"),
        ("巡察反馈问题整改情况", "巡察反馈问题整改情况"),
    ]


def test_a_stricter_heading_threshold_cuts_the_reworded_pair(tiny):
    old, new = tiny
    strict = AlignOptions(min_heading=0.9, body_alone=1.01)
    got = pairs_by_heading(old, new, strict)
    assert ("作风漂浮", "") in got and ("", "作风浮漂") in got


def test_similarity_is_the_heading_similarity(tiny):
    old, new = tiny
    alignment = align_items(old.item_rows, new.item_rows)
    assert all(isinstance(m, Match) for m in alignment)
    assert sorted(round(m.similarity, 2) for m in alignment if m.old_idx >= 0 and m.new_idx >= 0) == [
        0.75,
        1.0,
        1.0,
        1.0,
    ]
    assert [m.similarity for m in alignment if m.old_idx < 0 or m.new_idx < 0] == [None, None]


def test_a_section_never_pairs_with_an_item():
    old = parse_text("一、关于台账不清问题\n1.针对台账不清问题,进行了以下整改。清理台账3本。")
    new = parse_text("1.针对台账不清问题,进行了以下整改。清理台账3本。")
    alignment = align_items(old.item_rows, new.item_rows)
    kinds = [
        (old.item_rows[o].kind if o >= 0 else None, new.item_rows[n].kind if n >= 0 else None)
        for o, n, _sim in alignment
    ]
    assert ("section", None) in kinds and ("feedback", "feedback") in kinds


def test_assign_without_conflict_takes_the_eligible_cells():
    score = np.array([[0.9, 0.0], [0.0, 0.7]])
    assert assign(score, score > 0.5) == [(0, 0), (1, 1)]


def test_assign_is_optimal_where_greedy_is_not():
    """Greedy would take the best cell (0, 0) = 0.95 and leave row 1 unpaired; the optimum pairs both."""
    score = np.array([[0.95, 0.90], [0.85, 0.10]])
    eligible = np.array([[True, True], [True, False]])
    assert sorted(assign(score, eligible)) == [(0, 1), (1, 0)]


def test_assign_never_returns_an_ineligible_cell():
    score = np.array([[0.9, 0.8], [0.7, 0.6]])
    eligible = np.array([[True, True], [False, False]])
    assert assign(score, eligible) == [(0, 0)]
    assert assign(score, np.zeros_like(eligible)) == []


@pytest.mark.parametrize("seed", range(4))
def test_solve_chooses_scipys_pairs(seed):
    """align/assign.py is scipy's algorithm with numpy: the same pairs, ties included."""
    from scipy.optimize import linear_sum_assignment

    rng = np.random.default_rng(seed)
    for trial in range(150):
        shape = tuple(rng.integers(1, 14, 2))
        tied = rng.integers(0, 3, shape).astype(float)  # many exact ties
        sparse = np.where(rng.random(shape) < 0.7, 0.0, -rng.random(shape).astype(np.float32))
        for cost in (rng.random(shape), tied, sparse):
            rows, cols = linear_sum_assignment(cost)
            assert solve(cost) == list(zip(rows.tolist(), cols.tolist())), (seed, trial)


def test_small_assignments_do_not_import_scipy():
    """A conflict among a few quantities or headings is solved without scipy (0.4 s to import)."""
    code = (
        "import sys, numpy as np; from rectdiff.align import assign; "
        "print(assign(np.array([[0.9, 0.8], [0.85, 0.1]]), np.ones((2, 2), bool)), 'scipy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["[(0,", "1),", "(1,", "0)]", "False"]


def test_large_sparse_problems_solve_by_component(monkeypatch):
    """Past DENSE_CELLS, each connected component is solved alone: the optimum is unchanged."""
    module = importlib.import_module("rectdiff.align.assign")

    rng = np.random.default_rng(7)
    score = np.zeros((60, 60))
    for block in range(10):  # ten independent 6 x 6 blocks, some cells eligible
        part = slice(6 * block, 6 * block + 6)
        score[part, part] = np.where(rng.random((6, 6)) < 0.5, rng.random((6, 6)), 0.0)
    eligible = score > 0
    whole = assign(score, eligible)
    monkeypatch.setattr(module, "DENSE_CELLS", 100)
    rows, cols = np.nonzero(eligible)
    by_component = module.assign_cells(score.shape, rows, cols, score[rows, cols])
    assert sum(score[r, c] for r, c in by_component) == pytest.approx(sum(score[r, c] for r, c in whole))
    assert len({r for r, _ in by_component}) == len(by_component) == len({c for _, c in by_component})


def test_a_block_pasted_twice_pairs_alike_whichever_side_it_is_on():
    """Two identical copies of a section in NEW compete for the one in OLD: comparing NEW with OLD
    pairs the same items as OLD with NEW (the assignment's tie-breaking is not symmetric by
    itself: on a tie forward took the second copy, backward the first), one copy each."""
    import rectdiff
    from rectdiff.parsing import parse_text

    head = "某区关于巡察整改进展情况的通报\n一、反馈问题整改情况\n"
    block = "（一）学习贯彻不够深入\n1.理论学习流于形式\n整改情况:已完成。建立学习制度。\n"
    tail = "（二）基层治理薄弱\n1.村务公开不规范\n整改情况:正在推进。\n2.矛盾调处不及时\n整改情况:已完成。\n"
    old = parse_text(head + block + tail)
    new = parse_text(head + block + block + tail)
    forward = {(p.old_id, p.new_id) for p in rectdiff.compare(old, new).pair_rows}
    backward = {(p.new_id, p.old_id) for p in rectdiff.compare(new, old).pair_rows}
    assert forward == backward
    assert len({n for o, n in forward if o == "一/(一)"}) == 1 and {(None, "一/(一)"), (None, "一/(一)#2")} & forward
