"""Stage 5: the workbook and JSON, read back; hostile text stays inert; writes are atomic."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile

import openpyxl
import pytest

import rectdiff
from rectdiff.errors import OutputError
from rectdiff.parsing import parse_text
from rectdiff.render.data import comparison_dict, write_json
from rectdiff.render.report_book import write_report_xlsx
from rectdiff.render.workbook import write_comparison_xlsx

from .conftest import V1, V2

SHEETS_ZH = ["概览", "疑点清单", "事项对照", "状态变化", "指标变化", "新增与删除", "核对", "原文(旧版)", "原文(新版)"]


@pytest.fixture(scope="module")
def result():
    return rectdiff.compare(V1, V2)


@pytest.fixture(scope="module")
def book(result, tmp_path_factory):
    path = tmp_path_factory.mktemp("wb") / "changes.xlsx"
    write_comparison_xlsx(result, str(path))
    return path


def rows_of(ws):
    return [list(r) for r in ws.iter_rows(values_only=True)]


def header_of(ws) -> list:
    return [c.value for c in ws[1]]


def visible(ws) -> list[str]:
    """Headers of the columns a reader sees (grouped detail columns are hidden)."""
    from openpyxl.utils import get_column_letter

    return [h for i, h in enumerate(header_of(ws), 1) if not ws.column_dimensions[get_column_letter(i)].hidden]


def test_sheets_and_review_columns(book):
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames == SHEETS_ZH
    for name in SHEETS_ZH[2:-2]:  # 疑点清单 has a 核实情况 column (tests/test_doubts.py); 原文 holds the text
        ws = wb[name]
        assert visible(ws)[-1] == "复核意见"
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref.startswith("A1:")
        assert ws.print_title_rows == "$1:$1"  # the header row repeats on every printed page
        column = header_of(ws).index("复核意见")
        assert all(r[column] is None for r in rows_of(ws)[1:])


def test_pairs_sheet_is_for_reading(book, result):
    """At most ten visible columns in the reading order; the rest grouped and collapsed."""
    ws = openpyxl.load_workbook(book)["事项对照"]
    assert visible(ws) == ["序号", "变化", "类型", "编号", "标题", "状态", "指标变化", "正文修订", "出处", "复核意见"]
    hidden = [h for h in header_of(ws) if h not in visible(ws)]
    assert {"旧版ID", "新版ID", "旧标题", "新标题", "标题相似度", "位置移动", "重新编号"} <= set(hidden)
    rows = rows_of(ws)
    assert len(rows) - 1 == len(result.pairs)
    header = rows[0]
    by_heading = {r[header.index("新标题")]: dict(zip(header, r)) for r in rows[1:]}
    eco = by_heading["生态环境治理力度不足"]
    assert (eco["变化"], eco["重新编号"], eco["编号"], eco["状态"], eco["状态变化"]) == (
        "修改",  # one change per column: a filter on 修改 finds it
        "✓",
        "2. → 3.",
        "正在推进 → 已完成",
        "进展",
    )
    old_house = by_heading["老旧小区改造进度偏慢"]
    assert old_house["状态"] == "已完成 → 正在推进" and "惠及居民 5600户→5400户 (-3.57%)" in old_house["指标变化"]
    assert by_heading["产业园区招商引资质效不高"]["状态"] == "已完成"
    assert by_heading["巡视反馈意见相关整改事项落实情况"]["状态"] is None  # a section carries no status


def test_rows_grow_with_their_text(book):
    """Wrapped rows get a height from their text; a short row keeps one line."""
    ws = openpyxl.load_workbook(book)["事项对照"]
    heights = [ws.row_dimensions[r].height for r in range(2, ws.max_row + 1)]
    assert all(h for h in heights) and max(heights) >= 3 * min(heights)


def test_status_cells_are_coloured_by_direction(book):
    ws = openpyxl.load_workbook(book)["事项对照"]
    column = header_of(ws).index("状态") + 1
    fills = {ws.cell(row=r, column=column).value: ws.cell(row=r, column=column).fill.fgColor.rgb
             for r in range(2, ws.max_row + 1)}  # fmt: skip
    assert fills["已完成 → 正在推进"].endswith("F8CBAD") and fills["正在推进 → 已完成"].endswith("E2EFDA")


def test_cells_keep_their_look(book):
    """Each look is built once and shared: the header, a row's change colour, the status cell's
    own colour over it (its neighbours keep the row's), a 出处 link; rows as tall as their text."""
    ws = openpyxl.load_workbook(book)["事项对照"]
    col = {h: i for i, h in enumerate(header_of(ws), 1)}

    def look(row: int, key: str) -> tuple:
        c = ws.cell(row=row, column=col[key])
        a = c.alignment
        return c.font.sz, c.font.b, c.font.u, c.fill.fgColor.rgb[2:], a.horizontal, a.vertical, a.wrap_text

    assert look(1, "标题") == (10, True, None, "DDEBF7", "center", "center", True)
    rows = {ws.cell(row=r, column=col["新标题"]).value: r for r in range(2, ws.max_row + 1)}
    eco, house, plain = rows["生态环境治理力度不足"], rows["老旧小区改造进度偏慢"], rows["民生领域短板弱项"]
    assert look(eco, "变化") == (10, False, None, "FFF2CC", "center", "top", True)
    assert look(eco, "标题") == (10, False, None, "FFF2CC", None, "top", True)
    assert look(eco, "状态")[3] == "E2EFDA" and look(house, "状态")[3] == "F8CBAD"
    assert look(house, "标题")[3] == look(house, "正文修订")[3] == "FFF2CC"
    assert look(plain, "标题") == (10, False, None, "000000", None, "top", True)
    assert look(eco, "出处") == (10, False, "single", "FFF2CC", "center", "top", True)
    assert ws.cell(row=eco, column=col["出处"]).font.color.rgb == "000563C1"
    assert ws.cell(row=plain, column=col["旧版出处"]).hyperlink.location == "'原文(旧版)'!A14"
    assert [ws.row_dimensions[r].height for r in (1, eco, house, plain)] == [30, 45, 75, 15]


def test_a_shared_look_is_copied_not_shared():
    """Restyling one cell leaves the cells that took the same look before it as they were."""
    from rectdiff.render.sheet import DATA_FONT, FILLS, WRAP, Styles

    ws = openpyxl.Workbook().active
    styles = Styles()
    first, second = ws.cell(row=1, column=1), ws.cell(row=2, column=1)
    for cell in (first, second):
        styles.apply(cell, DATA_FONT, FILLS["added"], WRAP)
    styles.apply(second, fill=FILLS["removed"], number_format="0.0")
    assert (first.fill.fgColor.rgb, first.number_format) == ("00E2EFDA", "General")
    assert (second.fill.fgColor.rgb, second.number_format, second.font.sz) == ("00FCE4D6", "0.0", 10)
    assert second.alignment.wrap_text and first.alignment.wrap_text


def test_redline_is_rich_text(book):
    ws = openpyxl.load_workbook(book, rich_text=True)["事项对照"]
    col = header_of(ws).index("标题") + 1
    cells = [ws.cell(row=r, column=col).value for r in range(2, ws.max_row + 1)]
    plain = lambda c: "".join(b if isinstance(b, str) else b.text for b in c)  # noqa: E731
    rich = [c for c in cells if c is not None and not isinstance(c, str)]
    assert [plain(c) for c in rich] == ["生态环境治理力度不够足"]
    runs = {str(block.text): block.font for block in rich[0] if hasattr(block, "font")}
    assert runs["够"].strike and runs["足"].u == "single" and runs["足"].b


def test_long_unchanged_text_is_cut_around_the_changes():
    from rectdiff.render.workbook import excerpt

    segments = [(0, "甲" * 50), (-1, "旧"), (1, "新"), (0, "乙" * 50), (1, "增"), (0, "丙" * 50)]
    got = excerpt(segments)
    assert (
        got[0] == (0, "…" + "甲" * 12) and got[3] == (0, "乙" * 12 + "…" + "乙" * 12) and got[5] == (0, "丙" * 12 + "…")
    )


def test_hyperlinks_resolve(book):
    wb = openpyxl.load_workbook(book)
    links = [(ws.title, c) for ws in wb for row in ws.iter_rows() for c in row if c.hyperlink]
    assert links and {title for title, _ in links} == {
        "概览",
        "疑点清单",
        "事项对照",
        "状态变化",
        "指标变化",
        "新增与删除",
        "核对",
    }
    for _title, cell in links:
        sheet, target = cell.hyperlink.location.rsplit("!", 1)
        ws = wb[sheet.strip("'")]
        assert ws[target].value is not None
    status = wb["状态变化"]
    first = status.cell(row=2, column=1)
    target = wb["事项对照"][first.hyperlink.location.rsplit("!", 1)[1]]
    header = header_of(wb["事项对照"])
    row = [c.value for c in wb["事项对照"][target.row]]
    assert row[header.index("新标题")] == status.cell(row=2, column=3).value
    assert first.value == row[header.index("序号")]  # 对照行 is the pair's 序号, not its sheet row


def test_review_sheets_content(book, result):
    wb = openpyxl.load_workbook(book)
    status = rows_of(wb["状态变化"])
    header = status[0]
    assert [r[header.index("状态变化")] for r in status[1:]] == ["进展", "进展", "倒退", "进展"]
    regressed = dict(zip(header, status[3]))
    assert regressed["状态来源(旧→新)"] == "条目自述 → 条目自述"  # both statuses stated by the item itself
    assert regressed["旧版依据"].startswith("截至目前,该问题已完成整改")
    assert len(rows_of(wb["指标变化"])) - 1 == len(result.metric_changes)
    addrem = rows_of(wb["新增与删除"])
    assert [(r[0], r[3]) for r in addrem[1:]] == [
        ("新增", "企业投诉办理不及时"),
        ("新增", "重大项目建设推进缓慢"),
        ("删除", "督查检查考核过多过频"),
        ("新增", "年轻干部基层历练不足"),
    ]


def test_checks_put_findings_first_and_fold_the_passes(book, result):
    ws = openpyxl.load_workbook(book)["核对"]
    rows = rows_of(ws)
    assert len(rows) - 1 == len(result.checks)
    severities = [r[0] for r in rows[1:]]
    order = ["错误", "警告", "提示", "通过"]
    assert severities == sorted(severities, key=order.index)
    assert {r[1] for r in rows[1:]} <= {"旧版", "新版", "两版之间"}
    assert ["错误", "两版之间", "累计数减少", "累计数减少:培训招商人员 260人次→240人次"] in [r[:4] for r in rows]
    passes = [i for i, r in enumerate(rows[1:], 2) if r[0] == "通过"]
    assert passes and all(ws.row_dimensions[i].hidden and ws.row_dimensions[i].outlineLevel == 1 for i in passes)


def test_a_finding_both_versions_raise_is_one_row_of_checks(tmp_path):
    """V2 compared with itself: each of its findings is raised by both versions; the comparison
    carries which (``shared_checks``) and 核对 says each once, 范围 两版均有, linked from both."""
    result = rectdiff.compare(V2, V2)
    own = [n for n, c in enumerate(result.check_rows) if c.scope in ("old", "new") and c.severity != "ok"]
    assert own and sorted(result.shared_checks) == own
    firsts = sorted(set(result.shared_checks.values()))
    assert [result.check_rows[n].scope for n in firsts] == ["old"] * len(firsts)
    path = tmp_path / "same.xlsx"
    write_comparison_xlsx(result, str(path))
    rows = rows_of(openpyxl.load_workbook(path)["核对"])[1:]
    both = [r[3] for r in rows if r[1] == "两版均有"]
    assert both == [result.check_rows[n].message for n in firsts]
    assert len(rows) == len(result.check_rows) - (len(own) - len(firsts))
    assert not [r for r in rows if r[1] in ("旧版", "新版") and r[0] != "通过"]


def test_overview(book):
    ws = openpyxl.load_workbook(book)["概览"]
    rows = rows_of(ws)
    flat = [[v for v in r if v is not None] for r in rows]
    assert flat[0] == ["需要关注"]
    attention = {r[0]: r[1:] for r in flat[2:9]}
    assert attention == {"状态倒退的事项": [1, "查看"], "逾期未完成的事项": [0, "无"], "新版中消失的事项": [1, "查看"],
                         "减少的累计数": [1, "查看"], "疑似数值错误": [0, "无"], "未通过的核对(错误、警告)": [6, "查看"],
                         "总数变了而所列事项未变": [1, "查看"]}  # fmt: skip
    assert ["标题", "青禾区关于市委第五轮巡视整改进展情况的通报", "青禾区关于市委第五轮巡视整改进展情况的通报"] in flat
    assert ["事项数", 24, 26] in flat
    assert ["数量", 16, 7, 3, 1] in flat  # 未变 修改 新增 删除, under their own headers: 16+7+1 = 24, 16+7+3 = 26
    assert ["“举一反三”整改事项", "5 / 已完成3 / 基本完成1 / 正在推进1 / 60%", "6 / 已完成5 / 基本完成1 / 80%"] in flat
    assert ["举一反三 · 旧版", 0, 1, 0, 1, 3, 0] in flat  # status by kind, 未说明 a column of its own
    assert ws._charts and ws.row_breaks.brk  # a chart, and page breaks between blocks


def test_english_workbook_has_no_chinese_outside_report_text(result, tmp_path):
    """Every cell of the English workbook: no Han character except where the report's own words are."""
    import re

    path = tmp_path / "en.xlsx"
    write_comparison_xlsx(result, str(path), lang="en")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Overview", "Doubts", "Items", "Status changes", "Figure changes", "Added & removed", "Checks",
                             "Source text (old)", "Source text (new)"]  # fmt: skip
    report_text = {"Heading", "Old heading", "New heading", "Figures", "Text changes", "Old evidence", "New evidence",
                   "Figure", "Old", "New", "Text", "Finding", "Evidence", "Number", "Old ID", "New ID", "ID",
                   "Category", "Responsible / deadline", "Unit", "Text as read", "Where", "Source", "Old source",
                   "New source", "Responsible", "Deadline", "Deadline as printed",
                   "Item(s)", "The words", "Why it is doubtful"}  # fmt: skip
    han = re.compile(r"[\u4e00-\u9fff]")
    for ws in wb:
        headers = header_of(ws)
        for row in ws.iter_rows(min_row=2 if ws.title != "Overview" else 1):
            for cell in row:
                if not isinstance(cell.value, str) or not han.search(cell.value):
                    continue
                column = headers[cell.column - 1] if ws.title != "Overview" else None
                if ws.title == "Overview":
                    assert cell.column > 1 or "·" in cell.value or cell.row > 5, (ws.title, cell.coordinate, cell.value)
                else:
                    assert column in report_text, (ws.title, cell.coordinate, column, cell.value)
    overview = [[v for v in r if v is not None] for r in rows_of(wb["Overview"])]
    assert overview[0] == ["Needs attention"]
    assert ["“举一反三”整改事项", "5 / completed 3 / substantially completed 1 / in progress 1 / 60%",
            "6 / completed 5 / substantially completed 1 / 80%"] in overview  # fmt: skip
    checks = rows_of(wb["Checks"])
    assert ["error", "between versions", "running total fell", "cumulative figure shrank: 培训招商人员 260人次→240人次"] in [
        r[:4] for r in checks]  # fmt: skip


