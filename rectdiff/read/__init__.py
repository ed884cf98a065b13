"""Stage 1: read a report file (.txt, .html, .docx, .pdf, and ledgers as .xlsx or .csv) into
cleaned paragraphs and tables.

``read_report`` accepts a path or a binary stream; everything after it works on text.
"""

from __future__ import annotations

import dataclasses
import io
import os
import re

from ..catalogue import say
from ..errors import LimitError, ReadError, RectdiffError
from ..model import Document
from ..zh.compiled import regex
from ..zh.lexicon import CJK_FIRST, CJK_LAST
from .clean import clean_lines
from .encoding import decode_text
from .limits import MAX_BYTES, check_markup, check_regular, check_text, check_zip_bytes, over
from .tables import tab_tables

#: the file suffixes a folder is searched for (a batch reads these and nothing else)
READABLE_SUFFIXES = (".txt", ".htm", ".html", ".docx", ".pdf", ".xlsx", ".csv")


def read_report(source, fmt: str | None = None) -> Document:
    """Read ``source`` (a path or a binary stream) and return its cleaned paragraphs.

    The format comes from ``fmt``, else from the file's first bytes, else from its suffix.
    Raises ``ReadError`` with a one-line message on anything that is not a readable report.
    """
    name, data = _load_bytes(source)
    if not data.strip():
        raise ReadError(*say("read.empty", name=name))
    fmt = fmt or sniff_format(data, name)
    reader = {"txt": _read_txt, "html": _read_html, "docx": _read_docx, "pdf": _read_pdf, "xlsx": _read_xlsx,
              "csv": _read_csv}[fmt]  # fmt: skip
    lines, encoding, hard_wrapped = reader(data, name)
    check_text(lines, name)
    lines = [_visible(line) for line in lines]
    cleaned = clean_lines(lines, hard_wrapped=hard_wrapped)
    if not any(_has_cjk(p) for p in cleaned.paragraphs) and not any(_has_cjk(t.text()) for t in cleaned.tables):
        raise ReadError(*say("read.no_chinese", name=name, fmt=fmt))
    return Document(name, fmt, tuple(cleaned.paragraphs), cleaned.meta, encoding, tuple(cleaned.notes),
                    tuple(cleaned.originals), tuple(cleaned.tables), tuple(cleaned.unread),
                    _positions(lines, cleaned.starts))  # fmt: skip


def _positions(lines: list, starts: list) -> tuple:
    """Page and line of each paragraph's lines, where the reader knew them (PDF)."""
    if not any(getattr(line, "page", 0) for line in lines):
        return ()
    return tuple(tuple((getattr(lines[at], "page", 0), getattr(lines[at], "line", 0), offset)
                       for at, offset in para if at >= 0) for para in starts)  # fmt: skip


