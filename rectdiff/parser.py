"""Stage 2: parse a read report into its normalized tables (see ``model``)."""
from __future__ import annotations

import re

import pandas as pd

from .checks import check_report
from .clean import DATE_CN as _DATE_CN
from .clean import ISSUER as _ISSUER
from .clean import TITLE as _TITLE
from .clean import clean_lines
from .errors import ParseError
from .metrics import extract_metrics
from .model import (CHECK_COLUMNS, ITEM_COLUMNS, METRIC_COLUMNS, TOTAL_COLUMNS, Document, Report,
                    ReportMeta)
from .normalize import match_key, norm
from .status import detect_status
from .structure import build_tree, decide_kind, split_measures
from .totals import parse_totals

_DATE_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_CLOSING = re.compile(r"^(欢迎|如有意见|如对|特此|联系电话|电子邮箱|附件)")
_ROUND = re.compile(r"(?:[一二三四五六七八九十]+届)?(?:中央|省委|市委|区委|县委|州委|党组)?第[一二三四五六七八九十\d]+轮"
                    r"(?:省级|中央)?(?:巡视|巡察|督察|生态环境保护督察|环境保护督察)?")
_STATUS_KINDS = {"feedback", "extension", "reform", "immediate"}


def parse_text(text: str, source: str = "<text>") -> Report:
    """Parse report text given as a string (no file needed)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    paragraphs, meta_pairs, notes = clean_lines(lines)
    return parse_report(Document(source, "txt", tuple(paragraphs), meta_pairs, "str", tuple(notes)))


def parse_report(doc: Document) -> Report:
    """Turn a ``Document`` into a ``Report`` (items, metrics, stated totals, checks)."""
    body, tail = _split_tail(list(doc.paragraphs))
    preamble, nodes = build_tree(body)
    title, preamble = _title(preamble, doc.meta_pairs)
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
    if not nodes and not totals and not re.search("整改|巡视|巡察|审计|督察", norm("".join(doc.paragraphs))):
        raise ParseError(f"{doc.source}: no rectification report found (no numbered items, no 整改 text)")
    metrics = _metrics(items)
    checks = check_report(totals, items)
    meta = ReportMeta(
        source=doc.source, format=doc.format, title=title, issuer=_issuer(tail, doc.meta_pairs),
        publish_date=_publish_date(doc.meta_pairs), signing_date=_signing_date(tail, doc.meta_pairs),
        round=_round(title, preamble), encoding=doc.encoding, items=len(items), notes=doc.notes)
    return Report(meta, items, metrics, _frame(totals, TOTAL_COLUMNS), _frame(checks, CHECK_COLUMNS))


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns, dtype=object)


def _split_tail(paras: list[str]) -> tuple[list[str], list[str]]:
    """Separate the closing (欢迎…监督, signature, date) from the last item."""
    cut = len(paras)
    while cut > 0:
        n = norm(paras[cut - 1])
        if _CLOSING.match(n) or _DATE_CN.fullmatch(n.strip()) or (len(n) <= 30 and _ISSUER.search(n)):
            cut -= 1
            continue
        break
    return paras[:cut], paras[cut:]


def _title(preamble: list[str], meta_pairs: dict) -> tuple[str, list[str]]:
    title = meta_pairs.get("文件名称") or meta_pairs.get("标题") or ""
    rest = []
    for para in preamble:
        n = norm(para)
        if not title and len(n) <= 100 and "。" not in n and _TITLE.search(n.strip()):
            title = para.strip()
        elif title and norm(para).strip() == norm(title).strip():
            continue
        else:
            rest.append(para)
    return title, rest


def _preamble_row(paras: list[str]) -> dict:
    text = "\n".join(paras)
    row = _base_row("前言", "", 0, "narrative", "", "前言", text, text, 0)
    return row


def _base_row(item_id, parent_id, level, kind, number, heading, body, text, order):
    st = detect_status(body) if kind in _STATUS_KINDS else None
    return {
        "item_id": item_id, "parent_id": parent_id, "level": level, "kind": kind, "number": number,
        "heading": heading, "body": body, "measures": split_measures(body), "order": order,
        "status": st.status if st else "unknown", "status_text": st.text if st else "",
        "status_evidence": st.evidence if st else "", "progress_done": st.done if st else None,
        "progress_total": st.total if st else None, "text": text, "key": match_key(heading),
    }


def _item_row(node) -> dict:
    first = node.paras[0]
    heading, body_first = node.split()
    if heading is None:
        heading = node.parent.split()[0] if node.parent and node.parent.paras else ""
        heading = re.sub(r"^关于|(?:的?有关)?(?:问题)?$", "", heading or "")
    body = "\n".join([body_first] + node.paras[1:]).strip()
    kind = decide_kind(node, norm(first[node.mlen:]).lstrip(" .、"))
    parent_id = node.parent.item_id if node.parent else ""
    level = node.item_id.count("/") + 1
    return _base_row(node.item_id, parent_id, level, kind, node.number, heading, body,
                     "\n".join(node.paras), node.order)


def _metrics(items: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for item_id, kind, body in zip(items["item_id"], items["kind"], items["body"]):
        if kind == "section":
            continue
        for metric in extract_metrics(body):
            metric["item_id"] = item_id
            rows.append(metric)
    return _frame(rows, METRIC_COLUMNS)


def _iso(m) -> str:
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"


def _publish_date(meta: dict) -> str:
    for key in ("发布时间", "发布日期", "日期", "时间", "信息提供日期", "公开时间"):
        m = _DATE_ISO.search(norm(meta.get(key, ""))) or _DATE_CN.search(norm(meta.get(key, "")))
        if m:
            return _iso(m)
    return ""


def _signing_date(tail: list[str], meta: dict) -> str:
    for para in reversed(tail):
        m = _DATE_CN.fullmatch(norm(para).strip())
        if m:
            return _iso(m)
    m = _DATE_ISO.search(norm(meta.get("成文日期", "")))
    return _iso(m) if m else ""


def _issuer(tail: list[str], meta: dict) -> str:
    for para in tail:
        n = norm(para).strip()
        if len(n) <= 30 and _ISSUER.search(n) and not _CLOSING.match(n):
            return para.strip()
    for key in ("发布机构", "发文机关", "信息来源", "来源"):
        if meta.get(key):
            return meta[key].strip()
    return ""


def _round(title: str, preamble: list[str]) -> str:
    for text in [title] + preamble[:3]:
        m = _ROUND.search(norm(text))
        if m:
            return text[m.start():m.end()]
    return ""
