"""Statuses, metrics and stated totals: unit tests of each form, and figures from the seed."""

from __future__ import annotations

import pytest

from rectdiff.parsing import parse_text
from rectdiff.parsing.checks import check_report
from rectdiff.parsing.metrics import extract_metrics
from rectdiff.parsing.totals import parse_totals
from rectdiff.parsing.verdict import item_status

from .conftest import V1, V2, item


def one(text):
    found = extract_metrics(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("新增盘活闲置资产3.68万平方米", 36800, "平方米"),
        ("调增基本支出0.84亿元", 84_000_000, "元"),
        ("调增基本支出8400万元", 84_000_000, "元"),
        ("纳税人22,417名", 22417, "名"),
        ("纳税人22417名", 22417, "名"),
        ("纳税人２２４１７名", 22417, "名"),
        ("召开会议两次", 2, "次"),
        ("设立五个专班", 5, "个"),
        ("整改问题十二个", 12, "个"),
        ("清理问题一百零三个", 103, "个"),
        ("覆盖居民3万4000人", 34000, "人"),
        ("完成率94.9%", 94.9, "%"),
        ("优良天数比例提高0.7个百分点", 0.7, "个百分点"),
        ("清掏雨水管网390千米", 390, "公里"),
    ],
)
def test_number_forms(text, value, unit):
    m = one(text)
    assert (m["value"], m["unit"]) == (pytest.approx(value), unit)
    assert m["approx"] is False


def test_same_value_two_ways_is_the_same_value():
    assert one("支出0.84亿元")["value"] == one("支出8400万元")["value"]
    assert one("设立五个专班")["value"] == one("设立5个专班")["value"]


@pytest.mark.parametrize(
    "text, lo, hi",
    [
        ("形成专题调研报告400余篇", 400, None),
        ("服务群众近2万人", None, 20000),
        ("新建站点3至5个", 3, 5),
        ("使用率超过60%", 60, None),
        ("累计检查餐饮单位7200余家次", 7200, None),
    ],
)
def test_approximate_values_are_bounds(text, lo, hi):
    m = one(text)
    assert m["approx"] is True and m["value"] is None
    assert (m["value_min"], m["value_max"]) == (lo, hi)


@pytest.mark.parametrize(
    "text",
    [
        "2021年9月1日开学",
        "区委第14轮巡察",
        "创建第七届全国文明城区",
        "制定《三年行动计划(2021-2023年)》",
        "联系电话:84838689",
        "PM2.5浓度下降",
        "推行“四个全员抓”机制",
        "一是加强领导",
        "建立一批项目",
        "统一思想,开好两会",
    ],
)
def test_not_metrics(text):
    assert extract_metrics(text) == []


def test_labels_and_flags():
    m = one("二是区委主要领导同志经常性到绿屏实地调研,累计拆迁绿芯内地上物458万平方米,持续加快工程建设。")
    assert (m["label"], m["text"], m["value"], m["cumulative"]) == ("拆迁绿芯内地上物", "458万平方米", 4_580_000, True)
    m = one("对56项区级重点民生项目作出安排")
    assert m["label"] == "对…区级重点民生项目作出安排"


def test_metric_spans_point_into_the_original():
    body = "推进医疗产业园6万平方米经营公建办证工作，新增盘活闲置资产３.６８万平方米。"
    for m in extract_metrics(body):
        assert body[m["start"] : m["end"]] == m["text"]


@pytest.mark.parametrize(
    "body, status, phrase",
    [
        ("一是完成整改。二是发现问题106处,已全部完成整改。三是建立制度。", "unknown", ""),
        ("该问题已完成整改。一是每年制定计划。", "completed", "已完成整改"),
        ("加强监管。目前已贯通跃进路,龙山道正在施工。", "in_progress", "正在施工"),
        ("整改完成情况:基本完成。", "substantially_completed", "基本完成"),
        ("截至目前,该项任务阶段性完成。", "phase_completed", "阶段性完成"),
        ("截至目前,尚未完成整改。", "not_completed", "尚未完成整改"),
        ("截至3月底,该任务未达到序时进度。", "not_completed", "未达到序时进度"),
        ("截至3月底,该任务达到序时进度。", "in_progress", "达到序时进度"),
        ("目前已完成交账销号。", "completed", "已完成交账销号"),
        ("该问题尚未启动整改。", "not_completed", "尚未启动"),
        ("推进整改。", "unknown", ""),
    ],
)
def test_status_phrases(body, status, phrase):
    st = item_status(body)
    assert (st.status, st.text) == (status, phrase)


