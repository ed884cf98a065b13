"""The item nodes the tree is built from, and what every way of building them shares: finding
an item's numbering, cutting its heading from its body, placing it under its parent with a
unique id. ``structure`` builds the tree from paragraphs, ``ledger`` from table rows."""

from __future__ import annotations

from dataclasses import field

from ..frozen import mutable
from ..zh.compiled import regex
from ..zh.lexicon import (
    BULLETS,
    HEADING_CLAUSE_END,
    HEADING_CLAUSE_FALLBACK,
    HEADING_LEAD,
    ITEM_HEADING_END,
    NUMBER_MARKERS,
    PLAIN_SUB_TAG,
    PROBLEM_LEADS,
    QUOTED_HEADING,
    QUOTED_HEADING_TAILS,
    RUN_IN_HEADING_END,
    RUN_IN_HEADING_MAX,
    SUB_ITEM,
    SUB_ITEM_TAGS,
    THIS_PROBLEM,
)
from ..zh.normalize import norm

_HEADING_END = regex(ITEM_HEADING_END)
_COMMA = regex(r"[,,;;]")

SUB_RANK = 6  # unnumbered sub-items rank below every numbered level


@mutable(eq=False)
class Node:
    """One item while the tree is built. Nodes compare by identity: a node's fields hold its
    parent and children, a cycle that field-wise equality would walk without end."""

    rank: int
    label: str  # the id segment: 二, (三), 7, (1), ①, 举一反三-2
    number: str  # the number as printed, e.g. "7." or "（三）"
    paras: list = field(default_factory=list)  # original paragraphs
    children: list = field(default_factory=list)
    parent: Node | None = None
    item_id: str = ""
    order: int = 0
    mlen: int = 0  # length of the numbering marker in the first paragraph
    start: int = 0  # index of the first paragraph in the list the tree was built from; -1 for a table row
    structured: bool = False  # a ledger row or a block of field lines: an item even without 关于/针对
    ledger: bool = False  # made from a table
    fields: dict = field(default_factory=dict)  # a ledger row's columns by header
    #: a ledger row: its table, its index in ``table.rows``, and the column of each field
    table: object = None
    row: int = -1
    columns: dict = field(default_factory=dict)
    defined: bool = False  # numbered by a level the document defines (问题3:), see parsing.numbering
    inline: bool = False  # cut from a paragraph that holds several headings (一、…二、…)
    fielded: bool = False  # field lines (整改时限:…) joined this item
    open_field: float = 0  # the rank of the list the last field line opened (整改措施:(1)…), -1 any, 0 none
    _split: tuple | None = None
    _seen: dict = field(default_factory=dict, repr=False)  # children so far by label: ids in linear time

    def split(self) -> tuple[str | None, str]:
        """(heading, rest of the first paragraph), computed once."""
        if self._split is None:
            self._split = split_heading(self.paras[0], self.mlen, run_in=self.inline)
        return self._split


def find_marker(n: str):
    """(rank, label, marker length) of a paragraph's normalized text, or None."""
    for rank, rx in NUMBER_MARKERS:
        m = rx.match(n)
        if m:
            label = m.group(1)
            label = f"({label})" if rank in (2, 4) else label
            return rank, label, m.end()
    m = SUB_ITEM.match(n)
    if m:
        bullet = 1 if n[0] in BULLETS else 0
        text = n[bullet:].lstrip()
        tag = next((t for key, t in SUB_ITEM_TAGS if text.startswith(f"{PROBLEM_LEADS[0]}“{key}”")), None)
        if tag is None:
            tag = next((lead for lead in PROBLEM_LEADS if text.startswith(lead)), PLAIN_SUB_TAG)
        return SUB_RANK, tag, bullet
    return None


def attach(parent: Node, node: Node, numbered: bool) -> None:
    """Make ``node`` the last child of ``parent`` and give it a unique id (二/(三)/7, 举一反三-2)."""
    node.parent = parent
    parent.children.append(node)
    prefix = f"{parent.item_id}/" if parent.item_id else ""
    label = node.label
    seen = parent._seen
    seen[label] = same = seen.get(label, 0) + 1
    seen[(node.rank, label)] = k = seen.get((node.rank, label), 0) + 1
    if not numbered:
        label = f"{label}-{k}"
    elif same > 1:
        label = f"{label}#{same}"
    node.item_id = prefix + label


def split_heading(text: str, marker_len: int, run_in: bool = False) -> tuple[str | None, str]:
    """(heading, body) of an item's first paragraph; heading None means 'inherit'. A ``run_in``
    heading (cut from a line of several) may also end at a space or an ellipsis."""
    start = marker_len
    n = norm(text)
    while start < len(n) and n[start] in " .、":
        start += 1
    rest_n = n[start:]
    gap = RUN_IN_HEADING_END.search(rest_n[:RUN_IN_HEADING_MAX]) if run_in else None
    if gap and not _HEADING_END.search(rest_n, 0, gap.start()):
        return _strip_heading(text[start : start + gap.start()]), text[start + gap.end() :].strip()
    m = THIS_PROBLEM.match(rest_n)
    if m:
        return None, text[start + m.end() :].strip()
    if rest_n.startswith(PROBLEM_LEADS):
        lead = HEADING_LEAD.match(rest_n)
        head_start = start + lead.end()
        m = HEADING_CLAUSE_END.search(n, head_start)
        if m is None:
            m = HEADING_CLAUSE_FALLBACK.search(n, head_start)
        if m is not None and m.start() - head_start <= 400:
            return _strip_heading(text[head_start : m.start()]), text[m.end() :].strip()
    cut = _HEADING_END.search(rest_n, 0, 150)
    if cut:
        return _strip_heading(text[start : start + cut.start()]), text[start + cut.end() :].strip()
    if len(rest_n) <= 150:
        return _strip_heading(text[start:]), ""
    comma = _COMMA.search(rest_n, 0, 80)
    end = comma.start() if comma else 60
    return _strip_heading(text[start : start + end]), text[start:].strip()


def _strip_heading(heading: str) -> str:
    h = heading.strip(" \u3000,,。::;;")
    if h[:1] == "“" and h[-1:] == "”" and h.count("“") == 1:
        h = h[1:-1]
    elif h[:1] == "“" and h.endswith(QUOTED_HEADING_TAILS) and h.count("“") == 1:
        h = h[1:-3]
    quoted = QUOTED_HEADING.fullmatch(h)
    if quoted:
        h = quoted.group(1)
    if h.endswith("”") and h.count("“") < h.count("”"):
        h = h[:-1]
    if h.startswith("“") and h.count("“") > h.count("”"):
        h = h[1:]
    return h.strip()
