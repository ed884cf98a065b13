"""A folder of many units: series found and written, a lone report listed, an unreadable file
and a second copy of a version set aside with their reasons, the same result with one process
or two, and the exit codes."""

from __future__ import annotations

import io
import pickle
import shutil
import subprocess
import sys

import pandas as pd
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from rectdiff import parse as rectdiff_parse
from rectdiff.cli import cli, main

from .conftest import EXAMPLES, ROOT, V1, V2, V3, V4


@pytest.fixture()
def folder(tmp_path):
    """Two units: 青禾区 in four versions (one in a sub-folder), the audit ledger twice (and the
    same first version again as HTML); 白沙县 in one version; a file that is no report."""
    root = tmp_path / "reports"
    (root / "2025").mkdir(parents=True)
    for path in (V1, V2, V3):
        shutil.copy(path, root)
    shutil.copy(V4, root / "2025")
    for name in ("ledger_1_2024-03.docx", "ledger_2_2024-09.xlsx", "ledger_1_2024-03.html"):
        shutil.copy(EXAMPLES / name, root)
    lone = V1.read_text(encoding="utf-8").replace("青禾区", "白沙县").replace("第五轮", "第三轮")
    (root / "baisha_2023-06.txt").write_text(lone, encoding="utf-8")
    (root / "broken.pdf").write_bytes(b"%PDF-1.4 this is not a real pdf")
    (root / "notes.md").write_text("not a report suffix: never read", encoding="utf-8")
    return root


def summary_rows(path, sheet):
    """The table's rows: up to its first blank row (汇总's 需要关注 block stands below it)."""
    ws = load_workbook(path)[sheet]
    rows = []
    for r in ws.iter_rows(min_row=2, values_only=True):
        if all(v is None for v in r):
            break
        rows.append(r)
    return rows


def test_batch_writes_one_workbook_per_series_and_a_summary(folder, tmp_path):
    out = tmp_path / "out"
    done = CliRunner().invoke(cli, ["batch", str(folder), "-o", str(out), "--jobs", "1"])
    assert done.exit_code == 0, done.output
    assert sorted(p.name for p in out.iterdir()) == ["中共青禾区委员会_市委第五轮巡视.xlsx", "汇总.xlsx",
                                                     "青禾区审计局_2023年度.xlsx"]  # fmt: skip
    assert load_workbook(out / "中共青禾区委员会_市委第五轮巡视.xlsx").sheetnames[1:3] == ["疑点清单", "时间线"]
    assert load_workbook(out / "青禾区审计局_2023年度.xlsx").sheetnames[1:3] == ["疑点清单", "事项对照"]
    rows = {r[0]: r for r in summary_rows(out / "汇总.xlsx", "汇总")}
    assert set(rows) == {"中共青禾区委员会", "青禾区审计局", "中共白沙县委员会"}
    qinghe = rows["中共青禾区委员会"]
    assert qinghe[1:3] == ("市委第五轮巡视", 4) and qinghe[4] == "中共青禾区委员会_市委第五轮巡视.xlsx"
    assert qinghe[7:9] == (1, 1)  # one step back, one item stuck
    assert rows["中共白沙县委员会"][2] == 1 and rows["中共白沙县委员会"][4] == "仅一版,未比对"
    link = load_workbook(out / "汇总.xlsx")["汇总"]["E2"]
    assert link.hyperlink.target.endswith(".xlsx")
    left = {r[0].split("/")[-1]: r[1] for r in summary_rows(out / "汇总.xlsx", "错误")}
    assert set(left) == {"broken.pdf"} and left["broken.pdf"].startswith("未能读取:")
    copies = {r[0].split("/")[-1]: r[1] for r in summary_rows(out / "汇总.xlsx", "重复文件")}  # information, not errors
    assert set(copies) == {"ledger_1_2024-03.html"} and "ledger_1_2024-03.docx" in copies["ledger_1_2024-03.html"]
    assert "[错误]" in done.output and "broken.pdf" in done.output
    assert (
        "[提示]" in done.output and "[错误] " + str(folder) not in done.output.split("ledger_1_2024-03.html")[0][-80:]
    )


def test_two_processes_write_what_one_writes(folder, tmp_path):
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        done = CliRunner().invoke(cli, ["batch", str(folder), "-o", str(out), "--jobs", jobs, "-q"])
        assert done.exit_code == 0, done.output
        outputs.append({p.name: [summary_rows(p, ws) for ws in load_workbook(p).sheetnames] for p in out.iterdir()})
    assert outputs[0] == outputs[1]


