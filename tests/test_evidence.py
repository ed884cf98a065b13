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


# --- the workbooks read back -------------------------------------------------------------------

LEDGER_OLD = EXAMPLES / "ledger_1_2024-03.xlsx"
OVERDUE_ITEM = "国有房产出租收益未及时收缴"  # 正在推进 with 整改时限 2024年6月30日 in the 2024-09-26 version


def _table(ws) -> tuple[list, list]:
    header = [c.value for c in ws[1]]
    return header, [list(r) for r in ws.iter_rows(min_row=2)]


def test_a_ledger_item_past_its_deadline_is_overdue_in_compare(tmp_path):
    import openpyxl

    import rectdiff
    from rectdiff.render.workbook import write_comparison_xlsx

    result = rectdiff.compare(LEDGER_OLD, LEDGER)
    overdue = result.pairs[result.pairs["overdue"].astype(bool)]
    assert list(overdue["new_heading"]) == [OVERDUE_ITEM] and list(overdue["deadline_date"]) == ["2024-06-30"]
    assert [c["check"] for c in result.checks.to_dict("records") if c["check"] == "overdue"] == ["overdue"]
    path = tmp_path / "c.xlsx"
    write_comparison_xlsx(result, str(path))
    wb = openpyxl.load_workbook(path)
    header, rows = _table(wb["事项对照"])
    for name in ("责任单位", "整改时限", "逾期"):  # each a column of its own
        assert name in header
    row = next(r for r in rows if r[header.index("新标题")].value == OVERDUE_ITEM)
    assert row[header.index("逾期")].value == "逾期" and row[header.index("责任单位")].value == "区国资办"
    deadline = row[header.index("整改时限")]
    assert deadline.value.date().isoformat() == "2024-06-30" and deadline.number_format == "yyyy-mm-dd"
    assert row[header.index("整改时限(原文)")].value == "2024年6月30日"  # the text kept
    header, rows = _table(wb["状态变化"])
    assert {"责任单位", "整改时限", "逾期"} <= set(header)
    assert [r[header.index("逾期")].value for r in rows if r[header.index("标题")].value == OVERDUE_ITEM] == ["逾期"]
    overview = [[c for c in r if c is not None] for r in wb["概览"].iter_rows(values_only=True)]
    assert ["逾期未完成的事项", 1, "查看"] in overview


def test_a_ledger_item_past_its_deadline_is_overdue_in_a_series_and_a_batch(tmp_path):
    import openpyxl

    import rectdiff
    from rectdiff.render.timeline import write_series_xlsx

    series = rectdiff.series([LEDGER_OLD, LEDGER])
    flags = dict(zip(series.lineages["heading"], series.lineages["flags"]))
    assert "overdue" in flags[OVERDUE_ITEM] and "stuck" not in flags[OVERDUE_ITEM]  # 逾期, not merely 停滞
    late = next(lin for lin in series.lineage_rows if lin.heading == OVERDUE_ITEM)
    assert (late.deadline, late.deadline_date) == ("2024年6月30日", "2024-06-30")  # the lineage carries the date
    path = tmp_path / "t.xlsx"
    write_series_xlsx(series, str(path))
    header, rows = _table(openpyxl.load_workbook(path)["时间线"])
    row = next(r for r in rows if r[header.index("标题")].value == OVERDUE_ITEM)
    assert row[header.index("逾期")].value == "逾期" and "逾期" in row[header.index("标记")].value
    assert row[header.index("整改时限")].value.date().isoformat() == "2024-06-30"  # a date cell, from the lineage
    folder = tmp_path / "in"
    folder.mkdir()
    for source in (LEDGER_OLD, LEDGER):
        (folder / source.name).write_bytes(source.read_bytes())
    result = rectdiff.batch(str(folder), str(tmp_path / "out"))
    assert [s.overdue for s in result.series] == [1]
    header, rows = _table(openpyxl.load_workbook(result.summary)["汇总"])
    assert rows[0][header.index("逾期")].value == 1


