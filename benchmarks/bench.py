"""Speed and scale of rectdiff, side by side with difflib and diff-match-patch.

    python benchmarks/bench.py [--repeat 5] [--quick]

Builds its inputs from the seed report (../shared/seed/) when present, else from the shipped
examples: an OLD text and a NEW text with realistic edits, at 1x, 5x and 20x the size (copies of
the report body with distinct headings). Prints a table of medians and exits 1 when a target of
issues #6 and #13 is missed. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import difflib
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "000_c6f4f01650230f08.txt"
TARGETS = {
    "compare_process_1x": 1.0,
    "compare_after_imports_1x": 0.5,
    "parse_after_imports_1x": 0.15,
    "compare_process_20x": 15.0,
    "help_process": 0.3,
    "peak_rss_mb_20x": 1024,
}


def base_text() -> str:
    """The seed report where ../shared is present, else the first example."""
    if SEED.exists():
        return SEED.read_text(encoding="utf-8")
    return (ROOT / "examples" / "qinghe_1_2023-06.txt").read_text(encoding="utf-8")


def scaled(text: str, copies: int) -> str:
    """The report body repeated; each copy's headings made distinct (针对 -> 针对第k片区)."""
    head, _, body = text.partition("\n一、")
    parts = [head]
    for k in range(copies):
        part = "\n一、" + body
        parts.append(part if k == 0 else part.replace("针对“", f"针对第{k}片区“").replace("针对", f"针对第{k}片区"))
    return "".join(parts)


def edited(text: str) -> str:
    """NEW version: a reworded heading, changed numbers, a status change, a removed paragraph."""
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines):
        if i % 40 == 7 and "针对" in line:
            continue  # remove an item
        if i % 23 == 5:
            line = line.replace("不够", "不足")
        if i % 17 == 3:
            line = line.replace("0", "5", 2)
        if "正在施工" in line:
            line = line.replace("正在施工", "已完成施工")
        out.append(line)
    return "\n".join(out)


def median_time(fn, repeat: int) -> float:
    """Median wall time of ``fn`` over ``repeat`` runs, each with a cold normalization cache."""
    from rectdiff.zh.normalize import norm

    times = []
    for _ in range(repeat):
        norm.cache_clear()  # every run starts cold, as a fresh process would
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_process(args: list[str]) -> float:
    """Wall time of one ``python -m rectdiff ARGS`` process."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "rectdiff", *args], check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    """Run every measurement, print the table and ratios; non-zero when a target is missed."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5, help="runs per median (default 5)")
    ap.add_argument("--quick", action="store_true", help="skip the 20x size")
    opts = ap.parse_args()

    import rectdiff
    from rectdiff.parsing import parse_text
    from rectdiff.render.data import comparison_dict, write_json
    from rectdiff.render.workbook import write_comparison_xlsx

    tmp = Path(tempfile.mkdtemp(prefix="rectdiff-bench-"))
    text = base_text()
    figures: dict[str, float] = {}
    rows = []
    sizes = [1, 5] if opts.quick else [1, 5, 20]
    for size in sizes:
        old_text = scaled(text, size)
        new_text = edited(old_text)
        old_path, new_path = tmp / f"old{size}.txt", tmp / f"new{size}.txt"
        old_path.write_text(old_text, encoding="utf-8")
        new_path.write_text(new_text, encoding="utf-8")
        items = len(parse_text(old_text).items)
        t_parse = median_time(lambda: parse_text(old_text), opts.repeat)

        def job():
            result = rectdiff.compare(parse_text(old_text), parse_text(new_text))
            write_comparison_xlsx(result, str(tmp / "out.xlsx"))
            write_json(comparison_dict(result), str(tmp / "out.json"))

        reps = opts.repeat if size < 20 else max(1, opts.repeat // 2)
        t_compare = median_time(job, reps)
        t_process = statistics.median(
            run_process(
                ["compare", str(old_path), str(new_path), "-o", str(tmp / "p.xlsx"), "--json", str(tmp / "p.json")]
            )
            for _ in range(reps)
        )
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        t_difflib_lines = median_time(
            lambda: list(difflib.unified_diff(old_text.splitlines(), new_text.splitlines())), reps
        )
        t_difflib_chars = (
            median_time(lambda: difflib.SequenceMatcher(None, old_text, new_text, autojunk=False).get_opcodes(), 1)
            if size <= 5
            else float("nan")
        )
        from diff_match_patch import diff_match_patch

        t_dmp = median_time(lambda: diff_match_patch().diff_main(old_text, new_text), reps)
        figures[f"parse_after_imports_{size}x"] = t_parse
        figures[f"compare_after_imports_{size}x"] = t_compare
        figures[f"compare_process_{size}x"] = t_process
        figures[f"peak_rss_mb_{size}x"] = rss
        rows.append(
            (size, items, len(old_text), t_parse, t_compare, t_process, rss, t_difflib_lines, t_difflib_chars, t_dmp)
        )
    figures["help_process"] = statistics.median(run_process(["--help"]) for _ in range(opts.repeat))

    print(
        f"{'size':>5} {'items':>6} {'chars':>8} {'parse s':>8} {'compare s':>10} {'process s':>10} "
        f"{'RSS MB':>7} {'difflib-lines':>14} {'difflib-chars':>14} {'dmp':>7}"
    )
    for size, items, chars, tp, tc, tpr, rss, tdl, tdc, tdm in rows:
        print(
            f"{size:>4}x {items:>6} {chars:>8} {tp:>8.3f} {tc:>10.3f} {tpr:>10.3f} {rss:>7.0f} {tdl:>14.4f} "
            f"{tdc:>14.3f} {tdm:>7.3f}"
        )
    print("rectdiff compare (after imports, with xlsx + JSON) as a ratio to each:")
    for size, _items, _chars, _tp, tc, _tpr, _rss, tdl, tdc, tdm in rows:
        ratio = lambda t: f"{tc / t:.1f}x" if t == t and t > 0 else "n/a"  # noqa: E731
        print(f"  {size:>2}x: difflib-lines {ratio(tdl)}, difflib-chars {ratio(tdc)}, diff-match-patch {ratio(tdm)}")
    print(
        "(difflib-chars is skipped at 20x: SequenceMatcher on 0.7 M characters takes many minutes;"
        " diff-match-patch with its default 1 s time-out finds the long common runs at once)"
    )
    if len(rows) > 1:
        base = rows[0]
        for size, items, *_rest in rows[1:]:
            t = _rest[2]
            print(f"growth {base[0]}x -> {size}x: items x{items / base[1]:.1f}, compare time x{t / base[4]:.1f}")
    print(f"rectdiff --help: {figures['help_process']:.3f} s")
    missed = [f"{k} = {figures[k]:.3f} > {v}" for k, v in TARGETS.items() if k in figures and figures[k] > v]
    for line in missed:
        print("MISSED", line)
    print("all targets met" if not missed else f"{len(missed)} target(s) missed")
    for p in tmp.iterdir():
        os.unlink(p)
    tmp.rmdir()
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