def test_a_manifest_says_which_files_form_a_series(folder, tmp_path):
    manifest = folder / "series.csv"
    manifest.write_text("file,series\nqinghe_1_2023-06.txt,early\nqinghe_2_2023-12.txt,early\n", encoding="utf-8")
    out = tmp_path / "out"
    done = CliRunner().invoke(cli, ["batch", str(folder), "-o", str(out), "--group-by", str(manifest), "-q"])
    assert done.exit_code == 0, done.output
    rows = {(r[0], r[1]): r for r in summary_rows(out / "汇总.xlsx", "汇总")}
    assert rows[("中共青禾区委员会", "early")][2] == 2 and rows[("中共青禾区委员会", "市委第五轮巡视")][2] == 2
    assert (out / "early.xlsx").exists()
    assert "series.csv" not in str(summary_rows(out / "汇总.xlsx", "错误"))  # the manifest is no report


def test_a_manifest_saved_by_excel_in_china_or_short_of_a_cell(tmp_path, capsys):
    """A manifest in GB18030 (as Excel saves a CSV in China) names its series; a row with no
    series cell leaves that file to its metadata; a manifest that is no text is one line, exit 2."""
    root = tmp_path / "reports"
    root.mkdir()
    for path in (V1, V2, V3):
        shutil.copy(path, root)
    manifest = root / "series.csv"
    manifest.write_bytes(f"file,series\n{V1.name},早期\n{V2.name},早期\n{V3.name}\n".encode("gb18030"))
    out = tmp_path / "out"
    done = CliRunner().invoke(cli, ["batch", str(root), "-o", str(out), "--group-by", str(manifest), "-q"])
    assert done.exit_code == 0, done.output
    rows = {(r[0], r[1]): r[2] for r in summary_rows(out / "汇总.xlsx", "汇总")}
    assert rows == {("中共青禾区委员会", "早期"): 2, ("中共青禾区委员会", "市委第五轮巡视"): 1}
    manifest.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(SystemExit) as done:
        main(["batch", str(root), "-o", str(out), "--group-by", str(manifest)])
    assert done.value.code == 2 and capsys.readouterr().err == (
        f"rectdiff: 错误: --group-by {manifest}: 无法读取该 CSV(不是 UTF-8 或 GB18030 编码的文本);"
        "请另存为 UTF-8 编码、含 file,series 两列的 CSV\n"
    )


def test_exit_codes_as_a_process(folder, tmp_path):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "rectdiff", "batch", *args], capture_output=True, text=True,
                              cwd=ROOT, timeout=300)  # fmt: skip

    done = run(str(folder), "-o", str(tmp_path / "a"), "--exit-code", "-q")
    assert done.returncode == 1 and done.stderr == ""  # changes found; one unreadable file is no failure
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.txt").write_text("hello", encoding="utf-8")
    done = run(str(bad), "-o", str(tmp_path / "b"))
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "1 个文件都未能读取" in done.stderr
    assert not (tmp_path / "b").exists()
    done = run(str(tmp_path / "missing"), "-o", str(tmp_path / "c"))
    assert done.returncode == 2 and done.stderr.startswith("rectdiff: 错误: ")


def test_the_library_call_returns_what_it_wrote(folder, tmp_path):
    import rectdiff

    seen = []
    result = rectdiff.batch(str(folder), str(tmp_path / "out"), jobs=1, progress=lambda *step: seen.append(step))
    by_unit = {s.unit: s for s in result.series}
    qinghe = by_unit["中共青禾区委员会"]
    assert [p.split("/")[-1] for p in qinghe.sources] == [V1.name, V2.name, V3.name, V4.name]
    assert (qinghe.regressions, qinghe.stuck, qinghe.has_changes) == (1, 1, True)
    assert by_unit["中共白沙县委员会"].output == "" and result.has_changes
    assert sorted(kind for _f, kind, _d in result.errors) == ["duplicate", "unreadable"]
    assert seen[-1] == ("write", 3, 3) and ("read", 9, 9) in seen


def test_two_processes_find_the_doubts_one_finds(folder, tmp_path):
    """白沙县 gets a second version, a copy of 青禾区's latest (so a change workbook of two): the
    wording they share needs every series' latest version, which workers send back as paragraphs."""
    import rectdiff

    copy = V4.read_text(encoding="utf-8").replace("青禾区", "白沙县").replace("第五轮", "第三轮")
    (folder / "baisha_2025-06.txt").write_text(copy, encoding="utf-8")
    one, two = (rectdiff.batch(str(folder), str(tmp_path / f"out{j}"), jobs=j) for j in (1, 2))
    assert (two.series, two.errors, two.doubts) == (one.series, one.errors, one.doubts)
    across = [d for d in two.doubts if d.kind == "same_wording" and len({p.unit for p in d.places}) > 1]
    assert across and {p.unit for d in across for p in d.places} == {"中共青禾区委员会", "中共白沙县委员会"}
    books = [load_workbook(tmp_path / f"out{j}" / "汇总.xlsx") for j in (1, 2)]
    assert books[0].sheetnames == books[1].sheetnames == ["汇总", "疑点清单", "错误", "重复文件"]
    for name in books[0].sheetnames:
        assert _cells(books[0][name]) == _cells(books[1][name])


