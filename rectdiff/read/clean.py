"""Cleaning: from raw lines to report paragraphs.

Drops web-page chrome (keeping its metadata), page footers and mirror-site pinyin,
and joins paragraphs that a page or a PDF broke mid-sentence (``joins``), without gluing a
heading to the text after it.
"""

from __future__ import annotations

from dataclasses import field, replace

from ..frozen import frozen
from ..model import Table
from ..zh.compiled import regex
from ..zh.lexicon import (
    BREADCRUMB,
    CHROME_EXACT,
    CHROME_TRIM,
    CHROME_WORDS,
    CJK_FIRST,
    CJK_LAST,
    DATE_CUT_ENDS,
    DATE_CUT_HEAD,
    DATE_CUT_WHOLE,
    DATE_KEY,
    DATE_LINE,
    GREETING_KEY,
    HEADING_START,
    HOME_CRUMB,
    IDEOGRAPHIC_SPACE,
    META_KEY,
    META_KEY_TRIM,
    META_VALUE_TRIM,
    PAGE_FOOTER,
    PINYIN,
    PINYIN_TONES,
    RULE_CHARACTERS,
    TITLE_END,
    TITLE_KEYS,
)
from ..zh.normalize import norm
from .joins import Line, join_broken, join_wrapped, line_starts, looks_hard_wrapped
from .tables import split_ledger

_INDENT = regex(rf"^({IDEOGRAPHIC_SPACE}|\s{{2,}}|\t)")


@frozen
class Cleaned:
    """What cleaning keeps: paragraphs, the same paragraphs as printed, page metadata, notes."""

    paragraphs: list[str]
    originals: list[str]  # each paragraph with the characters cleaning removed (mirror-site pinyin)
    meta: dict
    notes: list[str]
    tables: list[Table]
    unread: list[str]  # tables read as text because no ledger header was found in them
    #: per paragraph: (index of the raw line, offset in the paragraph) of each line joined into it
    starts: list = field(default_factory=list)


def clean_lines(lines: list, hard_wrapped: bool | None = None) -> Cleaned:
    """Clean raw lines (and ``Table`` blocks among them) into paragraphs and tables: drop page
    chrome (keeping its metadata), footers and inserted pinyin, and join lines broken
    mid-paragraph; a table is never joined to the text around it."""
    notes: list[str] = []
    unread: list[str] = []
    meta: dict[str, str] = {}
    keep: list = []  # Line and Table, in order
    footers = chrome = 0
    pending_key = cut_key = None
    blank = False
    pinyin = False
    for at, raw in enumerate(lines):
        if isinstance(raw, Table):
            table = _clean_table(raw)
            found = split_ledger(table)
            if found is not None:
                before, ledger, after = found
                _title_above(keep, before, meta)
                keep += [Line(t, t, False, True, len(t)) for t in before]
                keep.append(ledger)
                keep += [Line(t, t, False, True, len(t)) for t in after]
            else:
                keep += _table_as_text(table, unread)
            blank = pending_key = None
            continue
        text = _without_pinyin(raw.rstrip())
        pinyin = pinyin or text != raw.rstrip()
        indented = bool(_INDENT.match(text))
        width = len(text.replace("\t", "    "))
        text = text.strip().strip(IDEOGRAPHIC_SPACE).strip()
        if not text:
            blank = True
            continue
        if cut_key and cut_date(meta[cut_key], text):
            meta[cut_key] += text  # 发布时间:2023-12- / 22: the page's date, cut by a line break
            cut_key = None
            chrome += 1
            continue
        cut_key = None
        if keep and isinstance(keep[-1], Line) and cut_date(keep[-1].text, text):
            # 2023年12月 / 22日: one date a line break cut, not a page number on a line of its own
            keep[-1] = replace(keep[-1], text=keep[-1].text + text, original=keep[-1].original + raw.strip())
            continue
        if PAGE_FOOTER.match(text):
            footers += 1
            continue
        if pending_key and len(text) <= 80 and not HEADING_START.match(text) and not TITLE_END.search(text):
            meta.setdefault(pending_key, text)
            pending_key = None
            chrome += 1
            continue
        pending_key = None
        is_chrome, key = _chrome(text, meta)
        if is_chrome:
            chrome += 1
            pending_key = key
            cut_key = _cut_meta_date(text, meta)
            continue
        keep.append(Line(text, raw.strip().strip(IDEOGRAPHIC_SPACE).strip(), indented, blank, width, at))
        blank = False
    notes += [f"removed {n} {what}" for n, what in ((footers, "page footer lines"), (chrome, "lines of page chrome"))
              if n]  # fmt: skip
    if pinyin:
        notes.insert(0, "removed pinyin inserted after characters")
    if hard_wrapped is None:
        hard_wrapped = looks_hard_wrapped([line.width for line in keep if isinstance(line, Line)])
    join = join_wrapped if hard_wrapped else join_broken
    paragraphs: list[str] = []
    originals: list[str] = []
    tables: list[Table] = []
    starts: list = []
    joins = 0
    for segment in _segments(keep):
        if isinstance(segment, Table):
            tables.append(replace(segment, position=len(paragraphs)))
            continue
        for group in join(segment):
            paragraphs.append("".join(line.text for line in group))
            originals.append("".join(line.original for line in group))
            starts.append(line_starts(group))
            joins += len(group) - 1
    if joins:
        notes.append(f"joined {joins} lines broken mid-paragraph")
    return Cleaned(paragraphs, originals, meta, notes, tables, unread, starts)


