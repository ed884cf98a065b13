"""Title, issuer, dates and round: the report's metadata, and what names a series of its versions."""

from .lazy import pattern

#: 关于…整改进展情况的通报 — a report's title line ends like this
TITLE = pattern(r"(报告|通报|情况|公示|公告|的函|决定)[)）]?$")
#: …the same, plus the title-like words a heading may end with (方案, 意见); a line ending so is not
#: joined to the next one
TITLE_END = pattern(r"(报告|通报|情况|公示|公告|函|决定|方案|意见)[)）]?$")
#: 中共天津市东丽区委员会 / ××审计局 — a signing body closing a report
ISSUER = pattern(r"(委员会|党组|党委|人民政府|政府|办公室|领导小组|审计局|审计厅|公司|[局厅委院部会])$")
#: 2022年8月4日
DATE_CN = pattern(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
#: 2024年6月 — a month; a deadline so stated runs to the month's end (2024年6月底 too)
DATE_MONTH = pattern(r"(\d{4})\s*年\s*(\d{1,2})\s*月")
#: 2024年底 / 2024年末 — a deadline at the year's end
YEAR_END = pattern(r"(\d{4})\s*年(?:底|末)")
#: 2022-08-16 / 2022/8/16 / 2022.8.16
DATE_ISO = pattern(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
#: 欢迎…监督 / 特此公示 / 联系电话 / 附件 — the closing lines after the last item: from the first
#: of them on, the text is sign-off (a 附件:1.整改台账 line is no item)
CLOSING = pattern(r"^(欢迎|如有意见|如对|特此|联系电话|联系人|联系方式|电子邮箱|邮箱|附件|监督电话|举报电话)")
#: a closing line and what follows it are sign-off only when what follows is short
CLOSING_TAIL_MAX = 60
#: 附件 / 附件1 / 附件二 / 附件:整改台账 — a line that opens an attachment; one after the sign-off
#: that holds sentences, field lines or a ledger table holds the report's items (a 督察 report's
#: 具体问题整改进展情况), never another article
ATTACHMENT = pattern(r"^附件\s*([0-9一二三四五六七八九十]{0,3})\s*(?::|$|\s)")
#: the id of an attachment's group (附件, 附件1 …: the word and the line's number)
ATTACHMENT_ID = "附件"
#: what says an attachment's line holds an item's text: a sentence's or a clause's end
CONTENT_MARKS = "。;"
#: 中共××区委员会关于…的通报 / ××市人民政府关于… — the issuer that opens a title
TITLE_ISSUER = pattern(
    r"^(.{2,40}?(?:委员会|党组|党委|人民政府|政府|办公室|领导小组|审计局|审计厅|局|厅|公司|集团))关于"
)
#: metadata keys that name the site a page came from (kept as source_site, never as the issuer)
SOURCE_SITE_KEYS = ("来源", "信息来源")
#: a group the report leaves without a heading, named by the kind of its items (items 31–70 of
#: 推动改革促进发展 that follow item 30 of the last feedback group)
GROUP_NAMES = {"reform": "推动改革促进发展", "extension": "举一反三", "immediate": "立行立改"}
#: 十一届市委第九轮巡视 — the inspection round a report answers
ROUND = pattern(
    r"(?:[一二三四五六七八九十]+届)?(?:中央|省委|市委|区委|县委|州委|党组)?第[一二三四五六七八九十\d]+轮"
    r"(?:省级|中央)?(?:巡视|巡察|督察|生态环境保护督察|环境保护督察)?"
)
#: 截至2023年12月22日 / 截止到2023年底 / 截至2023年11月末 / 截至2023-12-22 — the date the report's
#: figures stand at: the body's own date, which orders versions before a page's 发布时间 (a page
#: republished months later keeps its report's place in the series)
AS_OF = pattern(
    r"(?:截至|截止到|截止|截至到)\s*(?:目前|当前)?[,]?\s*(\d{4})\s*"
    r"(?:年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日|底|末)?|底|末)|[-/.](\d{1,2})[-/.](\d{1,2}))"
)
#: 2023年12月 / 2023- — a date that a line break cut (…2023年12月 / 22日…): the line ends so, and
#: the next line's first characters complete it
DATE_CUT_HEAD = pattern(r"(\d{4}\s*年(?:\s*\d{1,2}\s*月)?|\d{4}[-/.](?:\d{1,2}[-/.])?)\s*$")
#: the last character of a DATE_CUT_HEAD before its spaces: a line that ends otherwise is not searched
DATE_CUT_ENDS = "年月-/."
#: …and the completed date must end here: 2023-12-22 (not 2023-12-1 of a line 1.关于…)
DATE_CUT_WHOLE = pattern(r"\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?![\d.、])")
#: （2023年12月） / 2023年第三季度 — a date in the title names the report's time when the body does not
TITLE_DATE = pattern(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
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
REPORT_WORDS = pattern("整改|巡视|巡察|审计|督察")

#: the year a budget-execution audit covers (2023年度区本级预算执行审计): what ties the
#: successive rectification reports of one audit together when no inspection round is named
AUDIT_YEAR = pattern(r"(?:19|20)\d{2}年度")
#: what tells versions of one title apart (dates, numbers, 第N期/次): removed, the rest names the series
VERSION_MARKS = pattern(r"[\d\-—年月日第期次号()（）]+")
