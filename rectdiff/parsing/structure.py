"""The item tree of a report: numbering levels, sub-items, field lines and the lists under them
(``kinds`` says what each node is and groups the items a report left without a heading).

Works on paragraphs; every regex runs on the normalized copy (``norm``), which has the
same length as the original, so headings and bodies are cut from the original text.
"""

from __future__ import annotations

from ..zh.lexicon import (
    ATTACHMENT,
    ATTACHMENT_ID,
    DEFINED_MAX_GAP,
    FIELD_LINE,
    FIRST_MEASURE,
    INLINE_BOUNDARY,
    INLINE_MIN_LENGTH,
    INLINE_NOT_AFTER,
    INLINE_RANKS,
    PLAIN_ORDINAL_MAX,
    PLAIN_SUB_TAG,
    PROBLEM_HEADING,
    PROBLEM_HEADING_NOTE,
    PROBLEM_LEADS,
    SECTION_HEADING,
    SUMMARY_OPENER,
)
from ..zh.lexicon.lazy import pattern
from ..zh.normalize import norm
from ..zh.numerals import chinese_int, to_chinese
from .ledger import ledger_nodes
from .nodes import SUB_RANK, Node, attach, find_marker
from .numbering import Numbering, defined_numbering

_LISTED = pattern(r"\((\d{1,3})\)")  # (1) (2) … inside a line


#: a level the document defines that ranks at or above 一、 is a part of the report (第二部分)
_PART_RANK = 1
#: the report's attachment (附件1) ranks above every level, so that its 一、 and 1. stand under it
ATTACHMENT_RANK = 0.5


def build_tree(paragraphs: list[str], tables: tuple = (), skip: range = range(0),
               attached: int | None = None) -> tuple[list[int], list[Node], list[int]]:  # fmt: skip
    """Split paragraphs (and ledger tables among them) into the preamble, a flat, ordered list of
    item nodes, and the closing text: ``(preamble indices, nodes, closing indices)``.

    The closing text is what stands outside every item after the first one: the text after a
    ledger table, or a paragraph that looks back over a top-level list (以上问题,…). ``skip``:
    paragraphs that are no part of the tree (a sign-off before the attachment); ``attached``: where
    the report's attachment begins — a group of its own under the root (附件1), never the last
    item's text, its tables and items under it.
    """

    root = Node(0, "", "")
    stack = [root]
    preamble: list[int] = []
    closing: list[int] = []
    nodes: list[Node] = []
    pending = sorted(tables, key=lambda t: t.position)
    named = sum(1 for t in tables if t.name) > 1  # a workbook of several ledger sheets
    norms = [norm(para) for para in paragraphs]
    numbering = defined_numbering(norms)

    def add(node: Node) -> None:
        node.order = len(nodes) + 1
        nodes.append(node)

    for index, para, n, inline in [*_pieces(paragraphs, norms), (len(paragraphs), "", "", False)]:
        if index == attached:
            del stack[1:]
        while pending and pending[0].position <= index:
            for node in ledger_nodes(pending.pop(0), stack[-1], named):
                add(node)
        if index == len(paragraphs):
            break
        if index in skip:
            continue
        if index == attached and (opened := ATTACHMENT.match(n.strip())):
            node = Node(ATTACHMENT_RANK, f"{ATTACHMENT_ID}{opened.group(1)}", "", [para], start=index)
            node._split = (para.strip(), "")
            attach(root, node, numbered=True)
            add(node)
            stack.append(node)
            continue
        found = _marker(n, stack, numbering)
        if len(stack) == 2 and not stack[1].children and SUMMARY_OPENER.match(n) and stack[1].paras:
            stack.pop()  # 以上问题,…: after a list of top-level items, the text closes the list
        elif found is None and len(stack) > 2 and _closes_list(stack[-1]) and SUMMARY_OPENER.match(n):
            stack.pop()  # …and after a list inside a section it is the section's text, not the last item's
        node = _field_line(para, n, index, stack) or _continues_field(n, stack[-1], found)
        if node is True:
            stack[-1].paras.append(para)
            continue
        if node is not None:
            add(node)
            stack.append(node)
            continue
        if found is None:
            if len(stack) > 1:
                stack[-1].paras.append(para)
            else:
                (closing if nodes else preamble).append(index)
            continue
        rank, label, mlen = found
        while stack[-1].rank >= rank:
            stack.pop()
        node = Node(rank, label, para[:mlen].strip(), [para], mlen=mlen, start=index, defined=rank != int(rank),
                    inline=inline)  # fmt: skip
        attach(stack[-1], node, numbered=rank < SUB_RANK)
        add(node)
        stack.append(node)
    return preamble, nodes, closing


