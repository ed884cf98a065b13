"""The item-status rules of ../shared/status/GUIDE.md (R1–R13), one test per rule, on the team's own
fictional bodies: the guide's hard cases and paraphrases the shared file does not have. A wrong
status is worse than none, and what could not be read is a ``status_unread`` finding."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
import zhconv
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import rectdiff
from rectdiff.cli import cli
from rectdiff.parsing import parse_text
from rectdiff.parsing.verdict import item_status

from .conftest import SHARED, item

CASES = Path(__file__).parent / "cases" / "status_paraphrases.tsv"


def status(body: str) -> str:
    return item_status(body).status


def check(cases):
    """Each (body, expected) reads as expected; ``none`` is unknown."""
    got = [(body, status(body)) for body, _ in cases]
    assert got == [(body, "unknown" if want == "none" else want) for body, want in cases]


def test_r1_a_status_field_decides_wherever_it_stands():
    check([
        ("整改情况:已收回资金40万元,其余8万元尚未收回。\n整改状态:已完成。", "completed"),  # last, over prose
        ("整改状态:整改中\n整改情况:已追回资金6万元,已修订制度。", "in_progress"),  # first
        ("整改情况:已督促退回多拨款项。整改状态:基本完成。", "substantially_completed"),  # inline after a field
        ("完成情况:(1)封堵排污口3个;(2)完成截污。经监测,该问题已得到有效整改。", "completed"),  # a narrative
        ("整改进展情况:(1)完成环评;(2)主体工程正在施工。", "in_progress"),  # a narrative, ongoing
        ("整改时限:2024年底前。整改进展情况:详见附件1第6项。", "none"),  # a cross-reference
        ("完成情况:见第2条。", "none"),
        ("整改进展情况:同第5项。", "none"),
        ("整改时限:长期坚持。\n整改措施:(1)开展巡查;(2)建立台账。", "none"),  # a deadline type
        ("整改时限:立行立改。(1)立即开展核查;(2)责令停产。", "none"),
        ("整改目标:2024年底前全面完成整改。\n整改措施:(1)实施改造。", "none"),  # a target
        ("整改措施:已完成岗位梳理,已修订职责清单。\n责任领导:分管副局长。", "none"),  # measures
        ("整改时限:2024年底前。督察整改进展:已完成整改。(1)关停砂场2处。", "completed"),  # a longer label
        ("整改措施:建设便民服务点。工作进展:正在推进。", "in_progress"),
        ("整改责任人:区住建局。处理结果:已办结。", "completed"),
    ])  # fmt: skip


def test_r2_the_verdict_said_of_the_item_decides_first_or_last():
    check([
        ("一是清理台账;二是完善制度;三是纳入考核。目前,此问题已整改完毕。", "completed"),
        ("该问题已于2023年4月全部整改到位。一是追回资金;二是正在完善制度。", "completed"),  # first, measures after
        ("本项问题正在抓紧整改。一是已完成房屋清查;二是已公开招租6处。", "in_progress"),
        ("一是开展清查;二是建立台账。综上,该问题已基本完成整改。", "substantially_completed"),
        ("一是开展自查;二是规范流程。经复核,该问题已销号。", "completed"),
    ])  # fmt: skip


def test_r2_r3_ongoing_measures_after_a_verdict_do_not_override_it():
    """该问题已整改到位。同时,正在修订相关制度: work under way on an object or a subject of its own is a measure,
    even in a sentence opening 目前; the item's verdict stands. The item's own ongoing (正在推进整改, 仍在推进中)
    or a rest (剩余2户正在搬迁) still competes with 已完成 (R13, R4)."""
    check([
        ("整改情况:该问题已整改到位。同时,正在修订相关制度。", "completed"),
        ("该问题已整改完毕。目前,相关长效机制正在完善中。", "completed"),
        ("该问题已于2023年12月整改到位。截至目前,正在开展回头看。", "completed"),
        ("该问题已基本整改到位。目前,正在完善长效机制。", "substantially_completed"),
        ("该问题尚未完成整改。目前,正在协调资金。", "not_completed"),
    ])  # fmt: skip
    for body in ("目前该问题已整改完毕。目前正在推进整改。", "该问题已整改完毕。目前仍在推进中。",
                 "该问题已整改到位。目前,剩余2户正在搬迁。"):  # fmt: skip
        found = item_status(body)
        assert (found.status, found.unread) == ("unknown", "conflict"), body


def test_r3_a_completion_of_a_short_noun_is_one_works():
    """目前,招标已完成 / 整改方案已完成: a completion whose subject is a noun of its own (two characters are
    enough) is one work's, even in a verdict sentence (R3); 目前,均已整改到位 / 相关整改工作均已完毕 name none and
    stay the item's; a short subject still carries an ongoing or deferred status (工程暂缓实施, R11)."""
    check([
        ("一是召开会议;二是明确分工。目前,招标已完成。", "none"),
        ("截至目前,整改方案已完成。", "none"),
        ("整改情况:目前,核查已完成,处理意见正在研究。", "in_progress"),  # the ongoing measure (R3)
        ("目前,均已整改到位。", "completed"),
        ("整改情况:已重签合同,相关整改工作均已完毕。", "completed"),
        ("因资金缺口,工程暂缓实施。", "not_completed"),
    ])  # fmt: skip


