"""Stage 2, metadata: the report's own date before a page's publish date, dates a line break
cut, and the batch series key across scripts. Every text here is fictional."""

from __future__ import annotations

import pytest

import rectdiff
from rectdiff.batching import series_key
from rectdiff.parsing import parse_text

BODY = "一、整改情况\n1.关于公用经费支出不规范问题。已完成整改。\n2.关于专项资金闲置问题。正在推进。\n"


def _meta(text: str):
    meta = parse_text(text).meta
    return meta.publish_date, meta.signing_date, meta.report_date


def test_the_body_as_of_date_comes_before_the_page_publish_date():
    """A page republished in 2024 (发布时间) of a report that stands at 截至2023年11月30日."""
    text = "发布时间:2024-03-05\n关于某区巡察整改进展情况的通报\n截至2023年11月30日,反馈问题已完成整改18个。\n" + BODY
    assert _meta(text) == ("2024-03-05", "", "2023-11-30")


def test_the_sign_off_date_when_the_body_states_no_as_of_date():
    text = "发布时间:2024-03-05\n关于某区巡察整改进展情况的通报\n" + BODY + "中共某区委员会\n2023年12月22日\n"
    assert _meta(text) == ("2024-03-05", "2023-12-22", "2023-12-22")


def test_a_month_or_a_year_stands_at_its_end_and_the_title_dates_a_report():
    assert _meta("关于某区巡察整改进展情况的通报\n截至2023年6月,已完成整改。\n" + BODY)[2] == "2023-06-30"
    assert _meta("关于某区巡察整改进展情况的通报\n截止到2023年底,已完成整改。\n" + BODY)[2] == "2023-12-31"
    assert _meta("某区2024年2月巡察整改进展情况的通报\n" + BODY)[2] == "2024-02-29"


@pytest.mark.parametrize(
    "cut, want",
    [
        ("2023-12-\n22", "2023-12-22"),
        ("2023年12月\n22日", "2023-12-22"),
        ("2023年\n12月22日", "2023-12-22"),
        ("2023-\n12-22", "2023-12-22"),
    ],
)
def test_a_date_cut_by_a_line_break_is_read_whole(cut, want):
    """The sign-off date split over two lines (the day is no page number on a line of its own)."""
    text = "关于某区巡察整改进展情况的通报\n" + BODY + f"中共某区委员会\n{cut}\n"
    assert _meta(text)[1:] == (want, want)
    as_of = parse_text(f"关于某区巡察整改进展情况的通报\n截至{cut},反馈问题已完成整改。\n" + BODY).meta
    assert as_of.report_date == want


def test_a_line_that_starts_an_item_is_no_day_of_the_date_before_it():
    """截至2023年 / 1.关于…: the 1 opens item 1, it does not complete a date."""
    text = "关于某区巡察整改进展情况的通报\n一、整改情况\n截至2023-12-\n1.关于公用经费支出不规范问题。已完成整改。\n"
    items = parse_text(text).items
    assert "一/1" in list(items["item_id"])


def test_versions_order_by_their_own_dates():
    """The later report first republished earlier: the series follows the reports' own dates."""
    old = "发布时间:2024-05-01\n关于某区巡察整改进展情况的通报\n截至2023年6月30日,已完成整改。\n" + BODY
    new = "发布时间:2024-01-10\n关于某区巡察整改进展情况的通报\n截至2023年12月31日,已完成整改。\n" + BODY
    from rectdiff.history import order_reports

    ordered = order_reports([parse_text(new, "new"), parse_text(old, "old")])
    assert [r.meta.source for r in ordered] == ["old", "new"]


@pytest.mark.parametrize("round_", ["市委第二輪巡察", "市委第２轮巡察", "市委第2轮巡察", "市委第二轮巡察"])
def test_batch_groups_traditional_script_and_full_width_digits_together(round_):
    """第二輪 / 第２轮 / 第2轮 group with 第二轮; the issuer in traditional script too."""
    issuer = "中共某區委員會" if "輪" in round_ else "中共某区委员会"
    text = f"中共某区委员会关于{round_}整改进展情况的通报\n" + BODY + f"{issuer}\n2023年12月22日\n"
    assert series_key(parse_text(text)) == ("中共某区委员会", "市委第二轮巡察")


def test_report_date_is_in_the_json(tmp_path):
    src = tmp_path / "r.txt"
    src.write_text("关于某区巡察整改进展情况的通报\n截至2023年11月30日,已完成整改。\n" + BODY, encoding="utf-8")
    assert rectdiff.parse(src).meta.as_dict()["report_date"] == "2023-11-30"


@pytest.mark.parametrize("cut", ["2023-12-\n22", "2023年12月\n22日"])
def test_a_page_date_cut_by_a_line_break_is_read_whole(cut):
    """发布时间:2023-12- / 22: the day completes the page's date (it is no page number)."""
    text = f"发布时间:{cut}\n关于某区巡察整改进展情况的通报\n" + BODY
    assert _meta(text) == ("2023-12-22", "", "")


@pytest.mark.parametrize("deadline", ["0000年6月底", "9999年12月底", "0000年底"])
def test_a_deadline_no_calendar_has_is_no_date_and_compares(deadline):
    """A deadline past the calendar's years (a typo) is no date; before, it ended compare in a
    ValueError traceback (year 0 is out of range)."""
    from rectdiff.diff import compare_reports
    from rectdiff.zh.dates import deadline_date

    assert deadline_date(deadline) is None
    text = f"一、整改情况\n1. 台账管理不规范\n整改措施:建立台账。\n整改时限:{deadline}\n整改进展:正在推进。\n"
    old, new = parse_text(text), parse_text(text.replace("正在推进", "已完成整改"))
    pair = next(p for p in compare_reports(old, new).pair_rows if p.new_heading == "台账管理不规范")
    assert pair.deadline == deadline and pair.deadline_date is None and not pair.overdue
