"""What the doubts stage (疑点清单) costs: whole processes with and without it, paired.

    python benchmarks/bench_doubts.py [--runs N]          # the table, exit 1 when a budget is missed
    python benchmarks/bench_doubts.py run compare [--without]
    python benchmarks/bench_doubts.py run batch [--without]

The inputs are those of the other benchmarks (``bench_series``): a seed-size pair (the seed
where ../shared is present, else the first example, and its third edited version) and a batch of
100 reports in 20 series (20 units x 5 versions, near copies of one another: the worst case for
雷同表述, every paragraph shared by every unit). ``run`` is one whole process — ``rectdiff compare
OLD NEW -o changes.xlsx --json changes.json`` or ``rectdiff batch UNITS -o OUT --jobs 2`` —
and ``--without`` runs the same process with the doubts stage replaced by one that finds nothing
(the 疑点清单 sheet is then written empty). The table alternates the two (A B A B …) and takes the
median of the ratios pair by pair, so a drift of the machine's speed cancels out; any
whole-process timer that alternates two commands gives the same figures. Budgets (issue 20):
compare +10 %, batch of 100 reports +20 %.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench import base_text  # noqa: E402
from bench_series import version  # noqa: E402

BUDGETS = {"compare": 1.10, "batch": 1.20}
INPUTS = Path(tempfile.gettempdir()) / "rectdiff-bench-doubts"


def prepare() -> Path:
    """Write the inputs once (the same text every time)."""
    text = base_text()
    pair = INPUTS / "pair"
    units = INPUTS / "units"
    if not (units / "u19_v4.txt").exists():
        pair.mkdir(parents=True, exist_ok=True)
        units.mkdir(parents=True, exist_ok=True)
        (pair / "old.txt").write_text(version(text, 0), encoding="utf-8")
        (pair / "new.txt").write_text(version(text, 3), encoding="utf-8")
        for u in range(20):
            for k in range(5):
                body = version(text, k).replace("区委", f"{u + 1}区委")
                (units / f"u{u:02d}_v{k}.txt").write_text(body, encoding="utf-8")
    return INPUTS


def _without_doubts() -> None:
    """Replace the stage by one that finds nothing (the forked batch workers inherit it)."""
    import rectdiff.doubts as stage

    stage.with_comparison_doubts = lambda c: c
    stage.with_series_doubts = lambda s: s
    stage.batch_doubts = lambda series: ()


def run(target: str, without: bool) -> int:
    """One whole process of ``target`` (compare or batch), with or without the doubts stage."""
    root = prepare()
    if without:
        _without_doubts()
    from rectdiff.cli import main

    out = root / ("out-without" if without else "out-with")
    out.mkdir(exist_ok=True)
    if target == "compare":
        args = ["compare", str(root / "pair" / "old.txt"), str(root / "pair" / "new.txt"),
                "-o", str(out / "changes.xlsx"), "--json", str(out / "changes.json"), "-q"]  # fmt: skip
    else:
        args = ["batch", str(root / "units"), "-o", str(out / "batch"), "--jobs", "2", "-q"]
    sys.argv = ["rectdiff", *args]
    try:
        main()
    except SystemExit as done:
        return int(done.code or 0)
    return 0


def _time(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, str(Path(__file__).resolve()), "run", *args], check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    """The paired table; non-zero when a budget is missed."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command")
    one = sub.add_parser("run", help="one whole process")
    one.add_argument("target", choices=sorted(BUDGETS))
    one.add_argument("--without", action="store_true", help="with the doubts stage finding nothing")
    ap.add_argument("--runs", type=int, default=5, help="pairs per target (after one warm-up pair)")
    opts = ap.parse_args()
    if opts.command == "run":
        return run(opts.target, opts.without)
    prepare()
    missed = []
    print(f"{'target':>8} {'with s':>8} {'without s':>10} {'ratio':>6} {'budget':>7}")
    for target, budget in BUDGETS.items():
        _time([target]), _time([target, "--without"])  # warm-up
        pairs = [(_time([target]), _time([target, "--without"])) for _ in range(opts.runs)]
        ratio = statistics.median(a / b for a, b in pairs)
        with_s, without_s = (statistics.median(p[i] for p in pairs) for i in (0, 1))
        print(f"{target:>8} {with_s:>8.2f} {without_s:>10.2f} {ratio:>6.3f} {budget:>7.2f}")
        if ratio > budget:
            missed.append(target)
    print("all budgets met" if not missed else "MISSED: " + ", ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
