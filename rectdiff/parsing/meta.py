"""A report's metadata: title, issuer, publish and signing dates, inspection round."""

from __future__ import annotations

from ..zh.lexicon import CLOSING, DATE_CN, DATE_ISO, ISSUER, ISSUER_KEYS, PUBLISH_DATE_KEYS, ROUND, TITLE, TITLE_KEYS
from ..zh.normalize import norm


def split_tail(paras: list[str]) -> tuple[list[str], list[str]]:
    """Separate the closing (欢迎…监督, signature, date) from the last item."""
    cut = len(paras)
    while cut > 0:
        n = norm(paras[cut - 1])
        if CLOSING.match(n) or DATE_CN.fullmatch(n.strip()) or (len(n) <= 30 and ISSUER.search(n)):
            cut -= 1
            continue
        break
    return paras[:cut], paras[cut:]


def find_title(preamble: list[str], meta_pairs: dict) -> tuple[str, list[str]]:
    """The report's title and the preamble without it (a repeated title line is dropped)."""
    title = next((meta_pairs[k] for k in TITLE_KEYS if meta_pairs.get(k)), "")
    rest = []
    for para in preamble:
        n = norm(para)
        if not title and len(n) <= 100 and "。" not in n and TITLE.search(n.strip()):
            title = para.strip()
        elif title and n.strip() == norm(title).strip():
            continue
        else:
            rest.append(para)
    return title, rest


def _iso(m) -> str:
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"


def publish_date(meta: dict) -> str:
    """The publish date from the page's metadata lines, as YYYY-MM-DD ('' if none)."""
    for key in PUBLISH_DATE_KEYS:
        value = norm(meta.get(key, ""))
        m = DATE_ISO.search(value) or DATE_CN.search(value)
        if m:
            return _iso(m)
    return ""


def signing_date(tail: list[str], meta: dict) -> str:
    """The date under the sign-off, else the page's 成文日期 ('' if none)."""
    for para in reversed(tail):
        m = DATE_CN.fullmatch(norm(para).strip())
        if m:
            return _iso(m)
    m = DATE_ISO.search(norm(meta.get("成文日期", "")))
    return _iso(m) if m else ""


def find_issuer(tail: list[str], meta: dict) -> str:
    """The signing body from the sign-off, else from the page's metadata."""
    for para in tail:
        n = norm(para).strip()
        if len(n) <= 30 and ISSUER.search(n) and not CLOSING.match(n):
            return para.strip()
    for key in ISSUER_KEYS:
        if meta.get(key):
            return meta[key].strip()
    return ""


def find_round(title: str, preamble: list[str]) -> str:
    """The inspection round (十一届市委第九轮巡视) named in the title or the opening lines."""
    for text in [title] + preamble[:3]:
        m = ROUND.search(norm(text))
        if m:
            return text[m.start() : m.end()]
    return ""