def test_json_schema(result, tmp_path):
    path = tmp_path / "c.json"
    write_json(comparison_dict(result), str(path))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert list(data) == ["old", "new", "items", "metrics", "stats", "totals", "coverage", "checks", "doubts"]
    extension = [t for t in data["totals"] if t["kind"] == "extension"][0]
    assert (
        extension["old_total"],
        extension["new_total"],
        extension["new_completed"],
        extension["new_stated_rate"],
    ) == (5, 6, 5, 80.0)
    assert list(data["old"]) == ["source", "title", "issuer", "date", "items"]
    assert list(data["items"][0]) == [
        "change",
        "kind",
        "old_id",
        "new_id",
        "old_number",
        "new_number",
        "old_heading",
        "new_heading",
        "similarity",
        "moved",
        "renumbered",
        "old_status",
        "new_status",
        "status_change",
        "old_status_source",
        "new_status_source",
        "responsible",
        "deadline",
        "old_source",
        "new_source",
        "old_source_at",
        "new_source_at",
        "old_evidence_source",
        "new_evidence_source",
        "old_evidence_at",
        "new_evidence_at",
        "notes",
    ]
    assert all(item["notes"] == [] for item in data["items"])  # no --notes: none carried
    assert list(data["metrics"][0]) == [
        "change",
        "old_id",
        "new_id",
        "old_heading",
        "new_heading",
        "label",
        "unit",
        "old_text",
        "new_text",
        "old_value",
        "new_value",
        "delta",
        "delta_pct",
        "old_source",
        "new_source",
        "old_source_at",
        "new_source_at",
    ]
    restated = [m for m in data["metrics"] if m["change"] == "restated"][0]
    assert (restated["old_text"], restated["new_text"], restated["old_value"], restated["delta"]) == (
        "0.84亿元",
        "8400万元",
        84_000_000.0,
        0.0,
    )
    added = [i for i in data["items"] if i["change"] == "added"][0]
    assert added["old_id"] is None and added["similarity"] is None


