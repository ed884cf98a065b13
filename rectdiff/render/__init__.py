"""Stage 5: render a ``Report`` or a ``Comparison`` as a workbook (``workbook``), JSON, CSV
or terminal text (``data``). Renderers only read the result objects; they never recompute
what changed. Only this package imports openpyxl."""
