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
from ..zh.lexicon import CLOSING, DATE_CN, ISSUER, TITLE

_SKIP = {"script", "style", "noscript", "template", "head", "nav", "footer", "select", "button", "iframe", "svg",
         "object", "embed", "form", "textarea", "title"}  # fmt: skip
_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table", "ul", "ol",
          "dd", "dt", "blockquote", "pre", "hr", "header", "center"}  # fmt: skip


@dataclass
class _Cell:
    parts: list = field(default_factory=list)  # text and nested Tables
    colspan: int = 1
    rowspan: int = 1

    def text(self) -> str:
        raw = "".join(p if isinstance(p, str) else p.text() for p in self.parts)
        return "\n".join(line.strip() for line in raw.split("\n") if line.strip())


@dataclass
class _Builder:
    rows: list = field(default_factory=list)  # of lists of _Cell

    def cell(self) -> _Cell | None:
        return self.rows[-1][-1] if self.rows and self.rows[-1] else None


class _PageText(HTMLParser):
    """Collect visible text and tables in document order; never keeps script/style content."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list = []  # text and Tables
        self.tables: list[_Builder] = []
        self.skip = 0

    def _out(self, part) -> None:
        cell = self.tables[-1].cell() if self.tables else None
        (cell.parts if cell is not None else self.parts).append(part)

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
        elif tag == "table":
            self.tables.append(_Builder())
        elif tag == "tr" and self.tables:
            self.tables[-1].rows.append([])
        elif tag in ("td", "th") and self.tables:
            builder = self.tables[-1]
            if not builder.rows:
                builder.rows.append([])
            spans = dict(attrs)
            builder.rows[-1].append(_Cell(colspan=_span(spans.get("colspan")), rowspan=_span(spans.get("rowspan"))))
        elif tag in _BLOCK:
            self._out("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in ("br", "hr", "p", "div"):
            self._out("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "table" and self.tables:
            builder = self.tables.pop()
            self._out("\n")
            for part in _close(builder):
                self._out(part)
            self._out("\n")
        elif tag in _BLOCK:
            self._out("\n")

    def handle_data(self, data):
        if not self.skip:
            self._out(data.replace("\n", " ").replace("\r", " "))


def _span(value) -> int:
    try:
        return max(1, min(50, int(value)))
    except (TypeError, ValueError):
        return 1


def _close(builder: _Builder) -> list:
    """A finished table: one Table if it is a ledger, else its cells' contents as text."""
    grid = _grid(builder.rows)
    filled = [row for row in grid if sum(1 for c in row if c) >= 2]
    texts = [c for row in grid for c in row if c]
    total = sum(len(t) for t in texts)
    nested = any(isinstance(p, Table) for row in builder.rows for cell in row for p in cell.parts)
    if len(filled) >= 2 and not nested and total and max(len(t) for t in texts) < 0.6 * total:
        return [Table(tuple(tuple(row) for row in grid))]
    out: list = []
    for row in builder.rows:
        for cell in row:
            out += [*cell.parts, "\n"]
    return out


def _grid(rows: list[list[_Cell]]) -> list[list[str]]:
    """Rows of cell texts with colspan and rowspan expanded (a merged cell repeats its text)."""
    grid: list[list[str]] = []
    pending: dict[tuple[int, int], str] = {}
    for r, row in enumerate(rows):
        out: list[str] = []
        col = 0
        for cell in row:
            while (r, col) in pending:
                out.append(pending.pop((r, col)))
                col += 1
            text = cell.text()
            for dc in range(cell.colspan):
                out.append(text)
                for dr in range(1, cell.rowspan):
                    pending[(r + dr, col + dc)] = text
            col += cell.colspan
        while (r, col) in pending:
            out.append(pending.pop((r, col)))
            col += 1
        grid.append(out)
    width = max((len(row) for row in grid), default=0)
    return [row + [""] * (width - len(row)) for row in grid]


def html_lines(text: str) -> list:
    """Lines and ``Table`` blocks of an HTML page, with the chrome around the article trimmed."""
    parser = _PageText()
    parser.feed(text)
    parser.close()
    while parser.tables:  # a table never closed: keep what it held
        for part in _close(parser.tables.pop()):
            parser.parts.append(part)
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
    ends = [i for i, ln in enumerate(lines) if isinstance(ln, Table) or texts[i].endswith(("。", "；", ";"))]
    last = max(ends, default=len(lines) - 1)
    end = last + 1
    while (
        end < len(lines)
        and end - last <= 6
        and (ISSUER.search(texts[end]) or DATE_CN.fullmatch(texts[end]) or CLOSING.match(texts[end]))
    ):
        end += 1
    head = [ln for ln in lines[:start] if isinstance(ln, str) and (":" in ln or "：" in ln)]
    return head + lines[start:end]
