"""Which tables are ledgers (整改台账): a header row names a problem column and at least two
other columns by the words ledgers use (``lexicon.FIELD_ROLES``), possibly over two rows
(整改情况 merged above 整改措施 | 完成情况). A table with no such header is read as text; in a
plain text, lines of tab-separated cells under such a header (a ledger pasted from a
spreadsheet) are that table."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from functools import lru_cache

from ..model import Table
from ..zh.lexicon import (
    CLOSE_BRACKET_CLASS,
    CLOSING,
    DATE_CN,
    FIELD_ROLES,
    ISSUER,
    LEDGER_MIN_ROLES,
    LEDGER_TALLY_ROW,
    OPEN_BRACKET_CLASS,
)
from ..zh.lexicon.lazy import pattern
from ..zh.normalize import norm
from .limits import MAX_COLUMNS

_BRACKETED = f"{OPEN_BRACKET_CLASS}.*{CLOSE_BRACKET_CLASS}"
#: each role's header words, compiled when a label first reaches them (a report without ledger or field
#: labels compiles none)
_ROLE_WORDS = [(role, pattern(rf"^(?:{words})(?:{_BRACKETED})?$")) for role, words in FIELD_ROLES.items()]
#: the header is looked for among a table's first rows (a title row may come first)
_HEADER_SEARCH = 5


@lru_cache(maxsize=4096)  # a ledger asks for the same few labels once per row
def role_of(label: str) -> str | None:
    """The role a header cell or field label names (序号 -> number, 责任单位 -> responsible …)."""
    text = re.sub(r"\s+", "", norm(label)).strip(":")
    return next((role for role, rx in _ROLE_WORDS if rx.match(text)), None)


def split_ledger(table: Table) -> tuple[list[str], Table, list[str]] | None:
    """A ledger and the text around it inside the table: ``(title lines, ledger, sign-off lines)``.

    Rows above the header (a merged title) are text before the ledger; rows after the last
    data row that are a closing line, a signing body or a date are text after it. None when
    the table is no ledger.
    """
    ledger = recognize(table)
    if ledger is None:
        return None
    before = [_line(row) for row in table.rows[: ledger.header_row]]
    rows = list(ledger.rows)
    after: list[str] = []
    while len(rows) > ledger.header and _sign_off_row(rows[-1]):
        after.insert(0, _line(rows.pop()))
    numbers = tuple(ledger.row_number(i) for i in range(ledger.header_row, len(rows)))  # source rows kept
    kept = replace(ledger, rows=tuple(rows[ledger.header_row :]), header=ledger.header - ledger.header_row,
                   header_row=0, row_numbers=numbers)  # fmt: skip
    return [b for b in before if b], kept, after


def tab_tables(lines: list[str]) -> list:
    """``lines`` of a plain text with each ledger pasted from a spreadsheet made a ``Table``: a
    line of tab-separated cells that is a ledger header, and the rows of tab-separated cells
    after it, no more cells than it (a row an editor cut its trailing tabs from is filled out; a
    cell over lines is quoted, as a spreadsheet copies it). Every other line is kept as it is."""
    out: list = []
    at = 0
    while at < len(lines):
        header, _used = _tab_row(lines, at, quoted=False)  # a header's words need no quotes
        if len(header) < 3 or not recognize(Table((header,))):
            out.append(lines[at])
            at += 1
            continue
        rows, end = [header], at + 1
        while end < len(lines):
            row, used = _tab_row(lines, end)
            if not 2 <= len(row) <= len(header):
                break
            rows.append(row + ("",) * (len(header) - len(row)))
            end += used
        out += [Table(tuple(rows))] if len(rows) > 1 else lines[at:end]
        at = end
    return out


#: the most lines one quoted cell of a pasted table may run over (a longer one is read as lines)
_CELL_LINES = 50


def _tab_row(lines: list[str], at: int, quoted: bool = True) -> tuple[tuple[str, ...], int]:
    """The cells of the row of tab-separated cells at ``lines[at]``, to its last filled one, and
    how many lines it takes. () for a line without a tab or with more cells than a table may
    have. A spreadsheet quotes a cell it copies that holds a line break, a tab or a quote ("…",
    "" for a quote inside): such a row is read as csv reads it, over lines where it closes
    (unless not ``quoted``)."""
    line = lines[at]
    if "\t" not in line or line.count("\t") >= MAX_COLUMNS:
        return (), 1
    cells, used = line.split("\t"), 1
    if quoted and any(c.lstrip().startswith('"') for c in cells):
        cells, used = _quoted_row(lines, at) or (cells, 1)
    cells = [c.strip() for c in cells]
    while cells and not cells[-1]:
        cells.pop()
    return (tuple(cells), used) if len(cells) >= 2 else ((), 1)


def _quoted_row(lines: list[str], at: int) -> tuple[list[str], int] | None:
    """The cells of a row with a quoted cell, and its lines: the line alone, else up to the first
    line after it where a quote can close (one before a tab or at the end), within
    ``_CELL_LINES``; parsed at most twice (a text of such lines costs two parses a line). None
    where it is no one row that closes there."""
    end = at
    cells = _one_row(lines[at : end + 1])
    if cells is None:
        last = min(len(lines), at + _CELL_LINES)
        end = next((e for e in range(at + 1, last) if '"\t' in lines[e] or lines[e].rstrip().endswith('"')), at)
        cells = _one_row(lines[at : end + 1]) if end > at else None
    return (cells, end - at + 1) if cells is not None else None


def _one_row(lines: list[str]) -> list[str] | None:
    """The cells of ``lines`` read as one row of tab-separated cells, quoted as csv quotes; None
    where a quote does not close, or where they are more than one row."""
    import csv

    try:
        rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter="\t", strict=True))
    except csv.Error:
        return None
    return rows[0] if len(rows) == 1 else None


def _line(row: tuple) -> str:
    cells = [c for i, c in enumerate(row) if c and (i == 0 or c != row[i - 1])]
    return " ".join(cells)


def _sign_off_row(row: tuple) -> bool:
    """A last row that is text after the ledger: a closing line, a signing body, a date, or a
    tally of the rows above (合计:共5项,已办结1项…)."""
    text = norm(_line(row)).strip()
    filled = {c for c in row if c}
    return len(filled) == 1 and bool(
        DATE_CN.fullmatch(text)
        or CLOSING.match(text)
        or (len(text) <= 30 and ISSUER.search(text))
        or LEDGER_TALLY_ROW.match(text)
    )


def recognize(table: Table) -> Table | None:
    """The table with its header found (``header``, ``roles``, ``labels``), or None."""
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
        return replace(table, header=h + rows, header_row=h, roles=tuple(roles), labels=tuple(labels))
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
