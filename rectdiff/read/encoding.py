"""Text encoding of a plain-text report (or a CSV): told from the bytes, never assumed.

UTF-8 with or without BOM, UTF-16 and UTF-32 with or without BOM, GB18030 (GBK, GB2312) when it
decodes to Chinese text, and Big5 by detection.
"""

from __future__ import annotations

from functools import lru_cache

from ..catalogue import say
from ..errors import ReadError
from ..zh.lexicon import CJK_FIRST, CJK_LAST
from ..zh.lexicon.lazy import pattern


def decode_text(data: bytes, name: str = "") -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 or UTF-32 (with or without BOM),
    GB18030 (when it reads as Chinese text), or, detected, Big5."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                     (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):  # fmt: skip
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    sample = data[:8192]
    nul = sample.count(0)
    # UTF-8 text holds no NUL, but a stray one (a damaged file) does not make Chinese UTF-8 text
    # UTF-16, whose ASCII characters each hold one
    utf8 = _utf8(data)  # the text, or None when the bytes are no UTF-8
    wide = _wide_text(data, 0.2) if nul and not (utf8 is not None and nul <= len(sample) // 100) else None
    if wide:
        return wide
    if nul and (nul > len(sample) // 100 or utf8 is None):
        raise ReadError(*say("read.binary", name=name))
    if utf8 is not None:
        return utf8, "utf-8"
    told = _tell_chinese(data, name)
    if told:
        return told
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_8"]).best()
    if best is None:
        raise ReadError(*say("read.encoding", name=name))
    enc = "gb18030" if best.encoding in ("gb2312", "gbk", "gb18030") else best.encoding
    return data.decode(enc, errors="replace"), enc


def _tell_chinese(data: bytes, name: str) -> tuple[str, str] | None:
    """The reading of bytes that are no UTF-8 as Chinese text: GB18030 (when it reads as Chinese,
    not as the symbols Big5 turns into), Big5, or UTF-16/32 without a BOM (Chinese with no ASCII
    at all has no NUL, and its bytes are not mostly ASCII: two letters of ASCII read as one UTF-16
    unit are a Chinese character, 'fi' is 楦). Where more than one decodes without an error, the
    one with clearly fewer unusual characters (``_unusual``) wins: Big5 臺賬 reads as GB18030 籓姐,
    a rare character and a common one. Where none does (Big5 區域 reads as GB18030 跋办, both
    common), the encoding cannot be told: refused, never guessed. None when no reading is
    Chinese text (then detection guesses)."""
    readings = [(text, enc) for text, enc in ((_gb18030(data), "gb18030"), (_strict(data, "big5"), "big5")) if text]
    sample = data[:8192]
    if sum(b < 0x80 for b in sample) < 0.8 * len(sample):
        readings += [wide] if (wide := _wide_text(data, 0.5)) else []
    if len(readings) < 2:
        return readings[0] if readings else None
    scored = sorted((_unusual(text, enc), n, text, enc) for n, (text, enc) in enumerate(readings))
    (best, _n, text, enc), (second, _m, _t, other) = scored[:2]
    if second < 2 * best + 1:
        raise ReadError(*say("read.encoding_unsure", name=name, first=_label(enc), second=_label(other)))
    return text, enc


def _label(enc: str) -> str:
    return {"gb18030": "GB18030", "big5": "Big5"}.get(enc, enc.upper())


def _strict(data: bytes, enc: str) -> str | None:
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        return None


#: the characters of a text compared (its first ones beyond ASCII)
_SAMPLE = 6000


def _unusual(text: str, enc: str) -> int:
    """How many of the first non-ASCII characters of ``text`` read as ``enc`` are unusual
    (``_usual``). A wrong reading of Chinese bytes lands on rare characters, kana or bopomofo."""
    wide = [ch for ch in text[: 3 * _SAMPLE] if ch > "\x7f"][:_SAMPLE]
    return sum(1 for ch in wide if not _usual(ch, enc))


@lru_cache(maxsize=8192)
def _usual(ch: str, enc: str) -> bool:
    """Whether ``ch`` is a common character or sign of text in ``enc``: GB18030 text keeps to
    GB2312 (its punctuation rows and its characters, not the kana, Greek, Cyrillic, pinyin and box
    drawing rows between them), Big5 text to its punctuation and first level (the 5,401 common
    characters), text in UTF-16/32 to either."""
    if enc != "big5":
        try:
            lead = ch.encode("gb2312")[0]
            if 0xA1 <= lead <= 0xA3 or 0xB0 <= lead <= 0xF7:
                return True
        except UnicodeEncodeError:
            pass
    if enc != "gb18030":
        try:
            code = ch.encode("big5")
            return b"\xa1\x40" <= code < b"\xa3\x74" or b"\xa4\x40" <= code <= b"\xc6\x7e"
        except UnicodeEncodeError:
            pass
    return False


def _utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


#: what GB18030 decodes Big5 text to, and never a Chinese report: kana, Greek, Cyrillic, box
#: drawing, bopomofo, pinyin letters and the private use area (the code points of GB2312's
#: symbol rows and user area, where Big5 keeps its most used characters); compiled on first use (a
#: UTF-8 report never needs it)
_NOT_GB_TEXT = pattern("[\u0100-\u024f\u0370-\u04ff\u2500-\u257f\u3040-\u30ff\u3100-\u312f\ue000-\uf8ff]")


def _gb18030(data: bytes) -> str | None:
    """The text, when ``data`` is GB18030 (GBK, GB2312): it decodes without an error and what it
    decodes to is Chinese text, not the symbols Big5 turns into. Checked before any guessing, which
    took a short report in GB18030 for Big5 (or could not tell), and ASCII in GBK for UTF-16."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    wide = sum(1 for ch in text if ch > "\x7f")
    return text if wide and len(_NOT_GB_TEXT.findall(text)) <= 0.02 * wide else None


def _wide_text(data: bytes, share: float) -> tuple[str, str] | None:
    """UTF-32 or UTF-16 without a BOM, told by what it decodes to: at least ``share`` Chinese,
    no control characters."""
    for enc, unit in (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2)):
        if len(data) % unit:
            continue
        try:
            sample = data[: 8192 - 8192 % unit].decode(enc)
        except UnicodeDecodeError:
            continue
        cjk = sum(1 for ch in sample if CJK_FIRST <= ch <= CJK_LAST)
        bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t")
        if sample and not bad and cjk >= share * len(sample):
            return data.decode(enc, errors="replace"), enc
    return None
