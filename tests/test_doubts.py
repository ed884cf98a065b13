"""The doubts stage (疑点清单): each kind pinned on the fictional series and batch of
examples/doubts/, a clean pair that raises none, and the properties of the issue."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rectdiff
from rectdiff.doubts.kinds import BY_CODE, KINDS
from rectdiff.doubts.steps import weak_clauses
from rectdiff.doubts.wording import Paragraph, comparable, same_wording
from rectdiff.model import Doubt
from rectdiff.parsing import parse_report
from rectdiff.read import read_report
from rectdiff.records import Item, field_names
from rectdiff.zh.lexicon import DOUBT_STOCK_PHRASES

from .conftest import EXAMPLES

DOUBTS = EXAMPLES / "doubts"
SONGLING = sorted(DOUBTS.glob("songling_*.txt"))
BAICHUAN = sorted(DOUBTS.glob("baichuan_*.txt"))


@pytest.fixture(scope="module")
def songling():
    return rectdiff.series(SONGLING)


def where(d: Doubt) -> list[tuple]:
    """出处 of each side: version, item id, number, heading, position, and where the reader found it."""
    return [(p.version, p.item_id, p.number, p.heading, p.order, p.source) for p in d.places]


def only(doubts, kind: str) -> list[Doubt]:
    return [d for d in doubts if d.kind == kind]


def test_the_series_raises_each_kind_with_its_words_and_places(songling):
    found = {d.kind: [] for d in songling.doubts}
    for d in songling.doubts:
        found[d.kind].append(d)
    assert sorted(found) == sorted(k.code for k in KINDS)
    (same,) = [d for d in found["advanced_unchanged"] if d.versions == ("V1", "V2")]
    assert same.items == ("1. 农村人居环境整治不到位",) and same.severity == "high"
    assert same.words == "“截至目前,该问题正在推进整改。” → “截至目前,该问题已完成整改。”"
    assert where(same) == [
        ("V1", "二/1", "1.", "农村人居环境整治不到位", 3, "第7段"),
        ("V2", "二/1", "1.", "农村人居环境整治不到位", 3, "第7段"),
    ]
    (plans,) = found["done_no_result"]
    assert plans.items == ("2. 惠民资金发放不规范",) and where(plans)[0][-1] == "第8段"
    assert plans.words == ("“一是召开专题会议研究部署惠民资金规范发放工作”……“二是印发《关于进一步规范惠民资金发放管理的通知》”"
                           "……“三是下一步将对发放情况开展全面排查”")  # fmt: skip
    (late,) = found["overdue"]
    assert late.items == ("5. 乡镇财务管理混乱",) and late.versions == ("V2", "V3")
    assert late.words == "整改时限:2024年6月30日;截至目前,该问题正在推进整改。"
    assert [(p.version, p.source, p.source_at) for p in late.places] == [("V2", "第12段", 12), ("V3", "第12段", 12)]
    (moved,) = found["deadline_moved"]
    assert moved.words == "整改时限:2024年12月31日 → 2025年6月30日 → 2025年12月31日" and moved.severity == "high"
    assert [p.version for p in moved.places] == ["V1", "V2", "V3"] and {p.item_id for p in moved.places} == {"二/4"}
    (fell,) = found["cumulative_fell"]
    assert fell.words == "退还企业违规收费 120万元 → 95万元"
    assert where(fell)[1] == ("V2", "二/3", "3.", "违规收取涉企费用", 5, "第9段")
    (gone,) = found["vanished"]
    assert gone.items == ("7. 基层执法不规范",) and where(gone) == [("V1", "二/7", "7.", "基层执法不规范", 9, "第15段")]
    assert gone.reason == "未报完成即消失,最后状态:正在推进"
    (back,) = found["relapsed"]  # across the gap: absent from V2
    assert back.versions == ("V1", "V3") and back.words == "“截至目前,该问题已完成整改。” → “目前正在推进整改。”"
    (alike,) = found["same_wording"]  # V3 keeps the copy of V2: raised once, where it appeared
    assert alike.items == ("1. 农村人居环境整治不到位", "6. 集镇环境卫生脏乱") and alike.versions == ("V2",)
    assert alike.words.startswith("“开展村庄清洁行动,组织党员干部和群众清理农村生活垃圾320吨")
    (totals,) = found["totals_mismatch"]
    assert [(p.item_id, p.source) for p in totals.places] == [("二/3", "第9段"), ("二/4", "第10段"), ("二/5", "第12段"),
                                                              ("二/6", "第14段")]  # fmt: skip
    assert totals.words == "“7个具体问题已全部完成整改。”;“截至目前,该问题正在推进整改。”"


def test_doubts_come_worst_first_and_carry_their_kind_names(songling):
    order = ["high", "medium", "low"]
    assert [order.index(d.severity) for d in songling.doubts] == sorted(
        order.index(d.severity) for d in songling.doubts
    )
    for d in songling.doubts:
        assert (d.name, d.name_en) == (BY_CODE[d.kind].name, BY_CODE[d.kind].name_en)
        assert d.places and d.reason and d.reason_en


def test_a_comparison_labels_its_sides_old_and_new():
    result = rectdiff.compare(SONGLING[0], SONGLING[1])
    kinds = {d.kind for d in result.doubts}
    assert kinds == {"advanced_unchanged", "done_no_result", "overdue", "deadline_moved", "cumulative_fell",
                     "vanished", "same_wording", "totals_mismatch"}  # fmt: skip
    (moved,) = only(result.doubts, "deadline_moved")
    assert moved.words == "整改时限:2024年12月31日 → 2025年6月30日" and moved.versions == ("old", "new")


def test_the_batch_adds_the_wording_two_units_share(tmp_path):
    done = rectdiff.batch(str(DOUBTS), str(tmp_path / "out"), jobs=1)
    assert {d.kind for d in done.doubts} == {k.code for k in KINDS}
    across = [d for d in only(done.doubts, "same_wording") if len({p.unit for p in d.places}) > 1]
    (copy,) = across
    assert copy.severity == "high" and copy.items == ("1. 国有资产底数不清", "4. 闲置资产盘活不力")
    assert [(p.unit, p.version, p.item_id) for p in copy.places] == [
        ("中共柏川县委员会", "baichuan_2_2024-10.txt", "二/1"), ("中共松岭县委员会", "songling_3_2025-03.txt", "二/4")]  # fmt: skip
    assert copy.words.startswith("“建立闲置资产台账,逐处登记闲置房产19处") and "截至目前" not in copy.words
    # each series' own doubts are there, marked with their unit
    assert {p.unit for d in only(done.doubts, "relapsed") for p in d.places} == {"中共松岭县委员会"}
    assert only(done.doubts, "advanced_unchanged")[0].places[0].unit in {"中共柏川县委员会", "中共松岭县委员会"}


def test_json_and_summary_carry_the_doubts(tmp_path):
    from click.testing import CliRunner

    from rectdiff.cli import cli

    out = tmp_path / "d.json"
    run = CliRunner().invoke(cli, ["compare", str(SONGLING[0]), str(SONGLING[1]), "--json", str(out)])
    assert run.exit_code == 0
    assert (
        "疑点: 8 (状态前进而措施未变 1, 累计数回落 1, 完成而无实据 1, 逾期未完成 1, 一再延期 1, 事项消失 1, 雷同表述 1, 总数与事项不符 1)"
        in run.output
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    first = data["doubts"][0]
    assert set(first) == {"kind", "name", "name_en", "severity", "items", "versions", "words", "reason", "reason_en",
                          "places"}  # fmt: skip
    assert first["places"][0] == {"version": "old", "item_id": "二/1", "number": "1.", "heading": "农村人居环境整治不到位",
                                  "order": 3, "source": "第7段", "unit": "", "source_at": 7}  # fmt: skip


CLEAN_OLD = """关于区委巡察整改进展情况的通报

