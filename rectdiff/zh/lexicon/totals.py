"""Stated totals and rates: what counts the report's problems, what is not a total, how else a total is stated."""

from .fields import FIELD_ROLES, labels_longest_first
from .lazy import pattern

#: a count inside an item's own text is a stated total without a breakdown only when it counts
#: problems (发现问题308个); 62项基本工作任务 there is how a measure is described
PROBLEM_WORD = "问题"
#: 问题 / 事项 / 任务 … — what a stated total counts
TOTAL_CATEGORY = pattern(r"问题|事项|任务|意见|建议|案件|举报|信访|线索")
#: 30个具体问题 — the category words right after a count
#: (the words may run over 、 and quotes: 30个落实市委巡视、审计和“…”主题教育整改不到位问题;
#: 24项整改任务落实 / 12个问题整改: a verb may follow the category)
TOTAL_CATEGORY_AFTER = pattern(
    r"[^\d,;。]{0,40}?(?:问题表现|问题|事项|任务|意见建议|意见|建议|案件|举报件|信访件|线索)"
    r"(?:(?![\u4e00-\u9fff])|(?=[和及等已均有中全正其除未尚仍进得被在落整]))"
)
#: 完成率94.9% / 整改率96.07% / 办结率 — a stated completion rate
RATE = pattern(r"(?:完成率|整改率|办结率|销号率|落实率|整改完成率)(?:为|达到|达|是)?\s*(\d+(?:\.\d+)?)%")
#: 共指出 / 查摆 / 移交 … — the verb before a total's category, dropped with all before it (the
#: last one counts: 审计工作报告共反映问题 → 问题); 反馈/发现/查出 name a category (巡察反馈问题,
#: 审计发现问题) and stay; 应完成/需完成 (应完成整改任务89项) name what is to be done
TOTAL_VERBS = pattern(
    r"^.*(?:共指出|指出|反映|查摆|移交|交办|梳理出|梳理|分解为|涉及|共计|共有|共|(?:应|需|须|计划|要)完成(?:的)?)"
)
#: a category before its count is at most this long (市审计局2021年审计东丽区发现问题105个)
CATEGORY_BEFORE_MAX = 24
#: 本轮 / 截至目前 … — filler at the start of a category
CATEGORY_LEAD = pattern(
    r"^(?:截至目前|截止目前|目前|本轮|本次|此次|其中|全年|累计|合计|总计|小计|汇总|我省|我市|我区|我县|[,,:\s])+"
)
#: 截至2023年12月 / 截至目前 — a clause that only dates the statement: the clause after it still follows
#: the total before it (反馈问题9个,截至2023年12月,已全部完成整改: all 9 done)
AS_OF_CLAUSE = pattern(
    r"\s*(?:截至|截止|到)(?:目前|当前|\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末|初|中旬|上旬|下旬)?)\s*"
)
#: 的 — a particle trimmed from either end of a category
CATEGORY_TRIM = "的 "
#: 共 / 合计 / 中目前还有 — trailing words dropped from a category (推动改革促进发展整改问题中目前还有1个…)
TOTAL_CATEGORY_TAIL = pattern(r"(?:中)?(?:截至目前|目前|现在|现)?(?:还|仍|尚)?(?:共计|合计|总计|共有|共|计|有)$")
#: 全部 / 均 / 全额 — the whole total shares one status (30个具体问题已全部完成整改); the whole amount
#: (已将挪用的资金126万元全额归还原资金渠道: 全额 covers it as 全部 does, GUIDE judgement 5)
ALL_OF_WORDS = ("全部", "均", "全额")
ALL_OF = pattern("|".join(ALL_OF_WORDS))
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
TALLY_BEFORE = pattern(r"(?:共|共计|合计|总计|共有|计有|仅有|只有|问题|事项|任务)$")
#: ... and never before 批: 共整改问题一批 is "a batch of" even after a tally word
VAGUE_ONE_UNITS = "批"
#: 问题表现: / 存在问题: / 问题描述: — a label whose text states the problem as the inspectors found
#: it (19起超标排放案件均未处罚): its counts are the problem's, not a total of the report
PROBLEM_STATEMENT_LABEL = pattern(
    r"(?:^|(?<=[。;;\s]))(?:" + "|".join(w for w in FIELD_ROLES["problem"].split("|") if len(w) >= 4) + r")\s*:"
)
#: 整改时限: / 整改进展情况: / 责任单位: — a field label (at a line's start, or inline after 。 when
#: it is four characters or more): it ends a problem statement; the text before the first one,
#: on the body's first line, is the rest of the heading's problem words
FIELD_LABEL_ANYWHERE = pattern(
    r"(?:^|(?<=\n))\s*(?:" + labels_longest_first(2) + r")\s*:"
    r"|(?<=[。;;])\s*(?:" + labels_longest_first(4) + r")\s*:"
)  # fmt: skip
#: “全县19起超标排放案件均未处罚”问题 — counts inside quotes are the quoted problem's (or a
#: slogan's: “四个意识”), never the report's totals; quotes longer than this are not quotes
QUOTE = pattern(r"“[^“”]{1,200}”")
#: 已完成313项整改任务,占…明确531项任务的近六成 — 占 opens the whole the count before is part of
SHARE_OF = pattern(r"^(?:约|近|仅|共|已)?占(?![用地压道据领有])")  # not 占用耕地 / 占地纠纷
#: …the word itself: a clause without it near its start is no share (a cheap test before SHARE_OF)
SHARE_WORD = "占"
#: …占总数的58.9% — the share stated with it (the completion rate when the part is the completed one)
SHARE_RATE = pattern(r"(\d+(?:\.\d+)?)%")
#: 查处好人主义问题34起 / 收集企业问题155个 / 推动解决问题13个 / 督促整改问题585个 — a count of
#: what a measure handled (cases investigated, complaints collected), not of the report's problems
HANDLING_VERBS = "查处|收集|转化|提级办理|推动解决|协调解决|解决|化解|处置|处理|查办|问责|督促整改|推动整改|督办"
#: …in the category words before the count (查处土地领域违纪违法问题46起)
HANDLED_CATEGORY = pattern(HANDLING_VERBS)
#: …or right before a count whose category follows (查处46起违纪违法问题 / 解决了12个问题)
HANDLED_BEFORE = pattern(rf"(?:{HANDLING_VERBS})了?$")
#: 累计完成整改任务1398项 — a status phrase that ends in the category it counts (the phrase reads 任务
#: as its own filler word): the count is of 整改任务, completed
PHRASE_CATEGORY_TAIL = pattern(r"(?:整改)?(?:任务|事项)$")
#: 应完成整改任务89项 / 按方案需完成30项 / 计划完成整改问题20个 — a completion after these words is
#: what is to be done: the count is the whole, no status
OBLIGATION_BEFORE = pattern(r"(?:应|需|须|需要|必须|要|计划|拟|预计|力争|确保)$")
#: 阶段性办结430件 / 阶段性完成12项 — a completion of a stage: the count is phase_completed, not completed
PHASE_MARK = "阶段性"
#: 实现了95.5%的完成率 / 98%的整改率 — a rate stated before its name
RATE_BEFORE = pattern(r"(\d+(?:\.\d+)?)%的(?:整改)?(?:完成率|整改率|办结率|销号率|落实率)")
#: 针对督察反馈的问题,…其中已有277个成功完成整改 — the category a breakdown speaks of when no count
#: opened a total: the last category words earlier in its sentence (the whole is of unknown size)
CATEGORY_BEFORE = pattern(r"([^,;。、\d]{0,16}?(?:问题|事项|整改任务|任务|意见建议|案件|举报件|信访件|线索))")
#: 该问题 / 上述问题 / 相关问题 — words that point back at an item, never the category of a total
REFERRING_CATEGORY = pattern(r"^(?:该|此|本|上述|以上|前述|相关|有关|这些|这个|这类)(?:问题|事项|任务)$")
#: 针对 / 对 / 就 — lead words dropped from such a category (针对督察反馈的问题 → 督察反馈的问题)
CATEGORY_BEFORE_LEAD = pattern(r"^(?:针对|对照|对于|按照|对|就|围绕|聚焦|根据)")
