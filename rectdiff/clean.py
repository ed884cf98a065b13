"""Cleaning: from raw lines to report paragraphs.

Drops web-page chrome (keeping its metadata), page footers and mirror-site pinyin,
and joins paragraphs that a page or a PDF broke mid-sentence, without gluing a
heading to the text after it.
"""
from __future__ import annotations

import re
from collections import Counter

from .normalize import norm

_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")
_FOOTER = re.compile(r"^\s*(?:[-—–－―~]+\s*\d{1,4}\s*[-—–－―~]+|第\s*\d+\s*页(?:\s*[,,/]?\s*共\s*\d+\s*页)?|\d{1,4}\s*/\s*\d{1,4}|-?\s*\d{1,3}\s*-?)\s*$")
META_KEYS = (
    "信息索引号", "索引号", "文件名称", "标题", "发布机构", "发文机关", "成文日期", "发布日期", "发布时间",
    "公开方式", "公开时间", "信息来源", "来源", "信息提供日期", "日期", "时间", "访问次数", "访问量",
    "浏览次数", "浏览量", "阅读数", "阅读量", "热度", "文章关键字", "关键字", "关键词", "主题分类",
    "字号", "色调调节", "分享到", "分享", "温馨提示", "作者", "编辑", "责编", "责任编辑", "主办单位",
    "承办单位", "联系电话", "网站标识码", "今天是",
)
_META_RE = re.compile(r"(?:^|[\s•·])(" + "|".join(sorted(META_KEYS, key=len, reverse=True)) + r")\s*[::]")
_CHROME_WORDS = re.compile(
    "打印本页|关闭窗口|访问次数|浏览次数|文章关键字|今天是|扫一扫|分享到|版权所有|ICP备|当前位置|所在位置|"
    "无障碍|关怀版|朗读|上一篇|下一篇|字号|收藏|网站地图|主办单位|技术支持|网站标识码|公网安备|欢迎您|"
    "跳至内容|责编|温馨提示|相关链接|相关阅读|来源于网络|举报电话|维基文库|本作品收录于|打开微信|登录")