def _cut_meta_date(text: str, meta: dict) -> str | None:
    """The key of a metadata value on this chrome line that ends in a cut date (发布时间:2023-12-)."""
    keys = [m.group(1) for m in META_KEY.finditer(norm(text))]
    return next((k for k in reversed(keys) if _date_cut_head(norm(meta.get(k, "")))), None)


def _date_cut_head(n: str):
    """``DATE_CUT_HEAD`` in ``n``, searched only where ``n`` ends as a cut date can: the search tries
    every position, and it is asked of every paragraph kept (most end in 。)."""
    end = n.rstrip()[-1:]
    return DATE_CUT_HEAD.search(n) if end and end in DATE_CUT_ENDS else None


def cut_date(prev: str, text: str) -> bool:
    """Does ``text`` start with the rest of a date that ``prev`` ends with (2023-12- / 22)?"""
    n_prev = norm(prev)
    head = _date_cut_head(n_prev)
    if head is None:
        return False
    joined = head.group(1) + norm(text)[:12]
    whole = DATE_CUT_WHOLE.match(joined)
    return whole is not None and whole.end() > len(head.group(1))


def _segments(keep: list):
    """Runs of lines between tables, and the tables themselves."""
    run: list[Line] = []
    for part in keep:
        if isinstance(part, Table):
            if run:
                yield run
                run = []
            yield part
        else:
            run.append(part)
    if run:
        yield run


def _title_above(keep: list, before: list[str], meta: dict) -> None:
    """The one line a document holds above its first ledger's header (a merged title row,
    某某单位审计整改台账, or the line above a ledger pasted into a text) is its title, told by its
    place: such a title need not end as a report's does (台账, 清单, 一览表). A line with a
    sentence's 。 or a label's colon (填报单位:…) is none, nor one of fewer than four Chinese
    characters (表1, 附件1) or in brackets ((2024年第二季度)); a page that names its title keeps it."""
    if len(keep) + len(before) != 1 or any(isinstance(k, Table) for k in keep) or any(meta.get(k) for k in TITLE_KEYS):
        return
    text = keep[0].text if keep else before[0]
    n = norm(text).strip()
    han = sum(1 for ch in n if CJK_FIRST <= ch <= CJK_LAST)
    if len(n) <= 100 and han >= 4 and "。" not in n and ":" not in n and n[:1] not in "([【〔":
        meta[TITLE_KEYS[-1]] = text.strip()


def _table_as_text(table: Table, unread: list[str]) -> list[Line]:
    """A table that is no ledger: one paragraph per row (a merged cell once), and a note when it
    looks like a list of things (three rows or more, two columns or more)."""
    lines = []
    for row in table.rows:
        cells = [c for i, c in enumerate(row) if c and (i == 0 or c != row[i - 1])]
        if cells:
            text = " ".join(cells).replace("\n", " ")
            lines.append(Line(text, text, False, True, len(text)))
    if len(table.rows) >= 3 and max(len(r) for r in table.rows) >= 2:
        head = " | ".join(c for c in table.rows[0] if c)[:60]
        unread.append(f"{table.name + ': ' if table.name else ''}{len(table.rows)} rows, header “{head}”")
    return lines


def _without_pinyin(text: str) -> str:
    # pinyin is a bracket holding a toned vowel: a line without both (nearly every line) keeps its text,
    # and PINYIN (a class of 21,000 characters, ~1 ms to compile) is compiled only for a text that has it
    return PINYIN.sub("", text) if "(" in text and any(tone in text for tone in PINYIN_TONES) else text


def _clean_table(table: Table) -> Table:
    """Cells without inserted pinyin and stray whitespace."""
    rows = tuple(tuple(_without_pinyin(cell).strip() for cell in row) for row in table.rows)
    return replace(table, rows=rows)


def _chrome(text: str, meta: dict) -> tuple[bool, str | None]:
    """Is ``text`` page chrome? Records any metadata it carries into ``meta``."""
    n = norm(text)
    # a metadata line is short: a paragraph of the body is never searched for keys
    found = list(META_KEY.finditer(n)) if len(n) <= 160 else []
    if found and found[0].start() <= 2:
        for i, m in enumerate(found):
            end = found[i + 1].start() if i + 1 < len(found) else len(n)
            value = text[m.end() : end].strip(META_VALUE_TRIM)
            if value:
                meta.setdefault(m.group(1), value)
        last = found[-1]
        dangling = not text[last.end() :].strip(META_KEY_TRIM)
        return True, last.group(1) if dangling and last.group(1) != GREETING_KEY else None
    bare = n.strip(CHROME_TRIM)
    # a rule (————): nothing is left once its characters are stripped (no set of every paragraph built)
    if not bare or bare in CHROME_EXACT or not bare.strip(RULE_CHARACTERS):
        return True, None
    if len(n) <= 45 and CHROME_WORDS.search(n):
        return True, None
    if len(n) <= 60 and BREADCRUMB.search(n) and (HOME_CRUMB in n or n.count(">") >= 2):
        return True, None
    if DATE_LINE.match(n) and "-" in n:
        meta.setdefault(DATE_KEY, text.strip())
        return True, None
    return False, None
