"""The kinds of doubt (疑点) and the rule of each — the one place the rules are documented.

A doubt is a lead an auditor follows up (is the rectification real?), never a finding of fact.
Every rule below is raised by a *step* from one version to the next — what the later version
says that the earlier one did not — so a version compared with itself raises none; 雷同表述 in a
batch is read across the latest versions of the units instead.

Each kind (number of the issue, ``code``, 中文名) and its rule:

1. ``advanced_unchanged`` 状态前进而措施未变 — a problem item's status advanced to 基本完成/已完成,
   as the item states it (not inferred from a total), while its text is unchanged or the redline
   changes nothing but the sentence that states the status.
2. ``done_no_result`` 完成而无实据 — a problem item newly reported 基本完成/已完成 whose other clauses
   are only plans, intentions or future tense (``DOUBT_FUTURE``: 将/拟/计划/力争/下一步) or meetings
   and documents (``DOUBT_PROCESS``: 召开会议/印发通知/制定方案), none a result (``DOUBT_RESULT``,
   or a count ``DOUBT_COUNT``).
3. ``overdue`` 逾期未完成 — a later version still calls a problem item unfinished (a known status
   short of 已完成) past its 整改时限 (``zh.dates.is_overdue``: the one rule of 逾期).
   ``deadline_moved`` 一再延期 — an item's 整改时限 moved later between versions (in a series one
   doubt per item with every move, high when it moved twice or more).
4. ``cumulative_fell`` 累计数回落 — a running total (累计/共计 …) fell between versions while the
   item's status stayed or advanced; or a completion rate (``DOUBT_RATE_LABEL`` in a problem item,
   or a stated total's 完成率) fell.
5. ``vanished`` 事项消失 — an item of a problem kind, not reported 已完成, is gone from the later
   version and its heading is named nowhere in it (not merged, not reported done elsewhere); its
   last status is given.
6. ``relapsed`` 反复 — an item stated 已完成 is back to unfinished in a later version (in a series,
   across any gap).
7. ``same_wording`` 雷同表述 — a measures paragraph (its status sentence, field lines and the stock
   phrases of ``DOUBT_STOCK`` taken out, ``MIN_CHARS`` characters or more left) at least
   ``MIN_SIMILARITY`` similar to one in another unit's report (a batch: high), or in another item
   of the same report; in a comparison, one of the paragraphs is new in the later version.
8. ``totals_mismatch`` 总数与事项不符 — the check ``totals_vs_statuses`` of the later version: its
   stated counts leave no room for the items' own statuses (one doubt per total, raised when the
   earlier version did not say the same).
"""

from __future__ import annotations

from ..catalogue import DOUBT_KINDS
from ..frozen import frozen
from ..model import DOUBT_SEVERITIES, Doubt, Place
from ..records import Item

#: 雷同表述: a paragraph this similar (rapidfuzz ratio, 0-100) to another …
MIN_SIMILARITY = 90
#: … and at least this long once the stock phrases are out
MIN_CHARS = 40


@frozen
class Kind:
    """One kind of doubt: its number in the issue, code, names and default severity."""

    number: int
    code: str
    name: str
    name_en: str
    severity: str


#: (rule, code, severity); the names are the catalogue's (``catalogue.DOUBT_KINDS``)
_RULES = (
    (1, "advanced_unchanged", "high"), (2, "done_no_result", "medium"), (3, "overdue", "medium"),
    (3, "deadline_moved", "medium"), (4, "cumulative_fell", "high"), (5, "vanished", "medium"),
    (6, "relapsed", "medium"), (7, "same_wording", "medium"), (8, "totals_mismatch", "low"),
)  # fmt: skip
KINDS = tuple(Kind(rule, code, *DOUBT_KINDS[code], severity) for rule, code, severity in _RULES)
BY_CODE = {k.code: k for k in KINDS}
ORDER = [k.code for k in KINDS]


def doubt(code: str, places, words: str, reason: tuple[str, str], severity: str = "") -> Doubt:
    """A ``Doubt`` of kind ``code``: its items and versions are read from its places."""
    kind = BY_CODE[code]
    places = tuple(places)
    items = tuple(dict.fromkeys(label(p) for p in places if p.heading or p.number))
    versions = tuple(dict.fromkeys(p.version for p in places))
    return Doubt(code, kind.name, kind.name_en, severity or kind.severity, items, versions, words, *reason, places)


def place(version: str, row: Item | None, unit: str = "", evidence: bool = False, at: tuple | None = None) -> Place:
    """出处 of an item in a version: where the item stands (``evidence``: where its status
    sentence stands; ``at``: a (source, passage) of its own, such as a figure's), as the reader
    located it, with the item's number, heading and position."""
    if row is None:
        return Place(version, unit=unit, source=at[0] if at else "", source_at=_passage(at[1]) if at else None)
    source, passage = at or (row.source, row.source_at)
    if evidence and row.evidence_source:
        source, passage = row.evidence_source, row.evidence_at
    return Place(version, row.item_id, row.number or "", row.heading or "", int(row.order or 0), str(source or ""),
                 unit, _passage(passage))  # fmt: skip


def _passage(value) -> int | None:
    """A passage number (a plain int, for JSON), or None."""
    return int(value) if value is not None else None


def label(p: Place) -> str:
    """An item as "number heading"."""
    return f"{p.number} {p.heading}".strip()


def ordered(doubts) -> tuple[Doubt, ...]:
    """Worst first, then by kind, then as found."""
    return tuple(sorted(doubts, key=lambda d: (DOUBT_SEVERITIES.index(d.severity), ORDER.index(d.kind))))
