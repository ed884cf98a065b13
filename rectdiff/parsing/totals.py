"""Stated totals: what a report says of how many problems there are and how far they got,
wherever it says so (a preamble, a section's intro, an item's own body).

    本轮巡视反馈意见共指出…30个具体问题…截至目前,30个具体问题已全部完成整改,完成率100%
    23个未整改到位问题中,15个问题已经完成整改,8个问题基本完成整改
    第一轮…155项整改任务已全部完成 ●第二轮…69项整改任务,已完成68项

A paragraph is read clause by clause (``total_reader``). A count with a category (30个具体问题, 问题1263项)
opens a total; a status phrase binds to the count beside it (已完成整改19个, 37项达到序时进度)
and adds to the open total; 其余… takes the remainder; a rate (完成率94.9%) is kept as stated.
A count of groups (四个方面13个…) is not a total; a count whose digits the page lost (10个方面
个问题) is a total of unknown size. Each total records the row it was stated in.

What is never a total: a lone 一 (一批共性问题, 一项重大政治任务), a count of what a measure
handled (查处…问题34起, 收集企业问题155个) or of stages, a count inside quotes or inside
the problem's own statement (问题表现:…19起超标排放案件均未处罚, or the heading's words running on
before the item's first field label) unless that sentence states a breakdown. A completed count may
come before its whole (已完成313项整改任务,占…明确531项任务的近六成); a stage's completion
(阶段性办结430件) is phase_completed; 其中已有277个…完成整改 with no count before it is a total of
unknown size.
"""

from __future__ import annotations

from ..model import STATUS_FIELDS
from ..zh import lexicon as lx
from .total_reader import Reader


def parse_totals(blocks: list[tuple[str, str, bool]]) -> list[dict]:
    """Stated totals in ``(item_id, text, inside_an_item)`` blocks, one dict per total
    (``model.TOTAL_COLUMNS``)."""
    rows: list[dict] = []
    for item_id, text, inside_an_item in blocks:
        found: list[dict] = []
        Reader(text, item_id, found, inside_an_item).read()
        for row in found:
            row["in_item"] = inside_an_item
        rows += [r for r in found if not inside_an_item or _fullness(r) or lx.PROBLEM_WORD in r["category"]]
    return _dedupe(rows)


def _dedupe(rows: list[dict]) -> list[dict]:
    """The same total stated twice (headline and body): keep the fuller statement, once."""
    kept: list[dict] = []
    for row in rows:
        if row["total"] is None and all(row[f] is None for f in STATUS_FIELDS):
            if not row.get("_lost_digits"):
                continue  # a bare count of unknown size says nothing
        twin = next((k for k in kept if (k["category"], k["total"], k["item_id"]) == (row["category"], row["total"],
                                                                                      row["item_id"])
                     or (k["total"] is not None and k["total"] == row["total"]
                         and _same_category(k["category"], row["category"]))), None)  # fmt: skip
        if twin is None:
            kept.append(row)
        elif _fullness(row) > _fullness(twin):
            kept[kept.index(twin)] = row
    for row in kept:
        row.pop("_lost_digits", None)
    return kept


def _fullness(row: dict) -> int:
    return sum(row[f] is not None for f in [*STATUS_FIELDS, "stated_rate"])


def _same_category(a: str, b: str) -> bool:
    return a == b or (len(min(a, b, key=len)) >= 4 and (a in b or b in a))
