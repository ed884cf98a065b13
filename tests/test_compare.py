"""Stages 3-4: alignment and diff, on the shipped examples and on edited copies of the seed."""

from __future__ import annotations

import random

import pytest

import rectdiff
from rectdiff.align import align_items
from rectdiff.parsing import parse_text

from .conftest import V1, V2, V3


def changed(result):
    p = result.pairs
    rows = p[(p["change"] != "unchanged") | p["moved"] | p["renumbered"]]
    return [
        tuple(r)
        for r in rows[
            ["change", "old_number", "new_number", "new_heading", "old_heading", "moved", "renumbered", "status_change"]
        ].itertuples(index=False)
    ]


@pytest.fixture(scope="module")
def v1_v2():
    return rectdiff.compare(V1, V2)


def test_examples_pairs(v1_v2):
    """v1 -> v2: item 2 inserted (2..6 renumbered 3..7), one heading reworded (不够 -> 不足), two 举一反三
    added and one removed, three items progressed and 老旧小区 regressed."""
    got = changed(v1_v2)
    assert got == [
        (
            "modified",
            "二、",
            "二、",
            "巡视反馈意见相关整改事项落实情况",
            "巡视反馈意见相关整改事项落实情况",
            False,
            False,
            "unchanged",
        ),
        ("modified", "1.", "1.", "产业园区招商引资质效不高", "产业园区招商引资质效不高", False, False, "unchanged"),
        (
            "modified",
            "",
            "",
            "部分街道招商队伍专业化水平不够",
            "部分街道招商队伍专业化水平不够",
            False,
            False,
            "improved",
        ),
        ("added", None, "", "企业投诉办理不及时", None, False, False, None),
        ("added", None, "2.", "重大项目建设推进缓慢", None, False, False, None),
        ("modified", "2.", "3.", "生态环境治理力度不足", "生态环境治理力度不够", False, True, "improved"),
        ("modified", "3.", "4.", "老旧小区改造进度偏慢", "老旧小区改造进度偏慢", False, True, "regressed"),
        ("modified", "4.", "5.", "基层医疗服务能力不足", "基层医疗服务能力不足", False, True, "improved"),
        ("unchanged", "5.", "6.", "文山会海问题仍然存在", "文山会海问题仍然存在", False, True, "unchanged"),
        ("removed", "", None, None, "督查检查考核过多过频", False, False, None),
        ("unchanged", "6.", "7.", "干部担当作为不够", "干部担当作为不够", False, True, "unchanged"),
        ("added", None, "", "年轻干部基层历练不足", None, False, False, None),
        (
            "modified",
            "三、",
            "三、",
            "立行立改相关整改事项落实情况",
            "立行立改相关整改事项落实情况",
            False,
            False,
            "unchanged",
        ),
    ]
    assert v1_v2.stats.by_change == {"unchanged": 16, "modified": 7, "added": 3, "removed": 1}  # 前言 not counted


def test_examples_metric_changes(v1_v2):
    m = v1_v2.metric_changes
    rows = [tuple(r) for r in m[["change", "label", "old_text", "new_text", "delta"]].itertuples(index=False)]
    assert ("changed", "协议投资额", "18.5亿元", "26.3亿元", 780_000_000.0) in rows
    assert ("changed", "新签约项目", "12个", "20个", 8.0) in rows
    assert ("changed", "惠及居民", "5600户", "5400户", -200.0) in rows
    assert ("changed", "培训招商人员", "260人次", "240人次", -20.0) in rows
    assert ("restated", "投入改造资金", "0.84亿元", "8400万元", 0.0) in rows
    # quantities of an added or removed item go with the item, not into the metric changes
    assert not any(r[1] == "精简督查检查事项" for r in rows)
    # unchanged quantities are not reported at all
    assert not any(r[2] == r[3] for r in rows)
    assert not m["label"].isin(["新建污水管网", "关停整治“散乱污”企业"]).any()


def test_examples_cross_version_checks(v1_v2):
    both = v1_v2.checks[v1_v2.checks["scope"] == "both"]
    # errors first, then warnings
    assert both[["check", "severity", "message"]].values.tolist() == [
        ["cumulative_shrank", "error", "累计数减少:培训招商人员 260人次→240人次"],
        ["status_regressed", "warning", "状态倒退:4. 老旧小区改造进度偏慢(已完成→正在推进)"],
        ["item_removed", "warning", "事项在新版中消失:督查检查考核过多过频"],
        ["total_changed_items_not", "warning", "立行立改问题:所述总数2→3,但所列事项数未变(2项)"],
    ]