def test_r3_a_stage_is_one_part_of_the_item():
    """一期已完成,二期正在推进: the stage done is one part (R3), the stage under way makes the item under way; a
    stage done alone is no verdict. 阶段性… phrases stay phase_completed (R9)."""
    check([
        ("完成情况:一期已完成,二期正在推进。", "in_progress"),
        ("整改情况:首批项目已完成整改,第二批正在推进。", "in_progress"),
        ("完成情况:第一阶段任务已完成。", "none"),
        ("整改进展情况:阶段性完成(一期完工,二期2025年实施)。", "phase_completed"),
        ("一是清理;二是规范。目前,该问题已完成整改。", "completed"),
    ])  # fmt: skip


def test_r6_but_now_after_a_comma_opens_the_items_verdict():
    """…,但目前仍未整改到位 inside a measure's sentence is the item's verdict, as 截至目前 / 目前 after a comma are."""
    check([
        ("一是约谈负责人;二是督促增加施工力量,但目前仍未整改到位。", "not_completed"),
        ("一是下发通知;二是组织攻坚,但是截至目前尚未完成整改。", "not_completed"),
        ("一是清理;二是规范,目前已完成整改。", "completed"),
    ])  # fmt: skip


def test_r3_a_measure_done_is_no_verdict_but_ongoing_work_is():
    check([
        ("一是已完成全部9个支部换届;二是已完成党员信息核对;三是已开展培训2期。", "none"),
        ("一是已完成排查,建立台账;二是对4名负责人进行约谈。目前,退款工作正在进行中。", "in_progress"),
        ("已约谈相关负责人,下达整改通知书,要求限期整改。", "none"),  # past actions
        ("已将该问题移送区纪委监委处理。", "none"),
        ("开展专项整治,金湾片区违建拆除工作全部完成。", "none"),  # one work, not the item
        ("已完成方案编制,正在施工。", "in_progress"),
    ])  # fmt: skip


def test_r4_remainders_tallies_and_shares_give_the_worst_part_unless_a_verdict_allows_it():
    check([
        ("共涉及36户,已拆除22户,剩余14户正在依法处置。", "in_progress"),
        ("二是实施管网改造,目前已完成投资的72%,预计明年完工。", "in_progress"),
        ("盘活利用5处,另2处已拆除复垦。至此,7处问题全部整改到位。", "completed"),
        ("已清退违规享受补贴的19户家庭,整改率100%。", "completed"),
        ("一是已清理8个村的账务;二是另有1个村正在诉讼追收。综上,该问题已基本完成整改。", "substantially_completed"),
        ("对11个社会组织已注销7个,对其余4个启动撤销程序。该问题已阶段性完成整改。", "phase_completed"),
        ("已追回资金20万元;剩余1.2万元经研究予以核销。\n整改状态:已完成。", "completed"),  # closed otherwise
        ("基本完成(已完成整改任务的92%)", "substantially_completed"),
        ("一是开展排查;二是逐项整改。目前部分问题已整改到位。", "in_progress"),  # some of the objects
        ("全镇58个村中已有41个村全部完成整改。", "in_progress"),  # 全部 of a part: the whole is 58
        ("共涉及15户,已全部整改到位。", "completed"),
        ("完成情况:完成整改(已完成整改任务的100%)。", "completed"),  # a share never runs over a bracket
    ])  # fmt: skip
    found = item_status("截至目前,发现问题40个,已整改31个,其余9个正在整改中。")
    assert (found.status, found.done, found.total) == ("in_progress", 31, 40)


def test_r4_an_open_remainder_in_the_sentence_of_a_completed_verdict_leaves_it_unread():
    """已完成整改 does not allow for a rest still under way, even in the same sentence: the item is not
    told done; it is a conflict (status_unread), never completed. A 基本 verdict does allow it (R4)."""
    for body in (
        "该问题已完成整改,剩余3户正在协商安置。",
        "整改进展:已完成,其余2处正在拆除",
        "已办结,余款正在催缴中。",
    ):
        found = item_status(body)
        assert (found.status, found.unread) == ("unknown", "conflict"), body
    check([("该问题已基本完成整改,剩余3户正在协商安置。", "substantially_completed"),
           ("已完成整改,长期坚持。", "completed")])  # fmt: skip


