"""Stage 2: the item table, on the seed (figures verified by reading it), the corpus and small texts."""

from __future__ import annotations

import pytest

import rectdiff
from rectdiff.errors import ParseError
from rectdiff.parsing import parse_text

from .conftest import CORPUS, item


def test_seed_counts_by_kind(seed_report):
    """58 举一反三 sub-items (the report says 59), 40 reform items numbered 31-70, 30 numbered
    feedback items plus the unnumbered 针对该问题 under (十), 19 section headings and the group the
    report leaves without one (items 31-70), and two frame rows (前言, 落款) among the prose."""
    counts = seed_report.items["kind"].value_counts().to_dict()
    assert counts == {
        "extension": 58,
        "reform": 40,
        "feedback": 31,
        "section": 20,
        "narrative": 8,
        "plan": 3,
        "problem": 2,
        "immediate": 1,
    }
    proper = dict(counts, narrative=6)  # the report carries its items proper by kind: the frame left out
    assert dict(seed_report.kind_counts) == proper and list(dict(seed_report.kind_counts)) == list(counts)
    assert sum(proper.values()) == seed_report.item_count
    reform = seed_report.items[seed_report.items["kind"] == "reform"]
    assert list(reform["number"]) == [f"{n}." for n in range(31, 71)]
    assert set(reform["parent_id"]) == {"二/推动改革促进发展"}


def test_seed_metadata(seed_report):
    meta = seed_report.meta
    assert meta.title == "东丽区关于十一届市委第九轮巡视整改进展情况的通报"
    assert meta.issuer == "中共天津市东丽区委员会"
    assert meta.publish_date == "2022-08-16"
    assert meta.signing_date == "2022-08-04"
    assert meta.round == "十一届市委第九轮巡视"


@pytest.mark.parametrize(
    "item_id, number, heading, parent, kind",
    [
        ("二/(三)/7", "7.", "推进经济结构转型升级不快", "二/(三)", "feedback"),
        ("二/(一)/1/举一反三-2", "", "北京地区招商工作市场化程度不高,手段不足", "二/(一)/1", "extension"),
        ("二/(三)/8/举一反三-1", "", "跃进路、龙山道2条道路未实现打通", "二/(三)/8", "extension"),
        ("二/(十)/针对-1", "", "历次整改不到位", "二/(十)", "feedback"),
        (
            "二/推动改革促进发展/31",
            "31.",
            "驻京招商服务中心前沿阵地作用发挥不充分,主动承接北京非首都功能疏解任务力度不足",
            "二/推动改革促进发展",
            "reform",
        ),
        ("三/针对-1", "", "部分点位污水跑冒", "三", "immediate"),
        ("四/(一)/2", "2.", "整改力度和进度还有差距", "四/(一)", "problem"),
        ("四/(二)/3", "3.", "常态化开展督查检查", "四/(二)", "plan"),
        ("二/(八)", "(八)", "三级党组织领导轴心作用发挥不到位", "二", "section"),
        ("一/(三)", "(三)", "加强组织领导,凝聚起全区各方面各层面深抓整改、狠抓落实的共识和合力", "一", "narrative"),
    ],
)
def test_seed_items(seed_report, item_id, number, heading, parent, kind):
    row = item(seed_report, item_id)
    assert (row["number"], row["heading"], row["parent_id"], row["kind"]) == (number, heading, parent, kind)


def test_seed_measures(seed_report):
    measures = item(seed_report, "二/(二)/6")["measures"]
    assert len(measures) == 4
    assert measures[0] == "区委成立东丽经济技术开发区改革领导小组及其办公室,统筹推动有关事项交接工作。"
    assert measures[3] == "制定改革方案,明确临空经济区的管理范围和管理事权。"
    assert len(item(seed_report, "二/(三)/7")["measures"]) == 7
    single = item(seed_report, "二/(一)/1/举一反三-1")["measures"]
    assert len(single) == 1 and single[0].startswith("与滨海新区建立高规格组织推动")


def test_seed_original_text_is_kept(seed_report):
    """Headings and bodies are cut from the text as printed (full-width marks and all)."""
    row = item(seed_report, "二/(一)/3/举一反三-2")
    assert row["heading"].startswith("东丽区教育资源不均衡,高中资源")
    assert row["text"].startswith("针对“举一反三”整改事项“东丽区教育资源不均衡")
    assert row["body"].startswith("百中华新学校(华新完中校)")


def test_seed_closing_is_not_an_item(seed_report):
    last = item(seed_report, "四/(二)/3")
    assert "欢迎广大党员干部" not in last["body"]
    assert "中共天津市东丽区委员会" not in last["body"]


