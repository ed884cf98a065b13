"""Hostile input files, each built in a test's temporary folder from a few bytes of markup (nothing
binary is shipped): tiny files that claim huge grids, zip and flate bombs, deep markup, special
files. ``CASES`` names each maker and what the CLI must answer."""

from __future__ import annotations

import base64
import os
import random
import zipfile
import zlib
from pathlib import Path

from .makers import REPORT_LINES

_TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/{main}" ContentType="{type}"/>
{more}</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{type}" Target="{target}"/></Relationships>"""
_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_X = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_XR = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def _zip(path: Path, members: dict[str, bytes | str], level: int = 9) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def docx_from_body(path: Path, body: str, styles: str = "") -> Path:
    """A minimal .docx whose document body is ``body`` (WordprocessingML), with a styles part
    holding ``styles`` when given."""
    doc_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    styles_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
    more = (
        {
            "word/styles.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:styles {_W}>{styles}</w:styles>',
            "word/_rels/document.xml.rels": _RELS.format(
                type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", target="styles.xml"
            ),
        }
        if styles
        else {}
    )
    return _zip(path, {
        "[Content_Types].xml": _TYPES.format(main="word/document.xml", type=doc_type, more=(
            f'<Override PartName="/word/styles.xml" ContentType="{styles_type}"/>' if styles else "")),
        "_rels/.rels": _RELS.format(type=_DOC_REL, target="word/document.xml"),
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body>{body}</w:body></w:document>',
        **more,
    })  # fmt: skip


def docx_style_loop(path: Path) -> Path:
    """A report whose paragraphs are in style A, based on B, based on A (the numbering lookup
    climbed the chain for ever)."""
    body = "".join(f'<w:p><w:pPr><w:pStyle w:val="A"/></w:pPr><w:r><w:t>{line}</w:t></w:r></w:p>'
                   for line in REPORT_LINES)  # fmt: skip
    styles = "".join(f'<w:style w:type="paragraph" w:styleId="{a}"><w:name w:val="{a}"/><w:basedOn w:val="{b}"/>'
                     "</w:style>" for a, b in (("A", "B"), ("B", "A")))  # fmt: skip
    return docx_from_body(path, body, styles)


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _report_body() -> str:
    return "".join(_p(line) for line in REPORT_LINES)