def test_r4_shares_of_a_stage_and_fractions_are_parts():
    """完成年度任务的80% is a share of the year's task, not the stage done; 已整改9/12 a share as a fraction
    (12/12 is the whole); a rest said not done in words no phrase reads (8户仍未拆除) is reported unread, never
    read as under way (R4, R13)."""
    check([
        ("完成年度任务的60%", "in_progress"),
        ("整改进展情况:已完成2024年度治理任务的45%。", "in_progress"),
        ("已整改9/12", "in_progress"),
        ("完成情况:已办结12/12件。", "completed"),
        ("已完成年度目标任务", "phase_completed"),
    ])  # fmt: skip
    found = item_status("巡察指出的违建共20户,已拆除12户,8户仍未拆除。")
    assert (found.status, found.unread) == ("unknown", "negated_part")
    check([("共20户,已拆除12户,其余8户正在拆除。", "in_progress")])


def test_the_body_carrying_out_the_rectification_speaks_for_the_item():
    """区水务局已完成整改 / 县住建局尚未完成整改: the rectification itself done (or not) by its unit is the item's
    verdict; the unit's completion of one measure is not (R3), and two units with two statuses are unread (R13)."""
    check([
        ("整改情况:区水务局已完成整改,多计水费已退还。", "completed"),
        ("整改情况:县人社局2023年12月已整改到位。", "completed"),
        ("整改情况:县住建局尚未完成整改。", "not_completed"),
        ("整改情况:县住建局已基本完成整改。", "substantially_completed"),
        ("整改情况:县教育局已完成资产清查。", "none"),
        ("一是县财政局已完成整改;二是县住建局正在制定方案。", "in_progress"),  # measures: R3
    ])  # fmt: skip
    found = item_status("整改情况:县水利局已完成整改,县农业农村局正在整改。")
    assert (found.status, found.unread) == ("unknown", "conflict")
    check([("该问题已完成年度目标任务,正按计划持续推进。", "phase_completed")])  # upkeep, no other body


def test_the_whole_amount_back_is_done_counted_or_not():
    """全部缴入国库 / 全额归还 / 全部收回 of the item's money is done with or without its amount (judgement 5);
    a dated object (2020年以前的积案全部化解) stays one measure's."""
    check([
        ("整改情况:违规资金已全部缴入县级国库。", "completed"),
        ("整改情况:挤占的专项资金已全额归还原资金渠道。", "completed"),
        ("整改情况:多发的补贴已全部收回。", "completed"),
        ("一是清理积案;二是化解矛盾。各乡镇2020年以前的积案全部化解。", "none"),
    ])  # fmt: skip


def test_r5_plans_state_nothing_and_never_change_a_verdict():
    check([
        ("一是成立专班;二是制定清单。下一步,将力争2025年底前全面完成整改。", "none"),
        ("整改情况:将于2025年6月底前完成全部欠款清收。", "none"),
        ("整改措施:(1)计划新建处理站1座;(2)拟于年底前完成验收。", "none"),
        ("该问题已整改到位,下一步将每季度开展一次复查。", "completed"),
        ("主体已完工,基本完成,计划2025年4月验收销号", "substantially_completed"),
        ("已完成主体工程,计划年内完成验收,整改推进中", "in_progress"),
        ("一是制定方案;二是落实资金。该问题年底前可完成整改。", "none"),  # a modal
        ("整改情况:已下发通知,要求相关单位于2025年3月底前完成整改。", "none"),  # a directive
        ("督促企业于年底前完成整改。", "none"),
        ("2024年底前已完成整改。", "completed"),  # a date before 已…: past, not a plan
        ("一是明确职责;二是细化清单。该问题整改时限为2025年底,整改工作将按计划推进。", "none"),  # 将 before 按
        ("整改情况:已制定方案,相关工作将按序时推进。", "none"),
        ("一是明确职责;二是细化清单。整改工作正按计划推进。", "in_progress"),
    ])  # fmt: skip


def test_r6_negation_wins_but_only_of_the_item():
    check([
        ("虽已完成14个合同的规范,但因部分承包户不配合,目前仍未完全整改到位。", "not_completed"),
        ("已完成资金筹措,但尚未完成整改", "not_completed"),
        ("整改进展情况:尚在推进中。(1)完成监测;(2)整治排污口2个。", "in_progress"),  # 尚 is "still"
        ("一是腾退超标用房2间。经回头看检查,未发现新的超标问题,该问题已整改到位。", "completed"),
        ("整改进展:已完成。经复查,问题未反弹。", "completed"),
        ("整改情况:已收回22个项目的结余资金,另有1个项目因尚未完成结算暂未收回。整改进展情况:基本完成。",
         "substantially_completed"),
    ])  # fmt: skip