发布时间:2024-03-01

一、整改落实情况

本轮巡察反馈问题共2个,已完成整改1个,正在推进1个。

1.针对资产台账不清问题,进行了以下整改。清理资产1200件,登记入账960件。目前正在推进整改。

整改时限:2024年12月31日

2.针对党费收缴不及时问题,进行了以下整改。补缴党费3.5万元,累计追回欠缴党费3.5万元。截至目前,该问题已完成整改。
"""
#: the next version: item 1 done with new results (its measures text grew), its deadline kept,
#: the running total grew, the stated total follows
CLEAN_NEW = (
    CLEAN_OLD.replace("2024-03-01", "2024-09-01")
    .replace("已完成整改1个,正在推进1个", "已完成整改2个")
    .replace("登记入账960件。目前正在推进整改。", "登记入账1200件,处置闲置资产86件。目前已完成整改。")
    .replace("累计追回欠缴党费3.5万元", "累计追回欠缴党费4.1万元")
)


def parsed(text: str, tmp_path, name: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_report(read_report(str(path)))


def test_a_clean_pair_of_versions_raises_no_doubt(tmp_path):
    result = rectdiff.compare(parsed(CLEAN_OLD, tmp_path, "a.txt"), parsed(CLEAN_NEW, tmp_path, "b.txt"))
    assert result.has_changes and result.stats.status_changes == {"improved": 1}
    assert result.doubts == ()


def test_the_same_pair_with_its_measures_left_as_they_were_raises_one(tmp_path):
    """The clean pair's counterpart: the status moves on, the measures text does not."""
    lazy = CLEAN_NEW.replace("登记入账1200件,处置闲置资产86件。目前已完成整改。", "登记入账960件。目前已完成整改。")
    result = rectdiff.compare(parsed(CLEAN_OLD, tmp_path, "a.txt"), parsed(lazy, tmp_path, "b.txt"))
    assert [(d.kind, d.items) for d in result.doubts] == [("advanced_unchanged", ("1. 资产台账不清",))]


