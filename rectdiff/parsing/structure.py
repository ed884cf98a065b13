"""The item tree of a report: numbering levels, sub-items, headings, kinds, measures.

Works on paragraphs; every regex runs on the normalized copy (``norm``), which has the
same length as the original, so headings and bodies are cut from the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..zh.lexicon import (
    BULLETS,
    FIELD_LINE,
    GROUP_NAMES,
    HEADING_CLAUSE_END,
    HEADING_CLAUSE_FALLBACK,
    HEADING_LEAD,
    KIND_CONTEXT,
    MEASURE,
    NUMBER_MARKERS,
    OWN_KIND_LEADS,
    PLAIN_SUB_TAG,
    PROBLEM_HEADING,
    PROBLEM_LEADS,
    RECTIFY_WORD,
    SUB_ITEM,
    SUB_ITEM_TAGS,
    SUMMARY_OPENER,
    THIS_PROBLEM,
)
from ..zh.normalize import norm

SUB_RANK = 6  # unnumbered sub-items rank below every numbered level


@dataclass
class Node:
    """One item while the tree is built."""

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
    open_field: bool = False  # the last field line opened a list (整改措施:) that 1、2、… continue
    _split: tuple | None = None

    def split(self) -> tuple[str | None, str]:
        """(heading, rest of the first paragraph), computed once."""
        if self._split is None:
            self._split = split_heading(self.paras[0], self.mlen)
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


def build_tree(paragraphs: list[str], tables: tuple = ()) -> tuple[list[int], list[Node], list[int]]:
    """Split paragraphs (and ledger tables among them) into the preamble, a flat, ordered list of
    item nodes, and the closing text: ``(preamble indices, nodes, closing indices)``.

    The closing text is what stands outside every item after the first one: the text after a
    ledger table, or a paragraph that looks back over a top-level list (以上问题,…).
    """
    from .ledger import ledger_nodes

    root = Node(0, "", "")
    stack = [root]
    preamble: list[int] = []
    closing: list[int] = []
    nodes: list[Node] = []
    pending = sorted(tables, key=lambda t: t.position)
    named = sum(1 for t in tables if t.name) > 1  # a workbook of several ledger sheets

    def add(node: Node) -> None:
        node.order = len(nodes) + 1
        nodes.append(node)

    for index in range(len(paragraphs) + 1):
        while pending and pending[0].position <= index:
            for node in ledger_nodes(pending.pop(0), stack[-1], named):
                add(node)
        if index == len(paragraphs):
            break
        para = paragraphs[index]
        n = norm(para)
        if len(stack) == 2 and not stack[1].children and SUMMARY_OPENER.match(n) and stack[1].paras:
            stack.pop()  # 以上问题,…: after a list of top-level items, the text closes the list
        node = _field_line(para, n, index, stack) or _continues_field(n, stack[-1])
        if node is True:
            stack[-1].paras.append(para)
            continue
        if node is not None:
            add(node)
            stack.append(node)
            continue
        found = find_marker(n)
        if found is None:
            if len(stack) > 1:
                stack[-1].paras.append(para)
            else:
                (closing if nodes else preamble).append(index)
            continue
        rank, label, mlen = found
        while stack[-1].rank >= rank:
            stack.pop()
        node = Node(rank, label, para[:mlen].strip(), [para], mlen=mlen, start=index)
        attach(stack[-1], node, numbered=rank < SUB_RANK)
        add(node)
        stack.append(node)
    return preamble, nodes, closing


def _field_line(para: str, n: str, index: int, stack: list[Node]):
    """A field line (整改任务:… / 整改措施:…): True when it joins the current item, a new node when
    a problem label opens an item of its own, None when the paragraph is no field line."""
    m = FIELD_LINE.match(n)
    if m is None:
        return None
    from ..read.tables import role_of

    current = stack[-1]
    value = n[m.end() :].strip()
    opens_list = not value or bool(find_marker(value)) or value.startswith("一是")
    if role_of(m.group(1)) != "problem" or (current.rank and _awaits_fields(current)):
        if not current.rank:
            return None  # a field line before any item is preamble text
        current.open_field = opens_list
        return True
    while stack[-1].rank >= SUB_RANK:
        stack.pop()
    node = Node(SUB_RANK, PLAIN_SUB_TAG, "", [para], mlen=m.end(), start=index, structured=True)
    attach(stack[-1], node, numbered=False)
    node.open_field = opens_list
    return node


def _awaits_fields(node: Node) -> bool:
    """An item just opened by a heading that names a problem ((一)关于…问题, (一)…不到位), whose
    field lines follow it (一、整改落实情况 is a section, and its field lines are items)."""
    if len(node.paras) != 1 or node.children or node.structured:
        return False
    own = norm(node.paras[0][node.mlen :]).lstrip(" .、")
    return own.startswith(PROBLEM_LEADS) or bool(PROBLEM_HEADING.search(node.split()[0] or ""))


def _continues_field(n: str, current: Node):
    """1、…2、… under an open field (整改措施:) are the field's measures, not items."""
    if not current.open_field:
        return None
    found = find_marker(n)
    if found is None or (found[0] >= 3 and not n[found[2] :].lstrip(" .、").startswith(PROBLEM_LEADS)):
        return True
    current.open_field = False
    return None


