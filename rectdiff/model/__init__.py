"""Plain data passed between the stages.

Tables are pandas DataFrames whose columns are listed here (and in the README):

``Report.items`` (one row per item)
    item_id, parent_id, level, kind, number, heading, body, measures, order,
    status, status_source, status_text, status_evidence, progress_done, progress_total,
    fields, responsible, deadline, text, key

``Report.metrics`` (one row per quantity in an item's body)
    item_id, label, text, number, multiplier, unit, value, value_min, value_max,
    nominal, approx, cumulative, is_percent, start, end

``Report.totals`` (one row per stated total)
    category, kind, total, completed, substantially_completed, phase_completed,
    in_progress, not_completed, other, stated_rate, evidence, item_id (the row it is stated in),
    in_item (stated inside an item's own text, counting that item's sub-problems)

``Report.coverage`` (one row per kind of status-bearing item, and a total row ``all``)
    kind, items, known, then one count per status source (``STATUS_SOURCES``)

``Report.checks`` / ``Comparison.checks``
    scope, check, severity, message (Chinese), message_en, evidence

``Comparison.pairs`` (one row per aligned pair, in the new report's order)
    see ``PAIR_COLUMNS``; ``heading_redline``/``body_redline`` hold diff segments

``Comparison.metric_changes`` (one row per changed, restated, added or removed quantity)
    see ``METRIC_CHANGE_COLUMNS``

``Comparison.totals`` (each stated total of either version, paired old with new)
    see ``TOTAL_PAIR_COLUMNS``

``Series.lineages`` (one row per item followed across versions; lists hold one entry per version)
    see ``LINEAGE_COLUMNS``

``Series.metrics`` / ``Series.totals`` (one row per quantity or stated total followed across versions)
    see ``METRIC_LINEAGE_COLUMNS`` / ``TOTAL_LINEAGE_COLUMNS``
"""

from .report import *  # noqa: F403
from .results import *  # noqa: F403
from .vocab import *  # noqa: F403
