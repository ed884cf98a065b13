"""The last stage: render a ``Report`` (``report_book``), a ``Comparison`` (``workbook``), a
``Series`` (``timeline``) or a ``BatchResult`` (``batch_book``) as a workbook, and any of them
as JSON, CSV or terminal text (``data``). Renderers only read the result objects; they never recompute
what changed. Only this package writes with openpyxl, whose names it takes from ``xl``."""
