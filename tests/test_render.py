"""Stage 5: the workbook and JSON, read back; hostile text stays inert; writes are atomic."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile

import openpyxl
import pytest

import rectdiff
from rectdiff.errors import OutputError
from rectdiff.parsing import parse_text
from rectdiff.render.data import comparison_dict, write_json
from rectdiff.render.workbook import write_comparison_xlsx, write_report_xlsx

from .conftest import V1, V2

SHEETS_ZH = ["概览", "事项对照", "状态变化", "指标变化", "新增与删除", "核对"]


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


def test_sheets_and_review_columns(book):
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames == SHEETS_ZH
    for name in SHEETS_ZH[1:]:
        ws = wb[name]
        header = rows_of(ws)[0]
        assert header[-1] == "复核意见"
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref.startswith("A1:")
        assert all(r[-1] is None for r in rows_of(ws)[1:])


def test_pairs_sheet_content(book, result):
    ws = openpyxl.load_workbook(book)["事项对照"]
    rows = rows_of(ws)
    header = rows[0]
    assert header[:8] == ["序号", "变化", "类型", "旧编号", "新编号", "旧标题", "新标题", "标题相似度"]
    assert len(rows) - 1 == len(result.pairs)
    by_new = {r[header.index("新标题")]: dict(zip(header, r)) for r in rows[1:]}
    eco = by_new["生态环境治理力度不足"]
    assert (eco["变化"], eco["旧编号"], eco["新编号"], eco["旧状态"], eco["新状态"], eco["状态变化"]) == (
        "修改",
        "2.",
        "3.",
        "正在推进",
        "已完成",
        "进展",
    )
    assert eco["重新编号"] == "✓"
    old_house = by_new["老旧小区改造进度偏慢"]
    assert old_house["状态变化"] == "倒退"
    assert "惠及居民 5600户→5400户 (-3.57%)" in old_house["指标变化摘要"]


def test_redline_is_rich_text(book):
    ws = openpyxl.load_workbook(book, rich_text=True)["事项对照"]
    header = [c.value for c in ws[1]]
    col = header.index("标题修订") + 1
    cells = [ws.cell(row=r, column=col).value for r in range(2, ws.max_row + 1)]
    plain = lambda c: "".join(b if isinstance(b, str) else b.text for b in c)  # noqa: E731
    rich = [c for c in cells if c is not None and not isinstance(c, str) and "足" in plain(c)]
    assert len(rich) == 1
    assert plain(rich[0]) == "生态环境治理力度不够足"
    runs = {str(block.text): block.font for block in rich[0] if hasattr(block, "font")}
    assert runs["够"].strike and runs["足"].u == "single" and runs["足"].b


def test_review_sheets_content(book, result):
    wb = openpyxl.load_workbook(book)
    status = rows_of(wb["状态变化"])
    assert [r[4] for r in status[1:]] == ["进展", "进展", "倒退", "进展"]
    assert status[3][5:7] == ["条目自述", "条目自述"]  # both statuses stated by the item itself
    assert status[3][7].startswith("截至目前,该问题已完成整改")  # old evidence of the regressed item
    assert len(rows_of(wb["指标变化"])) - 1 == len(result.metric_changes)
    addrem = rows_of(wb["新增与删除"])
    assert [(r[0], r[4]) for r in addrem[1:]] == [
        ("新增", "企业投诉办理不及时"),
        ("新增", "重大项目建设推进缓慢"),
        ("删除", "督查检查考核过多过频"),
        ("新增", "年轻干部基层历练不足"),
    ]
    checks = rows_of(wb["核对"])
    assert len(checks) - 1 == len(result.checks)
    assert ["跨版本", "累计数减少", "错误", "累计数减少:培训招商人员 260人次→240人次"] in [r[:4] for r in checks]


def test_overview(book):
    rows = rows_of(openpyxl.load_workbook(book)["概览"])
    flat = [r[:3] for r in rows]
    assert ["标题", "青禾区关于市委第五轮巡视整改进展情况的通报", "青禾区关于市委第五轮巡视整改进展情况的通报"] in flat
    assert ["事项数", 24, 26] in flat
    assert ["删除", 1, None] in flat
    assert ["“举一反三”整改事项", "5 / 已完成3 / 基本完成1 / 正在推进1 / 60%", "6 / 已完成5 / 基本完成1 / 80%"] in flat
    assert openpyxl.load_workbook(book)["概览"]._charts


def test_english_workbook(result, tmp_path):
    path = tmp_path / "en.xlsx"
    write_comparison_xlsx(result, str(path), lang="en")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Overview", "Items", "Status changes", "Metric changes", "Added & removed", "Checks"]
    assert rows_of(wb["Items"])[0][-1] == "Reviewer note"
    assert "regressed" in [r[12] for r in rows_of(wb["Items"])]
    checks = rows_of(wb["Checks"])
    assert ["both", "cumulative shrank", "error", "cumulative figure shrank: 培训招商人员 260人次→240人次"] in [
        r[:4] for r in checks
    ]
    overview = [r[:3] for r in rows_of(wb["Overview"])]
    assert [
        "“举一反三”整改事项",
        "5 / completed 3 / substantially completed 1 / in progress 1 / 60%",
        "6 / completed 5 / substantially completed 1 / 80%",
    ] in overview


def test_json_schema(result, tmp_path):
    path = tmp_path / "c.json"
    write_json(comparison_dict(result), str(path))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert list(data) == ["old", "new", "items", "metrics", "stats", "totals", "coverage", "checks"]
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
    ]
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
    headings = [c.value for c in ws["F"][1:]]
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
    text = open(files[0], encoding="utf-8-sig").read()
    assert "'=cmd|" in text and "'@SUM(A1)" in text and ",=cmd" not in text


def test_control_characters_are_replaced(tmp_path):
    old = parse_text("一、整改情况\n1.针对会议过多问题,进行了以下整改。精简\x07会议12个。")
    new = parse_text("一、整改情况\n1.针对会议过多问题,进行了以下整改。精简\x1b会议\x00办文15个。")
    path = tmp_path / "c.xlsx"
    replaced = write_comparison_xlsx(rectdiff.compare(old, new), str(path))
    assert replaced >= 3
    wb = openpyxl.load_workbook(path)
    cells = [c.value for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("\ufffd" in v for v in cells)
    assert any("替换为�" in v for v in cells)


def test_long_text_is_kept_in_full(tmp_path):
    body = "完成整改任务。" * 6000  # 42,000 characters: over Excel's 32,767 per cell
    report = parse_text(f"一、整改情况\n1.针对超长问题,进行了以下整改。{body}")
    path = tmp_path / "long.xlsx"
    write_report_xlsx(report, str(path))
    wb = openpyxl.load_workbook(path)
    column = next(c.column_letter for c in wb["事项"][1] if c.value == "正文")
    cell = [c for c in wb["事项"][column] if isinstance(c.value, str) and len(c.value) > 30000][0]
    assert len(cell.value) <= 32767 and "长文本" in cell.value
    parts = [r[3] for r in rows_of(wb["长文本"])[1:] if r[1].startswith(column)]
    assert "".join(parts) == body


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
    with pytest.raises(OutputError, match="does not exist"):
        write_comparison_xlsx(result, str(tmp_path / "nope" / "c.xlsx"))
    (tmp_path / "~$locked.xlsx").write_text("lock")
    with pytest.raises(OutputError, match="open in Excel"):
        write_comparison_xlsx(result, str(tmp_path / "locked.xlsx"))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_workbook_opens_in_libreoffice(book, tmp_path):
    out = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(book)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "changes.pdf").stat().st_size > 10_000


def test_unwritable_folder(result, tmp_path, monkeypatch):
    import tempfile

    def denied(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(OutputError, match="cannot write in .*Permission denied"):
        write_comparison_xlsx(result, str(tmp_path / "c.xlsx"))
