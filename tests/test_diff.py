"""Stage 4 on tiny in-memory reports: what changed within each pair, totals, red flags, counts."""

from __future__ import annotations

import subprocess
import sys

import pytest

import rectdiff
from rectdiff.diff.metrics import metric_changes
from rectdiff.records import Item, Metric
from rectdiff.rules import status_change

from .conftest import V1, V2


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
    assert result.restated == 1  # what the summary names apart (同值改写 1)
    assert result.metric_pairing == {("1", "1"): ((0, 0),)}  # the pairing the comparison made, for history


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

    item = _item()
    old = [_metric("培训干部", "30人", "人", 30.0), _metric("新增培训干部", "5人", "人", 5.0)]
    new = [_metric("新增培训干部", "8人", "人", 8.0), _metric("培训干部", "30人", "人", 30.0)]
    got = [(m.change, m.label, m.old_text, m.new_text) for m in metric_changes(item, item, old, new)]
    assert got == [("changed", "新增培训干部", "5人", "8人")]


def _metric(label: str, text: str, unit: str, value: float) -> Metric:
    """A quantity as parsing reads it from an item's body (exact, not a running total)."""
    return Metric(item_id="1", label=label, text=text, number=value, multiplier=None, unit=unit, value=value,
                  value_min=value, value_max=value, nominal=value, approx=False, cumulative=False,
                  is_percent=False, start=None, end=None, source="", source_at=None)  # fmt: skip


def _item() -> Item:
    """The item both versions of the quantities stand in."""
    return Item(item_id="1", parent_id="", level=1, kind="feedback", number="1.", heading="h", body="", measures=[],
                order=1, status="unknown", status_source="unknown", status_text="", status_evidence="",
                progress_done=None, progress_total=None, fields={}, responsible="", deadline="", overdue=False, text="", key="h",
                source="", source_at=None, evidence_source="", evidence_at=None)  # fmt: skip


def _quantities(values, units=("万元", "个", "户")):
    """Quantities as a list read as one item holds them: three per line, labels repeating."""
    out = []
    for k, value in values:
        for unit, label in zip(units, ("完成投资", "改造小区", "惠及居民")):
            text = f"{value if unit == '万元' else k % 40}{unit}"
            out.append(_metric(label, text, unit, float(text[: -len(unit)])))
    return out


def test_thousands_of_quantities_in_one_item_pair_in_order():
    """A whole list read as one item (1,800 quantities on each side, far past the dense limit):
    anchored by the unchanged ones, each changed value pairs with its own line, a dropped line's
    quantities are removed, and nothing else is reported."""
    item = _item()
    old = _quantities([(k, 100 + k) for k in range(600)])
    new = _quantities([(k, 100 + k + (5 if k % 50 == 7 else 0)) for k in range(600) if k != 300])
    got = [(m.change, m.old_text, m.new_text) for m in metric_changes(item, item, old, new)]
    changed = [(c, o, n) for c, o, n in got if c == "changed"]
    assert changed == [("changed", f"{107 + 50 * q}万元", f"{112 + 50 * q}万元") for q in range(12)]
    assert sorted(o for c, o, _ in got if c == "removed") == ["20个", "20户", "400万元"]
    assert len(got) == 15


def test_a_huge_body_is_compared_clause_by_clause(monkeypatch):
    """Past HUGE_TOKENS tokens the redline pairs clauses first: both texts come back whole and the
    one changed figure is the only change."""
    from rectdiff.diff import redline as module

    monkeypatch.setattr(module, "HUGE_TOKENS", 50)
    old = "".join(f"第{k}片区完成{k}处，" for k in range(200))
    new = old.replace("第77片区完成77处", "第77片区完成79处")
    segments = module.redline(old, new)
    assert "".join(t for op, t in segments if op != 1) == old
    assert "".join(t for op, t in segments if op != -1) == new
    assert [(op, t) for op, t in segments if op] == [(-1, "77处"), (1, "79处")]


def test_a_rewritten_body_gets_an_exact_redline_whatever_its_clause_order():
    """A later version that rewrites a body (its clauses in another order, one figure changed):
    the redline is exact (both texts come back whole), deletions come before insertions, a figure
    with its unit is one token, and the clauses kept in order stay equal."""
    from rectdiff.diff.redline import redline

    clauses = [f"第{k}片区完成{k}处整治，" for k in range(120)]
    old = "".join(clauses)
    new = "".join(reversed(clauses[:60])) + "".join(clauses[60:]).replace("完成99处", "完成120处")
    segments = redline(old, new)
    assert "".join(t for op, t in segments if op != 1) == old
    assert "".join(t for op, t in segments if op != -1) == new
    assert (-1, "99处") in segments and (1, "120处") in segments
    assert all(not (a[0] == 1 and b[0] == -1) for a, b in zip(segments, segments[1:]))
    assert "".join(t for op, t in segments if op == 0).endswith("".join(clauses[100:]))


def test_align_and_diff_work_without_pandas():
    """Aligning and diffing two parsed examples works on records: pandas (and scipy, for tiny
    assignments) is never imported, in a fresh process."""
    code = (
        "import sys\n"
        "import rectdiff.align, rectdiff.diff\n"
        "from rectdiff.api import parse\n"
        f"result = rectdiff.diff.compare_reports(parse({str(V1)!r}), parse({str(V2)!r}))\n"
        "print(result.stats.by_change, [f.count for f in result.attention])\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pandas', 'scipy'}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == [
        "{'unchanged': 16, 'modified': 7, 'added': 3, 'removed': 1} [1, 0, 1, 1, 0, 6, 1]",
        "[]",
    ]
