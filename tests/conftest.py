"""Shared fixtures. Real reports are read from ../shared/ (never copied into the repo)."""
from __future__ import annotations

from pathlib import Path

import os

import pytest
from hypothesis import settings

# CI must be repeatable: the same examples every run (explore locally with random ones)
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_c6f4f01650230f08.txt"
CORPUS = SHARED / "corpus"
EXAMPLES = ROOT / "examples"
V1, V2, V3 = sorted(EXAMPLES.glob("qinghe_*.txt"))


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
