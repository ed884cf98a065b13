"""Snapshot cases: each folder under tests/cases/ holds old.txt, new.txt, case.md (what differs)
and expected.json (what rectdiff must report). Adding a case means adding a folder.

Regenerate the snapshots after a deliberate change with ``RECTDIFF_REGENERATE=1 pytest
tests/test_cases.py``, then read the diff of expected.json against case.md before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import rectdiff

CASES = sorted(p for p in (Path(__file__).parent / "cases").iterdir() if (p / "old.txt").exists())


def summary(result) -> dict:
    """The facts a case pins down: pairs, metric changes, and every non-ok check."""
    pairs = [
        {
            k: r[k]
            for k in (
                "change",
                "old_id",
                "new_id",
                "new_heading",
                "moved",
                "renumbered",
                "old_status",
                "new_status",
                "status_change",
            )
        }
        for r in result.pairs.to_dict("records")
    ]
    metrics = [
        {k: r[k] for k in ("change", "label", "old_text", "new_text", "delta")}
        for r in result.metric_changes.to_dict("records")
    ]
    checks = [
        {k: r[k] for k in ("scope", "check", "severity", "message")}
        for r in result.checks.to_dict("records")
        if r["severity"] != "ok"
    ]
    return json.loads(json.dumps({"pairs": pairs, "metrics": metrics, "checks": checks}, ensure_ascii=False))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case):
    got = summary(rectdiff.compare(case / "old.txt", case / "new.txt"))
    expected_path = case / "expected.json"
    if os.environ.get("RECTDIFF_REGENERATE"):
        expected_path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert (case / "case.md").read_text(encoding="utf-8").strip(), "describe what differs"
    assert got == json.loads(expected_path.read_text(encoding="utf-8"))
