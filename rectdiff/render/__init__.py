"""Stage 5: render a ``Report`` or a ``Comparison`` as a workbook, JSON, CSV or text.

Renderers only read the result objects; they never recompute what changed.
"""
from .output import atomic_write  # noqa: F401
