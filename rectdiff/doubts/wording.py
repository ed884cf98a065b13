"""雷同表述: the same measures paragraph in reports of different units, or in different items
of one report (the rule is in ``kinds``).

Linear in practice, never all pairs: identical paragraphs group by their text at once; the
rest meet only when their sketches meet (the same few of their five-character shingles for the
same text: a bottom-k sketch), and only candidates of comparable length are scored, by rapidfuzz
with a cut-off. A sketch entry that a great many paragraphs share is a common phrase and is skipped.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from functools import lru_cache
from zlib import crc32

from ..catalogue import say
from ..frozen import frozen
from ..model import RECTIFIED_KINDS, Report
from ..records import Item
from ..zh.lexicon import DOUBT_STOCK
from ..zh.normalize import norm
from .kinds import MIN_CHARS, MIN_SIMILARITY, doubt, place

#: shingle length, in characters
SHINGLE = 5
#: shingles a paragraph is sketched by (the smallest hashes): two paragraphs 0.9 similar keep
#: most shingles in common; were it only 30 %, the chance that no sketch entry meets is about 0.4 %
SKETCH = 16
#: a sketch entry shared by more paragraphs than this is a common phrase, not a copy
MAX_POSTING = 64
#: a copy keeps most of its length: the shorter of two paragraphs at least this share of the longer
MIN_LENGTH_RATIO = 0.8
#: words quoted from a paragraph, at most
QUOTE = 80


@frozen
class Paragraph:
    """One measures paragraph of one item, as compared (``text``) and as printed (``printed``)."""

    text: str
    printed: str
    unit: str
    version: str
    row: Item


def paragraphs(report: Report, version: str, unit: str = "") -> list[Paragraph]:
    """The measures paragraphs of a report's problem items that are long enough to compare."""
    out = []
    for row in report.compared_rows:
        if row.kind not in RECTIFIED_KINDS:
            continue
        # the status sentence and the field lines (整改时限:…) are no measure
        cut = [norm(row.status_evidence or "")] + [norm(f"{k}:{v}") for k, v in (row.fields or {}).items()]
        for measure in row.measures or [row.body]:
            text = comparable(measure, cut)
            if len(text) >= MIN_CHARS:
                out.append(Paragraph(text, measure, unit, version, row))
    return out


def light(found: list[Paragraph]) -> tuple[Paragraph, ...]:
    """The paragraphs with their items' long texts emptied (body, measures, fields …): what a place
    and a quote read is kept, and they are small enough to send between processes."""
    cut: dict[int, Item] = {}
    for p in found:
        if id(p.row) not in cut:
            cut[id(p.row)] = replace(p.row, body="", measures=[], fields={}, status_text="", text="", key="")
    return tuple(replace(p, row=cut[id(p.row)]) for p in found)


def comparable(text: str, cut=()) -> str:
    """A paragraph without the passages ``cut`` (its status sentence, its field lines), the
    stock phrases and spaces."""
    n = norm(text or "")
    for passage in cut:
        n = n.replace(passage, "") if passage else n
    return "".join(DOUBT_STOCK.sub("", n).split())


def clusters(texts: list[str]) -> list[list[int]]:
    """Groups (positions in ``texts``) of paragraphs at least ``MIN_SIMILARITY`` similar, each
    group of two or more; a group is closed under the relation (a chain of copies is one group)."""
    from rapidfuzz import fuzz

    by_text: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(texts):
        by_text[t].append(i)
    distinct = list(by_text)
    parent = list(range(len(distinct)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in _candidates(distinct):
        shorter, longer = sorted((len(distinct[a]), len(distinct[b])))
        if shorter < MIN_LENGTH_RATIO * longer or root(a) == root(b):
            continue
        if fuzz.ratio(distinct[a], distinct[b], score_cutoff=MIN_SIMILARITY):
            parent[root(a)] = root(b)
    groups: dict[int, list[int]] = defaultdict(list)
    for k, t in enumerate(distinct):
        groups[root(k)] += by_text[t]
    return [sorted(g) for g in groups.values() if len(g) > 1]


def _candidates(texts: list[str]):
    """Pairs of texts whose sketches meet: each text is sketched by the ``SKETCH`` smallest
    hashes of its shingles (a bottom-k sketch), so texts that share most of their shingles share
    sketch entries, and a text costs ``SKETCH`` index entries whatever its length."""
    postings: dict[int, list[int]] = defaultdict(list)
    for i, t in enumerate(texts):
        for h in sketch(t):
            postings[h].append(i)
    pairs = set()
    for ids in postings.values():
        if 1 < len(ids) <= MAX_POSTING:
            pairs.update((a, b) for n, a in enumerate(ids) for b in ids[n + 1 :])
    return sorted(pairs)


@lru_cache(maxsize=1 << 16)
def sketch(text: str) -> tuple[int, ...]:
    """The ``SKETCH`` smallest hashes of a text's shingles (kept: the versions of a series and
    the units of a batch repeat most paragraphs)."""
    grams = {crc32(text[k : k + SHINGLE].encode()) for k in range(len(text) - SHINGLE + 1)}
    return tuple(sorted(grams)[:SKETCH])  # sorted in C: heapq.nsmallest cost a third of the sketch


def same_wording(found: list[Paragraph], wanted=None) -> list:
    """One doubt per group of like paragraphs that spans two units, or two items of one report;
    ``wanted(group)`` may keep only some (a comparison: those with a new or changed item)."""
    out = []
    for group in clusters([p.text for p in found]):
        members = [found[i] for i in group]
        units = {p.unit for p in members}
        items = {(p.unit, p.version, p.row.item_id) for p in members}
        across = len(units) > 1
        if not (across or len({(u, v) for u, v, _ in items}) < len(items)) or (wanted and not wanted(members)):
            continue
        places = list({(p.unit, p.version, p.row.item_id): place(p.version, p.row, p.unit) for p in members}.values())
        first = members[0]
        words = first.printed.replace(first.row.status_evidence or "\0", "").strip()
        words = f"“{words[:QUOTE]}{'…' if len(words) > QUOTE else ''}”"
        where = say("doubt.across_units" if across else "doubt.within_report")
        reason = say("doubt.same_wording", n=len(places), similarity=MIN_SIMILARITY, where=where)
        out.append(doubt("same_wording", places, words, reason, "high" if across else ""))
    return out
