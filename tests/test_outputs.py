"""Inputs are sacred, outputs all or nothing: an output that is an input is refused before any
work, every output is checked before any is written, a signal or a failing disk leaves the old
files and no temporary file, and a batch never reads rectdiff's own workbooks as reports."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EXAMPLES, V1, V2, V3

LEDGER = EXAMPLES / "ledger_2_2024-09.xlsx"


def run(*args, cwd=None, prelude: str = "", env=None) -> subprocess.CompletedProcess:
    """``rectdiff args`` in a subprocess, ``prelude`` (Python) run first in that process."""
    code = f"{prelude}\nfrom rectdiff.cli import main\nmain({[str(a) for a in args]!r})"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=cwd,
                          env={**os.environ, **(env or {})})  # fmt: skip


def _one_line(proc, *words):
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1, proc.stderr
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr
    for word in words:
        assert word in proc.stderr, proc.stderr


def _no_temp(folder: Path):
    assert not [p.name for p in folder.iterdir() if p.name.startswith(".") and ".tmp" in p.name]


@pytest.mark.parametrize("which", ["old", "new", "notes", "hard link", "symlink"])
def test_compare_never_overwrites_an_input(tmp_path, which):
    old, new, notes = tmp_path / "old.xlsx", tmp_path / "new.xlsx", tmp_path / "c12 (2).xlsx"
    shutil.copy(LEDGER, old)
    shutil.copy(LEDGER, new)
    assert run("compare", old, new, "-o", notes, "-q").returncode == 0
    before = {p: p.read_bytes() for p in (old, new, notes)}
    target = {"old": old, "new": new, "notes": notes}.get(which)
    if which == "hard link":
        target = tmp_path / "link.xlsx"
        os.link(notes, target)
    elif which == "symlink":
        target = tmp_path / "sym.json"
        target.symlink_to(new)
    option = "--json" if str(target).endswith(".json") else "-o"
    proc = run("compare", old, new, "--notes", notes, option, target)
    _one_line(proc, "不能覆盖输入")
    assert {p: p.read_bytes() for p in before} == before


def test_parse_and_series_never_overwrite_an_input(tmp_path):
    ledger, csv_file = tmp_path / "ledger.xlsx", tmp_path / "ledger.csv"
    shutil.copy(LEDGER, ledger)
    csv_file.write_text("序号,问题,整改措施,完成情况\n1,台账不清,清理台账3本,已完成\n", encoding="utf-8")
    for report in (ledger, csv_file):
        before = report.read_bytes()
        _one_line(run("parse", report, "-o", report), "不能覆盖输入")
        assert report.read_bytes() == before
    olds = [tmp_path / p.name for p in (V1, V2, V3)]
    for src, dst in zip((V1, V2, V3), olds):
        shutil.copy(src, dst)
    link = tmp_path / "v2.json"
    os.link(olds[1], link)
    _one_line(run("series", *olds, "--json", link), "不能覆盖输入")
    assert olds[1].read_bytes() == V2.read_bytes()


def test_every_output_checked_before_any_is_written(tmp_path):
    keep = tmp_path / "keep.xlsx"
    keep.write_bytes(b"keep me")
    proc = run("compare", V1, V2, "-o", keep, "--json", tmp_path / "missing" / "x.json")
    _one_line(proc, "--json", "不存在")
    assert keep.read_bytes() == b"keep me"
    _no_temp(tmp_path)


def test_read_only_target_refused(tmp_path):
    target = tmp_path / "c.xlsx"
    target.write_bytes(b"read only")
    target.chmod(0o444)
    _one_line(run("compare", V1, V2, "-o", target), "只读")
    assert target.read_bytes() == b"read only"
    en = run("compare", V1, V2, "-o", target, "--lang", "en")
    assert "read-only and is not replaced" in en.stderr


@pytest.mark.parametrize("case", ["-o fifo", "--json fifo", "--json link to /dev/null", "parse csv sibling fifo"])
def test_an_output_that_is_no_regular_file_is_refused_before_any_work(tmp_path, case):
    """A FIFO (or a link to a device) named as an output: the rename into place would replace it
    with a file. Refused in one line before any input is read (the inputs here do not exist)."""
    option, name = ("--json", "out.json") if "--json" in case else ("-o", "out.xlsx")
    target = tmp_path / name
    if "link" in case:
        target.symlink_to("/dev/null")
    else:
        os.mkfifo(tmp_path / ("out_metrics.csv" if "csv" in case else name))
    missing = tmp_path / "missing.txt"
    args = (
        ("parse", missing, "-o", tmp_path / "out.csv")
        if "parse" in case
        else ("compare", missing, missing, option, target)
    )
    proc = run(*args)
    kind = "设备文件" if "link" in case else "命名管道(FIFO)"
    _one_line(proc, f"是{kind},不是普通文件,不予替换")
    assert "missing.txt" not in proc.stderr  # no input was looked at
    assert not [p for p in tmp_path.iterdir() if p.is_file() and not p.is_symlink()]  # the FIFO is still one
    en = run(*args, "--lang", "en")
    assert "not a regular file, and is not replaced" in en.stderr and en.returncode == 2


def test_batch_refuses_a_fifo_in_place_of_a_workbook_before_writing_any(tmp_path):
    """A FIFO named 汇总.xlsx is refused before any file is read; one named as a series' workbook
    before any workbook is written (the folder is left as it was)."""
    out = tmp_path / "out"
    out.mkdir()
    for name in ("汇总.xlsx", "中共青禾区委员会_市委第五轮巡视.xlsx"):
        os.mkfifo(out / name)
        proc = run("batch", EXAMPLES, "-o", out, "--jobs", "2")
        _one_line(proc, "不是普通文件,不予替换", name)
        assert [p.name for p in out.iterdir()] == [name]
        (out / name).unlink()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_signal_while_writing_leaves_no_temp_file(tmp_path, signum):
    target = tmp_path / "c.xlsx"
    target.write_bytes(b"before")
    prelude = f"""
