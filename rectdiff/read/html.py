"""HTML to lines and tables: visible text one line per block element, ``<table>`` ledgers as
``Table`` blocks, and the menus and link lists around the article trimmed.

A table is a ledger when at least two of its rows have two or more filled cells and no single
cell holds most of its text; otherwise it is page layout (old sites set whole articles in a
table cell) and its cells are read as text. A ledger nested in a layout table is still found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..model import Table
from ..zh.lexicon import CLOSING, COLONS, DATE_CN, ISSUER, PARAGRAPH_ENDS, TITLE
from .limits import MAX_CELLS, over

_SKIP = {"script", "style", "noscript", "template", "head", "nav", "footer", "select", "button", "iframe", "svg",
         "object", "embed", "form", "textarea", "title"}  # fmt: skip
_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table", "ul", "ol",
          "dd", "dt", "blockquote", "pre", "hr", "header", "center"}  # fmt: skip


@dataclass
class _Cell:
    start: int  # where its text begins in the page's parts
    end: int = -1
    colspan: int = 1
    rowspan: int = 1


@dataclass
class _Builder:
    start: int  # where the table begins in the page's parts
    rows: list = field(default_factory=list)  # of lists of _Cell
    nested: bool = False  # holds a table of its own: page layout, never a ledger

    def close_cell(self, at: int) -> None:
        if self.rows and self.rows[-1] and self.rows[-1][-1].end < 0:
            self.rows[-1][-1].end = at


class _PageText(HTMLParser):
    """Collect visible text and tables in document order; never keeps script/style content.

    Text goes into one flat list of parts as it comes; a table only records where its cells
    begin and end, and a finished ledger replaces its own stretch of parts. So every piece of
    text is handled a bounded number of times, however deep tables nest."""

    def __init__(self, name: str = ""):
        super().__init__(convert_charrefs=True)
        self.name = name
        self.parts: list = []  # text and Tables
        self.tables: list[_Builder] = []
        self.skip = 0

    def _out(self, part) -> None:
        self.parts.append(part)

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
        elif tag == "table":
            if self.tables:
                self.tables[-1].nested = True
            self._out("\n")
            self.tables.append(_Builder(len(self.parts)))
        elif tag == "tr" and self.tables:
            self.tables[-1].close_cell(len(self.parts))
            self.tables[-1].rows.append([])
            self._out("\n")
        elif tag in ("td", "th") and self.tables:
            builder = self.tables[-1]
            builder.close_cell(len(self.parts))
            if not builder.rows:
                builder.rows.append([])
            spans = dict(attrs)
            self._out("\n")
            builder.rows[-1].append(_Cell(len(self.parts), colspan=_span(spans.get("colspan")),
                                          rowspan=_span(spans.get("rowspan"))))  # fmt: skip
        elif tag in _BLOCK:
            self._out("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in ("br", "hr", "p", "div"):
            self._out("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "table" and self.tables:
            self.close_table()
        elif tag in _BLOCK:
            self._out("\n")

    def handle_data(self, data):
        if not self.skip:
            self._out(data.replace("\n", " ").replace("\r", " "))

    def close_table(self) -> None:
        """A finished table: one Table in place of its text if it is a ledger, else its text stays."""
        builder = self.tables.pop()
        builder.close_cell(len(self.parts))
        table = None if builder.nested else _ledger(builder, self.parts, self.name)
        if table is not None:
            first = next((row[0].start for row in builder.rows if row), len(self.parts))
            del self.parts[first:]
            self.parts += ["\n", table]
        self._out("\n")


def _span(value) -> int:
    try:
        return max(1, min(50, int(value)))
    except (TypeError, ValueError):
        return 1


def _ledger(builder: _Builder, parts: list, name: str) -> Table | None:
    """The table as a Table if it is a ledger (two rows of two filled cells or more, no cell
    holding most of the text), else None."""
    if sum(1 for row in builder.rows if len(row) >= 2) < 2:
        return None
    grid = _grid([[(_text(parts, c), c) for c in row] for row in builder.rows], name)
    filled = [row for row in grid if sum(1 for c in row if c) >= 2]
    texts = [c for row in grid for c in row if c]
    total = sum(len(t) for t in texts)
    if len(filled) >= 2 and total and max(len(t) for t in texts) < 0.6 * total:
        return Table(tuple(tuple(row) for row in grid))
    return None


def _text(parts: list, cell: _Cell) -> str:
    raw = "".join(p for p in parts[cell.start : cell.end] if isinstance(p, str))
    return "\n".join(line.strip() for line in raw.split("\n") if line.strip())


def _grid(rows: list[list[tuple[str, _Cell]]], name: str) -> list[list[str]]:
    """Rows of cell texts with colspan and rowspan expanded (a merged cell repeats its text); a
    rowspan stops at the table's last row, and the expanded grid is bounded (``MAX_CELLS``)."""
    grid: list[list[str]] = []
    pending: dict[tuple[int, int], str] = {}
    cells = 0
    for r, row in enumerate(rows):
        out: list[str] = []
        col = 0
        for text, cell in row:
            while (r, col) in pending:
                out.append(pending.pop((r, col)))
                col += 1
            down = min(cell.rowspan, len(rows) - r)
            cells += cell.colspan * down
            if cells > MAX_CELLS:
                raise over(name, "spanned_cells", cells, MAX_CELLS)
            for dc in range(cell.colspan):
                out.append(text)
                for dr in range(1, down):
                    pending[(r + dr, col + dc)] = text
            col += cell.colspan
        while (r, col) in pending:
            out.append(pending.pop((r, col)))
            col += 1
        grid.append(out)
    width = max((len(row) for row in grid), default=0)
    return [row + [""] * (width - len(row)) for row in grid]


def html_lines(text: str, name: str = "") -> list:
    """Lines and ``Table`` blocks of an HTML page, with the chrome around the article trimmed."""
    parser = _PageText(name)
    parser.feed(text)
    parser.close()
    while parser.tables:  # a table never closed: keep what it held
        parser.close_table()
    lines: list = []
    buffer: list[str] = []
    for part in parser.parts:
        if isinstance(part, Table):
            lines += _text_lines("".join(buffer))
            buffer = []
            lines.append(part)
        else:
            buffer.append(part)
    lines += _text_lines("".join(buffer))
    return _trim_page(lines)


def _text_lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _trim_page(lines: list) -> list:
    """Drop the menus and link lists around a web page's article: short lines before its
    title (or first long paragraph), and short lines after its last paragraph, table and sign-off."""
    if not lines:
        return lines
    texts = [ln if isinstance(ln, str) else "" for ln in lines]
    start = next((i for i, ln in enumerate(texts) if len(ln) >= 40 or (TITLE.search(ln) and len(ln) <= 100)), 0)
    start = min([start] + [i for i, ln in enumerate(lines) if isinstance(ln, Table)])
    # the article ends at its last paragraph, table or long line (no menu or footer runs to 200
    # characters): a last paragraph without its 。 is the report's, not chrome to drop
    ends = [i for i, ln in enumerate(lines)
            if isinstance(ln, Table) or texts[i].endswith(PARAGRAPH_ENDS) or len(texts[i]) > 200]  # fmt: skip
    last = max(ends, default=len(lines) - 1)
    end = last + 1
    while (
        end < len(lines)
        and end - last <= 6
        and (ISSUER.search(texts[end]) or DATE_CN.fullmatch(texts[end]) or CLOSING.match(texts[end]))
    ):
        end += 1
    head = [ln for ln in lines[:start] if isinstance(ln, str) and any(c in ln for c in COLONS)]
    return head + lines[start:end]