def test_a_lone_parsed_ledger_flags_its_item_past_its_deadline(tmp_path):
    """parse of the 2024-09-26 ledger: 国有房产出租收益未及时收缴 is 正在推进 past its 整改时限
    2024年6月30日: 逾期 on its item (JSON), a column of 事项, a count and a link on 概览."""
    import json

    import openpyxl

    import rectdiff
    from rectdiff.render.data import report_dict, report_summary
    from rectdiff.render.report_book import write_report_xlsx

    report = rectdiff.parse(LEDGER)
    items = report_dict(report)["items"]
    assert [(i["heading"], i["deadline"]) for i in items if i["overdue"]] == [(OVERDUE_ITEM, "2024年6月30日")]
    assert all(isinstance(i["overdue"], bool) for i in json.loads(json.dumps(items)))
    assert f"逾期 1: {OVERDUE_ITEM}" in report_summary(report).split("\n")
    found = {f.key: f for f in report.attention}  # the report carries its 需要关注, as a comparison does
    assert [report.item_rows[n].heading for n in found["overdue"].rows] == [OVERDUE_ITEM]
    failed = [n for n, c in enumerate(report.check_rows) if c.severity in ("error", "warning")]
    assert found["failed_checks"].rows == tuple(failed) and found["failed_checks"].table == "checks"
    assert not rectdiff.parse(LEDGER_OLD).items["overdue"].any()  # 2024-03: nothing past its deadline yet
    path = tmp_path / "p.xlsx"
    write_report_xlsx(report, str(path))
    wb = openpyxl.load_workbook(path)
    header, rows = _table(wb["事项"])
    late = [r for r in rows if r[header.index("逾期")].value == "逾期"]
    assert [r[header.index("标题")].value for r in late] == [OVERDUE_ITEM]
    overview = wb["概览"]
    row = next(r for r in overview.iter_rows() if r[0].value == "逾期未完成的事项")
    assert row[1].value == 1 and row[2].value == "查看"
    assert row[2].hyperlink.location == f"'事项'!A{late[0][0].row}"


def test_the_summary_sums():
    """One rule of what counts (前言/结语/落款 never): old = 未变+修改+删除, new = 未变+修改+新增."""
    import rectdiff

    for old, new in ((V1, EXAMPLES / "qinghe_2_2023-12.txt"), (V1, V1), (LEDGER_OLD, LEDGER)):
        stats = rectdiff.compare(old, new).stats
        counts = {c: stats.by_change.get(c, 0) for c in ("unchanged", "modified", "added", "removed")}
        assert stats.items["old"] == counts["unchanged"] + counts["modified"] + counts["removed"], (old, new)
        assert stats.items["new"] == counts["unchanged"] + counts["modified"] + counts["added"], (old, new)
    same = rectdiff.compare(V1, V1).stats
    assert same.items == {"old": 24, "new": 24} and same.by_change == {"unchanged": 24}


def test_an_inferred_status_is_marked_and_never_green(seed_path, tmp_path):
    """矽谷港湾拆违 says 其余正在推进 in the old version; without it the new one's status comes from
    the stated total (所述总数推断): 推断, not green 进展."""
    import openpyxl

    import rectdiff
    from rectdiff.render.workbook import write_comparison_xlsx

    text = seed_path.read_text(encoding="utf-8")
    edited = tmp_path / "edited.txt"
    edited.write_text(
        text.replace("210户按标准拆除完毕,其余正在推进拆除工作。", "210户按标准拆除完毕。"), encoding="utf-8"
    )
    result = rectdiff.compare(seed_path, edited)
    pair = result.pairs[result.pairs["new_heading"] == "矽谷港湾拆违"].iloc[0]
    assert (pair["status_change"], pair["status_inferred"], pair["new_status_source"]) == (
        "improved",
        True,
        "stated_total",
    )
    assert not any(f.key == "regressed" and f.count for f in result.attention)
    path = tmp_path / "c.xlsx"
    write_comparison_xlsx(result, str(path))
    wb = openpyxl.load_workbook(path)
    header, rows = _table(wb["事项对照"])
    row = next(r for r in rows if r[header.index("新标题")].value == "矽谷港湾拆违")
    status = row[header.index("状态")]
    progress_colours = {"00E2EFDA", "00F8CBAD"}  # green 进展, red 倒退
    assert status.value == "正在推进 → 已完成(推断)" and status.fill.fgColor.rgb not in progress_colours
    header, rows = _table(wb["状态变化"])
    row = next(r for r in rows if r[header.index("标题")].value == "矽谷港湾拆违")
    assert row[header.index("状态变化")].value == "进展(推断)"
    assert all(c.fill.fgColor.rgb not in progress_colours for c in row)  # no row colour either


