"""Reviewer notes carried from one round to the next: written in a workbook's 复核意见 column,
read back with --notes, matched to their item through renumbering and a gap, never lost."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

import rectdiff
from rectdiff.cli import cli
from rectdiff.render.timeline import write_series_xlsx
from rectdiff.render.workbook import write_comparison_xlsx

from .conftest import V1, V2, V3, V4

NOTES = {
    "老旧小区改造进度偏慢": "倒退原因待核实",
    "督查检查考核过多过频": "为何删除?",
    "重大项目建设推进缓慢": "跟踪开工数",
}


def annotate(path, sheet="事项对照", heading="新标题", old_heading="旧标题", review="复核意见", check="核对",
             message="说明"):  # fmt: skip
    """Write reviewer notes into a workbook as a reviewer would: by hand, in the review column."""
    book = load_workbook(path)
    ws = book[sheet]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        title = row[header.index(heading)].value or row[header.index(old_heading)].value
        if title in NOTES:
            row[header.index(review)].value = NOTES[title]
    ws = book[check]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if str(row[header.index(message)].value).startswith("立行立改问题:所述3项"):
            row[header.index(review)].value = "已电话核实"
    book.save(path)


def carried(path, sheet, key):
    """{row's key column: carried note} of one sheet."""
    ws = load_workbook(path)[sheet]
    header = [c.value for c in ws[1]]
    if "沿用复核意见" not in header:
        return {}
    return {r[header.index(key)]: r[header.index("沿用复核意见")]
            for r in ws.iter_rows(min_row=2, values_only=True) if r[header.index("沿用复核意见")]}  # fmt: skip


@pytest.fixture()
def first_round(tmp_path):
    path = tmp_path / "v1-v2.xlsx"
    write_comparison_xlsx(rectdiff.compare(V1, V2), str(path))
    annotate(path)
    return path


def test_notes_follow_their_items_through_three_rounds(first_round, tmp_path):
    second = tmp_path / "v2-v3.xlsx"
    third = tmp_path / "v3-v4.xlsx"
    runner = CliRunner()
    done = runner.invoke(cli, ["compare", str(V2), str(V3), "--notes", str(first_round), "-o", str(second), "-q"])
    assert done.exit_code == 0, done.output
    mark = f"(沿用 {_date(first_round)} v1-v2.xlsx)"
    notes = carried(second, "事项对照", "新标题")
    assert notes == {"老旧小区改造进度偏慢": f"倒退原因待核实 {mark}", "重大项目建设推进缓慢": f"跟踪开工数 {mark}"}
    assert carried(second, "核对", "说明")["立行立改问题:所述3项,列出2项"] == f"已电话核实 {mark}"
    # the removed item's note is not lost: it stands on 核对 as a finding of its own
    orphan = next(m for m in carried(second, "核对", "说明") if m.startswith("复核意见无法沿用"))
    assert "督查检查考核过多过频:为何删除?" in orphan and "事项对照!" in orphan

    done = runner.invoke(cli, ["compare", str(V3), str(V4), "--notes", str(second), "-o", str(third), "-q"])
    assert done.exit_code == 0, done.output
    notes = carried(third, "事项对照", "新标题")
    # the first round's notes keep their first mark; the removed item came back, and so did its note
    assert notes == {"老旧小区改造进度偏慢": f"倒退原因待核实 {mark}", "重大项目建设推进缓慢": f"跟踪开工数 {mark}",
                     "督查检查考核过多过频": f"为何删除? {mark}"}  # fmt: skip
    # the check the phone call answered no longer fires: its note is listed, not dropped
    checks = [r[3] for r in load_workbook(third)["核对"].iter_rows(min_row=2, values_only=True)]
    assert any(str(m).startswith("复核意见无法沿用") and "已电话核实" in m for m in checks)


def test_notes_on_a_series_timeline(first_round, tmp_path):
    result = rectdiff.series([V1, V2, V3, V4], notes=str(first_round))
    path = tmp_path / "timeline.xlsx"
    write_series_xlsx(result, str(path))
    notes = carried(path, "时间线", "标题")
    assert set(notes) == set(NOTES) and notes["督查检查考核过多过频"].startswith("为何删除? (沿用")
    # a timeline's own notes are read back by the next run (one id per version in one cell)
    book = load_workbook(path)
    ws = book["时间线"]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[header.index("标题")].value == "重大项目建设推进缓慢":
            row[header.index("复核意见")].value = "已督办"
    book.save(path)
    again = rectdiff.series([V2, V3, V4], notes=str(path))
    texts = {n.text for notes in again.notes.values() for n in notes}
    assert texts == {"倒退原因待核实", "为何删除?", "跟踪开工数", "已督办"}


def test_english_workbooks_carry_notes_too(tmp_path):
    path = tmp_path / "en.xlsx"
    write_comparison_xlsx(rectdiff.compare(V1, V2), str(path), lang="en")
    annotate(path, "Items", "New heading", "Old heading", "Reviewer note", "Checks", "Finding")
    result = rectdiff.compare(V2, V3, notes=str(path))
    noted = {result.pairs.iloc[i]["new_heading"]: [n.text for n in notes] for i, notes in result.notes.items()}
    assert noted == {"老旧小区改造进度偏慢": ["倒退原因待核实"], "重大项目建设推进缓慢": ["跟踪开工数"]}


def test_a_note_is_matched_by_its_heading_when_the_ids_changed(first_round):
    """V3 renumbers 老旧小区 (4. → 5.): the note still lands on it, by heading and alignment."""
    result = rectdiff.compare(V3, V4, notes=str(first_round))
    for i, notes in result.notes.items():
        pair = result.pairs.iloc[i]
        assert pair["new_heading"] in NOTES and [n.text for n in notes] == [NOTES[pair["new_heading"]]]
    assert len(result.notes) == 3


@pytest.mark.parametrize("content", [b"not a workbook", b""])
def test_a_notes_file_that_is_no_workbook_is_one_line_of_error(tmp_path, content):
    bad = tmp_path / "notes.xlsx"
    bad.write_bytes(content)
    out = tmp_path / "out.xlsx"
    done = CliRunner().invoke(cli, ["compare", str(V1), str(V2), "--notes", str(bad), "-o", str(out)])
    assert done.exit_code != 0 and not out.exists()


def _date(path) -> str:
    import datetime as dt
    import os

    return dt.date.fromtimestamp(os.path.getmtime(path)).isoformat()


def test_a_notes_workbook_without_notes_says_so(tmp_path):
    """v1-v2.xlsx as written, no note typed: nothing is carried, one line on stderr and an info
    finding on 核对 say so; the exit code is that of a run without --notes."""
    empty = tmp_path / "v1-v2.xlsx"
    write_comparison_xlsx(rectdiff.compare(V1, V2), str(empty))
    out = tmp_path / "v2-v3.xlsx"
    done = CliRunner().invoke(cli, ["compare", str(V2), str(V3), "--notes", str(empty), "-o", str(out), "-q"])
    assert done.exit_code == 0
    assert done.stderr.splitlines() == ["复核意见文件中没有意见:v1-v2.xlsx"]
    rows = list(load_workbook(out)["核对"].iter_rows(min_row=2, values_only=True))
    assert [r[:5] for r in rows if "复核意见文件中没有意见" in str(r)] == [
        ("提示", "两版之间", "复核意见文件中没有意见", "复核意见文件中没有意见:v1-v2.xlsx", "v1-v2.xlsx")
    ]
    assert "沿用复核意见" not in [c.value for c in load_workbook(out)["事项对照"][1]]
    done = CliRunner().invoke(cli, ["compare", str(V2), str(V3), "--notes", str(empty), "--lang", "en", "--exit-code"])
    assert done.exit_code == 1 and "no reviewer notes in the notes file: v1-v2.xlsx" in done.stderr.splitlines()
    result = rectdiff.compare(V2, V3, notes=[str(empty)])
    assert result.notes == {} and result.check_notes == {}
    found = [(c.check, c.severity, c.message) for c in result.check_rows if c.check == "notes_empty"]
    assert found == [("notes_empty", "info", "复核意见文件中没有意见:v1-v2.xlsx")]
    timeline = rectdiff.series([V1, V2, V3], notes=str(empty))
    assert [(c.scope, c.message_en) for c in timeline.check_rows if c.check == "notes_empty"] == [
        ("V3", "no reviewer notes in the notes file: v1-v2.xlsx")
    ]


def test_the_result_carries_the_cells_the_workbook_shows(first_round):
    """The 沿用 cell and the archive rows are built by the notes stage, once, in both languages:
    the renderer writes them as given (a key per note, unique across rows and checks)."""
    result = rectdiff.compare(V2, V3, notes=str(first_round))
    assert set(result.note_cells) == set(result.notes) and set(result.check_note_cells) == set(result.check_notes)
    mark = f"{_date(first_round)} v1-v2.xlsx"
    for i, notes in result.notes.items():
        cell = result.note_cells[i]
        assert cell.shown() == "\n".join(f"{n.text} (沿用 {mark})" for n in notes)
        assert cell.shown("en") == "\n".join(f"{n.text} (carried from {mark})" for n in notes)
        assert [row[1:7] for row in cell.archive] == [(" | ".join(n.ids), n.heading, n.check, mark, n.where, n.text)
                                                      for n in notes]  # fmt: skip
    cells = [*result.note_cells.values(), *result.check_note_cells.values()]
    keys = [key for cell in cells for key in cell.keys.split()]
    assert len(keys) == len(set(keys)) == sum(len(n) for n in [*result.notes.values(), *result.check_notes.values()])


def _follow_up(path, doubts: dict[str, str]):
    """Type 核实情况 on 疑点清单 rows, by the words a row quotes (its first characters)."""
    book = load_workbook(path)
    ws = book["疑点清单"]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        words = str(row[header.index("原文")].value or "")
        for start, note in doubts.items():
            if words.startswith(start):
                row[header.index("核实情况")].value = note
    book.save(path)


def test_follow_up_on_a_doubt_is_carried_to_the_same_doubt(tmp_path):
    """核实情况 typed on two doubts of V1→V2: a run on the same versions puts each back on its
    doubt (沿用 column of 疑点清单); a run where the doubt is gone keeps it as a not-carried finding
    on 核对, and the round after that puts it back when the doubt returns."""
    first = tmp_path / "v1-v2.xlsx"
    write_comparison_xlsx(rectdiff.compare(V1, V2), str(first))
    _follow_up(first, {"培训招商人员": "已核对培训台账", "目前基本完成": "删除经批准"})
    again = rectdiff.compare(V1, V2, notes=str(first))
    on = {again.doubts[i].kind: [n.text for n in notes] for i, notes in again.doubt_notes.items()}
    assert on == {"cumulative_fell": ["已核对培训台账"], "vanished": ["删除经批准"]}
    assert again.notes == {} and again.check_notes == {}
    second = tmp_path / "again.xlsx"
    write_comparison_xlsx(again, str(second))
    ws = load_workbook(second)["疑点清单"]
    header = [c.value for c in ws[1]]
    shown = {r[header.index("疑点类型")]: r[header.index("沿用复核意见")] for r in ws.iter_rows(min_row=2, values_only=True)
             if r[header.index("沿用复核意见")]}  # fmt: skip
    mark = f"{_date(first)} v1-v2.xlsx"
    assert shown == {"累计数回落": f"已核对培训台账 (沿用 {mark})", "事项消失": f"删除经批准 (沿用 {mark})"}

    gone = rectdiff.compare(V2, V3, notes=str(second))  # V2→V3 raises no doubt
    assert gone.doubts == () and gone.doubt_notes == {}
    lost = [c.message for c in gone.check_rows if c.check == "note_not_carried"]
    assert sorted(lost) == sorted(
        [f"复核意见无法沿用(该疑点已不再出现):累计数回落 | 部分街道招商队伍专业化水平不够:已核对培训台账(原在疑点清单!2,{mark})",
         f"复核意见无法沿用(该疑点已不再出现):事项消失 | 督查检查考核过多过频:删除经批准(原在疑点清单!3,{mark})"])  # fmt: skip
    third = tmp_path / "v2-v3.xlsx"
    write_comparison_xlsx(gone, str(third))
    back = rectdiff.compare(V1, V2, notes=str(third))
    on = {back.doubts[i].kind: [(n.text, n.mark) for n in notes] for i, notes in back.doubt_notes.items()}
    assert on == {"cumulative_fell": [("已核对培训台账", mark)], "vanished": [("删除经批准", mark)]}


def test_a_timeline_keeps_its_carried_notes_whole(tmp_path):
    """A note too long for its share of the 沿用 cell is cut there; the timeline's hidden archive
    keeps it whole, so the next series reads back every character."""
    first = tmp_path / "v1-v2.xlsx"
    write_comparison_xlsx(rectdiff.compare(V1, V2), str(first))
    long = "核实台账" + "".join(f"第{i}笔资金去向待查;" for i in range(2400))
    book = load_workbook(first)
    ws = book["事项对照"]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[header.index("新标题")].value in ("老旧小区改造进度偏慢", "重大项目建设推进缓慢"):
            row[header.index("复核意见")].value = long
    book.save(first)
    timeline = tmp_path / "timeline.xlsx"
    write_series_xlsx(rectdiff.series([V1, V2, V3], notes=str(first)), str(timeline))
    assert "复核意见存档" in load_workbook(timeline).sheetnames
    again = rectdiff.series([V2, V3, V4], notes=str(timeline))
    assert sorted(n.text for notes in again.notes.values() for n in notes) == [long, long]


def _doubt_column(path, column: str) -> dict:
    """{疑点类型: the cell of ``column``} of 疑点清单, for its rows that have one."""
    ws = load_workbook(path)["疑点清单"]
    header = [c.value for c in ws[1]]
    if column not in header:
        return {}
    return {r[header.index("疑点类型")]: r[header.index(column)] for r in ws.iter_rows(min_row=2, values_only=True)
            if r[header.index(column)]}  # fmt: skip


@pytest.mark.parametrize("command, versions", [("compare", [V1, V2]), ("series", [V1, V2, V3])])
def test_a_follow_up_on_a_doubt_is_in_the_json_too(tmp_path, command, versions):
    """核实情况 typed on 疑点清单 with openpyxl, carried by --notes, run as a real process and
    through CliRunner: the JSON has it on the same doubt (``notes``: text and mark, as an item's),
    the workbook in 沿用复核意见; a run without --notes has no ``notes`` on its doubts."""
    import json
    import subprocess
    import sys

    args = [command, *map(str, versions)]
    first = tmp_path / "first.xlsx"
    plain = tmp_path / "plain.json"
    assert CliRunner().invoke(cli, [*args, "-o", str(first), "--json", str(plain), "-q"]).exit_code == 0
    assert all("notes" not in d for d in json.loads(plain.read_text(encoding="utf-8"))["doubts"])
    _follow_up(first, {"培训招商人员": "已核对培训台账"})
    mark = f"{_date(first)} first.xlsx"
    for way in ("process", "runner"):
        out, data = tmp_path / f"{way}.xlsx", tmp_path / f"{way}.json"
        rest = [*args, "--notes", str(first), "-o", str(out), "--json", str(data), "-q"]
        if way == "process":
            proc = subprocess.run(
                [sys.executable, "-m", "rectdiff", *rest], capture_output=True, text=True, timeout=120
            )
            assert proc.returncode == 0, proc.stderr
        else:
            assert CliRunner().invoke(cli, rest).exit_code == 0
        doubts = json.loads(data.read_text(encoding="utf-8"))["doubts"]
        noted = {d["kind"]: d["notes"] for d in doubts if d["notes"]}
        assert noted == {"cumulative_fell": [{"text": "已核对培训台账", "mark": mark}]}, way
        assert all(d["notes"] == [] for d in doubts if d["kind"] != "cumulative_fell")
        assert _doubt_column(out, "沿用复核意见") == {"累计数回落": f"已核对培训台账 (沿用 {mark})"}, way
        checks = json.loads(data.read_text(encoding="utf-8"))["checks"]
        assert all("notes" not in c for c in checks)  # no note on 核对: no key


def test_a_note_on_a_check_is_in_the_json_too(first_round, tmp_path):
    """A note typed on 核对 and carried by --notes stands on its check in the JSON as an item's does."""
    import json

    data = tmp_path / "again.json"
    run = CliRunner().invoke(cli, ["compare", str(V1), str(V2), "--notes", str(first_round), "--json", str(data)])
    assert run.exit_code == 0, run.output
    checks = json.loads(data.read_text(encoding="utf-8"))["checks"]
    noted = [(c["message"][:11], [n["text"] for n in c["notes"]]) for c in checks if c["notes"]]
    assert noted == [("立行立改问题:所述3项", ["已电话核实"])]


def _edited(source, target, edit):
    """A copy of the workbook ``source`` as a reviewer changed it on 事项对照 (``edit(ws, header)``)."""
    book = load_workbook(source)
    ws = book["事项对照"]
    edit(ws, [c.value for c in ws[1]])
    book.save(target)
    return str(target)


def _append_to_carried(ws, header):
    for row in ws.iter_rows(min_row=2):
        cell = row[header.index("沿用复核意见")]
        if cell.value:
            cell.value += "\n已电话核实,属实"


@pytest.mark.parametrize(
    "edit, added",
    [
        (lambda ws, header: ws.delete_cols(header.index("沿用键") + 1), []),
        (lambda ws, header: ws.cell(row=1, column=header.index("沿用复核意见") + 1, value="上轮意见"), []),
        (_append_to_carried, ["已电话核实,属实"]),
    ],
    ids=["key column deleted", "沿用 header renamed", "text added to the 沿用 cell"],
)  # fmt: skip
def test_a_carried_note_survives_a_reviewer_reshaping_the_sheet(first_round, tmp_path, edit, added):
    """The hidden 沿用键 column deleted or the 沿用复核意见 header renamed: the archived notes no row
    names any more are carried as archived (only emptying a 沿用 cell clears one); what a
    reviewer types into a 沿用 cell beside the carried note is a note of its own."""
    second = tmp_path / "v1-v2 again.xlsx"
    write_comparison_xlsx(rectdiff.compare(V1, V2, notes=str(first_round)), str(second))
    edited = _edited(second, tmp_path / "edited.xlsx", edit)
    result = rectdiff.compare(V1, V2, notes=edited)
    rows = result.pair_rows
    on = {rows[i].new_heading or rows[i].old_heading: [n.text for n in notes] for i, notes in result.notes.items()}
    assert on == {heading: [*added, note] for heading, note in NOTES.items()}
    assert not [c for c in result.check_rows if c.check in ("notes_empty", "note_not_carried")]


def test_a_notes_file_of_another_office_format_says_so(tmp_path, capsys):
    """A .docx (or a LibreOffice .ods) given to --notes is a zip like a workbook: it is named
    as no .xlsx workbook, not as a damaged one."""
    from rectdiff.cli import main

    from .makers import write_docx

    notes = write_docx(tmp_path / "notes.docx")
    with pytest.raises(SystemExit) as done:
        main(["compare", str(V1), str(V2), "--notes", str(notes), "-o", str(tmp_path / "out.xlsx")])
    assert done.value.code == 2 and capsys.readouterr().err == (
        f"rectdiff: 错误: --notes {notes}: 不是 .xlsx 工作簿;请给出上一轮 rectdiff 写出的 .xlsx 文件\n"
    )
