"""Counts, quantities and units (metrics, progress, stated totals)."""

from .lazy import pattern

#: units a problem count is given in: 30个具体问题, 241户, 59项
COUNT_UNITS = "个户项件条家起处名人"
#: units of a stated total's count: 25个问题, 40项, 11条, 四类问题
TOTAL_COUNT_UNITS = "个项条件起批类"
#: 四个方面13个重点问题 / 六类25个具体问题 / 29个单位(部门)共计50项 / 11个市(州) / 分四个阶段 — a
#: count of groups, of bodies or of stages, not of problems
GROUPING = pattern(
    r"^(?:方面|大类|领域|板块|阶段|市|县|区|州|省|乡镇|街道|村|社区|单位|部门|省直部门|企业|党组织|地方)"
    r"|^、?(?=\d|[一二三四五六七八九十两百千])"
)
#: 问题 / 整改任务 — a category so plain that a smaller count of it breaks the open total down
#: (…45个具体问题…其余6个问题均取得明显进展), rather than opening a total of its own
PLAIN_CATEGORIES = ("问题", "事项", "任务", "整改任务", "整改事项", "问题整改任务")
#: 10个方面个问题 — a count whose digits the page lost: the count is stated, its size unknown
LOST_DIGITS = pattern(r"(?:(?<=方面)|(?<=[的共计有]))个(?=问题|事项|具体问题)")
#: 23个未整改到位问题中,15个… — "among": the counts that follow break this one down
AMONG = "中"
#: bullets and round markers that start a new statement inside a paragraph (●第二轮…)
STATEMENT_BREAK = pattern(r"[●■◆]|(?<=[,,])(?=第[一二三四五六七八九十\d]+轮)")
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
CUMULATIVE_LABEL = pattern("累计|共计|总计|合计|累积|^共|全区共|共有")
#: 一是 / 其中 / 目前 — filler words trimmed from the front of a quantity's label
LABEL_FILLER = pattern(
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
