"""The timeline of six versions as LibreOffice prints it: one page wide, every version's citation
printed. The six are the four qinghe examples and two later copies of the fourth (dated half a
year apart; the sixth with a paragraph added under its title, so that its passages all move one
down: each item is cited at one place in V1–V5 and at the next in V6)."""

from __future__ import annotations

import openpyxl
import pytest

import rectdiff
from rectdiff.render.timeline import write_series_xlsx

from .conftest import V1, V2, V3, V4
from .test_print import to_pdf

ADDED = "本期通报按季度更新,以下为最新进展。"


@pytest.fixture(scope="module")
def six(tmp_path_factory):
    """The series of six versions and its workbook."""
    folder = tmp_path_factory.mktemp("six")
    fourth = V4.read_text(encoding="utf-8")
    assert fourth.count("发布时间 :2025-06-20") == 1 and fourth.count("2025年6月16日") == 1
    for n, (published, signed) in enumerate((("2025-12-20", "2025年12月16日"), ("2026-06-20", "2026年6月16日")), 5):
        text = fourth.replace("发布时间 :2025-06-20", f"发布时间 :{published}").replace("2025年6月16日", signed)
        if n == 6:
            title = next(line for line in text.split("\n") if line.startswith("青禾区关于"))
            text = text.replace(title, f"{title}\n\n{ADDED}", 1)
        (folder / f"qinghe_{n}.txt").write_text(text, encoding="utf-8")
    series = rectdiff.series([V1, V2, V3, V4, folder / "qinghe_5.txt", folder / "qinghe_6.txt"])
    book = folder / "timeline.xlsx"
    write_series_xlsx(series, str(book))
    return series, book


def test_six_versions_cite_the_newest_and_name_every_earlier_place(six):
    """时间线 with six versions: 出处 names the newest place (linked to V6's 原文) and 此前各版出处 the
    places before it; the six per-version 出处 columns stay, each linked to its version, grouped
    and collapsed."""
    series, book = six
    assert [label.split()[0] for label in series.labels] == ["V1", "V2", "V3", "V4", "V5", "V6"]
    ws = openpyxl.load_workbook(book)["时间线"]
    header = [c.value for c in ws[1]]
    cites, earlier = header.index("出处") + 1, header.index("此前各版出处") + 1
    per_version = [header.index(f"出处\nV{k}") + 1 for k in range(1, 7)]
    letters = [openpyxl.utils.get_column_letter(c) for c in per_version]
    assert all(ws.column_dimensions[x].hidden and ws.column_dimensions[x].outlineLevel == 1 for x in letters)
    row = next(
        r for r in range(2, ws.max_row + 1) if ws.cell(r, header.index("标题") + 1).value == "产业园区招商引资质效不高"
    )
    places = [ws.cell(row, c).value for c in per_version]
    assert places[:5] == [places[0]] * 5 and places[5] != places[0]  # V6: one passage down
    assert ws.cell(row, cites).value == f"V6 {places[5]}" and ws.cell(row, earlier).value == f"V1–V5 {places[0]}"
    links = [ws.cell(row, c).hyperlink.location for c in per_version]
    assert links == [f"'原文 V{k}'!A{int(places[k - 1][1:-1]) + 1}" for k in range(1, 7)]
    assert ws.cell(row, cites).hyperlink.location == links[5]


def test_six_versions_print_one_page_wide(six):
    """Printed by LibreOffice: each page of 时间线 and 指标轨迹 holds the whole width of its table
    (its first column 序号 and its last 复核意见), at 7.5 pt or more, inside the page; every
    version's citation of an item prints."""
    import pdfplumber

    series, book = six
    to_pdf(book)
    with pdfplumber.open(book.with_suffix(".pdf")) as pdf:
        pages = {}
        for page in pdf.pages:
            text = page.extract_text() or ""
            pages.setdefault(text.splitlines()[-1].split()[0], []).append((page, text))
    for sheet in ("时间线", "指标轨迹"):
        assert pages[sheet], sheet
        for page, text in pages[sheet]:
            assert "序号" in text and "复核意见" in text, (sheet, text[:200])
            shown = [
                c for c in page.chars if c["x1"] <= page.width
            ]  # LibreOffice leaves a hidden column's overflow off the page
            assert min(c["size"] for c in shown if c["text"].strip()) >= 7.5, sheet
    printed = "".join(text for _page, text in pages["时间线"]).replace(" ", "")
    assert "V6第11段" in printed and "V1–V5第10段" in printed  # 产业园区招商引资质效不高, both places
