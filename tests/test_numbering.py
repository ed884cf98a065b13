"""Stage 2, the item tree: numbering a document defines for itself, field lines, ordinals of
any size, inline headings, and trees that repeat themselves. Every text here is fictional."""

from __future__ import annotations

from rectdiff.parsing import parse_text


def _items(report):
    """(item_id, heading, status) of every item, frame rows left out."""
    items = report.items[~report.items["item_id"].isin(("前言", "结语", "落款"))]
    return list(zip(items["item_id"], items["heading"], items["status"]))


REPEATED_SECTION = """关于某区巡察整改进展情况的通报
一、反馈问题整改情况
1.关于公用经费支出不规范问题。已完成整改。
2.针对“推动改革促进发展”事项,健全制度3项。
3.针对“推动改革促进发展”事项,清理资产2项。
一、反馈问题整改情况
1.关于公用经费支出不规范问题。已完成整改。
2.针对“推动改革促进发展”事项,健全制度3项。
3.针对“推动改革促进发展”事项,清理资产2项。
特此通报。
"""


def test_a_section_repeated_on_the_page_parses():
    """The same section twice (a page that prints its article twice): both copies are items,
    the second under ids of its own; the reform tail of each forms a group beside its section (no RecursionError)."""
    ids = [i for i, _, _ in _items(parse_text(REPEATED_SECTION))]
    assert ids == [
        "一", "一/1", "推动改革促进发展", "推动改革促进发展/2", "推动改革促进发展/3",
        "一#2", "一#2/1", "推动改革促进发展#2", "推动改革促进发展#2/2", "推动改革促进发展#2/3",
    ]  # fmt: skip
