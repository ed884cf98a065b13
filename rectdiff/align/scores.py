"""The score of every candidate pair of items, twice: with numpy for large problems and with lists
for the small ones of every run (no numpy to import). Both give the same numbers: the list
version rounds to float32 (``lsap.float32``) after each step where the numpy one holds float32
(an operation on two float32 values done in float64 and rounded is the float32 operation), and
compares float32 values with thresholds rounded to float32, as numpy does.

Each returns ``(heading, score, body, eligible)``: heading and body similarities (0..1), the
total score the assignment maximizes, and which cells may pair (see ``AlignOptions``).
"""

from __future__ import annotations

from typing import NamedTuple

from ..zh.normalize import match_key
from .lsap import float32


class _Weights(NamedTuple):
    """The options numpy applies in float32, rounded to float32 once."""

    heading: float
    parent: float
    body: float
    same: float
    other: float
    mismatch: float
    gate: float
    min_heading: float
    alone: float


def _weights(options) -> _Weights:
    return _Weights(*float32([options.heading_weight, options.parent_weight, options.body_weight,
                              options.same_kind, options.other_kind, options.section_mismatch,
                              options.body_gate, options.min_heading, options.body_alone]))  # fmt: skip


def _relative(orders: list[int]) -> list[float]:
    """Positions in the report as fractions of the last one (0..1)."""
    last = max(1, max(orders))
    return [order / last for order in orders]


def _parent_keys(items) -> list[str]:
    key_of = {r.item_id: r.key for r in items}
    return [key_of.get(r.parent_id, match_key(r.parent_id)) for r in items]


def _side(items, options) -> tuple[list, ...]:
    """Per item of one side: heading key, kind, parent heading key, body opening, position."""
    return ([r.key for r in items], [r.kind for r in items], _parent_keys(items),
            [match_key(r.body)[: options.body_chars] for r in items], _relative([r.order for r in items]))  # fmt: skip


def list_scores(old, new, options):
    """The scores as one list per old item, equal to ``numpy_scores``'s arrays wherever the
    assignment reads them: heading and eligible cell for cell, score and body at every eligible
    cell. A cell that cannot be eligible (headings too far apart, and kinds that differ or bodies
    too far apart to pair alone) is not scored: its score and body are None."""
    weights, others = _weights(options), _side(new, options)
    full = len(old) * len(new) <= options.full_body_cells
    out: tuple[list, list, list, list] = ([], [], [], [])
    cache: dict = {}
    for j, kind in enumerate(others[1]):
        cache.setdefault(("kind", kind), []).append(j)
    for one in zip(*_side(old, options)):
        for part, values in zip(out, _row(one, others, weights, options, full, cache)):
            part.append(values)
    return out


def _row(one, others, w: _Weights, options, full: bool, cache: dict):
    """One old item's heading, score, body and eligible cells against every new item (``cache``:
    the parent terms by parent heading, the new columns by kind)."""
    from rapidfuzz.fuzz import ratio
    from rapidfuzz.process import extract

    key, kind, parent, _, rel = one
    keys, kinds, parents, _, rels = others
    similarity = [0.0] * len(keys)
    for _, x, j in extract(key, keys, scorer=ratio, limit=None):
        similarity[j] = x
    heading = float32([x / 100.0 for x in float32(similarity)])
    cols, body_at = _body_cells(one, others, heading, w, options, full, cache)
    parent_row = _parent_row(cache, parent, parents, w.parent)
    section = kind == "section"
    score = float32([w.heading * heading[j] for j in cols])
    score = float32([s + (w.same if kind == kinds[j] else w.other) for s, j in zip(score, cols)])
    score = float32([s + (w.mismatch if section != (kinds[j] == "section") else 0.0) for s, j in zip(score, cols)])
    score = float32([s + parent_row[j] for s, j in zip(score, cols)])
    position = float32([options.position_weight * (1 - abs(rel - rels[j])) for j in cols])
    score = float32([s + p for s, p in zip(score, position)])
    score = float32([s + b for s, b in zip(score, float32([w.body * b for b in body_at]))])
    # the tie-break towards the earliest copies, in float64 as numpy_scores's
    score = [s - 1e-6 * (rel + rels[j]) for s, j in zip(score, cols)]
    n = len(keys)
    score_row, body_row, eligible = [None] * n, [None] * n, [False] * n
    for j, s, b in zip(cols, score, body_at):
        score_row[j], body_row[j] = s, b
        eligible[j] = (s >= options.min_score and heading[j] >= w.min_heading) or (b >= w.alone and kind == kinds[j])
    return heading, score_row, body_row, eligible


def _parent_row(cache: dict, parent: str, parents: list[str], weight: float) -> list[float]:
    """The parent term of one old parent heading against every new item (items share parents)."""
    row = cache.get(parent)
    if row is None:
        from rapidfuzz.fuzz import ratio

        unique = sorted(set(parents))
        similarity = dict(zip(unique, float32([x / 100.0 for x in float32([ratio(parent, p) for p in unique])])))
        row = cache[parent] = float32([weight * similarity[p] for p in parents])
    return row


