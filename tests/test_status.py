"""Every item's status and where it came from: the phrase grammar, each source, and the precedence
between them, on the team's own small texts of each layout."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rectdiff
from rectdiff.parsing import parse_text
from rectdiff.parsing.status import find_phrases, status_of
from rectdiff.parsing.verdict import item_status

from .conftest import item


@pytest.mark.parametrize(
    "phrase, status",
    [
        # ongoing: a marker, any manner words, a verb (or a verb with 中)
        ("正在推进", "in_progress"), ("仍在加快推进", "in_progress"), ("尚在继续整改", "in_progress"),
        ("正在推进拆除工作", "in_progress"), ("整改跟踪中", "in_progress"), ("正积极推进", "in_progress"),
        ("有序推进中", "in_progress"), ("达到序时进度", "in_progress"), ("取得明显进展", "in_progress"),
        # done: a marker and a core, or a core that is never an ordinary verb
        ("已完成整改", "completed"), ("已全部拆除完毕", "completed"), ("均已整改到位", "completed"),
        ("已经整改完成", "completed"), ("已办结", "completed"), ("全部清零", "completed"),
        ("已完成交账销号", "completed"), ("已完成或基本完成", "completed"),
        # partly done
        ("基本完成整改", "substantially_completed"), ("已基本整改到位", "substantially_completed"),
        ("阶段性完成", "phase_completed"), ("取得阶段性成效", "phase_completed"),
        # not done: a negation wins over the completion inside it
        ("尚未完成", "not_completed"), ("未按期完成", "not_completed"), ("尚未全部完成", "not_completed"),
        ("未完全整改到位", "not_completed"), ("未达到序时进度", "not_completed"), ("尚未启动", "not_completed"),
        # no status at all
        ("持续推进", "in_progress"), ("长期坚持", "in_progress"), ("完成", "unknown"), ("已推动整改", "unknown"),
    ],
)  # fmt: skip
def test_phrase_grammar(phrase, status):
    assert status_of(phrase) == status


def test_traditional_characters_read_as_simplified():
    assert status_of("已經整改完成") == "completed"
    assert status_of("持續整改跟蹤中") == "in_progress"


def test_a_completion_with_an_object_is_a_measure():
    (phrase,) = [p for p in find_phrases("已完成50个项目的决算审核") if p.status == "completed"]
    assert phrase.measure
    assert not find_phrases("该问题已完成整改。")[0].measure
    assert not find_phrases("已整改完成18个,其余…")[0].measure  # a count of done problems is not an object


@pytest.mark.parametrize(
    "body, status, done, total",
    [
        ("统筹推进30个问题整改,截至目前有关问题已整改完成18个,其余问题正在推进整改中。", "in_progress", 18, 30),
        ("统筹推进30个问题整改,截至目前有关问题已整改完成18个,其余问题已完成整改。", "completed", 30, 30),
        ("一是倒排工期,241户违建业主中210户按标准拆除完毕,其余正在推进拆除工作。二是入户宣传。", "in_progress",
         210, 241),
        ("一是倒排工期,241户违建业主中210户按标准拆除完毕,其余已全部拆除完毕。二是入户宣传。", "completed", 241, 241),
        ("截至目前,23个未整改到位问题中,15个问题已经完成整改,8个问题基本完成整改。", "substantially_completed",
         15, 23),
        ("截至目前,发现问题105个,已整改问题95个。", "in_progress", 95, 105),
    ],
)  # fmt: skip
def test_remainders_and_tallies(body, status, done, total):
    found = item_status(body)
    assert (found.status, found.done, found.total, found.source) == (status, done, total, "item")


def test_the_concluding_sentence_decides_not_a_measure():
    found = item_status("一是开展排查,发现问题106处,已全部完成整改。二是建立台账。三是加强督导。")
    assert found.status == "unknown"
    found = item_status("一是开展排查,已全部完成整改。二是建立台账。目前仍在加快推进。")
    assert (found.status, found.text) == ("in_progress", "仍在加快推进")


def test_a_completion_of_one_work_in_the_last_sentence_is_not_the_item():
    """仍需持续加力 (the heading) and 金钟新城违建别墅拆除工作全部完成 (one work) leave it unknown."""
    body = "开展违建别墅整治“回头看”,压实工作责任,金钟新城违建别墅拆除工作全部完成。"
    assert item_status(body).status == "unknown"
    assert item_status("压实工作责任,龙山道正在施工。").status == "in_progress"  # a part still open: not done


def test_a_status_label_outranks_an_incidental_completion():
    body = "整改情况:已完成50个项目的决算审核,追回资金12万元。\n整改状态:尚未完成"
    found = item_status(body)
    assert (found.status, found.source, found.text) == ("not_completed", "label", "尚未完成")
    assert item_status("整改情况:已完成。").status == "completed"  # a bare status under 整改情况 decides
    assert item_status("整改情况:已完成50个项目的决算审核。").status == "unknown"


def test_future_sentences_state_nothing():
    assert item_status("下一步将加快推进整改。").status == "unknown"


SUMMARY = """关于某某公司专项审计调查发现问题整改情况的报告
审计调查报告指出我公司存在如下四类问题:
一、资金管理不规范的问题
二、合同管理存在漏洞的问题
三、项目建设进度滞后的问题
四、内部控制制度不健全的问题
以上问题,我公司高度重视,目前第一项、第二项、第四项问题已经整改完成,第三项问题持续整改跟踪中。
某某公司
2024年3月1日
"""


def test_summary_sentence_by_ordinal():
    report = parse_text(SUMMARY)
    got = report.items[report.items["kind"] == "feedback"][["number", "status", "status_source"]].values.tolist()
    assert got == [["一、", "completed", "summary"], ["二、", "completed", "summary"],
                   ["三、", "in_progress", "summary"], ["四、", "completed", "summary"]]  # fmt: skip


RANGE_SUMMARY = """某局党组关于巡察整改情况的通报
区委巡察组反馈问题共4个,截至目前,{run}问题已全部整改完成,第4项问题正在整改。
一、巡察反馈问题整改情况
1.食堂采购管理不规范
一是建立采购台账;二是实行双人验收。
2.公车使用登记不全
一是完善派车单;二是按月公示。
3.档案管理混乱
一是聘请第三方整理档案;二是建立借阅登记。
4.执法程序不规范
一是开展案卷评查;二是组织专题培训。
"""


@pytest.mark.parametrize("run", ["第1项至第3项", "第一至三项", "第1-3项"])
def test_a_run_of_ordinals_in_the_preamble_settles_every_item_of_the_one_list(run):
    """第1项至第3项… in the preamble speaks of items 1 to 3 of the report's one list (source summary)."""
    report = parse_text(RANGE_SUMMARY.format(run=run))
    got = report.items[report.items["kind"] == "feedback"][["item_id", "status", "status_source"]].values.tolist()
    assert got == [["一/1", "completed", "summary"], ["一/2", "completed", "summary"],
                   ["一/3", "completed", "summary"], ["一/4", "in_progress", "summary"]]  # fmt: skip


