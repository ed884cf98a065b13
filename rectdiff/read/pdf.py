"""PDF text layer to lines, with paragraph starts marked by indentation.

Official documents indent each paragraph by two characters and wrap at about 28
characters a line; we mark an indented line with two ideographic spaces so the
cleaner can rebuild paragraphs, and drop running headers and page footers.
"""

from __future__ import annotations

import re
from collections import Counter

from ..catalogue import say
from ..errors import ReadError, RectdiffError
from ..zh.lexicon import PARAGRAPH_INDENT
from .limits import MAX_PAGES, BoundedZlib, over, wrapped_limit

_GARBAGE = re.compile(r"\(cid:\d+\)|\ufffd")


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
    import pdfminer.pdftypes as pdftypes
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    inflate, pdftypes.zlib = pdftypes.zlib, BoundedZlib(name)  # pdfminer inflates streams whole
    try:
        with pdfplumber.open(stream) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise over(name, "pages", len(pdf.pages), MAX_PAGES)
            pages = [_page_lines(page) for page in pdf.pages]
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
    finally:
        pdftypes.zlib = inflate
    text = "".join(t for page in pages for t in page)
    if not text.strip():
        raise ReadError(*say("pdf.no_text", name=name))
    garbage = sum(len(m.group()) for m in _GARBAGE.finditer(text))
    if garbage > 0.1 * len(text):
        raise ReadError(*say("pdf.no_unicode", name=name))
    return _drop_running_heads(pages)


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