def test_examples_reorder_is_found():
    """v2 -> v3: items 4 and 5 swap places; the one that jumped is moved, both renumbered."""
    got = changed(rectdiff.compare(V2, V3))
    assert ("unchanged", "5.", "4.", "基层医疗服务能力不足", "基层医疗服务能力不足", True, True, "unchanged") in got
    assert ("modified", "4.", "5.", "老旧小区改造进度偏慢", "老旧小区改造进度偏慢", False, True, "improved") in got
    assert ("added", None, "3.", "强化整改成果运用", None, False, False, None) in got


def test_same_report_has_no_change(seed_report):
    result = rectdiff.compare(seed_report, seed_report)
    assert set(result.pairs["change"]) == {"unchanged"}
    assert not result.pairs["moved"].any() and not result.pairs["renumbered"].any()
    assert len(result.metric_changes) == 0 and not result.has_changes


def _edit_seed(text: str) -> str:
    """The edits the seed tests expect to recover."""
    text = text.replace("针对统筹谋划长远发展不够问题", "针对统筹谋划长远发展不足问题")  # reword
    text = text.replace("累计拆迁绿芯内地上物458万平方米", "累计拆迁绿芯内地上物500万平方米")  # grow
    text = text.replace("调增人员和公用经费基本支出0.84亿元", "调增人员和公用经费基本支出8400万元")  # restate
    text = text.replace("目前已贯通跃进路及跃进路地道,龙山道正在施工。", "目前跃进路及龙山道已全部完成整改。")  # status
    start = text.index("针对“举一反三”整改事项“推进土地领域违纪违法案件")  # remove
    text = text[:start] + text[text.index("\n", start) + 1 :]
    text = text.replace("3.针对解决民生问题", "3.针对新增问题,进行了以下整改。完成新增任务5项。\n\n4.针对解决民生问题")
    for n in range(4, 31):  # renumber
        text = text.replace(f"\n{n}.针对", f"\n@{n + 1}.针对")
    text = text.replace("\n@", "\n")
    a = text.index("48.针对“推动改革促进发展”")  # reorder
    b = text.index("49.针对“推动改革促进发展”")
    c = text.index("50.针对“推动改革促进发展”")
    return text[:a] + text[b:c] + text[a:b] + text[c:]


def test_seed_edits_are_recovered(seed_text):
    old = parse_text(seed_text, "old")
    new = parse_text(_edit_seed(seed_text), "new")
    result = rectdiff.compare(old, new)
    p = result.pairs
    assert p[p["change"] == "added"]["new_heading"].tolist() == ["新增"]
    assert p[p["change"] == "removed"]["old_heading"].tolist() == ["推进土地领域违纪违法案件‘以案三促’工作有短板"]
    modified = p[p["change"] == "modified"]
    assert sorted(modified["new_heading"]) == sorted(
        [
            "绿色生态屏障建设进展缓慢",
            "解决民生问题用心用情不够",
            "统筹谋划长远发展不足",
            "跃进路、龙山道2条道路未实现打通",
        ]
    )
    status = p[p["status_change"].isin(["improved", "regressed"])]
    assert status[["new_heading", "old_status", "new_status", "status_change"]].values.tolist() == [
        ["跃进路、龙山道2条道路未实现打通", "in_progress", "completed", "improved"]
    ]
    # the edited report lists 31 numbered problems where it states 30个…已全部完成整改: which 30
    # are meant can no longer be told, so the 28 statuses that total gave are unstated, and the
    # sources say that it was the tool's inference, not the items' words, that changed
    unstated = p[p["status_change"] == "unstated"]
    assert len(unstated) == 28
    assert set(unstated[unstated["change"] == "modified"]["new_heading"]) <= set(modified["new_heading"])
    assert set(zip(unstated["old_status_source"], unstated["new_status_source"])) == {("stated_total", "unknown")}
    renumbered = p[p["renumbered"]]
    assert len(renumbered) == 27 + 1  # items 3..30 shift by one; 48/49 swap keeps reform numbers
    assert p[p["moved"]]["new_heading"].tolist() == ["责任属地水污染防治工作压力传导机制不到位"]
    m = result.metric_changes
    assert m[m["change"] == "changed"][["label", "old_text", "new_text"]].values.tolist() == [
        ["拆迁绿芯内地上物", "458万平方米", "500万平方米"]
    ]
    assert m[m["change"] == "restated"]["label"].tolist() == ["调增人员和公用经费基本支出"]


