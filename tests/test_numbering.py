"""Stage 2, the item tree: numbering a document defines for itself, field lines, ordinals of
any size, inline headings, and trees that repeat themselves. Every text here is fictional."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rectdiff.parsing import parse_text
from rectdiff.zh.normalize import norm
from rectdiff.zh.numerals import to_chinese


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


STATUS_BODIES = [
    ("公用经费支出不规范", "已完成整改。", "completed"),
    ("专项资金闲置", "目前正在推进整改。", "in_progress"),
    ("工程结算审核不严", "该问题尚未完成整改。", "not_completed"),
    ("惠民补贴发放不精准", "该问题已基本完成整改。", "substantially_completed"),
]


def _numbered_report(style: str, bodies=STATUS_BODIES) -> str:
    """A fictional audit report whose items are numbered in ``style`` (k: the ordinal)."""
    lines = ["关于某区审计查出问题整改情况的报告", "一、审计查出问题的整改情况"]
    for k, (topic, body, _) in enumerate(bodies, 1):
        lines.append(style.format(k=k, c=to_chinese(k)) + f"关于{topic}的问题。{body}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "style, label",
    [
        ("问题{k}：", "问题{k}"),
        ("问题{k}:", "问题{k}"),
        ("第{k}项：", "第{k}项"),
        ("第{k}项", "第{k}项"),
        ("任务{c}、", "任务{c}"),
        ("【问题{c}】", "问题{c}"),
        ("任务{k}.", "任务{k}"),
        ("项目1.{k}：", "项目1.{k}"),
        ("{k}）", "{k}"),
        ("{k})", "{k}"),
        ("问题{k})", "问题{k}"),
        # ordinals joined by a dash nest like dotted ones (问题2-1 under 问题2)
        ("问题{k}-1：", "问题{k}-1"),
        ("事项1-{k}：", "事项1-{k}"),
        ("审计问题2-{k}、", "审计问题2-{k}"),
        # a prefix word before a bracketed ordinal: the bracket is the number's, not the level (一)/(1)
        ("问题（{c}）：", "问题{c}"),
        ("整改任务（{k}）：", "整改任务{k}"),
        ("任务({k})", "任务{k}"),
        # a dotted ordinal needs no prefix word when a separator follows it
        ("1.{k} ", "1.{k}"),
        ("2.{k}、", "2.{k}"),
        ("3.{k}：", "3.{k}"),
    ],
)
def test_numbering_the_document_defines_is_an_item_level(style, label):
    """Each prefix style that recurs in sequence numbers the items under 一、; statuses are read."""
    got = _items(parse_text(_numbered_report(style)))
    want = [("一", "审计查出问题的整改情况", "unknown")]
    for k, (topic, _, status) in enumerate(STATUS_BODIES, 1):
        item_label = label.format(k=k, c=to_chinese(k))
        want.append((f"一/{item_label}", topic, status))
    assert got == want


DASHED = """关于某县审计查出问题整改情况的报告
一、审计查出问题的整改情况
问题1：预算管理方面的问题。
问题1-1：代编预算比例偏高。该问题已完成整改。
问题1-2：非税收入缴库不及时。目前正在推进整改。
问题2：资产管理方面的问题。
问题2-1：公房出租未公开招租。该问题尚未完成整改。
"""


def test_dashed_ordinals_nest_under_their_head():
    """问题1-1 / 问题1-2 stand under 问题1, 问题2-1 under 问题2: the dash joins parts as a dot does."""
    assert _items(parse_text(DASHED)) == [
        ("一", "审计查出问题的整改情况", "unknown"),
        ("一/问题1", "预算管理方面的问题", "unknown"),
        ("一/问题1/问题1-1", "代编预算比例偏高", "completed"),
        ("一/问题1/问题1-2", "非税收入缴库不及时", "in_progress"),
        ("一/问题2", "资产管理方面的问题", "unknown"),
        ("一/问题2/问题2-1", "公房出租未公开招租", "not_completed"),
    ]


BARE_DOTTED = """关于某县督察整改进展情况的报告
一、水环境问题
1.城镇污水处理方面的问题
1.1 污水处理厂超负荷运行。目前正在推进整改。
1.2 管网雨污混接。该问题已完成整改。
2.农业面源污染方面的问题
2.1 养殖粪污直排。该问题尚未完成整改。
2.2 化肥减量不到位，涉及1.5万亩农田。该问题已基本完成整改。
"""


def test_bare_dotted_ordinals_nest_under_plain_ones():
    """1.1 / 1.2 with no prefix word stand under the plain 1. before them, 2.1 under 2.; 1.5万亩
    inside a line is no number."""
    assert _items(parse_text(BARE_DOTTED)) == [
        ("一", "水环境问题", "unknown"),
        ("一/1", "城镇污水处理方面的问题", "unknown"),
        ("一/1/1.1", "污水处理厂超负荷运行", "in_progress"),
        ("一/1/1.2", "管网雨污混接", "completed"),
        ("一/2", "农业面源污染方面的问题", "unknown"),
        ("一/2/2.1", "养殖粪污直排", "not_completed"),
        ("一/2/2.2", "化肥减量不到位，涉及1.5万亩农田", "substantially_completed"),
    ]


def test_a_prefix_seen_once_is_no_level():
    """问题1: once (a reference in prose) is no heading: the text stays in the item above it."""
    text = _numbered_report("{k}.").replace("2.关于专项资金闲置", "问题1：关于专项资金闲置")
    ids = [i for i, _, _ in _items(parse_text(text))]
    assert ids == ["一", "一/1", "一/3", "一/4"]


def test_prefix_numbers_out_of_sequence_are_no_level():
    """截至2023 年… twice, 问题7: then 问题2: — numbers that do not run in sequence are no level."""
    text = _numbered_report("{k}.") + "问题7：另见附表。\n问题2：另见附表。\n问题9：另见附表。\n"
    ids = [i for i, _, _ in _items(parse_text(text))]
    assert ids == ["一", "一/1", "一/2", "一/3", "一/4"]


DUCHA = """附件
某市贯彻落实生态环境保护督察反馈意见整改进展情况
一、水环境问题
项目1.1：城区黑臭水体治理不彻底的问题。
整改时限：2023年底前。
整改进展情况：已完成整改。
（1）完成截污管网改造12公里；
（2）建成污水处理厂1座。
责任单位：市住建局
项目1.2：工业园区污水直排的问题。
整改时限：2024年6月底前。
整改进展情况：正在推进。
（1）排查排污口35个；
（2）关停企业3家。
二、大气环境问题
项目2.1：扬尘管控不力的问题。
整改时限：2023年底前。
整改进展情况：尚未完成整改。
（1）安装在线监测设备40套。
"""


def test_field_lines_belong_to_the_item_above_them():
    """项目N.N items of a 督察 attachment: their field lines and (1)…(n) measures are theirs (the
    责任单位 after the measures too), never the previous item's last measure."""
    report = parse_text(DUCHA)
    items = report.items.set_index("item_id")
    assert _items(report) == [
        ("一", "水环境问题", "unknown"),
        ("一/项目1.1", "城区黑臭水体治理不彻底的问题", "completed"),
        ("一/项目1.2", "工业园区污水直排的问题", "in_progress"),
        ("二", "大气环境问题", "unknown"),
        ("二/项目2.1", "扬尘管控不力的问题", "not_completed"),
    ]
    assert items.loc["一/项目1.1", "responsible"] == "市住建局"
    assert items.loc["一/项目1.2", "deadline"] == "2024年6月底前。"
    assert "（2）建成污水处理厂1座。" in items.loc["一/项目1.1", "body"]
    assert list(items.loc[["一/项目1.1", "一/项目1.2", "二/项目2.1"], "kind"]) == ["feedback"] * 3


