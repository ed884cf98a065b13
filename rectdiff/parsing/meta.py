"""A report's frame and metadata: where the sign-off starts (and anything after it), the title
and a repeated title or news lead, the issuer, the dates, the inspection round."""

from __future__ import annotations

from ..zh import lexicon as lx
from ..zh.normalize import norm


def split_tail(paras: list[str], tables_at: tuple[int, ...] = ()) -> tuple[list[str], list[str], int, int | None]:
    """Separate the sign-off from the last item: ``(body, tail, extra, attached)``.

    The tail starts at the closing lines (欢迎…监督, 特此公示, 联系电话, 附件 …), the signing body
    and the date; ``extra`` counts the paragraphs after the sign-off's date, which belong to
    another article (a page that appends one), not to the report — unless they are the report's
    attachment (``attachment``): then ``attached`` is the index where it begins (its items are
    the report's), ``tail`` the sign-off alone and ``extra`` 0. ``tables_at``: the positions of
    the document's tables (a ledger after the sign-off is the report's attachment too).
    """
    dated = _sign_off_date(paras)
    end = dated + 1 if dated is not None else len(paras)
    cut = end
    while cut > 0:
        n = norm(paras[cut - 1]).strip()
        if lx.CLOSING.match(n) or _date_line(n) or (len(n) <= 30 and lx.ISSUER.search(n)):
            cut -= 1
            continue
        break
    closing = _first_closing(paras[:cut], limit=len(paras[cut:end]) + 12)
    cut = min(cut, closing) if closing is not None else cut
    attached = attachment(paras, end, tables_at) if dated is not None else None
    if attached is not None:
        return paras[:cut], paras[cut:attached], 0, attached
    return paras[:cut], paras[cut:], len(paras) - end, None


def attachment(paras: list[str], start: int, tables_at: tuple[int, ...] = ()) -> int | None:
    """``start`` when the paragraphs from it on are the report's attachment: they open with a 附件
    line and hold an item's text (a sentence, a field line) or a table; or a table stands there
    after at most a few short title lines. ``None`` when they are something else (or nothing)."""
    rest = [norm(p).strip() for p in paras[start:]]
    tabled = [p for p in tables_at if p >= start]
    if rest and lx.ATTACHMENT.match(rest[0]):
        if tabled or any(_holds_text(n) for n in rest[1:]):
            return start
        return None
    if tabled and all(len(n) <= lx.CLOSING_TAIL_MAX and not _holds_text(n) for n in rest[: min(tabled) - start]):
        return start
    return None


def _holds_text(n: str) -> bool:
    """Does a line hold an item's text (a sentence, a clause, a field line), not a title's?"""
    return len(n) > lx.CLOSING_TAIL_MAX or any(mark in n for mark in lx.CONTENT_MARKS) or bool(lx.FIELD_LINE.match(n))


def _sign_off_date(paras: list[str]) -> int | None:
    """The date line under the signing body (2022年8月4日 after 中共…委员会), if any: in the second
    half of the text, or earlier when an attachment opens right after it (附件 with its items)."""
    half = len(paras) // 2
    for i in range(len(paras)):
        n = norm(paras[i]).strip()
        if not _date_line(n):
            continue
        if i < half and not (i + 1 < len(paras) and lx.ATTACHMENT.match(norm(paras[i + 1]).strip())):
            continue
        before = [norm(p).strip() for p in paras[max(0, i - 3) : i]]
        if any((len(b) <= 30 and lx.ISSUER.search(b)) or lx.CLOSING.match(b) for b in before):
            return i
    return None


def _date_line(n: str):
    """A line that is only a date: 2023年12月25日 or 2023-12-25."""
    return lx.DATE_CN.fullmatch(n) or lx.DATE_ISO.fullmatch(n)


def _first_closing(paras: list[str], limit: int) -> int | None:
    """The first closing line (特此公示, 附件) among the last paragraphs after which all is short."""
    start = max(1, len(paras) - limit)  # 附件 opening the text (a 督察 attachment) is its title, no sign-off
    for i in range(start, len(paras)):
        if lx.CLOSING.match(norm(paras[i]).strip()) and all(len(p) <= lx.CLOSING_TAIL_MAX for p in paras[i + 1 :]):
            return i
    return None


