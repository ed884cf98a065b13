"""Build small input files of every format in a test (nothing binary is shipped)."""

from __future__ import annotations

from pathlib import Path

REPORT_LINES = [
    "关于区委巡察整改进展情况的通报",
    "一、整改落实情况",
    "本轮巡察反馈问题共3个,已完成整改2个,正在推进1个,完成率66.7%。",
    "(一)关于党建工作不够扎实问题",
    "1.针对组织生活不规范问题,进行了以下整改。一是制定制度4项。二是开展培训120人次。截至目前,该问题已完成整改。",
    "2.针对党费收缴不及时问题,进行了以下整改。补缴党费3.5万元。截至目前,该问题已完成整改。",
    "(二)关于财务管理不规范问题",
    "3.针对资产台账不清问题,进行了以下整改。清理资产1200件。目前正在推进整改。",
]


def write_docx(path: Path, auto_numbering: bool = True) -> Path:
    """A .docx whose item numbers come from Word's automatic numbering (List Number style)."""
    import docx

    doc = docx.Document()
    doc.add_paragraph(REPORT_LINES[0])
    doc.add_paragraph(REPORT_LINES[1])
    doc.add_paragraph(REPORT_LINES[2])
    doc.add_paragraph(REPORT_LINES[3])
    for line in REPORT_LINES[4:6]:
        text = line.split(".", 1)[1]
        doc.add_paragraph(text, style="List Number" if auto_numbering else None)
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "整改任务"
    table.cell(0, 1).text = "完成情况"
    table.cell(1, 0).text = "补缴党费"
    table.cell(1, 1).text = "已完成"
    doc.save(path)
    return path


def set_list_number_format(document, fmt: str, text: str) -> None:
    """Make Word's 'List Number' style count as ``fmt`` with ``text`` (e.g. chineseCounting, '%1、')."""
    from docx.oxml.ns import qn

    num_id = str(document.styles["List Number"].element.pPr.numPr.numId.val)
    root = document.part.numbering_part.element
    num = next(n for n in root.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id)
    abs_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    absn = next(a for a in root.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abs_id)
    lvl = absn.findall(qn("w:lvl"))[0]
    lvl.find(qn("w:numFmt")).set(qn("w:val"), fmt)
    lvl.find(qn("w:lvlText")).set(qn("w:val"), text)


def wrap_lines(paragraphs: list[str], width: int) -> list[str]:
    """Paragraphs hard-wrapped as a PDF sets them: lines of ``width``, each paragraph's first
    line indented with two full-width spaces."""
    lines = []
    for para in paragraphs:
        first = True
        while para:
            room = width - 2 if first else width
            lines.append(("\u3000\u3000" if first else "") + para[:room])
            para, first = para[room:], False
    return lines


def write_pdf(path: Path, paragraphs: list[str], width: int = 28, footer: str = "— {n} —") -> Path:
    """A hard-wrapped PDF like an official document: indented paragraphs, page footers."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    lines = wrap_lines(paragraphs, width)
    page = 1
    y = 780
    c.setFont("STSong-Light", 14)
    for line in lines:
        c.drawString(72, y, line)
        y -= 24
        if y < 100:
            c.drawString(280, 60, footer.format(n=page))
            c.showPage()
            c.setFont("STSong-Light", 14)
            page += 1
            y = 780
    c.drawString(280, 60, footer.format(n=page))
    c.save()
    return path


HTML_PAGE = """<!DOCTYPE html><html><head><meta charset="{charset}"><title>通报</title>
<style>.x{{color:red}}</style><script>alert('x'); document.write('恶意脚本内容')</script></head>
<body><div class="nav"><a href="/">首页</a> &gt; <a href="#">巡察工作</a> &gt; 正文</div>
<nav>网站导航 机构概况 政务公开</nav>
<div class="menu"><ul><li><a href="/">网站首页</a></li><li><a href="/a">机构概况</a></li>
<li><a href="/b">政务公开</a></li><li><a href="/c">互动交流</a></li></ul></div>
<div class="article"><h1>{title}</h1>
<p>发布时间:2024-03-01 来源:区委办公室 浏览次数:</p>
{body}
</div>
<div class="side"><h3>相关新闻</h3><ul><li><a href="/n1">区委召开常委会会议</a></li>
<li><a href="/n2">我区开展植树活动</a></li></ul></div>
<div class="footer">主办单位:某某区人民政府办公室 网站标识码:1234567890 ICP备12345678号</div>
<p onclick="alert(1)">打印本页 关闭窗口</p>
</body></html>"""


def html_page(lines: list[str], charset: str = "utf-8") -> str:
    body = "\n".join(f"<p>{line}</p>" for line in lines[1:])
    return HTML_PAGE.format(charset=charset, title=lines[0], body=body)