def test_r4_r6_a_partly_done_verdict_allows_not_fully_done():
    """尚未完全整改到位 / 仍未全部完成 say "not fully": a 基本 / 阶段性 verdict or field says the same, so it
    decides (R4, R6: a negation the item verdict allows for). A plain negation, or one against 已完成, still wins
    or conflicts."""
    check([
        ("一是清退用房;二是规范标准。该问题已基本完成整改,但个别单位尚未完全整改到位。", "substantially_completed"),
        ("该问题已取得阶段性成效,但尚未全部完成。", "phase_completed"),
        ("整改情况:剩余10万元尚未收回,该问题尚未完全整改到位。\n整改状态:基本完成。", "substantially_completed"),
        ("该问题已基本完成整改,但仍未整改到位。", "not_completed"),  # no "fully": the negation wins
    ])  # fmt: skip
    found = item_status("整改状态:已完成。\n目前该问题尚未完全整改到位。")
    assert (found.status, found.unread) == ("unknown", "conflict")


def test_r7_deadlines_say_nothing_lateness_only_as_stated():
    check([
        ("一是委托编制处置方案;二是争取补助资金。整改时限为2025年12月底前。", "none"),
        ("整改情况:已制定追缴方案。\n整改时限:2025年6月30日。", "none"),
        ("整改进展情况:已于2022年8月完成(超期完成)。(1)建成处理站1座。", "completed"),
        ("已完成(超期3个月)", "completed"),
        ("整改进展情况:超期完成。(1)建成处理站1座。", "completed"),
        ("该问题原定2023年底前完成整改。因资金缺口较大,该问题未能按期完成整改。", "not_completed"),
        ("完成情况:未按期完成(原定2024年3月)。", "not_completed"),
        ("整改时限:2023年6月底前。整改进展情况:已超期,正在加快推进。", "not_completed"),  # stated lateness
        ("整改进展情况:正在推进。(1)原定年底前完成改造,因管线迁改工期延后。", "in_progress"),
    ])  # fmt: skip


def test_r8_upkeep_tails_never_downgrade_and_alone_are_in_progress():
    check([
        ("整改进展情况:已完成整改,长期坚持。(1)关停养殖场9家。", "completed"),
        ("整改完毕,长期坚持", "completed"),
        ("整改进展情况:基本完成,持续推进。(1)完成治理村庄120个。", "substantially_completed"),
        ("已完成,2023.6销号;长效机制持续落实", "completed"),
        ("长期坚持", "in_progress"),
        ("一是纳入年度要点;二是每月明察暗访。此项整改需长期坚持。", "in_progress"),
        ("一是已完成干部轮训;二是已建立学习制度。该项整改任务长期坚持。", "in_progress"),  # 已完成 of measures
        ("一是常态化开展督查;二是持续推进城乡供水一体化。", "none"),  # upkeep words of a measure
    ])  # fmt: skip


def test_r9_stage_and_annual_phrases_are_phase_completed():
    check([
        ("整改进展情况:阶段性整改任务已完成。(1)完成一期整治。", "phase_completed"),
        ("已完成年度目标任务", "phase_completed"),
        ("该问题已完成2024年度目标任务,正按计划持续推进。", "phase_completed"),
        ("阶段性办结", "phase_completed"),
        ("阶段性整改完成,已阶段性销号", "phase_completed"),
        ("整改进展情况:达到阶段性整改要求,整改工作持续推进。", "phase_completed"),
    ])  # fmt: skip


def test_r9_an_annual_target_of_any_year_is_phase_completed():
    """本年度 / 今年 / 当年 / 上半年 / 2025年 before 目标任务: still one year's part of the item (R9)."""
    check([
        ("一是分批改造老旧管网;二是新建泵站2座。目前,已完成本年度目标任务,下一步将按计划推进。", "phase_completed"),
        ("整改进展情况:已完成今年目标任务,剩余工程明年实施。", "phase_completed"),
        ("完成情况:已完成当年整改任务,正按计划持续推进。", "phase_completed"),
        ("该项整改已完成上半年目标任务。", "phase_completed"),
        ("整改状态:已完成2025年目标任务,二期工程正在施工。", "phase_completed"),
        ("整改状态:已完成今年度目标。", "phase_completed"),
        ("一是制定年度计划;二是已完成本年度培训。", "none"),  # a measure's own 已完成, no target of a year
        # the target first, its completion after it: the same stage
        ("一是分批改造老旧管网;二是新建泵站2座。目前,本年度目标任务已完成。", "phase_completed"),
        ("整改进展情况:今年目标任务已完成,剩余工程明年实施。", "phase_completed"),
        ("完成情况:2024年度整改任务均已完成,正按计划持续推进。", "phase_completed"),
    ])  # fmt: skip


