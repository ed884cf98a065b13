"""The words of the catalogue (``rectdiff.catalogue``) as a renderer asks for them: a header, a
code, a status source or a reading note in Chinese (the default) or English (``--lang en``)."""

from __future__ import annotations

from ..catalogue.words import CODES, READING_NOTES, SOURCES, WORDS


def reading_note(note: str, lang: str = "zh") -> str:
    """A reading note in ``lang`` (a note without a translation stays as recorded)."""
    if lang == "en":
        return note
    for pattern, words in READING_NOTES:
        m = pattern.match(note)
        if m:
            return words.format(*m.groups())
    return note


def tr(key: str, lang: str = "zh") -> str:
    """A header, sheet name or fixed phrase."""
    zh, en = WORDS.get(key) or CODES.get(key) or (key, key.replace("_", " "))
    return en if lang == "en" else zh


def code(value, lang: str = "zh"):
    """A canonical code (status, change, kind, severity …) as the user reads it."""
    if isinstance(value, (str, bool)) and value in CODES:
        zh, en = CODES[value]
        return en if lang == "en" else zh
    return value


def source_name(source: str, lang: str = "zh") -> str:
    """A status source (label, item, summary, section, stated_total, unknown) as the user reads it."""
    zh, en = SOURCES.get(source, (source, source))
    return en if lang == "en" else zh
