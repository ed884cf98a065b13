"""Stage 2: parse a read report (``Document``) into its normalized tables (``Report``).

``structure`` builds the item tree, ``status`` reads each item's status, ``metrics`` its
quantities, ``totals`` the report's stated totals, ``checks`` whether they add up, and
``meta`` the title, issuer and dates.
"""

from __future__ import annotations

import pandas as pd

from ..errors import ParseError
from ..model import CHECK_COLUMNS, ITEM_COLUMNS, METRIC_COLUMNS, TOTAL_COLUMNS, Document, Report, ReportMeta
from ..zh.lexicon import INHERITED_HEADING_TRIM, REPORT_WORDS
from ..zh.normalize import match_key, norm
from .checks import check_report
from .meta import find_issuer, find_round, find_title, publish_date, signing_date, split_tail
from .metrics import extract_metrics
from .status import detect_status
from .structure import build_tree, decide_kind, split_measures
from .totals import parse_totals

#: kinds whose items say how far their rectification got
_STATUS_KINDS = {"feedback", "extension", "reform", "immediate"}


def parse_text(text: str, source: str = "<text>") -> Report:
    """Parse report text given as a string (no file needed)."""
    from ..read.clean import clean_lines

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    paragraphs, meta_pairs, notes = clean_lines(lines)
    return parse_report(Document(source, "txt", tuple(paragraphs), meta_pairs, "str", tuple(notes)))


def parse_report(doc: Document) -> Report:
    """Turn a ``Document`` into a ``Report`` (items, metrics, stated totals, checks)."""
    body, tail = split_tail(list(doc.paragraphs))
    preamble, nodes = build_tree(body)
    title, preamble = find_title(preamble, doc.meta_pairs)
    rows, summaries = [], []
    if preamble:
        rows.append(_preamble_row(preamble))
        summaries += preamble
    for node in nodes:
        row = _item_row(node)
        rows.append(row)
        if row["kind"] in ("section", "narrative"):
            summaries += node.paras
    items = _frame(rows, ITEM_COLUMNS)
    totals = parse_totals(summaries)
    if not nodes and not totals and not REPORT_WORDS.search(norm("".join(doc.paragraphs))):
        raise ParseError(f"{doc.source}: no rectification report found (no numbered items, no 整改 text)")
    metrics = _metrics(items)
    checks = check_report(totals, items)
    meta = ReportMeta(
        source=doc.source, format=doc.format, title=title, issuer=find_issuer(tail, doc.meta_pairs),
        publish_date=publish_date(doc.meta_pairs), signing_date=signing_date(tail, doc.meta_pairs),
        round=find_round(title, preamble), encoding=doc.encoding, items=len(items), notes=doc.notes,
    )  # fmt: skip
    return Report(meta, items, metrics, _frame(totals, TOTAL_COLUMNS), _frame(checks, CHECK_COLUMNS))


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns, dtype=object)


def _preamble_row(paras: list[str]) -> dict:
    text = "\n".join(paras)
    return _base_row("前言", "", 0, "narrative", "", "前言", text, text, 0)


def _base_row(item_id, parent_id, level, kind, number, heading, body, text, order):
    st = detect_status(body) if kind in _STATUS_KINDS else None
    return {
        "item_id": item_id, "parent_id": parent_id, "level": level, "kind": kind, "number": number,
        "heading": heading, "body": body, "measures": split_measures(body), "order": order,
        "status": st.status if st else "unknown", "status_text": st.text if st else "",
        "status_evidence": st.evidence if st else "", "progress_done": st.done if st else None,
        "progress_total": st.total if st else None, "text": text, "key": match_key(heading),
    }  # fmt: skip


def _item_row(node) -> dict:
    first = node.paras[0]
    heading, body_first = node.split()
    if heading is None:
        heading = node.parent.split()[0] if node.parent and node.parent.paras else ""
        heading = INHERITED_HEADING_TRIM.sub("", heading or "")
    body = "\n".join([body_first] + node.paras[1:]).strip()
    kind = decide_kind(node, norm(first[node.mlen :]).lstrip(" .、"))
    parent_id = node.parent.item_id if node.parent else ""
    level = node.item_id.count("/") + 1
    return _base_row(
        node.item_id, parent_id, level, kind, node.number, heading, body, "\n".join(node.paras), node.order
    )


def _metrics(items: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for item_id, kind, body in zip(items["item_id"], items["kind"], items["body"]):
        if kind == "section":
            continue
        for metric in extract_metrics(body):
            metric["item_id"] = item_id
            rows.append(metric)
    return _frame(rows, METRIC_COLUMNS)