def _pieces(paragraphs: list[str], norms: list[str]):
    """(index, paragraph, normalized, inline) of every paragraph, a paragraph that holds several
    headings of one level in a row (一、…企业情况……二、…处理情况……) cut into one piece each."""
    for index, (para, n) in enumerate(zip(paragraphs, norms)):
        cuts = _inline_headings(n)
        if not cuts:
            yield index, para, n, False
            continue
        for start, end in zip([0, *cuts], [*cuts, len(n)]):
            yield index, para[start:end].strip(), n[start:end].strip(), True


def _inline_headings(n: str) -> list[int]:
    """Where a paragraph that opens with 一、 or (一) goes on to 二、 / (二) (and 三、 …) after the
    end of a sentence: the start of each following heading ([] when there is none)."""
    found = find_marker(n)
    if found is None or found[0] not in INLINE_RANKS or len(n) < INLINE_MIN_LENGTH:
        return []
    value = chinese_int(found[1].strip("()"))
    if not value:
        return []
    sep = n[found[2] - 1] if found[0] == 1 else ""
    cuts, at = [], found[2]
    while True:
        label = to_chinese(value + len(cuts) + 1)
        marker = f"{label}{sep}" if found[0] == 1 else f"({label})"
        at = n.find(marker, at)
        if at < 0:
            return cuts
        after = n[at + len(marker) : at + len(marker) + 1]
        if n[at - 1] in INLINE_BOUNDARY and after and after not in INLINE_NOT_AFTER:
            cuts.append(at)
        at += len(marker)


FIRST_ORDINALS = ("1", "①")  # the labels a field's own list (整改措施:\n1.…) begins with
ITEM_RANK = 3  # 1. / (1) / ①: the fixed levels that number items, not sections
_ANY_LIST = -1  # Node.open_field of a field whose list (1、… or 一是…) has not begun on its line


def _closes_list(node: Node) -> bool:
    """Is ``node`` the last of a numbered list (a leaf with numbered siblings before it), so that a
    paragraph looking back over the list (以上问题…) belongs to the list's parent?"""
    siblings = node.parent.children if node.parent is not None else []
    return not node.children and node.number != "" and sum(1 for c in siblings if c.number) >= 2


def _marker(n: str, stack: list[Node], numbering: Numbering):
    """(rank, label, marker length) of an item's numbering: the document's own levels first,
    then the fixed ones; an ordinal past the fixed levels' usual size only where it runs in
    sequence or continues the sibling before it (item 1000 after item 999; 2023.关于… alone is a
    year)."""
    found = numbering.find(n, stack) or find_marker(n)
    if found is None or not found[1].isdecimal() or not found[1].isascii() or int(found[1]) <= PLAIN_ORDINAL_MAX:
        return found
    if found[0] == 3 and int(found[1]) in numbering.large:
        return found  # a list of its own that runs past 999 (a truncated text starting at 1201.)
    rank = found[0]
    siblings = next((node.children for node in reversed(stack) if node.rank < rank), [])
    last = next((c.label for c in reversed(siblings) if c.rank == rank), "")
    last = last.split("#")[0]
    before = int(last) if last.isascii() and last.isdecimal() else 0
    return found if 0 < int(found[1]) - before <= DEFINED_MAX_GAP else None


def _field_line(para: str, n: str, index: int, stack: list[Node]):
    """A field line (整改任务:… / 整改措施:…): True when it joins the current item, a new node when
    a problem label opens an item of its own, None when the paragraph is no field line."""
    m = FIELD_LINE.match(n)
    if m is None:
        return None
    from ..read.tables import role_of

    value = n[m.end() :].strip()
    listed = find_marker(value)
    opens_list = listed[0] if listed else (_ANY_LIST if not value or value.startswith(FIRST_MEASURE) else 0)
    problem = role_of(m.group(1)) == "problem"
    if not problem:
        _back_to_fields(stack)
    current = stack[-1]
    if not problem or (current.rank and _awaits_fields(current)):
        if not current.rank:
            return None  # a field line before any item is preamble text
        current.open_field, current.fielded = opens_list, True
        return True
    while stack[-1].rank >= SUB_RANK:
        stack.pop()
    node = Node(SUB_RANK, PLAIN_SUB_TAG, "", [para], mlen=m.end(), start=index, structured=True)
    attach(stack[-1], node, numbered=False)
    node.open_field = opens_list
    return node


