"""Where each thing stands in its source, so that every finding can be cited (出处).

The report is cut into passages — each paragraph, and each row of a ledger table — numbered
from 1 in reading order: they are the rows of a workbook's 原文 sheet. A place is said the way
an auditor cites it: 第45段 (a paragraph of a text, web page or Word file), 第3页 第12行 (a PDF
line), 台账!E7 (a sheet's cell), 表1 第7行第5列 (a table in a Word file or a web page).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from ..catalogue import say
from ..model import Document
from ..zh.lexicon import LABELLED_VALUE
from ..zh.lexicon.lazy import pattern
from ..zh.normalize import norm

#: a column's label before its value, as evidence quotes a ledger cell (整改情况:正在推进)
_LABELLED = pattern(LABELLED_VALUE)
#: the start of a quoted snippet looked for (evidence is sometimes cut to a preview with …)
_PROBE = 24


@lru_cache(maxsize=1 << 12)
def _zh(key: str, **params) -> str:
    """A place as the Chinese catalogue says it: one formatting per place, however often it is cited
    (every quantity of a paragraph is cited at that paragraph)."""
    return say(key, **params).zh


def column_letter(index: int) -> str:
    """Spreadsheet column letters of a 0-based column index (0 -> A, 27 -> AB)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class Places:
    """The passages of one read report and the place of anything quoted from it."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.passages: list[tuple[str, str]] = []  # (where the passage stands, its text)
        self._paragraph: dict[int, int] = {}  # paragraph index -> passage number
        self._row: dict[tuple[int, int], int] = {}  # (table number, row index) -> passage number
        self._tables = {id(t): k for k, t in enumerate(doc.tables, 1)}
        self._cache: dict[tuple, tuple[str, int | None]] = {}
        self.last_hit: tuple[int, int] | None = None  # (paragraph index, offset) of the last text hit
        self._joined: tuple[str, list[int]] | None = None
        pending = sorted(enumerate(doc.tables, 1), key=lambda kt: kt[1].position)
        for index in range(len(doc.paragraphs) + 1):
            while pending and pending[0][1].position <= index:
                self._add_table(*pending.pop(0))
            if index < len(doc.paragraphs):
                self._paragraph[index] = self._add(self._page_label(index), doc.paragraphs[index])

    def _add(self, where: str, text: str) -> int:
        self.passages.append((where, text))
        return len(self.passages)

    def _add_table(self, k: int, table) -> None:
        for r, row in enumerate(table.rows):
            cells = [c for i, c in enumerate(row) if c and (i == 0 or c != row[i - 1])]
            self._row[(k, r)] = self._add(self._table_label(k, table, r), " | ".join(cells))

    def _table_label(self, k: int, table, r: int) -> str:
        name = table.name or _zh("place.table", k=k)
        return _zh("place.row", table=name, row=table.row_number(r))

    def _page_label(self, index: int) -> str:
        positions = self.doc.positions[index] if index < len(self.doc.positions) else ()
        return _zh("place.page", page=positions[0][0]) if positions else ""

    def paragraph(self, index: int, offset: int = 0) -> tuple[str, int | None]:
        """The place of a paragraph (at ``offset`` within it, for a PDF line) and its passage."""
        number = self._paragraph.get(index)
        if number is None:
            return "", None
        positions = self.doc.positions[index] if index < len(self.doc.positions) else ()
        if positions:
            page, line, _ = max((p for p in positions if p[2] <= offset), key=lambda p: p[2], default=positions[0])
            return _zh("place.line", page=page, line=line), number
        return _zh("place.paragraph", n=number), number

    def cell(self, table, r: int, column: int) -> tuple[str, int | None]:
        """The place of a ledger cell and the passage of its row."""
        k = self._tables.get(id(table))
        if k is None:
            return "", None
        number = self._row.get((k, r))
        if table.name:
            return f"{table.name}!{column_letter(column)}{table.row_number(r)}", number
        return _zh("place.cell", k=k, row=table.row_number(r), column=column + 1), number

    def of_node(self, node) -> tuple[str, int | None]:
        """Where an item begins: its first paragraph, or its ledger row's problem cell."""
        if node.table is not None:
            return self.cell(node.table, node.row, node.columns.get("", 0))
        if node.start >= 0 and node.paras:
            return self.paragraph(node.start)
        return "", None

    def spans(self, node) -> list[int]:
        """The passages an item's text stands in (paragraph indices, or ``-1`` for a ledger row)."""
        if node.table is not None or node.start < 0:
            return []
        return list(range(node.start, node.start + len(node.paras)))

    def find(self, snippet: str, paragraphs: list[int] = (), node=None) -> tuple[str, int | None]:
        """The place of a quoted snippet: looked for in the item's own paragraphs (or ledger row)
        first, then anywhere in the report; ``("", None)`` when it is not found."""
        # a snippet that runs over paragraphs is found by its first one
        probe = (snippet or "").strip().split("\n")[0].rstrip(".…").strip()[:_PROBE]
        if not probe:
            return "", None
        key = (probe, tuple(paragraphs), id(node))
        if key not in self._cache:
            self._cache[key] = self._find(probe, paragraphs, node)
        return self._cache[key]

    def find_after(self, snippet: str, after: tuple[int, int] | None) -> tuple[tuple[str, int | None], tuple[int, int]]:
        """The place of a snippet looked for first from ``after`` (paragraph index, offset) on:
        the quantities of one body come in order, so each search starts where the last one hit
        (linear in the body, where searching a long paragraph from its start per quantity is
        quadratic). Returns the place and the hit to pass on; ``None`` when there is none yet."""
        probe = (snippet or "").strip().split("\n")[0].rstrip(".…").strip()[:_PROBE]
        if probe and after is not None:
            index, offset = after
            at = self.doc.paragraphs[index].find(probe, offset)
            if at >= 0:
                return self.paragraph(index, at), (index, at)
        return None, after

    def _text(self) -> tuple[str, list[int]]:
        """The paragraphs joined by line breaks, and where each begins in it (built once)."""
        if self._joined is None:
            starts, at = [], 0
            for paragraph in self.doc.paragraphs:
                starts.append(at)
                at += len(paragraph) + 1
            self._joined = ("\n".join(self.doc.paragraphs), starts)
        return self._joined

    def _find(self, probe: str, paragraphs, node) -> tuple[str, int | None]:
        if node is not None and node.table is not None:
            row = node.table.rows[node.row]
            # a ledger row's evidence is quoted with its column's label (整改情况:正在推进): the
            # cell holds the value (else every row's search ran over the whole ledger: quadratic)
            value = _LABELLED.sub("", probe)
            for i, cell in enumerate(row):
                for wanted in dict.fromkeys((probe, value)):
                    if wanted and (wanted in cell or norm(wanted) in norm(cell)):
                        return self.cell(node.table, node.row, i)
        # the item's own paragraphs nearly always hold the snippet (linear in items) ...
        for index in paragraphs:
            at = self.doc.paragraphs[index].find(probe)
            if at >= 0:
                self.last_hit = (index, at)
                return self.paragraph(index, at)
        # ... else its first paragraph in reading order (a summary's quote, a finding): one search
        # of the whole text, not one per paragraph (a report whose items are settled by others'
        # summaries searched every paragraph per item: quadratic). A probe holds no line break,
        # so a hit never runs over two paragraphs, and none is in the item's own.
        text, starts = self._text()
        at = text.find(probe)
        if at >= 0:
            index = bisect_right(starts, at) - 1
            self.last_hit = (index, at - starts[index])
            return self.paragraph(*self.last_hit)
        for k, r in self._row:
            table = self.doc.tables[k - 1]
            for i, cell in enumerate(table.rows[r]):
                if probe in cell:
                    return self.cell(table, r, i)
        return "", None
