"""Structure: numbering levels, sub-items, headings, measures, the kinds of items and the rows that frame them."""

from .lazy import pattern

#: any heading start: 一、 / (一) / 1. / ① / 针对… / ● / 问题3: / 问题2-1: / 任务一、 / 【问题二】 /
#: 问题(一): / 第5项 — a line
#: starting so is never glued to the previous one (问题3: and 问题(一): share their word prefix: re's
#: compiler walks the 21,000 code points of each class of Chinese characters, once here, not twice)
HEADING_START = pattern(
    r"^\s*(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,6}[.、．](?!\d)|\d{1,3}[)）]|[①-⑳]|针对|●|"
    r"[【\[][\u4e00-\u9fff]{0,4}[一二三四五六七八九十\d]+[】\]]|第[一二三四五六七八九十\d]+项|"
    r"[\u4e00-\u9fff]{1,4}?(?:(?<![一二三四五六七八九十第])(?:\d{1,6}(?:[.\-]\d{1,4}){0,3}|[一二三四五六七八九十]{1,3})"
    r"(?:[:：、]|\.(?!\d))|[(（](?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）][:：、]))"
)
#: the numbered levels, outermost first: 一、 > (一) > 1. 1、 > (1) > ①
NUMBER_MARKERS = [
    (1, pattern(r"^([一二三四五六七八九十]{1,3})(?:、|\.(?!\d))")),
    (2, pattern(r"^\(([一二三四五六七八九十]{1,3})\)")),
    (3, pattern(r"^(\d{1,6})\s?(?:、|\.(?!\d))")),
    (4, pattern(r"^\((\d{1,6})\)")),
    (5, pattern(r"^([①-⑳])")),
]
#: unnumbered sub-items: 针对该问题 / 针对“举一反三”整改事项“…”,进行了以下整改 / 关于“…”问题的整改 / ● bullets
SUB_ITEM = pattern(
    r"^(?:针对(?:该|此|上述|本)问题|针对.{0,400}?(?:进行了?(?:以下|如下)整改|整改(?:情况)?如下)|"
    r"关于“[^”]{2,200}”(?:问题|方面)?的?整改|●|■|◆)"
)
#: bullets that open a sub-item
BULLETS = "●■◆"
#: 针对“举一反三”… → id tag 举一反三-1; the quoted word names the sub-item's family
SUB_ITEM_TAGS = [("举一反三", "举一反三"), ("推动改革促进发展", "推动改革"), ("立行立改", "立行立改")]
#: 针对… / 关于… — the words that introduce a problem's own words (and tag a sub-item 针对-1)
PROBLEM_LEADS = ("针对", "关于")
#: the id tag of a bulleted sub-item that names no family (条目-1)
PLAIN_SUB_TAG = "条目"
#: the id tag of a ledger row that has no number of its own (行-3)
LEDGER_ROW_TAG = "行"
#: the id tag of a ledger's category group, a row spanning the table or a 问题类别 cell (类-2)
CATEGORY_TAG = "类"
#: 第3列:… — a ledger column without a header is named by its place in the item's field lines
UNNAMED_COLUMN = "第{}列"
#: 整改 near the start of an item marks it as a rectification item (feedback), not prose
RECTIFY_WORD = "整改"
#: (十)关于历次整改不到位的有关问题 → 历次整改不到位: what a 针对该问题 item inherits of its group's heading
INHERITED_HEADING_TRIM = pattern(r"^关于|(?:的?有关)?(?:问题)?$")
#: …问题,进行了以下整改。 — the clause that closes a 针对… heading
HEADING_CLAUSE_END = pattern(r"(?:的?问题)?[,,。]?\s*(?:并)?(?:进行了?(?:以下|如下)整改|整改(?:情况)?如下)[。::,]?")
#: 针对“举一反三”整改事项 — the lead words before the problem's own words
HEADING_LEAD = pattern(r"(?:针对|关于)(?:[“\"](?:举一反三|推动改革促进发展)[”\"](?:整改事项|事项|问题)?)?")
#: …问题的整改情况: / …问题, — where a heading without the 进行了以下整改 clause ends
HEADING_CLAUSE_FALLBACK = pattern(r"(?:的?问题)?(?:的整改(?:情况)?)?(?:[。::]|$)|(?:的?问题)[,,]")
#: 针对该问题,进行了以下整改。 — the item inherits its group's heading
THIS_PROBLEM = pattern(r"^针对(?:该|此|上述|本)问题[,,]?(?:进行了?(?:以下|如下)整改|整改(?:情况)?如下)?[。::,]?")
#: the character after a numeral that makes it a measure marker (一是), not a count
MEASURE_MARK = "是"
#: 一是 — the first measure marker: a field value opening so is a list, and one 一是 alone starts a list
FIRST_MEASURE = "一是"
#: 一是…二是… — measures inside a body
MEASURE = pattern(r"(?:^|(?<=[。;;::\n]))\s*([一二三四五六七八九十]{1,3}是)[,,::]?")
#: “…” / “…”问题 / 在“…”方面的整改情况 — a heading that is only a quoted problem: the quoted words are
#: its problem (the tails name no more than that a problem or an aspect is meant)
QUOTED_HEADING_TAILS = ("”问题", "”方面")
QUOTED_HEADING = pattern(r"在?“([^“”]+)”(?:方面|问题)?(?:的整改(?:情况)?)?")