def test_dotted_ordinals_nest_by_depth():
    """问题1 > 问题1.1, 问题1.2 > 问题2: the deeper ordinal is a child of the shallower one."""
    text = "关于某单位巡察整改情况的报告\n问题1：党建方面\n问题1.1：关于组织生活不规范的问题。已完成整改。\n"
    text += (
        "问题1.2：关于党费收缴不及时的问题。正在推进。\n问题2：财务方面\n问题2.1：关于台账不清的问题。已完成整改。\n"
    )
    items = parse_text(text).items.set_index("item_id")
    assert list(items.index[1:]) == ["问题1", "问题1/问题1.1", "问题1/问题1.2", "问题2", "问题2/问题2.1"]
    assert list(items["status"].iloc[1:]) == ["unknown", "completed", "in_progress", "unknown", "completed"]


REPORTS = Path(__file__).parent / "reports"
LAYOUTS = sorted(REPORTS.glob("*.txt"))


@pytest.mark.parametrize("path", LAYOUTS, ids=[p.stem for p in LAYOUTS])
def test_each_layout_gives_its_exact_items_and_statuses(path):
    """A fictional report of each layout (tests/reports/*.txt) gives exactly the items and
    statuses of its .expected.tsv (item_id, heading, status): a 督察 attachment of 24 项目N.N
    problems with field lines and measures (some status labels after the measures), a 问题N:
    list with 问题表现/整改措施/完成情况 fields, an audit report of 22 items with 整改状态 inline."""
    expected = [tuple(line.split("\t")) for line in path.with_suffix(".expected.tsv").read_text("utf-8").splitlines()]
    assert _items(parse_text(path.read_text("utf-8"))) == expected