TWO_LISTS = """某局党组关于巡察整改情况的通报
巡察反馈问题6个,截至目前,第1项至第3项问题已全部整改完成。
一、党的建设方面
1.组织生活不规范
一是制定学习计划。
2.党员教育不到位
一是开展集中轮训。
3.党费收缴不及时
一是建立收缴台账。
二、业务工作方面
1.食堂采购管理不规范
一是建立采购台账。
2.公车使用管理不规范
一是完善派车单。
3.档案管理混乱
一是整理档案。
"""


def test_a_run_of_ordinals_is_not_told_where_two_lists_number_from_one():
    """Two sections that each number from 1: 第1项至第3项 in the preamble names neither list, none is settled."""
    report = parse_text(TWO_LISTS)
    got = report.items[report.items["kind"] == "feedback"][["item_id", "status"]].values.tolist()
    assert len(got) == 6 and {status for _, status in got} == {"unknown"}, got


def test_swapping_ordinals_in_the_summary_is_a_status_change():
    old = parse_text(SUMMARY, "old")
    new = parse_text(
        SUMMARY.replace("第一项、第二项、第四项", "第一项、第三项、第四项").replace("第三项问题持续", "第二项问题持续")
    )
    changes = rectdiff.compare(old, new).pairs
    moved = changes[changes["status_change"].isin(["improved", "regressed"])]
    assert moved[["new_number", "status_change", "old_status_source", "new_status_source"]].values.tolist() == [
        ["二、", "regressed", "summary", "summary"], ["三、", "improved", "summary", "summary"]]  # fmt: skip


