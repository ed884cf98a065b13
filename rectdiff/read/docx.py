"""DOCX to lines: paragraphs and table rows in document order, with Word's automatic
numbering rebuilt from the numbering definitions (python-docx's ``paragraph.text``
leaves it out, and reports number their items that way)."""

from __future__ import annotations

from docx.oxml.ns import qn

from ..model import Table
from ..zh.lexicon import CIRCLED_NUMBERS
from ..zh.numerals import to_chinese
from .limits import MAX_CELLS, MAX_COLUMNS, over


def _format(n: int, fmt: str) -> str:
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "ideographTraditional",
        "japaneseCounting",
        "chineseLegalSimplified",
        "taiwaneseCounting",
    ):
        return to_chinese(n)
    if fmt.startswith("decimalEnclosedCircle") and 1 <= n <= len(CIRCLED_NUMBERS):
        return CIRCLED_NUMBERS[n - 1]
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    return str(n)


class _Numbering:
    """Counters for Word list numbering, following numId -> abstractNum -> lvl."""

    def __init__(self, document):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.num_to_abs: dict[str, str] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for absn in root.findall(qn("w:abstractNum")):
            lv = {}
            for lvl in absn.findall(qn("w:lvl")):
                fmt = _val(lvl.find(qn("w:numFmt")), "decimal")
                text = _val(lvl.find(qn("w:lvlText")), "")
                start = int(_val(lvl.find(qn("w:start")), "1"))
                lv[int(lvl.get(qn("w:ilvl")))] = (fmt, text, start)
            self.levels[absn.get(qn("w:abstractNumId"))] = lv
        for num in root.findall(qn("w:num")):
            self.num_to_abs[num.get(qn("w:numId"))] = _val(num.find(qn("w:abstractNumId")), "")

    def label(self, num_id: str, ilvl: int) -> str:
        abs_id = self.num_to_abs.get(num_id)
        levels = self.levels.get(abs_id or "", {})
        if ilvl not in levels:
            return ""
        counts = self.counters.setdefault(abs_id, [0] * 9)
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        fmt, text, _start = levels[ilvl]
        if fmt == "bullet":
            return text.strip()
        for lvl in range(ilvl + 1):
            lfmt, _t, lstart = levels.get(lvl, ("decimal", "", 1))
            value = max(counts[lvl], 1) + lstart - 1
            text = text.replace(f"%{lvl + 1}", _format(value, lfmt))
        return text


def _val(el, default: str) -> str:
    return el.get(qn("w:val")) if el is not None and el.get(qn("w:val")) is not None else default


def _num_pr(paragraph):
    """(numId, ilvl) from the paragraph, else from its style chain."""
    p_pr = paragraph._p.pPr
    if p_pr is not None and p_pr.numPr is not None and p_pr.numPr.numId is not None:
        ilvl = p_pr.numPr.ilvl.val if p_pr.numPr.ilvl is not None else 0
        return str(p_pr.numPr.numId.val), int(ilvl)
    style, seen = paragraph.style, set()
    # styles based on each other looped; an element kept in ``seen`` keeps its one proxy object
    while style is not None and style.element not in seen:
        seen.add(style.element)
        s_pr = style.element.pPr
        if s_pr is not None and s_pr.numPr is not None and s_pr.numPr.numId is not None:
            ilvl = s_pr.numPr.ilvl.val if s_pr.numPr.ilvl is not None else 0
            return str(s_pr.numPr.numId.val), int(ilvl)
        style = style.base_style
    return None


def docx_lines(stream, name: str = "") -> list:
    """Paragraph texts and ``Table`` blocks of a .docx in document order, numbering included."""
    import docx
    from docx.text.paragraph import Paragraph

    document = docx.Document(stream)
    numbering = _Numbering(document)
    lines: list = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            para = Paragraph(child, document)
            text = para.text
            num = _num_pr(para)
            if num and text.strip():
                text = numbering.label(*num) + text
            lines.append(text)
        elif child.tag == qn("w:tbl"):
            lines.append(Table(table_rows(child, document, name)))
    return lines


def table_rows(tbl, parent, name: str = "") -> tuple:
    """The rows of a Word table as texts, in one pass over its markup: a merged cell repeats its
    text in every grid cell it covers (as python-docx does), a horizontal span is clipped to
    ``MAX_COLUMNS``, a vertical merge copies the text above it (no recursion however long), and
    a table nested in a cell keeps its text in that cell."""
    from docx.text.paragraph import Paragraph

    rows: list[tuple[str, ...]] = []
    cells = 0
    for tr in tbl.iterchildren(qn("w:tr")):
        row: list[str] = []
        above = rows[-1] if rows else ()
        for tc in tr.iterchildren(qn("w:tc")):
            pr = tc.find(qn("w:tcPr"))
            span = _int(_val(pr.find(qn("w:gridSpan")), "1") if pr is not None else "1")
            span = max(1, min(span, MAX_COLUMNS - len(row)))
            merge = pr.find(qn("w:vMerge")) if pr is not None else None
            if merge is not None and merge.get(qn("w:val")) in (None, "continue"):
                text = above[len(row)] if len(row) < len(above) else ""
            else:
                paragraphs = [Paragraph(p, parent).text for p in tc.iter(qn("w:p"))]
                text = "\n".join(paragraphs).strip()
            row += [text] * span
            if len(row) >= MAX_COLUMNS:
                break
        cells += len(row)
        if cells > MAX_CELLS:
            raise over(name, "table_cells", cells, MAX_CELLS)
        rows.append(tuple(row))
    width = max((len(r) for r in rows), default=0)
    return tuple(r + ("",) * (width - len(r)) for r in rows)


def _int(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        return 1