def test_the_attachment_fields_are_the_items_own():
    """The 督察 attachment's deadline and responsible unit stand on their own problem."""
    items = parse_text((REPORTS / "ducha_attachment.txt").read_text("utf-8")).items.set_index("item_id")
    assert len(items.index[items.index.str.contains("项目")]) == 24
    assert items.loc["一/项目1.1", "deadline"] == "2023年12月底前。"
    assert items.loc["一/项目1.1", "responsible"] == "市生态环境局"
    assert items.loc["一/项目1.2", "responsible"] == ""
    assert items.loc["一/项目1.4", "status"] == "substantially_completed"  # its label follows the measures
    assert items.loc["一/项目1.1", "measures"] == ["开展专项执法检查6次", "落实专项资金800万元"]
    assert items.loc["一/项目1.1", "fields"]["整改进展情况"] == "已完成整改。"  # the measures are not the field's
    assert items.loc["一/项目1.4", "measures"] == ["安装在线监测设备40套", "关停违法企业3家"]


def test_headings_run_into_one_line_are_split():
    """一、…二、… in one long line (a page that lost its line breaks) gives two items."""
    text = (
        "关于某市企业环境问题整改情况的通报\n一、已完成整改企业情况 ……某某化工、某某建材等11家企业已按要求完成整改,"
        "经验收合格……二、未完成整改企业及处理情况……某某钢铁等12家企业尚未完成整改,已责令限期整改。\n"
    )
    report = parse_text(text)
    assert _items(report) == [
        ("一", "已完成整改企业情况", "completed"),
        ("二", "未完成整改企业及处理情况", "not_completed"),
    ]
    assert report.items.set_index("item_id").loc["二", "text"].startswith("二、未完成整改企业及处理情况")


def test_an_enumeration_inside_a_line_is_not_split():
    """一、…第二、三季度…: 二、 before another numeral enumerates, it opens no heading."""
    text = "关于某区整改情况的通报\n一、整改进展 一季度完成整改5项。二、三季度完成整改8项,其余正在推进中。\n"
    assert [i for i, _, _ in _items(parse_text(text))] == ["一"]


def test_a_list_of_1200_items_gives_1200_items():
    """Ordinals of any size: item 1000 follows item 999 (it used to be swallowed by it)."""
    done = ["已完成整改。", "正在推进整改。"]
    lines = ["关于某县整改台账落实情况的报告", "一、具体问题整改情况"]
    lines += [f"{k}.关于第{k}项问题的整改。{done[k % 2]}" for k in range(1, 1201)]
    items = _items(parse_text("\n".join(lines) + "\n"))
    assert len(items) == 1201
    assert items[1000] == ("一/1000", "第1000项", "completed")
    assert items[-1] == ("一/1200", "第1200项", "completed")
    assert [s for _, _, s in items[1:]] == [("completed" if k % 2 == 0 else "in_progress") for k in range(1, 1201)]


