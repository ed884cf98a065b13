"""出处: every item, status, quantity, stated total and check says where it stands in its source,
and the passage it names holds it (a paragraph, a PDF page and line, a ledger cell)."""

from __future__ import annotations

import re

import pytest

from rectdiff.parsing import parse_report
from rectdiff.read import read_report

from .conftest import EXAMPLES, V1
from .makers import write_pdf

LEDGER = EXAMPLES / "ledger_2_2024-09.xlsx"


def _passage(report, number: int) -> str:
    return report.passages.loc[report.passages["number"] == number, "text"].iloc[0]


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_every_item_of_a_text_cites_its_paragraph():
    report = parse_report(read_report(V1))
    items = report.items.to_dict("records")
    assert all(re.fullmatch(r"第\d+段", r["source"]) for r in items)
    for r in items:
        first_line = (r["text"] or "").split("\n")[0]
        assert _norm(first_line)[:10] in _norm(_passage(report, r["source_at"])), r["item_id"]
        assert r["source"] == f"第{r['source_at']}段"


def test_statuses_quantities_totals_and_checks_cite_the_words_they_quote():
    report = parse_report(read_report(V1))
    stated = report.items[report.items["status_evidence"] != ""].to_dict("records")
    assert stated
    for r in stated:
        assert r["evidence_at"] is not None, r["item_id"]
        assert _norm(r["status_evidence"])[:12] in _norm(_passage(report, r["evidence_at"]))
    for m in report.metrics.to_dict("records"):
        assert m["text"] in _passage(report, m["source_at"]), m
    for t in report.totals.to_dict("records"):
        assert t["evidence"][:12] in _passage(report, t["source_at"])
    with_evidence = report.checks[report.checks["evidence"] != ""]
    assert with_evidence["source"].ne("").all()


def test_a_ledger_cites_sheet_and_cell():
    report = parse_report(read_report(LEDGER))
    item = report.items[report.items["heading"].str.contains("专项资金")].iloc[0]
    assert re.fullmatch(r"审计整改台账!B\d+", item["source"])
    row = int(item["source"].split("!B")[1])
    # the cell is where openpyxl finds the problem text
    from openpyxl import load_workbook

    ws = load_workbook(LEDGER)["审计整改台账"]
    assert ws[f"B{row}"].value.startswith(item["heading"][:6])
    assert item["evidence_source"] == f"审计整改台账!{_column(ws, '整改进展')}{row}"
    quantity = report.metrics[report.metrics["item_id"] == item["item_id"]].iloc[0]
    cell = ws[quantity["source"].split("!")[1]].value
    assert quantity["text"] in str(cell)
    assert report.passages.loc[report.passages["number"] == item["source_at"], "where"].iloc[0] == (
        f"审计整改台账 第{row}行"
    )


def _column(ws, header: str) -> str:
    for row in ws.iter_rows(max_row=5):
        for cell in row:
            if cell.value == header:
                return cell.column_letter
    raise AssertionError(header)


@pytest.fixture(scope="module")
def pdf_report(tmp_path_factory):
    paragraphs = [p for p in V1.read_text(encoding="utf-8").split("\n") if p.strip()]
    path = write_pdf(tmp_path_factory.mktemp("pdf") / "v1.pdf", paragraphs)
    return path, parse_report(read_report(path))


def test_a_pdf_cites_page_and_line(pdf_report):
    import pdfplumber

    path, report = pdf_report
    with pdfplumber.open(path) as pdf:
        pages = [[row["text"] for row in page.extract_text_lines()] for page in pdf.pages]
    items = report.items[~report.items["item_id"].isin(["落款"])].to_dict("records")
    assert len({r["source"].split(" ")[0] for r in items}) >= 2  # the report runs over several pages
    for r in items:
        page, line = map(int, re.fullmatch(r"第(\d+)页 第(\d+)行", r["source"]).groups())
        printed = _norm(pages[page - 1][line - 1])
        assert _norm(r["text"])[: len(printed)][:8] == printed[:8], (r["item_id"], r["source"])
    for m in report.metrics.to_dict("records")[:20]:
        page, line = map(int, re.fullmatch(r"第(\d+)页 第(\d+)行", m["source"]).groups())
        near = "".join(pages[page - 1][max(0, line - 2) : line + 1])
        assert m["text"][0] in near, m
