"""Every word list and pattern of the language rectdiff reads, in one place.

Each entry names what it matches, with an example from real reports, and why rectdiff
needs it. A linguist who wants to add a phrasing edits this file only; the stages import
what they need from here and hold no Chinese words of their own (tests/test_layers.py refuses a
Chinese literal in any module outside zh/, the help texts and ``rectdiff.catalogue``, which holds
what rectdiff itself says to the user: headers, findings, errors).

All patterns run on the normalized copy of the text (``zh.normalize.norm``): half-width
punctuation and digits, simplified characters.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------------------------------------
# Page chrome and document furniture (read stage)
# ---------------------------------------------------------------------------------------------

#: 关(guān)于 — pinyin a mirror site inserts after each character; removed before anything else
PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")
#: — 3 — / - 3 - / 第3页 共9页 / 3/9: a page footer line, never report text
PAGE_FOOTER = re.compile(
    r"^\s*(?:[-—–－―~]+\s*\d{1,4}\s*[-—–－―~]+|第\s*\d+\s*页(?:\s*[,,/]?\s*共\s*\d+\s*页)?|"
    r"\d{1,4}\s*/\s*\d{1,4}|-?\s*\d{1,3}\s*-?)\s*$"
)
#: 来源:… 发布时间:… — key/value lines of a web page; the values become metadata, the lines go
META_KEYS = (
    "信息索引号", "索引号", "文件名称", "标题", "发布机构", "发文机关", "成文日期", "发布日期", "发布时间",
    "公开方式", "公开时间", "信息来源", "来源", "信息提供日期", "日期", "时间", "访问次数", "访问量",
    "浏览次数", "浏览量", "阅读数", "阅读量", "热度", "文章关键字", "关键字", "关键词", "主题分类",
    "字号", "色调调节", "分享到", "分享", "温馨提示", "作者", "编辑", "责编", "责任编辑", "主办单位",
    "承办单位", "联系电话", "网站标识码", "今天是",
)  # fmt: skip
#: …as a pattern: a key at the start of a line or after a bullet, then a colon
META_KEY = re.compile(r"(?:^|[\s•·])(" + "|".join(sorted(META_KEYS, key=len, reverse=True)) + r")\s*[::]")
#: 打印本页 / 上一篇 / 网站地图 — words only page chrome contains (on a short line)
CHROME_WORDS = re.compile(
    "打印本页|关闭窗口|访问次数|浏览次数|文章关键字|今天是|扫一扫|分享到|版权所有|ICP备|当前位置|所在位置|"
    "无障碍|关怀版|朗读|上一篇|下一篇|字号|收藏|网站地图|主办单位|技术支持|网站标识码|公网安备|欢迎您|"
    "跳至内容|责编|温馨提示|相关链接|相关阅读|来源于网络|举报电话|维基文库|本作品收录于|打开微信|登录"
)
#: 首页 / 【打印】 — a line that is nothing but one of these buttons
CHROME_EXACT = {"首页", "打印", "关闭", "分享", "收藏", "朗读", "返回", "顶部", "返回顶部", "【打印】", "【关闭】"}
#: 首页 > 政务公开 > 正文 — a breadcrumb trail
BREADCRUMB = re.compile(r"(>|->|»|＞).*\S")
#: 2022年8月4日 / 2022-08-04 12:00 — a line that is only a date
DATE_LINE = re.compile(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$|^\s*\d{4}-\d{1,2}-\d{1,2}(?:\s+[\d:]+)?\s*$")
#: a paragraph that ends with one of these is complete; a web page did not break it
SENTENCE_END = "。;;!!??::”’)）》】"
#: 今天是2024年5月6日 星期一 — a page's greeting: a key with a colon-less value that is chrome, never
#: a key whose value runs on to the next line
GREETING_KEY = "今天是"
#: 首页 > 政务公开 > 正文 — the first crumb that makes one > a breadcrumb (a text may hold a >)
HOME_CRUMB = "首页"
#: 2022-08-04 12:00 alone on a line — a web page's date, kept as this metadata key
DATE_KEY = "日期"
#: the CJK ideographs (一 … 鿿): a decoded text holding enough of them is Chinese text
CJK_FIRST, CJK_LAST = "\u4e00", "\u9fff"

# ---------------------------------------------------------------------------------------------
# Title, issuer, dates and round (metadata)
# ---------------------------------------------------------------------------------------------

#: 关于…整改进展情况的通报 — a report's title line ends like this
TITLE = re.compile(r"(报告|通报|情况|公示|公告|的函|决定)[)）]?$")
#: …the same, plus the title-like words a heading may end with (方案, 意见); a line ending so is not
#: joined to the next one
TITLE_END = re.compile(r"(报告|通报|情况|公示|公告|函|决定|方案|意见)[)）]?$")
#: 中共天津市东丽区委员会 / ××审计局 — a signing body closing a report
ISSUER = re.compile(r"(委员会|党组|党委|人民政府|政府|办公室|领导小组|审计局|审计厅|公司|[局厅委院部会])$")
#: 2022年8月4日
DATE_CN = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
#: 2024年6月 — a month; a deadline so stated runs to the month's end (2024年6月底 too)
DATE_MONTH = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月")
#: 2024年底 / 2024年末 — a deadline at the year's end
YEAR_END = re.compile(r"(\d{4})\s*年(?:底|末)")
#: 2022-08-16 / 2022/8/16 / 2022.8.16
DATE_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
#: 欢迎…监督 / 特此公示 / 联系电话 / 附件 — the closing lines after the last item: from the first
#: of them on, the text is sign-off (a 附件:1.整改台账 line is no item)
CLOSING = re.compile(r"^(欢迎|如有意见|如对|特此|联系电话|联系人|联系方式|电子邮箱|邮箱|附件|监督电话|举报电话)")
#: a closing line and what follows it are sign-off only when what follows is short
CLOSING_TAIL_MAX = 60
#: 中共××区委员会关于…的通报 / ××市人民政府关于… — the issuer that opens a title
TITLE_ISSUER = re.compile(
    r"^(.{2,40}?(?:委员会|党组|党委|人民政府|政府|办公室|领导小组|审计局|审计厅|局|厅|公司|集团))关于"
)
#: metadata keys that name the site a page came from (kept as source_site, never as the issuer)
SOURCE_SITE_KEYS = ("来源", "信息来源")
#: a group the report leaves without a heading, named by the kind of its items (items 31–70 of
#: 推动改革促进发展 that follow item 30 of the last feedback group)
GROUP_NAMES = {"reform": "推动改革促进发展", "extension": "举一反三", "immediate": "立行立改"}
#: 十一届市委第九轮巡视 — the inspection round a report answers
ROUND = re.compile(
    r"(?:[一二三四五六七八九十]+届)?(?:中央|省委|市委|区委|县委|州委|党组)?第[一二三四五六七八九十\d]+轮"
    r"(?:省级|中央)?(?:巡视|巡察|督察|生态环境保护督察|环境保护督察)?"
)
#: 截至2023年12月22日 / 截止到2023年底 / 截至2023年11月末 / 截至2023-12-22 — the date the report's
#: figures stand at: the body's own date, which orders versions before a page's 发布时间 (a page
#: republished months later keeps its report's place in the series)
AS_OF = re.compile(
    r"(?:截至|截止到|截止|截至到)\s*(?:目前|当前)?[,]?\s*(\d{4})\s*"
    r"(?:年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日|底|末)?|底|末)|[-/.](\d{1,2})[-/.](\d{1,2}))"
)
#: 2023年12月 / 2023- — a date that a line break cut (…2023年12月 / 22日…): the line ends so, and
#: the next line's first characters complete it
DATE_CUT_HEAD = re.compile(r"(\d{4}\s*年(?:\s*\d{1,2}\s*月)?|\d{4}[-/.](?:\d{1,2}[-/.])?)\s*$")
#: …and the completed date must end here: 2023-12-22 (not 2023-12-1 of a line 1.关于…)
DATE_CUT_WHOLE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?![\d.、])")
#: （2023年12月） / 2023年第三季度 — a date in the title names the report's time when the body does not
TITLE_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
#: metadata keys that carry the publish date, best first
PUBLISH_DATE_KEYS = ("发布时间", "发布日期", "日期", "时间", "信息提供日期", "公开时间")
#: metadata keys that name the publishing body (used when neither the sign-off nor the title does)
ISSUER_KEYS = ("发布机构", "发文机关", "发布单位")
#: metadata keys that carry the title
TITLE_KEYS = ("文件名称", "标题")
#: 环保督察:66项整改任务已整改完成27项 — a news headline taken for the title is filed under this key
HEADLINE_KEY = "标题"
#: the metadata key of the date a report was signed (成文日期:2022-08-04), when no date is under the sign-off
SIGNING_DATE_KEY = "成文日期"
#: words that mark a text as a rectification report at all
REPORT_WORDS = re.compile("整改|巡视|巡察|审计|督察")

# ---------------------------------------------------------------------------------------------
# Structure: numbering levels, sub-items, headings, measures
# ---------------------------------------------------------------------------------------------

#: any heading start: 一、 / (一) / 1. / ① / 针对… / ● / 问题3: / 任务一、 / 【问题二】 / 第5项 — a line
#: starting so is never glued to the previous one
HEADING_START = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,6}[.、．](?!\d)|[①-⑳]|针对|●|"
    r"[【\[][\u4e00-\u9fff]{0,4}[一二三四五六七八九十\d]+[】\]]|第[一二三四五六七八九十\d]+项|"
    r"[\u4e00-\u9fff]{1,4}?(?<![一二三四五六七八九十第])(?:\d{1,6}(?:\.\d{1,4}){0,3}|[一二三四五六七八九十]{1,3})"
    r"(?:[:：、]|\.(?!\d)))"
)
#: the numbered levels, outermost first: 一、 > (一) > 1. 1、 > (1) > ①
NUMBER_MARKERS = [
    (1, re.compile(r"^([一二三四五六七八九十]{1,3})(?:、|\.(?!\d))")),
    (2, re.compile(r"^\(([一二三四五六七八九十]{1,3})\)")),
    (3, re.compile(r"^(\d{1,6})\s?(?:、|\.(?!\d))")),
    (4, re.compile(r"^\((\d{1,6})\)")),
    (5, re.compile(r"^([①-⑳])")),
]
#: unnumbered sub-items: 针对该问题 / 针对“举一反三”整改事项“…”,进行了以下整改 / 关于“…”问题的整改 / ● bullets
SUB_ITEM = re.compile(
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
INHERITED_HEADING_TRIM = re.compile(r"^关于|(?:的?有关)?(?:问题)?$")
#: …问题,进行了以下整改。 — the clause that closes a 针对… heading
HEADING_CLAUSE_END = re.compile(r"(?:的?问题)?[,,。]?\s*(?:并)?(?:进行了?(?:以下|如下)整改|整改(?:情况)?如下)[。::,]?")
#: 针对“举一反三”整改事项 — the lead words before the problem's own words
HEADING_LEAD = re.compile(r"(?:针对|关于)(?:[“\"](?:举一反三|推动改革促进发展)[”\"](?:整改事项|事项|问题)?)?")
#: …问题的整改情况: / …问题, — where a heading without the 进行了以下整改 clause ends
HEADING_CLAUSE_FALLBACK = re.compile(r"(?:的?问题)?(?:的整改(?:情况)?)?(?:[。::]|$)|(?:的?问题)[,,]")
#: 针对该问题,进行了以下整改。 — the item inherits its group's heading
THIS_PROBLEM = re.compile(r"^针对(?:该|此|上述|本)问题[,,]?(?:进行了?(?:以下|如下)整改|整改(?:情况)?如下)?[。::,]?")
#: the character after a numeral that makes it a measure marker (一是), not a count
MEASURE_MARK = "是"
#: 一是 — the first measure marker: a field value opening so is a list, and one 一是 alone starts a list
FIRST_MEASURE = "一是"
#: 一是…二是… — measures inside a body
MEASURE = re.compile(r"(?:^|(?<=[。;;::\n]))\s*([一二三四五六七八九十]{1,3}是)[,,::]?")
#: “…” / “…”问题 / 在“…”方面的整改情况 — a heading that is only a quoted problem: the quoted words are
#: its problem (the tails name no more than that a problem or an aspect is meant)
QUOTED_HEADING_TAILS = ("”问题", "”方面")
QUOTED_HEADING = re.compile(r"在?“([^“”]+)”(?:方面|问题)?(?:的整改(?:情况)?)?")

#: 整改措施:(1)…(2)… / 1、…2、… / ①… — a line of a field that opens with a measure's number (a field's
#: value continues on it) …
NUMBERED_MEASURE_LINE = re.compile(r"^\s*(?:\d{1,2}[、.．](?!\d)|[(（]\d{1,2}[)）]|[①-⑳])")
#: … and such numbers inside a measures text, after a sentence or a line: where it splits into measures
NUMBERED_MEASURE = re.compile(r"(?:^|(?<=[;;。\s]))\s*(?:\d{1,2}[、.．]|[(（]\d{1,2}[)）]|[①-⑳])")

#: 问题3: / 项目1.1: / 第5项 / 任务一、 / 【问题二】 / 任务1. — numbering a document defines for
#: itself (a prefix word, an ordinal, a separator) where the fixed levels above do not know it: a
#: 督察 attachment lists 项目1.1:, a problem list 问题3:. Only a candidate: it becomes a heading
#: level of the document where it recurs with ordinals in sequence (``parsing.numbering``)
DEFINED_NUMBER = re.compile(
    r"^(?P<open>[【\[])?(?P<prefix>[\u4e00-\u9fff]{0,4}?)"
    r"(?P<ordinal>\d{1,6}(?:\.\d{1,4}){0,3}(?!\.\d)|[一二三四五六七八九十百千零〇两]{1,6})"
    r"(?P<unit>[项条个])?(?P<close>[】\]])?(?P<sep>[:、]|\.(?!\d)|\s+)?"
)
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
RUN_IN_HEADING_END = re.compile(r"\s+…*|…+")
RUN_IN_HEADING_MAX = 40

# ---------------------------------------------------------------------------------------------
# Kinds of items
# ---------------------------------------------------------------------------------------------

#: 针对“举一反三”… / 针对“推动改革促进发展”… — an item's own lead decides its kind
OWN_KIND_LEADS = [("针对“举一反三”", "extension"), ("针对“推动改革促进发展”", "reform")]
#: a heading of an enclosing section decides its items' kind, first match wins
KIND_CONTEXT = [
    ("extension", re.compile("举一反三")),
    ("reform", re.compile("推动改革促进发展|推动改革")),
    ("immediate", re.compile("立行立改")),
    ("plan", re.compile("下一步|措施与计划|计划安排|工作打算|巩固深化|今后")),
    ("problem", re.compile("存在的主要问题|存在的问题|存在问题|问题和不足|差距和不足|不足之处")),
    ("narrative", re.compile("总体|组织领导|组织整改|主要负责人|履责|主体责任落实|工作部署|部署推进|部署落实|推进情况|"
                             "基本情况|主要做法|主要成效|工作成效")),
    ("feedback", re.compile("反馈|具体问题|具体整改|整改情况|整改事项|问题的?整改|查出问题|发现问题|"
                            "审计|督察|巡视|巡察")),
]  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Statuses
# ---------------------------------------------------------------------------------------------

# The status grammar (the rules of ../shared/status/GUIDE.md). A status phrase is built as
# marker × core × tail rather than listed whole, so that 仍在加快推进, 尚未全部完成, 已于2023年5月
# 完成整改 or 已全部拆除完毕 are understood without being written down. Where two readings overlap,
# the longest wins (未完成 over 完成, 基本完成 over 完成, 阶段性整改任务已完成 over 已完成).

#: 未 / 尚未 / 仍未 / 均未 … + (全部|完全|按期 …)? + 完成/整改/到位 … — not done: 尚未完成整改, 未能按期完成,
#: 仍未完全整改到位, 尚未得到解决, 未达到序时进度 (behind schedule is not done: GUIDE R6, R7, R12)
NEGATION = "尚未|仍未|还未|暂未|均未|未能|没有|未"
NEGATION_MANNER = "全部|完全|按期|如期|按时|彻底|有效|能"
NEGATED = (
    "完成整改|整改完成|整改到位|整改完毕|落实到位|纠正到位|完成|整改|到位|落实|启动|解决|办结|销号|"
    "达到序时进度要求|达到序时进度|达序时进度|达到|见效|得到有效解决|得到解决|得到整改|得到纠正|纠正"
)
#: 进度滞后 / 整改未完成 / 整改不到位 / 逾期未完成 / 已超期 — not done said without a leading negation (R7, R12;
#: 超期完成 / 已完成(超期1个月) is late but done)
NOT_DONE_WORDS = (
    "进度滞后|整改滞后|进展缓慢|推进缓慢|整改未完成|整改未到位|整改不到位|整改不彻底|逾期未完成|逾期未整改|"
    "滞后于序时进度|落后于序时进度|慢于序时进度|已超期|已逾期|超期未完成|超期未整改"
)
#: 暂缓 / 暂缓实施 / 因诉讼原因暂缓 — deferred is not done, even with 推进 after it (R11); 曾暂停施工,
#: 现已复工 (a past stop) is no deferral
DEFERRED = "(?<!曾)暂缓(?:实施|推进|整改|建设|执行|办理)?"

#: 正在 / 仍在 / 尚在 … + (加快|有序 …)* + any verb — ongoing: 仍在加快推进, 正在逐户登记, 尚在推进中 (尚 here
#: means "still", it is no negation: R6). 正在 marks progress whatever the verb follows, so the verb is open
ONGOING_MARK = "正在|仍在|尚在|还在|仍然在|正处于"
#: 真正在 / 纠正在 / 公正在 — 正在 inside another word is no marker (纠正在疫情防控…工作中…)
NOT_ONGOING_BEFORE = "真纠公修端改"
#: 进行持续整改 / 开展常态化整改 — after a light verb an upkeep phrase is the noun of a measure, no status
LIGHT_VERBS = ("进行", "开展", "实行", "实施", "加以", "予以", "坚持")
#: 案件的办理中 — after 的 an ongoing phrase is a noun (the handling of the case), no status
ATTRIBUTIVE = "的"
#: 正 / 仍 + manner + a listed verb: 正按计划推进, 正积极推进 (正 alone is too common a character to take any verb)
ONGOING_SHORT_MARK = "现正|正|仍"
ONGOING_MANNER = (
    "加快|加紧|有序|积极|全力|稳步|抓紧|扎实|深入|大力|全面|进一步|持续|继续|按计划|依法|逐步|逐项|逐户|逐一|分批|分步"
)
ONGOING_VERB = (
    "组织实施|推进|推动|整改|实施|办理|施工|落实|开展|拆除|处理|建设|跟踪|进行|核查|协调|攻坚|完善|审理|追缴|处置|化解|"
    "清理|整治|调试|登记|办"
)
#: 推进中 / 整改跟踪中 / 审理中: a verb with 中 says ongoing without a marker
ONGOING_SUFFIX = "中"
#: 中央 / 中国 / 中共 / 中心 / 中层 / 中期 / 中间 / 中小学 / 中学 / 中华 — after these 中 starts another
#: word (推动中央…), it says no "in the course of"
NOT_SUFFIX_BEFORE = "央国共心层期间小学华"
#: fixed phrases of the same meaning: 达到序时进度 (on schedule, R12), 按序时推进, 部分整改 / 部分完成 (part done, R4)
ONGOING_WORDS = (
    "达到序时进度要求|达到序时进度|按序时进度推进|按序时推进|序时推进|按计划推进|取得明显进展|取得积极进展|取得一定进展|"
    "分阶段推进|部分整改|部分完成|正常推进"
)
#: 长期坚持 / 持续推进 / 转入常态化整改 — upkeep after a completed-level verdict (R8: they never downgrade
#: it); on their own they say ongoing (此项整改需长期坚持). With an object after them (持续推进城乡供水
#: 一体化, 常态化开展明察暗访) they describe a measure and say nothing
CONTINUATION = (
    "需长期坚持|长期坚持|转入常态化整改|转入常态化|常态化推进|常态化整改|持续推进|持续整改|持续巩固|持续深化|持续落实|"
    "巩固深化|稳步推进|有序推进|加快推进"
)
#: …an ongoing phrase that starts so is upkeep too: 持续推进中 after 基本完成, 长效机制持续落实 after 已完成
CONTINUATION_START = re.compile("^(?:需|将)?(?:长期|持续|常态化|转入常态化|巩固|稳步)")

#: 阶段性完成 / 取得阶段性成效 / 达到阶段性整改要求 / 阶段性整改任务已完成 / 已完成2023年度目标任务 — a stage
#: is done, the whole is not (R9; a year's target of a multi-year item is a stage)
#: the year of an annual target: 年度 / 2023年度 / 2024年 / 本年度 / 今年 / 当年 / 全年 / 上半年
#: (已完成本年度目标任务, 本年度目标任务已完成: that year's part of the item is done, R9)
PHASE_YEAR = r"(?:\d{4}|本|今|当|全|上半|下半)年度?|年度"
PHASE_CORE = "完成整改|整改完成|整改到位|完成|办结|销号|到位"
PHASE_GOAL = "整改目标任务|整改目标|整改任务|整改要求|目标任务|目标|任务|要求|成效|成果|进展|整改"
PHASE_WORDS = (
    rf"(?:已)?阶段性(?:整改)?(?:{PHASE_CORE})"
    rf"|阶段性(?:整改)?(?:目标任务|目标|任务)(?:已|均已)?(?:完成|实现|达到)"
    rf"|(?:已|均已)?(?:完成|实现|达到|取得)(?:了)?阶段性(?:{PHASE_GOAL})"
    rf"|(?:已|均已)?完成(?:了)?(?:{PHASE_YEAR})(?:整改)?(?:目标任务|目标|任务)"
    rf"|(?:{PHASE_YEAR})(?:整改)?(?:目标任务|目标|任务)(?:已|均已)(?:全部)?(?:完成|实现)"
)

#: 基本 + 完成/整改到位 … — substantially done: 基本完成整改, 已基本整改到位, 基本得到解决, 整改基本到位
SUBSTANTIAL_MARK = "已经基本|均已基本|已基本|均基本|基本"
SUBSTANTIAL_CORE = (
    "完成整改|整改完成|整改到位|整改完毕|得到有效解决|得到解决|得到纠正|实现整改目标|"  # the long cores first
    "完成|整改|解决|落实|到位|办结|纠正|销号"
)
#: 整改基本到位 / 整改工作基本完成 — the same with the core word first
SUBSTANTIAL_AFTER = "整改(?:工作)?基本(?:完成|到位|完毕)"

#: (已|已经|均已|全部 …) + (于2023年5月)? + (按期|按要求|全面 …)? + core — done. A core that is also an
#: ordinary verb (完成, 解决, 落实, 整改, 规范) counts only after a marker: 已完成 is a status, 完成评查案件
#: 39件 is a measure. 已于2021年3月完成(超期完成) is done, late or not (R7)
COMPLETION_MARK = "已经全部|已全部|均已全部|均已|已经|现已|已|全部|均"
#: 于2023年5月 / 于2022年底 — the date a marked completion names
COMPLETION_DATE = r"于\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末)?(?:前)?"
COMPLETION_MANNER = "按期|按时|按要求|如期|全面|全部|依法|彻底|一并"
COMPLETION_CORE_MARKED = (
    "完成整改并通过验收|完成整改并销号|完成整改|整改完成|整改到位|整改完毕|整改落实到位|落实到位|纠正到位|解决到位|"
    "完成交账销号|完成销号|通过验收销号|办结销号|整改销号|得到有效整改|得到有效解决|得到解决|得到纠正|"
    "完成|解决|落实|办结|销号|清零|整改|拆除完毕|拆除|规范|纠正|处理完毕"
)
#: …and the cores that need no marker: 完成整改 / 整改到位 / 办结 (完成 alone is an ordinary verb)
COMPLETION_CORE_ALONE = (
    "完成整改并通过验收|完成整改并销号|完成整改|整改完成|整改到位|整改完毕|整改落实到位|全部完成|全部整改|全部落实|"
    "全部解决|全部清零|实现清零|拆除完毕|完成交账销号|完成销号|通过验收销号|办结销号|整改销号|得到有效整改|"
    "得到有效解决|全面完成整改|全部整改到位|办结|销号|清零"
)
#: 已全部追回 / 全部缴入国库 / 全额归还原资金渠道 — the whole amount recovered: done when said of the whole
#: (GUIDE judgement 5); 全部 is what makes it the whole, 已追回资金18.2万元 is one measure
RECOVERED = (
    r"(?:已|均已)?(?:全部|全额)(?:予以)?(?:追回|收回|退回|清退|退还|补缴|缴入[^,;。]{0,6}国库|缴库|归还(?:原资金渠道)?|"
    r"化解|处置|处理完毕)"
)
#: 已完成或基本完成25项 — the report counts these together as done
COMPLETION_WORDS = "已完成或基本完成|已整改或基本整改"
#: 完成率100% / 整改率95% / 完成投资的85% / 形象进度达70% / 占计划的92% — a share done (R4): 100% or more
#: is done, less is a part still open (占全部规上工业20.5% is a share of something else; a share never
#: runs over a bracket: 完成整改(已完成整改任务的90%) is a verdict and its figure)
SHARE_DONE = re.compile(
    r"(?:(?:完成|整改|办结|销号|治理|落实|化解)率|完成|形象进度|工程进度|占(?:计划|任务|应|总))[^,;。%()已]{0,12}?"
    r"(\d+(?:\.\d+)?)%"
)

#: after a completion phrase, these leave it a status of the item: 已完成整改。/ 已完成,… / 已完成的
#: anything else is an object, and the completion belongs to one measure (已完成50个项目的决算审核)
STATUS_PHRASE_END = "。;;,,、)）(:!? \t\n●■◆了"
#: 已完成整改工作 / 已完成整改任务 / 正在推进事项 — a filler noun a status phrase takes with it
STATUS_FILLER = "工作|任务|事项|目标"
#: 已完成整改问题18个 / 部分整改4项 — the category words between a phrase and the count it tallies
COUNTED_WORDS = "问题|事项|任务"
#: 未整改到位问题 / 未完成的 — a negation followed so is an attribute naming a category (problems not
#: rectified), it states no status
NEGATION_ATTRIBUTE = re.compile("问题|事项|任务|的")
#: 尚未完成或… / 未完成及… — a conjunction after a negated phrase joins another status, it is no object
NEGATION_JOINS = "或及和与并且等"
#: 已完成并销号 / 已完成(超期1个月) — a conjunction or a bracket after a completion: no object follows
COMPLETION_JOINS = "并及且和与("
#: 已完成整改19个 / 15个问题已经完成整改 — what may stand between a phrase and the count it is said of
PHRASE_COUNT_GAP = re.compile(r"^(?:问题|事项|任务|整改任务|的)?$|^[^\d,,]{0,3}$")

#: 目前… / 截至… / 该问题… / 综上 / 通过以上措施 / 至此 / 经复核 — a sentence that speaks of the item as a
#: whole (R2), wherever it stands
STATUS_CONCLUDING = re.compile(
    r"^(?:目前|当前|截至目前|截止目前|截至|截止|现已|现|至此|综上|通过以上措施|通过上述措施|经复核|经复查|经核查|"
    r"该问题|此问题|本问题|上述问题|以上问题|该项|此项|本项|该任务|此任务|该事项|此事项|本事项|整改(?:工作)?已|"
    r"问题整改|整改完成情况|整改进展|完成情况|整改情况|整改结果|整改进度|进展情况)"
)
#: 截至目前 / 目前 after a comma starts a new statement (…加快建设,截至目前已完成整改)
STATEMENT_OPENERS = "截至|截止|目前"
#: 一是 / 同时 / 目前 / 该问题 — words before a status phrase that name no subject of their own; a
#: phrase after anything longer speaks of that subject (金钟新城违建别墅拆除工作全部完成: one work, not
#: the item), unless the subject is the item itself (ITEM_SUBJECT)
GENERIC_SUBJECT = re.compile(
    r"^(?:[一二三四五六七八九十]+是|其中|同时|此外|另外|目前|当前|现|至此|截至目前|截止目前|综上|该问题|此问题|本问题|"
    r"上述问题|有关问题|相关问题|问题|整改工作|整改|该项|此项|本项|该任务|该事项|经整改|通过整改|[,,\s:])*"
)
#: a subject this short (after the generic words) still speaks for the item: 均已…, 全部…
MAX_GENERIC_SUBJECT = 2
#: …问题 / 该审计发现问题 / 12处问题 / 上述3类问题 / 该项整改任务 — a subject that is the item or its whole
#: object: a completion said of it is the item's verdict (GUIDE: "of the item's whole object")
ITEM_SUBJECT = re.compile(
    r"(?:问题|事项|整改任务|整改事项|整改工作|该项整改|此项整改|本项整改)(?:整改)?(?:工作|任务)?[,\s]*$"
    r"|^(?:该|此|本|上述|以上)[^,;。]{0,10}(?:问题|事项|任务|项)"
)
#: 完成整改 / 整改到位 / 办结 / 销号 — a completion of the rectification itself, not of one work: in a verdict
#: sentence (目前跃进路及龙山道已全部完成整改) it is the item's whatever its subject (主体工程已完成 is one work)
RECTIFICATION_CORE = re.compile("整改|办结|销号|清零")
#: 整改工作 / 该问题 / 此项 — words that name the item: a generic subject made of them speaks for the item
#: even inside a measure (二是…,整改工作暂缓推进)
ITEM_WORD = re.compile("问题|整改|该项|此项|本项|该任务|该事项")
#: 该问题… / 此项… / 本项… — a subject opening with a pronoun is the item itself, even inside a measure
ITEM_PRONOUN = re.compile("^(?:该|此|本)")
#: 因资金原因 / 受疫情影响 — a cause before a status phrase names no subject: 因规划原因暂缓推进 is the item's
CAUSE = re.compile(r"^(?:因|由于|受)[^,;。]{1,20}?(?:原因|影响|因素|制约|所致)")
#: a status group heading: （一）已完成整改的问题 / 二、正在推进整改的事项 — its items share its status
STATUS_GROUP_HEADING = re.compile(
    r"^(?:关于|属于|对)?(?P<phrase>.+?)的?(?:问题|事项|任务|整改事项|整改任务)(?:\(.*\))?$"
)
#: 下一步 / 将 / 计划 / 预计…前 — a sentence about the future states no status
FUTURE = re.compile(r"^(?:下一步|下步|今后|接下来|我们将|将|计划|拟|预计|力争|确保)")
#: 将于 / 计划2024年 / 力争 / 预计 / 待…后 / 承诺于 / 原定 — inside a clause, what follows is a plan, not a
#: status (R5; 原定…完成 is the plan a late item missed, R7). 已将 is the object marker, not the future
FUTURE_IN = re.compile(
    r"将于|将在|将会|(?<![已并均])将(?=[进全长持继按完逐严加])|(?<!按)计划(?![中内的书表任和,;。])|(?<!草)拟(?!定)|"
    r"力争|预计|争取(?=于|在|\d|年)|确保(?=于|在|\d|年)|下一步|下步|今后|接下来|待[^,;。]{1,20}后|承诺|原定|原计划|"
    r"可望|有望|能够|(?<!已)可(?=[完实全基])|需(?=[完于在])|应(?=[于在完])|要求|督促|责令|限期"
)
#: 2024年底前 / 6月30日前 — a deadline before an unmarked completion (年底前完成整改) makes it a plan
DEADLINE_BEFORE = re.compile(r"(?:底|末|日|月|年)前")
#: 已 / 均已 / 现已 — a completion marked as done: 已于2023年6月底前完成 is past, whatever date it names
PAST_MARK = re.compile("已|均已|现已|全部已")
#: 2024年底前 / 2023年6月 — a date before a status phrase names no subject: 2024年底前已完成整改 is the item's
DATE_HEAD = re.compile(r"^(?:于|在)?\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末)?(?:前|以来)?")
#: 部分 / 个别 / 大部分 — a completion said of some of the item's objects: part done, the item under way (R4)
SOME_OF = re.compile("部分|个别|多数|一些|少数")
#: 其余正在推进 / 其余问题已完成整改 — the remainder of a count
REMAINDER = "其余"
#: 其余 / 剩余 / 另有 / 尚有 — words that open the rest of a count: the worst part decides (R4)
REMAINDER_WORDS = re.compile("其余|其他|剩余|另有|尚有|还有|余下")
#: 上轮巡察反馈的同类问题已于2022年整改完毕 / 上一任期…已全部整改完毕 — a sentence about an earlier round
#: or term speaks of other items (R10)
EARLIER_ROUND = re.compile(r"^(?:上轮|上一轮|上次|上一次|前一轮|前轮|上届|上一届|上一任期|上任|以往|往年|历次)")
#: 详见附件2第15项 / 见第3条 — a status field that only points elsewhere says nothing (R1)
CROSS_REFERENCE = re.compile(r"^(?:详见|参见|参照|见|同)(?:附件|附表|第|上文|前文|本报告|表|上|下)")
#: “…” / 《…》 — quoted problem text and document titles: their status words are not the item's (R10)
QUOTED_SPAN = re.compile(r"“[^“”]*”|《[^《》]*》|‘[^‘’]*’|\"[^\"]*\"")
#: 一是 / (1) / ① / 1. — a sentence opening so is one measure: its completions are not the item's
#: verdict, its ongoing work is (R3)
MEASURE_START = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}是|\(\d{1,2}\)|[①-⑳]|\d{1,2}[.、](?!\d)|第[一二三四五六七八九十]+[,、是])"
)
#: 完成 / 推进 / 到位 / 滞后 … — words of the status vocabulary: a verdict sentence or a status field that
#: holds them but reads as no status is reported as unread (status_unread), never guessed
STATUS_VOCABULARY = re.compile(
    "完成|整改|到位|办结|销号|推进|解决|落实|滞后|暂缓|序时|阶段性|清零|坚持|实施|进展|完毕|验收"
)

# ---------------------------------------------------------------------------------------------
# Ledgers (整改台账) and field lines: column headers and labels, by the role they play
# ---------------------------------------------------------------------------------------------

#: a ledger's column header, or a field line's label, names one of these roles; longest words
#: first within a role. 整改情况 is a status column in a ledger and a narrative label in prose.
FIELD_ROLES = {
    "number": "序号|编号|序",
    "category": "问题类别|问题类型|问题分类|类别|类型|所属方面|方面|领域|板块",
    "problem": "巡察反馈问题|巡视反馈问题|审计发现问题|反馈问题|存在问题|具体问题|问题描述|问题表现|问题清单|问题内容|"
               "问题名称|整改事项|整改任务|督察问题|问题",
    "goal": "整改目标|目标要求|目标",
    "measures": "整改措施|整改举措|具体措施|工作措施|措施",
    "responsible": "责任单位|牵头单位|责任部门|主责单位|配合单位|责任领导|牵头领导|责任人|整改责任人",
    "deadline": "整改时限|完成时限|整改期限|计划完成时间|完成时间|时限要求|时限",
    "status": "整改进展情况|整改完成情况|整改进展|整改进度|完成情况|整改状态|进展情况|整改情况|办结情况|是否完成|"
              "进展|状态",
    "note": "备注|说明",
}  # fmt: skip
#: a ledger header needs a problem column and this many other recognised columns
LEDGER_MIN_ROLES = 2
#: 整改任务:… / 整改措施:1、…2、… — a field line: a role's label and a colon at a paragraph's start
FIELD_LINE = re.compile(
    r"^\s*(" + "|".join(sorted({w for ws in FIELD_ROLES.values() for w in ws.split("|") if len(w) >= 2},
                                key=len, reverse=True)) + r")\s*[::]"
)  # fmt: skip
#: in a ledger's status column, 持续推进 / 加快推进 say "ongoing" even without 正在
LABEL_ONGOING = re.compile(r"^(?:持续|继续|加快|积极|稳步|有序|深入|按期|按计划|全力)(?:推进|整改|推动|落实|实施)")
#: …and a bare 完成 / 是 says done
LABEL_DONE = re.compile(r"^(?:完成|已完成|是|办结|已办结|销号|已销号)$")

#: field labels whose value is the item's status: 整改状态:已完成 / 整改进展:正在推进 / 目前状态:已销号 (GUIDE R1:
#: such a field decides wherever it stands, first, last or inline after another field)
STATUS_LABELS = (
    "整改进展情况|整改完成情况|整改进展状态|整改状态|整改进展|整改进度|整改结果|完成情况|进展情况|办理情况|办结情况|"
    "完成状态|目前状态|当前状态|目前进展|当前进展|是否完成|工作进展|完成进度|办理进展|处理结果|整改落实结果|推进情况|"
    "进展|状态"
)
#: field labels whose value usually describes measures: read by the verdict rules like prose (整改情况:…
#: 该问题已整改完毕), never decided by a completion inside a measure (整改情况:已完成50个项目的决算审核)
NARRATIVE_LABELS = "整改落实情况|整改进展及成效|整改成效|整改情况|落实情况|整改举措"
#: 整改时限 / 整改目标 / 整改措施 / 责任单位 / 问题表现 — fields that are no status (R1): 整改时限:长期坚持 is a
#: deadline type, 整改目标:2023年底前全面完成整改 a target, 问题表现:“…未完成” the problem's own words
OTHER_LABELS = (
    "整改时限|完成时限|整改期限|时限要求|时限|计划完成时间|整改目标|目标要求|整改措施|具体措施|工作措施|责任单位|牵头单位|"
    "责任部门|配合单位|责任领导|牵头领导|责任人|问题表现|问题描述|督察反馈|审计指出|巡察指出|存在问题|备注"
)
#: …of those, the ones whose value ends at its sentence: 整改时限:2022年底前。(1)… — the measures after it are
#: prose; 问题表现:“…”。目前该问题… — the verdict after the problem's words is the item's
SHORT_LABELS = re.compile("时限|期限|时间|目标|问题|反馈|指出")
#: a label and its value: 整改状态:尚未完成 (full-width colon already half-width)
LABEL_SEPARATOR = ":"

#: 第一项、第二项、第四项问题 / 上述第3个问题 — ordinal references in a summary sentence
ORDINAL_REFERENCE = re.compile(r"第([一二三四五六七八九十\d]{1,3})(?:项|个|条|类|点|部分)")
#: 以上问题 / 上述问题 — a paragraph that looks back over the list above it
SUMMARY_OPENER = re.compile(r"^(?:以上|上述|综上|对于以上|对以上|针对以上|针对上述)")
#: 以下问题均已完成整改 / 上述问题均… — a group's intro speaking of all its members
GROUP_SUBJECT = re.compile(r"^(?:目前|截至目前|现)?[,]?(?:以下|以上|上述|上列|下列|本组|该类|此类|本类|所列)")
#: ids of the rows that frame the items: the text before the first item, a closing paragraph
#: that looks back over the list, and the sign-off
PREAMBLE_ID, CLOSING_ID, SIGN_OFF_ID = "前言", "结语", "落款"
FRAME_ROWS = (PREAMBLE_ID, CLOSING_ID, SIGN_OFF_ID)
#: …问题 / …不到位 / …不健全 — a bare numbered heading that names a problem is an item, not prose
PROBLEM_HEADING = re.compile(
    r"(?:问题|不到位|不健全|不完善|不足|不够|不严|不力|不实|不高|不强|不明显|不充分|不及时|不规范|不彻底|"
    r"滞后|缓慢|薄弱|欠缺|有差距|偏差|短板|漏洞|隐患|未落实|未完成)[)）”\s]*$"
)
#: 公用经费支出不规范的问题(1号) / …问题(省委巡视反馈) — a short note in brackets after a heading:
#: the heading before it is what names the problem
PROBLEM_HEADING_NOTE = re.compile(r"\s*\([^()]{1,20}\)\s*$")
#: 整改落实情况 / 问题清单 / 具体整改事项 — a numbered heading that names a part of the report, not
#: one problem: its field lines (问题表现:…) are items of their own, not its fields
SECTION_HEADING = re.compile(r"(?:情况|清单|事项|如下|明细|汇总)$")

# ---------------------------------------------------------------------------------------------
# Counts, quantities and units (metrics, progress, stated totals)
# ---------------------------------------------------------------------------------------------

#: units a problem count is given in: 30个具体问题, 241户, 59项
COUNT_UNITS = "个户项件条家起处名人"
#: units of a stated total's count: 25个问题, 40项, 11条, 四类问题
TOTAL_COUNT_UNITS = "个项条件起批类"
#: 四个方面13个重点问题 / 六类25个具体问题 / 29个单位(部门)共计50项 / 11个市(州) / 分四个阶段 — a
#: count of groups, of bodies or of stages, not of problems
GROUPING = re.compile(
    r"^(?:方面|大类|领域|板块|阶段|市|县|区|州|省|乡镇|街道|村|社区|单位|部门|省直部门|企业|党组织|地方)"
    r"|^、?(?=\d|[一二三四五六七八九十两百千])"
)
#: 问题 / 整改任务 — a category so plain that a smaller count of it breaks the open total down
#: (…45个具体问题…其余6个问题均取得明显进展), rather than opening a total of its own
PLAIN_CATEGORIES = ("问题", "事项", "任务", "整改任务", "整改事项", "问题整改任务")
#: 10个方面个问题 — a count whose digits the page lost: the count is stated, its size unknown
LOST_DIGITS = re.compile(r"(?:(?<=方面)|(?<=[的共计有]))个(?=问题|事项|具体问题)")
#: 23个未整改到位问题中,15个… — "among": the counts that follow break this one down
AMONG = "中"
#: bullets and round markers that start a new statement inside a paragraph (●第二轮…)
STATEMENT_BREAK = re.compile(r"[●■◆]|(?<=[,,])(?=第[一二三四五六七八九十\d]+轮)")
#: units of a quantity, longest first where one is a prefix of another (平方米 before 米)
QUANTITY_UNITS = sorted(
    "平方公里 平方米 立方米 微克/立方米 毫克/立方米 公里 千米 公顷 亩 吨 千瓦时 千瓦 元 个百分点 百分点 人次 家次 "
    "座次 村次 户次 批次 次 个工作日 个月 个 项 条 家 人 名 场 期 篇 件 起 份 批 处 所 座 台 艘 册 幅 具 类 户 间 套 "
    "栋 辆 本 张 封 轮次 轮 天 小时 分钟 秒 岁 分 倍 % 米 株 棵 宗 笔 个点位".split(),
    key=len,
    reverse=True,
)
#: 3.68万平方米: multipliers between a number and its unit
MULTIPLIERS = {"万": 1e4, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万亿": 1e12}
#: 3至5个 / 3-5个 — a range between two numbers
RANGE_SEPARATORS = "至|到|~|-|—"
#: 390千米 is 390公里; 0.7百分点 is 0.7个百分点
UNIT_ALIASES = {"千米": "公里", "百分点": "个百分点"}
#: words before a number: approximate (近, 约, 超过 …), cumulative (累计, 共 …) or neither (达到)
QUANTITY_PREFIX = "近|约|超过|超|逾|不少于|不低于|不足|多达|达到|达|累计|共计|共|总计|合计"
#: …of which these make the value a bound, not a value
APPROX_PREFIX = ("近", "约", "超过", "超", "逾", "不少于", "不低于", "不足", "多达")
#: …and these make it a running total
CUMULATIVE_PREFIX = ("累计", "共计", "共", "总计", "合计")
#: 400余篇 / 2万多人 / 60%以上 / 100人左右 — approximate suffixes
APPROX_SUFFIX = "余|多"
QUANTITY_POSTFIX = "以上|左右|以下|余"
#: 累计拆迁… / 全区共… — a label that marks the quantity as a running total
CUMULATIVE_LABEL = re.compile("累计|共计|总计|合计|累积|^共|全区共|共有")
#: 一是 / 其中 / 目前 — filler words trimmed from the front of a quantity's label
LABEL_FILLER = re.compile(
    r"^(?:[一二三四五六七八九十]+是|其中|同时|另外|此外|并|已|共|累计|共计|目前|截至目前|全年|先后|分别)+"
)
#: characters that end a quantity's label on the left
LABEL_BOUNDARY = set(",;。::!?、\n")
#: …of which these give only an upper bound (近2万人: at most 20000) …
UPPER_BOUND_PREFIX = ("近", "不足")
UPPER_BOUND_POSTFIX = ("以下",)
#: …and these no bound at all (约100人, 100人左右)
ABOUT_PREFIX = ("约",)
ABOUT_POSTFIX = ("左右",)
#: Chinese numeral characters a quantity may be written in (十二个, 两次)
CHINESE_NUMERAL = "零一二三四五六七八九十百千两〇"
#: 第14轮 — a number after 第 is an ordinal, not a quantity
ORDINAL_BEFORE = "第"
#: 一批 / 一把手 — a lone 一 is a word, not a count
WORD_NUMERAL = "一"
#: 2个月 is a count, but 12个月 followed by 年/月/号 reads as a date fragment
NOT_A_COUNT_AFTER = ("年", "月", "号")
#: …the unit of that count
NOT_A_COUNT_UNIT = "个"
#: 2万3000人 — 万 joining the two parts of one number written with it
NUMBER_JOINER = "万"

# ---------------------------------------------------------------------------------------------
# Stated totals and rates
# ---------------------------------------------------------------------------------------------

#: a count inside an item's own text is a stated total without a breakdown only when it counts
#: problems (发现问题308个); 62项基本工作任务 there is how a measure is described
PROBLEM_WORD = "问题"
#: 问题 / 事项 / 任务 … — what a stated total counts
TOTAL_CATEGORY = re.compile(r"问题|事项|任务|意见|建议|案件|举报|信访|线索")
#: 30个具体问题 — the category words right after a count
#: (the words may run over 、 and quotes: 30个落实市委巡视、审计和“…”主题教育整改不到位问题;
#: 24项整改任务落实 / 12个问题整改: a verb may follow the category)
TOTAL_CATEGORY_AFTER = re.compile(
    r"[^\d,;。]{0,40}?(?:问题表现|问题|事项|任务|意见建议|意见|建议|案件|举报件|信访件|线索)"
    r"(?:(?![\u4e00-\u9fff])|(?=[和及等已均有中全正其除未尚仍进得被在落整]))"
)
#: 完成率94.9% / 整改率96.07% / 办结率 — a stated completion rate
RATE = re.compile(r"(?:完成率|整改率|办结率|销号率|落实率|整改完成率)(?:为|达到|达|是)?\s*(\d+(?:\.\d+)?)%")
#: 共指出 / 查摆 / 移交 … — the verb before a total's category, dropped with all before it (the
#: last one counts: 审计工作报告共反映问题 → 问题); 反馈/发现/查出 name a category (巡察反馈问题,
#: 审计发现问题) and stay; 应完成/需完成 (应完成整改任务89项) name what is to be done
TOTAL_VERBS = re.compile(
    r"^.*(?:共指出|指出|反映|查摆|移交|交办|梳理出|梳理|分解为|涉及|共计|共有|共|(?:应|需|须|计划|要)完成(?:的)?)"
)
#: a category before its count is at most this long (市审计局2021年审计东丽区发现问题105个)
CATEGORY_BEFORE_MAX = 24
#: 本轮 / 截至目前 … — filler at the start of a category
CATEGORY_LEAD = re.compile(r"^(?:截至目前|截止目前|目前|本轮|本次|此次|其中|全年|累计|我省|我市|我区|我县|[,,\s])+")
#: 的 — a particle trimmed from either end of a category
CATEGORY_TRIM = "的 "
#: 共 / 合计 / 中目前还有 — trailing words dropped from a category (推动改革促进发展整改问题中目前还有1个…)
TOTAL_CATEGORY_TAIL = re.compile(r"(?:中)?(?:截至目前|目前|现在|现)?(?:还|仍|尚)?(?:共计|合计|总计|共有|共|计|有)$")
#: 全部 / 均 — the whole total shares one status (30个具体问题已全部完成整改)
ALL_OF_WORDS = ("全部", "均")
ALL_OF = re.compile("|".join(ALL_OF_WORDS))
#: 其中… — a breakdown of part of a total, not a count of it
PART_OF = "其中"
#: the item kind a stated total's category counts ('' when it counts no listed item kind)
CATEGORY_KINDS = [
    ("举一反三", "extension"), ("推动改革", "reform"), ("立行立改", "immediate"),
    ("重点问题", ""), ("问题表现", ""), ("意见建议", ""), ("整改意见", ""),
    ("具体问题", "feedback"), ("反馈问题", "feedback"), ("整改任务", "feedback"), ("问题", "feedback"),
]  # fmt: skip

# Stated totals: what is not a total, and how else a total is stated (issue 16 part 4)

#: 发现了一批共性问题 / 作为一项重大政治任务 / 形成一个长效机制 — a lone 一 before a unit is a
#: vague quantifier ("a batch of", "a major task"), never a count of 1 ...
VAGUE_ONE = "一"
#: ... unless a tally word or the category stands right before it (共移交问题一个 / 立行立改问题一项)
TALLY_BEFORE = re.compile(r"(?:共|共计|合计|总计|共有|计有|仅有|只有|问题|事项|任务)$")
#: 问题表现: / 存在问题: / 问题描述: — a label whose text states the problem as the inspectors found
#: it (19起超标排放案件均未处罚): its counts are the problem's, not a total of the report
PROBLEM_STATEMENT_LABEL = re.compile(
    r"(?:^|(?<=[。;;\s]))(?:" + "|".join(w for w in FIELD_ROLES["problem"].split("|") if len(w) >= 4) + r")\s*:"
)
#: 整改时限: / 整改进展情况: / 责任单位: — a field label (at a line's start, or inline after 。 when
#: it is four characters or more): it ends a problem statement; the text before the first one,
#: on the body's first line, is the rest of the heading's problem words
FIELD_LABEL_ANYWHERE = re.compile(
    r"(?:^|(?<=\n))\s*(?:" + "|".join(sorted({w for ws in FIELD_ROLES.values() for w in ws.split("|") if len(w) >= 2},
                                               key=len, reverse=True)) + r")\s*:"
    r"|(?<=[。;;])\s*(?:" + "|".join(sorted({w for ws in FIELD_ROLES.values() for w in ws.split("|") if len(w) >= 4},
                                           key=len, reverse=True)) + r")\s*:"
)  # fmt: skip
#: “全县19起超标排放案件均未处罚”问题 — counts inside quotes are the quoted problem's (or a
#: slogan's: “四个意识”), never the report's totals; quotes longer than this are not quotes
QUOTE = re.compile(r"“[^“”]{1,200}”")
#: 已完成313项整改任务,占…明确531项任务的近六成 — 占 opens the whole the count before is part of
SHARE_OF = re.compile(r"^(?:约|近|仅|共|已)?占(?![用地压道据领有])")  # not 占用耕地 / 占地纠纷
#: …the word itself: a clause without it near its start is no share (a cheap test before SHARE_OF)
SHARE_WORD = "占"
#: …占总数的58.9% — the share stated with it (the completion rate when the part is the completed one)
SHARE_RATE = re.compile(r"(\d+(?:\.\d+)?)%")
#: 查处好人主义问题34起 / 收集企业问题155个 / 推动解决问题13个 / 督促整改问题585个 — a count of
#: what a measure handled (cases investigated, complaints collected), not of the report's problems
HANDLING_VERBS = "查处|收集|转化|提级办理|推动解决|协调解决|解决|化解|处置|处理|查办|问责|督促整改|推动整改|督办"
#: …in the category words before the count (查处土地领域违纪违法问题46起)
HANDLED_CATEGORY = re.compile(HANDLING_VERBS)
#: …or right before a count whose category follows (查处46起违纪违法问题 / 解决了12个问题)
HANDLED_BEFORE = re.compile(rf"(?:{HANDLING_VERBS})了?$")
#: 累计完成整改任务1398项 — a status phrase that ends in the category it counts (the phrase reads 任务
#: as its own filler word): the count is of 整改任务, completed
PHRASE_CATEGORY_TAIL = re.compile(r"(?:整改)?(?:任务|事项)$")
#: 应完成整改任务89项 / 按方案需完成30项 / 计划完成整改问题20个 — a completion after these words is
#: what is to be done: the count is the whole, no status
OBLIGATION_BEFORE = re.compile(r"(?:应|需|须|需要|必须|要|计划|拟|预计|力争|确保)$")
#: 阶段性办结430件 / 阶段性完成12项 — a completion of a stage: the count is phase_completed, not completed
PHASE_MARK = "阶段性"
#: 实现了95.5%的完成率 / 98%的整改率 — a rate stated before its name
RATE_BEFORE = re.compile(r"(\d+(?:\.\d+)?)%的(?:整改)?(?:完成率|整改率|办结率|销号率|落实率)")
#: 针对督察反馈的问题,…其中已有277个成功完成整改 — the category a breakdown speaks of when no count
#: opened a total: the last category words earlier in its sentence (the whole is of unknown size)
CATEGORY_BEFORE = re.compile(r"([^,;。、\d]{0,16}?(?:问题|事项|整改任务|任务|意见建议|案件|举报件|信访件|线索))")
#: 该问题 / 上述问题 / 相关问题 — words that point back at an item, never the category of a total
REFERRING_CATEGORY = re.compile(r"^(?:该|此|本|上述|以上|前述|相关|有关|这些|这个|这类)(?:问题|事项|任务)$")
#: 针对 / 对 / 就 — lead words dropped from such a category (针对督察反馈的问题 → 督察反馈的问题)
CATEGORY_BEFORE_LEAD = re.compile(r"^(?:针对|对照|对于|按照|对|就|围绕|聚焦|根据)")


#: the year a budget-execution audit covers (2023年度区本级预算执行审计): what ties the
#: successive rectification reports of one audit together when no inspection round is named
AUDIT_YEAR = re.compile(r"(?:19|20)\d{2}年度")
#: what tells versions of one title apart (dates, numbers, 第N期/次): removed, the rest names the series
VERSION_MARKS = re.compile(r"[\d\-—年月日第期次号()（）]+")

# ---------------------------------------------------------------------------------------------
# Doubts (疑点清单): the words the rules of ``rectdiff.doubts`` read an item's body for
# ---------------------------------------------------------------------------------------------

#: 将进一步完善 / 拟于年底前 / 计划 / 力争 / 下一步 — a plan, an intention or the future tense
#: at the start of a clause: a body made only of such clauses states no result, so "completed" on
#: top of it is a lead (完成而无实据). A bare 将 is no future: 将滨丽公司和城投集团合并 is 将 taking an
#: object (done), so only 将 before a word of time or manner (将继续, 将于, 将进一步 …) counts
DOUBT_FUTURE = re.compile(
    r"(?:^|[,,;;:])\s*(?:[一二三四五六七八九十]{1,3}是)?\s*(?:下一步|下步|今后|接下来|我们将|将要|"
    r"将(?:继续|进一步|持续|加快|加大|于|在|全面|深入|着力|认真|坚持|逐步|尽快)|拟|计划|预计|力争|争取|准备)"
)
#: 已 — a clause that says something is already done is no plan, whatever future word it holds
#: (计划投资已全部到位)
DOUBT_DONE_MARK = "已"
#: 召开专题会议 / 印发通知 / 制定方案 / 出台办法 / 研究部署 — meetings and documents: work on
#: paper that shows no result by itself, so a body of nothing else does not evidence completion
DOUBT_PROCESS = re.compile(
    r"召开[^,,。;;]{0,24}?(?:会议|会)|印发[^,,。;;]{0,24}?(?:通知|方案|办法|意见|文件)|"
    r"制定[^,,。;;]{0,24}?(?:方案|计划|办法|制度|清单)|出台[^,,。;;]{0,24}?(?:办法|意见|制度|方案)|"
    r"下发[^,,。;;]{0,24}?(?:通知|文件)|研究部署|动员部署|传达学习|专题学习|组织学习|签订[^,,。;;]{0,8}?责任书"
)
#: 追回资金 / 拆除 / 清退 / 建成 / 办结 / 处分 — a done result in the world (money back, a
#: building down, a case closed): a clause with one of these, or with a count, is evidence
DOUBT_RESULT = re.compile(
    r"追回|收回|退还|返还|缴回|补缴|收缴|挽回|清退|拆除|复绿|关停|取缔|清理|清运|整治|建成|完工|竣工|"
    r"投用|投入使用|通车|办结|化解|处分|问责|立案|查处|移送|解决|改造|更换|新建|新增|招聘|撤销|注销"
)
#: 3个 / 1.2公里 / 56台 — a count in a clause; counts of meetings and documents (次, 期, 份, 场)
#: are process, not result (召开会议6次 proves a meeting, not a rectification)
DOUBT_COUNT = re.compile(r"\d[\d,.]*\s*(?:万|亿|千|百)?(?!\s*(?:次|期|份|场|轮|批次|个文件|项制度))[^\d\s,,。;;]")
#: 一是 / 二是 / 截至目前 … — where a body splits into the clauses the rules read one by one
DOUBT_CLAUSE = re.compile(r"[。;;!?\n]|(?=[一二三四五六七八九十]{1,3}是)")
#: 完成率 / 整改率 / 办结率 / 销号率 — a completion rate among an item's figures: falling
#: between versions is a lead (累计数回落), unlike a share that may fall (同比下降23%)
DOUBT_RATE_LABEL = re.compile(r"完成率|整改率|办结率|销号率|落实率|完成比例|整改完成率")
#: 坚决扛起整改政治责任 / 举一反三 / 建立长效机制 — stock phrases every rectification report
#: uses: taken out of a measures paragraph before comparing, so two units sharing them are no
#: 雷同表述 (only the rest of the paragraph, if 40 characters remain, is compared)
DOUBT_STOCK_PHRASES = (
    "坚决扛起整改政治责任", "把巡视整改作为重大政治任务", "把巡察整改作为重大政治任务", "抓紧抓实",
    "以上率下", "压紧压实整改责任", "压实整改责任", "举一反三", "建立长效机制", "健全长效机制",
    "标本兼治", "立行立改", "真改实改", "全面整改", "确保整改取得实效", "确保整改到位", "切实加强组织领导",
    "加强组织领导", "强化督查问效", "进一步提高政治站位", "提高政治站位",
    "深入学习贯彻习近平新时代中国特色社会主义思想",
    "增强“四个意识”、坚定“四个自信”、做到“两个维护”", "不断巩固整改成果", "巩固整改成果",
)  # fmt: skip
#: …as one pattern, longest first (so 压紧压实整改责任 goes before 压实整改责任)
DOUBT_STOCK = re.compile("|".join(re.escape(p) for p in sorted(DOUBT_STOCK_PHRASES, key=len, reverse=True)))