def test_a_year_at_a_line_start_is_no_item():
    """2023.关于… after item 2 is a year (no sibling 2022 before it), not item 2023."""
    text = (
        "关于某区整改情况的通报\n一、整改情况\n1.关于台账不清的问题。已完成整改。\n2.关于制度缺失的问题。正在推进。\n"
    )
    text += "2023.关于下一步的安排,继续巩固整改成果。\n"
    assert [i for i, _, _ in _items(parse_text(text))] == ["一", "一/1", "一/2"]


PREFIX_WORDS = "问题项目任务事项条款清单审计督察整改序号类别"
SEPARATORS = [":", "：", "、", "."]


@st.composite
def prefix_styles(draw):
    """A numbering style a document may define: a prefix word, an ordinal script, a separator
    or brackets (问题{k}:, 事项{c}、, 【清单{c}】, 项目1.{k}: …)."""
    word = draw(st.text(PREFIX_WORDS, min_size=1, max_size=3))
    if draw(st.booleans()):
        return "【" + word + draw(st.sampled_from(["{k}", "{c}"])) + "】"
    dotted = draw(st.booleans())
    ordinal = "1.{k}" if dotted else draw(st.sampled_from(["{k}", "{c}"]))
    return word + ordinal + draw(st.sampled_from(SEPARATORS))


@settings(max_examples=60, deadline=None)
@given(prefix_styles(), st.lists(st.sampled_from(STATUS_BODIES), min_size=2, max_size=12))
def test_renumbering_with_any_prefix_style_keeps_items_and_statuses(style, bodies):
    """The same report numbered 1. or in any prefix style has the same items and statuses."""

    def kept(report):
        return [(heading, status) for _, heading, status in _items(report)[1:]]

    plain = kept(parse_text(_numbered_report("{k}.", bodies)))
    assert plain == [(topic, status) for topic, _, status in bodies]
    assert kept(parse_text(_numbered_report(style, bodies))) == plain


def test_a_heading_after_a_top_level_list_closes_it():
    """问题1: … 问题2: at the top of a report, then 二、下一步工作打算: the heading is no part of item 2."""
    text = "关于某单位巡察整改情况的报告\n问题1：关于组织生活不规范的问题。已完成整改。\n"
    text += "问题2：关于党费收缴不及时的问题。正在推进。\n二、下一步工作打算\n我们将持续巩固整改成果。\n"
    assert _items(parse_text(text)) == [
        ("问题1", "组织生活不规范", "completed"),
        ("问题2", "党费收缴不及时", "in_progress"),
        ("二", "下一步工作打算", "unknown"),
    ]


def test_a_truncated_list_that_starts_past_999_is_a_list():
    """A text cut from a long ledger that starts at item 1201: its ordinals run in sequence."""
    lines = ["关于某县整改台账落实情况的报告(节选)", "一、具体问题整改情况"]
    lines += [f"{k}.关于台账第{k}号问题的整改。已完成整改。" for k in range(1201, 1206)]
    assert [i for i, _, _ in _items(parse_text("\n".join(lines) + "\n"))] == ["一"] + [
        f"一/{k}" for k in range(1201, 1206)
    ]


def _fields_report(mark: str, label: str, lead: str, second_status: str = "整改中") -> str:
    """A 问题清单 of two items numbered ``mark`` whose first field line (``lead``:…) states the problem."""
    one, two = mark.format(k=1), mark.format(k=2)
    return (f"关于专项整治问题清单整改落实情况的报告\n一、问题清单整改情况\n"
            f"{one}食堂采购台账不健全的问题（甲组交办）。\n{lead}：“部分食材采购未登记入账，票据保管零散”。\n"
            f"整改措施：建立食材采购登记台账，指定专人逐笔登记并按月核对。\n整改时限：2024年6月底前。\n"
            f"{label}：已完成。\n"
            f"{two}档案室防潮设施缺失的问题（乙组交办）。\n{lead}：“档案室未配备除湿设备，部分案卷受潮”。\n"
            f"整改措施：购置除湿设备2台，对受潮案卷逐卷晾晒修复。\n{label}：{second_status}。")  # fmt: skip


