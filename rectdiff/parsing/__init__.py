"""Stage 2: parse a read report (``Document``) into its normalized tables (``Report``).

``structure`` builds the item tree (``ledger`` turns a ledger table into items), ``rows`` the
item table, ``status`` reads what each item says of its own status, ``totals`` the report's
stated totals wherever they stand, ``sources`` fills in statuses an item does not state itself
(summary, section, stated total), ``metrics`` reads quantities, ``checks`` tests the report's
own figures, and ``meta`` finds the sign-off, the title, the issuer and the dates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..catalogue import say
from ..errors import ParseError
from ..model import (
    Document,
    Report,
    ReportMeta,
    check_row,
)
from ..records import Check, Coverage, Item, Metric, Passage, Total, of
from ..zh.dates import is_overdue
from ..zh.lexicon import CLOSING_ID, FRAME_ROWS, PREAMBLE_ID, REPORT_WORDS, SIGN_OFF_ID
from ..zh.normalize import norm
from .attached import mark_restated
from .checks import check_report, status_unread
from .kinds import regroup
from .meta import (
    find_issuer,
    find_round,
    find_title,
    publish_date,
    report_date,
    signing_date,
    source_site,
    split_tail,
)
from .metrics import extract_metrics
from .places import Places
from .rows import frame_row, inside_an_item, item_row
from .sources import (
    coverage,
    eligible,
    fill_from_measures,
    fill_from_sections,
    fill_from_summaries,
    fill_from_totals,
    summary_spans,
)
from .status import UNKNOWN
from .structure import ATTACHMENT_RANK, build_tree
from .verdict import item_status

if TYPE_CHECKING:
    from .rows import Draft


def parse_text(text: str, source: str = "<text>") -> Report:
    """Parse report text given as a string (no file needed)."""
    from ..read.clean import clean_lines

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cleaned = clean_lines(lines)
    return parse_report(Document(source, "txt", tuple(cleaned.paragraphs), cleaned.meta, "str", tuple(cleaned.notes),
                                 tuple(cleaned.originals), tuple(cleaned.tables), tuple(cleaned.unread)))  # fmt: skip


def _place_rows(rows: list[Draft], nodes: list, frames: dict, places: Places) -> dict:
    """Give every row its 出处 (``source``/``source_at``); returns item id -> its paragraphs."""
    spans = {}
    by_id = {node.item_id: node for node in nodes}
    for row in rows:
        node = by_id.get(row.item_id)
        if node is not None:
            row.source, row.source_at = places.of_node(node)
            spans[row.item_id] = (places.spans(node), node)
        elif frames.get(row.item_id):
            indices = frames[row.item_id]
            row.source, row.source_at = places.paragraph(indices[0])
            spans[row.item_id] = (indices, None)
        else:
            row.source, row.source_at = "", None
    for row in rows:  # a group the report left without a heading stands where its first item does
        if not row.source:
            child = next((r for r in rows if r.parent_id == row.item_id and r.source), None)
            if child is not None:
                row.source, row.source_at = child.source, child.source_at
    return spans


def _place_evidence(rows, totals, checks, spans: dict, places: Places) -> None:
    """出处 of each status's evidence sentence, each stated total and each finding."""
    for row in rows:
        paragraphs, node = spans.get(row.item_id, ([], None))
        row.evidence_source, row.evidence_at = places.find(row.status_evidence, paragraphs, node)
    for total in totals:
        paragraphs, node = spans.get(total["item_id"], ([], None))
        total["source"], total["source_at"] = places.find(total["evidence"], paragraphs, node)
    for check in checks:
        if not check.get("source"):
            check["source"], check["source_at"] = places.find(check["evidence"])


def _passages(places: Places) -> tuple[Passage, ...]:
    return tuple(Passage(n, where, text) for n, (where, text) in enumerate(places.passages, 1))


def _within(doc: Document, end: int) -> Document:
    """``doc`` with each ledger table after the body (under closing lines the sign-off took, with
    no signing date to tell an attachment by: ``split_tail``) standing at the body's end, for
    every stage after (tree, places): its items are the report's, never dropped with the tail."""
    if all(t.position <= end for t in doc.tables):
        return doc
    from dataclasses import replace

    return replace(doc, tables=tuple(t if t.position <= end else replace(t, position=end) for t in doc.tables))