#: format characters that show nothing but would make equal text differ (bidi overrides, joiners, BOM)
_INVISIBLE = regex("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def _visible(line):
    """A line or table without invisible format characters (a line keeps its page and line)."""
    if isinstance(line, str):
        text = _INVISIBLE.sub("", line)
        if text == line:
            return line
        return type(line)(text, line.page, line.line) if hasattr(line, "page") else text
    rows = tuple(tuple(_INVISIBLE.sub("", c) for c in row) for row in line.rows)
    return line if rows == line.rows else dataclasses.replace(line, rows=rows)


def _load_bytes(source) -> tuple[str, bytes]:
    if hasattr(source, "read"):
        data = source.read(MAX_BYTES + 1)
        name = getattr(source, "name", "<stream>")
        if isinstance(data, str):
            data = data.encode("utf-8")
    else:
        name = os.fspath(source)
        check_regular(name)  # by type, before opening: a device never ends, a FIFO blocks
        try:
            with open(name, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        except OSError as exc:
            why = exc.strerror
            raise ReadError(*say("read.cannot_read", name=name, why=why)) from None
    if len(data) > MAX_BYTES:
        raise LimitError(*say("limit.input_size", name=name, limit=MAX_BYTES // 2**20))
    return str(name), data


def sniff_format(data: bytes, name: str = "") -> str:
    """Tell the format from the first bytes (suffix only as a hint for text vs HTML)."""
    head = data[:4096]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(data, name)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        if "EncryptedPackage".encode("utf-16-le") in data:  # Office keeps an encrypted .docx/.xlsx so
            raise ReadError(*say("read.encrypted", name=name))
        raise ReadError(*say("read.old_binary", name=name))
    lower = head.lower()
    if re.search(rb"<(!doctype html|html|head|body|div|p|meta)[\s>]", lower):
        return "html"
    if name.lower().endswith((".html", ".htm")):
        return "html"
    if name.lower().endswith(".csv"):
        return "csv"
    return "txt"


def _zip_format(data: bytes, name: str) -> str:
    """A Word document or an Excel workbook: both are zip files, told apart by their parts."""
    import zipfile  # here, not at the top: a text report never needs it (nor bz2, lzma, shutil)

    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile:
        return "xlsx" if name.lower().endswith(".xlsx") else "docx"  # let that reader say what is wrong
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "word/document.xml" in names:
        return "docx"
    return "xlsx" if name.lower().endswith((".xlsx", ".xlsm")) else "docx"


def _split_lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _read_txt(data: bytes, name: str):
    text, enc = decode_text(data, name)
    text = _without_terminal_codes(text)
    if _control_ratio(text) > 0.05:
        raise ReadError(*say("read.binary", name=name))
    lines = _split_lines(text)
    if "\t" not in text:  # no table pasted from a spreadsheet (nearly every report): no line looked at
        return lines, enc, None
    check_text(lines, name)  # before any line is looked at for a table
    return tab_tables(lines), enc, None


#: a terminal's escape sequences (ECMA-48), as a report copied from a terminal or saved by a
#: program that colours its output holds them: CSI (ESC [ … m: colours, bold), OSC (ESC ] … up
#: to BEL or ESC backslash: a window title, a link) and two-character escapes (ESC ( B): they
#: draw, they say nothing. Compiled by re's own cache on first use: most texts hold no ESC
_TERMINAL = r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[ -/]*[0-~])"


def _without_terminal_codes(text: str) -> str:
    """``text`` without a terminal's escape sequences (a lone ESC stays, a control character)."""
    return re.sub(_TERMINAL, "", text) if "\x1b" in text else text


#: control characters but line breaks, tabs and form feeds, and the replacement character
_CONTROL = regex("[\x00-\x08\x0b\x0e-\x1f\ufffd]")


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    return len(_CONTROL.findall(sample)) / max(1, len(sample))


def _read_html(data: bytes, name: str):
    from .html import html_lines

    enc_match = re.search(rb"charset=[\"']?([-\w]+)", data[:4096], re.I)
    text, enc = None, ""
    if enc_match:
        declared = enc_match.group(1).decode("ascii", "ignore").lower()
        declared = "gb18030" if declared in ("gb2312", "gbk", "gb18030") else declared
        try:
            text, enc = data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text, enc = decode_text(data, name)
    check_markup(text, name)
    try:
        lines = html_lines(text, name)
    except RectdiffError:
        raise
    except Exception as exc:  # html.parser is lenient; this is a last resort
        raise ReadError(*say("read.html", name=name, exc=exc)) from None
    return lines, enc, None


def _read_docx(data: bytes, name: str):
    import zipfile

    from .docx import docx_lines

    try:
        check_zip_bytes(data, name, "word/document.xml")
        lines = docx_lines(io.BytesIO(data), name)
    except RectdiffError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        why = exc.__class__.__name__
        raise ReadError(*say("read.docx_unreadable", name=name, why=why)) from None
    except Exception as exc:  # python-docx raises assorted errors on corrupt parts
        if "Excessive depth" in str(exc):  # lxml's own limit: the file is sound, only too deep
            raise over(name, "nesting", _LXML_MAX_DEPTH + 1, _LXML_MAX_DEPTH) from None
        why = exc.__class__.__name__
        raise ReadError(*say("read.docx_corrupt", name=name, why=why)) from None
    return lines, "docx", None


#: the levels of markup lxml nests (XML_MAX_DEPTH without XML_PARSE_HUGE); Word nests a dozen
_LXML_MAX_DEPTH = 256


def _read_xlsx(data: bytes, name: str):
    from .sheet import xlsx_lines

    try:
        check_zip_bytes(data, name)
        lines = xlsx_lines(data, name)
    except RectdiffError:
        raise
    except Exception as exc:  # openpyxl raises assorted errors on corrupt parts
        why = exc.__class__.__name__
        raise ReadError(*say("read.xlsx_unreadable", name=name, why=why)) from None
    if not lines:
        raise ReadError(*say("read.xlsx_empty", name=name))
    return lines, "xlsx", None


def _read_csv(data: bytes, name: str):
    from .sheet import csv_lines

    text, enc = decode_text(data, name)
    return csv_lines(_without_terminal_codes(text), name), enc, None


def _read_pdf(data: bytes, name: str):
    from .pdf import pdf_lines

    lines = pdf_lines(io.BytesIO(data), name)
    return lines, "pdf", True


def _has_cjk(text: str) -> bool:
    # a comparison, not a class of 21,000 characters (~1 ms for re to compile): a Chinese paragraph
    # holds one within its first few characters
    return not text.isascii() and any(CJK_FIRST <= ch <= CJK_LAST for ch in text)
