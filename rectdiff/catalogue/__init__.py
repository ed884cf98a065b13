"""Every string the user reads, in one place: key -> (Chinese template, English template).

The workbooks' words (sheet names, headers, codes: ``words``), the findings of the checks and the
doubts, and the messages of the errors live here, importable from every layer. Code asks for a
message by key with its parameters (``say``) and gets both languages at once, so that the JSON
can carry ``message`` and ``message_en`` and an error can print in the language in use.

A parameter that is itself ``Said`` (a status name, a joined list) gives each language its own
words: ``say("check.sum_ok", parts=join("parts", ...))``.
"""

from __future__ import annotations

import stat
from typing import NamedTuple

from .checks import CHECKS, DOUBT_KINDS, DOUBTS
from .errors import ERRORS
from .places import PLACE_ENGLISH, PLACES, SIDES, place_text
from .words import CODES, READING_NOTES, SOURCES, STATUS_NAMES, WORDS

__all__ = ["CODES", "DOUBT_KINDS", "MESSAGES", "PLACE_ENGLISH", "READING_NOTES", "SIDES", "SOURCES", "STATUS_NAMES",
           "WORDS", "Said", "file_kind", "join", "place_text", "say", "status_name"]  # fmt: skip

#: key -> (Chinese template, English template): every message of this package's modules
MESSAGES: dict[str, tuple[str, str]] = {**CHECKS, **DOUBTS, **PLACES, **ERRORS}


class Said(NamedTuple):
    """A message in both languages (a plain tuple where (zh, en) is expected)."""

    zh: str
    en: str

    def text(self, lang: str = "zh") -> str:
        """The message in ``lang``."""
        return self.en if lang == "en" else self.zh


def _side(params: dict, side: int) -> dict:
    return {k: v[side] if isinstance(v, Said) else v for k, v in params.items()}


def say(key: str, **params) -> Said:
    """The message ``key`` with ``params`` filled in, in Chinese and in English."""
    zh, en = MESSAGES.get(key) or WORDS.get(key) or CODES[key]
    return Said(zh.format(**_side(params, 0)), en.format(**_side(params, 1)))


def join(separator: str, parts) -> Said:
    """``parts`` (each ``Said``) joined by the separator ``separator`` names, each language its own."""
    parts = list(parts)
    zh, en = MESSAGES[separator]
    return Said(zh.join(p.zh for p in parts), en.join(p.en for p in parts))


def status_name(status: str) -> Said:
    """A status as the user reads it (已完成 / completed); an unknown code as it is."""
    return Said(*STATUS_NAMES.get(status, (status, status)))


def file_kind(mode: int) -> Said:
    """What a file that is no regular file is (its ``os.stat`` mode): a FIFO, a socket, a device."""
    if stat.S_ISFIFO(mode):
        return say("file.fifo")
    if stat.S_ISSOCK(mode):
        return say("file.socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return say("file.device")
    return say("file.special")
