"""Stage 3: decide which items of OLD and NEW are the same item.

One-to-one and globally optimal: headings are compared all against all (rapidfuzz),
kind, parent heading, body and position are evidence (``scores``), and a linear assignment
(``assign``, or ``lsap`` on small problems) picks the pairing with the highest total score.
A weak best match is cut by a threshold rather than forced. Alignment only pairs; what changed
within a pair is ``diff``'s job.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from ..frozen import frozen
from .assign import assign
from .lsap import assign_rows, pure
from .scores import list_scores, numpy_scores

__all__ = ["AlignOptions", "DEFAULT_OPTIONS", "Match", "align_items", "assign"]


class Match(NamedTuple):
    """One line of an alignment: positions in OLD and NEW (-1 where the item is absent) and
    the heading similarity of the pair (0..1; None for an added or removed item)."""

    old_idx: int
    new_idx: int
    similarity: float | None


@frozen
class AlignOptions:
    """Weights and thresholds of the item alignment, each with what it trades off.

    The score of a candidate pair is
    ``heading_weight * heading + kind term + parent_weight * parent + position_weight * position
    + body_weight * body`` (each similarity in 0..1). The heading dominates because an item's
    heading is what names the problem; the rest only break ties between similar headings.
    """

    #: heading similarity carries most of the score: raising it makes reworded bodies matter less
    heading_weight: float = 0.8
    #: bonus when both items have the same kind, and penalty when not: higher values stop a
    #: 举一反三 item pairing with a feedback item of similar wording, at the cost of missing a
    #: genuine change of kind
    same_kind: float = 0.08
    other_kind: float = -0.15
    #: a section heading never pairs with an item (and vice versa) unless nothing else fits
    section_mismatch: float = -0.5
    #: similarity of the parent headings: a small push towards staying in the same group; too
    #: high and an item moved to another section would be cut instead of reported as moved
    parent_weight: float = 0.04
    #: relative position in the report: breaks ties between duplicate headings in order
    position_weight: float = 0.03
    #: body similarity: lets a reworded heading pair by its unchanged body
    body_weight: float = 0.12
    #: a pair is kept only when its score reaches this …
    min_score: float = 0.62
    #: … and its headings are at least this similar (lower: more rewordings found, more false pairs)
    min_heading: float = 0.5
    #: bodies this similar pair two items of the same kind whatever their headings say
    body_alone: float = 0.9
    #: bodies are compared only where headings are at least this similar (cost control) …
    body_gate: float = 0.35
    #: … except in problems up to this many cells, where all bodies are compared
    full_body_cells: int = 250_000
    #: characters of a body used for its similarity (the opening names the measures)
    body_chars: int = 300
    #: bodies shorter than this say nothing about identity
    min_body_chars: int = 20


DEFAULT_OPTIONS = AlignOptions()


def align_items(old: Sequence, new: Sequence, options: AlignOptions = DEFAULT_OPTIONS) -> tuple[Match, ...]:
    """Which items of OLD and NEW are the same item: one ``Match`` per pair, then the removed
    items (``new_idx`` -1) and the added ones (``old_idx`` -1).

    ``old`` and ``new`` are item records (``records.Item``, or anything with their ``item_id``,
    ``parent_id``, ``kind``, ``key``, ``body`` and ``order``); positions index these sequences.
    """
    pairs: list[Match] = []
    old_left, new_left = _exact_unique(old, new, pairs)
    if old_left and new_left:
        pairs += _assign([old[i] for i in old_left], [new[j] for j in new_left], old_left, new_left, options)
    matched_old = {p[0] for p in pairs}
    matched_new = {p[1] for p in pairs}
    pairs += [Match(i, -1, None) for i in range(len(old)) if i not in matched_old]
    pairs += [Match(-1, j, None) for j in range(len(new)) if j not in matched_new]
    return tuple(pairs)


def _context_keys(items: Sequence) -> list[str]:
    """Kind + heading + parent heading: what makes an item the same item."""
    heading_of = {r.item_id: r.key for r in items}
    return [f"{r.kind}|{r.key}|{heading_of.get(r.parent_id, '')}" for r in items]


def _exact_unique(old, new, pairs):
    """Pair items whose kind, heading and parent heading are identical and unique on both sides.

    These pairs are what any optimal assignment would choose; taking them first keeps
    the assignment problem small for the usual case where most items are unchanged.
    """
    old_keys, new_keys = _context_keys(old), _context_keys(new)
    old_count, new_count = Counter(old_keys), Counter(new_keys)
    new_pos = {k: j for j, k in enumerate(new_keys)}
    used_new = set()
    old_left = []
    for i, key in enumerate(old_keys):
        if old_count[key] == 1 and new_count.get(key, 0) == 1:
            j = new_pos[key]
            pairs.append(Match(i, j, 1.0))
            used_new.add(j)
        else:
            old_left.append(i)
    new_left = [j for j in range(len(new)) if j not in used_new]
    return old_left, new_left


#: of assignments that score exactly alike (a section repeated word for word: each copy scores the
#: same against every item), the one that keeps items nearer their places in the two lists, so that
#: comparing NEW with OLD pairs what comparing OLD with NEW does; a pair's bonus is at most this, far
#: below any difference of two scores (float32 similarities)
TIE_BREAK = 1e-9


def _assign(old, new, old_pos, new_pos, options: AlignOptions) -> list[Match]:
    rows, cols = len(old), len(new)
    if pure(rows, cols):  # the small problems of every run: no numpy to import
        heading, score, _, eligible = list_scores(old, new, options)
        score = [[s if s is None else s + _near(r, c, rows, cols) for c, s in enumerate(row)]
                 for r, row in enumerate(score)]  # fmt: skip
        return [Match(old_pos[r], new_pos[c], round(heading[r][c], 4)) for r, c in assign_rows(score, eligible)]
    import numpy as np

    heading, score, _, eligible = numpy_scores(old, new, options)
    place = np.abs((np.arange(rows)[:, None] + 0.5) / rows - (np.arange(cols)[None, :] + 0.5) / cols)
    score = score + TIE_BREAK * (1.0 - place)
    return [Match(old_pos[r], new_pos[c], round(float(heading[r, c]), 4)) for r, c in assign(score, eligible)]


def _near(r: int, c: int, rows: int, cols: int) -> float:
    """``TIE_BREAK`` for a pair at the same place in both lists, down to 0 for opposite ends."""
    return TIE_BREAK * (1.0 - abs((r + 0.5) / rows - (c + 0.5) / cols))
