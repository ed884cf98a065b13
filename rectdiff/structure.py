"""The item tree of a report: numbering levels, sub-items, headings, kinds, measures.

Works on paragraphs; every regex runs on the normalized copy (``norm``), which has the
same length as the original, so headings and bodies are cut from the original text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .normalize import norm

# (rank, pattern); rank orders the levels: 一、 > (一) > 1. > (1) > ① > 针对… sub-items
MARKERS = [
    (1, re.compile(r"^([一二三四五六七八九十]{1,3})(?:、|\.(?!\d))")),
    (2, re.compile(r"^\(([一二三四五六七八九十]{1,3})\)")),
    (3, re.compile(r"^(\d{1,3})\s?(?:、|\.(?!\d))")),
    (4, re.compile(r"^\((\d{1,3})\)")),
    (5, re.compile(r"^([①-⑳])")),
]
SUB_RANK = 6
_SUB = re.compile(
    r"^(?:针对(?:该|此|上述|本)问题|针对.{0,400}?(?:进行了?(?:以下|如下)整改|整改(?:情况)?如下)|"
    r"关于“[^”]{2,200}”(?:问题|方面)?的?整改|●|■|◆)")
_SUB_TAGS = [("举一反三", "举一反三"), ("推动改革促进发展", "推动改革"), ("立行立改", "立行立改")]
_CLAUSE_END = re.compile(r"(?:的?问题)?[,,。]?\s*(?:并)?(?:进行了?(?:以下|如下)整改|整改(?:情况)?如下)[。::,]?")
_LEAD = re.compile(r"(?:针对|关于)(?:[“\"](?:举一反三|推动改革促进发展)[”\"](?:整改事项|事项|问题)?)?")
_CLAUSE_FALLBACK = re.compile(r"(?:的?问题)?(?:的整改(?:情况)?)?(?:[。::]|$)|(?:的?问题)[,,]")
_THIS_PROBLEM = re.compile(r"^针对(?:该|此|上述|本)问题[,,]?(?:进行了?(?:以下|如下)整改|整改(?:情况)?如下)?[。::,]?")
_MEASURE = re.compile(r"(?:^|(?<=[。;;::\n]))\s*([一二三四五六七八九十]{1,3}是)[,,::]?")
_CONTEXT = [
    ("extension", re.compile("举一反三")),
    ("reform", re.compile("推动改革促进发展|推动改革")),
    ("immediate", re.compile("立行立改")),
    ("plan", re.compile("下一步|措施与计划|计划安排|工作打算|巩固深化|今后")),
    ("problem", re.compile("存在的主要问题|存在的问题|存在问题|问题和不足|差距和不足|不足之处")),
    ("narrative", re.compile("总体|组织领导|组织整改|主要负责人|履责|主体责任落实|工作部署|部署推进|部署落实|推进情况|基本情况|主要做法|主要成效|工作成效")),
    ("feedback", re.compile("反馈|具体问题|具体整改|整改情况|整改事项|问题的?整改|查出问题|发现问题|审计|督察|巡视|巡察")),
]


@dataclass
class Node:
    """One item while the tree is built."""

    rank: int
    label: str           # the id segment: 二, (三), 7, (1), ①, 举一反三-2
    number: str          # the number as printed, e.g. "7." or "（三）"
    paras: list = field(default_factory=list)  # original paragraphs
    children: list = field(default_factory=list)
    parent: "Node | None" = None
    item_id: str = ""
    order: int = 0
    mlen: int = 0        # length of the numbering marker in the first paragraph
    _split: tuple | None = None

    def split(self) -> tuple[str | None, str]:
        """(heading, rest of the first paragraph), computed once."""
        if self._split is None:
            self._split = split_heading(self.paras[0], self.mlen)
        return self._split


def find_marker(n: str):
    """(rank, label, marker length) of a paragraph's normalized text, or None."""
    for rank, rx in MARKERS:
        m = rx.match(n)
        if m:
            label = m.group(1)
            label = f"({label})" if rank in (2, 4) else label
            return rank, label, m.end()
    m = _SUB.match(n)
    if m:
        bullet = 1 if n[0] in "●■◆" else 0
        text = n[bullet:].lstrip()
        tag = next((t for key, t in _SUB_TAGS if text.startswith(f"针对“{key}”")), None)
        if tag is None:
            tag = "针对" if text.startswith("针对") else ("关于" if text.startswith("关于") else "条目")
        return SUB_RANK, tag, bullet
    return None


def build_tree(paragraphs: list[str]) -> tuple[list[str], list[Node]]:
    """Split paragraphs into the preamble and a flat, ordered list of item nodes."""
    root = Node(0, "", "")
    stack = [root]
    preamble: list[str] = []
    nodes: list[Node] = []
    for para in paragraphs:
        n = norm(para)
        found = find_marker(n)
        if found is None:
            (stack[-1].paras if len(stack) > 1 else preamble).append(para)
            continue
        rank, label, mlen = found
        while stack[-1].rank >= rank:
            stack.pop()
        parent = stack[-1]
        node = Node(rank, label, para[:mlen].strip(), [para], parent=parent, mlen=mlen)
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
    m = _THIS_PROBLEM.match(rest_n)
    if m:
        return None, text[start + m.end():].strip()
    if rest_n.startswith(("针对", "关于")):
        lead = _LEAD.match(rest_n)
        head_start = start + lead.end()
        m = _CLAUSE_END.search(n, head_start)
        if m is None:
            m = _CLAUSE_FALLBACK.search(n, head_start)
        if m is not None and m.start() - head_start <= 400:
            return _strip_heading(text[head_start:m.start()]), text[m.end():].strip()
    cut = re.search(r"[。::]", rest_n[:150])
    if cut:
        return _strip_heading(text[start:start + cut.start()]), text[start + cut.end():].strip()
    if len(rest_n) <= 150:
        return _strip_heading(text[start:]), ""
    comma = re.search(r"[,,;;]", rest_n[:80])
    end = comma.start() if comma else 60
    return _strip_heading(text[start:start + end]), text[start:].strip()


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
    marks = list(_MEASURE.finditer(norm(body)))
    if len(marks) < 2 and not (marks and marks[0].group(1) == "一是"):
        return [body.strip()] if body.strip() else []
    out = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(body)
        seg = body[m.end():end].strip(" \n;;")
        if seg:
            out.append(seg)
    return out


def decide_kind(node: Node, own_text_norm: str) -> str:
    """Kind from the item's own words first, then from its ancestors' headings."""
    if node.rank <= 2 and any(c.rank > node.rank for c in node.children):
        return "section"
    if node.rank == 1 and not node.children:
        own_head = norm(node.split()[0] or "")
        if dict(_CONTEXT)["narrative"].search(own_head):
            return "narrative"
    if own_text_norm.startswith("针对“举一反三”"):
        return "extension"
    if own_text_norm.startswith("针对“推动改革促进发展”"):
        return "reform"
    anc = node.parent
    while anc is not None and anc.paras:
        head = norm(anc.split()[0] or "")
        for kind, rx in _CONTEXT:
            if rx.search(head) and (kind != "narrative" or anc.rank == 1):
                return kind
        anc = anc.parent
    if own_text_norm.startswith(("针对", "关于")) or "整改" in own_text_norm[:200]:
        return "feedback"
    return "narrative"
