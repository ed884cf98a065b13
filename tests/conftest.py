"""Shared fixtures. Real reports are read from ../shared/ (never copied into the repo)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# the compiled patterns the package keeps between runs (rectdiff.zh.compiled) go to a folder of this
# test session, for this process and every process it starts, never to the user's cache folder
os.environ["RECTDIFF_CACHE_DIR"] = _CACHE = tempfile.mkdtemp(prefix="rectdiff-test-cache-")
atexit.register(shutil.rmtree, _CACHE, True)

# CI must be repeatable: the same examples every run (explore locally with random ones)
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_c6f4f01650230f08.txt"
CORPUS = SHARED / "corpus"
EXAMPLES = ROOT / "examples"
V1, V2, V3, V4 = sorted(EXAMPLES.glob("qinghe_*.txt"))


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("../shared/seed/ is not present (CI always has it)")
    return SEED


@pytest.fixture(scope="session")
def seed_text(seed_path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_report(seed_path):
    import rectdiff

    return rectdiff.parse(seed_path)


def item(report, item_id):
    """The row of one item as a dict."""
    rows = report.items[report.items["item_id"] == item_id]
    assert len(rows) == 1, f"{item_id}: {len(rows)} rows"
    return rows.iloc[0].to_dict()


TINY_OLD = """一、巡察反馈问题整改情况
本轮巡察反馈问题共4个,已完成整改2个,正在整改2个。
1.针对会议过多问题,进行了以下整改。精简会议12个。该问题已完成整改。
2.针对台账不清问题,进行了以下整改。清理台账3本。目前正在推进整改。
3.针对制度缺失问题,进行了以下整改。制定制度2项。该问题已完成整改。
4.针对作风漂浮问题,进行了以下整改。开展谈话提醒40人次,累计培训干部260人次。目前正在推进整改。
"""

TINY_NEW = """一、巡察反馈问题整改情况
本轮巡察反馈问题共5个,已完成整改4个,正在整改1个。
1.针对会议过多问题,进行了以下整改。精简会议１２个。该问题已完成整改。
2.针对资金闲置问题,进行了以下整改。盘活资金30万元。该问题已完成整改。
3.针对台账不清问题,进行了以下整改。清理台账5本。该问题已完成整改。
4.针对作风浮漂问题,进行了以下整改。开展谈话提醒40人次,累计培训干部240人次。目前正在推进整改。
"""


@pytest.fixture(scope="session")
def tiny():
    """Two tiny versions built in memory (no files). What differs, old → new:

    - 1 会议过多: unchanged; 12个 → １２个 is the same value written in full-width digits
    - 台账不清: renumbered 2 → 3, status 正在推进 → 已完成 (improved), 清理台账 3本 → 5本
    - 资金闲置: added as the new item 2 (盘活资金30万元)
    - 3 制度缺失: removed
    - 4 作风漂浮 → 作风浮漂: heading reworded, 累计培训干部 260人次 → 240人次 (a running total fell)
    - the stated total 4 → 5 problems, 已完成 2 → 4, 正在整改 2 → 1, while 4 items are listed in both
    """
    from rectdiff.parsing import parse_text

    return parse_text(TINY_OLD, "old"), parse_text(TINY_NEW, "new")