def _body_cells(one, others, heading: list[float], w: _Weights, options, full: bool, cache: dict):
    """The columns an old item may pair with, and the body similarity there: every column whose
    heading is close enough (``min_heading``), and the columns of its kind (``cache``) whose body
    is close enough to pair alone (``alone``; rapidfuzz stops early below it). A body similarity is
    numpy's: where headings pass the gate (float64, then stored as float32), and everywhere in
    small problems (float32 all through), the larger of the two. Bodies shorter than
    ``min_body_chars`` say nothing: they score 0 and are not compared."""
    from rapidfuzz.fuzz import ratio
    from rapidfuzz.process import extract

    _, kind, _, body, _ = one
    bodies, min_chars = others[3], options.min_body_chars
    compare = len(body) >= min_chars

    def comparable(j: int) -> bool:
        return compare and len(bodies[j]) >= min_chars and (full or heading[j] >= w.gate)

    cols = [j for j, h in enumerate(heading) if h >= w.min_heading]
    lone = [j for j in cache.get(("kind", kind), ()) if heading[j] < w.min_heading]
    if w.alone <= 0.0:  # bodies of no likeness at all pair alone: every column of the kind
        cols += lone
    else:
        lone = [j for j in lone if comparable(j)]
    raw = [ratio(body, bodies[j]) if comparable(j) else 0.0 for j in cols]
    if w.alone > 0.0:
        # below this ratio (0..100) a body similarity stays under ``alone`` whatever the rounding
        cutoff = min(100.0, 100.0 * options.body_alone - 0.01)
        for _, x, k in extract(body, [bodies[j] for j in lone], scorer=ratio, score_cutoff=cutoff, limit=None):
            cols.append(lone[k])
            raw.append(x)
    if full:
        gated = float32([x / 100.0 if heading[j] >= w.gate else 0.0 for x, j in zip(raw, cols)])
        values = [max(g, f) for g, f in zip(gated, float32([x / 100.0 for x in float32(raw)]))]
    else:
        values = float32([x / 100.0 for x in raw])
    keep = [k for k, (j, b) in enumerate(zip(cols, values)) if heading[j] >= w.min_heading or b >= w.alone]
    return [cols[k] for k in keep], [values[k] for k in keep]


def numpy_scores(old, new, options):
    """The scores as numpy arrays (float32 similarities, a float64 score)."""
    import numpy as np
    from rapidfuzz import fuzz, process

    heading = process.cdist([r.key for r in old], [r.key for r in new], scorer=fuzz.ratio, workers=-1,
                            dtype=np.float32) / 100.0  # fmt: skip
    old_kind = np.array([r.kind for r in old], dtype=object)[:, None]
    new_kind = np.array([r.kind for r in new], dtype=object)[None, :]
    same_kind = old_kind == new_kind
    score = options.heading_weight * heading
    score += np.where(same_kind, options.same_kind, options.other_kind).astype(np.float32)
    section = (old_kind == "section") != (new_kind == "section")
    score += np.where(section, options.section_mismatch, 0.0).astype(np.float32)
    score += options.parent_weight * _parent_similarity(old, new)
    rel_old = np.array(_relative([r.order for r in old]))[:, None]
    rel_new = np.array(_relative([r.order for r in new]))[None, :]
    score += (options.position_weight * (1 - np.abs(rel_old - rel_new))).astype(np.float32)
    body = _body_similarity(old, new, heading, options)
    score += options.body_weight * body
    # equal scores (a block pasted twice) go to the earliest copy, whichever side it stands on, so
    # that swapping the versions swaps the pairs (the LSAP's own tie-breaking is not symmetric)
    score = score.astype(np.float64) - 1e-6 * (rel_old + rel_new)
    eligible = ((score >= options.min_score) & (heading >= options.min_heading)) | (
        (body >= options.body_alone) & same_kind
    )
    return heading, score, body, eligible


def _parent_similarity(old, new):
    import numpy as np
    from rapidfuzz import fuzz, process

    old_unique, old_index = np.unique(_parent_keys(old), return_inverse=True)
    new_unique, new_index = np.unique(_parent_keys(new), return_inverse=True)
    small = process.cdist(list(old_unique), list(new_unique), scorer=fuzz.ratio, dtype=np.float32) / 100.0
    return small[np.ix_(old_index, new_index)]


def _body_similarity(old, new, heading, options):
    """Body similarity, computed only where headings are close enough to matter."""
    import numpy as np
    from rapidfuzz import fuzz

    body = np.zeros_like(heading)
    old_bodies = [match_key(r.body)[: options.body_chars] for r in old]
    new_bodies = [match_key(r.body)[: options.body_chars] for r in new]
    rows, cols = np.nonzero(heading >= options.body_gate)
    for r, c in zip(rows, cols):
        body[r, c] = fuzz.ratio(old_bodies[r], new_bodies[c]) / 100.0
    if len(old_bodies) * len(new_bodies) <= options.full_body_cells:
        from rapidfuzz import process  # small problems: let bodies find rewritten headings too

        full = process.cdist(old_bodies, new_bodies, scorer=fuzz.ratio, workers=-1, dtype=np.float32) / 100.0
        body = np.maximum(body, full)
    short_old = np.array([len(b) < options.min_body_chars for b in old_bodies])[:, None]
    short_new = np.array([len(b) < options.min_body_chars for b in new_bodies])[None, :]
    body[short_old | short_new] = 0.0
    return body
