"""Inputs of the scale benchmarks, made from fictional text (nothing read from ../shared).

    python benchmarks/inputs.py DIR     # writes list_old.txt, list_new.txt, line_old.txt, ...

- ``list``: one report holding a list of 5,000 numbered items (1. … 5000.), each with a status
  and two or three quantities; NEW changes a value in every 7th item, a status in every 11th,
  drops every 97th item and rewords every 13th heading.
- ``ledger``: a 5,000-row ledger (.csv) whose every 5th heading is reworded in NEW.
- ``line``: a report whose one item has a single line of 2 MB; NEW edits it in a few places.
- ``quoted``: a list of 4,000 items whose each body settles the next item by quoting its heading
  (上述“…”问题已完成整改) and names items by ordinal (第一项、第二项): every status is found in
  another item's paragraph; NEW rewords every 13th quote.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

HEAD = "青禾区关于市委第五轮巡视整改进展情况的通报\n\n一、反馈问题整改情况\n"
PLACES = ["东城", "西城", "南湖", "北山", "河口", "新桥", "石门", "松林", "梅园", "竹溪"]
TOPICS = ["老旧小区改造", "河道清淤", "农村公路养护", "校舍维修", "污水管网建设", "垃圾分类站点", "公园绿地提升"]


def _heading(k: int, reworded: bool = False) -> str:
    place, topic = PLACES[k % len(PLACES)], TOPICS[(k // len(PLACES)) % len(TOPICS)]
    verb = "推进不够有力" if not reworded else "推进力度不足"
    return f"{place}片区第{k}号{topic}项目{verb}"


def list_report(n: int = 5000, new: bool = False) -> str:
    """One section with ``n`` numbered items; NEW as described in the module docstring."""
    lines = [HEAD]
    for k in range(1, n + 1):
        if new and k % 97 == 0:
            continue
        done = k % 3 == 0 or (new and k % 11 == 0)
        status = "已完成整改" if done else "正在推进"
        value = 100 + k + (5 if new and k % 7 == 0 else 0)
        lines.append(
            f"{k}. {_heading(k, new and k % 13 == 0)}。整改情况：{status}，完成投资{value}万元，"
            f"改造{k % 40 + 2}个小区，惠及居民{(k * 37) % 900 + 100}户。\n"
        )
    return "".join(lines)


def ledger_rows(n: int = 5000, new: bool = False) -> list[list[str]]:
    """A ledger: 序号, 问题, 整改措施, 整改情况, 责任单位, 完成时限."""
    rows = [["序号", "问题", "整改措施", "整改情况", "责任单位", "完成时限"]]
    for k in range(1, n + 1):
        heading = _heading(k, new and k % 5 == 0)
        done = "已完成" if k % 3 == 0 or (new and k % 11 == 0) else "正在推进"
        measure = f"制定专项方案，落实资金{50 + k % 90}万元，按月调度{TOPICS[k % len(TOPICS)]}进度。"
        rows.append([str(k), heading, measure, done, f"{PLACES[k % len(PLACES)]}街道", "2024年12月底前"])
    return rows


def quoted_report(n: int = 4000, new: bool = False) -> str:
    """``n`` items, each quoting the next one's heading; NEW as described in the module docstring."""
    lines = [HEAD]
    for k in range(1, n + 1):
        quoted = _heading(k + 1, new and k % 13 == 0)
        lines.append(
            f"{k}.针对{_heading(k)}问题，进行了以下整改。完成投资{100 + k}万元。"
            f"上述“{quoted}”问题已完成整改，第一项、第二项问题已经整改完成。\n"
        )
    return "".join(lines)


def line_report(size: int = 2_000_000, new: bool = False) -> str:
    """One item whose body is a single line of about ``size`` bytes (UTF-8)."""
    parts, k, total = [], 0, 0
    while total < size:
        value = 10 + k + (3 if new and k % 5000 == 17 else 0)
        parts.append(f"{PLACES[k % 10]}片区{TOPICS[k % 7]}完成{value}处，")
        total += len(parts[-1].encode("utf-8"))
        k += 1
    return HEAD + "1. 基层治理项目推进缓慢。整改情况：正在推进，" + "".join(parts) + "\n"


def write_all(folder: Path) -> None:
    """Every input, OLD and NEW, into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for new, side in ((False, "old"), (True, "new")):
        (folder / f"list_{side}.txt").write_text(list_report(new=new), encoding="utf-8")
        (folder / f"line_{side}.txt").write_text(line_report(new=new), encoding="utf-8")
        (folder / f"quoted_{side}.txt").write_text(quoted_report(new=new), encoding="utf-8")
        with open(folder / f"ledger_{side}.csv", "w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows(ledger_rows(new=new))


if __name__ == "__main__":
    write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "bench-inputs"))