def _cells(ws) -> list[list[tuple]]:
    """Each cell's value and link target."""
    return [[(c.value, c.hyperlink.target if c.hyperlink else None) for c in row] for row in ws.iter_rows()]


class _Types(pickle.Pickler):
    """Notes the type of every object pickled."""

    def __init__(self, file):
        super().__init__(file)
        self.seen = set()

    def reducer_override(self, obj):
        self.seen.add(type(obj))
        return NotImplemented


def _pickled(value) -> tuple[int, set]:
    buffer = io.BytesIO()
    pickler = _Types(buffer)
    pickler.dump(value)
    return len(buffer.getvalue()), pickler.seen


def test_a_worker_sends_back_a_small_summary_never_a_report(tmp_path):
    from rectdiff.batching.group import GroupTask, run_group, scan_file
    from rectdiff.model import Comparison, Report, Series
    from rectdiff.render.batch_book import BatchWriter

    heavy = {Report, Comparison, Series, pd.DataFrame, pd.Series}
    key = scan_file(str(V1))
    size, types = _pickled(key)
    assert key.series == ("中共青禾区委员会", "市委第五轮巡视") and key.reason == "" and size < 600
    assert not types & heavy
    task = GroupTask(tuple(str(p) for p in (V1, V2, V3, V4)), key.series, str(tmp_path / "q.xlsx"), BatchWriter())
    done = run_group(task)
    assert load_workbook(tmp_path / "q.xlsx").sheetnames[1:3] == ["疑点清单", "时间线"]
    assert done.series.output == "q.xlsx" and (done.series.regressions, done.series.stuck) == (1, 1)
    assert done.wording and {p.version for p in done.wording} == {V4.name}  # the latest version's paragraphs
    size, types = _pickled(done)
    assert not types & heavy
    assert size < _pickled(rectdiff_parse(V4))[0] / 4  # a summary, far smaller than the one report it read last


def test_a_series_goes_to_the_worker_that_read_most_of_its_files():
    from rectdiff.batching.group import GroupTask
    from rectdiff.batching.pool import preferred

    tasks = [GroupTask(paths, ("", ""), "", None) for paths in (("a", "b", "c"), ("d",), ("e", "f"), ("x",))]
    holder = {"a": 1, "b": 1, "c": 0, "d": 0, "e": 0, "f": 1}
    assert [list(q) for q in preferred(tasks, holder, 2)] == [[1, 2], [0, 3]]  # e/f tie: the first named


def test_a_file_that_cannot_be_read_again_costs_only_itself(tmp_path):
    """A worker reads again the files another worker read; one gone meanwhile is listed, the rest compared."""
    from rectdiff.batching.group import GroupTask, run_group
    from rectdiff.render.batch_book import BatchWriter

    gone = str(tmp_path / "gone_2024-01.txt")
    task = GroupTask(
        (str(V1), gone, str(V2)), ("中共青禾区委员会", "市委第五轮巡视"), str(tmp_path / "q.xlsx"), BatchWriter()
    )
    done = run_group(task)
    assert [path for path, _reason in done.unreadable] == [gone]
    assert [p.split("/")[-1] for p in done.series.sources] == [V1.name, V2.name]
    assert load_workbook(tmp_path / "q.xlsx").sheetnames[1:3] == ["疑点清单", "事项对照"]


def test_a_batch_ranks_its_series_and_sums_their_marks():
    """``BatchResult.ranked`` is 汇总's order (steps back, then 逾期, 停滞, failed checks, worst first;
    then unit); ``attention`` sums each mark over the series and holds the ranked positions of
    the series that have it."""
    from rectdiff.model import BATCH_MARKS, BatchResult, BatchSeries

    def one(unit, regressions=0, stuck=0, failed=0, overdue=0):
        return BatchSeries(unit, "", ("a.txt", "b.txt"), f"{unit}.xlsx", 3, ("1/3", "2/3"), regressions, stuck,
                           failed, True, overdue=overdue)  # fmt: skip

    result = BatchResult((one("丙", stuck=2), one("乙", overdue=1, failed=3), one("甲", regressions=1), one("丁")),
                         (), "汇总.xlsx")  # fmt: skip
    assert [s.unit for s in result.ranked] == ["甲", "乙", "丙", "丁"]
    found = {f.key: (f.count, f.table, f.rows) for f in result.attention}
    assert list(found) == list(BATCH_MARKS)
    assert found == {"regressions": (1, "series", (0,)), "stuck": (2, "series", (2,)),
                     "overdue": (1, "series", (1,)), "failed_checks": (3, "series", (1,))}  # fmt: skip