#: a town's report: item 1 and 2 take their status from their group's heading (section), item 3
#: states its own; the new version swaps the two headings' words and item 3 says it is done
SECTIONS_OLD = """关于某镇巡察反馈问题整改情况的报告
一、巡察反馈问题整改情况
(一)已完成整改的问题
1.关于食堂采购不规范的问题。建立采购台账,实行双人验收。
(二)正在推进整改的问题
2.关于档案管理混乱的问题。聘请第三方整理档案1200卷。
3.关于公车使用登记不全的问题。完善派车单,按月公示。目前正在推进整改。
某镇党委
2024年3月1日
"""
SECTIONS_NEW = (
    SECTIONS_OLD.replace("(一)已完成", "(一)正在推进").replace("(二)正在推进", "(二)已完成")
    .replace("目前正在推进整改。", "该问题已完成整改。").replace("2024年3月1日", "2024年9月1日")
)  # fmt: skip
#: a company's report whose summary sentence names each item's status by its ordinal; the new
#: version swaps 第二项 and 第三项
SUMMARY_OLD = """关于某公司审计发现问题整改情况的报告
审计报告指出我公司存在如下三类问题:
一、资金管理不规范的问题
二、合同管理存在漏洞的问题
三、项目建设进度滞后的问题
以上问题,目前第一项、第二项问题已经整改完成,第三项问题持续整改跟踪中。
某公司
2024年3月1日
"""
SUMMARY_NEW = SUMMARY_OLD.replace("第一项、第二项", "第一项、第三项").replace("第三项问题持续", "第二项问题持续")


def test_a_status_from_a_summary_or_a_section_is_inferred_and_never_coloured(tmp_path):
    """Only a change the report states item by item is 进展/倒退: one between statuses a summary
    sentence or a group's heading gives reads 推断, is never green or red, is no 倒退 to attend to
    (its check is information), and a series neither flags it 倒退 nor marks it ↑/↓."""
    import openpyxl

    import rectdiff
    from rectdiff.parsing import parse_text
    from rectdiff.render.timeline import write_series_xlsx
    from rectdiff.render.workbook import write_comparison_xlsx

    progress_colours = {"00E2EFDA", "00F8CBAD"}  # green 进展, red 倒退
    cases = [(SECTIONS_OLD, SECTIONS_NEW, {"食堂采购不规范": ("regressed", "section"),
                                           "档案管理混乱": ("improved", "section"), "公车使用登记不全": ("improved", "item")}),
             (SUMMARY_OLD, SUMMARY_NEW, {"合同管理存在漏洞的问题": ("regressed", "summary"),
                                         "项目建设进度滞后的问题": ("improved", "summary")})]  # fmt: skip
    for n, (old_text, new_text, expected) in enumerate(cases):
        old, new = parse_text(old_text, "old.txt"), parse_text(new_text, "new.txt")
        result = rectdiff.compare(old, new)
        moved = result.pairs[result.pairs["status_change"].isin(["improved", "regressed"])]
        got = {p["new_heading"]: (p["status_change"], p["new_status_source"]) for p in moved.to_dict("records")}
        assert got == expected
        assert [f.count for f in result.attention if f.key == "regressed"] == [0]
        assert set(result.checks.loc[result.checks["check"] == "status_regressed", "severity"]) == {"info"}
        path = tmp_path / f"c{n}.xlsx"
        write_comparison_xlsx(result, str(path))
        wb = openpyxl.load_workbook(path)
        header, rows = _table(wb["事项对照"])
        for row in rows:
            heading = row[header.index("新标题")].value
            if heading not in expected:
                continue
            status = row[header.index("状态")]
            if expected[heading][1] == "item":  # stated item by item: green 进展
                assert status.value == "正在推进 → 已完成" and status.fill.fgColor.rgb == "00E2EFDA"
            else:
                assert status.value.endswith("(推断)") and status.fill.fgColor.rgb not in progress_colours, heading
        header, rows = _table(wb["状态变化"])
        words = {r[header.index("标题")].value: r[header.index("状态变化")].value for r in rows}
        assert {h: words[h] for h, (_c, source) in expected.items() if source != "item"} == {
            h: ("进展(推断)" if change == "improved" else "倒退(推断)") for h, (change, source) in expected.items()
            if source != "item"
        }  # fmt: skip
        series = rectdiff.series([old, new])
        flags = dict(zip(series.lineages["heading"], series.lineages["flags"]))
        assert not any("regressed" in flags[h] for h in expected)
        path = tmp_path / f"t{n}.xlsx"
        write_series_xlsx(series, str(path))
        header, rows = _table(openpyxl.load_workbook(path)["时间线"])
        v2 = next(i for i, h in enumerate(header) if h.startswith("V2"))
        latest = {r[header.index("标题")].value: r[v2].value for r in rows}
        for heading, (_change, source) in expected.items():
            if source == "item":
                assert latest[heading] == "↑ 已完成"
            else:
                assert latest[heading].endswith("(推断)") and latest[heading][0] not in "↑↓", latest[heading]


