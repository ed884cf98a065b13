"""The ``doubts`` stage (疑点清单): leads an auditor follows up — is the rectification real? —
read from the versions and the folder, each with the words that raise it, 出处 on each side and
a severity; never a verdict. The kinds and their rules are documented in ``kinds``.

``with_comparison_doubts`` and ``with_series_doubts`` return the result with its ``doubts``;
``batch_doubts`` gathers a batch's series and the wording the latest versions of its units share
(``latest_wording``: what each series' worker sends of it).
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Comparison, Doubt, Report, Series
from .kinds import ordered
from .series import series_doubts, short
from .steps import step_doubts
from .wording import Paragraph, light, paragraphs, same_wording


def comparison_doubts(c: Comparison, old_label: str = "old", new_label: str = "new",
                      memo: dict | None = None) -> list[Doubt]:  # fmt: skip
    """The doubts of one step: the rules of ``steps``, and 雷同表述 between items of the later
    version where one of them is new in it. ``memo`` keeps each report's paragraphs across the
    steps of a series."""
    memo = {} if memo is None else memo
    found = _paragraphs(c.new, new_label, memo)
    return step_doubts(c, old_label, new_label) + same_wording(found, _new_in(c, old_label, memo))


def _paragraphs(report: Report, version: str, memo: dict) -> list:
    key = ("paragraphs", id(report), version)
    if key not in memo:
        memo[key] = paragraphs(report, version)
    return memo[key]


def _new_in(c: Comparison, old_label: str, memo: dict):
    """Keeps a group of like paragraphs where one of them is new in the later version (its
    item's earlier text did not hold it); the earlier paragraphs are read only when asked."""
    before: dict[str, set] = {}

    def wanted(members) -> bool:
        if not before:
            earlier: dict[str, set] = {}
            for p in _paragraphs(c.old, old_label, memo):
                earlier.setdefault(p.row.item_id, set()).add(p.text)
            before.update({p.new_id: earlier.get(p.old_id, set()) for p in c.pair_rows if p.new_id is not None})
            before.setdefault("", set())  # read once, even when nothing was paired
        return any(p.text not in before.get(p.row.item_id, ()) for p in members)

    return wanted


def with_comparison_doubts(c: Comparison) -> Comparison:
    """``c`` with its doubts, worst first."""
    return replace(c, doubts=ordered(comparison_doubts(c)))


def with_series_doubts(s: Series) -> Series:
    """``s`` with its doubts, worst first."""
    memo: dict = {}
    step = lambda c, old, new: comparison_doubts(c, old, new, memo)  # noqa: E731
    return replace(s, doubts=ordered(series_doubts(s, step)))


def latest_wording(latest: Report, unit: str) -> tuple[Paragraph, ...]:
    """The measures paragraphs of a unit's latest version that ``batch_doubts`` sets beside the
    other units', each row cut to what a place and a quote read (small enough to send between
    processes: a batch's worker sends these, never the report)."""
    return light(paragraphs(latest, _file(latest), unit))


def batch_doubts(series: list[tuple[str, tuple[Doubt, ...], tuple[Paragraph, ...]]]) -> tuple[Doubt, ...]:
    """A batch's doubts: each series' own ``(unit, doubts, latest_wording(latest version))``, its
    places marked with the unit, and 雷同表述 across the latest versions (of different units, or of
    two items of one report) in place of each series' own."""
    out = []
    found = []
    for unit, doubts, wording in series:
        out += [replace(d, places=tuple(replace(p, unit=unit) for p in d.places)) for d in doubts
                if d.kind != "same_wording"]  # fmt: skip
        found += wording
    return ordered(out + same_wording(found))


def _file(report: Report) -> str:
    import os

    return os.path.basename(report.meta.source) or short(report.meta.title)