HOSTILE = ["=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@SUM(A1)", "\t=1+1", "#N/A", '=HYPERLINK("http://x")']


def _hostile_report():
    lines = ["一、整改情况"]
    for i, text in enumerate(HOSTILE, 1):
        lines.append(f"{i}.针对“{text}”问题,进行了以下整改。{text}")
    return parse_text("\n".join(lines))


def test_report_text_never_becomes_a_formula(tmp_path):
    report = _hostile_report()
    path = tmp_path / "items.xlsx"
    write_report_xlsx(report, str(path))
    ws = openpyxl.load_workbook(path)["事项"]
    column = header_of(ws).index("标题")
    headings = [r[column] for r in rows_of(ws)[1:]]
    assert headings[1:] == [h.strip() for h in HOSTILE]
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type != "f" and cell.data_type != "e"
    with zipfile.ZipFile(path) as z:
        assert all("<f>" not in z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))


def test_comparison_with_hostile_text(tmp_path):
    old = _hostile_report()
    new = parse_text("\n".join(["一、整改情况", "1.针对“=cmd|' /C calc'!A0”问题,进行了以下整改。=1+2 已完成"]))
    path = tmp_path / "c.xlsx"
    write_comparison_xlsx(rectdiff.compare(old, new), str(path))
    for ws in openpyxl.load_workbook(path):
        for row in ws.iter_rows():
            assert all(cell.data_type != "f" for cell in row)