@pytest.mark.parametrize(
    ("mark", "ids", "label", "lead"),
    [
        ("{k}.", ("一/1", "一/2"), "完成情况", "问题表现"),
        ("（{k}）", ("一/(1)", "一/(2)"), "整改进展", "问题描述"),
        ("{k}、", ("一/1", "一/2"), "完成情况", "存在问题"),
        ("（{k}）", ("一/(1)", "一/(2)"), "整改結果", "問題表現"),
    ],
)
def test_a_problem_field_after_a_numbered_heading_is_the_items_own_field(mark, ids, label, lead):
    """问题表现:… right after 1.…的问题(…): a field of that item, never a 条目 sub-item of its own."""
    report = parse_text(_fields_report(mark, label, lead))
    assert _items(report) == [("一", "问题清单整改情况", "unknown"),
                              (ids[0], "食堂采购台账不健全的问题（甲组交办）", "completed"),
                              (ids[1], "档案室防潮设施缺失的问题（乙组交办）", "in_progress")]  # fmt: skip
    first = report.items.set_index("item_id").loc[ids[0], "body"]
    assert first.startswith(f"{lead}：“部分食材采购未登记入账") and "整改时限：2024年6月底前" in first


def test_a_numbered_section_heading_leaves_its_field_lines_as_items():
    """1.整改落实情况 names a part of the report, not a problem: its 问题表现 blocks are its items."""
    text = ("一、问题清单整改情况\n1.具体整改落实情况\n问题表现：会议纪要归档不及时，部分纪要缺少签批。\n"
            "整改措施：明确纪要归档时限。\n完成情况：已完成。\n问题表现：公务用车登记不全，出车记录缺项。\n"
            "整改措施：启用用车登记系统。\n完成情况：正在推进。")  # fmt: skip
    assert _items(parse_text(text))[1:] == [
        ("一/1", "具体整改落实情况", "unknown"),
        ("一/1/条目-1", "会议纪要归档不及时，部分纪要缺少签批", "completed"),
        ("一/1/条目-2", "公务用车登记不全，出车记录缺项", "in_progress"),
    ]


def test_the_next_item_after_a_field_of_one_shi_measures_is_an_item():
    """整改措施:一是…二是… then (2)…: (2) numbers the next item; a field's own list starts at (1)."""
    text = ("一、问题清单整改情况\n（1）窗口人员业务不熟练的问题。\n问题表现：“群众多次往返才能办成一件事”。\n"
            "整改措施：一是编印窗口业务手册；二是开展岗位练兵，目前正在组织轮训。\n"
            "（2）便民热线接通率偏低的问题。\n问题表现：“高峰时段热线长时间占线”。\n整改措施：增设坐席4个。\n"
            "完成情况：已完成。\n（3）政务公开栏更新不及时的问题。\n整改措施：\n（1）明确专人每周更新。\n"
            "（2）纳入月度考核。\n完成情况：已完成。")  # fmt: skip
    ids = [i for i, _, _ in _items(parse_text(text))]
    assert ids == ["一", "一/(1)", "一/(2)", "一/(3)"]
    rows = parse_text(text).items.set_index("item_id")
    assert rows.loc["一/(2)", "status"] == "completed" and "(1)明确专人每周更新" in norm(rows.loc["一/(3)", "body"])


@pytest.mark.parametrize("heading", ["惠民补贴发放不精准", "村级财务管理混乱", "工地扬尘监管缺位"])
def test_a_top_level_heading_that_names_a_shortcoming_is_an_item(heading):
    """一、… 二、… headings with no group under them: one that names a shortcoming (不精准, 混乱, 缺位) is a
    problem item like …不到位, not prose, so the scorers and the workbook list it with its status."""
    text = (
        "中共某镇委员会关于巡察反馈意见整改情况的通报\n"
        "一、落实主体责任不到位\n一是每季度专题研究一次。目前,该问题已整改完毕。\n"
        "二、基层党组织建设薄弱\n一是选派第一书记。目前,该问题正在推进。\n"
        f"三、{heading}\n一是开展全面核查;二是追回违规资金。目前,该问题已基本整改到位。\n"
    )
    items = parse_text(text).items
    row = items[items["heading"] == heading].iloc[0]
    assert (row["kind"], row["status"]) == ("feedback", "substantially_completed")


