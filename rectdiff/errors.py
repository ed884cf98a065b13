"""The exceptions rectdiff raises; each carries a one-line message in Chinese and in English and
an exit code.

``str(err)`` is the message in the language in use: Chinese unless ``RECTDIFF_LANG=en`` or the
CLI's ``--lang en`` (``set_language``) says English. A message is never more than one line: a file
name holding a new line is shown with the new line escaped.
"""

from __future__ import annotations

import os

_LANGUAGE: list[str] = []


def set_language(lang: str | None) -> None:
    """Use ``lang`` ("zh" or "en") for every message from now on; None: back to the default."""
    _LANGUAGE[:] = [lang] if lang in ("zh", "en") else []


def language() -> str:
    """The language of messages: set by ``set_language``, else ``RECTDIFF_LANG``, else Chinese."""
    if _LANGUAGE:
        return _LANGUAGE[0]
    return "en" if os.environ.get("RECTDIFF_LANG", "").lower().startswith("en") else "zh"


def one_line(text: str) -> str:
    """``text`` on one line: new lines and other line breaks shown escaped (a file may be named so)."""
    return "".join(repr(ch)[1:-1] if ch in "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029" else ch for ch in str(text))


class RectdiffError(Exception):
    """Base class: a failure the user can fix. ``RectdiffError(zh, en)``; ``str(err)`` is the
    one-line message in the language in use (a single text serves both languages)."""

    exit_code = 2

    def __init__(self, zh: str, en: str | None = None):
        super().__init__(zh, en)
        self.zh, self.en = one_line(zh), one_line(en if en is not None else zh)

    def text(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the language in use)."""
        return self.en if (lang or language()) == "en" else self.zh

    def __str__(self) -> str:
        return self.text()


class ReadError(RectdiffError):
    """The input file cannot be read as a report (missing, wrong format, no text)."""


class LimitError(ReadError):
    """The input is over one of the reading budgets (size once inflated, cells, paragraphs, time)."""


class ParseError(RectdiffError):
    """The text was read but holds no rectification report."""


class OutputError(RectdiffError):
    """An output file cannot be written."""


class UsageError(RectdiffError):
    """The call itself cannot be carried out (a series of one version, a batch of no files)."""