SECTIONS = """一、已完成整改的问题(2个)
1.关于食堂采购不规范的问题。建立采购台账,实行双人验收。
2.关于公车使用登记不全的问题。完善派车单,按月公示。
二、正在推进整改的问题
3.关于档案管理混乱的问题。聘请第三方整理档案1200卷。
三、立行立改问题整改情况
本轮巡察移交立行立改问题1个,目前已完成整改1个。
针对“会议室超标”问题,进行了以下整改。腾退会议室1间。
"""


def test_section_heading_and_intro():
    report = parse_text(SECTIONS)
    rows = report.items[report.items["kind"].isin(["feedback", "immediate"])]
    assert rows[["item_id", "status", "status_source"]].values.tolist() == [
        ["一/1", "completed", "section"], ["一/2", "completed", "section"], ["二/3", "in_progress", "section"],
        ["三/针对-1", "completed", "section"]]  # fmt: skip


def test_a_problem_heading_is_not_a_status_of_its_group():
    """绿化建设进展缓慢问题 names a problem; its 举一反三 sub-items do not inherit 进展缓慢."""
    text = ("一、反馈问题整改情况\n1.针对绿化建设进展缓慢问题,进行了以下整改。新增绿地3公顷。\n"
            "针对“举一反三”整改事项“苗木养护不到位”,进行了以下整改。补植苗木200株。")  # fmt: skip
    report = parse_text(text)
    assert item(report, "一/1/举一反三-1")["status"] == "unknown"


STATED = """一、巡察反馈问题整改情况
本轮巡察反馈问题共4个,已完成整改3个,正在整改1个。
1.针对会议过多问题,进行了以下整改。精简会议12个。
2.针对台账不清问题,进行了以下整改。清理台账3本。目前正在推进整改。
3.针对制度缺失问题,进行了以下整改。制定制度2项。
4.针对作风漂浮问题,进行了以下整改。开展谈话提醒40人次。
"""


def test_stated_total_leaves_one_possibility():
    """4 problems, 3 done and 1 ongoing; item 2 says it is ongoing: the other three are done."""
    report = parse_text(STATED)
    rows = report.items[report.items["kind"] == "feedback"]
    assert rows[["number", "status", "status_source"]].values.tolist() == [
        ["1.", "completed", "stated_total"], ["2.", "in_progress", "item"],
        ["3.", "completed", "stated_total"], ["4.", "completed", "stated_total"]]  # fmt: skip
    assert not (report.checks["check"] == "totals_vs_statuses").any() or set(
        report.checks[report.checks["check"] == "totals_vs_statuses"]["severity"]) == {"ok"}  # fmt: skip


def test_stated_total_that_leaves_two_possibilities_infers_nothing():
    report = parse_text(STATED.replace("目前正在推进整改。", ""))
    assert set(report.items[report.items["kind"] == "feedback"]["status"]) == {"unknown"}


def test_the_item_wins_over_a_total_and_is_named():
    report = parse_text(STATED.replace("已完成整改3个,正在整改1个", "已全部完成整改"))
    row = item(report, "一/2")
    assert (row["status"], row["status_source"]) == ("in_progress", "item")
    named = report.checks[report.checks["check"] == "totals_vs_statuses"]["message"].tolist()
    assert named == ["巡察反馈问题:所述4项(已完成4),但“2. 台账不清”自述正在推进"]


def test_precedence_label_over_item_over_summary():
    text = ("一、整改情况\n1.关于资金闲置的问题\n盘活资金30万元。目前已完成整改。\n整改状态:正在推进\n"
            "2.关于台账不清的问题\n目前正在推进整改。\n以上问题中,第一项、第二项问题已经整改完成。")  # fmt: skip
    report = parse_text(text)
    assert (item(report, "一/1")["status"], item(report, "一/1")["status_source"]) == ("in_progress", "label")
    assert (item(report, "一/2")["status"], item(report, "一/2")["status_source"]) == ("in_progress", "item")


