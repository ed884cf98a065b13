"""rectdiff: compare versions of Chinese rectification progress reports.

The pipeline is ``read -> parse -> align -> diff -> render``::

    import rectdiff
    report = rectdiff.parse("report.txt")          # Report: .meta, .items, .metrics, .totals, .checks
    result = rectdiff.compare("old.txt", "new.txt")  # Comparison: one frozen result object
    history = rectdiff.series(["v1.txt", "v2.txt", "v3.txt"])  # Series: each item across versions
    done = rectdiff.batch("reports/", "out/")  # BatchResult: a workbook per series and 汇总.xlsx
"""

__version__ = "0.1.0"

from .api import batch, compare, parse, series  # noqa: E402
from .errors import RectdiffError  # noqa: E402

__all__ = ["parse", "compare", "series", "batch", "RectdiffError", "__version__"]