import os, openpyxl
real = openpyxl.Workbook.save
def save(self, fh):
    real(self, fh)
    os.kill(os.getpid(), {int(signum)})
openpyxl.Workbook.save = save
"""
    proc = run("compare", V1, V2, "-o", target, "--json", tmp_path / "c.json", prelude=prelude)
    assert proc.returncode == 128 + signum if signum != signal.SIGINT else proc.returncode == 130
    assert proc.stderr.strip().endswith("已中断") and "Traceback" not in proc.stderr
    assert target.read_bytes() == b"before" and not (tmp_path / "c.json").exists()
    _no_temp(tmp_path)


def test_disk_full_says_disk_full(tmp_path):
    target = tmp_path / "c.xlsx"
    target.write_bytes(b"before")
    prelude = """
import errno, os
import rectdiff.render.output as output
class Full:
    def __init__(self, fh): self.fh = fh
    def __enter__(self): return self
    def __exit__(self, *exc): self.fh.close()
    def write(self, data): raise OSError(errno.ENOSPC, "No space left on device")
real = os.fdopen
output.os.fdopen = lambda *a, **k: Full(real(*a, **k))
"""
    proc = run("compare", V1, V2, "-o", target, prelude=prelude)
    _one_line(proc, "磁盘已满")
    assert target.read_bytes() == b"before"
    _no_temp(tmp_path)


def test_file_size_limit_is_one_line(tmp_path):
    prelude = "import resource\nresource.setrlimit(resource.RLIMIT_FSIZE, (20000, 20000))"
    for args in (["-o", tmp_path / "c.xlsx"], ["--json", tmp_path / "c.json"]):
        proc = run("compare", V1, V2, *args, prelude=prelude)
        _one_line(proc, "ulimit -f")
        _no_temp(tmp_path)
        assert not (tmp_path / "c.xlsx").exists() and not (tmp_path / "c.json").exists()


def test_full_tmpdir_does_not_matter(tmp_path):
    """openpyxl's scratch files go beside the output, never into TMPDIR."""
    proc = run("compare", V1, V2, "-o", tmp_path / "c.xlsx", env={"TMPDIR": "/nonexistent/full"})
    assert proc.returncode == 0, proc.stderr
    _no_temp(tmp_path)


def test_batch_lists_a_hostile_workbook_a_fifo_and_its_own_earlier_output(tmp_path):
    """Good reports, a 2 KB .xlsx claiming every cell of a sheet, a FIFO and a workbook rectdiff
    wrote before: the good series is compared, the other three are one row each on 错误."""
    from openpyxl import load_workbook

    from . import hostile_files as H

    root = tmp_path / "reports"
    root.mkdir()
    for path in (V1, V2):
        shutil.copy(path, root)
    H.xlsx_far_merge(root / "hostile.xlsx")
    H.fifo(root / "pipe.txt")
    assert run("compare", V1, V2, "-o", root / "earlier.xlsx", "-q").returncode == 0
    proc = run("batch", root, "-o", tmp_path / "out", "--jobs", "1")
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    ws = load_workbook(tmp_path / "out" / "汇总.xlsx")["错误"]
    left = {Path(r[0]).name: r[1] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert set(left) == {"hostile.xlsx", "pipe.txt", "earlier.xlsx"}
    assert "合并单元格展开后的单元格超过" in left["hostile.xlsx"]
    assert "命名管道(FIFO)" in left["pipe.txt"]
    assert left["earlier.xlsx"].startswith("rectdiff 以前写出的工作簿")
    assert "earlier.xlsx" in proc.stdout
    books = [p.name for p in (tmp_path / "out").iterdir()]
    assert len(books) == 2 and "汇总.xlsx" in books  # the one series of qinghe and the summary


def test_print_header_escapes_ampersand():
    """A title holding & prints as itself: R&D is not R, the date, and a &72 is no font size."""
    from rectdiff.render.sheet import Book

    ws = Book("zh", "R&D 整改 &72").sheet("sheet.pairs")
    assert ws.oddHeader.center.text == "R&&D 整改 &&72"
