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
    """The scores as one list per old item, equal to ``numpy_scores``'s arrays cell for cell."""
    weights, others = _weights(options), _side(new, options)
    full = len(old) * len(new) <= options.full_body_cells
    out: tuple[list, list, list, list] = ([], [], [], [])
    cache: dict[str, list[float]] = {}
    for one in zip(*_side(old, options)):
        for part, values in zip(out, _row(one, others, weights, options, full, cache)):
            part.append(values)
    return out


def _row(one, others, w: _Weights, options, full: bool, cache: dict):
    """One old item's heading, score, body and eligible cells against every new item."""
    from rapidfuzz.fuzz import ratio

    key, kind, parent, body, rel = one
    keys, kinds, parents, bodies, rels = others
    heading = float32([x / 100.0 for x in float32([ratio(key, k) for k in keys])])
    same_kind = [kind == k for k in kinds]
    score = float32([w.heading * h for h in heading])
    score = float32([s + (w.same if same else w.other) for s, same in zip(score, same_kind)])
    section = kind == "section"
    score = float32([s + (w.mismatch if section != (k == "section") else 0.0) for s, k in zip(score, kinds)])
    score = float32([s + p for s, p in zip(score, _parent_row(cache, parent, parents, w.parent))])
    position = float32([options.position_weight * (1 - abs(rel - r)) for r in rels])
    score = float32([s + p for s, p in zip(score, position)])
    body_row = _body_row(body, bodies, heading, w.gate, full, options.min_body_chars)
    score = float32([s + b for s, b in zip(score, float32([w.body * b for b in body_row]))])
    # the tie-break towards the earliest copies, in float64 as numpy_scores's
    score = [s - 1e-6 * (rel + r) for s, r in zip(score, rels)]
    eligible = [(s >= options.min_score and h >= w.min_heading) or (b >= w.alone and same)
                for s, h, b, same in zip(score, heading, body_row, same_kind)]  # fmt: skip
    return heading, score, body_row, eligible


def _parent_row(cache: dict, parent: str, parents: list[str], weight: float) -> list[float]:
    """The parent term of one old parent heading against every new item (items share parents)."""
    row = cache.get(parent)
    if row is None:
        from rapidfuzz.fuzz import ratio

        unique = sorted(set(parents))
        similarity = dict(zip(unique, float32([x / 100.0 for x in float32([ratio(parent, p) for p in unique])])))
        row = cache[parent] = float32([weight * similarity[p] for p in parents])
    return row


def _body_row(body: str, bodies: list[str], heading: list[float], gate: float, full: bool, min_chars: int):
    """Body similarities of one old item: where headings pass the gate (float64, then stored as
    float32), and everywhere in small problems (float32 all through), the larger of the two.
    Bodies shorter than ``min_chars`` say nothing: they score 0 and are not compared."""
    from rapidfuzz.fuzz import ratio
    from rapidfuzz.process import extract

    if len(body) < min_chars:
        return [0.0] * len(bodies)
    long = [j for j, b in enumerate(bodies) if len(b) >= min_chars]
    raw = [0.0] * len(bodies)
    if full:  # one call for the row: extract scores with ratio itself, in C
        for _, value, k in extract(body, [bodies[j] for j in long], scorer=ratio, limit=None):
            raw[long[k]] = value
        gated = float32([x / 100.0 if h >= gate else 0.0 for x, h in zip(raw, heading)])
        row = [max(g, f) for g, f in zip(gated, float32([x / 100.0 for x in float32(raw)]))]
    else:
        for j in long:
            raw[j] = ratio(body, bodies[j]) / 100.0 if heading[j] >= gate else 0.0
        row = float32(raw)
    return row


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