def test_partial_count_is_in_progress_with_progress():
    st = item_status("统筹推进30个问题整改,截至目前有关问题已整改完成18个,其余问题正在推进整改中。")
    assert (st.status, st.done, st.total) == ("in_progress", 18, 30)
    st = item_status("一是倒排工期,241户违建业主中210户按标准拆除完毕,其余正在推进拆除工作。二是入户宣传。")
    assert (st.status, st.done, st.total) == ("in_progress", 210, 241)


def test_seed_statuses(seed_report):
    row = item(seed_report, "二/(三)/8/举一反三-1")
    assert (row["status"], row["status_evidence"]) == ("in_progress", "目前已贯通跃进路及跃进路地道,龙山道正在施工。")
    row = item(seed_report, "二/(十)/针对-1")
    assert (row["status"], row["progress_done"], row["progress_total"]) == ("in_progress", 18, 30)
    row = item(seed_report, "二/(十二)/29")
    assert (row["status"], row["progress_done"], row["progress_total"]) == ("in_progress", 210, 241)
    row = item(seed_report, "二/(十三)/30")
    assert (row["status"], row["progress_done"], row["progress_total"]) == ("substantially_completed", 15, 23)
    assert item(seed_report, "二/(三)/9/举一反三-3")["status"] == "unknown"  # 已全部完成 inside a measure


def test_seed_metrics(seed_report):
    m = seed_report.metrics
    row = m[(m["item_id"] == "二/(一)/2") & (m["text"] == "458万平方米")].iloc[0]
    assert (row["label"], row["value"], row["unit"], row["cumulative"]) == (
        "拆迁绿芯内地上物",
        4_580_000,
        "平方米",
        True,
    )
    row = m[(m["item_id"] == "二/(一)/3") & (m["text"] == "0.84亿元")].iloc[0]
    assert (row["label"], row["value"], row["unit"]) == ("调增人员和公用经费基本支出", 84_000_000, "元")
    row = m[(m["item_id"] == "二/(三)/8/举一反三-4") & (m["text"] == "22417名")].iloc[0]
    assert row["value"] == 22417
    row = m[(m["item_id"] == "二/(二)/4") & (m["text"] == "400余篇")].iloc[0]
    assert (row["approx"], row["value"], row["value_min"]) == (True, None, 400)
    assert not m["text"].str.contains("年|PM", regex=True).any()


def test_seed_totals(seed_report):
    """The report-level totals, the counts without a breakdown, and the totals inside items."""
    rows = {(r["category"], r["total"]): r for r in seed_report.totals.to_dict("records")}
    assert rows[("具体问题", 30)]["completed"] == 30 and rows[("具体问题", 30)]["stated_rate"] == 100.0
    assert rows[("具体问题", 30)]["item_id"] == "二"
    extension = rows[("“举一反三”整改事项", 59)]
    assert (extension["kind"], extension["completed"], extension["substantially_completed"]) == ("extension", 56, 3)
    reform = rows[("“推动改革促进发展”整改事项", 40)]
    assert [reform[f] for f in ("completed", "phase_completed", "substantially_completed", "not_completed")] == [
        30, 8, 1, 1]  # fmt: skip
    assert rows[("本单位立行立改问题", 1)]["completed"] == 1
    assert rows[("整改意见", 11)]["completed"] == 11
    # counts without a breakdown
    assert ("重点问题", 13) in rows and ("问题表现", 36) in rows
    # counts inside items: (十), item 30, and an audit ledger in a 举一反三 item
    inside = {(r["total"], r["completed"], r["substantially_completed"], r["item_id"]) for r in rows.values()}
    assert (30, 18, None, "二/(十)/针对-1") in inside
    assert (23, 15, 8, "二/(十三)/30") in inside
    assert (105, 95, None, "二/(十三)/30/举一反三-1") in inside


