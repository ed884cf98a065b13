"""Speed of series and batch, side by side with the loop of compare processes they replace.

    python benchmarks/bench_series.py [--quick]

Builds seed-size versions (from ../shared/seed/ when present, else the first example), each a
little further edited than the last, and times whole processes (medians of 3):
- ``rectdiff series`` of 5, 10 and 20 versions, against a loop of ``rectdiff compare`` over the
  successive pairs (what an auditor ran before): the ratio, and the growth per version;
- ``rectdiff batch`` of 100 reports in 20 series (20 units x 5 versions) with --jobs 1 and 2,
  and the peak memory of its largest process.
Prints a table and exits 1 when a target of issue #13 is missed. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import base_text  # noqa: E402

TARGETS = {"series_10": 4.0, "batch_100_jobs2": 40.0, "batch_peak_mb": 1024}


def version(text: str, k: int) -> str:
    """Version ``k``: the report with k rounds of edits (items dropped and back, wording and
    figures changed, statuses moved on) and its own publish date."""
    out = []
    for i, line in enumerate(text.split("\n")):
        if k and i % 41 == k % 41 and "针对" in line:
            continue  # this version drops an item; the next has it back
        if i % 23 < k:
            line = line.replace("不够", "不足")
        if i % 17 == k % 17:
            line = line.replace("0", str(k % 10), 1)
        if i % 7 < k:
            line = line.replace("正在推进", "已完成")
        out.append(line)
    return f"发布时间:{2020 + k // 12}-{1 + k % 12:02d}-15\n" + "\n".join(out)


def run(args: list[str]) -> float:
    """Wall time of one ``python -m rectdiff ARGS`` process."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "rectdiff", *args], check=True, capture_output=True)
    return time.perf_counter() - start


def median(fn, repeat: int = 3) -> float:
    """Median of ``repeat`` calls of ``fn``."""
    return statistics.median(fn() for _ in range(repeat))


def main() -> int:
    """Run every measurement, print the table; non-zero when a target is missed."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="5 and 10 versions only, no batch")
    opts = ap.parse_args()
    text = base_text()
    tmp = Path(tempfile.mkdtemp(prefix="rectdiff-bench-series-"))
    figures: dict[str, float] = {}
    counts = [5, 10] if opts.quick else [5, 10, 20]
    paths = []
    for k in range(max(counts)):
        path = tmp / f"v{k + 1:02d}.txt"
        path.write_text(version(text, k), encoding="utf-8")
        paths.append(str(path))
    print(f"{'versions':>8} {'series s':>9} {'compare loop s':>15} {'ratio':>6} {'s/version':>10}")
    for n in counts:
        chosen = paths[:n]
        t_series = median(lambda: run(["series", *chosen, "-o", str(tmp / "t.xlsx"), "-q"]))
        t_loop = median(
            lambda: sum(run(["compare", a, b, "-o", str(tmp / "c.xlsx"), "-q"]) for a, b in zip(chosen, chosen[1:])), 1
        )
        figures[f"series_{n}"] = t_series
        print(f"{n:>8} {t_series:>9.2f} {t_loop:>15.2f} {t_series / t_loop:>6.2f} {t_series / n:>10.3f}")
    if not opts.quick:
        units = tmp / "units"
        units.mkdir()
        for u in range(20):
            for k in range(5):
                body = version(text, k).replace("区委", f"{u + 1}区委")  # a unit of its own: 中共…1区委员会
                (units / f"u{u:02d}_v{k}.txt").write_text(body, encoding="utf-8")
        for jobs in ("1", "2"):
            t = run(["batch", str(units), "-o", str(tmp / f"out{jobs}"), "--jobs", jobs, "-q"])
            figures[f"batch_100_jobs{jobs}"] = t
            groups = len(list((tmp / f"out{jobs}").glob("*.xlsx"))) - 1
            print(f"batch of 100 reports, --jobs {jobs}: {t:.1f} s ({groups} series workbooks)")
        figures["batch_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak memory of the largest process: {figures['batch_peak_mb']:.0f} MB")
        print(f"--jobs 2 / --jobs 1: {figures['batch_100_jobs2'] / figures['batch_100_jobs1']:.2f}")
    if len(counts) > 1:
        a, b = counts[0], counts[-1]
        print(f"growth {a} -> {b} versions: time x{figures[f'series_{b}'] / figures[f'series_{a}']:.2f} "
              f"for x{b / a:.1f} the versions")  # fmt: skip
    missed = [f"{k} = {figures[k]:.2f} > {v}" for k, v in TARGETS.items() if k in figures and figures[k] > v]
    for line in missed:
        print("MISSED", line)
    print("all targets met" if not missed else f"{len(missed)} target(s) missed")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
