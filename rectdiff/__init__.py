"""rectdiff: compare versions of Chinese rectification progress reports.

The pipeline is ``read -> parse -> align -> diff -> render``::

    import rectdiff
    report = rectdiff.parse("report.txt")          # Report: .meta, .items, .metrics, .totals, .checks
    result = rectdiff.compare("old.txt", "new.txt")  # Comparison: one frozen result object
    history = rectdiff.series(["v1.txt", "v2.txt", "v3.txt"])  # Series: each item across versions
    done = rectdiff.batch("reports/", "out/")  # BatchResult: a workbook per series and 汇总.xlsx
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["parse", "compare", "series", "batch", "RectdiffError", "__version__"]

if TYPE_CHECKING:
    from .api import batch, compare, parse, series
    from .errors import RectdiffError


def __getattr__(name: str):
    """The API, imported on first use: ``rectdiff --help`` and ``--version`` (which import this
    package) then load neither the pipeline nor the lexicon."""
    if name in ("parse", "compare", "series", "batch"):
        from . import api

        return getattr(api, name)
    if name == "RectdiffError":
        from .errors import RectdiffError

        return RectdiffError
    raise AttributeError(f"module 'rectdiff' has no attribute {name!r}")
