"""Typed records: a row built with a field its table lacks fails where it is built."""

from __future__ import annotations

import dataclasses

import pytest

from rectdiff.model import METRIC_CHANGE_COLUMNS
from rectdiff.records import MetricChange, field_names, row


def test_record_fields_are_the_table_columns():
    assert field_names(MetricChange) == METRIC_CHANGE_COLUMNS


def test_an_unknown_or_missing_field_fails_at_once():
    values = dict.fromkeys(METRIC_CHANGE_COLUMNS, "")
    assert row(MetricChange(**values)) == values
    with pytest.raises(TypeError):
        MetricChange(**values, chnage="changed")
    with pytest.raises(TypeError):
        MetricChange(**{k: v for k, v in values.items() if k != "unit"})
    with pytest.raises(dataclasses.FrozenInstanceError):
        MetricChange(**values).change = "added"


def test_every_row_kind_is_a_record_held_by_the_result(tmp_path):
    from pathlib import Path

    from rectdiff import records as r
    from rectdiff.api import compare, parse, series
    from rectdiff.model import STATUS_SOURCES

    assert field_names(r.Coverage) == ["kind", "items", "known", *STATUS_SOURCES]
    examples = Path(__file__).resolve().parents[1] / "examples"
    report = parse(examples / "qinghe_1_2023-06.txt")
    held = {r.Item: report.item_rows, r.Metric: report.metric_rows, r.Total: report.total_rows,
            r.Check: report.check_rows, r.Coverage: report.coverage_rows, r.Passage: report.passage_rows}  # fmt: skip
    for kind, rows in held.items():
        assert rows and all(type(x) is kind for x in rows), kind
    assert list(report.items.columns) == field_names(r.Item)
    assert report.items["item_id"].tolist() == [x.item_id for x in report.item_rows]
    c = compare(report, examples / "qinghe_2_2023-12.txt")
    assert all(type(x) is r.Pair for x in c.pair_rows) and all(type(x) is r.MetricChange for x in c.metric_change_rows)
    assert all(type(x) is r.TotalPair for x in c.total_rows) and all(type(x) is r.Check for x in c.check_rows)
    assert c.pairs["change"].tolist() == [p.change for p in c.pair_rows]
    s = series([examples / f for f in ("qinghe_1_2023-06.txt", "qinghe_2_2023-12.txt", "qinghe_3_2024-12.txt")])
    assert s.lineage_rows and all(type(x) is r.Lineage for x in s.lineage_rows)
    assert all(type(x) is r.MetricLineage for x in s.metric_rows) and all(
        type(x) is r.TotalLineage for x in s.total_rows
    )


def test_of_refuses_a_key_the_record_lacks():
    from rectdiff.records import Passage, of

    assert of(Passage, {"number": 1, "where": "", "text": "x"}) == Passage(1, "", "x")
    with pytest.raises(TypeError, match="no field whre"):
        of(Passage, {"number": 1, "whre": "", "text": "x"})
    with pytest.raises(TypeError):
        of(Passage, {"number": 1, "text": "x"})


def test_parsing_fills_a_draft_whose_misspelt_field_fails_where_it_is_set():
    """Parsing fills each item row in passes (status, sources, 出处) on a slotted draft: every
    field of the Item record is there, and a misspelt one fails at once, not as a NaN column."""
    from rectdiff.parsing.rows import Draft, base_row
    from rectdiff.records import Item

    draft = base_row("1", "", 1, "feedback", "1.", "问题", "整改情况:已完成。", "1. 问题", 1)
    assert set(field_names(Item)) <= {f.name for f in dataclasses.fields(Draft)}
    draft.update(status="completed", status_source="label")
    assert draft.record() == Item(**{name: getattr(draft, name) for name in field_names(Item)})
    with pytest.raises(AttributeError):
        draft.stauts = "completed"
    with pytest.raises(AttributeError):
        draft.update(status_sorce="label")


def _plain_values(value, where: str):
    """Every value held in a record field, lists and dicts opened: (where, value)."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _plain_values(v, f"{where}[{k!r}]")
    elif isinstance(value, (list, tuple)):
        for n, v in enumerate(value):
            yield from _plain_values(v, f"{where}[{n}]")
    else:
        yield where, value


def test_records_hold_plain_values_never_nan_nor_numpy():
    """What lets the renderers read records as they are (no NaN guard, no numpy conversion):
    every value of every record of a parse, a comparison and a series is a plain Python value."""
    import math

    import rectdiff

    from .conftest import EXAMPLES, V1, V2, V3, V4

    series = rectdiff.series([V1, V2, V3, V4])
    ledger = rectdiff.compare(EXAMPLES / "ledger_1_2024-03.xlsx", EXAMPLES / "ledger_2_2024-09.xlsx")
    tables = [series.lineage_rows, series.metric_rows, series.total_rows, series.check_rows]
    for c in (*series.comparisons, ledger):
        tables += [c.pair_rows, c.metric_change_rows, c.total_rows, c.check_rows]
        for r in (c.old, c.new):
            tables += [r.item_rows, r.metric_rows, r.total_rows, r.check_rows, r.coverage_rows, r.passage_rows]
    plain = (str, int, float, bool, type(None))
    seen = 0
    for table in tables:
        for record in table:
            for name, value in row(record).items():
                for where, v in _plain_values(value, f"{type(record).__name__}.{name}"):
                    assert type(v) in plain, (where, type(v))
                    assert not (isinstance(v, float) and math.isnan(v)), where
                    seen += 1
    assert seen > 10000
