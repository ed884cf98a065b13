"""rectdiff: compare versions of Chinese rectification progress reports.

The pipeline is ``read -> parse -> align -> diff -> render``::

    import rectdiff
    report = rectdiff.parse("report.txt")          # Report: .meta, .items, .metrics, .totals, .checks
    result = rectdiff.compare("old.txt", "new.txt")  # Comparison: one frozen result object
"""

__version__ = "0.1.0"

from .api import compare, parse  # noqa: E402

__all__ = ["parse", "compare", "__version__"]
