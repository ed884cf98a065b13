"""Stage 1: reading every input form, cleaning, and refusing what is not a report."""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rectdiff.errors import ReadError
from rectdiff.read import read_report

from .makers import REPORT_LINES, html_page, set_list_number_format, write_docx, write_pdf


def _paras(doc):
    return list(doc.paragraphs)


def test_gb18030_with_crlf_is_detected(tmp_path):
    """GB18030 bytes and CRLF line ends: decoded by detection, same paragraphs as UTF-8."""
    path = tmp_path / "report.txt"
    path.write_bytes("\r\n".join(REPORT_LINES).encode("gb18030"))
    doc = read_report(path)
    assert doc.encoding == "gb18030"
    assert _paras(doc) == REPORT_LINES


def test_utf8_bom_and_cr_line_ends(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "\r".join(REPORT_LINES).encode("utf-8"))
    doc = read_report(path)
    assert doc.encoding == "utf-8-sig"
    assert _paras(doc) == REPORT_LINES


def test_stream_input():
    doc = read_report(io.BytesIO("\n".join(REPORT_LINES).encode("utf-8")))
    assert _paras(doc)[0] == REPORT_LINES[0]


def test_hard_wrapped_text_with_page_footers(tmp_path):
    """Lines wrapped at 20 characters, paragraphs indented, '- 1 -' footers between pages."""
    paragraphs = [
        "一、整改落实情况",
        "本轮巡察反馈问题共3个,已完成整改2个,正在推进1个,完成率66.7%,整改工作总体进展顺利。",
        "1.针对组织生活不规范问题,进行了以下整改。一是制定制度4项。二是开展培训120人次。",
    ]
    lines = []
    for para in paragraphs:
        first = True
        while para:
            room = 18 if first else 20
            lines.append(("\u3000\u3000" if first else "") + para[:room])
            para = para[room:]
            first = False
    lines.insert(3, "- 1 -")
    doc = read_report(io.BytesIO("\n".join(lines).encode("utf-8")))
    assert _paras(doc) == paragraphs
    assert any("footer" in n for n in doc.notes)


def test_web_text_joins_mid_sentence_breaks_but_not_headings():
    lines = [
        "(一)关于党建工作不够扎实问题",
        "1.针对组织生活不规范问题,进行了以下整改。一是制定制",
        "度4项。二是开展“三会一",
        "课”培训。",
        "(二)进一步巩固整改成果的措施",
        "持续推进整改。",
    ]
    doc = read_report(io.BytesIO("\n".join(lines).encode("utf-8")))
    assert _paras(doc) == [
        "(一)关于党建工作不够扎实问题",
        "1.针对组织生活不规范问题,进行了以下整改。一是制定制度4项。二是开展“三会一课”培训。",
        "(二)进一步巩固整改成果的措施",
        "持续推进整改。",
    ]


def test_full_width_numbering_is_structure(tmp_path):
    from rectdiff.parsing import parse_report

    text = "\n".join(
        [
            "一、整改情况",
            "（一）关于作风问题",
            "１．针对会议过多问题，进行了以下整改。精简会议１２个。",
            "２、针对文件过多问题，进行了以下整改。精简文件３０件。",
        ]
    )
    report = parse_report(read_report(io.BytesIO(text.encode("utf-8"))))
    assert list(report.items["item_id"]) == ["一", "一/(一)", "一/(一)/1", "一/(一)/2"]
    assert list(report.items["number"])[2:] == ["１．", "２、"]
    assert report.metrics["value"].tolist() == [12.0, 30.0]


def test_html_page_drops_chrome_and_scripts():
    page = html_page(REPORT_LINES).encode("utf-8")
    doc = read_report(io.BytesIO(page))
    text = "\n".join(doc.paragraphs)
    assert doc.format == "html"
    assert _paras(doc) == REPORT_LINES
    for chrome in (
        "alert",
        "恶意脚本",
        "首页",
        "网站导航",
        "主办单位",
        "打印本页",
        ".x{",
        "机构概况",
        "相关新闻",
        "植树",
    ):
        assert chrome not in text
    assert doc.meta_pairs["发布时间"].startswith("2024-03-01")


def test_html_in_gbk_declared_charset():
    page = html_page(REPORT_LINES, charset="gb2312").encode("gb18030")
    doc = read_report(io.BytesIO(page))
    assert _paras(doc) == REPORT_LINES


def test_docx_rebuilds_automatic_numbering_and_reads_tables(tmp_path):
    doc = read_report(write_docx(tmp_path / "r.docx"))
    paras = _paras(doc)
    assert paras[4].startswith("1.针对组织生活不规范问题")
    assert paras[5].startswith("2.针对党费收缴不及时问题")
    # a two-by-two table is no ledger (one problem column and one other): its rows are read as text
    assert paras[-2:] == ["整改任务 完成情况", "补缴党费 已完成"] and doc.tables == ()