def test_a_status_settled_by_another_items_quote_cites_the_paragraph_that_quotes_it():
    """An item whose status another item's body states (上述“…”问题已完成整改) cites that body's
    paragraph, the first in reading order that holds the words; the item's own paragraph is
    looked in first, and a snippet in no passage has no place."""
    from rectdiff.model import Document
    from rectdiff.parsing import parse_text
    from rectdiff.parsing.places import Places

    text = (
        "某县巡察整改进展情况的通报\n一、巡察反馈问题整改情况\n"
        "1.关于河道清淤滞后的问题。清理河道3公里。\n"
        "2.关于路灯维修不及时的问题。更换路灯20盏。目前正在推进整改。\n"
        "3.关于公厕保洁不到位的问题。增加保洁员2名。上述“河道清淤滞后”问题已完成整改。\n"
        "某县\n2024年3月1日\n"
    )
    report = parse_text(text, "county.txt")
    rows = {r["heading"]: r for r in report.items.to_dict("records")}
    first = next(r for h, r in rows.items() if "河道清淤" in h)
    third = next(r for h, r in rows.items() if "公厕保洁" in h)
    assert (first["status"], first["status_source"]) == ("completed", "summary")
    assert first["evidence_at"] == third["source_at"] and first["evidence_source"] == third["source"]
    assert "河道清淤滞后" in _passage(report, first["evidence_at"])
    places = Places(Document("county.txt", "txt", tuple(text.strip().split("\n"))))
    at = next(i for i, p in enumerate(places.doc.paragraphs) if p.startswith("3."))
    assert places.find("增加保洁员2名") == places.paragraph(at)
    assert places.last_hit == (at, places.doc.paragraphs[at].find("增加保洁员2名"))
    assert places.find("更换路灯20盏", [at]) == places.paragraph(at - 1)  # not in its own: found on
    assert places.find("不在原文中的话") == ("", None)


def test_the_parse_workbook_cites_every_item_on_its_original_row(tmp_path):
    import openpyxl

    from rectdiff.render.report_book import write_report_xlsx

    report = parse_report(read_report(LEDGER))
    path = tmp_path / "p.xlsx"
    write_report_xlsx(report, str(path))
    wb = openpyxl.load_workbook(path)
    overview = [c for r in wb["概览"].iter_rows(values_only=True) for c in r if isinstance(c, str)]
    assert not any(c.startswith("ov.") for c in overview) and "报告" in overview
    header, rows = _table(wb["事项"])
    for row in rows:
        cite = row[header.index("出处")]
        sheet, target = cite.hyperlink.location.rsplit("!", 1)
        original = wb[sheet.strip("'")][target].row
        text = wb[sheet.strip("'")].cell(row=original, column=3).value
        heading = row[header.index("标题")].value
        assert heading[:4] in text or row[header.index("事项ID")].value in ("前言", "落款"), (heading, text)
    header, rows = _table(wb["指标"])
    assert all(r[header.index("出处")].value.startswith("审计整改台账!") for r in rows)


