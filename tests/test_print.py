"""The seed against an edited copy of itself (two statuses changed, one figure ×10, an item deleted,
a section renumbered): exactly those findings, each with its 出处 on the right 原文 row, and a
事项对照 that prints (LibreOffice) in a few pages with nothing cut."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import uuid

import openpyxl
import pytest

import rectdiff
from rectdiff.render.sheet import LINE_PT, MAX_LINES, lines_needed
from rectdiff.render.workbook import write_comparison_xlsx

from .conftest import EXAMPLES

#: the edits, each a (before, after) that occurs once in the seed
STATUS_EDITS = [
    ("目前已贯通跃进路及跃进路地道,龙山道正在施工。", "目前已贯通跃进路、龙山道,该问题已完成整改。"),
    ("截至目前有关问题已整改完成18个,其余问题正在推进整改中。", "截至目前有关问题已全部整改完成。"),
]
FIGURE_EDIT = ("新增租金协议金额2800万元", "新增租金协议金额28000万元")
SECTION_EDIT = ("四、存在的主要问题", "五、存在的主要问题")
DELETED = "针对“举一反三”整改事项“高质量创新型企业数量较少”"


def edited_seed(text: str) -> str:
    """The seed with the five edits the module docstring lists."""
    for before, after in [*STATUS_EDITS, FIGURE_EDIT, SECTION_EDIT]:
        assert text.count(before) == 1, before
        text = text.replace(before, after)
    lines = text.split("\n")
    gone = [line for line in lines if line.startswith(DELETED)]
    assert len(gone) == 1
    lines.remove(gone[0])
    return "\n".join(lines)


@pytest.fixture(scope="module")
def seed_pair(seed_path, tmp_path_factory):
    folder = tmp_path_factory.mktemp("seed")
    edited = folder / "edited.txt"
    edited.write_text(edited_seed(seed_path.read_text(encoding="utf-8")), encoding="utf-8")
    result = rectdiff.compare(seed_path, edited)
    book = folder / "changes.xlsx"
    write_comparison_xlsx(result, str(book))
    return result, book


def to_pdf(book) -> str:
    """The workbook printed by LibreOffice, as text page by page."""
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        if os.environ.get("CI"):  # .ci/run installs both: on CI their absence is a failure
            pytest.fail("LibreOffice or poppler is not installed, though .ci/run installs both")
        pytest.skip("LibreOffice or poppler is not installed (.ci/run installs both)")
    profile = f"-env:UserInstallation=file:///tmp/rectdiff-lo-{uuid.uuid4().hex}"
    subprocess.run(["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(book.parent), str(book)],
                   check=True, capture_output=True, timeout=180)  # fmt: skip
    pdf = book.with_suffix(".pdf")
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout  # fmt: skip


def pages_of(text: str, sheet: str) -> list[str]:
    """The printed pages of one sheet (its name and page number are in every footer)."""
    return [page for page in text.split("\f") if re.search(rf"{sheet}\s+第 \d+ 页", page)]


def _in_order(needle: str, text: str) -> bool:
    """Every character of ``needle`` in ``text``, in order (a wrapped cell prints between others)."""
    rest = iter(text)
    return all(ch in rest for ch in needle)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def test_the_edits_give_exactly_their_findings(seed_pair):
    result, _book = seed_pair
    pairs = result.pairs
    seen = pairs[(pairs["change"] != "unchanged") | pairs["renumbered"] | pairs["moved"]]
    assert sorted(zip(seen["change"], seen["old_number"].fillna(""), seen["new_number"].fillna(""))) == [
        ("modified", "", ""), ("modified", "", ""), ("modified", "", ""), ("removed", "", ""),
        ("unchanged", "四、", "五、"),
    ]  # fmt: skip
    moved = pairs[pairs["status_change"].isin(["improved", "regressed"])]
    assert sorted(moved["new_heading"]) == ["历次整改不到位", "跃进路、龙山道2条道路未实现打通"]
    assert set(moved["status_change"]) == {"improved"} and not moved["status_inferred"].any()
    changed = result.metric_changes[result.metric_changes["change"] == "changed"]
    assert list(zip(changed["old_text"], changed["new_text"], changed["suspect"])) == [
        ("2800万元", "28000万元", "factor")
    ]
    between = result.checks[result.checks["scope"] == "both"]
    assert sorted(between["check"]) == ["item_removed", "suspect_figure"]
    assert result.stats.items == {"old": 161, "new": 160}
    assert result.stats.by_change == {"unchanged": 157, "modified": 3, "removed": 1}


def test_each_finding_cites_the_passage_that_holds_it(seed_pair):
    result, book = seed_pair
    wb = openpyxl.load_workbook(book)
    checks = wb["核对"]
    header = [c.value for c in checks[1]]
    rows = {r[header.index("检查项")].value: r for r in checks.iter_rows(min_row=2)}
    suspect, removed = rows["疑似数值错误"], rows["事项消失"]
    assert _passage_text(wb, suspect[header.index("出处")]).count("28000万元") == 1
    assert suspect[header.index("出处")].value.startswith("新版 第")
    assert DELETED[-14:-1] in _passage_text(wb, removed[header.index("出处")])
    assert removed[header.index("出处")].value.startswith("旧版 第")
    status = wb["状态变化"]
    header = [c.value for c in status[1]]
    for row in status.iter_rows(min_row=2):
        assert _squash(row[header.index("新版依据")].value)[:10] in _squash(
            _passage_text(wb, row[header.index("新版出处")])
        )
        assert _squash(row[header.index("旧版依据")].value)[:10] in _squash(
            _passage_text(wb, row[header.index("旧版出处")])
        )


def _passage_text(wb, cell) -> str:
    """The 原文 text a 出处 cell links to (and its 段号 is the one the cell names)."""
    sheet, target = cell.hyperlink.location.rsplit("!", 1)
    ws = wb[sheet.strip("'")]
    row = ws[target].row
    number = ws.cell(row=row, column=1).value
    assert re.search(rf"第{number}段", cell.value), (cell.value, number)
    return ws.cell(row=row, column=3).value


def test_every_pair_row_cites_its_item_and_lands_on_it(seed_pair):
    result, book = seed_pair
    wb = openpyxl.load_workbook(book)
    ws = wb["事项对照"]
    header = [c.value for c in ws[1]]
    cite = header.index("出处")
    texts = {side: dict(zip(report.items["item_id"], report.items["text"]))
             for side, report in (("old", result.old), ("new", result.new))}  # fmt: skip
    for row, p in zip(ws.iter_rows(min_row=2), result.pairs.to_dict("records")):
        side = "old" if p["change"] == "removed" else "new"
        assert row[cite].value == f"{'旧版' if side == 'old' else '新版'} {p[f'{side}_source']}"
        first_line = texts[side][p[f"{side}_id"]].split("\n")[0]
        assert _squash(first_line)[:12] in _squash(_passage_text(wb, row[cite])), first_line


def test_no_row_is_shorter_than_its_wrapped_text(seed_pair):
    _result, book = seed_pair
    wb = openpyxl.load_workbook(book)
    for ws in wb:
        if ws.title == "概览":
            continue
        widths = {c: ws.column_dimensions[c].width for c in ws.column_dimensions}
        hidden = {c for c in ws.column_dimensions if ws.column_dimensions[c].hidden}
        for row in ws.iter_rows(min_row=2):
            if all(c.value is None for c in row) or ws.row_dimensions[row[0].row].height is None:
                continue  # a blank row between two tables, or one the spreadsheet sizes itself
            needed = max((lines_needed(str(c.value), widths.get(c.column_letter, 8)) for c in row
                          if c.value is not None and c.alignment.wrap_text and c.column_letter not in hidden),
                         default=1)  # fmt: skip
            cap = 409 // LINE_PT if ws.title.startswith("原文") else MAX_LINES + 1
            assert ws.row_dimensions[row[0].row].height >= LINE_PT * min(needed, cap), (ws.title, row[0].row)


def test_no_big_number_in_general_format(seed_pair, tmp_path):
    result, book = seed_pair
    ledger = tmp_path / "ledger.xlsx"
    write_comparison_xlsx(rectdiff.compare(EXAMPLES / "qinghe_1_2023-06.txt", EXAMPLES / "qinghe_2_2023-12.txt"),
                          str(ledger))  # fmt: skip
    for path in (book, ledger):
        for ws in openpyxl.load_workbook(path):
            for row in ws.iter_rows():
                for c in row:
                    if isinstance(c.value, (int, float)) and abs(c.value) > 1e6:
                        assert c.number_format != "General", (path.name, ws.title, c.coordinate, c.value)


@pytest.fixture(scope="module")
def printed(seed_pair) -> str:
    """The seed comparison as LibreOffice prints it (the text, page by page)."""
    return to_pdf(seed_pair[1])


def test_the_comparison_prints_what_changed_in_a_few_pages(seed_pair, printed):
    result, _book = seed_pair
    text = printed
    pages = pages_of(text, "事项对照")
    assert 1 <= len(pages) <= 6
    printed = _squash("".join(pages))
    for p in result.pairs.to_dict("records"):
        if p["change"] != "unchanged" or p["renumbered"]:  # each change prints, its heading whole
            heading = p["new_heading"] or p["old_heading"]
            assert _in_order(_squash(heading), printed), heading  # a cell's lines interleave with its neighbours'
    overview = _squash("".join(pages_of(text, "概览")))
    assert "疑似数值错误1查看" in overview and "新版中消失的事项1查看" in overview


def test_the_original_text_prints_whole_on_rows_sized_for_libreoffice_too(seed_pair, printed):
    """原文 as LibreOffice prints it: each passage whole, on rows no taller than its text. The
    column widths are in units of the base font's digit: Arial 10, which LibreOffice reads with
    Liberation Sans (the same metrics), so its columns are as wide as Excel's and rows sized for
    Excel fit there too (with Calibri it took DejaVu Sans, a third wider: 25 pages per version
    instead of 22, each row a third empty)."""
    result, book = seed_pair
    for side, report in (("旧版", result.old), ("新版", result.new)):
        pages = pages_of(printed, rf"原文\({side}\)")
        assert len(pages) <= 22, (side, len(pages))
        body = _squash("".join(pages))
        for p in report.passages.to_dict("records"):
            assert _in_order(_squash(p["text"])[:60], body) and _squash(p["text"])[-20:] in body, p["number"]
    wb = openpyxl.load_workbook(book)
    assert wb._fonts[0].name == "Arial" and wb._fonts[0].sz == 10  # the base font: the unit of the widths
