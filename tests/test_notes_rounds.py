"""Every kind of reviewer note through five rounds, through a workbook saved by openpyxl and one
saved by LibreOffice: each note arrives exactly once, whole, on its item or its finding.

Kinds: a multi-line note with brackets, a note of 30,000 characters (a cell full: its carried copy is cut), a note
typed as a formula (=1+1), a note that itself reads like a carried mark, two notes on one item,
a note on a check that stops firing (and comes back), a note on an item that vanishes (and comes
back), a note on an item that is reworded, all from a notes file whose name has brackets."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

import rectdiff
from rectdiff.cli import main

from .conftest import V1, V2, V3, V4

LONG = "核实台账" + "".join(f"第{i}笔资金去向待查;" for i in range(2400))  # 30,000: a full cell
ITEM_NOTES = {
    "老旧小区改造进度偏慢": ["倒退原因待核实\n第二行:见附件(一)【2】\n第三行"],
    "重大项目建设推进缓慢": [LONG],
    "小区物业管理覆盖率不高": ["=1+1"],
    "农贸市场周边占道经营": ["按(沿用 2020-01-01 x (3).xlsx)的口径复核"],
    "督查检查考核过多过频": ["为何删除?"],
    "小区供暖管网漏水": ["管网长度与台账不符"],
}
CHECK = "立行立改问题:所述3项,列出2项"
CHECK_NOTE = "已电话核实(王五)"
SECOND = ("老旧小区改造进度偏慢", "第二条意见:约谈街道")
REWORDED = ("小区供暖管网漏水", "小区供暖管网老化漏水")


def write_notes(path: Path, notes: dict[str, list[str]], check_note: str | None = None):
    """Type notes into the review column as a reviewer would (a leading = becomes a formula)."""
    book = load_workbook(path)
    ws = book["事项对照"]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        title = row[header.index("新标题")].value or row[header.index("旧标题")].value
        if title in notes:
            row[header.index("复核意见")].value = "\n".join(notes[title])
    if check_note:
        ws = book["核对"]
        header = [c.value for c in ws[1]]
        for row in ws.iter_rows(min_row=2):
            if row[header.index("说明")].value == CHECK:
                row[header.index("复核意见")].value = check_note
    book.save(path)


def compare(old, new, notes: Path, out: Path):
    with pytest.raises(SystemExit) as done:
        main(["compare", str(old), str(new), "--notes", str(notes), "-o", str(out), "-q"])
    assert done.value.code == 0


def placed(result) -> dict[str, list[str]]:
    """note text -> where it landed: the heading of its pair, or the message of its check."""
    out: dict[str, list[str]] = {}
    for i, notes in result.notes.items():
        pair = result.pairs.iloc[i]
        for n in notes:
            out.setdefault(n.text, []).append(pair["new_heading"] or pair["old_heading"])
    for i, notes in result.check_notes.items():
        for n in notes:
            out.setdefault(n.text, []).append("核对:" + result.checks.iloc[i]["message"])
    return out


def libreoffice_copy(path: Path, folder: Path) -> Path:
    """``path`` opened and saved again by LibreOffice Calc."""
    if shutil.which("soffice") is None:
        if os.environ.get("CI"):  # .ci/run installs it: on CI its absence is a failure
            pytest.fail("LibreOffice is not installed (.ci/run installs libreoffice-calc)")
        pytest.skip("LibreOffice is not installed (.ci/run installs it)")
    folder.mkdir()
    subprocess.run(["soffice", "--headless", "--convert-to", "xlsx", "--outdir", str(folder), str(path)],
                   capture_output=True, timeout=240, check=True)  # fmt: skip
    return folder / path.name


def test_every_note_arrives_once_whole_and_in_place(tmp_path):
    v4_reworded = tmp_path / "qinghe_4_reworded.txt"
    v4_reworded.write_text(V4.read_text(encoding="utf-8").replace(*REWORDED), encoding="utf-8")
    first = tmp_path / "c12 (2).xlsx"
    main_ok = rectdiff.compare(V1, V2)
    from rectdiff.render.workbook import write_comparison_xlsx

    write_comparison_xlsx(main_ok, str(first))
    write_notes(first, ITEM_NOTES, CHECK_NOTE)

    # round 2 (openpyxl-saved notes): the vanished item's note stands on 核对 as its own finding
    second = tmp_path / "r2.xlsx"
    compare(V2, V3, first, second)
    got = placed(rectdiff.compare(V2, V3, notes=str(first)))
    expected = {text: [heading] for heading, texts in ITEM_NOTES.items() for text in texts}
    expected[CHECK_NOTE] = ["核对:" + CHECK]
    expected["为何删除?"] = [m for m in got["为何删除?"] if m.startswith("核对:复核意见无法沿用")]
    assert got == expected
    write_notes(second, {SECOND[0]: [SECOND[1]]})

    # round 3 (LibreOffice-saved): a second note on one item, a reworded item, the check gone
    third_in = libreoffice_copy(second, tmp_path / "lo")
    third = tmp_path / "r3.xlsx"
    compare(V3, v4_reworded, third_in, third)
    got = placed(rectdiff.compare(V3, v4_reworded, notes=str(third_in)))
    expected = {text: [heading] for heading, texts in ITEM_NOTES.items() for text in texts}
    expected[SECOND[1]] = [SECOND[0]]
    expected[ITEM_NOTES[REWORDED[0]][0]] = [REWORDED[1]]
    assert {k: v for k, v in got.items() if k != CHECK_NOTE} == expected
    assert len(got[CHECK_NOTE]) == 1 and got[CHECK_NOTE][0].startswith("核对:复核意见无法沿用")

    # round 4: the same again from round 3's workbook, nothing lost, nothing doubled
    fourth = tmp_path / "r4.xlsx"
    compare(V3, v4_reworded, third, fourth)
    again = placed(rectdiff.compare(V3, v4_reworded, notes=str(third)))
    assert again == got

    # round 5: the check fires again (V1 -> V2): its note goes back onto it
    back = placed(rectdiff.compare(V1, V2, notes=str(fourth)))
    assert back[CHECK_NOTE] == ["核对:" + CHECK]
    assert back[LONG] == ["重大项目建设推进缓慢"] and back["=1+1"] == ["小区物业管理覆盖率不高"]


def test_a_cleared_carried_cell_clears_its_notes(tmp_path):
    first = tmp_path / "r1.xlsx"
    from rectdiff.render.workbook import write_comparison_xlsx

    write_comparison_xlsx(rectdiff.compare(V1, V2), str(first))
    write_notes(first, {"老旧小区改造进度偏慢": ["甲"], "重大项目建设推进缓慢": ["乙"]})
    second = tmp_path / "r2.xlsx"
    compare(V2, V3, first, second)
    book = load_workbook(second)
    ws = book["事项对照"]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[header.index("新标题")].value == "老旧小区改造进度偏慢":
            row[header.index("沿用复核意见")].value = None
    book.save(second)
    assert set(placed(rectdiff.compare(V2, V3, notes=str(second)))) == {"乙"}


@pytest.mark.parametrize("header", ["复核意见(张三)", " 复核意见 ", "复核意见:"])
def test_renamed_padded_or_titled_header_still_read(tmp_path, header):
    path = tmp_path / "r1.xlsx"
    from rectdiff.render.workbook import write_comparison_xlsx

    write_comparison_xlsx(rectdiff.compare(V1, V2), str(path))
    write_notes(path, {"老旧小区改造进度偏慢": ["甲"]})
    book = load_workbook(path)
    ws = book["事项对照"]
    col = [c.value for c in ws[1]].index("复核意见") + 1
    ws.cell(row=1, column=col).value = header
    ws.insert_rows(1)
    ws.cell(row=1, column=1).value = "青禾区巡视整改比对(复核用)"
    book.save(path)
    assert placed(rectdiff.compare(V2, V3, notes=str(path))) == {"甲": ["老旧小区改造进度偏慢"]}


@pytest.mark.parametrize("kind", ["png", "txt", "no note column", "corrupt sheet"])
def test_a_notes_file_that_cannot_serve_is_one_line(tmp_path, capsys, kind):
    import zipfile

    bad = tmp_path / f"notes.{'png' if kind == 'png' else 'txt' if kind == 'txt' else 'xlsx'}"
    if kind == "png":
        bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    elif kind == "txt":
        bad.write_text("复核意见:无", encoding="utf-8")
    else:
        from openpyxl import Workbook

        book = Workbook()
        book.active.append(["标题", "备注"])
        book.save(bad)
        if kind == "corrupt sheet":
            with zipfile.ZipFile(bad) as z:
                parts = {n: z.read(n) for n in z.namelist()}
            parts["xl/worksheets/sheet1.xml"] = b"<worksheet><sheetData><row"
            with zipfile.ZipFile(bad, "w") as z:
                for n, data in parts.items():
                    z.writestr(n, data)
    out = tmp_path / "out.xlsx"
    with pytest.raises(SystemExit) as done:
        main(["compare", str(V1), str(V2), "--notes", str(bad), "-o", str(out)])
    err = capsys.readouterr().err
    assert done.value.code == 2 and err.count("\n") == 1 and "--notes" in err and "Traceback" not in err
    assert not out.exists()
