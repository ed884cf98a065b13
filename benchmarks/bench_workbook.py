"""The workbook stage of ``compare -o`` as a run pays it: a fresh process makes the comparison,
then imports the writer and writes the workbook; only that last part is timed (cpu and wall).

    python benchmarks/bench_workbook.py [--runs 7] [--against OTHER_SOURCE_TREE]

Inputs: the seed-size pair of ``bench.py`` (the seed report and its ``edited`` copy, else the
first example) and the example pair. With ``--against`` (another checkout of rectdiff, say the
commit before a change), its processes and this tree's start alternately, and the median of the
paired cpu ratios is printed. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import ROOT, base_text, edited

STAGE = """
import sys, time
sys.path.insert(0, sys.argv[1])
from rectdiff import api
from rectdiff.render import data  # what every compare loads (the summary, the JSON)
result = api.compare(sys.argv[2], sys.argv[3])
wall, cpu = time.perf_counter(), time.process_time()
from rectdiff.render.workbook import write_comparison_xlsx
imported = time.process_time() - cpu
write_comparison_xlsx(result, sys.argv[4])
print(imported, time.process_time() - cpu, time.perf_counter() - wall)
"""


def stage(tree: str, old: str, new: str, out: str) -> list[float]:
    """Import cpu, stage cpu and stage wall seconds of one fresh process."""
    args = [sys.executable, "-c", STAGE, tree, old, new, out]
    return [float(x) for x in subprocess.run(args, capture_output=True, text=True, check=True).stdout.split()]


def main() -> None:
    """Print the medians of each tree, for each pair."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--against", help="another rectdiff source tree, run alternately with this one")
    args = parser.parse_args()
    trees = {"this": str(ROOT)} | ({"against": os.path.abspath(args.against)} if args.against else {})
    with tempfile.TemporaryDirectory() as tmp:
        old, new = Path(tmp, "old.txt"), Path(tmp, "new.txt")
        old.write_text(base_text(), encoding="utf-8")
        new.write_text(edited(base_text()), encoding="utf-8")
        examples = ROOT / "examples"
        pairs = {"seed-size": (old, new), "examples": (examples / "qinghe_1_2023-06.txt",
                                                       examples / "qinghe_2_2023-12.txt")}  # fmt: skip
        for name, (a, b) in pairs.items():
            got: dict[str, list[list[float]]] = {tree: [] for tree in trees}
            for run in range(args.runs):
                for tree in list(trees)[:: 1 if run % 2 == 0 else -1]:
                    got[tree].append(stage(trees[tree], str(a), str(b), str(Path(tmp, "out.xlsx"))))
            for tree, runs in got.items():
                imported, cpu, wall = (statistics.median(column) for column in zip(*runs))
                print(f"{name:9s} {tree:7s} import {imported:.3f} s, stage {cpu:.3f} s cpu ({wall:.3f} s wall)")
            if args.against:
                ratios = [t[1] / o[1] for t, o in zip(got["this"], got["against"])]
                print(f"{name:9s} this/against stage cpu: x{statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