@pytest.mark.parametrize(
    "body, weak",
    [
        ("一是召开专题会议研究部署。二是印发通知。目前已完成整改。", ["一是召开专题会议研究部署", "二是印发通知"]),
        ("下一步将持续跟踪。拟于年底前开展回头看。目前已完成整改。", ["下一步将持续跟踪", "拟于年底前开展回头看"]),
        ("召开会议3次,追回资金12万元。目前已完成整改。", []),  # a result beside the meeting
        ("一是印发通知。二是拆除违建房屋4处。目前已完成整改。", []),
        ("进一步压实责任,加强督促检查。目前已完成整改。", []),  # vague, but no plan and no paperwork
    ],
)
def test_a_body_of_plans_or_paperwork_holds_no_result(body, weak):
    assert weak_clauses(body, "目前已完成整改。") == weak


ITEMS = [
    "针对资产台账不清问题,进行了以下整改。一是召开专题会议研究部署。二是下一步将开展清查。目前已完成整改。",
    "针对党费收缴不及时问题,进行了以下整改。补缴党费3.5万元。截至目前,该问题正在推进整改。",
    "针对项目审批迟缓问题,进行了以下整改。推行并联审批,审批时限压缩至20个工作日。目前正在推进整改。",
    "针对村庄环境脏乱问题,进行了以下整改。组织党员干部和群众清理农村生活垃圾320吨、清理沟渠45公里、拆除残垣断壁60处。目前已完成整改。",
    "针对集镇环境卫生问题,进行了以下整改。组织党员干部和群众清理农村生活垃圾320吨、清理沟渠45公里、拆除残垣断壁60处。目前正在推进整改。",
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.sampled_from(range(len(ITEMS))), min_size=1, max_size=6),
    st.sampled_from(["", "整改时限:2023年6月30日", "整改时限:2030年6月30日"]),
    st.sampled_from(["本轮巡察反馈问题共{n}个,已全部完成整改。", "本轮巡察反馈问题共{n}个。"]),
)
def test_a_version_compared_with_itself_raises_no_doubt(tmp_path, picks, deadline, intro):
    """Whatever the version holds (plans only, past deadlines, copied paragraphs, totals that
    disagree with its items), the step from it to itself raises nothing."""
    lines = ["关于区委巡察整改进展情况的通报", "发布时间:2024-06-01", "一、整改落实情况", intro.format(n=len(picks))]
    for n, k in enumerate(picks, 1):
        lines += [f"{n}.{ITEMS[k]}"] + ([deadline] if deadline else [])
    report = parsed("\n\n".join(lines), tmp_path, "a.txt")
    assert rectdiff.compare(report, report).doubts == ()


def test_every_example_compared_with_itself_raises_no_doubt():
    for path in SONGLING + BAICHUAN:
        assert rectdiff.compare(path, path).doubts == (), path.name


HAN_A = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 300))
HAN_B = "".join(chr(c) for c in range(0x5E00, 0x5E00 + 300))


def _paragraph(printed: str, unit: str, item: str) -> Paragraph:
    blank = dict.fromkeys(field_names(Item))
    row = Item(**blank | {"item_id": item, "number": "1.", "heading": item, "order": 1, "status_evidence": "",
                          "fields": {}, "source": ""})  # fmt: skip
    return Paragraph(comparable(printed), printed, unit, f"{unit}.txt", row)


@settings(max_examples=40, deadline=None)
@given(
    st.text(alphabet=HAN_A, min_size=45, max_size=90),
    st.text(alphabet=HAN_B, min_size=45, max_size=90),
    st.sampled_from(DOUBT_STOCK_PHRASES),
    st.sampled_from(DOUBT_STOCK_PHRASES),
    st.integers(0, 45),
)
def test_a_stock_phrase_swapped_across_units_is_no_same_wording(a, b, stock_a, stock_b, at):
    """Two units' own paragraphs, each carrying a stock phrase (the same one or the other's):
    never 雷同表述; the same paragraph in both is, whatever stock phrase each carries."""
    mine = _paragraph(a[:at] + stock_a + a[at:], "甲单位", "x")
    theirs = _paragraph(b[:at] + stock_b + b[at:], "乙单位", "y")
    swapped = _paragraph(b[:at] + stock_a + b[at:], "乙单位", "y")
    assert same_wording([mine, theirs]) == [] and same_wording([mine, swapped]) == []
    copied = _paragraph(a[:at] + stock_b + a[at:], "乙单位", "y")
    assert [d.kind for d in same_wording([mine, copied])] == ["same_wording"]


