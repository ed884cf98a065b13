"""Typed records: a row built with a field its table lacks fails where it is built."""

from __future__ import annotations

import dataclasses

import pytest

from rectdiff.model import METRIC_CHANGE_COLUMNS
from rectdiff.records import MetricChange, field_names


def test_record_fields_are_the_table_columns():
    assert field_names(MetricChange) == METRIC_CHANGE_COLUMNS


def test_an_unknown_or_missing_field_fails_at_once():
    values = dict.fromkeys(METRIC_CHANGE_COLUMNS, "")
    assert MetricChange(**values).row() == values
    with pytest.raises(TypeError):
        MetricChange(**values, chnage="changed")
    with pytest.raises(TypeError):
        MetricChange(**{k: v for k, v in values.items() if k != "unit"})
    with pytest.raises(dataclasses.FrozenInstanceError):
        MetricChange(**values).change = "added"
