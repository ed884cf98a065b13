"""What each item node is: its kind (feedback, narrative, section …) from its own words first,
then from its ancestors' headings, and the groups a report left without a heading (``regroup``:
a run of items of one kind at the end of a section of another kind).
"""

from __future__ import annotations

from ..zh.lexicon import (
    GROUP_NAMES,
    KIND_CONTEXT,
    OWN_KIND_LEADS,
    PROBLEM_HEADING,
    PROBLEM_LEADS,
    RECTIFY_WORD,
)
from ..zh.normalize import norm
from .nodes import Node, attach


def regroup(nodes: list[Node]) -> list[Node]:
    """Give a heading-less group its own section: numbered items whose own words give them a kind
    (针对“推动改革促进发展”…) that run to the end of a section of another kind form a group of
    their own (the seed's items 31–70 after item 30 of 审计整改不到位), so that a version that
    adds the missing heading does not move forty items."""
    out = list(nodes)
    for section in [n for n in nodes if n.rank and n.children]:
        kinds = [_own_kind(c) for c in section.children]
        tail_kind = kinds[-1]
        if tail_kind is None or tail_kind not in GROUP_NAMES:
            continue
        first = len(kinds)
        while first > 0 and kinds[first - 1] == tail_kind:
            first -= 1
        earlier = [k for k in kinds[:first]]
        if not earlier or tail_kind in earlier or len(kinds) - first < 2 or section.parent is None:
            continue
        run = section.children[first:]
        group = Node(section.rank, GROUP_NAMES[tail_kind], "", [], start=-1)
        group._split = (GROUP_NAMES[tail_kind], "")
        attach(section.parent, group, numbered=True)
        section.children = section.children[:first]
        for child in run:
            group.children.append(child)
            child.parent = group
            _renumber(child)
        out.insert(out.index(run[0]), group)
    for order, node in enumerate(out, 1):
        node.order = order
    return out


def _own_kind(node: Node) -> str | None:
    own = norm(node.paras[0])[node.mlen :].lstrip(" .、") if node.paras else ""
    return next((kind for lead, kind in OWN_KIND_LEADS if own.startswith(lead)), None)


def _renumber(node: Node) -> None:
    """A moved node's id (and its descendants') under its new parent."""
    segment = node.item_id.rsplit("/", 1)[-1]
    node.item_id = f"{node.parent.item_id}/{segment}" if node.parent.item_id else segment
    for child in node.children:
        _renumber(child)


def decide_kind(node: Node, own_text_norm: str) -> str:
    """Kind from the item's own words first, then from its ancestors' headings."""
    if node.rank <= 2 and any(c.rank > node.rank for c in node.children):
        return "section"
    if node.ledger and node.children:
        return "section"
    if node.rank <= 1 and not node.children:  # 一、 or a part above it (第一部分 总体情况)
        own_head = norm(node.split()[0] or "")
        if dict(KIND_CONTEXT)["narrative"].search(own_head):
            return "narrative"
    for lead, kind in OWN_KIND_LEADS:
        if own_text_norm.startswith(lead):
            return kind
    anc = node.parent
    while anc is not None and anc.paras:
        head = norm(anc.split()[0] or "")
        for kind, rx in KIND_CONTEXT:
            if rx.search(head) and (kind != "narrative" or anc.rank == 1):
                return kind
        anc = anc.parent
    if own_text_norm.startswith(PROBLEM_LEADS) or RECTIFY_WORD in own_text_norm[:200]:
        return "feedback"
    if PROBLEM_HEADING.search(norm(node.split()[0] or "")) or node.structured or node.fielded:
        return "feedback"  # a bare heading that names a problem (一、…存在的问题), a ledger row, fields under it
    return "narrative"
