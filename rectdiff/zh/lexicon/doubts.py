"""Doubts (疑点清单): the words the rules of ``rectdiff.doubts`` read an item's body for."""

import re

from .lazy import pattern

#: 将进一步完善 / 拟于年底前 / 计划 / 力争 / 下一步 — a plan, an intention or the future tense
#: at the start of a clause: a body made only of such clauses states no result, so "completed" on
#: top of it is a lead (完成而无实据). A bare 将 is no future: 将滨丽公司和城投集团合并 is 将 taking an
#: object (done), so only 将 before a word of time or manner (将继续, 将于, 将进一步 …) counts
DOUBT_FUTURE = pattern(
    r"(?:^|[,,;;:])\s*(?:[一二三四五六七八九十]{1,3}是)?\s*(?:下一步|下步|今后|接下来|我们将|将要|"
    r"将(?:继续|进一步|持续|加快|加大|于|在|全面|深入|着力|认真|坚持|逐步|尽快)|拟|计划|预计|力争|争取|准备)"
)
#: 已 — a clause that says something is already done is no plan, whatever future word it holds
#: (计划投资已全部到位)
DOUBT_DONE_MARK = "已"
#: 召开专题会议 / 印发通知 / 制定方案 / 出台办法 / 研究部署 — meetings and documents: work on
#: paper that shows no result by itself, so a body of nothing else does not evidence completion
DOUBT_PROCESS = pattern(
    r"召开[^,,。;;]{0,24}?(?:会议|会)|印发[^,,。;;]{0,24}?(?:通知|方案|办法|意见|文件)|"
    r"制定[^,,。;;]{0,24}?(?:方案|计划|办法|制度|清单)|出台[^,,。;;]{0,24}?(?:办法|意见|制度|方案)|"
    r"下发[^,,。;;]{0,24}?(?:通知|文件)|研究部署|动员部署|传达学习|专题学习|组织学习|签订[^,,。;;]{0,8}?责任书"
)
#: 追回资金 / 拆除 / 清退 / 建成 / 办结 / 处分 — a done result in the world (money back, a
#: building down, a case closed): a clause with one of these, or with a count, is evidence
DOUBT_RESULT = pattern(
    r"追回|收回|退还|返还|缴回|补缴|收缴|挽回|清退|拆除|复绿|关停|取缔|清理|清运|整治|建成|完工|竣工|"
    r"投用|投入使用|通车|办结|化解|处分|问责|立案|查处|移送|解决|改造|更换|新建|新增|招聘|撤销|注销"
)
#: 3个 / 1.2公里 / 56台 — a count in a clause; counts of meetings and documents (次, 期, 份, 场)
#: are process, not result (召开会议6次 proves a meeting, not a rectification)
DOUBT_COUNT = pattern(r"\d[\d,.]*\s*(?:万|亿|千|百)?(?!\s*(?:次|期|份|场|轮|批次|个文件|项制度))[^\d\s,,。;;]")
#: 一是 / 二是 / 截至目前 … — where a body splits into the clauses the rules read one by one
DOUBT_CLAUSE = pattern(r"[。;;!?\n]|(?=[一二三四五六七八九十]{1,3}是)")
#: 完成率 / 整改率 / 办结率 / 销号率 — a completion rate among an item's figures: falling
#: between versions is a lead (累计数回落), unlike a share that may fall (同比下降23%)
DOUBT_RATE_LABEL = pattern(r"完成率|整改率|办结率|销号率|落实率|完成比例|整改完成率")
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
DOUBT_STOCK = pattern("|".join(re.escape(p) for p in sorted(DOUBT_STOCK_PHRASES, key=len, reverse=True)))