def sheet_rows(ws) -> list[list]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_the_timeline_workbook_lists_the_doubts_second(songling, tmp_path):
    from openpyxl import load_workbook

    from rectdiff.render.timeline import write_series_xlsx

    write_series_xlsx(songling, str(tmp_path / "t.xlsx"))
    wb = load_workbook(tmp_path / "t.xlsx")
    assert wb.sheetnames[:3] == ["概览", "疑点清单", "时间线"]
    ws = wb["疑点清单"]
    rows = sheet_rows(ws)
    assert rows[0] == ["序号", "疑点类型", "程度", "事项", "版本", "原文", "疑点说明", "出处", "查看", "核实情况"]
    assert rows[1][:5] == [1, "状态前进而措施未变", "高", "1. 农村人居环境整治不到位", "V1 → V2"]
    assert rows[1][7] == "V1 第7段\nV2 第7段" and ws["C2"].fill.fgColor.rgb.endswith("F8CBAD")
    moved = next(r for r in rows if r[1] == "一再延期")
    assert moved[4:6] == ["V1 → V2 → V3", "整改时限:2024年12月31日 → 2025年6月30日 → 2025年12月31日"]
    assert [r[1] for r in rows[1 : len(songling.doubts) + 1]] == [d.name for d in songling.doubts]
    assert rows[-1][1] == "疑点是需要跟进核实的线索,不是事实认定。"
    assert ws.freeze_panes == "A2" and ws.print_title_rows == "$1:$1"
    # each 查看 beside its 出处 links to the passage of its first place on that version's 原文 sheet
    for r, d in enumerate(songling.doubts, 2):
        assert ws.cell(row=r, column=8).hyperlink is None and ws.cell(row=r, column=9).value == "查看"
        sheet, cell = ws.cell(row=r, column=9).hyperlink.location.split("!")
        passage = wb[sheet.strip("'")][cell.replace("A", "C")].value
        assert sheet == f"'原文 {d.places[0].version}'" and d.places[0].heading in passage, (d.kind, passage)


def test_the_change_workbook_in_english_and_without_doubts(tmp_path):
    from openpyxl import load_workbook

    from rectdiff.render.workbook import write_comparison_xlsx

    result = rectdiff.compare(SONGLING[0], SONGLING[1])
    write_comparison_xlsx(result, str(tmp_path / "en.xlsx"), lang="en")
    ws = load_workbook(tmp_path / "en.xlsx")["Doubts"]
    rows = sheet_rows(ws)
    assert rows[0][:3] == ["No.", "Kind", "Weight"] and rows[1][1:3] == [
        "status advanced on unchanged measures",
        "high",
    ]
    assert rows[1][4] == "old version → new version" and rows[-1][1].startswith("A doubt is a lead to follow up")
    clean = rectdiff.compare(parsed(CLEAN_OLD, tmp_path, "a.txt"), parsed(CLEAN_NEW, tmp_path, "b.txt"))
    write_comparison_xlsx(clean, str(tmp_path / "clean.xlsx"))
    rows = sheet_rows(load_workbook(tmp_path / "clean.xlsx")["疑点清单"])
    assert rows[1][1] == "未发现疑点" and rows[-1][1].startswith("疑点是需要跟进核实的线索")


def test_the_summary_workbook_names_each_doubts_unit(tmp_path):
    from openpyxl import load_workbook

    done = rectdiff.batch(str(DOUBTS), str(tmp_path / "out"), jobs=1)
    wb = load_workbook(done.summary)
    assert wb.sheetnames == ["汇总", "疑点清单", "错误"]
    rows = sheet_rows(wb["疑点清单"])
    assert rows[0][3] == "单位"
    copy = next(r for r in rows if r[1] == "雷同表述" and "\n" in (r[3] or ""))
    assert copy[3] == "中共柏川县委员会\n中共松岭县委员会"
    assert copy[8] == "baichuan_2_2024-10.txt 第7段\nsongling_3_2025-03.txt 第10段"
    assert len([r for r in rows[1:] if isinstance(r[0], int)]) == len(done.doubts)


def test_the_readme_explains_every_kind_and_says_a_doubt_is_a_lead():
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for kind in KINDS:
        line = next((r for r in readme.splitlines() if r.startswith(f"| {kind.number} | `{kind.code}` |")), "")
        cells = [c.strip() for c in line.strip("|").split("|")]
        assert len(cells) == 5 and cells[2] == kind.name and cells[3] and cells[4], kind.code
    assert "A doubt is a lead to follow up, not a finding of fact" in readme
    assert "疑点是需要跟进核实的线索,不是事实认定" in readme
    for key in Doubt.__dataclass_fields__:
        assert f'"{key}"' in readme, key