def parse_report(doc: Document) -> Report:
    """Turn a ``Document`` into a ``Report`` (items, metrics, stated totals, checks, coverage)."""
    paragraphs = list(doc.paragraphs)
    body, tail, appended, attached = split_tail(paragraphs, tuple(t.position for t in doc.tables))
    first_tail = len(body)
    if attached is None:
        doc = _within(doc, len(body))
        preamble, nodes, closing = build_tree(body, doc.tables)
    else:  # the sign-off stands between the body and the attachment: the tree skips it
        preamble, nodes, closing = build_tree(paragraphs, doc.tables, range(first_tail, attached), attached)
    nodes = regroup(nodes)
    title, intro = find_title([doc.paragraphs[i] for i in preamble], doc.meta_pairs)
    rows = [item_row(node, doc) for node in nodes]
    if preamble:
        rows.insert(0, frame_row(PREAMBLE_ID, intro, [doc.original(i) for i in preamble], 0))
    if closing:
        texts = [doc.paragraphs[i] for i in closing]
        rows.append(frame_row(CLOSING_ID, texts, [doc.original(i) for i in closing], len(nodes) + 1))
    signed = list(range(first_tail, first_tail + len(tail)))
    if tail:
        rows.append(frame_row(SIGN_OFF_ID, tail, [doc.original(i) for i in signed], len(nodes) + 1))
    places = Places(doc)
    frames = {PREAMBLE_ID: preamble, CLOSING_ID: closing, SIGN_OFF_ID: signed}
    spans = _place_rows(rows, nodes, frames, places)
    for row in rows:
        if eligible(row):
            _own_status(row)
    restated = mark_restated(rows, {n.item_id for n in nodes if n.rank == ATTACHMENT_RANK})
    totals = parse_totals_of(rows)
    if not nodes and not totals and not REPORT_WORDS.search(norm("".join(doc.paragraphs))):
        raise ParseError(*say("parse.no_report", source=doc.source))
    fill_from_summaries(rows)
    fill_from_sections(rows, totals)
    fill_from_totals(rows, totals)
    fill_from_measures(rows)
    checks = check_report(totals, rows) + status_unread(rows) + restated + _frame_checks(doc, appended)
    _place_evidence(rows, totals, checks, spans, places)
    notes = doc.notes + ((f"{appended} paragraphs after the sign-off belong to another article",) if appended else ())
    meta = ReportMeta(
        source=doc.source, format=doc.format, title=title, issuer=find_issuer(tail, title, doc.meta_pairs),
        publish_date=publish_date(doc.meta_pairs), signing_date=signing_date(tail, doc.meta_pairs),
        round=find_round(title, intro), encoding=doc.encoding, items=sum(r.item_id not in FRAME_ROWS for r in rows),
        notes=notes,
        source_site=source_site(doc.meta_pairs),
        report_date=report_date(intro, body, tail, title, doc.meta_pairs),
    )  # fmt: skip
    # 逾期 by the date compare judges a version by (its publish date, else its signing date)
    for row in rows:
        row.overdue = is_overdue(row.deadline, row.status, meta.dated)
    items = tuple(row.record() for row in rows)
    tables = (_metrics(items, spans, places), tuple(of(Total, t) for t in totals), tuple(of(Check, c) for c in checks))
    return Report(meta, items, *tables, tuple(of(Coverage, c) for c in coverage(rows)), _passages(places))


def parse_totals_of(rows: list[Draft]) -> list[dict]:
    """Stated totals in every row but the sign-off."""
    from .totals import parse_totals

    return parse_totals([(r.item_id, r.body, inside_an_item(r)) for r in rows if r.item_id != SIGN_OFF_ID])


def _own_status(row: Draft) -> None:
    """What the item's body says of itself (sources ``label`` and ``item``)."""
    # prose states a status only in so many words (目前…, 整改状态:…), never by its last sentence
    found = item_status(row.body, summary_spans(row.body), strict=row.kind == "narrative")
    row.status_unread = (found.unread, found.unread_evidence)
    if found.weak:  # only ongoing measures say it: a summary, section or total decides first
        row.status_weak, found = found, UNKNOWN
    row.update(
        status=found.status, status_source=found.source, status_text=found.text, status_evidence=found.evidence,
        progress_done=found.done, progress_total=found.total,
    )  # fmt: skip


def _frame_checks(doc: Document, appended: int) -> list[dict]:
    """What the reader could not make items of, said where an auditor sees it."""
    out = []
    for table in doc.unread:
        message = say("check.table_not_read", table=table)
        out.append(check_row("", "table_not_read", "warning", message, table))
    if appended:
        message = say("check.text_after_sign_off", n=appended)
        out.append(check_row("", "text_after_sign_off", "info", message, ""))
    return out


def _metrics(items: tuple[Item, ...], spans: dict, places: Places) -> tuple[Metric, ...]:
    """Quantities in every body, sections included; none from the sign-off; each with its 出处."""
    rows = []
    for item_id, body in ((r.item_id, r.body) for r in items):
        if item_id == SIGN_OFF_ID:
            continue
        paragraphs, node = spans.get(item_id, ([], None))
        hit = None  # where the last quantity of this body was found: the next is after it
        for metric in extract_metrics(body):
            metric["item_id"] = item_id
            start = metric.get("start")
            context = body[start : start + 24].split("\n")[0] if start is not None else ""
            place, hit = places.find_after(context or metric["text"], hit)
            if place is None:
                places.last_hit = None
                place = places.find(context or metric["text"], paragraphs, node)
                hit = places.last_hit
            metric["source"], metric["source_at"] = place
            rows.append(of(Metric, metric))
    return tuple(rows)