def test_r10_quotes_other_items_and_earlier_rounds_do_not_count():
    check([
        ("针对“上轮反馈的4个问题仍有1个未完成整改”问题,逐项回头看。截至2024年3月,遗留问题已全部整改到位。",
         "completed"),
        ("上轮巡察反馈的同类问题已于2021年整改完毕。针对本轮问题,一是建立清单;二是县级报账。", "none"),
        ("上一任期审计指出的问题已全部整改完毕。本次审计发现的问题,已责成财务科制定方案。", "none"),
        ("督察反馈:“医疗废物处置设施建设未完成”。整改时限:2024年底前。整改措施:(1)制定方案。", "none"),
        ("整改进展情况:达到序时进度要求。(1)与第9项统筹推进,第9项已于2023年完成。", "in_progress"),
        ("一是统筹推进;二是加强督导。第3项问题已完成整改。", "none"),  # another item's status
        ("针对“整改工作尚未完成”问题,上轮巡察反馈的同类问题已于2020年整改完毕。一是建立清单。", "none"),
    ])  # fmt: skip


def test_r11_deferred_is_not_completed_a_past_stop_is_not():
    check([
        ("一是重新核定规模;二是因规划调整原因,项目暂缓建设,整改工作暂缓推进。", "not_completed"),
        ("暂缓(因用地未获批)", "not_completed"),
        ("因企业重整原因暂缓整改,待法院裁定后推进", "not_completed"),
        ("整改情况:追偿案件尚在二审,追缴工作暂缓。\n整改状态:因诉讼原因暂缓。", "not_completed"),
        ("受汛期影响曾暂停施工,现已复工,仍在加快推进。", "in_progress"),
        ("工程曾因资金缺口暂缓实施,现已恢复施工,正在加快推进。", "in_progress"),  # 曾 at a distance
        ("整改进展情况:项目一度暂缓建设,目前已复工,正在施工。", "in_progress"),
        ("因资金缺口,工程暂缓实施。", "not_completed"),
        ("受资金影响,整改工作暂缓推进。", "not_completed"),
    ])  # fmt: skip


def test_r12_on_schedule_is_in_progress_behind_is_not_completed():
    check([
        ("整改进展情况:达到序时进度。(1)编制规划。", "in_progress"),
        ("整改进展情况:按序时推进。", "in_progress"),
        ("截至2024年6月,排查出的30处点位仅整治12处,未达到序时进度要求。", "not_completed"),
        ("目前该问题整改进度滞后。", "not_completed"),
        ("完成情况:按序时进度推进(完成55%)。", "in_progress"),
        ("一是约谈;二是督办。该问题整改进度滞后于序时进度。", "not_completed"),  # not 进度滞后 + an object
    ])  # fmt: skip


def test_r13_two_statuses_a_field_settles_else_unread():
    check([
        ("整改进展情况:未按期完成。(1)受拆迁影响工期延误;(2)目前正在加快推进主体施工。", "not_completed"),
        ("整改情况:补偿款存在争议,正在依法调解。\n整改状态:暂未完成。", "not_completed"),
    ])  # fmt: skip
    found = item_status("整改状态:已完成。\n目前该问题尚未完成整改。")
    assert (found.status, found.unread) == ("unknown", "conflict")  # a field against the item's negation
    found = item_status("目前该问题已整改完毕。截至目前,该问题正在推进整改。")
    assert (found.status, found.unread, found.unread_evidence) == (
        "unknown", "conflict", "目前该问题已整改完毕。截至目前,该问题正在推进整改。")  # fmt: skip


def test_traditional_script_and_half_width_punctuation_read_the_same():
    bodies = [row["body"].replace("\\n", "\n") for row in _cases()]
    for body in bodies:
        assert status(zhconv.convert(body, "zh-hk")) == status(body), body


