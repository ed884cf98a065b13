"""Rows of the item table (``model.ITEM_COLUMNS``): one per item node, plus the rows that frame
the items — 前言 (the text before the first item, title included) and 落款 (the sign-off and
anything after it) — so that every paragraph of the report belongs to exactly one row."""

from __future__ import annotations

from dataclasses import field, fields
from operator import attrgetter

from ..frozen import mutable
from ..model import Document
from ..read.tables import role_of
from ..records import Item, field_names
from ..zh import lexicon as lx
from ..zh.normalize import match_key, norm
from .kinds import decide_kind
from .nodes import Node

_NUMBERED_LINE = lx.NUMBERED_MEASURE_LINE
_NUMBERED = lx.NUMBERED_MEASURE


#: what a draft holds before parsing fills it in: every ``records.Item`` field after ``order``
_UNFILLED = {
    "status": "unknown", "status_source": "unknown", "status_text": "", "status_evidence": "",
    "progress_done": None, "progress_total": None, "fields": field(default_factory=dict), "responsible": "",
    "deadline": "", "text": "", "key": "", "source": "", "source_at": None, "evidence_source": "",
    "evidence_at": None, "overdue": False,
}  # fmt: skip


def _update(self, **values) -> None:
    """Set several fields at once (an unknown name fails)."""
    for name, value in values.items():
        setattr(self, name, value)


def _record(self) -> Item:
    """The finished row as a frozen ``records.Item``."""
    return Item(*_ITEM_VALUES(self))


#: the values of a draft's ``records.Item`` fields, in order, read in one call
_ITEM_VALUES = attrgetter(*field_names(Item))


#: An item row while parsing fills it in (status, sources, 出处): the fields of ``records.Item``,
#: read off it (one home), and what parsing keeps on the way: ``status_unread`` (why status words
#: at the verdict's place could not be read, and the sentence) and ``status_weak`` (what ongoing
#: measures alone say, GUIDE R3, settled last). Slots: a misspelt field fails where it is set.
#: Declared with ``frozen.mutable`` (1 ms less at every start than ``make_dataclass``'s compiles).
Draft = mutable(slots=True)(
    type("Draft", (), {
        "__annotations__": {**{f.name: f.type for f in fields(Item)}, "status_unread": tuple, "status_weak": object},
        **_UNFILLED, "status_unread": ("", ""), "status_weak": None,
        "update": _update, "record": _record, "__module__": __name__,
        "__doc__": "An item row while parsing fills it in: ``records.Item``'s fields and two of parsing's.",
    })
)  # fmt: skip


def base_row(item_id, parent_id, level, kind, number, heading, body, text, order, fields=None) -> Draft:
    """A row with no status yet (``parsing.status`` and ``parsing.sources`` fill it in)."""
    fields = fields or {}
    return Draft(
        item_id=item_id, parent_id=parent_id, level=level, kind=kind, number=number, heading=heading, body=body,
        measures=_measures(body, fields), order=order, fields=fields, responsible=_by_role(fields, "responsible"),
        deadline=_by_role(fields, "deadline"), text=text, key=match_key(heading),
    )  # fmt: skip


def frame_row(item_id: str, body: list[str], text: list[str], order: int) -> Draft:
    """前言 or 落款: prose around the items."""
    return base_row(item_id, "", 0, "narrative", "", item_id, "\n".join(body), "\n".join(text), order)


def item_row(node: Node, doc: Document) -> Draft:
    """The row of one item node."""
    if not node.paras:  # a group the report left without a heading (see kinds.regroup)
        return base_row(node.item_id, node.parent.item_id if node.parent else "", node.item_id.count("/") + 1,
                        "section", "", node.label, "", "", node.order)  # fmt: skip
    heading, body_first = node.split()
    if heading is None:
        heading = node.parent.split()[0] if node.parent and node.parent.paras else ""
        heading = lx.INHERITED_HEADING_TRIM.sub("", heading or "")
    body = "\n".join([body_first] + node.paras[1:]).strip()
    kind = decide_kind(node, norm(node.paras[0])[node.mlen :].lstrip(" .、"))
    parent_id = node.parent.item_id if node.parent else ""
    if node.start < 0 or node.inline:  # a ledger row: its cells; a heading cut from a paragraph: its part
        text = "\n".join(node.paras)
    else:
        text = "\n".join(doc.original(i) for i in range(node.start, node.start + len(node.paras)))
    fields = node.fields or field_lines(node.paras[1:])
    level = node.item_id.count("/") + 1
    return base_row(node.item_id, parent_id, level, kind, node.number, heading, body, text, node.order, fields)


def field_lines(paras: list[str]) -> dict:
    """Labelled lines of a body (整改措施:… / 责任单位:…), a line without a label continuing the
    field before it; the problem label is the item's heading, not a field."""
    fields: dict[str, str] = {}
    current = None
    for para in paras:
        m = lx.FIELD_LINE.match(norm(para))
        if m:
            label = para[m.start(1) : m.end(1)]
            current = None if role_of(label) == "problem" else label
            if current:
                value = para[m.end() :].strip()
                fields[current] = f"{fields[current]}\n{value}" if current in fields else value
        elif current and fields[current] and role_of(current) != "measures" and _NUMBERED_LINE.match(norm(para)):
            current = None  # (1)… after 整改进展情况:已完成整改。 is the item's measure, not the field's
        elif current:
            fields[current] = f"{fields[current]}\n{para.strip()}".strip()
    return fields


def _by_role(fields: dict, role: str) -> str:
    return "\n".join(v for k, v in fields.items() if role_of(k) == role)


def _measures(body: str, fields: dict) -> list[str]:
    """一是…二是…, or the numbered measures of a measures field (整改措施:1、…2、…), or where there
    is no such field the numbered lines of the body (项目1.1:… / 整改时限:… / (1)… / (2)…)."""
    measures = _by_role(fields, "measures")
    if not measures and fields:
        lines = [line for line in body.split("\n") if _NUMBERED_LINE.match(norm(line))]
        measures = "\n".join(lines) if len(lines) >= 2 else ""
    if measures and len(_NUMBERED.findall(norm(measures))) >= 2:
        cuts = [m.end() for m in _NUMBERED.finditer(norm(measures))]
        starts = [m.start() for m in _NUMBERED.finditer(norm(measures))]
        parts = [measures[c : (starts[i + 1] if i + 1 < len(starts) else None)] for i, c in enumerate(cuts)]
        return [p.strip(" ;；。\n") for p in parts if p.strip(" ;；。\n")]
    return split_measures(body)


def inside_an_item(row: Draft) -> bool:
    """Is this row an item's own text (not a section, not the frame, not a top-level prose part)?"""
    if row.kind == "section" or row.item_id in lx.FRAME_ROWS:
        return False
    return not (row.kind == "narrative" and row.level == 1)


def split_measures(body: str) -> list[str]:
    """一是…二是… as a list; a body without such markers is one measure."""
    marks = list(lx.MEASURE.finditer(norm(body)))
    if len(marks) < 2 and not (marks and marks[0].group(1) == lx.FIRST_MEASURE):
        return [body.strip()] if body.strip() else []
    out = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(body)
        seg = body[m.end() : end].strip(" \n;;")
        if seg:
            out.append(seg)
    return out