def test_csv_fields_are_neutralized(tmp_path):
    from rectdiff.render.data import write_report_csv

    files = write_report_csv(_hostile_report(), str(tmp_path / "items.csv"))
    text = open(files[0].path, encoding="utf-8-sig").read()
    assert "'=cmd|" in text and "'@SUM(A1)" in text and ",=cmd" not in text


def test_control_characters_are_replaced(tmp_path):
    old = parse_text("一、整改情况\n1.针对会议过多问题,进行了以下整改。精简\x07会议12个。")
    new = parse_text("一、整改情况\n1.针对会议过多问题,进行了以下整改。精简\x1b会议\x00办文15个。")
    path = tmp_path / "c.xlsx"
    replaced = write_comparison_xlsx(rectdiff.compare(old, new), str(path)).replaced
    assert replaced >= 3
    wb = openpyxl.load_workbook(path)
    cells = [c.value for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("\ufffd" in v for v in cells)
    assert any("替换为�" in v for v in cells)


def test_long_text_is_kept_in_full(tmp_path):
    """A body over a row's height (and over Excel's 32,767 characters a cell) shows its start and
    says where the rest is; the 长文本 sheet holds all of it, in parts."""
    body = "完成整改任务。" * 6000  # 42,000 characters
    report = parse_text(f"一、整改情况\n1.针对超长问题,进行了以下整改。{body}")
    path = tmp_path / "long.xlsx"
    write_report_xlsx(report, str(path))
    wb = openpyxl.load_workbook(path)
    column = next(c.column_letter for c in wb["事项"][1] if c.value == "正文")
    cell = [c for c in wb["事项"][column] if isinstance(c.value, str) and "长文本" in c.value][0]
    assert cell.value.startswith("完成整改任务。") and len(cell.value) < 1000
    assert wb["事项"].row_dimensions[cell.row].height <= 15 * 15
    parts = [r[3] for r in rows_of(wb["长文本"])[1:] if r[1] == f"{column}{cell.row}"]
    assert len(parts) == 2 and "".join(parts) == body


def test_atomic_write_keeps_existing_file(result, tmp_path, monkeypatch):
    path = tmp_path / "changes.xlsx"
    path.write_bytes(b"previous")

    def boom(self, fh):
        fh.write(b"partial")
        raise KeyboardInterrupt

    monkeypatch.setattr(openpyxl.Workbook, "save", boom)
    with pytest.raises(KeyboardInterrupt):
        write_comparison_xlsx(result, str(path))
    assert path.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["changes.xlsx"]


def test_output_errors(result, tmp_path):
    with pytest.raises(OutputError, match="不存在"):
        write_comparison_xlsx(result, str(tmp_path / "nope" / "c.xlsx"))
    (tmp_path / "~$locked.xlsx").write_text("lock")
    with pytest.raises(OutputError, match="正在 Excel 中打开"):
        write_comparison_xlsx(result, str(tmp_path / "locked.xlsx"))


@pytest.fixture(scope="module")
def printed(book, tmp_path_factory):
    """The example workbook printed to PDF by LibreOffice, as a spreadsheet application prints it."""
    if shutil.which("soffice") is None:
        if os.environ.get("CI"):  # .ci/run installs it: on CI its absence is a failure
            pytest.fail("LibreOffice is not installed (.ci/run installs libreoffice-calc)")
        pytest.skip("LibreOffice is not installed (.ci/run installs it)")
    out = tmp_path_factory.mktemp("pdf")
    proc = subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(book)],
                          capture_output=True, text=True, timeout=240)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return out / "changes.pdf"