_CHROME_EXACT = {"首页", "打印", "关闭", "分享", "收藏", "朗读", "返回", "顶部", "返回顶部", "【打印】", "【关闭】"}
_BREADCRUMB = re.compile(r"(>|->|»|＞).*\S")
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,3}[.、．](?!\d)|[①-⑳]|针对|●)")
_DATE_LINE = re.compile(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$|^\s*\d{4}-\d{1,2}-\d{1,2}(?:\s+[\d:]+)?\s*$")
_TERMINAL = "。;;!!??::”’)）》】"
_TITLE_END = re.compile(r"(报告|通报|情况|公示|公告|函|决定|方案|意见)[)）]?$")
#: a report's title line ends like this
TITLE = re.compile(r"(报告|通报|情况|公示|公告|的函|决定)[)）]?$")
#: a signing body (中共××区委员会, ××审计局 …) closing a report
ISSUER = re.compile(r"(委员会|党组|党委|人民政府|政府|办公室|领导小组|审计局|审计厅|公司|[局厅委院部会])$")
DATE_CN = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def clean_lines(lines: list[str], hard_wrapped: bool | None = None):
    """Clean raw lines into paragraphs.

    Returns ``(paragraphs, meta_pairs, notes)``: the report's paragraphs, the key/value
    metadata the page chrome carried (来源, 发布时间 …), and notes on what was changed.
    """
    notes: list[str] = []
    rows = [_PINYIN.sub("", ln.rstrip()) for ln in lines]
    if any(_PINYIN.search(ln) for ln in lines):
        notes.append("removed pinyin inserted after characters")
    indented = [bool(re.match(r"^(\u3000|\s{2,}|\t)", r)) for r in rows]
    widths = [len(r.replace("\t", "    ")) for r in rows]
    rows = [r.strip().strip("\u3000").strip() for r in rows]
    meta: dict[str, str] = {}
    keep: list[tuple[str, bool, bool, int]] = []  # text, indented, blank-before, printed width
    footers = chrome = 0
    pending_key = None
    blank = False
    for text, ind, width in zip(rows, indented, widths):
        if not text:
            blank = True
            continue
        if _FOOTER.match(text):
            footers += 1
            continue
        if pending_key and len(text) <= 80 and not _HEADING.match(text) and not _TITLE_END.search(text):
            meta.setdefault(pending_key, text)
            pending_key = None
            chrome += 1
            continue
        pending_key = None
        is_chrome, key = _chrome(text, meta)
        if is_chrome:
            chrome += 1
            pending_key = key
            continue
        keep.append((text, ind, blank, width))
        blank = False
    if footers:
        notes.append(f"removed {footers} page footer lines")
    if chrome:
        notes.append(f"removed {chrome} lines of page chrome")
    if hard_wrapped is None:
        hard_wrapped = _looks_hard_wrapped([w for _t, _i, _b, w in keep])
    paragraphs, joins = (_join_wrapped if hard_wrapped else _join_broken)(keep)
    if joins:
        notes.append(f"joined {joins} lines broken mid-paragraph")
    return paragraphs, meta, notes


def _chrome(text: str, meta: dict) -> tuple[bool, str | None]:
    """Is ``text`` page chrome? Records any metadata it carries into ``meta``."""
    n = norm(text)
    found = list(_META_RE.finditer(n))
    if found and found[0].start() <= 2 and len(n) <= 160:
        for i, m in enumerate(found):
            end = found[i + 1].start() if i + 1 < len(found) else len(n)
            value = text[m.end():end].strip(" \u3000:：•")
            if value:
                meta.setdefault(m.group(1), value)
        last = found[-1]
        dangling = not text[last.end():].strip(" \u3000:：")
        return True, last.group(1) if dangling and last.group(1) != "今天是" else None
    bare = n.strip(" •·-—*|")
    if not bare or bare in _CHROME_EXACT or set(bare) <= set("-—=_*•·|"):
        return True, None
    if len(n) <= 45 and _CHROME_WORDS.search(n):
        return True, None
    if len(n) <= 60 and _BREADCRUMB.search(n) and ("首页" in n or n.count(">") >= 2):
        return True, None
    if _DATE_LINE.match(n) and "-" in n:
        meta.setdefault("日期", text.strip())
        return True, None
    return False, None


def _looks_hard_wrapped(widths: list[int]) -> bool:
    long = [w for w in widths if w >= 12]
    if len(long) < 4:
        return False
    width, count = Counter(long).most_common(1)[0]
    near = sum(1 for n in long if width - 1 <= n <= width)
    return width >= 15 and near >= 0.5 * len(long) and count >= 4


def is_heading_only(text: str) -> bool:
    """A short line that is only a heading (no sentence after it)."""
    n = re.sub(r"“[^”]*”", "", norm(text))
    return bool(_HEADING.match(n)) and len(text) <= 60 and not re.search(r"[,;。]", n)


def _unbalanced(text: str) -> bool:
    return text.count("“") > text.count("”") or text.count("(") + text.count("（") > text.count(")") + text.count("）")


def _join_broken(rows):
    """Join lines a page broke mid-sentence (web text: one line per paragraph)."""
    out: list[str] = []
    joins = 0
    for text, _ind, _blank, _width in rows:
        if out and _continues(out[-1], text):
            out[-1] += text
            joins += 1
        else:
            out.append(text)
    return out, joins


def _continues(prev: str, text: str) -> bool:
    n_prev, n_text = norm(prev), norm(text)
    if n_prev.endswith(tuple(_TERMINAL)) and not _unbalanced(n_prev):
        return False
    if _HEADING.match(n_text) or _DATE_LINE.match(n_text) or _DATE_LINE.match(n_prev):
        return False
    if n_text[:1] in ",、;。:)":
        return True
    if _unbalanced(n_prev):
        return True
    if is_heading_only(prev) or _TITLE_END.search(n_prev) or len(n_prev) < 20:
        return False
    return re.search(r"[\u4e00-\u9fff]$", n_prev) is not None


def _join_wrapped(rows):
    """Join hard-wrapped lines (PDF text, fixed-width .txt) into paragraphs."""
    long = [w for _t, _i, _b, w in rows if w >= 12]
    full_width = Counter(long).most_common(1)[0][0] if long else 0
    out: list[str] = []
    joins = 0
    prev_full = False
    for text, ind, blank, width in rows:
        n = norm(text)
        starts = ind or blank or not out or not prev_full or (
            _HEADING.match(n) and norm(out[-1]).endswith(tuple(_TERMINAL)))
        if starts:
            out.append(text)
        else:
            out[-1] += text
            joins += 1
        prev_full = width >= full_width - 1 and not is_heading_only(text)
    return out, joins
