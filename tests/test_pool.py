"""A batch's worker processes: forked with no thread running, an exception of a worker raised again
in the parent, a worker that dies a one-line error (never a hang), a signal ending every worker
with no temporary file left, and every worker reaped."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import threading

import pytest

import rectdiff
from rectdiff.batching import pool
from rectdiff.errors import OutputError, RectdiffError

from .conftest import EXAMPLES, ROOT, V1, V2, V3, V4


@pytest.fixture()
def folder(tmp_path):
    """Two series of two versions: 青禾区's first two and last two (the last two in a sub-folder)."""
    root = tmp_path / "reports"
    (root / "late").mkdir(parents=True)
    for path in (V1, V2):
        shutil.copy(path, root)
    for path in (V3, V4):
        text = path.read_text(encoding="utf-8").replace("第五轮", "第六轮")
        (root / "late" / path.name).write_text(text, encoding="utf-8")
    return root


def test_the_workers_start_no_thread_and_are_reaped():
    before = threading.enumerate()
    with pool.Workers(2) as work:
        keys = work.scan([str(V1), str(V2), str(V3)], lambda n: None)
        assert threading.enumerate() == before  # no thread beside the workers: forking them is safe
        assert len(multiprocessing.active_children()) == 2
    assert [k.path for k in keys] == [str(V1), str(V2), str(V3)] and not any(k.reason for k in keys)
    assert multiprocessing.active_children() == []


def test_no_warning_of_fork_with_threads(tmp_path):
    """Python 3.12+ warns when it forks a process that runs threads (a deadlock risk in the child)."""
    done = subprocess.run([sys.executable, "-W", "always::DeprecationWarning", "-m", "rectdiff", "batch",
                           str(EXAMPLES), "-o", str(tmp_path / "out"), "--jobs", "2", "-q"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)  # fmt: skip
    assert done.returncode == 0 and (tmp_path / "out" / "汇总.xlsx").exists(), done.stderr
    assert "DeprecationWarning" not in done.stderr and "multi-threaded" not in done.stderr


def _raise_value(task):
    raise ValueError("a bug in a worker")


def _raise_output(task):
    raise OutputError("磁盘已满", "disk full")


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_exception_in_a_worker_is_raised_again_in_the_parent(folder, tmp_path, monkeypatch, jobs):
    monkeypatch.setattr(pool, "run_group", _raise_value)
    with pytest.raises(ValueError, match="^a bug in a worker$") as raised:
        rectdiff.batch(str(folder), str(tmp_path / "out"), jobs=jobs)
    if jobs == 2:
        assert "_raise_value" in str(raised.value.__cause__)  # where the worker raised it
    monkeypatch.setattr(pool, "run_group", _raise_output)
    with pytest.raises(OutputError) as raised:
        rectdiff.batch(str(folder), str(tmp_path / "out"), jobs=jobs)
    assert (raised.value.zh, raised.value.en) == ("磁盘已满", "disk full")
    assert multiprocessing.active_children() == []


def _exit(task):
    os._exit(3)


def _killed(task):
    os.kill(os.getpid(), signal.SIGKILL)


@pytest.mark.parametrize(
    ("death", "message"),
    [(_exit, "批量处理的一个工作进程意外退出(退出码 3);请重试,或用 --jobs 1 运行"),
     (_killed, "批量处理的一个工作进程被信号 SIGKILL 终止;请重试,或用 --jobs 1 运行")],
)  # fmt: skip
def test_a_worker_that_dies_is_one_line_never_a_hang(folder, tmp_path, monkeypatch, death, message):
    monkeypatch.setattr(pool, "run_group", death)
    with pytest.raises(RectdiffError) as raised:
        rectdiff.batch(str(folder), str(tmp_path / "out"), jobs=2)
    assert str(raised.value) == message
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("where", ["temporary file", "scratch folder"])
def test_a_worker_killed_while_writing_leaves_no_temporary_file(folder, tmp_path, monkeypatch, where):
    """SIGKILL runs no ``finally``: a worker killed with its workbook's temporary file (or
    openpyxl's scratch folder) beside the target leaves it; the parent removes it, and the run
    still ends in the one line of a killed worker."""
    import openpyxl

    from rectdiff.render import output

    parent, made, saved = os.getpid(), output._create_temporary, openpyxl.Workbook.save

    def temporary(folder, name):
        fd, tmp = made(folder, name)
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return fd, tmp

    def save(self, fh):
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        saved(self, fh)

    if where == "temporary file":
        monkeypatch.setattr(output, "_create_temporary", temporary)
    else:
        monkeypatch.setattr(openpyxl.Workbook, "save", save)
    out = tmp_path / "out"
    with pytest.raises(RectdiffError) as raised:
        rectdiff.batch(str(folder), str(out), jobs=2)
    assert str(raised.value) == "批量处理的一个工作进程被信号 SIGKILL 终止;请重试,或用 --jobs 1 运行"
    assert sorted(p.name for p in out.iterdir()) == []
    assert multiprocessing.active_children() == []


def test_removing_temporaries_takes_only_those_of_the_path(tmp_path):
    from rectdiff.render.output import remove_temporaries

    names = [
        ".a.xlsx.0123abcd.tmp",
        ".a.xlsx.x_y9.tmp",
        ".a.xlsx.b.xlsx.0123.tmp",
        ".a.xlsx.tmp",
        "a.xlsx",
        ".b.xlsx.01.tmp",
    ]
    for name in names:
        (tmp_path / name).write_text("")
    (tmp_path / ".a.xlsx.scratch1.tmp").mkdir()
    (tmp_path / ".a.xlsx.scratch1.tmp" / "sheet1.xml").write_text("")
    remove_temporaries(str(tmp_path / "a.xlsx"))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names[2:])


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_ends_every_worker_and_leaves_no_temporary_file(folder, tmp_path, signum):
    """A worker, its workbook saved but not yet in place, signals the parent and waits: the parent
    ends it (its temporary file removed) and every other worker, and exits."""
    pids = tmp_path / "pids"
    prelude = f"""
import os, signal, time, openpyxl
real = openpyxl.Workbook.save
def save(self, fh):
    real(self, fh)
    with open({str(pids)!r}, "a") as f:
        f.write(f"{{os.getpid()}}\\n")
    os.kill(os.getppid(), {int(signum)})
    time.sleep(60)
openpyxl.Workbook.save = save
"""
    args = ["batch", str(folder), "-o", str(tmp_path / "out"), "--jobs", "2", "-q"]
    code = f"{prelude}\nfrom rectdiff.cli import main\nmain({args!r})"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == (128 + signum if signum != signal.SIGINT else 130), done.stderr
    assert done.stderr.strip() == "rectdiff: 已中断"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == []  # neither workbook was put in place
    for pid in pids.read_text().split():
        with pytest.raises(ProcessLookupError):
            os.kill(int(pid), 0)  # reaped: no such process