def _back_to_fields(stack: list[Node]) -> None:
    """A field line after an item's numbered measures (项目1.1: / 整改时限:… / (1)…(6) / 责任单位:…)
    belongs to the item whose fields these are, never to its last measure."""
    while len(stack) > 2 and not stack[-1].fielded and stack[-1].rank >= 3 and not stack[-1].defined:
        owner = stack[-2]
        if not (owner.fielded or owner.defined):
            return
        stack.pop()


def _awaits_fields(node: Node) -> bool:
    """An item just opened by a heading that names a problem ((一)关于…问题, (一)…不到位,
    1.…的问题(1号)), by the document's own numbering (问题3:), or at an item level (1. / (1)),
    whose field lines follow it: 问题表现:… there is the item's own field. Only a section's
    heading (一、整改落实情况) leaves its field lines to be items of their own."""
    if node.defined:
        return not node.children
    if len(node.paras) != 1 or node.children or node.structured:
        return False
    own = norm(node.paras[0])[node.mlen :].lstrip(" .、")
    head = norm(node.split()[0] or "")
    heading = PROBLEM_HEADING_NOTE.sub("", head)
    if own.startswith(PROBLEM_LEADS) or PROBLEM_HEADING.search(head) or PROBLEM_HEADING.search(heading):
        return True
    return node.rank >= ITEM_RANK and not SECTION_HEADING.search(heading)


def _next_item(current: Node, found) -> bool:
    """(3) after item (2) whose 整改措施:(1)…(2)…(3)… ran on one line: the next item in the item's own
    style, not a fourth measure (a measure list on lines of their own goes on: (1), (2) …)."""
    if found is None or found[0] != current.rank or not current.paras:
        return False
    own, new = _ordinal(current.label), _ordinal(found[1])
    last_para = norm(current.paras[-1])
    listed = [int(x) for x in _LISTED.findall(last_para)]
    inline = bool(listed) and FIELD_LINE.match(last_para) is not None  # 整改措施:(1)…(2)… on one line
    return own is not None and new == own + 1 and (inline or new != max(listed, default=0) + 1)


def _ordinal(label: str) -> int | None:
    label = label.strip("()")
    return int(label) if label.isascii() and label.isdigit() else chinese_int(label)


def _continues_field(n: str, current: Node, found):
    """1、…2、… under an open field (整改措施:) are the field's measures, not items; the
    document's own numbering (问题3:) closes the field. Under an item of the document's own
    numbering, (1)…(6) are its measures too (项目1.1:… / 整改时限:… / (1)…): that numbering
    is the document's item level, and a sub-problem says so (关于…/针对…)."""
    # …but a fixed level above the item's own (2. after 1.2, which nests under 1.) is the next heading
    fixed = found is not None and found[0] == int(found[0]) and found[0] >= 3 and found[0] > current.rank
    # a part (第二部分, ranked above 一、) is no item: the numbered levels under it are its items
    in_item = current.defined and current.rank > _PART_RANK
    if in_item and fixed and not n[found[2] :].lstrip(" .、").startswith(PROBLEM_LEADS):
        return True
    if not current.open_field:
        return None
    if _next_item(current, found):
        current.open_field = 0
        return None
    listed = current.open_field
    if found is not None and (found[0] != int(found[0]) or listed not in (_ANY_LIST, found[0])):
        current.open_field = 0  # 问题3:, or 15. after a field's (1)…(2): the next item
        return None
    if found is None:
        return True
    opens = listed != _ANY_LIST or found[1].strip("()") in FIRST_ORDINALS  # (6) after 一是… is the next item
    if found[0] >= 3 and opens and not n[found[2] :].lstrip(" .、").startswith(PROBLEM_LEADS):
        current.open_field = found[0]  # the list's style is set by its first marker
        return True
    current.open_field = 0
    return None