#: 整改措施:(1)…(2)… / 1、…2、… / ①… — a line of a field that opens with a measure's number (a field's
#: value continues on it) …
NUMBERED_MEASURE_LINE = pattern(r"^\s*(?:\d{1,2}[、.．](?!\d)|[(（]\d{1,2}[)）]|[①-⑳])")
#: … and such numbers inside a measures text, after a sentence or a line: where it splits into measures
NUMBERED_MEASURE = pattern(r"(?:^|(?<=[;;。\s]))\s*(?:\d{1,2}[、.．]|[(（]\d{1,2}[)）]|[①-⑳])")

#: 问题3: / 项目1.1: / 第5项 / 任务一、 / 【问题二】 / 任务1. / 问题2-1: / 问题(一): / 整改任务(3): —
#: numbering a document defines for itself (a prefix word, an ordinal, a separator) where the
#: fixed levels above do not know it: a 督察 attachment lists 项目1.1:, a problem list 问题3:, an
#: audit report 问题2-1:. Only a candidate: it becomes a heading level of the document where it
#: recurs with ordinals in sequence (``parsing.numbering``)
DEFINED_NUMBER = pattern(
    r"^(?P<open>[【\[])?(?P<prefix>[\u4e00-\u9fff]{0,4}?)(?P<inner>\()?"
    r"(?P<ordinal>\d{1,6}(?:\.\d{1,4}){0,3}(?![.\-]\d)|\d{1,6}(?:-\d{1,4}){1,3}(?![.\-]\d)|"
    r"[一二三四五六七八九十百千零〇两]{1,6})"
    r"(?P<unit>[项条个]|部分)?(?P<close>[】\])])?(?P<sep>[:、]|\.(?!\d)|\s+)?"
)
#: 第一部分 整改工作总体情况 / 第二部分:… — a part of the report: a level above 一、 wherever it stands
DEFINED_PART_UNIT = "部分"
#: 1) / 2) — a half bracket closes an ordinal without an opener (【】 and [] come in pairs); after a
#: prefix word an opening half bracket pairs with it: 问题(一) / 任务(2)
DEFINED_HALF_CLOSE = ")"
#: 问题2-1 — the joints of an ordinal's parts (1.1 and 2-1 both nest: (2, 1))
DEFINED_JOINTS = ".-"
#: 1.1 县城污水… / 2.3、… — a dotted ordinal needs no prefix word when a separator follows it (1.5万元
#: is an amount); a dash without a prefix is a date's (2024-10-15)
DEFINED_DOT = "."
#: 第5项 / 第一条 — the prefix that a unit after the ordinal must follow (共3项 is a count, no number)
DEFINED_ORDINAL_PREFIX = "第"
#: 一是 / 二十一、 — characters a prefix never holds (they are part of a numeral or a measure mark)
DEFINED_PREFIX_EXCLUDED = "一二三四五六七八九十百千零〇两是"
#: 问题1 → 问题3 → 问题4: a forward step this long is still "in sequence" (a page that lost an item)
DEFINED_MAX_GAP = 3
#: …and this share of steps must be in sequence for the numbering to be a level
DEFINED_MIN_IN_SEQUENCE = 0.75
#: 999. → 1000. → 1001.: the fixed levels (1. / (1)) read ordinals of any size, but one past this
#: is a marker only when it continues the sibling before it (2023.关于… is a year, not item 2023)
PLAIN_ORDINAL_MAX = 999
#: 2023.关于… / 2024.关于…: numbers in this range run in sequence as years do; past 999 they are
#: ordinals only where they continue the item before them
YEARS = (1900, 2100)