def _cases() -> list[dict]:
    with open(CASES, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize("row", _cases(), ids=lambda r: r["id"])
def test_paraphrases_of_every_phrasing_family(row):
    """254 fictional bodies in the five layouts, written from the guide's word lists and rules."""
    want = "unknown" if row["status"] == "none" else row["status"]
    assert status(row["body"].replace("\\n", "\n")) == want, row["reason"]


GUIDE_WORDS = {
    "completed": "已完成 完成整改 整改完成 已整改 已整改到位 整改到位 全部整改到位 整改完毕 均已整改完毕 已办结 已全部办结 "
                 "办结销号 已销号 整改销号 完成整改并销号 通过验收销号 已完成整改并通过验收 实现清零 得到有效整改 得到有效解决 "
                 "已纠正到位 已落实到位 整改落实到位 全面完成整改 已按期完成整改 已按要求完成整改 整改率100% 已一并整改",
    "substantially_completed": "基本完成 已基本完成 基本完成整改 基本整改到位 整改基本到位 基本整改 已基本整改 基本整改完毕 "
                               "基本办结 基本解决 基本得到解决 基本得到纠正 基本实现整改目标",
    "phase_completed": "阶段性完成 阶段性完成整改 阶段性整改完成 阶段性整改到位 阶段性办结 阶段性销号 取得阶段性成效 "
                       "取得阶段性成果 达到阶段性目标 达到阶段性整改要求 实现阶段性目标 阶段性目标已实现 已完成阶段性任务 "
                       "已完成阶段性整改任务 阶段性整改任务已完成 已完成年度目标任务",
    "in_progress": "正在推进 推进中 整改中 正在整改中 持续推进 持续推进中 持续整改中 长期坚持 需长期坚持 按序时推进 序时推进 "
                   "达到序时进度 达到序时进度要求 按计划推进 正按计划推进 有序推进中 稳步推进 正常推进 正在组织实施 正在实施 "
                   "加快推进中 仍在加快推进 正在抓紧整改 正在落实中 持续落实中 常态化推进 进行中 正在进行中 施工中 正在办理 "
                   "正在追缴中 尚在推进中 部分整改",
    "not_completed": "未完成 尚未完成 暂未完成 未整改 尚未整改 暂未整改 未整改到位 尚未整改到位 仍未完全整改到位 均未整改到位 "
                     "尚未得到解决 整改未完成 整改不到位 未能整改 未按期完成 未能按期完成 逾期未完成 未达到序时进度 进度滞后 "
                     "未启动 暂缓 因资金原因暂缓实施",
}  # fmt: skip
FRAMES = [
    "{w}",  # a ledger cell
    "一是制定方案;二是开展检查。目前,该问题{w}。",
    "整改情况:已制定整改方案。整改状态:{w}。",
    "整改时限:2024年底前。整改进展情况:{w}。(1)制定方案;(2)落实资金。",
    "整改措施:建立工作台账。\n完成情况:{w}。",
]


@pytest.mark.parametrize("want", sorted(GUIDE_WORDS))
def test_every_word_of_the_guide_in_every_position(want):
    """The grammar (marker × core × tail) covers the guide's word lists, as a cell, a verdict and a field."""
    wrong = [(w, f) for w in GUIDE_WORDS[want].split() for f in FRAMES if status(f.format(w=w)) != want]
    assert wrong == []


MEASURES = ["一是已完成台账清理;", "二是正在修订管理制度;", "已追回资金12万元,", "(1)已完成排查;", "另有2户正在协调,"]
VERDICTS = ["该问题已整改完毕。", "目前该问题已基本完成整改。", "整改状态:已完成。", "整改进展情况:已完成整改,长期坚持。",
            "此项已取得阶段性成效。", "已办结", "问题表现:“资金闲置问题未整改”。", "下一步将持续巩固。", ""]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(MEASURES + VERDICTS), max_size=5), st.booleans())
def test_a_trailing_item_negation_never_leaves_it_completed(parts, newline):
    """目前该问题尚未完成整改。 appended to any body (prose, fields, ledger-like cells) is never completed."""
    body = ("\n" if newline else "").join(parts) + ("\n" if newline else "") + "目前该问题尚未完成整改。"
    assert status(body) != "completed"
    # in a report (one line: a line of its own that opens with (1) is a sub-item of the structure)
    line = "".join(parts) + "目前该问题尚未完成整改。"
    report = parse_text(f"一、整改情况\n本轮反馈问题1个,已全部完成整改。\n1.关于资金闲置的问题\n{line}\n")
    assert item(report, "一/1")["status"] != "completed"


UNREAD = """关于2024年度预算执行审计查出问题整改情况的报告
一、审计查出问题的整改情况
1.关于“专项资金闲置”的问题
整改情况:已收回资金30万元。整改状态:已完成。
目前该问题尚未完成整改。
2.关于“公务卡使用不规范”的问题
整改情况:已规范报销流程。目前该问题整改已见分晓。
3.关于“会议费超标”的问题
整改情况:已追回会议费2万元。整改状态:已完成。
"""