def test_swapped_sides_give_the_same_pairs(v1_v2):
    back = rectdiff.compare(V2, V1)
    forward = {(a, b) for a, b in zip(v1_v2.pairs["old_id"], v1_v2.pairs["new_id"])}
    backward = {(b, a) for a, b in zip(back.pairs["old_id"], back.pairs["new_id"])}
    assert forward == backward


def test_weak_match_is_not_forced():
    old = parse_text("1.针对会议过多问题,进行了以下整改。精简会议12个。")
    new = parse_text("1.针对扶贫资金闲置问题,进行了以下整改。盘活资金30万元。")
    pairs = align_items(old.item_rows, new.item_rows)
    assert sorted((o, n) for o, n, _sim in pairs) == [(-1, 0), (0, -1)]


def test_duplicate_headings_pair_one_to_one():
    text = "\n".join(
        [
            "一、问题整改",
            "1.针对台账不清问题,进行了以下整改。清理台账3本。",
            "2.针对台账不清问题,进行了以下整改。清理台账3本。",
            "3.针对制度缺失问题,进行了以下整改。制定制度2项。",
        ]
    )
    report = parse_text(text)
    pairs = align_items(report.item_rows, report.item_rows)
    assert sorted((o, n) for o, n, _sim in pairs) == [(i, i) for i in range(4)]


def test_shuffled_items_still_pair():
    rng = random.Random(7)
    lines = [
        f"{i}.针对{name}问题,进行了以下整改。完成任务{i}项。"
        for i, name in enumerate(["会议过多", "台账不清", "资金闲置", "制度缺失", "作风漂浮", "监督乏力"], 1)
    ]
    shuffled = lines[:]
    rng.shuffle(shuffled)
    old, new = parse_text("\n".join(lines)), parse_text("\n".join(shuffled))
    pairs = align_items(old.item_rows, new.item_rows)
    heading = lambda r, i: r.item_rows[i].heading  # noqa: E731
    assert all(heading(old, o) == heading(new, n) for o, n, _sim in pairs)
    assert all(o >= 0 and n >= 0 for o, n, _sim in pairs) and len(pairs) == 6


def test_item_moved_to_another_section_and_edited():
    """Item 3 moves from (二) to (一) and its heading loses a word; it is still the same item."""
    old = parse_text(
        "\n".join(
            [
                "一、整改情况",
                "(一)关于党建问题",
                "1.针对组织生活不规范问题,进行了以下整改。制定制度4项。",
                "2.针对党费收缴不及时问题,进行了以下整改。补缴党费3.5万元。",
                "(二)关于财务问题",
                "3.针对固定资产台账管理混乱问题,进行了以下整改。清理资产1200件。目前正在推进整改。",
                "4.针对公务接待超标准问题,进行了以下整改。退还超标费用2万元。",
            ]
        )
    )
    new = parse_text(
        "\n".join(
            [
                "一、整改情况",
                "(一)关于党建问题",
                "1.针对组织生活不规范问题,进行了以下整改。制定制度4项。",
                "2.针对党费收缴不及时问题,进行了以下整改。补缴党费3.5万元。",
                "3.针对固定资产台账混乱问题,进行了以下整改。清理资产1500件。该问题已完成整改。",
                "(二)关于财务问题",
                "4.针对公务接待超标准问题,进行了以下整改。退还超标费用2万元。",
            ]
        )
    )
    result = rectdiff.compare(old, new)
    p = result.pairs.set_index("new_heading")
    row = p.loc["固定资产台账混乱"]
    assert (row["old_id"], row["new_id"], row["change"], row["moved"]) == ("一/(二)/3", "一/(一)/3", "modified", True)
    assert (row["old_status"], row["new_status"], row["status_change"]) == ("in_progress", "completed", "improved")
    assert set(result.pairs["change"]) == {"unchanged", "modified"}
