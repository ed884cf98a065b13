"""Stage 2: parse a read report (``Document``) into its normalized tables (``Report``).

``structure`` builds the item tree, ``status`` reads what each item says of its own status,
``totals`` the report's stated totals wherever they stand, ``sources`` fills in statuses an
item does not state itself (summary, section, stated total), ``metrics`` reads quantities,
``checks`` tests the report's own figures, and ``meta`` finds the title, issuer and dates.
"""

from __future__ import annotations

import pandas as pd

from ..errors import ParseError
from ..model import (
    CHECK_COLUMNS,
    COVERAGE_COLUMNS,
    ITEM_COLUMNS,
    METRIC_COLUMNS,
    TOTAL_COLUMNS,
    Document,
    Report,
    ReportMeta,
)
from ..zh.lexicon import FRAME_ROWS, INHERITED_HEADING_TRIM, PREAMBLE_ID, REPORT_WORDS
from ..zh.normalize import match_key, norm
from .checks import check_report
from .meta import find_issuer, find_round, find_title, publish_date, signing_date, split_tail
from .metrics import extract_metrics
from .sources import coverage, eligible, fill_from_sections, fill_from_summaries, fill_from_totals, summary_spans
from .status import item_status
from .structure import build_tree, decide_kind, split_measures
from .totals import parse_totals


def parse_text(text: str, source: str = "<text>") -> Report:
    """Parse report text given as a string (no file needed)."""
    from ..read.clean import clean_lines

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cleaned = clean_lines(lines)
    return parse_report(Document(source, "txt", tuple(cleaned.paragraphs), cleaned.meta, "str", tuple(cleaned.notes),
                                 tuple(cleaned.originals)))  # fmt: skip


def parse_report(doc: Document) -> Report:
    """Turn a ``Document`` into a ``Report`` (items, metrics, stated totals, checks)."""
    body, tail = split_tail(list(doc.paragraphs))
    preamble, nodes = build_tree(body)
    title, preamble = find_title(preamble, doc.meta_pairs)
    rows = ([_preamble_row(preamble)] if preamble else []) + [_item_row(node, doc) for node in nodes]
    for row in rows:
        if eligible(row):
            _own_status(row)
    totals = parse_totals([(row["item_id"], row["body"], _inside_an_item(row)) for row in rows])
    if not nodes and not totals and not REPORT_WORDS.search(norm("".join(doc.paragraphs))):
        raise ParseError(f"{doc.source}: no rectification report found (no numbered items, no 整改 text)")
    fill_from_summaries(rows)
    fill_from_sections(rows, totals)
    fill_from_totals(rows, totals)
    checks = check_report(totals, rows)
    items = _frame(rows, ITEM_COLUMNS)
    meta = ReportMeta(
        source=doc.source, format=doc.format, title=title, issuer=find_issuer(tail, doc.meta_pairs),
        publish_date=publish_date(doc.meta_pairs), signing_date=signing_date(tail, doc.meta_pairs),
        round=find_round(title, preamble), encoding=doc.encoding, items=len(items), notes=doc.notes,
    )  # fmt: skip
    tables = (_metrics(items), _frame(totals, TOTAL_COLUMNS), _frame(checks, CHECK_COLUMNS))
    return Report(meta, items, *tables, _frame(coverage(rows), COVERAGE_COLUMNS))


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns, dtype=object)


def _inside_an_item(row: dict) -> bool:
    return (
        row["kind"] != "section"
        and row["item_id"] not in FRAME_ROWS
        and not (row["kind"] == "narrative" and row["level"] == 1)
    )


def _own_status(row: dict) -> None:
    """What the item's body says of itself (sources ``label`` and ``item``)."""
    # prose states a status only in so many words (目前…, 整改状态:…), never by its last sentence
    found = item_status(row["body"], summary_spans(row["body"]), strict=row["kind"] == "narrative")
    row.update(
        status=found.status, status_source=found.source, status_text=found.text, status_evidence=found.evidence,
        progress_done=found.done, progress_total=found.total,
    )  # fmt: skip


def _preamble_row(paras: list[str]) -> dict:
    text = "\n".join(paras)
    return _base_row(PREAMBLE_ID, "", 0, "narrative", "", PREAMBLE_ID, text, text, 0)


def _base_row(item_id, parent_id, level, kind, number, heading, body, text, order):
    return {
        "item_id": item_id, "parent_id": parent_id, "level": level, "kind": kind, "number": number,
        "heading": heading, "body": body, "measures": split_measures(body), "order": order,
        "status": "unknown", "status_source": "unknown", "status_text": "", "status_evidence": "",
        "progress_done": None, "progress_total": None, "text": text, "key": match_key(heading),
    }  # fmt: skip


def _item_row(node, doc: Document) -> dict:
    first = node.paras[0]
    heading, body_first = node.split()
    if heading is None:
        heading = node.parent.split()[0] if node.parent and node.parent.paras else ""
        heading = INHERITED_HEADING_TRIM.sub("", heading or "")
    body = "\n".join([body_first] + node.paras[1:]).strip()
    kind = decide_kind(node, norm(first[node.mlen :]).lstrip(" .、"))
    parent_id = node.parent.item_id if node.parent else ""
    level = node.item_id.count("/") + 1
    text = "\n".join(doc.original(i) for i in range(node.start, node.start + len(node.paras)))
    return _base_row(node.item_id, parent_id, level, kind, node.number, heading, body, text, node.order)


def _metrics(items: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for item_id, kind, body in zip(items["item_id"], items["kind"], items["body"]):
        if kind == "section":
            continue
        for metric in extract_metrics(body):
            metric["item_id"] = item_id
            rows.append(metric)
    return _frame(rows, METRIC_COLUMNS)