def attach(parent: Node, node: Node, numbered: bool) -> None:
    """Make ``node`` the last child of ``parent`` and give it a unique id (二/(三)/7, 举一反三-2)."""
    node.parent = parent
    parent.children.append(node)
    prefix = f"{parent.item_id}/" if parent.item_id else ""
    label = node.label
    if not numbered:
        k = sum(1 for c in parent.children if c.rank == node.rank and c.label == label)
        label = f"{label}-{k}"
    else:
        same = sum(1 for c in parent.children if c.label == node.label)
        if same > 1:
            label = f"{label}#{same}"
    node.item_id = prefix + label


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
    own = norm(node.paras[0][node.mlen :]).lstrip(" .、") if node.paras else ""
    return next((kind for lead, kind in OWN_KIND_LEADS if own.startswith(lead)), None)


def _renumber(node: Node) -> None:
    """A moved node's id (and its descendants') under its new parent."""
    segment = node.item_id.rsplit("/", 1)[-1]
    node.item_id = f"{node.parent.item_id}/{segment}" if node.parent.item_id else segment
    for child in node.children:
        _renumber(child)


def split_heading(text: str, marker_len: int) -> tuple[str | None, str]:
    """(heading, body) of an item's first paragraph; heading None means 'inherit'."""
    start = marker_len
    n = norm(text)
    while start < len(n) and n[start] in " .、":
        start += 1
    rest_n = n[start:]
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
    cut = re.search(r"[。::]", rest_n[:150])
    if cut:
        return _strip_heading(text[start : start + cut.start()]), text[start + cut.end() :].strip()
    if len(rest_n) <= 150:
        return _strip_heading(text[start:]), ""
    comma = re.search(r"[,,;;]", rest_n[:80])
    end = comma.start() if comma else 60
    return _strip_heading(text[start : start + end]), text[start:].strip()


def _strip_heading(heading: str) -> str:
    h = heading.strip(" \u3000,,。::;;")
    if h[:1] == "“" and h[-1:] == "”" and h.count("“") == 1:
        h = h[1:-1]
    elif h[:1] == "“" and h.endswith(("”问题", "”方面")) and h.count("“") == 1:
        h = h[1:-3]
    quoted = re.fullmatch(r"在?“([^“”]+)”(?:方面|问题)?(?:的整改(?:情况)?)?", h)
    if quoted:
        h = quoted.group(1)
    if h.endswith("”") and h.count("“") < h.count("”"):
        h = h[:-1]
    if h.startswith("“") and h.count("“") > h.count("”"):
        h = h[1:]
    return h.strip()


def split_measures(body: str) -> list[str]:
    """一是…二是… as a list; a body without such markers is one measure."""
    marks = list(MEASURE.finditer(norm(body)))
    if len(marks) < 2 and not (marks and marks[0].group(1) == "一是"):
        return [body.strip()] if body.strip() else []
    out = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(body)
        seg = body[m.end() : end].strip(" \n;;")
        if seg:
            out.append(seg)
    return out


def decide_kind(node: Node, own_text_norm: str) -> str:
    """Kind from the item's own words first, then from its ancestors' headings."""
    if node.rank <= 2 and any(c.rank > node.rank for c in node.children):
        return "section"
    if node.ledger and node.children:
        return "section"
    if node.rank == 1 and not node.children:
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
    if PROBLEM_HEADING.search(norm(node.split()[0] or "")) or node.structured:
        return "feedback"  # a bare heading that names a problem (一、…存在的问题), a ledger row
    return "narrative"
