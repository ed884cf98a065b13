"""The hand-labelled gold of ../shared (the seed and 28 corpus openings), scored with the matching
rules of ../shared/tools/score_gold.py, run in-process on rectdiff's own output; and the corpus
file by file: no false alarm anywhere."""

from __future__ import annotations

import importlib.util
import json

import pytest

import rectdiff
from rectdiff.render.data import report_dict

from .conftest import CORPUS, SHARED

SCORER = SHARED / "tools" / "score_gold.py"
GOLDS = [CORPUS / "gold.json", SHARED / "seed" / "gold.json"]


@pytest.fixture(scope="module")
def scorer():
    if not SCORER.exists() or not all(g.exists() for g in GOLDS):
        pytest.skip("../shared/tools and the gold files are not present (CI always has them)")
    spec = importlib.util.spec_from_file_location("score_gold", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(scorer) -> dict:
    """Items found, statuses right and totals found, as the scorer counts them."""
    figures = dict(items=0, items_of=0, status=0, status_of=0, totals=0, totals_of=0)
    misses = []
    for gold_path in GOLDS:
        data = json.loads(gold_path.read_text(encoding="utf-8"))
        for gold in data if isinstance(data, list) else [data]:
            parsed = json.loads(json.dumps(report_dict(rectdiff.parse(gold_path.parent / gold["file"])), default=str))
            rows = [i for i in parsed["items"] if i["kind"] != "narrative"]
            items = [i for i in rows if i["kind"] != "section"] + [i for i in rows if i["kind"] == "section"]
            for gi in gold["items"]:
                found = scorer.match(gi["heading"], items)
                figures["items_of"] += 1
                figures["items"] += found is not None
                if gi.get("status") not in (None, "unknown"):
                    figures["status_of"] += 1
                    ok = found is not None and found["status"] == gi["status"]
                    figures["status"] += ok
                    if not ok:
                        misses.append((gold["file"], gi["heading"], gi["status"], found and found["status"]))
            for total in gold["totals"]:
                figures["totals_of"] += 1
                hit = scorer.total_found(total, parsed["totals"])
                figures["totals"] += hit
                if not hit:
                    misses.append((gold["file"], total["category"], total["total"], total.get("completed")))
    figures["misses"] = misses
    return figures


def test_gold_figures(scorer):
    """Items 145/145, statuses 39/39, totals 39/39 (0.97, 0.15, 0.59 before the status grammar)."""
    figures = score(scorer)
    assert figures["misses"] == []
    assert (figures["items"], figures["items_of"]) == (145, 145)
    assert (figures["status"], figures["status_of"]) == (39, 39)
    assert (figures["totals"], figures["totals_of"]) == (39, 39)


def test_seed_contradictions_are_each_named(seed_report):
    """The gold's contradictions between stated totals and item statuses: items 29, 30, (十), and
    跃进路 (举一反三 stated 56+3 with none in progress)."""
    named = seed_report.checks[seed_report.checks["check"] == "totals_vs_statuses"]["message"].tolist()
    for who in ("29. 矽谷港湾拆违", "30. 审计整改不到位", "历次整改不到位", "跃进路、龙山道2条道路未实现打通"):
        assert any(f"“{who}”" in message for message in named), who


CORPUS_FILES = sorted(p.name for p in CORPUS.glob("*.txt")) if CORPUS.exists() else []


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_raises_no_false_alarm(name):
    """No corpus file gets a warning or an error: none of them contradicts itself in its opening."""
    checks = rectdiff.parse(CORPUS / name).checks
    assert checks[checks["severity"].isin(["warning", "error"])]["message"].tolist() == []


@pytest.mark.parametrize(
    "name, category, total, expected",
    [
        ("002.txt", "问题", 25, {"completed": 19, "in_progress": 6, "stated_rate": 76.0}),
        ("004.txt", "具体问题", 50, {"completed": 40, "in_progress": 10}),
        ("012.txt", "问题", 1263, {"completed": 1153, "stated_rate": 91.29}),
        ("013.txt", "问题", 46, {"in_progress": 7, "completed": 39}),
        ("016.txt", "中央环保督察整改任务", 89, {"completed": 45, "in_progress": 37, "not_completed": 7}),
        ("017.txt", "整改任务", 66, {"completed": 27, "in_progress": 39}),
        ("022.txt", "具体问题", 45, {"completed": 39, "in_progress": 6}),
        ("035.txt", "整改任务", 30, {"completed": 25}),
        ("036.txt", "问题", 4, {}),
    ],
)  # fmt: skip
def test_corpus_totals(name, category, total, expected):
    if not CORPUS.exists():
        pytest.skip("../shared/corpus is not present (CI always has it)")
    rows = [r for r in rectdiff.parse(CORPUS / name).totals.to_dict("records") if r["total"] == total]
    assert [r["category"] for r in rows] == [category]
    assert {k: rows[0][k] for k in expected} == expected


def test_corpus_036_statuses_come_from_the_summary():
    if not CORPUS.exists():
        pytest.skip("../shared/corpus is not present (CI always has it)")
    items = rectdiff.parse(CORPUS / "036.txt").items
    rows = items[items["kind"] == "feedback"][["number", "status", "status_source"]].values.tolist()
    assert rows == [["一、", "completed", "summary"], ["二、", "completed", "summary"],
                    ["三、", "in_progress", "summary"], ["四、", "completed", "summary"]]  # fmt: skip


def test_seed_remainder_edits_are_status_changes(seed_text):
    """其余问题正在推进整改中 → 其余问题已完成整改, and 其余正在推进拆除工作 → 其余已全部拆除完毕:
    both are reported as in progress → completed, with the item as the source on both sides."""
    from rectdiff.parsing import parse_text

    edited = seed_text.replace("其余问题正在推进整改中", "其余问题已完成整改").replace(
        "其余正在推进拆除工作", "其余已全部拆除完毕"
    )
    pairs = rectdiff.compare(parse_text(seed_text, "old"), parse_text(edited, "new")).pairs
    moved = pairs[pairs["status_change"] != "unchanged"].dropna(subset=["status_change"])
    got = moved[["new_id", "old_status", "new_status", "old_status_source", "new_status_source"]].values.tolist()
    assert got == [
        ["二/(十)/针对-1", "in_progress", "completed", "item", "item"],
        ["二/(十二)/29", "in_progress", "completed", "item", "item"],
    ]