def test_docx_chinese_counting_numbering(tmp_path):
    """Top-level sections numbered by Word as 一、二、 (chineseCounting) come out as text."""
    import docx

    from rectdiff.parsing import parse_report

    document = docx.Document()
    set_list_number_format(document, "chineseCounting", "%1、")
    for text in ("总体整改情况", "具体整改情况"):
        document.add_paragraph(text, style="List Number")
        document.add_paragraph("1.针对会议过多问题,进行了以下整改。精简会议12个。该问题已完成整改。")
    document.save(tmp_path / "cn.docx")
    doc = read_report(tmp_path / "cn.docx")
    assert [p for p in doc.paragraphs if p.endswith("情况")] == ["一、总体整改情况", "二、具体整改情况"]
    report = parse_report(doc)
    assert list(report.items["item_id"]) == ["一", "一/1", "二", "二/1"]


def test_pdf_hard_wrap_footers_and_indent(tmp_path):
    paragraphs = [REPORT_LINES[1], REPORT_LINES[2], REPORT_LINES[4] * 3, REPORT_LINES[5]]
    path = write_pdf(tmp_path / "r.pdf", paragraphs)
    doc = read_report(path)
    assert doc.format == "pdf"
    got = [p.replace(",", ",").replace("。", "。") for p in doc.paragraphs]
    assert len(got) == 4
    assert got[0] == "一、整改落实情况"
    assert "—" not in "".join(got)
    assert got[2].count("针对组织生活不规范问题") == 3


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"\x00\x01\x02\x03" * 100, "binary"),
        (b"PK\x03\x04not really a zip", "docx"),
        (b"%PDF-1.4 garbage", "PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".doc"),
        (b"hello world, no chinese here", "no Chinese"),
    ],
)
def test_bad_input_is_a_read_error(tmp_path, content, message):
    path = tmp_path / "bad.bin"
    path.write_bytes(content)
    with pytest.raises(ReadError) as err:
        read_report(path)
    assert message in err.value.text("en") and err.value.text("zh") != err.value.text("en")


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ReadError, match="文件不存在"):
        read_report(tmp_path / "nope.txt")
    with pytest.raises(ReadError, match="是文件夹"):
        read_report(tmp_path)


def test_a_loop_of_symbolic_links_is_said_so(tmp_path):
    """A link that leads to itself was "cannot access (Too many levels of symbolic links); check
    its permissions": no permission would help."""
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    with pytest.raises(ReadError) as err:
        read_report(tmp_path / "a.txt")
    assert err.value.text("zh") == f"{tmp_path / 'a.txt'}: 符号链接绕成了环,不指向任何文件;请给出报告文件本身"
    assert err.value.text("en").endswith("a loop of symbolic links that leads to no file; give the report file itself")


def test_pdf_without_text_layer(tmp_path):
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(tmp_path / "scan.pdf"))
    c.rect(100, 100, 200, 200, fill=1)
    c.save()
    with pytest.raises(ReadError, match="没有文字层"):
        read_report(tmp_path / "scan.pdf")


def test_a_pdf_whose_page_tree_states_more_pages_than_it_has_is_read(tmp_path):
    """/Count 99999 over one page: the pages are counted, not taken from the tree's word (it was
    refused as over the page budget)."""
    path = write_pdf(tmp_path / "report.pdf", REPORT_LINES)
    told, lie = b"/Count 1 /Kids [ 4 0 R ] /Type /Pages", b"/Count 99999 /Kids [4 0 R]/Type/Pages"
    data = path.read_bytes()
    assert len(told) == len(lie) and data.count(told) == 1  # the cross-reference offsets hold
    (tmp_path / "lying.pdf").write_bytes(data.replace(told, lie))
    assert _paras(read_report(tmp_path / "lying.pdf")) == _paras(read_report(path))
    assert "针对资产台账不清问题" in " ".join(_paras(read_report(path)))


def test_encrypted_pdf(tmp_path):
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    enc = pdfencrypt.StandardEncryption("secret", canPrint=0)
    c = canvas.Canvas(str(tmp_path / "locked.pdf"), encrypt=enc)
    c.drawString(100, 700, "locked")
    c.save()
    with pytest.raises(ReadError, match="密码保护"):
        read_report(tmp_path / "locked.pdf")


