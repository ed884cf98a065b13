"""A report followed through four versions: what each item, figure and stated total did, the
timeline workbook read back, and the JSON. The examples are made to hold one of each thing an
auditor must not miss: a step back, an item stuck three versions, an item that vanished and
came back, a running total that fell."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from openpyxl import load_workbook

import rectdiff
from rectdiff.render.data import series_dict, series_summary
from rectdiff.render.timeline import write_series_xlsx

from .conftest import V1, V2, V3, V4


@pytest.fixture(scope="module")
def series():
    return rectdiff.series([V3, V1, V4, V2])  # out of order on purpose: dates decide


def lineage(series, heading):
    rows = [r for r in series.lineages.to_dict("records") if r["heading"] == heading]
    assert len(rows) == 1, (heading, len(rows))
    return rows[0]


def test_versions_are_ordered_by_date(series):
    assert [r.meta.source for r in series.reports] == [str(V1), str(V2), str(V3), str(V4)]
    assert series.labels == ("V1 2023-06-15", "V2 2023-12-18", "V3 2024-12-16", "V4 2025-06-16")


def test_keep_order_takes_the_versions_as_given():
    kept = rectdiff.series([V2, V1], keep_order=True)
    assert [r.meta.source for r in kept.reports] == [str(V2), str(V1)]


def test_a_step_back_is_flagged_and_the_renumbering_followed(series):
    row = lineage(series, "老旧小区改造进度偏慢")
    assert row["statuses"] == ["completed", "in_progress", "completed", "completed"]
    assert row["numbers"] == ["3.", "4.", "5.", "5."]
    assert row["flags"] == ["regressed"]


def test_an_item_in_progress_for_three_versions_is_stuck(series):
    row = lineage(series, "重大项目建设推进缓慢")
    assert row["statuses"] == [None, "in_progress", "in_progress", "in_progress"]
    assert (row["first"], row["last"]) == (2, 4)
    assert row["flags"] == ["stuck"]


def test_an_item_that_vanished_and_came_back_is_one_lineage(series):
    row = lineage(series, "督查检查考核过多过频")
    present = [i is not None for i in row["ids"]]
    assert present == [True, False, False, True]
    assert row["flags"] == ["reappeared"]


def test_a_running_total_that_fell_is_flagged_and_followed_across_versions(series):
    metrics = series.metrics.to_dict("records")
    trained = next(m for m in metrics if m["label"] == "培训招商人员")
    assert trained["texts"] == ["260人次", "240人次", "240人次", "310人次"]
    assert trained["flags"] == ["cumulative_fell"] and trained["cumulative"]
    assert trained["change_text"] == "+50人次"
    invested = next(m for m in metrics if m["label"] == "协议投资额")
    assert invested["change_text"] == "+7.8亿元"
    assert not invested["flags"]


def test_a_quantity_stated_alike_in_every_version_is_steady(series):
    """``steady`` (what 指标轨迹 folds away) is carried on the lineage: the same text in every version."""
    steady = {m.label: m.steady for m in series.metric_rows}
    assert steady["盘活闲置厂房"] and steady["明确整改措施"]  # 3.2万平方米 and 48条, four times each
    assert not steady["协议投资额"] and not steady["办结企业诉求"]  # 18.5亿元 → 26.3亿元; absent from V1
    assert all(m.steady == (len(set(m.texts)) == 1 and m.texts[0] is not None) for m in series.metric_rows)
    assert "steady" not in series_dict(series)["metrics"][0]  # the JSON stays as it was


def test_each_step_pairs_as_its_comparison_paired(series):
    """A series does not pair quantities and stated totals again: each step's comparison carries
    its pairings (unchanged quantities too), and the lineages follow them."""
    lineage = next(lin for lin in series.lineage_rows if lin.heading == "部分街道招商队伍专业化水平不够")
    first, second = series.comparisons[0], series.comparisons[1]
    texts = {m.item_id: [] for m in series.reports[0].metric_rows}
    for m in series.reports[0].metric_rows:
        texts[m.item_id].append(m.text)
    paired = first.metric_pairing[lineage.ids[0], lineage.ids[1]]
    assert "260人次" in [texts[lineage.ids[0]][i] for i, _j in paired]
    assert (lineage.ids[1], lineage.ids[2]) in second.metric_pairing  # 240人次 → 240人次: unchanged, paired
    feedback = [n for n, t in enumerate(series.reports[0].total_rows) if t.category == "具体问题"]
    assert any(i in feedback for i, _j in first.total_pairing)


def test_stated_totals_are_followed_version_by_version(series):
    totals = {t["category"]: t for t in series.totals.to_dict("records")}
    assert totals["具体问题"]["texts"] == ["4/6", "5/7", "6/7", "6/7"]
    assert totals["具体问题"]["rates"] == [66.7, 71.4, 85.7, 85.7]
    assert totals["立行立改问题"]["texts"] == ["2/2", "3/3", "2/2", "2/2"]


def test_checks_name_their_version_or_the_step_between_versions(series):
    checks = series.checks.to_dict("records")
    assert {"scope": "V2", "check": "rate_matches", "severity": "error"}.items() <= checks[0].items()
    fell = next(c for c in checks if c["check"] == "cumulative_shrank")
    assert fell["scope"] == "V1→V2"
    assert [c["severity"] for c in checks] == sorted(
        (c["severity"] for c in checks), key=["error", "warning", "info", "ok"].index
    )


def test_the_series_carries_what_needs_attention(series):
    """The 概览 of a timeline reads these findings; each indexes the table it names."""
    found = {f.key: f for f in series.attention}
    assert list(found) == ["regressed", "overdue", "stuck", "reappeared", "vanished", "cumulative_fell",
                           "failed_checks"]  # fmt: skip
    tables = {"lineages": series.lineage_rows, "metrics": series.metric_rows, "checks": series.check_rows}
    named = {f.key: [getattr(tables[f.table][n], "heading", None) for n in f.rows] for f in series.attention}
    assert named["regressed"] == ["老旧小区改造进度偏慢"] and named["stuck"] == ["重大项目建设推进缓慢"]
    assert named["reappeared"] == ["督查检查考核过多过频"] and found["overdue"].count == found["vanished"].count == 0
    assert found["cumulative_fell"].table == "metrics" and found["cumulative_fell"].count == 1
    failed = found["failed_checks"]
    assert failed.count == 9 and all(series.check_rows[n].severity in ("error", "warning") for n in failed.rows)


def test_timeline_workbook_reads_back(series, tmp_path):
    path = tmp_path / "timeline.xlsx"
    written = write_series_xlsx(series, str(path))
    book = load_workbook(path)
    versions = ["原文 V1", "原文 V2", "原文 V3", "原文 V4"]
    assert (
        book.sheetnames == ["概览", "疑点清单", "时间线", "指标轨迹", "总数轨迹", "核对", *versions]
        and written.sheets == 10
    )
    ws = book["时间线"]
    header = [c.value for c in ws[1]]
    assert header[4:8] == ["V1\n2023-06-15", "V2\n2023-12-18", "V3\n2024-12-16", "V4\n2025-06-16"]
    rows = {r[3]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    back = rows["老旧小区改造进度偏慢"]
    assert back[4:8] == ("已完成", "↓ 正在推进", "↑ 已完成", "已完成")
    assert back[header.index("标记")] == "倒退"
    assert rows["督查检查考核过多过频"][4:8] == ("基本完成", "—", "—", "基本完成")
    assert ws.cell(row=2, column=5).value is None  # a preamble states no status: left empty
    # the overview counts what needs attention and links to the first row of each
    overview = {r[0]: r for r in book["概览"].iter_rows(values_only=True) if r[0]}
    assert overview["状态倒退的事项"][1] == 1 and overview["停滞的事项"][1] == 1
    assert overview["减少的累计数"][1] == 1
    link = next(c for c in book["概览"]["C"] if c.value == "查看")
    assert link.hyperlink.location.startswith("'时间线'!A")
    # figures that never changed are kept, grouped after the others and collapsed
    paths = book["指标轨迹"]
    hidden = [r for r in range(2, paths.max_row + 1) if paths.row_dimensions[r].hidden]
    shown = [r for r in range(2, paths.max_row + 1) if not paths.row_dimensions[r].hidden]
    assert hidden and shown and max(shown) < min(hidden)
    assert paths.max_row - 1 == len(series.metrics)


def test_timeline_in_english(series, tmp_path):
    path = tmp_path / "timeline.xlsx"
    write_series_xlsx(series, str(path), lang="en")
    book = load_workbook(path)
    assert book.sheetnames == ["Overview", "Doubts", "Timeline", "Figure paths", "Stated totals", "Checks",
                               *[f"Source text V{k}" for k in range(1, 5)]]  # fmt: skip
    rows = {r[3]: r for r in book["Timeline"].iter_rows(min_row=2, values_only=True)}
    assert rows["老旧小区改造进度偏慢"][5] == "↓ in progress"


def test_series_json_and_summary(series):
    data = json.loads(json.dumps(series_dict(series)))
    assert [v["label"] for v in data["versions"]] == list(series.labels)
    back = next(x for x in data["lineages"] if x["heading"] == "老旧小区改造进度偏慢")
    assert back["statuses"] == ["completed", "in_progress", "completed", "completed"] and back["notes"] == []
    assert {"versions", "lineages", "metrics", "totals", "checks", "doubts"} == set(data)
    text = series_summary(series)
    assert "事项数: 24 → 26 → 27 → 28" in text
    assert "倒退 1: 老旧小区改造进度偏慢" in text and "具体问题: 4/6 → 5/7 → 6/7 → 6/7" in text


def test_a_series_needs_two_versions():
    with pytest.raises(rectdiff.RectdiffError, match="至少需要两个版本"):
        rectdiff.series([V1])


def test_a_series_is_followed_without_pandas():
    """Reading, parsing, aligning, diffing, following three versions (history) and their doubts
    work on records: pandas (and scipy, for tiny assignments) is never imported, in a fresh process."""
    code = (
        "import sys\n"
        "import rectdiff\n"
        f"s = rectdiff.series([{str(V1)!r}, {str(V2)!r}, {str(V3)!r}])\n"
        "print(len(s.lineage_rows), len(s.metric_rows), len(s.total_rows), [f.count for f in s.attention])\n"
        "print(len(s.doubts), sorted({m.split('.')[0] for m in sys.modules} & {'pandas', 'scipy'}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["29 50 3 [1, 0, 0, 0, 1, 1, 9]", "3 []"]


def _step_pairs(series, k: int) -> set[tuple[int, int]]:
    """The stated totals a series follows from version k to k + 1, as (old, new) positions in
    the versions' ``total_rows``; each total told by its passage, counts and kind (a pairing keeps
    the kind), unique in these texts."""

    def key(kind, at, total, completed):
        return kind, at, total, completed

    keys = []
    for report in (series.reports[k], series.reports[k + 1]):
        found = {key(t.kind, t.source_at, t.total, t.completed): n for n, t in enumerate(report.total_rows)}
        assert len(found) == len(report.total_rows)  # the keys tell every total apart
        keys.append(found)
    steps = set()
    for t in series.total_rows:
        if t.texts[k] is not None and t.texts[k + 1] is not None:
            at = [key(t.kind, t.sources_at[v], t.totals[v], t.completed[v]) for v in (k, k + 1)]
            steps.add((keys[0][at[0]], keys[1][at[1]]))
    return steps


def test_a_series_follows_the_stated_totals_its_comparisons_paired(series):
    """One pairing of stated totals (``Comparison.total_pairing``): each step of the series follows
    exactly the report-level totals its comparison paired; an item's own count (``in_item``) is
    never paired with the report's total, so nothing the comparison pairs is lost to the series.
    Moved inside an item (立行立改问题 2/2 stated in an item's text in the new version), the report's
    total is gone and the item's count new, in the comparison as in the series."""
    from rectdiff.parsing import parse_text

    text = V1.read_text(encoding="utf-8")
    moved = text.replace("本轮巡视期间共移交立行立改问题2个,目前已完成整改2个。\n", "").replace(
        "设置便民疏导点3个。", "设置便民疏导点3个。移交立行立改问题2个,目前已完成整改1个。"
    )
    assert moved.count("立行立改问题2个") == 1
    old, new = parse_text(text, "v1.txt"), parse_text(moved, "v2.txt")
    assert [(t.category, t.in_item) for t in new.total_rows if t.kind == "immediate"] == [("立行立改问题", True)]
    step = rectdiff.series([old, new], keep_order=True)
    for s in (series, step):
        for k, comparison in enumerate(s.comparisons):
            olds, news = s.reports[k].total_rows, s.reports[k + 1].total_rows
            assert all(olds[i].in_item == news[j].in_item for i, j in comparison.total_pairing)
            report_level = {(i, j) for i, j in comparison.total_pairing if not olds[i].in_item}
            assert _step_pairs(s, k) == report_level
    immediate = [(t.in_item, t.old_total, t.new_total) for t in step.comparisons[0].totals.itertuples() if
                 t.kind == "immediate"]  # fmt: skip
    assert sorted(immediate) == [(False, 2, None), (True, None, 2)]  # not one total that fell 2 → 1 done
    assert [t.texts for t in step.total_rows if t.kind == "immediate"] == [["2/2", None]]
    assert not [c for c in step.comparisons[0].check_rows if c.check == "cumulative_shrank"]


@pytest.mark.parametrize(
    ("statuses", "sources", "expected"),
    [
        # stated, then a summary's, then stated again lower: a step back on what the report stated (↓ at V3)
        (["completed", "in_progress", "in_progress"], ["item", "summary", "label"], [None, "inferred", "regressed"]),
        (["in_progress", "completed", "completed"], ["item", "section", "item"], [None, "inferred", "improved"]),
        # back to the stated status after an inferred one: a change from an inference, no move
        (["completed", "in_progress", "completed"], ["item", "summary", "item"], [None, "inferred", "inferred"]),
        (
            ["in_progress", None, "unknown", "completed"],
            ["item", None, "unknown", "item"],
            [None, None, None, "improved"],
        ),
        (["not_completed", "in_progress"], ["stated_total", "item"], [None, "inferred"]),
    ],
)
def test_each_step_is_said_once_for_the_flag_and_the_timeline(statuses, sources, expected):
    """``Lineage.steps`` is the one reading of each version's status against the ones before: the
    ``regressed`` flag and the timeline's ↑ ↓ 推断 both come from it, so a flag never stands
    without its arrow."""
    from dataclasses import replace

    from rectdiff.history.lineages import flags, steps
    from rectdiff.render.timeline import _status_texts

    assert steps(statuses, sources) == expected
    base = rectdiff.series([V1, V2]).lineage_rows[6]
    n = len(statuses)
    lineage = replace(base, kind="feedback", statuses=statuses, sources=sources, steps=expected, first=1, last=n,
                      numbers=[None] * n, ids=["x"] * n, headings=["h"] * n, deadline="", deadline_date=None)  # fmt: skip
    texts = _status_texts(lineage, "zh")
    assert ("regressed" in flags(lineage, "")) == any(t.startswith("↓") for t in texts)
    marks = [t[0] if t[:1] in "↑↓" else ("推断" if t.endswith("(推断)") else None) for t in texts]
    assert marks == [{"improved": "↑", "regressed": "↓", "inferred": "推断"}.get(s) for s in expected]
