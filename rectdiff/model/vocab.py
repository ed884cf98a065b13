"""The vocabulary of the tables: each table's columns (read off its record), the statuses, kinds,
changes and status sources, in the order they are shown."""

from __future__ import annotations

from .. import records
from ..records import field_names
from ..rules import COPY_KIND, STATUS_ORDER

#: where a record stands in its source (出处): the place as cited (第3页 第12行, 第45段, 台账!E7)
#: and the number of its passage (the row of the 原文 sheet; None when it could not be found)
SOURCE_COLUMNS = ["source", "source_at"]
# every table's columns are its record's fields (rectdiff/records/: the one home of each)
ITEM_COLUMNS = field_names(records.Item)
METRIC_COLUMNS = field_names(records.Metric)
TOTAL_COLUMNS = field_names(records.Total)
CHECK_COLUMNS = field_names(records.Check)
#: the passages of a report (the 原文 sheet): number (from 1, what ``source_at`` points at), where
#: it stands (第3页, 台账 第7行; empty for a plain paragraph), its text
PASSAGE_COLUMNS = field_names(records.Passage)
#: 出处 of both sides of a pair: the item's place and passage, and those of its status's evidence
PAIR_SOURCE_COLUMNS = [
    "old_source", "new_source", "old_source_at", "new_source_at",
    "old_evidence_source", "new_evidence_source", "old_evidence_at", "new_evidence_at",
]  # fmt: skip
PAIR_COLUMNS = field_names(records.Pair)
#: status sources that are not the report's word on the item itself: another sentence (summary),
#: its group's heading (section), a stated total; only a change the report states item by item is
#: 进展/倒退: a change to or from one of these is marked 推断 and never shown as progress or regression
INFERRED_SOURCES = ("summary", "section", "stated_total")
METRIC_CHANGE_COLUMNS = field_names(records.MetricChange)

LINEAGE_COLUMNS = field_names(records.Lineage)
METRIC_LINEAGE_COLUMNS = field_names(records.MetricLineage)
TOTAL_LINEAGE_COLUMNS = field_names(records.TotalLineage)
#: what can be said of an item's history: a step back, the same unfinished status for three
#: versions, past its deadline (逾期), a gap, gone from the latest version
LINEAGE_FLAGS = ["regressed", "stuck", "overdue", "reappeared", "vanished"]

#: canonical statuses, worst to best; the order decides improved / regressed
STATUSES = STATUS_ORDER + ["unknown"]
#: the count columns of a stated total, best first (as reports list them: 已完成…基本完成…)
STATUS_FIELDS = STATUS_ORDER[::-1]
KINDS = ["section", "feedback", "extension", "reform", "immediate", "problem", "plan", "narrative", COPY_KIND]
#: kinds whose items are problems under rectification, each with a status of its own
RECTIFIED_KINDS = ("feedback", "extension", "reform", "immediate")
#: kinds that state no status of their own (headings, prose, plans, the report's own shortcomings):
#: their status cell stays empty unless one is stated, and they never "vanish" from a series
NO_STATUS_KINDS = frozenset(KINDS) - set(RECTIFIED_KINDS)
CHANGES = ["unchanged", "modified", "added", "removed"]
#: where an item's status comes from, most direct first (the precedence when sources disagree)
STATUS_SOURCES = ["label", "item", "summary", "section", "stated_total", "unknown"]
COVERAGE_COLUMNS = field_names(records.Coverage)
TOTAL_PAIR_COLUMNS = field_names(records.TotalPair)
