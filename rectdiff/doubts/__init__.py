"""The ``doubts`` stage (疑点清单): leads an auditor follows up — is the rectification real? —
read from the versions and the folder, each with the words that raise it, 出处 on each side and
a severity; never a verdict. The kinds and their rules are documented in ``kinds``.

``with_comparison_doubts`` and ``with_series_doubts`` return the result with its ``doubts``;
``batch_doubts`` gathers a batch's series and the wording the latest versions of its units share.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Comparison, Doubt, Report, Series
from .kinds import ordered
from .series import series_doubts, short
from .steps import step_doubts
from .wording import paragraphs, same_wording


def comparison_doubts(c: Comparison, old_label: str = "old", new_label: str = "new") -> list[Doubt]:
    """The doubts of one step: the rules of ``steps``, and 雷同表述 between items of the later
    version where one of them is new or changed."""
    rows = (c.old.compared.to_dict("records"), c.new.compared.to_dict("records"))
    return step_doubts(c, old_label, new_label, rows) + same_wording(
        paragraphs(rows[1], new_label), _new_in(c, rows[0])
    )


def _new_in(c: Comparison, old_rows: list[dict]):
    """Keeps a group of like paragraphs where one of them is new in the later version (its
    item's earlier text did not hold it)."""
    earlier: dict[str, set] = {}
    for p in paragraphs(old_rows, "old"):
        earlier.setdefault(p.row["item_id"], set()).add(p.text)
    before = {n: earlier.get(o, set()) for o, n in zip(c.pairs["old_id"], c.pairs["new_id"]) if n is not None}
    return lambda members: any(p.text not in before.get(p.row["item_id"], ()) for p in members)


def with_comparison_doubts(c: Comparison) -> Comparison:
    """``c`` with its doubts, worst first."""
    return replace(c, doubts=ordered(comparison_doubts(c)))


def with_series_doubts(s: Series) -> Series:
    """``s`` with its doubts, worst first."""
    return replace(s, doubts=ordered(series_doubts(s, comparison_doubts)))


def batch_doubts(series: list[tuple[str, tuple[Doubt, ...], Report | None]]) -> tuple[Doubt, ...]:
    """A batch's doubts: each series' own ``(unit, doubts, latest version)``, its places marked
    with the unit, and 雷同表述 across the latest versions (of different units, or of two items of
    one report) in place of each series' own."""
    out = []
    found = []
    for unit, doubts, latest in series:
        out += [replace(d, places=tuple(replace(p, unit=unit) for p in d.places)) for d in doubts
                if d.kind != "same_wording"]  # fmt: skip
        if latest is not None:
            found += paragraphs(latest, _file(latest), unit)
    return ordered(out + same_wording(found))


def _file(report: Report) -> str:
    import os

    return os.path.basename(report.meta.source) or short(report.meta.title)
