"""Optimal one-to-one assignment without loading scipy for the small problems of every run.

Items and quantities pair by a maximum-weight assignment. Most problems are tiny (a handful of
quantities in one item, a few reworded headings), and ``scipy.optimize`` costs 0.4 s to import,
longer than all the other work of a comparison. ``solve`` below is the shortest augmenting path
algorithm of scipy's ``linear_sum_assignment`` (Crouse 2016, scipy's ``rectangular_lsap.cpp``)
written with numpy, step for step including its tie-breaking, so the pairs are the ones scipy
would choose (tests/test_align.py checks it against scipy on random and tied matrices). Past
``SCIPY_ROWS`` rows and columns the compiled scipy version is faster and is used instead. Below
``lsap.PURE_CELLS`` cells the callers skip numpy too: ``lsap`` is the same algorithm on lists.

Large problems are sparse: an item is eligible to pair with a few others only. They are cut into
the connected components of their eligible cells and each component is solved on its own, so
memory follows the eligible cells, not rows x columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy is imported by the functions that need it (see lsap.py)
    import numpy as np

#: problems up to this many cells (rows x columns) are solved whole, exactly as before
DENSE_CELLS = 250_000
#: a (component) problem whose smaller side is larger than this goes to scipy
SCIPY_ROWS = 300


def solve(cost: np.ndarray) -> list[tuple[int, int]]:
    """Minimum-cost assignment of a dense ``cost`` matrix: (row, column) pairs, by row.

    The same pairs as ``scipy.optimize.linear_sum_assignment(cost)``."""
    import numpy as np

    cost = np.asarray(cost, dtype=np.float64)
    nr, nc = cost.shape
    if nr == 0 or nc == 0:
        return []
    if min(nr, nc) > SCIPY_ROWS:
        from scipy.optimize import linear_sum_assignment

        rows, cols = linear_sum_assignment(cost)
        return list(zip(rows.tolist(), cols.tolist()))
    transpose = nc < nr
    if transpose:
        cost = np.ascontiguousarray(cost.T)
        nr, nc = nc, nr
    col4row = _shortest_paths(cost)
    if transpose:
        return sorted((int(c), int(r)) for r, c in enumerate(col4row))
    return [(r, int(c)) for r, c in enumerate(col4row)]


def _shortest_paths(cost: np.ndarray) -> np.ndarray:
    import numpy as np

    nr, nc = cost.shape
    u, v = np.zeros(nr), np.zeros(nc)
    path = np.full(nc, -1)
    col4row, row4col = np.full(nr, -1), np.full(nc, -1)
    for cur in range(nr):
        sink, min_val, spc, in_rows, in_cols = _augmenting_path(cost, u, v, path, row4col, cur)
        u[cur] += min_val
        others = in_rows.copy()
        others[cur] = False
        u[others] += min_val - spc[col4row[others]]
        v[in_cols] -= min_val - spc[in_cols]
        j = sink
        while True:
            i = path[j]
            row4col[j] = i
            col4row[i], j = j, col4row[i]
            if i == cur:
                break
    return col4row


def _augmenting_path(cost, u, v, path, row4col, i):
    import numpy as np

    nr, nc = cost.shape
    min_val = 0.0
    remaining = np.arange(nc - 1, -1, -1)  # reverse order, as scipy (a constant matrix -> identity)
    spc = np.full(nc, np.inf)
    in_rows, in_cols = np.zeros(nr, dtype=bool), np.zeros(nc, dtype=bool)
    sink = -1
    while sink == -1:
        in_rows[i] = True
        r = min_val + cost[i, remaining] - u[i] - v[remaining]
        better = r < spc[remaining]
        path[remaining[better]] = i
        spc[remaining[better]] = r[better]
        costs = spc[remaining]
        lowest = costs.min()
        if lowest == np.inf:
            raise ValueError("cost matrix is infeasible")
        ties = np.flatnonzero(costs == lowest)
        free = ties[row4col[remaining[ties]] == -1]
        # scipy's scan keeps the first lowest, then any later equal one that is a free column
        index = int(free[-1]) if len(free) else int(ties[0])
        min_val = lowest
        j = int(remaining[index])
        if row4col[j] == -1:
            sink = j
        else:
            i = int(row4col[j])
        in_cols[j] = True
        remaining[index] = remaining[-1]
        remaining = remaining[:-1]
    return sink, min_val, spc, in_rows, in_cols


def assign(score: np.ndarray, eligible: np.ndarray) -> list[tuple[int, int]]:
    """Optimal one-to-one pairs (row, column) among ``eligible`` cells, maximizing ``score``.

    Used for items and for metrics alike. Without conflicts (every row and column has at
    most one eligible cell) the answer is the eligible cells themselves."""
    import numpy as np

    if not eligible.any():
        return []
    if (eligible.sum(axis=0) <= 1).all() and (eligible.sum(axis=1) <= 1).all():
        rows, cols = np.nonzero(eligible)
        return list(zip(rows.tolist(), cols.tolist()))
    # maximum-weight matching: an ineligible cell is worth nothing (as leaving both sides
    # unpaired), so the optimum takes one only when it changes nothing; those are dropped
    weight = np.where(eligible, np.maximum(score, 1e-6), 0.0)
    return [(r, c) for r, c in solve(-weight.astype(np.float64)) if eligible[r, c]]


def assign_cells(
    shape: tuple[int, int], rows: np.ndarray, cols: np.ndarray, score: np.ndarray
) -> list[tuple[int, int]]:
    """``assign`` for a problem given by its eligible cells only (``rows``, ``cols``, ``score``).

    Up to ``DENSE_CELLS`` cells the problem is solved whole, exactly as ``assign`` does; beyond,
    each connected component of the eligible cells is solved on its own (the same optimum; among
    exactly tied optima the choice may differ from the whole problem's). Pairs come by row."""
    import numpy as np

    n_rows, n_cols = shape
    rows, cols, score = np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64), np.asarray(score)
    if len(rows) == 0:
        return []
    if n_rows * n_cols <= DENSE_CELLS:
        dense, eligible = np.zeros(shape, dtype=score.dtype), np.zeros(shape, dtype=bool)
        dense[rows, cols], eligible[rows, cols] = score, True
        return assign(dense, eligible)
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    size = n_rows + n_cols
    graph = coo_matrix((np.ones(len(rows), dtype=np.int8), (rows, cols + n_rows)), shape=(size, size))
    _, component = connected_components(graph, directed=False)
    labels = component[rows]
    order = np.argsort(labels, kind="stable")
    bounds = np.flatnonzero(np.diff(labels[order])) + 1
    out: list[tuple[int, int]] = []
    for cells in np.split(order, bounds):
        if len(cells) == 1:
            out.append((int(rows[cells[0]]), int(cols[cells[0]])))
            continue
        sub_rows, r = np.unique(rows[cells], return_inverse=True)
        sub_cols, c = np.unique(cols[cells], return_inverse=True)
        dense = np.zeros((len(sub_rows), len(sub_cols)), dtype=score.dtype)
        eligible = np.zeros(dense.shape, dtype=bool)
        dense[r, c], eligible[r, c] = score[cells], True
        out += [(int(sub_rows[i]), int(sub_cols[j])) for i, j in assign(dense, eligible)]
    return sorted(out)
