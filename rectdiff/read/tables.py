"""Which tables are ledgers (整改台账): a header row names a problem column and at least two
other columns by the words ledgers use (``lexicon.FIELD_ROLES``), possibly over two rows
(整改情况 merged above 整改措施 | 完成情况). A table with no such header is read as text."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Table
from ..zh.lexicon import FIELD_ROLES, LEDGER_MIN_ROLES
from ..zh.normalize import norm

_ROLE_WORDS = [(role, re.compile(rf"^(?:{words})(?:[(（].*[)）])?$")) for role, words in FIELD_ROLES.items()]
#: the header is looked for among a table's first rows (a title row may come first)
_HEADER_SEARCH = 5


def role_of(label: str) -> str | None:
    """The role a header cell or field label names (序号 -> number, 责任单位 -> responsible …)."""
    text = re.sub(r"\s+", "", norm(label)).strip(":")
    return next((role for role, rx in _ROLE_WORDS if rx.match(text)), None)


def recognize(table: Table) -> Table | None:
    """The table with its header found (``header_rows``, ``roles``, ``labels``), or None."""
    for h in range(min(_HEADER_SEARCH, len(table.rows))):
        roles = [role_of(cell) for cell in table.rows[h]]
        if "problem" not in roles or sum(1 for r in roles if r and r != "problem") < LEDGER_MIN_ROLES:
            continue
        labels = list(table.rows[h])
        rows = 1
        below = table.rows[h + 1] if h + 1 < len(table.rows) else ()
        below_roles = [role_of(cell) for cell in below]
        named = sum(1 for r in below_roles if r)
        if named >= 2 and len([c for c in below if c]) <= named + 1:
            # a second header row: its labels refine the merged ones above
            for i, role in enumerate(below_roles):
                if role and (roles[i] is None or below[i] != table.rows[h][i]):
                    roles[i], labels[i] = role, below[i]
            rows = 2
        roles = _one_problem_column(roles)
        return replace(table, header=h + rows, roles=tuple(roles), labels=tuple(labels))
    return None


def _one_problem_column(roles: list) -> list:
    """Merged header cells can name the problem column twice; the first one is it."""
    seen = False
    out = []
    for role in roles:
        if role == "problem" and seen:
            role = "note"
        seen = seen or role == "problem"
        out.append(role)
    return out