def test_item_ids_are_unique_and_parents_exist(seed_report):
    ids = list(seed_report.items["item_id"])
    assert len(ids) == len(set(ids))
    assert set(seed_report.items["parent_id"]) - {""} <= set(ids)


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt")) if CORPUS.exists() else [])
def test_every_corpus_file_parses(name):
    report = rectdiff.parse(CORPUS / name)
    assert len(report.items) >= 1
    assert report.items["item_id"].is_unique


@pytest.mark.parametrize(
    "name, expected",
    [
        (
            "002.txt",
            [
                ("(一)", "section", "贯彻落实上级决策部署不够有力,党组领导核心作用发挥不足"),
                ("(一)/1", "feedback", "学习贯彻习近平新时代中国特色社会主义思想和上级重大决策部署不够到位"),
                ("(一)/1/(1)", "feedback", "学思践悟习近平总书记关于促进共同富裕的重要论述精神不深不透"),
            ],
        ),
        (
            "014.txt",
            [
                ("一", "narrative", "總體情況"),
                ("二", "section", "具體整改情況"),
                ("二/(一)", "feedback", "南寧市部分年度空氣質量約束性指標任務未完成"),
            ],
        ),
        (
            "024.txt",
            [
                ("一", "narrative", "巡视整改组织领导情况"),
                ("二", "section", "整改进展情况及成效"),
                ("二/1", "feedback", "政治引领有短板"),
            ],
        ),
        (
            "040.txt",
            [
                ("一", "section", "2022年度审计整改工作部署和成效"),
                ("一/(一)", "narrative", "坚持政治站位,落实整改责任"),
                ("一/(二)", "narrative", "完善工作机制,推动整改落实"),
            ],
        ),
        (
            "003.txt",
            [
                ("一", "section", "审计整改工作总体推进情况"),
                ("一/(一)", "narrative", "落实整改主体责任,多措并举开展整改"),
            ],
        ),
        (
            "023.txt",
            [("一", "section", "市委及主要负责人组织整改落实情况"), ("一/(一)", "narrative", "市委组织整改落实情况")],
        ),
    ],
)
def test_corpus_items(name, expected):
    if not CORPUS.exists():
        pytest.skip("../shared/corpus/ is not present")
    report = rectdiff.parse(CORPUS / name)
    rows = report.items[report.items["item_id"] != "前言"]
    assert list(zip(rows["item_id"], rows["kind"], rows["heading"])) == expected


def test_corpus_traditional_status_is_read():
    """014 is traditional Chinese from a mirror site: 該問題已完成整改 is still understood."""
    if not CORPUS.exists():
        pytest.skip("../shared/corpus/ is not present")
    row = item(rectdiff.parse(CORPUS / "014.txt"), "二/(一)")
    assert (row["status"], row["status_text"]) == ("completed", "已完成整改")


def test_corpus_metadata():
    if not CORPUS.exists():
        pytest.skip("../shared/corpus/ is not present")
    meta = rectdiff.parse(CORPUS / "002.txt").meta
    assert meta.title == "中共金华市婺城区文化和旅游体育局党组关于巡察整改情况的通报"
    assert meta.publish_date == "2023-05-04"
    assert rectdiff.parse(CORPUS / "026.txt").meta.issuer == "罗湖区审计局"


def test_audit_style_items_and_labelled_fields():
    text = "\n".join(
        [
            "一、关于“专项资金闲置”的问题",
            "整改情况:已收回闲置资金120万元,统筹用于民生项目。该问题已完成整改。",
            "二、关于“项目审批不规范”的问题",
            "整改任务:规范审批流程。",
            "整改完成情况:正在推进,已修订制度2项。",
            "三、其他问题整改情况",
            "● 针对“档案管理混乱”问题,进行了以下整改。整理档案300卷。",
        ]
    )
    report = parse_text(text)
    rows = report.items.set_index("item_id")
    assert rows.loc["一", "heading"] == "专项资金闲置"
    assert rows.loc["一", "status"] == "completed"
    assert rows.loc["二", "heading"] == "项目审批不规范"
    assert rows.loc["二", "status"] == "in_progress"
    assert rows.loc["三/针对-1", "heading"] == "档案管理混乱"
    assert rows.loc["三/针对-1", "kind"] == "feedback"


def test_text_without_report_is_a_parse_error():
    with pytest.raises(ParseError, match="没有找到整改报告"):
        parse_text("今天天气很好,我们去公园散步。\n晚上吃饺子。")