# --- what is odd is said ----------------------------------------------------------------------


def _run(args: list[str]):
    from click.testing import CliRunner

    from rectdiff.cli import cli

    return CliRunner().invoke(cli, [str(a) for a in args])


def test_odd_inputs_each_get_one_line_and_a_finding(tmp_path):
    import rectdiff

    v2 = EXAMPLES / "qinghe_2_2023-12.txt"
    plain = tmp_path / "plain.txt"
    plain.write_text("本文是一段关于整改工作的普通说明文字。\n其中没有列出任何事项。\n", encoding="utf-8")
    cases = [
        ([plain, V1], "no_items", "中未识别出任何事项"),
        ([V1, V1], "identical_inputs", "两版内容完全相同"),
        ([v2, V1], "older_than_before", "旧版日期(2023-12-22)晚于新版(2023-06-20)"),
    ]
    for (old, new), check, words in cases:
        done = _run(["compare", old, new])
        assert done.exit_code == 0, done.output  # exit codes unchanged
        assert sum(words in line for line in done.output.splitlines()) == 1, done.output
        assert check in set(rectdiff.compare(old, new).checks["check"])
    assert _run(["compare", V1, V1, "--exit-code"]).exit_code == 0
    done = _run(["series", V1, V1, v2])  # one version given twice
    assert done.exit_code == 0 and sum("两版内容完全相同" in line for line in done.output.splitlines()) == 1
    assert "V1→V2" in next(line for line in done.output.splitlines() if "两版内容完全相同" in line)
    kept = _run(["series", v2, V1, "--keep-order"])  # in the order given, one older than the one before
    assert kept.exit_code == 0 and "晚于新版" in kept.output


def test_every_finding_between_versions_cites_its_place():
    import rectdiff

    result = rectdiff.compare(V1, EXAMPLES / "qinghe_2_2023-12.txt")
    findings = result.checks[result.checks["severity"] != "ok"].to_dict("records")
    assert {c["check"] for c in findings} >= {"cumulative_shrank", "status_regressed", "item_removed",
                                              "total_changed_items_not"}  # fmt: skip
    for c in findings:
        assert re.fullmatch(r"[旧新]版 第\d+段", c["source"]), c
        report = result.old if c["source"].startswith("旧版") else result.new
        assert _norm(c["evidence"])[:8] in _norm(_passage(report, c["source_at"])), c


def test_every_record_of_the_corpus_has_its_place():
    """Over the shared corpus: no item, status evidence, quantity, stated total or finding without 出处
    (a total whose sentence runs over two paragraphs is found by its first)."""
    from .conftest import CORPUS

    files = sorted(CORPUS.glob("*.txt"))
    if not files:
        pytest.skip("../shared/corpus/ is not present (CI always has it)")
    for path in files:
        report = parse_report(read_report(path))
        items = report.items
        for name, frame, column in (
            ("items", items, "source"),
            ("evidence", items[items["status_evidence"] != ""], "evidence_source"),
            ("metrics", report.metrics, "source"),
            ("totals", report.totals, "source"),
            ("checks", report.checks[report.checks["evidence"] != ""], "source"),
        ):
            assert frame[column].fillna("").ne("").all(), (path.name, name)


def test_differences_are_in_the_report_units(tmp_path):
    """18.5亿元 → 26.3亿元 is +7.8亿元 (a number formatted in 亿元), 42.16 % a percentage; a rate's
    difference is in percentage points."""
    import openpyxl

    import rectdiff
    from rectdiff.render.workbook import write_comparison_xlsx

    path = tmp_path / "c.xlsx"
    write_comparison_xlsx(rectdiff.compare(V1, EXAMPLES / "qinghe_2_2023-12.txt"), str(path))
    header, rows = _table(openpyxl.load_workbook(path)["指标变化"])
    by_label = {r[header.index("指标")].value: r for r in rows}
    delta, pct = by_label["协议投资额"][header.index("差值")], by_label["协议投资额"][header.index("差值%")]
    assert delta.value == pytest.approx(7.8) and '"亿元"' in delta.number_format and delta.number_format[0] == "+"
    assert pct.value == pytest.approx(0.4216) and pct.number_format.endswith("%")
    rate = next(r for r in rows if r[header.index("指标")].value == "完成率")[header.index("差值")]
    assert rate.value == pytest.approx(4.7) and "个百分点" in rate.number_format


