"""Stage 4 on tiny in-memory reports: what changed within each pair, totals, red flags, counts."""

from __future__ import annotations

import pytest

import rectdiff
from rectdiff.diff.metrics import metric_changes
from rectdiff.diff.pairs import status_change


@pytest.fixture(scope="module")
def result(tiny):
    return rectdiff.compare(*tiny)


def rows(frame, columns):
    return [tuple(r) for r in frame[columns].itertuples(index=False)]


def test_pairs(result):
    got = rows(result.pairs, ["change", "old_number", "new_number", "new_heading", "renumbered", "status_change"])
    assert got == [
        ("modified", "一、", "一、", "巡察反馈问题整改情况", False, "unchanged"),
        ("unchanged", "1.", "1.", "会议过多", False, "unchanged"),
        ("added", None, "2.", "资金闲置", False, None),
        ("modified", "2.", "3.", "台账不清", True, "improved"),
        ("removed", "3.", None, None, False, None),
        ("modified", "4.", "4.", "作风浮漂", False, "unchanged"),
    ]


def test_status_evidence_travels_with_the_pair(result):
    row = result.pairs.set_index("new_heading").loc["台账不清"]
    assert (row["old_status_evidence"], row["new_status_evidence"]) == ("目前正在推进整改。", "该问题已完成整改。")


def test_metric_changes(result):
    got = rows(result.metric_changes, ["change", "label", "old_text", "new_text", "delta", "cumulative"])
    assert got == [
        # the section's own counts are quantities too
        ("changed", "本轮巡察反馈问题", "共4个", "共5个", 1.0, True),
        ("changed", "完成整改", "2个", "4个", 2.0, False),
        ("changed", "正在整改", "2个", "1个", -1.0, False),
        ("restated", "精简会议", "12个", "１２个", 0.0, False),
        ("changed", "清理台账", "3本", "5本", 2.0, False),
        ("changed", "培训干部", "260人次", "240人次", -20.0, True),
    ]


def test_a_restatement_is_no_change(tiny):
    """12个 → １２个 alone: the summary says 未变 and --exit-code must agree (exit 0)."""
    from rectdiff.parsing import parse_text

    old = parse_text("1.针对会议过多问题,进行了以下整改。精简会议12个。")
    new = parse_text("1.针对会议过多问题,进行了以下整改。精简会议１２个。")
    result = rectdiff.compare(old, new)
    assert result.pairs["change"].tolist() == ["unchanged"]
    assert result.metric_changes["change"].tolist() == ["restated"]
    assert result.stats.metric_changes == 0 and result.has_changes is False


def test_totals_are_paired(result):
    t = result.totals.iloc[0]
    assert len(result.totals) == 1
    assert (t["old_total"], t["new_total"], t["old_completed"], t["new_completed"]) == (4, 5, 2, 4)
    assert (t["old_in_progress"], t["new_in_progress"]) == (2, 1)


def test_cross_version_checks(result):
    both = result.checks[result.checks["scope"] == "both"]
    assert rows(both, ["check", "severity", "message"]) == [
        ("cumulative_shrank", "error", "累计数减少:培训干部 260人次→240人次"),
        ("item_removed", "warning", "事项在新版中消失:3. 制度缺失"),
        ("total_changed_items_not", "warning", "巡察反馈问题:所述总数4→5,但所列事项数未变(4项)"),
    ]


def test_stats(result):
    s = result.stats
    assert s.by_change == {"modified": 3, "unchanged": 1, "added": 1, "removed": 1}
    assert s.status_changes == {"improved": 1}
    assert s.status_matrix["in_progress"]["completed"] == 1
    assert s.metric_changes == 5 and result.has_changes


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("in_progress", "completed", "improved"),
        ("completed", "in_progress", "regressed"),
        ("unknown", "completed", "stated"),
        ("completed", "unknown", "unstated"),
        ("in_progress", "in_progress", "unchanged"),
    ],
)
def test_status_change(old, new, expected):
    assert status_change(old, new) == expected


def test_metric_pairing_is_optimal():
    """Two quantities in 人: greedy would give 新增 the nearest label (新增培训) and strand 培训;
    the optimum pairs each with its own label."""

    def metric(label, text, value):
        return {"label": label, "text": text, "unit": "人", "nominal": value, "approx": False, "cumulative": False}

    item = {"item_id": "1", "heading": "h"}
    old = [metric("培训干部", "30人", 30.0), metric("新增培训干部", "5人", 5.0)]
    new = [metric("新增培训干部", "8人", 8.0), metric("培训干部", "30人", 30.0)]
    got = [(m["change"], m["label"], m["old_text"], m["new_text"]) for m in metric_changes(item, item, old, new)]
    assert got == [("changed", "新增培训干部", "5人", "8人")]
