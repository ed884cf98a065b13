"""Reading budgets, enforced before the work they bound: what a file may hold once inflated,
how many cells, markup elements, paragraphs and PDF pages, and how long one file may take.

A real report is a few hundred KB of text in a few thousand paragraphs; every budget here is
one to two orders of magnitude above that, and each refusal names the budget it hit.
"""

from __future__ import annotations

import contextlib
import errno
import math
import os
import signal
import stat
import threading
import time
import zlib
from typing import TYPE_CHECKING

from ..catalogue import file_kind, say
from ..errors import LimitError, ReadError

if TYPE_CHECKING:
    import zipfile

#: inputs larger than this are refused (a real report is well under 5 MB)
MAX_BYTES = 50 * 2**20
#: a .docx/.xlsx may inflate to this much in all (its members' declared sizes, enforced by zipfile)
MAX_INFLATED = 200 * 2**20
#: the XML parts of a .docx/.xlsx together (the rest is pictures and fonts, never parsed)
MAX_XML = 60 * 2**20
#: a member inflating more than this many times over, and to more than 1 MiB, is a zip bomb
MAX_RATIO = 200
#: markup elements in the main part of a .docx (Word writes ~20 per paragraph), or of a web page
MAX_ELEMENTS = 1_000_000
#: paragraphs (lines) of a report, any format, and the characters they hold
MAX_PARAGRAPHS = 100_000
MAX_CHARS = 1_000_000
#: filled cells of a workbook, and cells of a table once merged cells and spans are expanded
MAX_CELLS = 1_000_000
#: rows of a table, empty ones included (a ledger has a few hundred)
MAX_ROWS = 1_000_000
#: columns of a table once spans are expanded (a ledger has a dozen)
MAX_COLUMNS = 1_000
#: pages of a PDF, and the bytes its streams may inflate to in all
MAX_PAGES = 3_000
MAX_STREAM_BYTES = 64 * 2**20
#: glyphs a PDF's text layer may draw, in all and on one page (each is an object in memory while
#: its page is read; a dense page draws a few thousand)
MAX_GLYPHS = MAX_CHARS
MAX_PAGE_GLYPHS = 100_000
#: objects (operators and their operands) in the content streams of one PDF page (a dense page of
#: text holds some ten thousand, a detailed map a few hundred thousand)
MAX_PAGE_OBJECTS = 1_000_000
#: wall time for reading and parsing one file, in seconds (``RECTDIFF_MAX_SECONDS`` overrides)
MAX_SECONDS = 60.0


def _mib(n: int) -> str:
    return f"{n / 2**20:.0f} MiB"


def check_regular(path: str, role: str = "read") -> int:
    """Refuse anything but a regular file, by its type, before opening it (a device such as
    /dev/zero never ends, a FIFO blocks). Returns the file's size. ``role``: whose messages say
    what to give instead (``read``: a report; ``notes``: the workbook of ``--notes``)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ReadError(*say(f"{role}.missing", path=path)) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # no permission would help
            raise ReadError(*say("read.link_loop", path=path)) from None
        why = exc.strerror
        raise ReadError(*say("read.no_access", path=path, why=why)) from None
    if stat.S_ISDIR(info.st_mode):
        raise ReadError(*say(f"{role}.directory", path=path))
    if not stat.S_ISREG(info.st_mode):
        raise ReadError(*say(f"{role}.special", path=path, kind=file_kind(info.st_mode)))
    if info.st_size > MAX_BYTES:
        raise LimitError(*say("limit.file_size", path=path, size=_mib(info.st_size), limit=_mib(MAX_BYTES)))
    return info.st_size


def check_zip(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse a .docx/.xlsx whose members would inflate past the budgets, by their declared
    sizes (zipfile stops a member at its declared size, so the declaration is binding)."""
    total = xml = 0
    for info in archive.infolist():
        total += info.file_size
        if info.filename.lower().endswith((".xml", ".rels", ".vml")):
            xml += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 2**20 and ratio > MAX_RATIO:
            raise LimitError(
                *say(
                    "limit.zip_bomb",
                    name=name,
                    member=info.filename,
                    size=_mib(info.file_size),
                    ratio=ratio,
                    limit=MAX_RATIO,
                )
            )
    if total > MAX_INFLATED or xml > MAX_XML:
        size, limit = (total, MAX_INFLATED) if total > MAX_INFLATED else (xml, MAX_XML)
        raise LimitError(*say("limit.inflated", name=name, size=_mib(size), limit=_mib(limit)))


def check_zip_bytes(data: bytes, name: str, main: str | None = None) -> None:
    """``check_zip`` on the bytes of a .docx/.xlsx, and the budget of markup elements on its
    ``main`` part (counted in the raw XML before any parser builds a tree of it)."""
    import io
    import zipfile  # imported by the .docx/.xlsx readers only: a text report never needs it

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return  # the reader says what is wrong with it
    check_zip(archive, name)
    if main and main in archive.namelist():
        xml = archive.read(main)
        elements = xml.count(b"<")
        if elements > MAX_ELEMENTS:
            raise over(name, "elements", elements, MAX_ELEMENTS)
        check_markup_text(xml, name)


#: the bytes lxml takes in one text node or attribute value (XML_MAX_TEXT_LENGTH)
_LXML_MAX_TEXT = 10_000_000