def test_every_place_of_the_catalogue_reads_in_english():
    """A place is recorded in Chinese and rewritten for --lang en: each of the catalogue's place
    templates, filled in and named by a version, comes out as its English template."""
    from rectdiff.catalogue import PLACES, SIDES, say
    from rectdiff.render.evidence import place_text

    values = {"page": 3, "line": 12, "n": 16, "k": 2, "row": 7, "column": 4, "table": "台账"}
    for key in PLACES:
        if key == "place.sided":
            continue
        zh, en = say(key, **values)
        assert place_text(zh, "en") == en, key
        for side_zh, side_en in SIDES.values():
            assert place_text(say("place.sided", side=side_zh, place=zh).zh, "en") == f"{side_en} {en}", key
    assert place_text("新版 第3页 第12行", "zh") == "新版 第3页 第12行"


def test_a_csv_ledger_cites_each_status_at_its_own_cell(tmp_path):
    """A ledger's status evidence is quoted with its column's label (整改情况:正在推进); it is
    cited at the row's own status cell (it was searched for over the whole ledger, per row:
    quadratic, and found nowhere)."""
    from rectdiff.api import parse

    rows = ["序号,问题,整改措施,整改情况,责任单位,完成时限"]
    rows += [f"{k},东城片区第{k}号校舍维修项目推进不够有力,制定方案落实资金{k}万元。,{s},东城街道,2024年12月底前"
             for k, s in zip(range(1, 7), ["正在推进", "已完成"] * 3)]  # fmt: skip
    path = tmp_path / "台账.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    items = [r for r in parse(path).item_rows if r.kind != "narrative"]
    assert [(r.status, r.evidence_source) for r in items] == [
        (s, f"表1 第{k + 1}行第4列") for k, s in zip(range(1, 7), ["in_progress", "completed"] * 3)
    ]


def _attention_row(ws, words: str):
    """The row of the 需要关注 block that starts with ``words``: count and the link's target."""
    row = next(r for r in ws.iter_rows() if isinstance(r[0].value, str) and r[0].value.startswith(words))
    return row[1].value, row[2].value, row[2].hyperlink.location if row[2].hyperlink else None


def test_the_doubts_are_counted_under_attention_with_a_link(tmp_path):
    """概览 of a comparison and of a series, and 汇总 of a batch, count their doubts under 需要关注,
    linked to the first row of 疑点清单."""
    import openpyxl

    import rectdiff
    from rectdiff.render.timeline import write_series_xlsx
    from rectdiff.render.workbook import write_comparison_xlsx

    result = rectdiff.compare(V1, EXAMPLES / "qinghe_2_2023-12.txt")
    write_comparison_xlsx(result, str(tmp_path / "c.xlsx"))
    series = rectdiff.series(sorted(EXAMPLES.glob("qinghe_*.txt")))
    write_series_xlsx(series, str(tmp_path / "t.xlsx"))
    folder = tmp_path / "in"
    folder.mkdir()
    for source in sorted(EXAMPLES.glob("qinghe_*.txt")):
        (folder / source.name).write_bytes(source.read_bytes())
    batch = rectdiff.batch(str(folder), str(tmp_path / "out"))
    for path, sheet, doubts in ((tmp_path / "c.xlsx", "概览", result.doubts), (tmp_path / "t.xlsx", "概览", series.doubts),
                                (batch.summary, "汇总", batch.doubts)):  # fmt: skip
        assert doubts
        wb = openpyxl.load_workbook(path)
        assert _attention_row(wb[sheet], "疑点") == (len(doubts), "查看", "'疑点清单'!A2")
        assert wb["疑点清单"]["A2"].value == 1  # the first doubt (序号 1)
    assert len(result.doubts) == 3
    ws = openpyxl.load_workbook(batch.summary)["汇总"]
    count, _go, to = _attention_row(ws, "状态倒退的事项")
    assert count == sum(s.regressions for s in batch.series) and to.startswith("'汇总'!A")


