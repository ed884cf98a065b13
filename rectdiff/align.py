"""Stage 3: decide which items of OLD and NEW are the same item.

One-to-one and globally optimal: headings are compared all against all (rapidfuzz),
kind, parent heading, body and position are evidence, and a linear assignment (scipy)
picks the pairing with the highest total score. A weak best match is cut by a threshold
rather than forced. Alignment only pairs; what changed within a pair is ``diff``'s job.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .normalize import match_key

#: a pair is kept when its score reaches this (heading similarity dominates the score)
MIN_SCORE = 0.62
#: …and when its headings are at least this similar, unless the bodies are near-identical
MIN_HEADING = 0.5
_BODY_CHARS = 300


def align_items(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """Pairs of row positions: columns ``old_idx``, ``new_idx`` (-1 when absent), ``similarity``.

    ``similarity`` is the heading similarity (0..1) of a pair, NaN for added/removed items.
    """
    pairs: list[tuple[int, int, float]] = []
    old_left, new_left = _exact_unique(old, new, pairs)
    if old_left and new_left:
        pairs += _assign(old.iloc[old_left], new.iloc[new_left], old_left, new_left)
    matched_old = {p[0] for p in pairs}
    matched_new = {p[1] for p in pairs}
    pairs += [(i, -1, float("nan")) for i in range(len(old)) if i not in matched_old]
    pairs += [(-1, j, float("nan")) for j in range(len(new)) if j not in matched_new]
    return pd.DataFrame(pairs, columns=["old_idx", "new_idx", "similarity"])


def _context_keys(items: pd.DataFrame) -> list[str]:
    """Kind + heading + parent heading: what makes an item the same item."""
    heading_of = dict(zip(items["item_id"], items["key"]))
    return [f"{k}|{h}|{heading_of.get(p, '')}" for k, h, p in zip(items["kind"], items["key"], items["parent_id"])]


def _exact_unique(old, new, pairs):
    """Pair items whose kind, heading and parent heading are identical and unique on both sides.

    These pairs are what any optimal assignment would choose; taking them first keeps
    the assignment problem small for the usual case where most items are unchanged.
    """
    old_keys, new_keys = _context_keys(old), _context_keys(new)
    old_count = pd.Series(old_keys).value_counts()
    new_count = pd.Series(new_keys).value_counts()
    new_pos = {k: j for j, k in enumerate(new_keys)}
    used_new = set()
    old_left = []
    for i, key in enumerate(old_keys):
        if old_count[key] == 1 and new_count.get(key, 0) == 1:
            j = new_pos[key]
            pairs.append((i, j, 1.0))
            used_new.add(j)
        else:
            old_left.append(i)
    new_left = [j for j in range(len(new)) if j not in used_new]
    return old_left, new_left


def _assign(old, new, old_pos, new_pos) -> list[tuple[int, int, float]]:
    from rapidfuzz import fuzz, process
    from scipy.optimize import linear_sum_assignment

    heading = process.cdist(list(old["key"]), list(new["key"]), scorer=fuzz.ratio, workers=-1,
                            dtype=np.float32) / 100.0
    score = 0.8 * heading
    old_kind = old["kind"].to_numpy()[:, None]
    new_kind = new["kind"].to_numpy()[None, :]
    score += np.where(old_kind == new_kind, 0.08, -0.15).astype(np.float32)
    section = (old_kind == "section") != (new_kind == "section")
    score -= np.where(section, 0.5, 0.0).astype(np.float32)
    score += 0.04 * _parent_similarity(old, new)
    rel_old = (old["order"].to_numpy(dtype=float) / max(1, old["order"].max()))[:, None]
    rel_new = (new["order"].to_numpy(dtype=float) / max(1, new["order"].max()))[None, :]
    score += (0.03 * (1 - np.abs(rel_old - rel_new))).astype(np.float32)
    body = _body_similarity(old, new, heading)
    score += 0.12 * body
    rows, cols = linear_sum_assignment(score, maximize=True)
    out = []
    for r, c in zip(rows, cols):
        h, b, s = float(heading[r, c]), float(body[r, c]), float(score[r, c])
        same_kind = old_kind[r, 0] == new_kind[0, c]
        if (s >= MIN_SCORE and h >= MIN_HEADING) or (b >= 0.9 and same_kind):
            out.append((old_pos[r], new_pos[c], round(h, 4)))
    return out


def _parent_similarity(old, new) -> np.ndarray:
    from rapidfuzz import fuzz, process

    def parent_keys(items):
        key_of = dict(zip(items["item_id"], items["key"]))
        return [key_of.get(p, match_key(p)) for p in items["parent_id"]]

    po, pn = parent_keys(old), parent_keys(new)
    uo, io = np.unique(po, return_inverse=True)
    un, jn = np.unique(pn, return_inverse=True)
    small = process.cdist(list(uo), list(un), scorer=fuzz.ratio, dtype=np.float32) / 100.0
    return small[np.ix_(io, jn)]


def _body_similarity(old, new, heading: np.ndarray) -> np.ndarray:
    """Body similarity, computed only where headings are close enough to matter."""
    from rapidfuzz import fuzz

    body = np.zeros_like(heading)
    ob = [match_key(b)[:_BODY_CHARS] for b in old["body"]]
    nb = [match_key(b)[:_BODY_CHARS] for b in new["body"]]
    rows, cols = np.nonzero(heading >= 0.35)
    for r, c in zip(rows, cols):
        body[r, c] = fuzz.ratio(ob[r], nb[c]) / 100.0
    if len(ob) * len(nb) <= 250_000:  # small problems: let bodies find rewritten headings too
        from rapidfuzz import process

        full = process.cdist(ob, nb, scorer=fuzz.ratio, workers=-1, dtype=np.float32) / 100.0
        body = np.maximum(body, full)
    short_old = np.array([len(b) < 20 for b in ob])[:, None]
    short_new = np.array([len(b) < 20 for b in nb])[None, :]
    body[short_old | short_new] = 0.0  # empty bodies say nothing about identity
    return body
