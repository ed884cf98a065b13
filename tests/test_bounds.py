"""Hostile files through the real command line, each in a subprocess under a 1 GB address-space
limit: the answer is one line and exit 2 (or the right result), within 10 s of CPU and 500 MB, with no
traceback, the existing output untouched and no temporary file left behind."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from . import hostile_files as H

MEMORY = 2**30  # RLIMIT_AS of the child: a run that needs more fails instead of swapping
PEAK = 500 * 2**20
SECONDS = 10.0


def run_bounded(args: list[str], cwd: Path, env: dict | None = None) -> tuple[int, str, str, float, int]:
    """(exit code, stdout, stderr, CPU seconds, peak resident bytes) of ``rectdiff args``. CPU
    time, not wall time: seven engineers share two cores, and a loaded machine is no slower file."""
    out, err = cwd / ".stdout", cwd / ".stderr"

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    start = time.monotonic()
    with open(out, "wb") as o, open(err, "wb") as e:
        proc = subprocess.Popen([sys.executable, "-m", "rectdiff", *args], stdout=o, stderr=e, cwd=cwd,
                                preexec_fn=limit, env={**os.environ, **(env or {})})  # fmt: skip
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > 3 * SECONDS:
                proc.kill()
                proc.wait()
                pytest.fail(f"rectdiff {' '.join(args)}: still running after {3 * SECONDS:.0f} s")
            time.sleep(0.02)
    proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped: tell Popen
    seconds = usage.ru_utime + usage.ru_stime
    texts = out.read_text(encoding="utf-8", errors="replace"), err.read_text(encoding="utf-8", errors="replace")
    out.unlink()
    err.unlink()
    return proc.returncode, *texts, seconds, usage.ru_maxrss * 1024


#: name -> (maker, file name, the refusal's words, or None when the file must be read)
REFUSED = {
    "xlsx merged A1:XFD1048576 over two far cells": (H.xlsx_far_merge, "x.xlsx", "合并单元格展开后的单元格超过"),
    "xlsx zip bomb": (lambda p: H.xlsx_bomb(p, 64), "x.xlsx", "压缩炸弹"),
    "docx zip bomb": (lambda p: H.docx_bomb(p, 64), "x.docx", "压缩炸弹"),
    "docx 3 M empty paragraphs": (H.docx_empty_paragraphs, "x.docx", "压缩炸弹"),
    "docx 1 M paragraphs": (H.docx_many_paragraphs, "x.docx", "压缩炸弹"),
    "docx 300 k varied paragraphs": (lambda p: H.docx_from_body(p, "".join(
        H._p(f"整改第{i}项{i * 7919 % 100003}") for i in range(300_000))), "x.docx", "文档标记元素超过"),
    "docx text run of 3.6 M characters": (H.docx_long_run, "x.docx", "字符超过 1,000,000 的上限(至少 3,600,000)"),
    "docx attribute of 11 M letters": (H.docx_long_attribute, "x.docx", "字符超过 1,000,000 的上限(至少 11,000,015)"),
    "docx nested 300 deep": (H.docx_deep, "x.docx", "标记嵌套层数超过 256 的上限(至少 257)"),
    "pdf flate bomb": (lambda p: H.pdf_flate_bomb(p, 100), "x.pdf", "PDF 压缩炸弹"),
    "html 1 MB grid of 50x50 spans": (H.html_span_grid, "x.html", "表格单元格(合并单元格展开后)超过"),
    "html row of 3,000,000 cells": (H.html_many_cells, "x.html", "文档标记元素超过 1,000,000 的上限(至少 3,000,0"),
    "html page of 4 MB": (lambda p: H.html_page(p, 4), "x.html", "字符超过"),
    "html page of 49.9 MB": (lambda p: H.html_page(p, 49.9), "x.html", "段落超过"),
    "fifo": (H.fifo, "x.txt", "是命名管道(FIFO),不是普通文件"),
    "pdf of 100,000 pages": (H.pdf_pages, "x.pdf", "页超过 3,000 的上限(至少 3,001)"),
    "pdf of 100,000 pages whose page tree states 1": (lambda p: H.pdf_pages(p, stated=1), "x.pdf",
                                                       "页超过 3,000 的上限(至少 3,001)"),
    "pdf page of 200,000 glyphs": (H.pdf_dense_page, "x.pdf", "PDF 一页文字层的字符超过 100,000 的上限"),
    "pdf page of 2,000,000 line segments": (lambda p: H.pdf_pages(p, 1, b"0 0 m " + b"1 1 l " * 2_000_000 + b"S"),
                                            "x.pdf", "PDF 一页内容流的对象(绘图指令及其参数)超过 1,000,000 的上限"),
    "pdf with an invalid MediaBox": (lambda p: H.pdf_pages(p, 1, media_box=b"[0 0 1e300 1e300]"), "x.pdf",
                                     "不是可读的 PDF"),
    "csv ledger and a cell 200,000 columns right": (H.csv_far_cell, "x.csv", "表格单元格(行×列)超过"),
    "csv of 20,000,000 empty lines": (H.csv_empty_lines, "x.csv", "表格行(含空行)超过 1,000,000 的上限(至少 1,000,001)"),
    "csv of 2,000,000 commas": (H.csv_commas, "x.csv", "表格单元格超过"),
}  # fmt: skip
#: name -> (maker, file name, a text the parsed items must hold)
READ = {
    "xlsx one cell at XFD1048576": (H.xlsx_far_cell, "x.xlsx", "清理台账3本"),
    "docx gridSpan=100000000": (H.docx_grid_span, "x.docx", "针对组织生活不规范问题"),
    "docx vMerge over 1,200 rows": (H.docx_vmerge, "x.docx", "针对组织生活不规范问题"),
    "docx styles based on each other": (H.docx_style_loop, "x.docx", "针对组织生活不规范问题"),
    "docx table in a table cell": (H.docx_nested_table, "x.docx", "内嵌表格的整改措施"),
    "html 10 k nested tables": (H.html_nested_tables, "x.html", "针对组织生活不规范问题"),
    "html page of 1 MB": (lambda p: H.html_page(p, 1), "x.html", "针对组织生活不规范问题"),
    "txt runs of 20,000 digits and numerals": (H.txt_number_runs, "x.txt", "针对资产台账不清问题"),
    "csv cell of 200,000 characters": (H.csv_long_cell, "x.csv", "并逐项核对并逐项核对"),
}  # fmt: skip


def _assert_bounded(code, out, err, seconds, peak, folder: Path):
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert seconds <= SECONDS, f"{seconds:.1f} s"
    assert peak <= PEAK, f"{peak / 2**20:.0f} MB"
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("name", list(REFUSED))
def test_refused_in_one_line_within_budget(tmp_path, name):
    make, file_name, words = REFUSED[name]
    path = make(tmp_path / file_name)
    keep = tmp_path / "items.xlsx"
    keep.write_bytes(b"an earlier output")
    code, out, err, seconds, peak = run_bounded(["parse", str(path), "-o", str(keep)], tmp_path)
    assert code == 2 and err.count("\n") == 1 and err.startswith("rectdiff: 错误: ") and words in err, err
    assert keep.read_bytes() == b"an earlier output"
    _assert_bounded(code, out, err, seconds, peak, tmp_path)


@pytest.mark.parametrize("name", list(READ))
def test_read_within_budget(tmp_path, name):
    make, file_name, words = READ[name]
    path = make(tmp_path / file_name)
    code, out, err, seconds, peak = run_bounded(["parse", str(path), "-o", "-"], tmp_path)
    assert code == 0, err
    texts = json.dumps(json.loads(out)["items"], ensure_ascii=False)
    assert words in texts
    _assert_bounded(code, out, err, seconds, peak, tmp_path)


def test_an_over_budget_text_run_is_refused_in_english_with_lang_en(tmp_path):
    """A .docx text run over lxml's 10 MB was called a corrupt file; it is over the character
    budget, said in the language asked for."""
    path = H.docx_long_run(tmp_path / "x.docx")
    code, out, err, seconds, peak = run_bounded(["--lang", "en", "parse", str(path)], tmp_path)
    assert (code, err) == (2, f"rectdiff: error: {path}: more than 1,000,000 characters (at least 3,600,000); "
                              "split the file or check where it came from\n")  # fmt: skip
    _assert_bounded(code, out, err, seconds, peak, tmp_path)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_refused_by_type(tmp_path, device):
    if not os.path.exists(device):
        pytest.skip(f"{device} does not exist here")
    code, out, err, seconds, peak = run_bounded(["parse", device], tmp_path)
    assert code == 2 and err == f"rectdiff: 错误: {device}: 是设备文件,不是普通文件,不予读取;请给出报告文件\n"
    _assert_bounded(code, out, err, seconds, peak, tmp_path)


def test_wall_time_budget_per_file(tmp_path):
    """RECTDIFF_MAX_SECONDS bounds reading and parsing one file: a refusal naming the budget."""
    path = H.html_page(tmp_path / "x.html", 1)
    code, out, err, seconds, peak = run_bounded(["parse", str(path)], tmp_path, env={"RECTDIFF_MAX_SECONDS": "0.2"})
    assert code == 2 and err.count("\n") == 1 and "读取和解析超过 0.2 秒的时间上限,已停止" in err, err
    _assert_bounded(code, out, err, seconds, peak, tmp_path)


def test_a_notes_workbook_with_a_stray_cell_far_out_on_every_sheet(tmp_path):
    """--notes streams the earlier workbook as a report's workbook is read: a cell at XFD1048576
    on each sheet costs one cell each (a million empty rows of 16,384 columns a sheet before:
    over a minute); its note is carried."""
    from openpyxl import load_workbook

    from .conftest import V1, V2

    first = tmp_path / "first.xlsx"
    code, *_rest = run_bounded(["compare", str(V1), str(V2), "-o", str(first), "-q"], tmp_path)
    book = load_workbook(first)
    ws = book["事项对照"]
    header = [c.value for c in ws[1]]
    next(r for r in ws.iter_rows(min_row=2) if r[header.index("新标题")].value == "老旧小区改造进度偏慢")[
        header.index("复核意见")
    ].value = "倒退原因待核实"
    for sheet in book.worksheets:
        sheet["XFD1048576"] = "远处的单元格"
    book.save(first)
    args = ["compare", str(V1), str(V2), "--notes", str(first), "--json", "-", "-q"]
    code, out, err, seconds, peak = run_bounded(args, tmp_path)
    assert code == 0, err
    notes = [n["text"] for item in json.loads(out)["items"] for n in item["notes"]]
    assert notes == ["倒退原因待核实"]
    _assert_bounded(code, out, err, seconds, peak, tmp_path)


@pytest.mark.parametrize("value", ["nan", "inf", "1e308"])
def test_a_time_budget_that_is_no_finite_number_leaves_the_default(monkeypatch, value):
    """RECTDIFF_MAX_SECONDS=nan / inf / 1e308 gave a traceback (setitimer refuses them); a
    value that is not finite leaves the default, a huge one is a million seconds."""
    import rectdiff
    from rectdiff.read.limits import MAX_SECONDS, time_budget

    from .conftest import V1

    monkeypatch.setenv("RECTDIFF_MAX_SECONDS", value)
    assert time_budget() == (1e6 if value == "1e308" else MAX_SECONDS)
    assert rectdiff.parse(V1).meta.items > 20