def test_status_unread_is_a_finding_on_the_checks_and_in_json(tmp_path):
    report = parse_text(UNREAD)
    assert [item(report, f"一/{k}")["status"] for k in (1, 2, 3)] == ["unknown", "unknown", "completed"]
    unread = report.checks[report.checks["check"] == "status_unread"]
    assert unread[["severity", "message", "evidence"]].values.tolist() == [
        ["warning", "“1. 专项资金闲置”状态未读出:所述状态相互矛盾,无法判定", "目前该问题尚未完成整改。"],
        ["info", "“2. 公务卡使用不规范”状态未读出:结论句含状态用语,未能识别", "目前该问题整改已见分晓。"],
    ]  # fmt: skip
    assert (
        unread["message_en"]
        .iloc[0]
        .endswith("status not read: two statuses are stated and nothing decides between them")
    )
    source = tmp_path / "audit.txt"
    source.write_text(UNREAD, encoding="utf-8")
    for suffix in (".json", ".xlsx"):
        result = CliRunner().invoke(cli, ["parse", str(source), "-o", str(tmp_path / f"out{suffix}")])
        assert result.exit_code == 0, result.output
    checks = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["checks"]
    assert [c["evidence"] for c in checks if c["check"] == "status_unread"] == ["目前该问题尚未完成整改。",
                                                                                "目前该问题整改已见分晓。"]  # fmt: skip
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx")["核对"]
    cells = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert "目前该问题整改已见分晓。" in cells


AUDIT = """关于2024年度本级预算执行和其他财政收支审计查出问题整改情况的报告
一、审计查出问题的整改情况
1.关于“非税收入未及时缴库”的问题
整改情况:已将未缴库的非税收入212万元全部缴入国库。整改状态:已完成。
2.关于“专项资金结余未盘活”的问题
整改情况:已收回结余资金80万元,其余资金正在清理。整改状态:整改中。
3.关于“公务用车管理不规范”的问题
整改情况:已对3辆超标车辆进行处置。该问题已整改完毕。
4.关于“工程结算多计”的问题
整改情况:已督促施工单位退回多计工程款18万元,另1家单位正在协商退回。整改状态:基本完成。
5.关于“国有资产出租未公开招租”的问题
整改情况:已建立资产出租管理制度。目前该问题正在推进整改。
6.关于“津补贴违规发放”的问题
整改情况:因涉及人员已调离,追缴工作暂缓。整改状态:暂缓。
7.关于“政府债务化解进度缓慢”的问题
整改情况:已制定化债三年规划。整改状态:已完成年度目标任务。
8.关于“项目前期经费闲置”的问题
整改情况:已约谈项目单位负责人,下达整改通知书。
9.关于“会议费超标准列支”的问题
整改情况:已追回超标会议费3.2万元。整改结果:已整改。
10.关于“采购程序不规范”的问题
整改情况:已修订采购内控制度,目前该问题尚未整改到位。
"""
EDITS = [
    ("其余资金正在清理。整改状态:整改中。", "其余资金已全部收回。整改状态:已完成。"),  # label: ongoing -> done
    ("该问题已整改完毕。", "目前该问题正在推进整改。"),  # verdict sentence: done -> ongoing
    ("整改状态:基本完成。", "整改状态:已完成。"),  # label
    ("目前该问题正在推进整改。\n6", "目前该问题已基本完成整改。\n6"),  # verdict sentence
    ("追缴工作暂缓。整改状态:暂缓。", "追缴工作已恢复。整改状态:正在推进。"),  # deferred -> ongoing
    ("整改状态:已完成年度目标任务。", "整改状态:阶段性完成,持续推进。"),  # same status, reworded
    ("下达整改通知书。", "下达整改通知书,相关资金已全部收回,整改完毕。"),  # unknown -> done
    ("已追回超标会议费3.2万元。", "已追回超标会议费3.2万元,并约谈相关人员。"),  # words only
    ("目前该问题尚未整改到位。", "截至目前,该问题已整改到位。"),  # verdict: not done -> done
]


def test_every_status_change_of_an_audit_report_is_found_and_none_invented():
    new_text = AUDIT
    for old, new in EDITS:
        assert old in new_text, old
        new_text = new_text.replace(old, new, 1)
    old_report, new_report = parse_text(AUDIT, "old"), parse_text(new_text, "new")
    assert old_report.items["status"].tolist()[2:] == [
        "completed", "in_progress", "completed", "substantially_completed", "in_progress", "not_completed",
        "phase_completed", "unknown", "completed", "not_completed"]  # fmt: skip
    pairs = rectdiff.compare(old_report, new_report).pairs
    moved = pairs[~pairs["status_change"].isin(["unchanged"]) & pairs["status_change"].notna()]
    assert moved[["new_number", "old_status", "new_status", "status_change"]].values.tolist() == [
        ["2.", "in_progress", "completed", "improved"],
        ["3.", "completed", "in_progress", "regressed"],
        ["4.", "substantially_completed", "completed", "improved"],
        ["5.", "in_progress", "substantially_completed", "improved"],
        ["6.", "not_completed", "in_progress", "improved"],
        ["8.", "unknown", "completed", "stated"],
        ["10.", "not_completed", "completed", "improved"],
    ]  # fmt: skip


SCORER = SHARED / "tools" / "score_status.py"


