"""Typed records: one frozen dataclass per row kind. Every stage builds these, never dict
literals, so that a misspelt or missing field fails where the row is built (in a dict it would
become a NaN column much later).

A record's fields are its table's columns, in order: ``model.ITEM_COLUMNS`` and the other column
lists are read off these classes, so there is one home for each. The result objects
(``Report``, ``Comparison``, ``Series``) hold tuples of records; their pandas tables
(``Report.items`` …) are views built on demand by ``frame``, and pandas is imported only then.

``of(Type, mapping)`` builds a record from a row mapping and refuses keys the record does not
have (a misspelt key fails at once; a missing one too, as a missing argument).

The rows live by the result that holds them: ``report`` (``Item``, ``Metric``, ``Total``,
``Check``, ``Passage``, ``Coverage``), ``comparison`` (``Pair``, ``MetricChange``, ``TotalPair``)
and ``lineage`` (``Lineage``, ``MetricLineage``, ``TotalLineage``); every one is imported from here.
"""

from __future__ import annotations

from dataclasses import fields
from functools import cache
from operator import attrgetter

from .comparison import MetricChange, Pair, TotalPair
from .lineage import Lineage, MetricLineage, TotalLineage
from .report import At, Check, Coverage, Item, Metric, Passage, Total

__all__ = ["At", "Check", "Coverage", "Item", "Lineage", "Metric", "MetricChange", "MetricLineage", "Pair",
           "Passage", "Total", "TotalLineage", "TotalPair", "field_names", "frame", "of", "row", "view"]  # fmt: skip


def field_names(record_type) -> list[str]:
    """A record type's fields in order: its table's columns."""
    return list(_names(record_type))


@cache
def _names(record_type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(record_type))


@cache
def _name_set(record_type) -> frozenset[str]:
    # once per type: ``of`` builds every parsed row (a set per row was a third of its cost)
    return frozenset(_names(record_type))


def of(record_type, mapping):
    """The record of ``record_type`` for a row mapping; a key the record lacks is refused."""
    extra = mapping.keys() - _name_set(record_type)
    if extra:
        raise TypeError(f"{record_type.__name__} has no field {', '.join(sorted(extra))}")
    return record_type(**mapping)


def row(record) -> dict:
    """A record as a row mapping (column -> value; shallow: lists and dicts are shared)."""
    return dict(zip(_names(type(record)), _getter(type(record))(record)))


@cache
def _getter(record_type):
    names = _names(record_type)
    getter = attrgetter(*names)
    return getter if len(names) > 1 else (lambda r: (getter(r),))


def frame(records, record_type):
    """The pandas table of ``records`` (columns in field order, every column of dtype object,
    as the stages always built them). pandas is imported here, only when a table is asked for."""
    import pandas as pd

    getter = _getter(record_type)
    return pd.DataFrame([getter(r) for r in records], columns=field_names(record_type), dtype=object)


class view:
    """A result's pandas table of its records (``items = view("item_rows", Item)``), built on
    first use and kept on the instance, as ``functools.cached_property`` would."""

    def __init__(self, rows: str, record_type):
        self.rows, self.record_type = rows, record_type

    def __set_name__(self, owner, name: str) -> None:
        self.name = name
        self.__doc__ = f"``{self.rows}`` as a table (columns: the fields of ``{self.record_type.__name__}``)."

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        table = frame(getattr(instance, self.rows), self.record_type)
        instance.__dict__[self.name] = table  # no __set__: the instance's own entry wins from now on
        return table