#: 一、已完成整改企业情况……等11家企业……二、未完成整改企业及处理情况……: headings of one level that a
#: page ran into one line; the ranks (一、 and (一)) whose next heading is looked for inside a line
INLINE_RANKS = (1, 2)
#: …the characters after which such a heading may stand (the end of the sentence before it)
INLINE_BOUNDARY = "。;;!?…” \u3000"
#: …and after which it is an enumeration, not a heading: 一、二、三季度 / 二、3项
INLINE_NOT_AFTER = "一二三四五六七八九十0123456789、,"
#: …a line shorter than this is one heading (一、二级指标)
INLINE_MIN_LENGTH = 30
#: 一、已完成整改企业情况 ……等11家: in such a line a space or an ellipsis ends the heading (within
#: this many characters), as a line break would
RUN_IN_HEADING_END = pattern(r"\s+…*|…+")
RUN_IN_HEADING_MAX = 40

# Kinds of items

#: 针对“举一反三”… / 针对“推动改革促进发展”… — an item's own lead decides its kind
OWN_KIND_LEADS = [("针对“举一反三”", "extension"), ("针对“推动改革促进发展”", "reform")]
#: a heading of an enclosing section decides its items' kind, first match wins
KIND_CONTEXT = [
    ("extension", pattern("举一反三")),
    ("reform", pattern("推动改革促进发展|推动改革")),
    ("immediate", pattern("立行立改")),
    ("plan", pattern("下一步|措施与计划|计划安排|工作打算|巩固深化|今后")),
    ("problem", pattern("存在的主要问题|存在的问题|存在问题|问题和不足|差距和不足|不足之处")),
    ("narrative", pattern("总体|组织领导|组织整改|主要负责人|履责|主体责任落实|工作部署|部署推进|部署落实|推进情况|"
                             "基本情况|主要做法|主要成效|工作成效")),
    ("feedback", pattern("反馈|具体问题|具体整改|整改情况|整改事项|问题的?整改|查出问题|发现问题|"
                            "审计|督察|巡视|巡察")),
]  # fmt: skip

# Summaries, frame rows and headings that name a problem or a part


#: 第一项、第二项、第四项问题 / 上述第3个问题 — ordinal references in a summary sentence
ORDINAL_REFERENCE = pattern(r"第([一二三四五六七八九十\d]{1,3})(?:项|个|条|类|点|部分)")
#: 第1项至第9项 / 第一至三项 / 第2-4项 — a run of ordinals: every item from the first to the last
ORDINAL_RANGE = pattern(
    r"第([一二三四五六七八九十\d]{1,3})(?:项|个|条)?(?:至|到|-|—|~)第?([一二三四五六七八九十\d]{1,3})(?:项|个|条)"
)
#: …a run longer than this is no list of items (第1至200个 is a count)
ORDINAL_RANGE_MAX = 60
#: either: a sentence that names other items by ordinal (第3项 / 第一至三项)
ORDINAL_MENTION = pattern(f"{ORDINAL_RANGE.pattern}|{ORDINAL_REFERENCE.pattern}")
#: 以上问题 / 上述问题 — a paragraph that looks back over the list above it
SUMMARY_OPENER = pattern(r"^(?:以上|上述|综上|对于以上|对以上|针对以上|针对上述)")
#: 以下问题均已完成整改 / 上述问题均… — a group's intro speaking of all its members
GROUP_SUBJECT = pattern(r"^(?:目前|截至目前|现)?[,]?(?:以下|以上|上述|上列|下列|本组|该类|此类|本类|所列)")
#: ids of the rows that frame the items: the text before the first item, a closing paragraph
#: that looks back over the list, and the sign-off
PREAMBLE_ID, CLOSING_ID, SIGN_OFF_ID = "前言", "结语", "落款"
FRAME_ROWS = (PREAMBLE_ID, CLOSING_ID, SIGN_OFF_ID)
#: …问题 / …不到位 / …不健全 — a bare numbered heading that names a problem is an item, not prose
PROBLEM_HEADING = pattern(
    r"(?:问题|不到位|不健全|不完善|不足|不够|不严|不力|不实|不高|不强|不明显|不充分|不及时|不规范|不彻底|"
    r"不精准|不严格|不深入|不扎实|不准确|不全面|不合理|不严肃|不均衡|不透明|混乱|缺位|缺失|乏力|"
    r"滞后|缓慢|薄弱|欠缺|有差距|偏差|短板|漏洞|隐患|未落实|未完成)[)）”\s]*$"
)
#: 公用经费支出不规范的问题(1号) / …问题(省委巡视反馈) — a short note in brackets after a heading:
#: the heading before it is what names the problem
PROBLEM_HEADING_NOTE = pattern(r"\s*\([^()]{1,20}\)\s*$")
#: 整改落实情况 / 问题清单 / 具体整改事项 — a numbered heading that names a part of the report, not
#: one problem: its field lines (问题表现:…) are items of their own, not its fields
SECTION_HEADING = pattern(r"(?:情况|清单|事项|如下|明细|汇总)$")