@pytest.mark.parametrize(
    "text, heading, status",
    [
        ("关于国有企业审计查出问题整改情况的报告\n一、应收账款长期挂账\n整改情况:已清收欠款860万元,尾款正在依法追收。\n"
         "二、固定资产管理混乱\n整改情况:已调整账目。整改状态:已完成。\n", "应收账款长期挂账", "in_progress"),
        ("附件\n某县督察反馈问题整改情况\n(1)县城污水处理厂提标改造\n整改时限:2024年底前。整改进展情况:正在推进。\n"
         "(2)矿山开采破坏植被\n整改时限:2025年底前。整改进展情况:已完成整改。\n", "县城污水处理厂提标改造", "in_progress"),
        ("关于专项整治问题清单整改情况的报告\n一、政务服务事项办理时限压缩\n完成情况:已完成。\n"
         "二、涉企检查频次过多\n完成情况:正在推进。\n", "政务服务事项办理时限压缩", "completed"),
    ],
)  # fmt: skip
def test_a_heading_with_field_lines_under_it_is_an_item(text, heading, status):
    """A top-level heading that names no shortcoming (…挂账, …提标改造) but carries 整改情况 / 整改进展情况 /
    完成情况 fields is a problem item, read as one (not prose, whose last sentence is no verdict)."""
    items = parse_text(text).items
    row = items[items["heading"] == heading].iloc[0]
    assert (row["kind"], row["status"]) == ("feedback", status)


def _parted_report(sep: str) -> str:
    return "\n".join([
        "关于某区审计查出问题整改情况的报告",
        f"第一部分{sep}整改工作总体情况", "区政府召开常务会议专题部署整改。",
        f"第二部分{sep}审计查出问题整改情况",
        "一、预算管理方面", "1.代编预算比例偏高。该问题已完成整改。", "2.非税收入缴库不及时。目前正在推进整改。",
        "二、资产管理方面", "1.公房出租未公开招租。该问题尚未完成整改。",
        f"第三部分{sep}下一步工作", "持续跟踪督促，确保全部整改到位。",
    ]) + "\n"  # fmt: skip


@pytest.mark.parametrize("sep", [" ", "：", "、"])
def test_parts_of_a_report_enclose_its_sections(sep):
    """第一部分 / 第二部分 / 第三部分 are parts above 一、: the sections and items under 第二部分 are
    its own (before, the parts were no headings and their text fell into the preamble and items)."""
    items = parse_text(_parted_report(sep)).items.set_index("item_id")
    items = items[~items.index.isin(("前言", "结语", "落款"))]
    assert list(zip(items.index, items["kind"], items["status"])) == [
        ("第一部分", "narrative", "unknown"),
        ("第二部分", "section", "unknown"),
        ("第二部分/一", "section", "unknown"),
        ("第二部分/一/1", "feedback", "completed"),
        ("第二部分/一/2", "feedback", "in_progress"),
        ("第二部分/二", "section", "unknown"),
        ("第二部分/二/1", "feedback", "not_completed"),
        ("第三部分", "narrative", "unknown"),
    ]


NESTED_LIST = """关于某区审计查出问题整改情况的报告
一、审计查出问题整改情况
（一）预算管理方面
1.代编预算比例偏高。该问题已完成整改。
2.非税收入缴库不及时。已约谈相关单位负责人。
3.公房出租未公开招租。已下达整改通知书。
"""


@pytest.mark.parametrize(
    "summary, statuses",
    [
        ("以上问题共3个，已整改2个，其余1个正在推进。", ["completed", "unknown", "unknown"]),
        ("以上问题中已完成整改2个。", ["completed", "unknown", "unknown"]),
        ("上述问题均已整改完毕。", ["completed", "completed", "completed"]),
    ],
)
def test_a_look_back_after_a_nested_list_is_no_part_of_its_last_item(summary, statuses):
    """以上问题… after the last item of a list inside a section belongs to the section: its counts
    name no item (before, item 3 took 已整改 / 正在推进 from it as its own verdict), and 均已… speaks
    of every item of the list."""
    items = parse_text(NESTED_LIST + summary + "\n").items.set_index("item_id")
    assert items.loc[["一/(一)/1", "一/(一)/2", "一/(一)/3"], "status"].tolist() == statuses
    assert summary not in items.loc["一/(一)/3", "body"]
