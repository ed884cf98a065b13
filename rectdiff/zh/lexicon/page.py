"""Page chrome and document furniture: what the read stage removes from a page before the report's text."""

from .lazy import pattern

#: ā á ǎ à … — the toned vowels of pinyin: a line holding none of them (nearly every line) holds no pinyin
PINYIN_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
#: 关(guān)于 — pinyin a mirror site inserts after each character; removed before anything else
PINYIN = pattern(rf"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[{PINYIN_TONES}])[a-z{PINYIN_TONES}ü]{{1,7}}\)")
#: — 3 — / - 3 - / 第3页 共9页 / 3/9: a page footer line, never report text
PAGE_FOOTER = pattern(
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
META_KEY = pattern(r"(?:^|[\s•·])(" + "|".join(sorted(META_KEYS, key=len, reverse=True)) + r")\s*[::]")
#: 打印本页 / 上一篇 / 网站地图 — words only page chrome contains (on a short line)
CHROME_WORDS = pattern(
    "打印本页|关闭窗口|访问次数|浏览次数|文章关键字|今天是|扫一扫|分享到|版权所有|ICP备|当前位置|所在位置|"
    "无障碍|关怀版|朗读|上一篇|下一篇|字号|收藏|网站地图|主办单位|技术支持|网站标识码|公网安备|欢迎您|"
    "跳至内容|责编|温馨提示|相关链接|相关阅读|来源于网络|举报电话|维基文库|本作品收录于|打开微信|登录"
)
#: 首页 / 【打印】 — a line that is nothing but one of these buttons
CHROME_EXACT = {"首页", "打印", "关闭", "分享", "收藏", "朗读", "返回", "顶部", "返回顶部", "【打印】", "【关闭】"}
#: 首页 > 政务公开 > 正文 — a breadcrumb trail
BREADCRUMB = pattern(r"(>|->|»|＞).*\S")
#: 2022年8月4日 / 2022-08-04 12:00 — a line that is only a date
DATE_LINE = pattern(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$|^\s*\d{4}-\d{1,2}-\d{1,2}(?:\s+[\d:]+)?\s*$")
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