def test_oversized_file(tmp_path, monkeypatch):
    import rectdiff.read as read_mod

    monkeypatch.setattr(read_mod, "MAX_BYTES", 100)
    monkeypatch.setattr(read_mod.limits, "MAX_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_bytes("整改".encode() * 100)
    with pytest.raises(ReadError, match="上限"):
        read_report(path)


def test_mirror_pinyin_removed():
    doc = read_report(io.BytesIO("南寧市人民政府關(guān)于整改情況的函\n一、總體情況".encode()))
    assert doc.paragraphs[0] == "南寧市人民政府關于整改情況的函"


def test_seed_cleaning(seed_path):
    """The seed: chrome lines dropped (今天是, 来源/访问次数, 文章关键字), three broken paragraphs joined."""
    doc = read_report(seed_path)
    assert doc.paragraphs[0] == "东丽区关于十一届市委第九轮巡视整改进展情况的通报"
    assert doc.meta_pairs["发布时间"] == "2022-08-16"
    assert "joined 3 lines broken mid-paragraph" in doc.notes
    joined = [
        p for p in doc.paragraphs if "深抓整改、狠抓落实" in p or "联系服务企业机制" in p or "纪检监察工作联络站" in p
    ]
    assert len(joined) == 3
    assert not any("文章关键字" in p or p.startswith("今天是") for p in doc.paragraphs)
    assert doc.paragraphs[-1] == "2022年8月4日"


@given(st.text(alphabet="中关于文a(ā)é9 \n\u4dff\u4e00\u9fff\ua000guān", max_size=16))
def test_the_cheap_tests_read_as_the_patterns_they_spare(text):
    """The reader tests for Chinese characters and pinyin by comparisons where a character class of
    21,000 characters would cost a compile: each answers exactly as the pattern does."""
    import re

    from rectdiff.read import _has_cjk
    from rectdiff.read.clean import _without_pinyin
    from rectdiff.read.joins import _ends_in_cjk
    from rectdiff.zh.lexicon import PINYIN

    assert _has_cjk(text) == (re.search(r"[\u4e00-\u9fff]", text) is not None)
    assert _ends_in_cjk(text) == (re.search(r"[\u4e00-\u9fff]$", text) is not None)
    assert _without_pinyin(text) == PINYIN.sub("", text)
    assert _without_pinyin("关(guān)于(yú)整改") == "关于整改"


def test_gb18030_big5_and_utf8_are_told_apart_on_little_chinese(tmp_path):
    """A CSV of file names with a few Chinese words in GB18030 (as Excel saves one in China)
    is GB18030, not Big5 (charset detection's guess) nor UTF-16 (its ASCII letters pair into
    Chinese characters); the same in Big5 is Big5; UTF-8 with one stray NUL is UTF-8."""
    from rectdiff.read import decode_text

    text = "file,series\nunit_3_2021-05.txt,早期\nunit_4_2022-03.txt,早期\n"
    assert decode_text(text.encode("gb18030")) == (text, "gb18030")
    traditional = "file,series\nunit_3_2021-05.txt,青禾區\n"
    assert decode_text(traditional.encode("big5")) == (traditional, "big5")
    report = "\n".join(REPORT_LINES)
    damaged = (report[:20] + "\x00" + report[20:]).encode("utf-8")
    assert decode_text(damaged) == (damaged.decode("utf-8"), "utf-8")
    path = tmp_path / "report.txt"
    path.write_bytes(damaged)
    assert "针对资产台账不清问题" in " ".join(read_report(path).paragraphs)


@pytest.mark.parametrize(
    "text",
    [
        "臺賬",  # GB18030 reads 籓姐: a character outside GB2312 (Big5's 0x4F trail byte)
        "規範",  # GB18030 reads two characters outside GB2312
        "a.txt,該問題\n",
        "制定製度項二是開展培訓人",  # twelve characters and no ASCII: UTF-16 read them as 12 others
        "下整改一是制定製度項二是開展培訓",
    ],
)
def test_big5_on_few_characters_is_big5(text):
    """Big5 text of two to sixteen characters was read as GB18030 (every Big5 pair is a GBK one)
    or, with no ASCII at all, as UTF-16: the readings are weighed by how many unusual characters
    each gives (a wrong one lands on rare characters, kana or bopomofo)."""
    from rectdiff.read import decode_text

    assert decode_text(text.encode("big5")) == (text, "big5")


@pytest.mark.parametrize("text", ["的通知", "a.txt,察反馈问题\n", "整改台账", "理不规范问题"])
def test_gb18030_on_few_characters_stays_gb18030(text):
    """The same weighing keeps short GB18030 text GB18030 where Big5 reads it too."""
    from rectdiff.read import decode_text

    assert text.encode("gb18030").decode("big5", "replace") != text
    assert decode_text(text.encode("gb18030")) == (text, "gb18030")


def test_an_encoding_that_cannot_be_told_is_said_not_guessed(tmp_path):
    """Big5 區域 is GB18030 跋办, common characters both: which it is cannot be told from the
    bytes, so the file is refused in one line naming both readings (it was read as 跋办)."""
    from rectdiff.read import decode_text

    data = "a.txt,區域\n".encode("big5")
    assert data.decode("gb18030") == "a.txt,跋办\n"
    with pytest.raises(ReadError) as err:
        decode_text(data, "m.csv")
    assert err.value.text("zh") == "m.csv: 无法判断文本编码(按 GB18030 和按 Big5 读都像中文);请另存为 UTF-8"
    assert err.value.text("en") == (
        "m.csv: cannot tell the text encoding (it reads as Chinese both as GB18030 and as Big5); save the file as UTF-8"
    )


def test_a_long_last_paragraph_without_its_full_stop_is_kept(tmp_path):
    """A web page's last paragraph that lacks its 。 (cut off, or ending in a figure) is the
    report's own text, not chrome after the article: kept (was dropped without a word), and
    the footer after it still goes."""
    last = "4.针对资金拨付滞后问题,进行了以下整改" + "".join(f",第{i}批资金已拨付到位" for i in range(20))
    path = tmp_path / "page.html"
    path.write_text(html_page([*REPORT_LINES, last]), encoding="utf-8")
    paragraphs = _paras(read_report(path))
    assert paragraphs[-1] == last and not [p for p in paragraphs if "网站标识码" in p]


def test_a_line_of_rule_characters_is_chrome_and_a_word_between_them_is_not():
    """———— / *=*=*= / •·•·| is a rule the page draws; ——整改—— holds a word and stays."""
    from rectdiff.read.clean import clean_lines

    cleaned = clean_lines(["一、总体情况", "————————", "*=*=*=", "•·•·|", "——整改——", "已完成整改。"])
    assert cleaned.paragraphs == ["一、总体情况", "——整改——", "已完成整改。"]
    assert cleaned.notes == ["removed 3 lines of page chrome"]


_DATE_BITS = ["2023", "12", "1", "年", "月", "日", "-", "/", ".", " ", "\n", "\u3000", "。", "a"]


@given(
    st.builds(
        lambda head, rest: head + "".join(rest),
        st.sampled_from(["", "2023", "见2023"]),
        st.lists(st.sampled_from(_DATE_BITS), max_size=8),
    )
)
def test_a_cut_date_is_searched_only_where_a_line_can_end_in_one(text):
    """The search for a date a line break cut is skipped where the line ends otherwise; it finds
    exactly what the pattern finds everywhere."""
    from rectdiff.read.clean import _date_cut_head
    from rectdiff.zh.lexicon import DATE_CUT_HEAD

    found, cheap = DATE_CUT_HEAD.search(text), _date_cut_head(text)
    assert (cheap and cheap.span()) == (found and found.span())
    assert _date_cut_head("发布时间:2023-12- ").group(1) == "2023-12-" and not _date_cut_head("2023年12月22日")


_CSV_HEAD = "序号,问题,整改措施,完成情况\n1,台账不清,清理台账3本,已完成\n"


@pytest.mark.parametrize(
    ("tail", "zh", "en"),
    [("2,制度\r缺失,修订制度,正在推进\n", "第3行有不在引号内的单独回车符", "line 3 holds a lone carriage return"),
     ('2,"制度缺失,修订制度,正在推进\n3,培训不足,开展培训,已完成\n', "第3行的引号没有闭合,其后 2 行",
      "a quote on line 3 is never closed"),
     ('2,"制度缺失' + "甲" * 1_000_001 + "\n", "第3行起的一个单元格超过 1,000,000 个字符的上限",
      "a cell from line 3 on is over the 1,000,000-character limit")],
)  # fmt: skip
def test_a_malformed_csv_is_one_line_in_the_user_s_language_naming_the_line(tail, zh, en):
    """csv's own error text (English, without a line) never reaches the Chinese message; a quote
    never closed, which csv reads silently by taking every later line into one cell, is refused."""
    with pytest.raises(ReadError) as err:
        read_report(io.BytesIO((_CSV_HEAD + tail).encode()), "csv")
    said = err.value.text("zh")
    assert zh in said and "\n" not in said, said
    assert not re.search("[A-Za-z]{3,}", said.split(": ", 1)[1].replace("CSV", "").replace("Excel", "")), said
    assert en in err.value.text("en")


def test_csv_with_a_mac_s_line_ends_or_cells_over_lines_is_read():
    """Excel for Mac's CSV (Macintosh) ends lines with CR alone: read as lines, not refused."""
    from rectdiff.read.sheet import csv_lines

    mac = csv_lines((_CSV_HEAD + "2,制度缺失,修订制度,正在推进\n").replace("\n", "\r"))
    assert mac[0].rows[1:] == (("1", "台账不清", "清理台账3本", "已完成"), ("2", "制度缺失", "修订制度", "正在推进"))
    over_lines = csv_lines(_CSV_HEAD + '2,"制度\n缺失",修订制度,"正在\n推进"\n')
    assert over_lines[0].rows[-1] == ("2", "制度\n缺失", "修订制度", "正在\n推进")
