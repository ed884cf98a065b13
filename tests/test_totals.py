"""Stated totals, never invented and never missed (issue 16 part 4): vague quantifiers and the
problem's own counts are no totals; a completed count before its whole, stage completions,
remainders, rates with their counts and traditional script are read; a running total that falls
between versions is a finding. Every text here is fictional."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import rectdiff
from rectdiff.parsing import parse_text
from rectdiff.parsing.checks import check_report
from rectdiff.parsing.totals import parse_totals

FIELDS = ("category", "total", "completed", "substantially_completed", "phase_completed", "in_progress",
          "not_completed", "stated_rate")  # fmt: skip


def totals_of(text: str, inside_an_item: bool = False) -> list[dict]:
    """The totals of one block, each with only the fields it states."""
    rows = parse_totals([("前言", text, inside_an_item)])
    return [{k: r[k] for k in FIELDS if r[k] is not None} for r in rows]


@pytest.mark.parametrize(
    "text",
    [
        "巡察组在全县范围发现了一批共性问题,县委逐一研究部署整改。",
        "县委把巡察整改作为一项重大政治任务,列入年度重点工作。",
        "坚持解决一个问题、带动一类问题,形成一个长效机制。",
    ],
)
def test_a_lone_one_is_a_quantifier_not_a_total(text):
    assert totals_of(text) == []


def test_one_after_a_tally_word_is_a_count():
    assert totals_of("共移交立行立改问题一个,目前已完成整改一个。") == [
        {"category": "立行立改问题", "total": 1, "completed": 1}
    ]


@pytest.mark.parametrize(
    "body",
    [
        # the heading's words running on before the first field label (inline and on the next line)
        "2022年以来19起超标排放案件均未处罚。整改进展情况:已完成整改。",
        "辖区内7起违法排污案件未立案查处。\n整改时限:2024年6月\n整改进展情况:已完成整改。",
        # a problem label
        "问题表现:3起群众举报案件超期未办结。\n整改进展情况:已办结。",
        "存在问题:全区14个问题整改不到位。\n整改进展情况:正在推进。",
        # quoted problem text
        "督察指出“全市仍有14个问题整改不到位”,我市逐项复核。目前已全部完成整改。",
        "针对“5起信访件久拖不决”,区里专班推进,已全部办结。",
    ],
)
def test_a_count_in_the_problem_statement_is_no_total(body):
    assert totals_of(body, inside_an_item=True) == []


def test_progress_before_the_first_field_label_is_no_problem_statement():
    body = "截至目前,12个问题已全部整改到位。\n责任单位:区发改委"
    assert totals_of(body, inside_an_item=True) == [{"category": "问题", "total": 12, "completed": 12}]


def test_a_problem_statement_that_states_progress_keeps_its_breakdown():
    body = "问题表现:23个未整改到位问题中,15个问题已经完成整改,8个问题基本完成整改。\n整改进展情况:正在推进。"
    assert totals_of(body, inside_an_item=True) == [
        {"category": "未整改到位问题", "total": 23, "completed": 15, "substantially_completed": 8}
    ]


def test_the_problem_statement_of_a_listed_item_gives_no_total_and_no_check():
    report = parse_text(
        "关于临江市生态环境保护督察整改落实情况的报告\n一、具体整改情况\n"
        "1.环境执法宽松软。2022年以来19起超标排放案件均未处罚。整改进展情况:已完成整改。\n"
        "2.河道采砂管理混乱。\n整改进展情况:正在推进。\n"
    )
    assert report.totals.empty
    assert report.items.set_index("heading").loc["环境执法宽松软", "status"] == "completed"
    assert not (report.checks["check"] == "counts_add_up").any()


@given(
    n=st.integers(2, 99999),
    unit=st.sampled_from("个项条件起"),
    category=st.sampled_from(["问题", "案件", "整改任务", "信访件"]),
    inside=st.booleans(),
)
def test_a_quoted_count_is_never_a_total(n, unit, category, inside):
    text = f"督察指出“全县仍有{n}{unit}{category}长期未解决”,县委专题研究,目前已全部整改到位。"
    assert totals_of(text, inside_an_item=inside) == []


@given(st.sampled_from(["截至目前,巡察反馈问题25个,已完成整改19个、正在整改6个。", "66项整改任务已整改完成27项,其余39项正积极推进。",
                        "交办的150件信访件,已办结120件,阶段性办结25件,其余5件正在办理。"]),
       st.sampled_from(["发现了一批共性问题。", "作为一项重大政治任务。", "解决一个问题、带动一类问题。"]))  # fmt: skip
def test_a_vague_quantifier_added_anywhere_changes_no_total(text, vague):
    assert totals_of(vague + text) == totals_of(text) == totals_of(text + vague)


@pytest.mark.parametrize(
    "body",
    [
        "一是强化查处问责,查处形式主义官僚主义、不担当不作为问题36起,处理46人。",
        "二是畅通诉求渠道,收集企业反映的问题155个,按时办理率100%。",
        "三是召开专题会议,解决群众反映强烈的重点问题29个。",
        "四是制定化解方案,分四个阶段化解问题。",
        "五是开展专项检查,查处12起违规问题,问责8人。",
    ],
)
def test_what_a_measure_handled_is_no_total(body):
    assert totals_of(body, inside_an_item=True) == []


def test_a_count_of_problems_found_inside_an_item_stays_a_total():
    assert totals_of("梳理出区审计局2020年至2022年审计各部门发现问题218个。", inside_an_item=True) == [
        {"category": "区审计局2020年至2022年审计各部门发现问题", "total": 218}
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "截至2023年11月,全区已完成313项整改任务,占巡视整改方案明确531项任务的近六成,其余正在推进中。",
            {"category": "整改任务", "total": 531, "completed": 313, "in_progress": 218},
        ),
        (
            "已销号27项整改任务,约占方案确定40项任务的三分之二,其余13项正在推进。",
            {"category": "整改任务", "total": 40, "completed": 27, "in_progress": 13},
        ),
        (
            "已整改到位52个问题,占巡察反馈80个问题的65%,其余28个问题正在整改。",
            {"category": "问题", "total": 80, "completed": 52, "in_progress": 28, "stated_rate": 65.0},
        ),
        (
            "全市已办结信访举报件88件,占交办120件的73.3%,其余32件正在办理。",
            {"category": "信访举报件", "total": 120, "completed": 88, "in_progress": 32, "stated_rate": 73.3},
        ),
    ],
)
def test_the_completed_count_stated_before_its_whole(text, expected):
    assert totals_of(text) == [expected]


def test_占_of_another_word_opens_no_whole():
    assert totals_of("已完成整改问题12个,占用耕地问题30个已移交处理。") == [
        {"category": "问题", "completed": 12},
        {"category": "占用耕地问题", "total": 30},
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "应完成整改任务89项,已完成45项,37项达到序时进度。",
            {"category": "整改任务", "total": 89, "completed": 45, "in_progress": 37},
        ),
        ("按方案需完成整改任务30项,目前已完成28项。", {"category": "整改任务", "total": 30, "completed": 28}),
        ("计划完成整改问题20个,已完成整改18个。", {"category": "整改问题", "total": 20, "completed": 18}),
        (
            "到2023年底前应完成整改的任务42项,已完成40项,2项未按期完成。",
            {"category": "整改的任务", "total": 42, "completed": 40, "not_completed": 2},
        ),
    ],
)
def test_what_is_to_be_completed_is_the_whole_not_a_completed_count(text, expected):
    assert totals_of(text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "督察组交办的2481件群众信访举报件,已办结2015件,阶段性办结430件,36件正在有序推进办理。",
            {"category": "群众信访举报件", "total": 2481, "completed": 2015, "phase_completed": 430,
             "in_progress": 36},
        ),
        (
            "68项整改任务中,已完成41项,阶段性完成20项,7项正在推进。",
            {"category": "整改任务", "total": 68, "completed": 41, "phase_completed": 20, "in_progress": 7},
        ),
        (
            "交办的150件信访件,已办结120件,阶段性办结25件,其余5件正在办理。",
            {"category": "信访件", "total": 150, "completed": 120, "phase_completed": 25, "in_progress": 5},
        ),
        (
            "巡察反馈问题40个,已完成整改30个,基本完成8个,2个正在推进。",
            {"category": "巡察反馈问题", "total": 40, "completed": 30, "substantially_completed": 8,
             "in_progress": 2},
        ),
    ],
)  # fmt: skip
def test_stage_and_substantial_counts(text, expected):
    assert totals_of(text) == [expected]


def test_a_part_done_count_is_in_progress():
    text = "审计查出预算执行问题6项,部分整改4项,已整改2项。"
    assert totals_of(text) == [{"category": "审计查出预算执行问题", "total": 6, "completed": 2, "in_progress": 4}]


def test_a_stage_count_raises_no_false_shortfall():
    rows = parse_totals([("前言", "督察组交办的2481件群众信访举报件,已办结2015件,阶段性办结430件,36件正在有序推进办理。",
                          False)])  # fmt: skip
    checks = check_report(rows, [])
    assert [(c["check"], c["severity"]) for c in checks] == [("counts_add_up", "ok")]
    assert checks[0]["message"] == "群众信访举报件:已完成2015+阶段性完成430+正在推进36 = 总数2481"


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "针对督察反馈的问题,全镇逐项制定整改措施,其中已有277个成功完成整改,实现了95.5%的完成率。",
            {"category": "督察反馈的问题", "completed": 277, "stated_rate": 95.5},
        ),
        (
            "对照省委巡视反馈的问题,逐项建立台账,其中已有58个完成整改,实现了96.7%的整改率。",
            {"category": "省委巡视反馈的问题", "completed": 58, "stated_rate": 96.7},
        ),
        (
            "围绕审计查出的问题,县里逐条整改,其中已有130个整改到位,达到92.9%的整改完成率。",
            {"category": "审计查出的问题", "completed": 130, "stated_rate": 92.9},
        ),
        (
            "巡察反馈问题60个,已完成整改57个,实现了95%的完成率。",
            {"category": "巡察反馈问题", "total": 60, "completed": 57, "stated_rate": 95.0},
        ),
    ],
)
def test_a_rate_with_its_count_and_no_invented_whole(text, expected):
    assert totals_of(text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "截至目前,累计完成整改任务1398项,完成率92.3%。",
            {"category": "整改任务", "completed": 1398, "stated_rate": 92.3},
        ),
        ("已办结信访件56件,占交办总数的93.3%。", {"category": "信访件", "completed": 56, "stated_rate": 93.3}),
        ("全县已整改到位问题37个,整改率88.1%。", {"category": "问题", "completed": 37, "stated_rate": 88.1}),
    ],
)
def test_a_completed_count_with_a_rate_and_no_whole(text, expected):
    assert totals_of(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "针对该问题,共排查隐患点12处,其中3个已完成整改。",  # 3 of the 12 points, not of problems
        "针对上述问题,其中2个正在推进。",  # a pronoun names no category
        "逐项梳理,其中已有9个完成整改。",  # nothing named at all
    ],
)
def test_a_breakdown_with_nothing_it_could_be_of_opens_no_total(text):
    assert totals_of(text, inside_an_item=True) == []


def test_a_rate_without_a_whole_is_checked_as_an_estimate_only():
    rows = parse_totals([("前言", "针对督察反馈的问题,其中已有277个成功完成整改,实现了95.5%的完成率。", False)])
    assert rows[0]["total"] is None
    (check,) = check_report(rows, [])
    assert (check["check"], check["severity"]) == ("rate_matches", "info")
    assert check["message"] == "督察反馈的问题:未述总数;已完成277、完成率95.5%,推算总数约290(仅供核对)"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("全市有序推進24項整改任務落實,其中13項已完成整改。", {"category": "整改任务", "total": 24, "completed": 13}),
        (
            "全縣共有巡察反饋問題36個,已完成整改30個,其餘6個正在推進。",
            {"category": "巡察反馈问题", "total": 36, "completed": 30, "in_progress": 6},
        ),
        (
            "督察交辦的120件信訪舉報件,已辦結110件,階段性辦結10件。",
            {"category": "信访举报件", "total": 120, "completed": 110, "phase_completed": 10},
        ),
        (
            "已完成313項整改任務,佔巡視整改方案明確531項任務的近六成,其餘正在推進中。",
            {"category": "整改任务", "total": 531, "completed": 313, "in_progress": 218},
        ),
        (
            "針對督察反饋的問題,其中已有277個成功完成整改,實現了95.5%的完成率。",
            {"category": "督察反馈的问题", "completed": 277, "stated_rate": 95.5},
        ),
        (
            "稳步推进18项整改任务落实,其中15项已完成,3项正在推进。",
            {"category": "整改任务", "total": 18, "completed": 15, "in_progress": 3},
        ),
    ],
)
def test_traditional_script_and_a_total_as_the_object_of_推进(text, expected):
    assert totals_of(text) == [expected]


def test_several_totals_in_one_paragraph_stay_apart():
    text = "第一轮督察反馈的155项整改任务已全部完成 ●第二轮督察反馈的69项整改任务,已完成68项,1项正在推进。"
    assert totals_of(text) == [
        {"category": "整改任务", "total": 155, "completed": 155},
        {"category": "整改任务", "total": 69, "completed": 68, "in_progress": 1},
    ]


# --- a running total across versions -------------------------------------------------------

VERSION = """关于丰宁县中央生态环境保护督察整改进展情况的通报
督察组交办的{whole}件群众信访举报件,已办结{done}件,其余正在办理。
一、关于畜禽养殖污染的问题
整改进展情况:已完成整改。
二、关于河道采砂管理混乱的问题
整改进展情况:正在推进。
"""


def version(tmp_path, name: str, whole: int, done: int):
    path = tmp_path / name
    path.write_text(VERSION.format(whole=whole, done=done), encoding="utf-8")
    return path


def findings(checks, scope: str) -> list[tuple]:
    rows = checks[(checks["check"] == "cumulative_shrank") & (checks["scope"] == scope)]
    return list(zip(rows["severity"], rows["message"]))


def test_a_completed_count_that_falls_between_two_versions_is_an_error(tmp_path):
    result = rectdiff.compare(version(tmp_path, "v1.txt", 1500, 1398), version(tmp_path, "v2.txt", 1500, 1275))
    assert findings(result.checks, "both") == [("error", "累计数减少:群众信访举报件 已完成1398→1275")]
    assert next(f for f in result.attention if f.key == "cumulative_fell").count == 1


def test_a_whole_that_falls_is_a_warning_and_growth_is_nothing(tmp_path):
    result = rectdiff.compare(version(tmp_path, "v1.txt", 1500, 1398), version(tmp_path, "v2.txt", 1480, 1420))
    assert findings(result.checks, "both") == [("warning", "累计数减少:群众信访举报件 总数1500→1480")]
    grown = rectdiff.compare(version(tmp_path, "v1.txt", 1500, 1398), version(tmp_path, "v3.txt", 1500, 1450))
    assert findings(grown.checks, "both") == []


def test_a_completed_count_that_falls_in_a_series_is_found_and_flagged(tmp_path):
    paths = [version(tmp_path, f"v{k}.txt", 1500, done) for k, done in enumerate((1200, 1398, 1275), 1)]
    series = rectdiff.series(paths, keep_order=True)
    assert findings(series.checks, "V1→V2") == []
    assert findings(series.checks, "V2→V3") == [("error", "累计数减少:群众信访举报件 已完成1398→1275")]
    (total,) = series.totals.to_dict("records")
    assert total["completed"] == [1200, 1398, 1275] and total["flags"] == ["cumulative_fell"]


def compare_texts(tmp_path, old: str, new: str):
    (tmp_path / "old.txt").write_text(old, encoding="utf-8")
    (tmp_path / "new.txt").write_text(new, encoding="utf-8")
    return rectdiff.compare(tmp_path / "old.txt", tmp_path / "new.txt")


def test_an_items_own_completed_count_that_falls_under_the_same_whole_is_found(tmp_path):
    old = ("关于丰宁县督察整改进展情况的通报\n一、关于信访件办理的问题\n督察组交办的1500件信访件,已办结1398件,其余正在办理。\n"
           "二、关于河道采砂管理混乱的问题\n整改进展情况:正在推进。\n")  # fmt: skip
    result = compare_texts(tmp_path, old, old.replace("1398", "1275"))
    assert findings(result.checks, "both") == [("error", "累计数减少:信访件 已完成1398→1275")]
    # another whole: the item's figures may count something else now, nothing is said
    other = compare_texts(tmp_path, old, old.replace("1500件", "1300件").replace("1398", "1275"))
    assert findings(other.checks, "both") == []


def test_a_fall_said_once_when_it_is_also_a_running_quantity(tmp_path):
    old = ("关于丰宁县督察整改进展情况的通报\n截至目前,督察组交办的信访件1500件,累计办结1398件,其余正在办理。\n"
           "一、关于河道采砂管理混乱的问题\n整改进展情况:正在推进。\n")  # fmt: skip
    result = compare_texts(tmp_path, old, old.replace("1398", "1275"))
    assert findings(result.checks, "both") == [("error", "累计数减少:办结 1398件→1275件")]


def test_a_completed_count_without_a_whole_that_falls_is_found(tmp_path):
    old = ("关于丰宁县督察整改进展情况的通报\n截至目前,累计完成整改任务1398项,完成率92.3%。\n"
           "一、关于河道采砂管理混乱的问题\n整改进展情况:正在推进。\n")  # fmt: skip
    result = compare_texts(tmp_path, old, old.replace("1398", "1275").replace("92.3", "84.2"))
    # said once: as the running quantity 累计完成整改任务 (the stated total's fall is the same figure)
    assert findings(result.checks, "both") == [("error", "累计数减少:完成整改任务 1398项→1275项")]
    without_word = compare_texts(tmp_path, old.replace("累计", ""), old.replace("累计", "").replace("1398", "1275"))
    assert findings(without_word.checks, "both") == [("error", "累计数减少:整改任务 已完成1398→1275")]


def test_every_gold_total_with_its_whole_breakdown():
    """Stronger than the scorer (total and completed): each hand-labelled total of ../shared has all its
    stated counts and its rate; where the gold leaves a count empty the report states it as the
    remainder (其余…), and rectdiff gives it."""
    import json

    from .conftest import CORPUS, SHARED

    golds = [CORPUS / "gold.json", SHARED / "seed" / "gold.json"]
    if not all(g.exists() for g in golds):
        pytest.skip("../shared gold files are not present (CI always has them)")
    counts = ("completed", "substantially_completed", "phase_completed", "in_progress", "not_completed")
    wrong = []
    for path in golds:
        data = json.loads(path.read_text(encoding="utf-8"))
        for gold in data if isinstance(data, list) else [data]:
            stated = rectdiff.parse(path.parent / gold["file"]).totals.to_dict("records")
            for want in gold["totals"]:
                got = next(t for t in stated if t["total"] == want["total"]
                           and want["completed"] in (None, t["completed"]))  # fmt: skip
                for field in counts:
                    if want[field] is not None and got[field] != want[field]:
                        wrong.append((gold["file"], want["category"], field, want[field], got[field]))
                    if want[field] is None and got[field] is not None and "其余" not in got["evidence"]:
                        wrong.append((gold["file"], want["category"], field, None, got[field]))
                if want["rate"] != (got["stated_rate"] and float(got["stated_rate"])):
                    wrong.append((gold["file"], want["category"], "rate", want["rate"], got["stated_rate"]))
    assert wrong == []


def test_two_totals_paired_by_their_kind_alone_are_not_compared(tmp_path):
    """第一轮…问题 in one version, 第二轮…整改任务 in the next: both count feedback, neither is the other."""
    old = ("关于临江市督察整改进展情况的通报\n第一轮督察发现的生态环境问题8924个,已完成整改8809个。\n"
           "一、关于河道采砂管理混乱的问题\n整改进展情况:正在推进。\n")  # fmt: skip
    new = old.replace(
        "第一轮督察发现的生态环境问题8924个,已完成整改8809个", "第二轮督察反馈意见整改任务315项,已整改完成139项"
    )
    result = compare_texts(tmp_path, old, new)
    assert len(result.totals) == 1  # paired, as the totals sheet shows them side by side
    assert findings(result.checks, "both") == []


@pytest.mark.parametrize(
    "text, total",
    [
        ("反馈问题3个方面9个,截至2023年12月,已全部完成整改。", 9),
        ("本轮共梳理问题12项,截至目前,均已整改到位。", 12),
        ("审计发现问题20个,截至2024年5月底,已全部整改完毕。", 20),
    ],
)
def test_a_date_between_a_total_and_its_whole_status_still_completes_it(text, total):
    """截至… only dates the statement: the 已全部完成 after it is said of the whole total before it."""
    (row,) = totals_of(text)
    assert (row["total"], row.get("completed")) == (total, total)


def test_a_run_of_ordinals_after_the_date_is_some_items_not_the_whole():
    """…第1项至第3项问题已全部整改完成 after the date speaks of three of the four: the total's completed stays unsaid."""
    assert totals_of("巡察反馈问题共4个,截至目前,第1项至第3项问题已全部整改完成,第4项问题正在整改。") == [
        {"category": "巡察反馈问题", "total": 4}
    ]


@pytest.mark.parametrize(
    "text",
    ["共整改问题一批,已完成整改一批。", "共梳理整改事项一批,均已整改到位。", "合计清理问题一批,其中已销号一批。"],
)
def test_a_batch_is_never_a_total_even_after_a_tally_word(text):
    """一批 is "a batch of": 共 before it makes it no count (共移交问题一个 is one)."""
    assert totals_of(text) == []