def xlsx_from_sheet(path: Path, rows: str, merges: tuple[str, ...] = (), dimension: str = "A1") -> Path:
    """A minimal .xlsx with one sheet holding ``rows`` (sheetData markup, inline strings)."""
    main = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    sheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    merged = (
        f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>"
    )
    return _zip(path, {
        "[Content_Types].xml": _TYPES.format(main="xl/workbook.xml", type=main, more=(
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{sheet}"/>')),
        "_rels/.rels": _RELS.format(type=_DOC_REL, target="xl/workbook.xml"),
        "xl/workbook.xml": f'<workbook {_X} {_XR}><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": _RELS.format(
            type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
            target="worksheets/sheet1.xml"),
        "xl/worksheets/sheet1.xml": f'<worksheet {_X}><dimension ref="{dimension}"/><sheetData>{rows}</sheetData>'
                                    f"{merged if merges else ''}</worksheet>",
    })  # fmt: skip


def _cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


LEDGER = [("序号", "问题", "整改措施", "完成情况"), ("1", "台账不清", "清理台账3本", "已完成"),
          ("2", "制度缺失", "制定制度2项", "正在推进")]  # fmt: skip


def _ledger_rows() -> str:
    return "".join(f'<row r="{r}">' + "".join(_cell(f"{'ABCD'[c]}{r}", v) for c, v in enumerate(row)) + "</row>"
                   for r, row in enumerate(LEDGER, 1))  # fmt: skip


def xlsx_merged_everything(path: Path) -> Path:
    """2 KB: a ledger whose title cell is merged over A1:XFD1048576 (every cell of a sheet)."""
    rows = _ledger_rows().replace('<row r="1">', '<row r="1">' + "", 1)
    return xlsx_from_sheet(path, rows, merges=("A1:XFD1048576",), dimension="A1:XFD1048576")


def xlsx_far_cell(path: Path) -> Path:
    """A ledger and one more cell at XFD1048576, the last cell a sheet has."""
    rows = _ledger_rows() + '<row r="1048576">' + _cell("XFD1048576", "末") + "</row>"
    return xlsx_from_sheet(path, rows, dimension="A1:XFD1048576")


def xlsx_far_merge(path: Path) -> Path:
    """Filled cells at A1 and XFD1048576 and the whole sheet merged between them: no real bounds help."""
    rows = _ledger_rows() + '<row r="1048576">' + _cell("XFD1048576", "末") + "</row>"
    return xlsx_from_sheet(path, rows, merges=("A1:XFD1048576",), dimension="A1:XFD1048576")


def xlsx_bomb(path: Path, mib: int = 300) -> Path:
    """A workbook whose sheet inflates from a few hundred KB to ``mib`` MiB of blank markup."""
    path = xlsx_from_sheet(path, _ledger_rows())
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("xl/padding.xml", b" " * (mib * 2**20))
    return path


def docx_grid_span(path: Path) -> Path:
    """1 KB: a table cell spanning 100,000,000 grid columns."""
    row = ('<w:tr><w:tc><w:tcPr><w:gridSpan w:val="100000000"/></w:tcPr>' + _p("整改任务") + "</w:tc>"
           "<w:tc>" + _p("已完成") + "</w:tc></w:tr>")  # fmt: skip
    return docx_from_body(path, _report_body() + f"<w:tbl>{row}{row}</w:tbl>")


def docx_vmerge(path: Path, rows: int = 1200) -> Path:
    """A column merged vertically over ``rows`` rows (python-docx recursed once per row)."""
    first = '<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' + _p("青禾区") + "</w:tc><w:tc>" + _p("问题0") + "</w:tc></w:tr>"  # fmt: skip
    rest = "".join('<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc>' + _p(f"问题{i}") + "</w:tc></w:tr>"
                   for i in range(1, rows))  # fmt: skip
    return docx_from_body(path, _report_body() + f"<w:tbl>{first}{rest}</w:tbl>")


def docx_nested_table(path: Path) -> Path:
    """A table in a table cell: its text must be kept."""
    inner = "<w:tbl><w:tr><w:tc>" + _p("内嵌表格的整改措施") + "</w:tc></w:tr></w:tbl>"
    row = "<w:tr><w:tc>" + _p("整改任务") + "</w:tc><w:tc>" + inner + "<w:p/></w:tc></w:tr>"
    return docx_from_body(path, _report_body() + f"<w:tbl>{row}</w:tbl>")


def docx_deep(path: Path, depth: int = 150) -> Path:
    """A report whose last paragraph sits in ``depth`` nested content controls (two elements a
    level: deeper than lxml's 256, which called the file corrupt)."""
    return docx_from_body(path, _report_body() + "<w:sdt><w:sdtContent>" * depth + _p("整改")
                          + "</w:sdtContent></w:sdt>" * depth)  # fmt: skip


def docx_empty_paragraphs(path: Path, count: int = 3_000_000) -> Path:
    """``count`` empty paragraphs: a few tens of KB zipped."""
    return docx_from_body(path, _report_body() + "<w:p/>" * count)


def docx_many_paragraphs(path: Path, count: int = 1_000_000) -> Path:
    """``count`` short paragraphs of text."""
    return docx_from_body(path, _report_body() + _p("整改。") * count)


def docx_bomb(path: Path, mib: int = 300) -> Path:
    """A document that inflates from a few hundred KB to ``mib`` MiB of blank markup."""
    body = _report_body() + "<w:p><w:r><w:t>" + " " * (mib * 2**20) + "</w:t></w:r></w:p>"
    return docx_from_body(path, body)


def varied_chinese(count: int) -> str:
    """``count`` Chinese characters that deflate hardly at all (no zip bomb): a cycle of 20,000
    characters, longer than deflate's 32 KB window."""
    return "".join(chr(0x4E00 + i * 7919 % 20_000) for i in range(count))


def docx_long_run(path: Path, chars: int = 3_600_000) -> Path:
    """A report and one text run of ``chars`` characters (10.8 MB: lxml refuses a text node over
    10 MB as a syntax error, without a word of the budget)."""
    return docx_from_body(path, _report_body() + _p(varied_chinese(chars)))


def docx_long_attribute(path: Path, size: int = 11_000_000) -> Path:
    """A report whose last paragraph carries an attribute of ``size`` letters (base64 of seeded
    random bytes: no zip bomb)."""
    letters = base64.b64encode(random.Random(1).randbytes(size * 3 // 4)).decode()
    return docx_from_body(path, _report_body() + f'<w:p w:rsidR="{letters}"/>')


def pdf_flate_bomb(path: Path, mib: int = 600) -> Path:
    """A one-page PDF whose content stream inflates from under 1 MB to ``mib`` MiB."""
    deflate = zlib.compressobj(9)
    chunk = b" " * 2**20
    stream = b"".join(deflate.compress(chunk) for _ in range(mib)) + deflate.flush()
    return _pdf(
        path,
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        ],
    )


def html_nested_tables(path: Path, depth: int = 10_000) -> Path:
    """``depth`` tables nested one in another, the report text in the innermost."""
    inner = "".join(f"<p>{line}</p>" for line in REPORT_LINES)
    path.write_text("<html><body>" + "<table><tr><td>" * depth + inner + "</td></tr></table>" * depth
                    + "</body></html>", encoding="utf-8")  # fmt: skip
    return path


def html_span_grid(path: Path, kib: int = 1024) -> Path:
    """A ``kib`` KB table of cells each spanning 50 columns and 50 rows."""
    cell = '<td colspan="50" rowspan="50">整改</td>'
    row = "<tr>" + cell * 20 + "</tr>"
    rows = row * (kib * 1024 // len(row.encode()))
    path.write_text("<html><body>" + "".join(f"<p>{ln}</p>" for ln in REPORT_LINES) + f"<table>{rows}</table>"
                    "</body></html>", encoding="utf-8")  # fmt: skip
    return path


def html_page(path: Path, mib: float) -> Path:
    """A report page of about ``mib`` MiB: the example report's items repeated, numbered on."""
    lines = [REPORT_LINES[0], REPORT_LINES[1]]
    body = REPORT_LINES[4].split(".", 1)[1]
    size, n = 0, 0
    while size < mib * 2**20:
        n += 1
        line = f"<p>{n}.{body}</p>"
        lines.append(line)
        size += len(line.encode())
    path.write_text("<html><body>" + "".join(lines) + "</body></html>", encoding="utf-8")
    return path


def html_many_cells(path: Path, count: int = 3_000_000) -> Path:
    """A report page and a table row of ``count`` empty cells (12 MB; the parser made a part of
    each tag: 5,000,000 took 1 GB)."""
    report = "".join(f"<p>{line}</p>" for line in REPORT_LINES)
    path.write_text(f"<html><body>{report}<table><tr>" + "<td>" * count + "</table></body></html>", encoding="utf-8")
    return path


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def txt_number_runs(path: Path, length: int = 20_000) -> Path:
    """A 40 KB report with a run of ``length`` digits and one of Chinese numerals, neither a
    quantity (no unit follows): every pattern that looks for a count tried each digit of a run."""
    runs = ["编号" + "7" * length + "。", "编号" + "七" * length + "。"]
    path.write_text("\n".join([*REPORT_LINES[:5], *runs, *REPORT_LINES[5:]]), encoding="utf-8")
    return path


_LEDGER_CSV = [
    "序号,问题描述,整改措施,责任单位,整改时限,整改进展",
    "1,资产台账不清,清理资产1200件,区财政局,2024年6月30日,已完成",
]


def csv_far_cell(path: Path, rows: int = 20_000, column: int = 200_000) -> Path:
    """A 1 MB ledger of ``rows`` rows and one cell ``column`` commas to the right: every row was
    padded to its width (4,000,000,000 cells)."""
    lines = [_LEDGER_CSV[0], *[_LEDGER_CSV[1]] * rows, "," * column + "备注"]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def csv_long_cell(path: Path, length: int = 200_000) -> Path:
    """A ledger whose measures cell holds ``length`` characters (csv's own limit is 131,072)."""
    long = "清理资产" + "并逐项核对" * (length // 5)
    path.write_text("\n".join([_LEDGER_CSV[0], _LEDGER_CSV[1].replace("清理资产1200件", long)]), encoding="utf-8")
    return path


def csv_empty_lines(path: Path, count: int = 20_000_000) -> Path:
    """A ledger and ``count`` empty lines after it (20 MB: each was a row in memory, 2 GB)."""
    path.write_text("\n".join(_LEDGER_CSV) + "\n" * count, encoding="utf-8")
    return path


def csv_commas(path: Path, count: int = 2_000_000) -> Path:
    """``count`` commas on one line: as many empty cells, parsed before any budget saw them."""
    path.write_text("," * count, encoding="utf-8")
    return path


def _pdf(path: Path, objects: list[bytes]) -> Path:
    """A PDF of ``objects`` (1: the catalog) with its cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def pdf_pages(path: Path, count: int = 100_000, content: bytes = b"BT /F1 12 Tf 72 720 Td (report) Tj ET",
              media_box: bytes = b"[0 0 595 842]", stated: int | None = None) -> Path:  # fmt: skip
    """``count`` pages drawing ``content`` (a few bytes a page: 100,000 pages in 16 MB), the page
    tree stating ``stated`` pages (default: ``count``)."""
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(count))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    return _pdf(path, [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % (count if stated is None else stated),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        *[page % media_box] * count,
    ])  # fmt: skip


def pdf_dense_page(path: Path, glyphs: int = 200_000) -> Path:
    """One page of 200 KB drawing ``glyphs`` characters (one byte each in a TJ array)."""
    return pdf_pages(path, 1, b"BT /F1 1 Tf 0 0 Td [(" + b"x" * glyphs + b")] TJ ET")
