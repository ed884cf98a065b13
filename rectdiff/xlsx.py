"""openpyxl, imported without numpy.

openpyxl imports numpy when it starts (``openpyxl/compat/numbers.py``) only so that numpy's scalar
types count as numbers in a cell: 80 of the 180 ms its import costs, on every run that writes or
reads a workbook. rectdiff gives openpyxl plain Python values only (its records hold nothing else:
tests/test_records.py), so openpyxl is imported with numpy marked absent (``sys.modules[name] =
None``, the import system's documented way to make an import fail) and the mark is taken away at
once, so a later ``import numpy`` (a large alignment, a pandas view) works as ever. Where numpy is
already loaded, openpyxl is imported as it is. Every module that imports openpyxl calls
``load_openpyxl`` first: ``render/xl.py`` for the writers, the ledger and notes readers for theirs.
"""

from __future__ import annotations

import sys


def load_openpyxl() -> None:
    """Import openpyxl once, without numpy unless numpy is loaded already."""
    if "openpyxl" in sys.modules:
        return
    absent = "numpy" not in sys.modules
    if absent:
        sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import openpyxl  # noqa: F401
    finally:
        if absent and "numpy" in sys.modules and sys.modules["numpy"] is None:
            del sys.modules["numpy"]
