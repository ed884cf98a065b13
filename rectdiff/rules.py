"""The rules every stage and renderer shares, each defined once (importable from every layer).

- the order of statuses, worst first (``STATUS_ORDER``), and which way a status moved
  (``status_change``, ``went_back``, and the timeline's ``STEP_MARKS``),
- the order of severities, worst first (``SEVERITY_ORDER``, ``by_severity``),
- what counts as a failed check (``FAILED``),
- which removed items need attention (``NOT_REMOVABLE_KINDS``; an attachment's copy, ``COPY_KIND``, never).

A second copy of any of these is refused by tests/test_layers.py.
"""

from __future__ import annotations

#: the statuses from worst to best: the order a status moves along (``status_change``)
STATUS_ORDER = [
    "not_completed",
    "in_progress",
    "phase_completed",
    "substantially_completed",
    "completed",
]
#: worst first: a finding sorts before a pass
SEVERITY_ORDER = ("error", "warning", "info", "ok")
#: a check failed when it found an error or a warning (info and ok are not findings)
FAILED = frozenset({"error", "warning"})
#: statuses that moved along STATUS_ORDER (not merely stated or unstated)
MOVES = ("improved", "regressed")
#: the kind of an attachment's row that restates a body item (附件重述): the body item is the item
COPY_KIND = "attached"
#: kinds whose disappearance is no finding: a section heading, a narrative paragraph, or an
#: attachment's copy of a body item (the body item itself is followed)
NOT_REMOVABLE_KINDS = frozenset({"section", "narrative", COPY_KIND})
_RANK = {status: n for n, status in enumerate(STATUS_ORDER)}


def status_change(old: str, new: str) -> str:
    """improved / regressed / unchanged, or stated (unknown → known) / unstated (known → unknown)."""
    if old == new:
        return "unchanged"
    if old == "unknown" or new == "unknown":
        return "stated" if old == "unknown" else "unstated"
    return "improved" if _RANK[new] > _RANK[old] else "regressed"


def went_back(earlier: str, later: str) -> bool:
    """True when ``later`` is a known status below the known ``earlier`` one."""
    return _RANK[later] < _RANK[earlier]


#: the timeline's arrow for a status that moved (a lineage's ``steps``): ↑ better, ↓ worse
STEP_MARKS = {"improved": "↑ ", "regressed": "↓ "}


def by_severity(checks: list) -> list:
    """Check records worst first, each severity keeping its own order (a stable sort)."""
    return sorted(checks, key=lambda c: SEVERITY_ORDER.index(c.severity))
