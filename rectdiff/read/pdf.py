"""PDF text layer to lines, with paragraph starts marked by indentation.

Official documents indent each paragraph by two characters and wrap at about 28
characters a line; we mark an indented line with two ideographic spaces so the
cleaner can rebuild paragraphs, and drop running headers and page footers.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections import Counter

from ..catalogue import say
from ..errors import ReadError, RectdiffError
from ..zh.compiled import regex
from ..zh.lexicon import PARAGRAPH_INDENT
from .limits import MAX_GLYPHS, MAX_PAGE_GLYPHS, MAX_PAGE_OBJECTS, MAX_PAGES, BoundedZlib, over, wrapped_limit

_GARBAGE = regex(r"\(cid:\d+\)|\ufffd")
# pdfminer tells what it repairs (an invalid MediaBox …) through logging, whose last-resort
# handler printed each warning on stderr: an error is one line, and a repair no news
logging.getLogger("pdfminer").addHandler(logging.NullHandler())


class PlacedLine(str):
    """A line of text that knows where it was printed (page and line, both from 1), so that a
    finding can cite 第3页 第12行."""

    page: int = 0
    line: int = 0

    def __new__(cls, text: str, page: int, line: int):
        """The text of the line printed on ``page`` as its ``line``-th line."""
        obj = super().__new__(cls, text)
        obj.page, obj.line = page, line
        return obj


def pdf_lines(stream, name: str) -> list[str]:
    """Lines of the PDF's text layer; raises ReadError when it has none worth parsing."""
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        with _bounded_pdfminer(name) as glyphs:
            pages = _read_pages(stream, name, glyphs)
    except RectdiffError:
        raise
    except PDFPasswordIncorrect:
        raise _locked(name) from None
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise _unreadable(name, exc) from None
    except Exception as exc:  # pdfplumber wraps pdfminer's many private error types
        if wrapped_limit(exc):
            raise wrapped_limit(exc) from None
        cause = " ".join([str(exc), repr(exc.args)]).lower()
        if "password" in cause or "encrypt" in cause:
            raise _locked(name) from None
        raise _unreadable(name, exc) from None
    text = "".join(t for page in pages for t in page)
    if not text.strip():
        raise ReadError(*say("pdf.no_text", name=name))
    garbage = sum(len(m.group()) for m in _GARBAGE.finditer(text))
    if garbage > 0.1 * len(text):
        raise ReadError(*say("pdf.no_unicode", name=name))
    return _drop_running_heads(pages)


def _read_pages(stream, name: str, glyphs: _Glyphs) -> list[list[str]]:
    """The lines of each page, one page in memory at a time."""
    import pdfplumber

    pdf = pdfplumber.open(stream)  # no `with`: closing it makes every page object (ours is the stream)
    _check_pages(pdf, name)
    pages = []
    for page in pdf.pages:
        glyphs.page_left, glyphs.objects_left = MAX_PAGE_GLYPHS, MAX_PAGE_OBJECTS
        pages.append(_page_lines(page))
        page.close()  # its characters go: memory is one page's, not the document's
    return pages


@contextlib.contextmanager
def _bounded_pdfminer(name: str):
    """pdfminer with its stream inflation and its glyphs counted against the budgets of ``name``
    (it inflates streams whole), put back as it was afterwards; yields the glyph counter."""
    import pdfminer.converter as converter
    import pdfminer.pdfinterp as interp
    import pdfminer.pdftypes as pdftypes

    inflate, pdftypes.zlib = pdftypes.zlib, BoundedZlib(name)
    glyphs = _Glyphs(name)
    render, converter.PDFLayoutAnalyzer.render_char = converter.PDFLayoutAnalyzer.render_char, glyphs.counted
    parse, interp.PDFContentParser.nextobject = interp.PDFContentParser.nextobject, glyphs.counted_object
    glyphs.render, glyphs.parse = render, parse
    try:
        yield glyphs
    finally:
        pdftypes.zlib = inflate
        converter.PDFLayoutAnalyzer.render_char = render
        interp.PDFContentParser.nextobject = parse


def _check_pages(pdf, name: str) -> None:
    """Refuse a PDF of more than ``MAX_PAGES`` pages, counted in its page tree before pdfplumber
    makes a page object of each (100,000 of them took 14 s and 400 MB): at most one page over the
    budget is made. The count the tree states is not taken: it may lie either way."""
    from itertools import islice

    from pdfminer.pdfpage import PDFPage

    found = sum(1 for _page in islice(PDFPage.create_pages(pdf.doc), MAX_PAGES + 1))
    if found > MAX_PAGES:
        raise over(name, "pages", found, MAX_PAGES)


class _Glyphs:
    """pdfminer's ``render_char`` counted against the glyph budgets (``MAX_GLYPHS`` in all,
    ``MAX_PAGE_GLYPHS`` a page): one page of a few MB can draw millions of characters; and the
    objects of a page's content streams (``MAX_PAGE_OBJECTS``): 2,000,000 line segments in one
    path, drawing nothing, took 35 s and 1.4 GB."""

    def __init__(self, name: str):
        self.name, self.left, self.page_left, self.render = name, MAX_GLYPHS, MAX_PAGE_GLYPHS, None
        self.objects_left, self.parse = MAX_PAGE_OBJECTS, None

    @property
    def counted_object(self):
        budget = self

        def nextobject(parser):
            budget.objects_left -= 1
            if budget.objects_left < 0:
                raise over(budget.name, "page_objects", MAX_PAGE_OBJECTS + 1, MAX_PAGE_OBJECTS)
            return budget.parse(parser)

        return nextobject

    @property
    def counted(self):
        budget = self

        def render_char(device, *args, **kwargs):
            budget.left -= 1
            budget.page_left -= 1
            if budget.left < 0:
                raise over(budget.name, "glyphs", MAX_GLYPHS + 1, MAX_GLYPHS)
            if budget.page_left < 0:
                raise over(budget.name, "page_glyphs", MAX_PAGE_GLYPHS + 1, MAX_PAGE_GLYPHS)
            return budget.render(device, *args, **kwargs)

        return render_char


def _locked(name: str) -> ReadError:
    return ReadError(*say("pdf.locked", name=name))


def _unreadable(name: str, exc: BaseException) -> ReadError:
    why = exc.__class__.__name__
    return ReadError(*say("pdf.unreadable", name=name, why=why))


def _page_lines(page) -> list[str]:
    rows = page.extract_text_lines(layout=False, strip=True, return_chars=True)
    if not rows:
        return []
    widths = [c["x1"] - c["x0"] for r in rows for c in r["chars"] if c["text"].strip()]
    char_w = sorted(widths)[len(widths) // 2] if widths else 10.0
    left = min(r["x0"] for r in rows)
    out = []
    for r in rows:
        indent = r["x0"] - left >= 1.5 * char_w
        out.append((PARAGRAPH_INDENT if indent else "") + r["text"])
    return out


def _drop_running_heads(pages: list[list[str]]) -> list[str]:
    """Drop a first or last line repeated on most pages (running header or footer)."""
    edges = Counter()
    for lines in pages:
        for ln in {lines[0], lines[-1]} if lines else ():
            edges[re.sub(r"\d+", "#", ln.strip())] += 1
    repeated = {k for k, n in edges.items() if len(pages) >= 3 and n >= 0.6 * len(pages) and len(k) < 40}
    out: list[str] = []
    for page, lines in enumerate(pages, 1):
        out.extend(PlacedLine(ln, page, n) for n, ln in enumerate(lines, 1)
                   if re.sub(r"\d+", "#", ln.strip()) not in repeated)  # fmt: skip
    return out
