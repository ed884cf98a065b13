"""Statuses an item does not state itself, and where they come from.

After each item has read its own words (``verdict.item_status``: sources ``label`` and
``item``), three passes fill in what a careful reader knows from elsewhere, each only for
items still unknown, in this order (the precedence is label > item > summary > section >
stated_total):

``summary``
    another sentence names the item by ordinal or heading: 第一项、第二项、第四项问题已经
    整改完成,第三项问题持续整改跟踪中 (the ordinals count the list the sentence closes).
``section``
    the item's group says all of it is done or ongoing: a heading (（一）已完成整改的问题),
    or an intro (以下问题均已完成整改; 共移交立行立改问题1个,目前已完成整改1个 over one item).
``stated_total``
    a report-level total leaves one possibility: 30个具体问题已全部完成整改 over a group of 30
    listed items, or the one status whose stated count equals the items still unknown.

Last, an item whose only status words are ongoing measures (GUIDE R3: 二是正在修订制度) is read
``in_progress`` (source ``item``) where none of these decided. An item whose own words compete
(status_unread ``conflict``) is never settled from elsewhere.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..model import KINDS, RECTIFIED_KINDS, STATUS_FIELDS, STATUS_SOURCES
from ..zh import lexicon as lx
from ..zh.compiled import regex
from ..zh.normalize import match_key, norm
from ..zh.numerals import chinese_int
from .status import find_phrases, sentences

if TYPE_CHECKING:
    from .rows import Draft

#: kinds whose items are rectification items with a status (plans and the report's own
#: shortcomings speak of other items)
STATUS_KINDS = {*RECTIFIED_KINDS, "narrative"}
_QUOTED = regex(lx.QUOTED_SNIPPET)
_AFTER_COMMA = regex(r"(?<=[,;])")
_DIGIT = regex(r"\d")


def eligible(row: Draft) -> bool:
    """Does this row carry a status of its own (a leaf item of a rectification kind)?"""
    return row.kind in STATUS_KINDS and row.item_id not in lx.FRAME_ROWS


def coverage(rows: list[Draft]) -> list[dict]:
    """Per kind of status-bearing item: how many items, how many with a known status, and by source."""
    out = []
    kinds = [k for k in KINDS if k in STATUS_KINDS]
    for kind in [*kinds, "all"]:
        items = [r for r in rows if eligible(r) and kind in (r.kind, "all")]
        if not items:
            continue
        sources = Counter(r.status_source for r in items)
        row = {"kind": kind, "items": len(items), "known": len(items) - sources.get("unknown", 0)}
        out.append(row | {s: sources.get(s, 0) for s in STATUS_SOURCES})
    return out


def summary_spans(body: str) -> tuple[tuple[int, int], ...]:
    """Sentences of ``body`` that speak of other items by ordinal (their statuses are not the item's)."""
    n = norm(body)
    if not lx.ORDINAL_MENTION.search(n):
        return ()  # most bodies name no other item
    return tuple((s, e) for s, e in sentences(n) if lx.ORDINAL_MENTION.search(n[s:e]) and find_phrases(n[s:e]))


def fill_from_summaries(rows: list[Draft]) -> None:
    """Statuses named in summary sentences by ordinal (第一项…) or by quoted heading."""
    children = _children(rows)
    listed: dict[str, list[Draft]] = {}  # each parent's children without the frame rows, and the
    by_key: dict[str, list[Draft]] = {}  # rows by heading key: built once, looked up per clause
    for row in rows:
        n = norm(row.body)
        if not _names_items(n):
            continue  # a body that names no item by ordinal or quoted heading settles none
        if not listed:
            listed.update({p: [r for r in group if r.item_id not in lx.FRAME_ROWS] for p, group in children.items()})
            for r in rows:
                if r.key:
                    by_key.setdefault(r.key, []).append(r)
        for s, e in sentences(n):
            sentence = n[s:e]
            for clause in _clauses(sentence):
                if not _names_items(clause):
                    continue
                phrases = [p for p in find_phrases(clause) if not p.measure]
                if not phrases:
                    continue
                evidence = row.body[s:e].strip()
                targets = _ordinal_targets(clause, row, children, listed) + _heading_targets(clause, by_key, row)
                for target in targets:
                    _settle(target, phrases[0].status, clause[phrases[0].start : phrases[0].end], evidence, "summary")


def fill_from_sections(rows: list[Draft], totals: list[dict]) -> None:
    """A group's heading or intro that says all of the group is done or ongoing."""
    children = _children(rows)
    by_id = {r.item_id: r for r in rows}
    for row in rows:
        members = [r for r in _descendants(row.item_id, children) if eligible(r)]
        if not members or row.kind != "section":
            continue
        found = _group_statement(row, members, [t for t in totals if t["item_id"] == row.item_id])
        if found:
            status, phrase, evidence = found
            for member in members:
                _settle(by_id[member.item_id], status, phrase, evidence, "section")


def fill_from_totals(rows: list[Draft], totals: list[dict]) -> None:
    """Statuses a stated total leaves only one possibility for (source ``stated_total``)."""
    for total in totals:
        group = covered_group(total, rows)
        if not group:
            continue
        known = Counter(r.status for r in group if r.status != "unknown")
        unknown = [r for r in group if r.status == "unknown"]
        stated = {f: total[f] for f in STATUS_FIELDS if total[f] is not None}
        status = None
        if stated.get("completed") == total["total"]:
            status = "completed"
        elif sum(stated.values()) == total["total"]:
            remaining = {f: v - known.get(f, 0) for f, v in stated.items() if v - known.get(f, 0) > 0}
            if len(remaining) == 1 and next(iter(remaining.values())) == len(unknown):
                status = next(iter(remaining))
        for row in unknown if status else ():
            _settle(row, status, "", total["evidence"][:200], "stated_total")


def speaks_for(total: dict, rows: list[Draft]) -> str | None:
    """The part of the report a total speaks for: '' for all of it, a section's id, or None.

    A total stated in the preamble, a closing paragraph or a top-level prose part (一、总体情况)
    speaks for the whole report, one in a section's intro for that section; one inside an item
    counts that item's own sub-problems and speaks for no listed items.
    """
    where = next((r for r in rows if r.item_id == total["item_id"]), None)
    if where is None:
        return None
    if where.item_id in lx.FRAME_ROWS or (where.kind == "narrative" and where.level == 1):
        return ""
    return where.item_id if where.kind == "section" else None


def in_scope(total: dict, rows: list[Draft]) -> list[Draft]:
    """Status-bearing items of the kind a total counts, within the part of the report it speaks for."""
    scope = speaks_for(total, rows) if total["kind"] else None
    if scope is None:
        return []
    prefix = scope + "/" if scope else ""
    return [r for r in rows if r.kind == total["kind"] and r.item_id.startswith(prefix) and eligible(r)]


def covered_group(total: dict, rows: list[Draft]) -> list[Draft]:
    """The listed items a total counts one by one: all of its kind in scope, or the numbered ones."""
    if total["total"] is None:
        return []
    items = in_scope(total, rows)
    if len(items) == total["total"]:
        return items
    numbered = [r for r in items if r.number]
    return numbered if len(numbered) == total["total"] else []


def fill_from_measures(rows: list[Draft]) -> None:
    """Last: an item whose only status words are ongoing measures (GUIDE R3) is in progress."""
    for row in rows:
        weak = row.status_weak
        if weak is not None and row.status == "unknown":
            row.update(status=weak.status, status_text=weak.text, status_evidence=weak.evidence, status_source="item")


def _settle(row: Draft, status: str, phrase: str, evidence: str, source: str) -> None:
    if row.status != "unknown" or not eligible(row) or row.status_unread[0] == "conflict":
        return  # an item whose own words compete is left unread, never settled from elsewhere
    row.update(status=status, status_text=phrase, status_evidence=evidence, status_source=source)


def _children(rows: list[Draft]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for row in rows:
        out.setdefault(row.parent_id, []).append(row)
    return out


def _descendants(item_id: str, children: dict) -> list[Draft]:
    out = []
    for child in children.get(item_id, []):
        out.append(child)
        out += _descendants(child.item_id, children)
    return out


def _names_items(text: str) -> bool:
    """Could ``text`` name other items (第一项…, or a quoted heading)? Else it has no targets."""
    return bool(lx.ORDINAL_MENTION.search(text) or _QUOTED.search(text))


def _clauses(sentence: str) -> list[str]:
    return _AFTER_COMMA.split(sentence)


def _ordinal_targets(clause: str, row: Draft, children: dict, listed: dict) -> list[Draft]:
    """第一项、第二项、第四项问题已经整改完成 → the 1st, 2nd and 4th items of the list it closes
    (``listed``: each parent's children without the frame rows)."""
    numbers = _ordinals(clause)
    if not numbers or any(k is None or k < 1 for k in numbers):
        return []
    for items in (listed.get(row.item_id, []), listed.get(row.parent_id, []), listed.get("", [])):
        if len(items) >= max(numbers):
            return [items[k - 1] for k in numbers]
    if row.item_id in lx.FRAME_ROWS:
        # the preamble or the closing speaks of the report's one list long enough; of several, it is
        # not told which (each section numbering from 1), and no item is settled
        long_enough = [
            items
            for parent, group in children.items()
            if parent not in ("", *lx.FRAME_ROWS)
            if len(items := [r for r in group if eligible(r)]) >= max(numbers)
        ]
        if len(long_enough) == 1:
            return [long_enough[0][k - 1] for k in numbers]
    return []


def _ordinals(clause: str) -> list[int | None]:
    """第一项、第二项、第四项 → [1, 2, 4]; 第1项至第3项 → [1, 2, 3]."""
    number = lambda t: int(t) if t.isdigit() else chinese_int(t)  # noqa: E731
    out: list[int | None] = []
    taken = []
    for m in lx.ORDINAL_RANGE.finditer(clause):
        first, last = number(m.group(1)), number(m.group(2))
        if first is None or last is None or not 0 < first < last <= first + lx.ORDINAL_RANGE_MAX:
            return []
        out += range(first, last + 1)
        taken.append(m.span())
    for m in lx.ORDINAL_REFERENCE.finditer(clause):
        if not any(s <= m.start() < e for s, e in taken):
            out.append(number(m.group(1)))
    return out


def _heading_targets(clause: str, by_key: dict[str, list[Draft]], where: Draft) -> list[Draft]:
    """上述“…”问题已完成整改 → the item whose heading is quoted (not the item the sentence stands in);
    ``by_key``: the rows by heading key, in order (a lookup, not a scan of every row per quote)."""
    out = []
    for quoted in _QUOTED.finditer(clause):
        key = match_key(quoted.group(1))
        out += [r for r in by_key.get(key, ()) if r is not where] if len(key) >= 4 else []
    return out


def _group_statement(group: Draft, members: list[Draft], totals: list[dict]):
    """(status, phrase, evidence) when the group's heading or intro speaks for all its members."""
    heading = norm(group.heading)
    grouped = lx.STATUS_GROUP_HEADING.match(heading) if group.kind == "section" else None
    phrases = find_phrases(grouped.group("phrase")) if grouped else ()
    if phrases and phrases[0].start == 0 and phrases[0].end == len(grouped.group("phrase")):
        # （一）已完成整改的问题: the heading is a status, not a problem (…进展缓慢问题 is a problem)
        return phrases[0].status, group.heading[grouped.start("phrase") : grouped.end("phrase")], group.heading
    for total in totals:  # 共移交立行立改问题1个,目前已完成整改1个 — over exactly its items
        stated = [f for f in STATUS_FIELDS if total[f] is not None]
        if total["total"] == len(members) and len(stated) == 1 and total[stated[0]] == total["total"]:
            return stated[0], "", total["evidence"]
    n = norm(group.body)
    for s, e in sentences(n):
        sentence = n[s:e]
        if not lx.ALL_OF.search(sentence) or _DIGIT.search(sentence) or lx.FUTURE.match(sentence.lstrip(" ,")):
            continue
        phrases = [p for p in find_phrases(sentence) if not p.measure]
        if phrases and lx.GROUP_SUBJECT.match(sentence.lstrip(" ,")):  # 以下问题均已完成整改
            return phrases[0].status, sentence[phrases[0].start : phrases[0].end], group.body[s:e].strip()
    return None
