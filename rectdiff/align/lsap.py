"""The optimal assignment of ``assign`` in pure Python, for the small problems of every run.

numpy costs 0.06-0.12 s to import, more than scoring and solving the few dozen headings,
quantities or totals a comparison usually pairs (a whole ``compare`` of the example pair takes
about 0.2 s). Problems up to ``PURE_CELLS`` cells are scored
with lists and solved here; larger ones use the numpy code of ``assign`` (and its scipy past a
size). The two give the same pairs: ``solve_rows`` is ``assign.solve`` step for step (the same
float64 arithmetic in the same order, the same scan of the remaining columns and the same tie
rule), and the scorers round through float32 (``float32``) wherever the numpy scores are float32.
tests/test_align.py runs both on random problems and compares.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence

#: problems up to this many cells (rows x columns) are scored and solved without numpy. Measured
#: on the alignment of reworded reports (bodies compared all against all, the costliest scores),
#: whole processes: pure Python took 0.02-0.06 s up to 100 x 100 cells against numpy's 0.08-0.16 s
#: with its import, and 0.15-0.2 s at 160 x 160 against 0.26-0.29 s. numpy's scoring per cell is
#: about twice as fast (rapidfuzz's cdist on two threads), so the two meet near 25,000 cells; the
#: assignment itself is faster in pure Python at every size seen (0.03 s for 150 x 150).
PURE_CELLS = 20_000

_INF = float("inf")


def pure(rows: int, cols: int) -> bool:
    """Is a problem of ``rows`` x ``cols`` cells small enough for the pure-Python path?"""
    return rows * cols <= PURE_CELLS


def float32(values: Iterable[float]) -> list[float]:
    """``values`` rounded to float32, as numpy stores them in a float32 array."""
    return array("f", values).tolist()


def assign_rows(score: Sequence[Sequence[float]], eligible: Sequence[Sequence[bool]]) -> list[tuple[int, int]]:
    """``assign.assign`` on nested lists: optimal (row, column) pairs among ``eligible`` cells."""
    cells = [(r, c) for r, row in enumerate(eligible) for c, ok in enumerate(row) if ok]
    if _conflict_free(cells):
        return cells
    weight = [[-(max(s, 1e-6) if ok else 0.0) for s, ok in zip(s_row, e_row)] for s_row, e_row in zip(score, eligible)]
    return [(r, c) for r, c in solve_rows(weight) if eligible[r][c]]


def assign_cell_list(shape: tuple[int, int], cells: Sequence[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """``assign.assign_cells`` (dense) for eligible cells given as (row, column, score)."""
    if _conflict_free(sorted((r, c) for r, c, _ in cells)):
        return sorted((r, c) for r, c, _ in cells)
    n_rows, n_cols = shape
    weight = [[-0.0] * n_cols for _ in range(n_rows)]
    eligible = set()
    for r, c, s in cells:
        weight[r][c] = -max(s, 1e-6)
        eligible.add((r, c))
    return [(r, c) for r, c in solve_rows(weight) if (r, c) in eligible]


def _conflict_free(cells: list[tuple[int, int]]) -> bool:
    """No row and no column has two eligible cells (then the cells are the answer)."""
    return len({r for r, _ in cells}) == len(cells) == len({c for _, c in cells})


def solve_rows(cost: list[list[float]]) -> list[tuple[int, int]]:
    """``assign.solve`` on a list of rows: the minimum-cost (row, column) pairs, by row."""
    nr = len(cost)
    nc = len(cost[0]) if nr else 0
    if nr == 0 or nc == 0:
        return []
    transpose = nc < nr
    if transpose:
        cost = [list(column) for column in zip(*cost)]
        nr, nc = nc, nr
    col4row = _shortest_paths(cost, nr, nc)
    if transpose:
        return sorted((c, r) for r, c in enumerate(col4row))
    return list(enumerate(col4row))


def _shortest_paths(cost: list[list[float]], nr: int, nc: int) -> list[int]:
    u, v = [0.0] * nr, [0.0] * nc
    path = [-1] * nc
    col4row, row4col = [-1] * nr, [-1] * nc
    for cur in range(nr):
        sink, min_val, spc, in_rows, in_cols = _augmenting_path(cost, u, v, path, row4col, cur)
        u[cur] += min_val
        for i in in_rows[1:]:  # the first is ``cur``
            u[i] += min_val - spc[col4row[i]]
        for j in in_cols:
            v[j] -= min_val - spc[j]
        j = sink
        while True:
            i = path[j]
            row4col[j] = i
            col4row[i], j = j, col4row[i]
            if i == cur:
                break
    return col4row


def _augmenting_path(cost, u, v, path, row4col, i):
    nc = len(v)
    min_val = 0.0
    remaining = list(range(nc - 1, -1, -1))  # reverse order, as scipy (a constant matrix -> identity)
    spc = [_INF] * nc
    in_rows: list[int] = []
    in_cols: list[int] = []
    sink = -1
    while sink == -1:
        in_rows.append(i)
        row, ui = cost[i], u[i]
        lowest, first, free = _INF, -1, -1
        for index, j in enumerate(remaining):
            r = min_val + row[j] - ui - v[j]
            if r < spc[j]:
                path[j] = i
                spc[j] = r
            else:
                r = spc[j]
            # scipy's scan keeps the first lowest, then any later equal one that is a free column
            if r < lowest:
                lowest, first, free = r, index, (index if row4col[j] == -1 else -1)
            elif r == lowest and row4col[j] == -1:
                free = index
        if lowest == _INF:
            raise ValueError("cost matrix is infeasible")
        index = free if free != -1 else first
        min_val = lowest
        j = remaining[index]
        if row4col[j] == -1:
            sink = j
        else:
            i = row4col[j]
        in_cols.append(j)
        remaining[index] = remaining[-1]
        remaining.pop()
    return sink, min_val, spc, in_rows, in_cols
