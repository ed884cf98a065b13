"""Punctuation: the full-width marks and the character classes the stages cut, trim and test text by.

Most patterns of the lexicon run on the normalized copy (full-width ，；：！？（） already half-width);
the classes here that list both widths run on text as the page gives it (a raw line, a cell, a
header, a redline's clause).
"""

#: 　 — the ideographic space a report indents its paragraphs with; trimmed like a space
IDEOGRAPHIC_SPACE = "\u3000"
#: 　　正文… — the indent the PDF reader writes before a paragraph it sees indented (two ideographic
#: spaces, as a typed report does), so that the cleaner tells paragraphs apart as in a text file
PARAGRAPH_INDENT = "\u3000\u3000"
#: 来源：  环保网 • — padding trimmed from a page's key/value line: spaces, both colons, a bullet
META_VALUE_TRIM = " \u3000:：•"
#: 分享到： — what may follow a page key with no value on its line (the value runs on, or is chrome)
META_KEY_TRIM = " \u3000:："
#: • 首页 | — what a line of page chrome is padded with around its word
CHROME_TRIM = " •·-—*|"
#: ———— / ****** / •·•· — a line of nothing but these is a rule a page draws, never text
RULE_CHARACTERS = "-—=_*•·|"
#: “…” — the quoted words a heading may hold, blanked before looking for a sentence in it
HEADING_QUOTE = r"“[^”]*”"
#: , ; 。 — a heading line holds none of these (outside quotes); a line that does is a sentence
SENTENCE_MARKS = r"[,;。]"
#: “ ” — the Chinese quotes: a line holding more “ than ” leaves a quote open to the next line
OPEN_QUOTE, CLOSE_QUOTE = "“", "”"
#: ( （ / ) ） — brackets of both widths: a line that opens more than it closes runs on to the next
OPEN_BRACKETS, CLOSE_BRACKETS = "(（", ")）"
#: ,整改… / 、… / 。 — a line that starts with one of these continues the line before it (a page broke
#: a sentence); after a line that left a quote open, a closing ” does too
CONTINUATION_MARKS = ",、;。:)"
#: ①…⑳ — the circled numbers Word's automatic numbering writes out (its format ``decimalEnclosedCircle``)
CIRCLED_NUMBERS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
#: 。 ； ; — a web page's text paragraph ends with one of these (a title or a menu entry does not)
PARAGRAPH_ENDS = ("。", "；", ";")
#: : ： — the colons of both widths (来源：…, 复核意见:)
COLONS = ":："
#: (（ / )） — a bracket of either width, as a class: 整改措施（具体） / 整改到位 (沿用 …)
OPEN_BRACKET_CLASS, CLOSE_BRACKET_CLASS = r"[(（]", r"[)）]"
#: 复核意见(张三) / 核实情况【必填】 / 备注[说明] — a bracketed suffix a header cell may carry after its word
HEADER_SUFFIX = r"[(（【\[].*[)）】\]]$"
#: 。，；;,！？!?\n — where a redline's clause ends (full-width and half-width: it runs on the raw text)
CLAUSE_ENDS = r"。，；;,！？!?\n"
#: 《…》 / “…” / ‘…’ / [2022] — titles, quoted slogans and bracketed years hold no quantity of an item
NO_QUANTITY_SPANS = r"《[^《》]*》|“[^“”]{0,40}”|‘[^‘’]{0,40}’|\[[^\]]{0,12}\]"
#: 一、加强监管。… / (一)整改措施:… — where an item's heading is cut from its body: a full stop or a colon
ITEM_HEADING_END = r"[。::]"
#: 整改情况:正在推进 — a ledger column's label before its value, as evidence quotes the cell
LABELLED_VALUE = r"^[^:：]{1,12}[:：]\s*"
#: 上述“加强监管”问题已完成整改 — a quoted heading (4 to 80 characters): the sentence speaks of that item
QUOTED_SNIPPET = r"“([^“”]{4,80})”"
#: a character inside a status sentence: no full stop, semicolon, ! or ?, line end or comma (a comma
#: stays inside when no new statement follows it: ,截至… starts one)
STATUS_SENTENCE_CHAR = r"[^。;;!!??\n,]"
#: 。 ; ! ? , — the mark a status sentence may end with
STATUS_SENTENCE_END = r"[。;;!!??,]"
#: 已完成12个,正在推进3个 — a clause of a stated total: a run up to a comma, semicolon, 。 or 、
CLAUSE_RUN = r"[^,,;;。、]+"
#: 共15个问题,已完成12个。 — a sentence as totals are read in: a comma does not end it
TOTAL_SENTENCE = r"[^。;;!!??\n]+"
#: 完成。(1)… — where a status cell's value ends: a full stop, a semicolon, a line end
FIELD_VALUE_END = "[。;\n]"
#: 完成,长期坚持 / 完成(2023年11月) — the first clause of a status field: up to , ; 。 or (
BARE_CLAUSE = r"[^,;。(]*"