def test_seed_checks(seed_report):
    """Every stated total adds up; the report lists 58 举一反三 items where it states 59; and the
    items that contradict 30个具体问题已全部完成整改 (29, 30, (十)) or the 举一反三 breakdown
    (龙山道正在施工) are each named."""
    c = seed_report.checks
    assert (c[c["check"].isin(["counts_add_up", "rate_matches"])]["severity"] == "ok").all()
    bad = c[c["severity"].isin(["warning", "error"])]
    assert bad["message"].tolist() == [
        "具体问题:所述30项(已完成30),但“历次整改不到位”自述正在推进(18/30)",
        "具体问题:所述30项(已完成30),但“29. 矽谷港湾拆违”自述正在推进(210/241)",
        "具体问题:所述30项(已完成30),但“30. 审计整改不到位”自述基本完成(15/23)",
        "“举一反三”整改事项:所述59项,列出58项",
        "“举一反三”整改事项:所述59项(已完成56、基本完成3),但“跃进路、龙山道2条道路未实现打通”自述正在推进",
        "“举一反三”整改事项:所述59项(已完成56、基本完成3),但“部分审计发现问题整改后再次经审计发现”自述正在推进(95/105)",
    ]
    listed = c[(c["check"] == "listed_items")]["message"].tolist()
    assert "具体问题:所述30项,列出31项(其中编号30项)" in listed


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "截至目前,巡察反馈25个问题,已完成整改19个、正在整改6个,整改完成率76%。",
            {"total": 25, "completed": 19, "in_progress": 6, "stated_rate": 76.0},
        ),
        (
            "截至3月底,我省89项中央环保督察整改任务,已整改完成45项,37项达到序时进度,但有7项整改任务未按期完成或未达到序时进度。",
            {"total": 89, "completed": 45, "in_progress": 37, "not_completed": 7},
        ),
        (
            "截至目前,66项整改任务已整改完成27项,其余39项整改任务正积极推进。",
            {"total": 66, "completed": 27, "in_progress": 39},
        ),
        (
            "反映的713个问题,已完成整改685个,正在整改28个,整改率96.07%。",
            {"total": 713, "completed": 685, "in_progress": 28, "stated_rate": 96.07},
        ),
        (
            "5个专项审计查出的46个问题,除7个尚在继续整改外,其余均已整改到位。",
            {"total": 46, "in_progress": 7, "completed": 39},
        ),
    ],
)
def test_totals_phrasings(text, expected):
    rows = parse_totals([("前言", text, False)])
    assert len(rows) == 1
    assert {k: rows[0][k] for k in expected} == expected


def test_checks_find_what_does_not_add_up():
    rows = parse_totals([("前言", "查摆问题20个,已完成整改15个,基本完成3个,完成率80%。", False)])
    checks = check_report(rows, list(parse_text("1.针对问题一,进行了以下整改。完成。").item_rows))
    by = {c["check"]: c for c in checks}
    assert by["counts_add_up"]["severity"] == "warning" and "少于所述总数20(差2)" in by["counts_add_up"]["message"]
    assert by["rate_matches"]["severity"] == "error"


def test_examples_checks():
    """v1 adds up everywhere; v2 states a 举一反三 rate of 80% for 5 of 6 and 3 立行立改 items but lists 2."""
    import rectdiff

    v1 = rectdiff.parse(V1).checks
    assert (v1["severity"] == "ok").all()
    v2 = rectdiff.parse(V2).checks
    bad = v2[v2["severity"] != "ok"][["check", "severity", "message"]].values.tolist()
    assert bad == [
        ["rate_matches", "error", "“举一反三”整改事项:5/6 = 83.33%,与所述完成率80%不符"],
        ["listed_items", "warning", "立行立改问题:所述3项,列出2项"],
    ]
