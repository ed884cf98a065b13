"""The item tree of a report: numbering levels, sub-items, headings, kinds, measures.

Works on paragraphs; every regex runs on the normalized copy (``norm``), which has the
same length as the original, so headings and bodies are cut from the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..zh.lexicon import (
    BULLETS,
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
    start: int = 0  # index of the first paragraph in the list the tree was built from
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


def build_tree(paragraphs: list[str]) -> tuple[list[str], list[Node]]:
    """Split paragraphs into the preamble and a flat, ordered list of item nodes."""
    root = Node(0, "", "")
    stack = [root]
    preamble: list[str] = []
    nodes: list[Node] = []
    for index, para in enumerate(paragraphs):
        n = norm(para)
        found = find_marker(n)
        if found is None:
            (stack[-1].paras if len(stack) > 1 else preamble).append(para)
            continue
        rank, label, mlen = found
        while stack[-1].rank >= rank:
            stack.pop()
        parent = stack[-1]
        node = Node(rank, label, para[:mlen].strip(), [para], parent=parent, mlen=mlen, start=index)
        parent.children.append(node)
        node.item_id = _unique_id(parent, node)
        node.order = len(nodes) + 1
        nodes.append(node)
        stack.append(node)
    return preamble, nodes


def _unique_id(parent: Node, node: Node) -> str:
    prefix = f"{parent.item_id}/" if parent.item_id else ""
    label = node.label
    if node.rank == SUB_RANK:
        k = sum(1 for c in parent.children if c.rank == SUB_RANK and c.label == label)
        label = f"{label}-{k}"
    else:
        same = sum(1 for c in parent.children if c.label == node.label)
        if same > 1:
            label = f"{label}#{same}"
    return prefix + label


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
    if PROBLEM_HEADING.search(norm(node.split()[0] or "")):
        return "feedback"  # a bare heading that names a problem: 一、…政策存在的问题
    return "narrative"