def check_markup_text(xml: bytes, name: str) -> None:
    """Refuse by the character budget a stretch of markup between two tags (a text node, or a tag
    and its attributes) longer than lxml takes, in the raw bytes before any parser sees them:
    lxml refuses such a text node as a syntax error, which called the file corrupt. 10 MB of UTF-8
    is at least 2.5 M characters, over ``MAX_CHARS`` whatever they are. Windows of half that are
    searched for a ``<`` (one search each, stopping at the first): so long a stretch fills one."""
    step = _LXML_MAX_TEXT // 2
    for start in range(0, len(xml) - step + 1, step):
        if xml.find(b"<", start, start + step) >= 0:
            continue
        begin, end = xml.rfind(b"<", 0, start) + 1, xml.find(b"<", start + step)
        tag, _gt, text = xml[begin : end if end >= 0 else len(xml)].rpartition(b">")
        if max(len(tag), len(text)) > _LXML_MAX_TEXT:
            chars = _characters(tag if len(tag) > len(text) else text)
            raise over(name, "characters", chars, MAX_CHARS)


def _characters(xml: bytes) -> int:
    """Characters of a stretch of XML, a character reference (&amp; &#x4e00;) counting one."""
    import re

    return len(re.sub(rb"&#?\w{1,16};", b"&", xml).decode("utf-8", "replace"))


def check_markup(text: str, name: str) -> None:
    """The budget of markup elements on a web page, counted in its text before it is parsed: the
    parser made a part of every tag (10,000,000 <br> took 30 s and 400 MB, 5,000,000 <td> 1 GB)."""
    elements = text.count("<")
    if elements > MAX_ELEMENTS:
        raise over(name, "elements", elements, MAX_ELEMENTS)


def check_text(lines: list, name: str) -> None:
    """The paragraph and character budgets, on what a reader produced (before any parsing)."""
    if len(lines) > MAX_PARAGRAPHS:
        raise over(name, "paragraphs", len(lines), MAX_PARAGRAPHS)
    chars = sum(len(line) if isinstance(line, str) else len(line.text()) for line in lines)
    if chars > MAX_CHARS:
        raise over(name, "characters", chars, MAX_CHARS)


def wrapped_limit(exc: BaseException) -> LimitError | None:
    """A budget refusal that a library wrapped in its own exception (pdfplumber does)."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, LimitError):
            return exc
        inner = next((a for a in getattr(exc, "args", ()) if isinstance(a, BaseException)), None)
        exc, seen = inner or exc.__cause__ or exc.__context__, seen + 1
    return None


def over(name: str, what: str, count: int, limit: int) -> LimitError:
    """The refusal of an input with more of something (``what``: a ``count.*`` key of the
    catalogue, such as "pages") than its budget allows."""
    return LimitError(*say("limit.over", name=name, what=say(f"count.{what}"), limit=limit, count=count))


class BoundedZlib:
    """``zlib`` as pdfminer uses it, with every inflation counted against the stream budget
    (a PDF flate bomb inflates a few MB into GB)."""

    error = zlib.error
    MAX_WBITS = zlib.MAX_WBITS

    def __init__(self, name: str):
        self.name = name
        self.left = MAX_STREAM_BYTES

    def decompressobj(self, wbits: int = zlib.MAX_WBITS):
        """An inflater drawing on this budget."""
        return _BoundedInflater(self, wbits)

    def decompress(self, data: bytes, wbits: int = zlib.MAX_WBITS, bufsize: int = 0) -> bytes:
        """``zlib.decompress``, within the budget."""
        inflater = _BoundedInflater(self, wbits)
        out = inflater.decompress(data)
        if not inflater.eof:
            raise zlib.error("incomplete or truncated stream")
        return out

    def spend(self, inflater, out: bytes) -> bytes:
        """``out``, counted against the budget; refused once it would pass it."""
        if len(out) > self.left or inflater.unconsumed_tail:
            raise LimitError(*say("limit.pdf_bomb", name=self.name, limit=_mib(MAX_STREAM_BYTES)))
        self.left -= len(out)
        return out


class _BoundedInflater:
    """A ``zlib.decompressobj`` that never inflates past what is left of the budget."""

    def __init__(self, budget: BoundedZlib, wbits: int):
        self.budget = budget
        self.inner = zlib.decompressobj(wbits)

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        """Inflate at most what is left of the budget (and one byte more, to tell)."""
        return self.budget.spend(self.inner, self.inner.decompress(data, self.budget.left + 1))

    def flush(self, *args) -> bytes:
        """What is pending, within the budget."""
        return self.budget.spend(self.inner, self.inner.flush(*args))

    def __getattr__(self, attr):
        return getattr(self.inner, attr)


def time_budget() -> float:
    """Seconds one file may take (``RECTDIFF_MAX_SECONDS`` overrides the default; a value that is
    no number, or not finite, leaves it; a timer takes at most a million seconds)."""
    try:
        seconds = float(os.environ.get("RECTDIFF_MAX_SECONDS", MAX_SECONDS))
    except ValueError:
        return MAX_SECONDS
    return min(seconds, 1e6) if math.isfinite(seconds) else MAX_SECONDS


@contextlib.contextmanager
def deadline(name: str, seconds: float | None = None):
    """Stop reading and parsing ``name`` after ``seconds`` of wall time with a one-line refusal.

    Enforced by a timer signal in the main thread (the CLI and batch workers); elsewhere a no-op,
    as signals cannot interrupt other threads."""
    seconds = time_budget() if seconds is None else seconds
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return
    start = time.monotonic()

    def expire(_signum, _frame):
        raise LimitError(*say("limit.time", name=name, seconds=seconds))

    previous = signal.signal(signal.SIGALRM, expire)
    outer = signal.getitimer(signal.ITIMER_REAL)[0]
    signal.setitimer(signal.ITIMER_REAL, seconds if not outer else min(seconds, outer))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:  # an enclosing budget keeps running
            signal.setitimer(signal.ITIMER_REAL, max(0.001, outer - (time.monotonic() - start)))