def test_printed_pairs_sheet(printed, book):
    """From the PDF: every page of 事项对照 repeats its header row, prints at 7 pt or more, and
    the sheet takes at most two pages per thirty rows."""
    import pdfplumber

    rows = openpyxl.load_workbook(book)["事项对照"].max_row - 1
    with pdfplumber.open(printed) as pdf:
        pages = [p for p in pdf.pages if "事项对照" in (p.extract_text() or "").splitlines()[-1]]
        assert pages
        for page in pages:
            text = page.extract_text()
            assert all(word in text for word in ("序号", "标题", "正文修订", "复核意见")), text[:200]
            assert min(c["size"] for c in page.chars) >= 7
    assert len(pages) <= 2 * -(-rows // 30)


def test_printed_overview_keeps_blocks_whole(printed):
    """The 概览 blocks each start on the page where they end (no table or chart split)."""
    import pdfplumber

    with pdfplumber.open(printed) as pdf:
        overview = [p.extract_text() for p in pdf.pages if "概览" in (p.extract_text() or "").splitlines()[-1]]
    text = "\n".join(overview)
    for title in ("需要关注", "两版报告", "事项变化", "状态转移", "各类型事项状态"):
        assert text.count(title) >= 1
    first = next(t for t in overview if "需要关注" in t)
    assert "状态倒退的事项" in first and "总数变了而所列事项未变" in first


def test_unwritable_folder(result, tmp_path, monkeypatch):
    from rectdiff.render import output

    def denied(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(output, "_create_temporary", denied)
    with pytest.raises(OutputError, match=r"无权写入\(Permission denied\)"):
        write_comparison_xlsx(result, str(tmp_path / "c.xlsx"))


def test_workbook_renderers_ask_for_no_table_view(tmp_path, monkeypatch):
    """Every workbook renderer reads the result objects' records: with the pandas views refused,
    the change, timeline and item workbooks are written all the same (issue 18)."""
    from rectdiff import records
    from rectdiff.render.timeline import write_series_xlsx

    from .conftest import V3

    results = rectdiff.compare(V1, V2), rectdiff.series([V1, V2, V3]), rectdiff.parse(V2)

    def refuse(*_args):
        raise AssertionError("a renderer asked for a pandas view")

    monkeypatch.setattr(records, "frame", refuse)
    for write, result, name in zip((write_comparison_xlsx, write_series_xlsx, write_report_xlsx), results,
                                   ("c.xlsx", "s.xlsx", "r.xlsx")):  # fmt: skip
        write(result, str(tmp_path / name))
    assert openpyxl.load_workbook(tmp_path / "s.xlsx")["时间线"].max_row == 1 + len(results[1].lineage_rows)
    assert openpyxl.load_workbook(tmp_path / "r.xlsx")["事项"].max_row == 1 + len(results[2].item_rows)
    assert openpyxl.load_workbook(tmp_path / "c.xlsx")["事项对照"].max_row == 1 + len(results[0].pair_rows)


def test_parse_summary_says_which_fields_the_report_does_not_give():
    """A report with no title, issuer, dates or round: each line says 未识别, none is left bare."""
    from rectdiff.render.data import report_summary

    report = parse_text("一、问题整改\n1. 道路破损问题\n整改进展情况：正在推进。\n")
    lines = report_summary(report).split("\n")
    assert lines[:4] == [
        "标题: (未识别)",
        "发布单位: (未识别)",
        "发布日期: (未识别)  成文日期: (未识别)",
        "巡视(察)轮次: (未识别)",
    ]
    assert report_summary(report, "en").split("\n")[1] == "Issuer: (not found)"
    dated = parse_text(
        "中共青禾区委员会关于巡视整改进展情况的通报\n2023年6月20日\n一、问题整改\n1. 道路破损问题\n整改进展情况：正在推进。\n"
    )
    assert report_summary(dated).split("\n")[0] == "标题: 中共青禾区委员会关于巡视整改进展情况的通报"


_LOAD = """
import sys
{before}
from rectdiff.xlsx import load_openpyxl
load_openpyxl()
import openpyxl.compat.numbers as numbers
held = "numpy" in sys.modules
import numpy
print(held, numbers.NUMPY, numpy.zeros(2).sum())
"""


@pytest.mark.parametrize(("before", "printed"), [("", "False False 0.0"), ("import numpy", "True True 0.0")])
def test_openpyxl_is_loaded_without_numpy_and_numpy_still_imports(before, printed):
    """``load_openpyxl`` keeps numpy out of openpyxl's start-up, then lets numpy import as ever;
    where numpy is loaded already, openpyxl takes it as it would."""
    proc = subprocess.run([sys.executable, "-c", _LOAD.format(before=before)], capture_output=True, text=True,
                          timeout=60)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == printed.split()