def test_two_rounds_in_one_paragraph_stay_apart():
    text = ("一、总体情况\n第一轮中央环保督察反馈的155项整改任务已全部完成 ●第二轮中央环保督察反馈的69项整改任务,"
            "已完成68项,其余1项正在推进。")  # fmt: skip
    totals = parse_text(text).totals
    assert totals[["total", "completed", "in_progress"]].values.tolist() == [[155, 155, None], [69, 68, 1]]


def test_a_rate_with_ongoing_counts_in_a_feedback_section():
    text = ("一、关于巡视反馈问题的整改\n本轮巡视共反馈52个问题,已完成整改47个,整改率90.38%;正在整改5个。\n"
            "1.针对会风不实问题,进行了以下整改。精简会议8个。")  # fmt: skip
    report = parse_text(text)
    total = report.totals.iloc[0]
    assert (total["total"], total["completed"], total["in_progress"], total["stated_rate"]) == (52, 47, 5, 90.38)
    assert set(report.checks[report.checks["check"].isin(["counts_add_up", "rate_matches"])]["severity"]) == {"ok"}


def test_audit_report_that_lists_groups_raises_no_alarm():
    text = (
        "审计工作报告共反映问题1263个,已整改1153个,整改率91.29%。\n一、预算管理审计查出问题的整改情况\n"
        "(一)关于预算执行缓慢的问题。已下达资金12亿元。\n(二)关于结余资金未盘活的问题。盘活资金3亿元。"
    )
    checks = parse_text(text).checks
    listed = checks[checks["check"] == "listed_items"]
    assert listed[["severity", "message"]].values.tolist() == [
        ["info", "问题:所述1263项,报告按类别列出2项,未逐项列出"]]  # fmt: skip


ENDINGS = ["已完成整改。", "目前已全部整改到位。", "其余问题已完成整改。", "该问题已办结销号。", "正在推进。", ""]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(ENDINGS), st.integers(min_value=1, max_value=3))
def test_a_trailing_not_done_is_never_completed(ending, position):
    """Appending 目前该问题尚未完成整改。 to any item never leaves it completed."""
    items = [f"{i}.针对问题{i},进行了以下整改。制定制度{i}项。{ending if i == position else ''}" for i in (1, 2, 3)]
    items[position - 1] += "目前该问题尚未完成整改。"
    report = parse_text("一、整改情况\n本轮反馈问题3个,已全部完成整改。\n" + "\n".join(items))
    assert item(report, f"一/{position}")["status"] == "not_completed"


def test_the_scan_shortcut_is_read_off_each_pattern():
    """Each status pattern is scanned only where one of its first characters stands; those are read
    off the pattern itself (an optional part lets the next one start it), so a phrase added to the
    lexicon is never skipped. A pattern that may start anywhere gets no shortcut."""
    from rectdiff.parsing.starts import first_chars as _firsts
    from rectdiff.parsing.status import _GRAMMAR

    assert _firsts("(?:已|均已)?完成") == "(?=[均完已])"
    assert _firsts("(?<!曾)暂缓") == "(?=[暂])"
    assert _firsts(r"(?:\d{4}|本)年") == r"(?=[\d本])"
    assert _firsts("已完成|(?:正在)+推进") == "(?=[已正])"
    assert _firsts("(?:已)?") == "" and _firsts("[^。]完成") == ""
    # a group of look-arounds takes no character: what follows it starts the match
    assert _firsts("(?:(?<![真纠])|(?<=整改)|(?!正))(?:正在|仍在)推进") == "(?=[仍正])"
    assert _firsts("(?:(?<!真)|(?!正))") == "" and _firsts("(?:(?<!真)|(?!正))(?:已)?") == ""
    # a case ignored: a class of the letters as written would skip the other case's matches
    assert _firsts("(?i)pdf") == "" and _firsts("(?i:x)年") == "" and _firsts("(?-i:x)年") == "(?=[x])"
    assert re.compile(_firsts("(?:(?i:a)|b)c") + "(?:(?i:a)|b)c").search("Ac")
    # 本年度目标任务已完成 / 2024年度整改任务均已完成: the year opens a stage's completion
    assert _firsts(dict(_GRAMMAR)["phase_completed"]) == r"(?=[\d上下今全取均完实已年当本达阶])"
