"""Issue 18's targets as paired whole-process runs (a script, not a timed test).

    python benchmarks/scale.py [--runs 3] [--skip-batch | --only batch]

Each figure is the median of ``--runs`` whole processes (``python -m rectdiff …`` and the
comparison command started alternately, so a drift of the machine hits both alike); peak
memory is the process's maximum resident set (``resource.getrusage``). Prints:

- compare/dmp: ``rectdiff compare OLD NEW --json`` against a process running diff-match-patch
  (``diff_main`` + ``diff_cleanupSemantic``) on the two raw texts, on two seed-size pairs (the
  seed report of ../shared, else the first example, against a reworded copy: ``reworded``, and
  against a copy whose bodies are also rewritten: ``rewritten``) and on the example pair, with the
  compiled patterns an earlier run kept (``rectdiff.zh.compiled``: a folder of this measurement,
  filled by the warm-up run) and, shown beside, ``uncached`` (``RECTDIFF_CACHE_DIR=""``); then
  ``compare -o OUT.xlsx --json`` (the workbook too) on the reworded seed pair and the example pair;
- parse after imports: ``parse_report`` of the seed-size report, in this process;
- the 5,000-item list and the 2 MB line of ``benchmarks/inputs.py``: seconds and peak MB; and,
  shown beside, its 4,000 items each settled by another's quote (no target of the issue);
- ``batch`` of 300 reports (75 fictional units x the four examples): ``--jobs 2`` / ``--jobs 1``,
  the wall seconds of ``--jobs 1`` and the peak MB of each (the largest single process).

The processes run in an empty folder of their own, so that ``python -m rectdiff`` imports the
installed package, never a source tree that happens to be the working directory (run from a
checkout, ``-m`` put the checkout first on the path and every process compiled the package from
source: the example pair read 5.6 instead of 3.7). That package's bytecode is compiled first
(``compileall``), as installing it does: where ``PYTHONDONTWRITEBYTECODE`` is set, every process
would otherwise compile each module from source.

The machine these were first run on is shared: quote the ratios, and run with little else going.
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import base_text, edited  # noqa: E402
from inputs import write_all  # noqa: E402

TARGETS = {
    "compare/dmp seed": 0.6, "compare/dmp seed rewritten": 0.6, "compare/dmp examples": 3.0,
    "parse after imports s": 0.05, "list 5000 s": 15.0, "list 5000 MB": 400, "line 2MB s": 5.0,
    "batch jobs2/jobs1": 0.65,
}  # fmt: skip
DMP = (
    "import sys; from diff_match_patch import diff_match_patch as D; d = D(); "
    "a, b = (open(p, encoding='utf-8').read() for p in sys.argv[1:3]); "
    "x = d.diff_main(a, b); d.diff_cleanupSemantic(x)"
)


_WRAP = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "subprocess.run(sys.argv[1:], check=True, capture_output=True); "
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)"
)


#: the working directory of every measured process: an empty folder (see the module's docstring)
WORKDIR = Path(tempfile.mkdtemp(prefix="rectdiff-scale-cwd-"))


def run(args: list[str], env: dict | None = None) -> tuple[float, float]:
    """Wall seconds and peak MB of one process (measured by a small parent of its own)."""
    out = subprocess.run([sys.executable, "-c", _WRAP, *args], check=True, capture_output=True, text=True,
                         cwd=WORKDIR, env=None if env is None else {**os.environ, **env})  # fmt: skip
    wall, peak = out.stdout.split()
    return float(wall), float(peak)


def paired(a: list[str], b: list[str], runs: int, env_a: dict | None = None) -> float:
    """Median of the ratios a/b over alternating runs (one warm-up each; ``env_a``: a's settings)."""
    run(a, env_a), run(b)
    return statistics.median(run(a, env_a)[0] / run(b)[0] for _ in range(runs))


def rectdiff(*args: str) -> list[str]:
    """The command line of one rectdiff process."""
    return [sys.executable, "-m", "rectdiff", *args]


def imported_package() -> Path:
    """The folder of the ``rectdiff`` package that the measured processes import."""
    where = "import rectdiff; print(rectdiff.__file__)"
    out = subprocess.run([sys.executable, "-c", where], check=True, capture_output=True, text=True, cwd=WORKDIR)
    return Path(out.stdout.strip()).parent


def reworded(text: str) -> str:
    """NEW for the seed-size pair: ``bench.edited`` plus wording changed in nearly every paragraph
    (so diff-match-patch works up to its 1 s time-out, as on two real versions; on a copy with a few
    edits it takes a millisecond and any ratio to it measures Python's start-up)."""
    for old, new in (("工作", "工作任务"), ("推进", "推动"), ("进一步", "持续"), ("落实", "压实")):
        text = text.replace(old, new)
    return edited(text)


def rewritten(text: str) -> str:
    """NEW for a second seed-size pair, nearer two real versions: ``reworded`` plus, in every
    paragraph but each third one, the clauses after the first in reverse order (a body whose
    progress is written anew). diff-match-patch runs to its 1 s time-out on this pair; on
    ``reworded`` alone it finishes in about 0.3 s on this machine, so both are measured."""
    out = []
    for n, line in enumerate(reworded(text).split("\n")):
        parts = re.split("(?<=[，；。])", line)
        out.append(parts[0] + "".join(reversed(parts[1:])) if len(parts) > 2 and n % 3 else line)
    return "\n".join(out)


def batch_folder(folder: Path) -> Path:
    """300 reports: the four examples for each of 75 fictional units."""
    folder.mkdir()
    examples = sorted((ROOT / "examples").glob("qinghe_*.txt"))
    for k in range(75):
        for path in examples:
            text = path.read_text(encoding="utf-8").replace("青禾区", f"青禾{k}区")
            (folder / f"u{k:02d}_{path.name}").write_text(text, encoding="utf-8")
    return folder


def main() -> int:
    """Measure, print each figure with its target, exit 1 when one is missed."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--skip-batch", action="store_true")
    ap.add_argument("--only", choices=["batch"], help="measure this figure only")
    opts = ap.parse_args()
    compileall.compile_dir(imported_package(), quiet=1)
    tmp = Path(tempfile.mkdtemp(prefix="rectdiff-scale-"))
    # the compiled patterns a run keeps for the next (rectdiff.zh.compiled): a folder of this
    # measurement, filled by each figure's warm-up run, as a user's is by the first run
    os.environ["RECTDIFF_CACHE_DIR"] = str(tmp / "cache")
    figures = {} if opts.only else measure_single(tmp, opts.runs)
    if not opts.skip_batch:
        figures.update(measure_batch(tmp, opts.runs))
    missed = 0
    for name, value in figures.items():
        target = TARGETS.get(name)
        verdict = "" if target is None else ("ok" if value <= target else "MISSED")
        missed += verdict == "MISSED"
        print(f"{name:<30} {value:>9.3f}   target {target if target is not None else '-':<6} {verdict}")
    print(f"cpus {os.cpu_count()}, load average {os.getloadavg()[0]:.1f} (a shared machine: quote ratios)")
    return 1 if missed else 0


def measure_single(tmp: Path, runs: int) -> dict[str, float]:
    """The figures of one compare or parse: against diff-match-patch, after imports, at size."""
    figures = {}
    seed_old, seed_new = tmp / "seed_old.txt", tmp / "seed_new.txt"
    seed_old.write_text(base_text(), encoding="utf-8")
    seed_new.write_text(reworded(base_text()), encoding="utf-8")
    seed_rewritten = tmp / "seed_rewritten.txt"
    seed_rewritten.write_text(rewritten(base_text()), encoding="utf-8")
    ex_old, ex_new = ROOT / "examples" / "qinghe_1_2023-06.txt", ROOT / "examples" / "qinghe_2_2023-12.txt"
    pairs = {"seed": (seed_old, seed_new), "seed rewritten": (seed_old, seed_rewritten), "examples": (ex_old, ex_new)}
    for name, (old, new) in pairs.items():
        ours = rectdiff("compare", str(old), str(new), "--json", str(tmp / "out.json"), "-q")
        figures[f"compare/dmp {name}"] = paired(ours, [sys.executable, "-c", DMP, str(old), str(new)], runs)
    for name in ("seed", "examples"):  # every pattern compiled anew (a first run, or the cache off)
        old, new = pairs[name]
        ours = rectdiff("compare", str(old), str(new), "--json", str(tmp / "out.json"), "-q")
        dmp = [sys.executable, "-c", DMP, str(old), str(new)]
        figures[f"compare/dmp {name} uncached"] = paired(ours, dmp, runs, {"RECTDIFF_CACHE_DIR": ""})
    for name in ("seed", "examples"):  # with the workbook too, shown beside the targets (read without it)
        old, new = pairs[name]
        ours = rectdiff(
            "compare", str(old), str(new), "-o", str(tmp / "out.xlsx"), "--json", str(tmp / "out.json"), "-q"
        )
        figures[f"compare -o/dmp {name}"] = paired(ours, [sys.executable, "-c", DMP, str(old), str(new)], runs)

    from rectdiff.parsing import parse_report
    from rectdiff.read import read_report

    doc = read_report(str(seed_old))
    parse_report(doc)
    figures["parse after imports s"] = statistics.median(_timed(lambda: parse_report(doc)) for _ in range(5))

    write_all(tmp)
    for name, stem in (("list 5000", "list"), ("line 2MB", "line"), ("quoted 4000", "quoted")):
        args = rectdiff("compare", str(tmp / f"{stem}_old.txt"), str(tmp / f"{stem}_new.txt"), "--json",
                        str(tmp / "big.json"), "-q")  # fmt: skip
        measured = [run(args) for _ in range(max(1, runs // 2))]
        figures[f"{name} s"] = statistics.median(wall for wall, _peak in measured)
        figures[f"{name} MB"] = max(peak for _wall, peak in measured)
    return figures


def measure_batch(tmp: Path, runs: int) -> dict[str, float]:
    """``batch`` of 300 reports: the ratio of ``--jobs 2`` to ``--jobs 1`` over paired runs, the
    wall time of ``--jobs 1`` and the peak memory of each."""
    folder = batch_folder(tmp / "batch")
    jobs = [rectdiff("batch", str(folder), "-o", str(tmp / f"out{j}"), "--jobs", str(j), "-q") for j in (2, 1)]
    pairs = [(run(jobs[0]), run(jobs[1])) for _ in range(runs)]
    return {
        "batch jobs2/jobs1": statistics.median(two[0] / one[0] for two, one in pairs),
        "batch jobs1 s": statistics.median(one[0] for _two, one in pairs),
        "batch jobs1 MB": max(one[1] for _two, one in pairs),
        "batch jobs2 MB": max(two[1] for two, _one in pairs),
    }


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


if __name__ == "__main__":
    sys.exit(main())