def find_title(preamble: list[str], meta_pairs: dict) -> tuple[str, list[str]]:
    """The report's title, and the preamble without it, its repeats, or a news lead that only
    repeats the start of the next paragraph (环保督察:66项…1月16日,记者从…)."""
    title = next((meta_pairs[k] for k in lx.TITLE_KEYS if meta_pairs.get(k)), "")
    rest = []
    for i, para in enumerate(preamble):
        n = norm(para).strip()
        if not title and len(n) <= 100 and "。" not in n and lx.TITLE.search(n):
            title = para.strip()
            continue
        if title and n == norm(title).strip():
            continue
        following = norm(preamble[i + 1]).strip() if i + 1 < len(preamble) else ""
        lead = n[len(norm(title).strip()) :] if title and n.startswith(norm(title).strip()) else n
        if following and len(lead) >= 20 and following.startswith(lead.rstrip(".…")):
            continue  # a lead that the next paragraph says in full
        rest.append(para)
    if not title and len(rest) >= 2 and _headline(rest[0], rest[1]):
        # a news page's headline (环保督察:66项整改任务已整改完成27项) ends like no title does
        return find_title(rest, {lx.HEADLINE_KEY: rest[0].strip()})
    return title, rest


def _headline(first: str, second: str) -> bool:
    n = norm(first).strip()
    return len(n) <= 60 and not n.endswith(("。", ";", ",")) and len(norm(second)) > len(n)


def _iso(m) -> str:
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"


def publish_date(meta: dict) -> str:
    """The publish date from the page's metadata lines, as YYYY-MM-DD ('' if none)."""
    for key in lx.PUBLISH_DATE_KEYS:
        value = norm(meta.get(key, ""))
        m = lx.DATE_ISO.search(value) or lx.DATE_CN.search(value)
        if m:
            return _iso(m)
    return ""


def signing_date(tail: list[str], meta: dict) -> str:
    """The date under the sign-off, else the page's 成文日期 ('' if none)."""
    for para in tail:
        m = _date_line(norm(para).strip())
        if m:
            return _iso(m)
    m = lx.DATE_ISO.search(norm(meta.get(lx.SIGNING_DATE_KEY, "")))
    return _iso(m) if m else ""


def report_date(intro: list[str], body: list[str], tail: list[str], title: str, meta: dict) -> str:
    """The date the report speaks of, from its own text: the 截至 date of its opening, else the
    sign-off's date, else a date in the title, else the latest 截至 date of its items, else the
    page's 成文日期 — never the page's 发布时间, which a republished page moves ('' if none)."""
    first = next((m for p in intro for m in [lx.AS_OF.search(norm(p))] if m), None)
    if first:
        return _as_of(first)
    signed = signing_date(tail, {})
    if signed:
        return signed
    m = lx.TITLE_DATE.search(norm(title))
    if m:
        return _as_of(m)
    stated = [_as_of(m) for p in body for m in lx.AS_OF.finditer(norm(p))]
    return max(stated) if stated else signing_date([], meta)


def _as_of(m) -> str:
    """YYYY-MM-DD of a match whose groups that matched are year, month?, day?; a month or a year
    alone stands at its end."""
    parts = [int(g) for g in m.groups() if g]
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    if not 1 <= month <= 12:
        return ""
    import calendar  # a month or a year alone is rare: most runs never load it

    day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= day <= 31 else ""


def find_issuer(tail: list[str], title: str, meta: dict) -> str:
    """The signing body: from the sign-off, else from the title (中共…委员会关于…), else from the
    page's 发布机构 — never the site the page came from (来源: 环保设备网)."""
    for para in tail:
        n = norm(para).strip()
        if len(n) <= 30 and lx.ISSUER.search(n) and not lx.CLOSING.match(n):
            return para.strip()
    m = lx.TITLE_ISSUER.match(norm(title).strip())
    if m:
        return title.strip()[: m.end(1)]
    named = next((meta[key].strip() for key in lx.ISSUER_KEYS if meta.get(key)), "")
    site = source_site(meta)
    # 来源:罗湖区审计局 names a body and may stand for the issuer; 来源:环保设备网 names a site
    return named or (site if lx.ISSUER.search(norm(site)) else "")


def source_site(meta: dict) -> str:
    """The site a page names as its source (来源), kept apart from the issuer."""
    return next((meta[key].strip() for key in lx.SOURCE_SITE_KEYS if meta.get(key)), "")


def find_round(title: str, preamble: list[str]) -> str:
    """The inspection round (十一届市委第九轮巡视) named in the title or the opening lines."""
    for text in [title] + preamble[:3]:
        m = lx.ROUND.search(norm(text))
        if m:
            return text[m.start() : m.end()]
    return ""