def test_the_timeline_cites_each_version_on_its_own_original_row(tmp_path):
    """时间线: one 出处 column per version, each the item's place in that version, linked to the
    row of that version's 原文 that holds it; empty where the version lacks the item."""
    import openpyxl

    import rectdiff
    from rectdiff.render.timeline import write_series_xlsx

    series = rectdiff.series(sorted(EXAMPLES.glob("qinghe_*.txt")))
    path = tmp_path / "t.xlsx"
    write_series_xlsx(series, str(path))
    wb = openpyxl.load_workbook(path)
    header, rows = _table(wb["时间线"])
    columns = [header.index(f"出处\nV{k}") for k in range(1, 5)]
    texts = [dict(zip(r.items["item_id"], r.items["text"])) for r in series.reports]
    cited = 0
    for row, lineage in zip(rows, series.lineages.to_dict("records")):
        for k, (column, item_id) in enumerate(zip(columns, lineage["ids"])):
            cell = row[column]
            if item_id is None:
                assert cell.value is None and cell.hyperlink is None
                continue
            sheet, target = cell.hyperlink.location.rsplit("!", 1)
            assert sheet == f"'原文 V{k + 1}'"
            passage = wb[sheet.strip("'")][target].row
            assert cell.value == f"第{passage - 1}段"
            first_line = texts[k][item_id].split("\n")[0]
            assert _norm(first_line)[:10] in _norm(wb[sheet.strip("'")].cell(row=passage, column=3).value)
            cited += 1
    assert cited == sum(i is not None for lin in series.lineages["ids"] for i in lin) > 100


def test_the_figure_and_total_paths_cite_each_version_on_its_original_row(tmp_path):
    """指标轨迹 and 总数轨迹: one 出处 column per version, each the quantity's (the stated total's)
    place in that version, linked to the 原文 row that states it; empty where the version lacks it."""
    import openpyxl

    import rectdiff
    from rectdiff.render.timeline import write_series_xlsx

    series = rectdiff.series(sorted(EXAMPLES.glob("qinghe_*.txt")))
    path = tmp_path / "t.xlsx"
    write_series_xlsx(series, str(path))
    wb = openpyxl.load_workbook(path)

    def passage_of(cell, k: int) -> tuple[int, str]:
        sheet, target = cell.hyperlink.location.rsplit("!", 1)
        assert sheet == f"'原文 V{k + 1}'"
        row = wb[sheet.strip("'")][target].row
        assert cell.value == f"第{row - 1}段"
        return row - 1, wb[sheet.strip("'")].cell(row=row, column=3).value

    header, rows = _table(wb["指标轨迹"])
    columns = [header.index(f"出处\nV{k}") for k in range(1, 5)]
    by_row = {(m["lineage"], m["label"], tuple(m["texts"])): m for m in series.metrics.to_dict("records")}
    cited = 0
    for row in rows:
        texts = tuple(None if row[header.index(h)].value == "—" else row[header.index(h)].value
                      for h in header if h.startswith("V"))  # fmt: skip
        metric = by_row[(row[0].value, row[header.index("指标")].value, texts)]
        for k, (column, text) in enumerate(zip(columns, metric["texts"])):
            if text is None:
                assert row[column].value is None
                continue
            assert text in passage_of(row[column], k)[1], (metric["label"], k, text)
            cited += 1
    assert cited == sum(t is not None for m in series.metrics["texts"] for t in m) > 50
    header, rows = _table(wb["总数轨迹"])
    columns = [header.index(f"出处\nV{k}") for k in range(1, 5)]
    for row, total in zip(rows, series.totals.to_dict("records")):
        for k, (column, text) in enumerate(zip(columns, total["texts"])):
            if text is None:
                assert row[column].value is None
                continue
            number, passage = passage_of(row[column], k)
            stated = [t for t in series.reports[k].total_rows if not t.in_item and t.source_at == number]
            assert any(t.evidence[:12] in passage and t.category == total["category"] for t in stated), (total, k)