def _score(*args: str) -> str:
    cmd = f"{sys.executable} -m rectdiff"
    run = subprocess.run([sys.executable, str(SCORER), *args, "--cmd", cmd], capture_output=True, text=True)
    return run.stdout.strip().splitlines()[-1]


def test_the_shared_status_scorer_reaches_its_figure():
    """The labelled bodies of ../shared/status: 1.000 (292/292), nothing wrong, every item found."""
    if not SCORER.exists():
        pytest.skip("../shared/tools/score_status.py is not present (CI always has it)")
    line = _score()
    accuracy = float(line.split("accuracy ")[1].split()[0])
    wrong = int(line.split("wrong ")[1].split(",")[0])
    missing = int(line.split("no item ")[1])
    assert accuracy == 1.0 and wrong == 0 and missing == 0, line


def test_the_scorer_reads_the_paraphrases_with_nothing_wrong():
    """The same scorer over this repository's own paraphrases: never a wrong status."""
    if not SCORER.exists():
        pytest.skip("../shared/tools/score_status.py is not present (CI always has it)")
    line = _score(str(CASES))
    assert " wrong 0," in line and float(line.split("accuracy ")[1].split()[0]) >= 0.99, line


ATTACHMENT = """附件

某县贯彻落实生态环境保护督察反馈意见整改进展情况
1.城区黑臭水体整治不彻底的问题。
整改时限:2023年底前。整改进展情况:基本完成整改,长期坚持。(1)清淤河道2条。
2.砂石加工点违规生产的问题。
整改时限:2022年底前。整改进展情况:已完成。(1)关停加工点6处。
3.垃圾填埋场渗滤液超标的问题。
整改时限:2024年底前。整改进展情况:正在推进。(1)新建处理站1座。
"""


def test_a_short_attachment_opening_with_its_label_is_read_as_items():
    """附件 on the first line of a short 督察 attachment is its title, not a sign-off that swallows it."""
    report = parse_text(ATTACHMENT)
    rows = report.items[~report.items["item_id"].isin(["前言", "落款"])]
    assert rows[["number", "status", "status_source"]].values.tolist() == [
        ["1.", "substantially_completed", "label"], ["2.", "completed", "label"], ["3.", "in_progress", "label"]]  # fmt: skip


BRACKETED = """某市督察反馈问题整改进展情况
(1)河道违法建设的问题。
整改时限:2024年底前。整改进展情况:正在推进。(1)拆除违建3处。
(2)湿地保护不力的问题。
整改时限:2025年底前。
整改措施:(1)编制保护方案;(2)实施退耕还湿;(3)建设监测站。
(3)矿山修复滞后的问题。
整改时限:2023年底前。整改进展情况:已完成。(1)复绿矿山12座。
"""


@pytest.mark.parametrize(
    "measures", ["(1)编制保护方案;(2)实施退耕还湿;(3)建设监测站。", "(1)编制保护方案;(2)实施退耕还湿。"]
)
def test_the_next_item_after_a_one_line_measure_list_of_its_style_is_an_item(measures):
    """(3) after item (2)'s 整改措施:(1)…(3) (or …(2), where (3) could go on the list) is item (3), not
    another measure: else item (2) would take item (3)'s status (a wrong one) and item (3) would be lost."""
    report = parse_text(BRACKETED.replace("(1)编制保护方案;(2)实施退耕还湿;(3)建设监测站。", measures))
    rows = report.items[~report.items["item_id"].isin(["前言", "落款"])]
    assert rows[["item_id", "status"]].values.tolist() == [
        ["(1)", "in_progress"], ["(2)", "unknown"], ["(3)", "completed"]]  # fmt: skip


def test_r4_a_rest_still_open_after_a_completion_claim_is_not_completed():
    """已完成 does not allow for a rest that is still open (仍有 / 尚有 / 还有 … 未): the body says two
    things and is left unknown (a conflict, reported), never read completed; a rest closed, a problem
    that did not come back, a quoted problem statement and a status field still read as before."""
    check([
        ("整改工作均已完毕,但仍有2户未签约。", "none"),
        ("已完成整改,但仍有3家商户尚未完成搬迁。", "none"),
        ("该问题已整改完毕,目前还有5家企业未完成验收。", "none"),
        ("该问题已整改到位,尚有部分补助资金仍未追回。", "none"),
        ("已完成整改,问题未反弹。", "completed"),
        ("针对“上轮反馈的4个问题仍有1个未整改到位”问题,目前已全部整改到位。", "completed"),
        ("整改情况:已收回资金40万元,其余8万元尚未收回。\n整改状态:已完成。", "completed"),
    ])  # fmt: skip
    assert item_status("已完成整改,但仍有2户未签约。").unread == "conflict"
