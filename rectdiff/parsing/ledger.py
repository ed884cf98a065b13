"""A ledger (整改台账) table as items: each data row one item, a row that spans the table (党的
领导方面) or a category column opening a section, every other column kept as a named field.

A row item's first paragraph is its problem text; each other filled column becomes a field
line ``责任单位:区财政局`` in its body, so the status column reads through the same status
grammar as a field line in prose (``整改进展:已完成`` is a ``label``).
"""

from __future__ import annotations

from ..model import Table
from ..zh.lexicon import CATEGORY_TAG, LEDGER_ROW_TAG, PROBLEM_LEADS, UNNAMED_COLUMN
from ..zh.normalize import norm
from .nodes import SUB_RANK, Node, attach, find_marker, split_heading

#: the rank given to ledger sections and items: below every numbered level of the prose around
#: them, so the text after the table does not fall under a table row
_SECTION_RANK, _ITEM_RANK = SUB_RANK, SUB_RANK + 1
#: the order of an item's fields
_FIELD_ORDER = ["goal", "measures", "status", "responsible", "deadline", "note", "number", "problem", "category"]


def ledger_nodes(table: Table, parent: Node, named: bool) -> list[Node]:
    """Nodes for a recognised ledger under ``parent``; ``named`` puts them in a section named
    after the sheet (a workbook with several ledger sheets)."""
    nodes: list[Node] = []
    if named:
        sheet = _section(parent, table.name, table.name)
        nodes.append(sheet)
        parent = sheet
    group, group_text = parent, None
    for index, row in enumerate(table.rows[table.header :], table.header):
        cells = dict(zip(range(len(row)), row))
        spanning = _spanning(row)
        category = next((cells[i] for i, r in enumerate(table.roles) if r == "category" and cells.get(i)), None)
        if spanning is not None:
            group, group_text = _section(parent, spanning, CATEGORY_TAG), spanning
            group.table, group.row = table, index  # its 出处: the row that names it
            nodes.append(group)
            continue
        if category and category != group_text:
            group, group_text = _section(parent, category, CATEGORY_TAG), category
            group.table, group.row = table, index
            group.columns = {"": next((i for i, r in enumerate(table.roles) if r == "category"), 0)}
            nodes.append(group)
        item = _item(group, table, row, index)
        if item is not None:
            nodes.append(item)
    return nodes


def _spanning(row: tuple) -> str | None:
    """A row whose filled cells all say the same (a merged category row): its text."""
    filled = {c for c in row if c}
    return filled.pop() if len(filled) == 1 and sum(1 for c in row if c) >= 1 and len(row) > 1 else None


def _section(parent: Node, text: str, tag: str) -> Node:
    """A section of a ledger: a sheet (id: its name), a category row (id: its number 一, else 类-1)."""
    found = find_marker(norm(text))
    numbered = bool(found and found[0] < SUB_RANK)
    label = found[1] if numbered else tag
    number = text[: found[2]].strip() if numbered else ""
    node = Node(_SECTION_RANK, label, number, [text], mlen=found[2] if numbered else 0, ledger=True, start=-1)
    node._split = (split_heading(text, node.mlen)[0] or text, "")
    attach(parent, node, numbered=numbered or tag == text)
    return node


def _item(parent: Node, table: Table, row: tuple, index: int = -1) -> Node | None:
    problem = next((row[i] for i, r in enumerate(table.roles) if r == "problem" and i < len(row) and row[i]), "")
    if not problem:
        return None
    number = next((row[i] for i, r in enumerate(table.roles) if r == "number" and i < len(row) and row[i]), "")
    heading, rest = split_heading(problem, 0)
    if norm(problem).startswith(PROBLEM_LEADS):
        heading = heading or problem
    fields, columns = {}, {}
    # fields in the order of their roles, not of the columns: the same ledger with its columns
    # rearranged (or as .xlsx instead of a web page) reads the same
    order = sorted(range(len(table.roles)), key=lambda i: (_FIELD_ORDER.index(table.roles[i] or "note"), i))
    for i in order:
        role, label = table.roles[i], table.labels[i] if i < len(table.labels) else ""
        if role in ("problem", "number", "category") or i >= len(row) or not row[i]:
            continue
        label = label or UNNAMED_COLUMN.format(i + 1)
        fields[label] = row[i] if label not in fields else f"{fields[label]}\n{row[i]}"
        columns.setdefault(label, i)
    lines = [f"{label}:{value}" for label, value in fields.items()]
    node = Node(_ITEM_RANK, number or LEDGER_ROW_TAG, number, [problem, *lines], ledger=True, structured=True, start=-1,
                fields=fields, table=table, row=index)  # fmt: skip
    node.columns = {"": next((i for i, r in enumerate(table.roles) if r == "problem"), 0), **columns}
    node._split = (heading or problem[:60], "\n".join(x for x in [rest] if x))
    attach(parent, node, numbered=bool(number))
    return node
