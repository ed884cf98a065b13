"""Facts the result objects carry so that no renderer works them out (STYLE habit 3): a figure's
change in the report's own unit, a status move that rests on an inference, whether the reports
give 责任单位/整改时限."""

from __future__ import annotations

import dataclasses

import rectdiff

from .conftest import EXAMPLES, V1, V2

LEDGER_OLD, LEDGER_NEW = EXAMPLES / "ledger_1_2024-03.docx", EXAMPLES / "ledger_2_2024-09.xlsx"


def test_a_figure_change_in_the_reports_own_unit():
    """18.5亿元 → 26.3亿元 changed by 780000000 元, which the report's unit shows as 7.8 (亿元);
    260人次 → 240人次 has no multiplier; 0.84亿元 → 8400万元 is the same value."""
    changes = {m.label: m for m in rectdiff.compare(V1, V2).metric_change_rows}
    invest = changes["协议投资额"]
    assert (invest.delta, invest.multiplier, invest.unit_delta) == (780_000_000.0, "亿", 7.8)
    assert changes["培训招商人员"].unit_delta == -20.0
    assert changes["投入改造资金"].unit_delta == 0.0
    assert dataclasses.replace(invest, delta=None).unit_delta is None


def test_a_move_on_an_inferred_status_is_marked():
    pair = next(p for p in rectdiff.compare(V1, V2).pair_rows if p.status_change == "regressed")
    assert (pair.status_inferred, pair.inferred_move) == (False, False)
    assert dataclasses.replace(pair, status_inferred=True).inferred_move is True
    unchanged = dataclasses.replace(pair, status_inferred=True, status_change="unchanged")
    assert unchanged.inferred_move is False  # only a progress or regression is a move


def test_whether_the_reports_give_units_and_deadlines():
    """The ledgers name 责任单位 and 整改时限 for their items; the narrative reports do not."""
    ledger = rectdiff.compare(LEDGER_OLD, LEDGER_NEW)
    assert (ledger.has_units, ledger.old.has_units, ledger.new.has_units) == (True, True, True)
    narrative = rectdiff.compare(V1, V2)
    assert (narrative.has_units, narrative.old.has_units) == (False, False)
    assert rectdiff.series([V1, V2]).has_units is False
    assert rectdiff.series([LEDGER_OLD, LEDGER_NEW]).has_units is True
