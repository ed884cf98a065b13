"""Statuses: the status grammar of ../shared/status/GUIDE.md (marker × core × tail) and the rules around it."""

from .lazy import pattern

# The status grammar (the rules of ../shared/status/GUIDE.md). A status phrase is built as
# marker × core × tail rather than listed whole, so that 仍在加快推进, 尚未全部完成, 已于2023年5月
# 完成整改 or 已全部拆除完毕 are understood without being written down. Where two readings overlap,
# the longest wins (未完成 over 完成, 基本完成 over 完成, 阶段性整改任务已完成 over 已完成).

#: 未 / 尚未 / 仍未 / 均未 … + (全部|完全|按期 …)? + 完成/整改/到位 … — not done: 尚未完成整改, 未能按期完成,
#: 仍未完全整改到位, 尚未得到解决, 未达到序时进度 (behind schedule is not done: GUIDE R6, R7, R12)
NEGATION = "尚未|仍未|还未|暂未|均未|未能|没有|未"
NEGATION_MANNER = "全部|完全|按期|如期|按时|彻底|有效|能"
#: 未在规定时限内完成 / 未能在规定时间内整改到位 / 未于2023年底前完成 — a time between the negation and what
#: is not done keeps it not done (R7: the deadline missed), never a plain 完成整改
NEGATION_WHEN = (
    r"(?:在|于)(?:规定|要求|承诺|计划)?的?(?:时限|时间|期限|时间节点|日期)(?:内|前|之前)?"
    r"|(?:在|于)20\d{2}年(?:\d{1,2}月)?(?:底|末)?(?:前|之前|以前)"
)
#: 尚未完全整改到位 / 仍未全部完成 — "not fully" done: a 基本 / 阶段性 verdict of the item allows for it (R4, R6),
#: so it is no negation against such a verdict; against 已完成 it still is (matched at the phrase: no anchor)
NOT_FULLY = pattern(rf"(?:{NEGATION})(?:全部|完全|彻底)")
NEGATED = (
    # 尚未开展整改 / 未实施整改 / 仍未进行整改: the rectification not begun, as 未启动 (未开展招标 stays a measure)
    "开展整改|实施整改|进行整改|"
    "完成整改|整改完成|整改到位|整改完毕|落实到位|纠正到位|完成|整改|到位|落实|启动|开工|解决|办结|销号|"
    "达到序时进度要求|达到序时进度|达序时进度|达到|见效|得到有效解决|得到解决|得到整改|得到纠正|纠正"
)
#: 进度滞后 / 整改未完成 / 整改不到位 / 逾期未完成 / 已超期 — not done said without a leading negation (R7, R12;
#: 超期完成 / 已完成(超期1个月) is late but done)
#: 进度滞后 / 进展缓慢 — a slow pace (not done, unless a past marker makes it over: ``SLOW_PACE``)
SLOW_PACE_WORDS = "进度滞后|整改滞后|进展缓慢|推进缓慢"
NOT_DONE_WORDS = (
    "进度(?:滞后|落后|慢)于序时进度|"
    + SLOW_PACE_WORDS
    + "|整改未完成|整改未到位|整改不到位|整改不彻底|逾期未完成|逾期未整改|"
    "整改(?:仍然|仍|依然|依旧|还)(?:不到位|未到位|未完成|不彻底)|"
    "滞后于序时进度|落后于序时进度|慢于序时进度|已超期|已逾期|超期未完成|超期未整改"
)
#: 暂缓 / 暂缓实施 / 因诉讼原因暂缓 — deferred is not done, even with 推进 after it (R11); 曾暂停施工,
#: 现已复工 (a past stop) is no deferral
DEFERRED = "(?<!曾)暂缓(?:实施|推进|整改|建设|执行|办理)?"
#: 曾因资金问题暂缓实施 / 一度暂缓 / 此前暂缓 — a marker of the past earlier in the clause makes 暂缓 a stop that
#: is over (现已恢复施工), no deferral (R11)
PAST_STOP = pattern("曾|一度|此前|之前")
#: 整改初期进度滞后 / 一度进展缓慢 / 起初推进缓慢 — a slow pace that is over (a past marker earlier in its clause)
#: is no status: the current verdict decides (R2, R7). 前期 is no such marker: 前期工作进展缓慢 is a phase now slow
SLOW_PACE = pattern(SLOW_PACE_WORDS)
PAST_PACE = pattern("曾|一度|此前|初期|起初|一开始")

#: 达到序时进度 / 未达到序时进度要求 / 进度滞后 — the item's pace against its schedule: said without a subject of
#: its own, even inside one measure, it is the item's (R12)
SCHEDULE = pattern(
    "(?:未|未能|没有|尚未)?(?:达到|达)序时进度(?:要求)?|进度(?:滞后|落后|慢)于序时进度|进度滞后|滞后于序时进度|落后于序时进度|慢于序时进度"
)
#: 正在 / 仍在 / 尚在 … + (加快|有序 …)* + any verb — ongoing: 仍在加快推进, 正在逐户登记, 尚在推进中 (尚 here
#: means "still", it is no negation: R6). 正在 marks progress whatever the verb follows, so the verb is open
ONGOING_MARK = "正在|仍在|尚在|还在|仍然在|正处于"
#: 真正在 / 纠正在 / 公正在 — 正在 inside another word is no marker (纠正在疫情防控…工作中…)
NOT_ONGOING_BEFORE = "真纠公修端改"
#: …only a marker starting so ends such a word (改仍在 is no word); after 整改 it is the marker again (整改正在推进)
WORD_ENDING_MARK = "正"
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
#: 正按计划分期偿还 / 正依法移交 / 正逐步退出 — after 正 and a manner word any verb says ongoing: the manner
#: makes 正 the aspect (正常 / 正确 / 正式 take none); 仍 is left out, 仍持续存在 is a problem that remains
ONGOING_OPEN_MARK = "现正|正"
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
#: 长期坚持 / 持续推进 / 转入常态化整改 / 纳入长期坚持事项 — upkeep after a completed-level verdict (R8: they
#: never downgrade it); on their own they say ongoing (此项整改需长期坚持, 列入长期整改事项: a long-term
#: item). With an object after them (持续推进城乡供水一体化, 常态化开展明察暗访) they describe a measure and
#: say nothing
CONTINUATION = (
    "需长期坚持|长期坚持|转入常态化整改|转入常态化|常态化推进|常态化整改|持续推进|持续整改|持续巩固|持续深化|持续落实|"
    "巩固深化|稳步推进|有序推进|加快推进|"
    "(?:列入|纳入|转入|转为|作为|列为|属于|属)(?:长期坚持|长期整改|常态化整改|持续整改)类?(?:事项|任务)(?:管理|清单)?"
)
#: …an ongoing phrase that starts so is upkeep too: 持续推进中 after 基本完成, 长效机制持续落实 after 已完成
CONTINUATION_START = pattern("^(?:需|将)?(?:长期|持续|常态化|转入常态化|巩固|稳步)")

#: 阶段性完成 / 取得阶段性成效 / 达到阶段性整改要求 / 阶段性整改任务已完成 / 已完成2023年度目标任务 — a stage
#: is done, the whole is not (R9; a year's target of a multi-year item is a stage)
#: the year of an annual target: 年度 / 2023年度 / 2024年 / 本年度 / 今年 / 当年 / 全年 / 上半年
#: (已完成本年度目标任务, 本年度目标任务已完成: that year's part of the item is done, R9)
PHASE_YEAR = r"(?:\d{4}|本|今|当|全|上半|下半)年度?|年度"
#: 整改 / 化债 / 治理 / 减排 / 重点工作 — the noun of a year's target (已完成2024年度治理任务 is a stage as
#: 已完成年度目标任务 is: R9); up to four characters, never across a particle or a figure, never opening
#: with a particle (one class of Chinese characters, not two: re's compiler walks each one's 21,000
#: code points; the same matches as X(?<!…)X{0,3}?)
PHASE_TASK_NOUN = r"(?![的和及与])[\u4e00-\u9fff]{1,4}?"
PHASE_CORE = "完成整改|整改完成|整改到位|完成|办结|销号|到位"
PHASE_GOAL = "整改目标任务|整改目标要求|整改目标|整改任务|整改要求|目标任务|目标要求|目标|任务|要求|成效|成果|进展|整改"
PHASE_WORDS = (
    rf"(?:已)?阶段性(?:整改)?(?:{PHASE_CORE})"
    rf"|阶段性(?:整改)?(?:目标任务|目标|任务)(?:已|均已)?(?:完成|实现|达到)"
    rf"|(?:已|均已)?(?:完成|实现|达到|取得)(?:了)?阶段性(?:{PHASE_GOAL})"
    rf"|(?:已|均已)?完成(?:了)?(?:{PHASE_YEAR})(?:{PHASE_TASK_NOUN})?(?:目标任务|目标|任务)"
    rf"|(?:{PHASE_YEAR})(?:{PHASE_TASK_NOUN})?(?:目标任务|目标|任务)(?:已|均已)(?:全部)?(?:完成|实现)"
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
#: 于2023年5月 / 于2022年底 / 在2023年底前 — the date a marked completion names
COMPLETION_DATE = r"(?:于|在)\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末)?(?:前)?"
COMPLETION_MANNER = "按期|按时|按要求|如期|全面|全部|依法|彻底|一并"
COMPLETION_CORE_MARKED = (
    "完成整改并通过验收|完成整改并销号|完成整改销号|完成整改|整改完成|整改到位|整改完毕|整改落实到位|落实到位|纠正到位|解决到位|"
    "完成交账销号|完成销号|通过验收销号|办结销号|整改销号|得到有效整改|得到有效解决|得到解决|得到纠正|"
    "完成|解决|落实|办结|销号|清零|整改|拆除完毕|拆除|规范|纠正|处理完毕"
)
#: …and the cores that need no marker: 完成整改 / 整改到位 / 办结 (完成 alone is an ordinary verb; 超期完成 /
#: 逾期完成 is late but done, R7)
COMPLETION_CORE_ALONE = (
    "超期完成整改|逾期完成整改|超期完成|逾期完成|完成整改并通过验收|完成整改并销号|完成整改销号|完成整改|整改完成|整改到位|整改完毕|整改落实到位|全部完成|全部整改|全部落实|"
    "全部解决|全部清零|实现清零|拆除完毕|完成交账销号|完成销号|通过验收销号|办结销号|整改销号|得到有效整改|"
    "得到有效解决|全面完成整改|全部整改到位|办结|销号|清零"
)
#: 已全部追回 / 全部缴入国库 / 全额归还原资金渠道 — the whole amount recovered: done when said of the whole
#: (GUIDE judgement 5); 全部 is what makes it the whole, 已追回资金18.2万元 is one measure
RECOVERED = (
    r"(?:已|均已)?(?:全部|全额)(?:予以)?(?:追回|收回|退回|清退|退还|补缴|缴入[^,;。]{0,6}国库|缴库|归还(?:原资金渠道)?|"
    r"化解|处置|处理完毕)"
)
#: 全部追回 / 全额归还原资金渠道 / 全部缴入国库 — money back in full: the item's whole amount, counted or not
#: (judgement 5); 全部化解 / 全部清退 of cases or people may be one measure's object (各乡镇2020年以前的积案全部化解)
WHOLE_AMOUNT = pattern(r"(?:全部|全额)(?:予以)?(?:追回|收回|退回|退还|补缴|缴入[^,;。]{0,6}国库|缴库|归还)")
#: 已完成或基本完成25项 — the report counts these together as done
#: …and 整改已到位 / 整改工作均已完毕: the rectification named first, its marker and core after it (到位 alone
#: needs it: 资金已到位 is one measure)
COMPLETION_WORDS = "已完成或基本完成|已整改或基本整改|整改(?:工作)?(?:已经|已|均已)(?:全部)?(?:到位|完毕)"
#: 完成率100% / 整改率95% / 整改到位率82% / 完成投资的85% / 形象进度达70% / 整改进度达到80% / 占计划的92% — a share done
#: (R4): 100% or more is done, less is a part still open (占全部规上工业20.5% is a share of something else;
#: a share never runs over a bracket: 完成整改(已完成整改任务的90%) is a verdict and its figure)
SHARE_DONE = pattern(
    r"(?:(?:完成|整改到位|整改|到位|办结|销号|治理|落实|化解)率|完成|形象进度|工程进度|整改进度|占(?:计划|任务|应|总))[^,;。%()已]{0,12}?"
    r"(\d+(?:\.\d+)?)%"
)
#: 已完成18/30 / 整改18项/30项 / 办结12/12件 — a share done written as a fraction (R4): the same reading as 60%
SHARE_FRACTION = pattern(
    r"(?:完成|整改|办结|销号|化解|拆除)(?:整改)?[^,;。%()\d]{0,3}?(\d+)[个项户件处条家]?/(\d+)(?![\d.])"
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
NEGATION_ATTRIBUTE = pattern("问题|事项|任务|的")
#: 尚未完成或… / 未完成及… — a conjunction after a negated phrase joins another status, it is no object
NEGATION_JOINS = "或及和与并且等"
#: 已完成并销号 / 已完成(超期1个月) — a conjunction or a bracket after a completion: no object follows
COMPLETION_JOINS = "并及且和与("
#: 已完成整改19个 / 15个问题已经完成整改 — what may stand between a phrase and the count it is said of
PHRASE_COUNT_GAP = pattern(r"^(?:问题|事项|任务|整改任务|的)?$|^[^\d,,]{0,3}$")

#: 目前… / 截至… / 该问题… / 综上 / 通过以上措施 / 至此 / 经复核 — a sentence that speaks of the item as a
#: whole (R2), wherever it stands
STATUS_CONCLUDING = pattern(
    r"^(?:目前|当前|截至目前|截止目前|截至|截止|现已|现|至此|综上|通过以上措施|通过上述措施|经复核|经复查|经核查|"
    r"该问题|此问题|本问题|上述问题|以上问题|该项|此项|本项|该任务|此任务|该事项|此事项|本事项|整改(?:工作)?已|"
    r"问题整改|整改完成情况|整改进展|完成情况|整改情况|整改结果|整改进度|进展情况)"
)
#: 截至目前 / 目前 after a comma starts a new statement (…加快建设,截至目前已完成整改; …,但目前仍未整改到位)
STATEMENT_OPENERS = "(?:但是|但|然而|不过)?(?:截至|截止|目前)"
#: 一是 / 同时 / 目前 / 该问题 / 相关 / 均 — words before a status phrase that name no subject of their own; a
#: phrase after anything longer speaks of that subject (金钟新城违建别墅拆除工作全部完成: one work, not
#: the item), unless the subject is the item itself (ITEM_SUBJECT)
GENERIC_SUBJECT = pattern(
    r"^(?:[一二三四五六七八九十]+是|其中|同时|此外|另外|目前|当前|现|至此|截至目前|截止目前|综上|该问题|此问题|本问题|"
    r"上述问题|有关问题|相关问题|问题|整改工作|整改|该项|此项|本项|该任务|该事项|经整改|通过整改|"
    r"相关|有关|各项|所有|全部|均|都|[,,\s:])*"
)
#: a subject this short (after the generic words) still speaks for the item when the phrase says under way or not
#: done (工程暂缓实施, 项目正在施工: R3, R11); a completion needs none left (招标已完成 is one work's)
MAX_GENERIC_SUBJECT = 2
#: …问题 / 该审计发现问题 / 12处问题 / 上述3类问题 / 该项整改任务 — a subject that is the item or its whole
#: object: a completion said of it is the item's verdict (GUIDE: "of the item's whole object")
ITEM_SUBJECT = pattern(
    r"(?:问题|事项|整改任务|整改事项|整改工作|该项整改|此项整改|本项整改)(?:整改)?(?:工作|任务)?[,\s]*$"
    r"|^(?:该|此|本|上述|以上)[^,;。]{0,10}(?:问题|事项|任务|项|情况)"
)
#: 完成整改 / 整改到位 / 办结 / 销号 — a completion of the rectification itself, not of one work: in a verdict
#: sentence (目前跃进路及龙山道已全部完成整改) it is the item's whatever its subject (主体工程已完成 is one work)
RECTIFICATION_CORE = pattern("整改|办结|销号|清零")
#: 一期 / 第二阶段 / 首批 / 二标段 — a subject that names one stage or batch of the item: what is said of it is said
#: of one part (一期已完成,二期正在推进 is under way, not done)
STAGE_SUBJECT = pattern(
    r"(?:^|[^\d])(?:第?[一二三四五六七八九十\d]{1,2}(?:期|阶段|批次?|标段)|首批|首期)(?:工程|项目|任务|工作)?$"
)
#: 区水务局 / 被审计单位 / 各相关部门 / 原任镇长 — the body (or person) that carries out the rectification: its
#: 完成整改 / 尚未完成整改 is the item's (整改情况:区水务局已完成整改), its other completions stay measures
AGENT_SUBJECT = pattern(
    r"(?:局|委|办|厅|中心|政府|单位|部门|公司|集团|管委会|街道|乡镇|镇|乡|医院|学校|镇长|局长|乡长|主任|负责人)$"
)
#: 整改工作 / 该问题 / 此项 — words that name the item: a generic subject made of them speaks for the item
#: even inside a measure (二是…,整改工作暂缓推进)
ITEM_WORD = pattern("问题|整改|该项|此项|本项|该任务|该事项")
#: 该问题… / 此项… / 本项… — a subject opening with a pronoun is the item itself, even inside a measure
ITEM_PRONOUN = pattern("^(?:该|此|本)")
#: 但 / 但是 / 然而 — a contrast before a subject names none: 但该问题目前仍未整改到位 is the item's verdict (R6)
CONTRAST = pattern("^(?:但是|但|然而|不过)[,\\s]*")
#: 因资金原因 / 受疫情影响 — a cause before a status phrase names no subject: 因规划原因暂缓推进 is the item's
CAUSE = pattern(r"^(?:因|由于|受)[^,;。]{1,20}?(?:原因|影响|因素|制约|所致)")
#: a status group heading: （一）已完成整改的问题 / 二、正在推进整改的事项 — its items share its status
STATUS_GROUP_HEADING = pattern(r"^(?:关于|属于|对)?(?P<phrase>.+?)的?(?:问题|事项|任务|整改事项|整改任务)(?:\(.*\))?$")
#: 下一步 / 将 / 计划 / 预计…前 / 待…后, — a sentence about the future states no status (待项目竣工验收后,该问题
#:即可销号: what is done once something else is, R5)
FUTURE = pattern(r"^(?:下一步|下步|今后|接下来|我们将|将|计划|拟|预计|力争|确保|待[^,;。]{1,20}后)")
#: 将于 / 计划2024年 / 力争 / 预计 / 待…后 / 承诺于 / 原定 — inside a clause, what follows is a plan, not a
#: status (R5; 原定…完成 is the plan a late item missed, R7). 已将 is the object marker, not the future
FUTURE_IN = pattern(
    r"将于|将在|将会|(?<![已并均])将(?=[进全长持继按完逐严加])|(?<!按)计划(?![中内的书表任和,;。])|(?<!草)拟(?!定)|"
    r"力争|预计|(?:争取|确保)(?=于|在|\d|年)|下一步|下步|今后|接下来|待[^,;。]{1,20}后|承诺|原定|原计划|"
    r"可望|有望|能够|(?<!已)可(?=[完实全基])|需(?=[完于在])|应(?=[于在完])|要求|督促|责令|限期"
)
#: 2024年底前 / 6月30日前 — a deadline before an unmarked completion (年底前完成整改) makes it a plan
DEADLINE_BEFORE = pattern(r"(?:底|末|日|月|年)前")
#: 已 / 均已 / 现已 — a completion marked as done: 已于2023年6月底前完成 is past, whatever date it names
PAST_MARK = pattern("已|均已|现已|全部已")
#: 2024年底前 / 2023年6月 — a date before a status phrase names no subject: 2024年底前已完成整改 is the item's
#: 2019年以前 / 2023年5月 — a date anywhere in a subject: its digits count nothing
DATE_IN_TEXT = pattern(r"\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?")
DATE_HEAD = pattern(r"^(?:于|在)?\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末)?(?:前|以来)?")
#: 部分 / 个别 / 大部分 — a completion said of some of the item's objects: part done, the item under way (R4)
SOME_OF = pattern("部分|个别|多数|一些|少数")
#: 其余正在推进 / 其余问题已完成整改 — the remainder of a count
REMAINDER = "其余"
#: 其余 / 剩余 / 另有 / 尚有 — words that open the rest of a count: the worst part decides (R4)
#: (余款 / 尾款 / 余额: the rest of an amount, 已收回1.1亿元,余款正在督促缴纳; 零余额账户 is no rest)
REMAINDER_WORDS = pattern("其余|其他|剩余|另有|尚有|还有|余下|余款|尾款|(?<!零)余额")
#: 已完成整改,但仍有2户未签约 / 目前还有5家企业尚未完成验收 — a rest still open after a completion claim: the
#: verdict does not allow for it, so the body cannot be read as completed (R4, R13: said, never guessed)
OPEN_REMAINDER = pattern(r"(?:仍有|尚有|还有|仍存在)[^,;。]{0,15}?(?:尚未|仍未|未|没有)")
#: 已拆除31户,15户尚未拆除 — after a count, a negation leaves that part not done though no status word says so
#: (尚未拆除 is no phrase of the grammar): a tally holding it is not read as under way or done (R4, R13)
OPEN_REST_NEGATION = rf"[^,;。\d]{{0,6}}?(?:{NEGATION})(?!发现|反弹|出现|再)"
#: 上轮巡察反馈的同类问题已于2022年整改完毕 / 上一任期…已全部整改完毕 — a sentence about an earlier round
#: or term speaks of other items (R10)
EARLIER_ROUND = pattern(r"^(?:上轮|上一轮|上次|上一次|前一轮|前轮|上届|上一届|上一任期|上任|以往|往年|历次)")
#: 详见附件2第15项 / 见第3条 — a status field that only points elsewhere says nothing (R1)
CROSS_REFERENCE = pattern(r"^(?:详见|参见|参照|见|同)(?:附件|附表|第|上文|前文|本报告|表|上|下)")
#: “…” / 《…》 — quoted problem text and document titles: their status words are not the item's (R10)
QUOTED_SPAN = pattern(r"“[^“”]*”|《[^《》]*》|‘[^‘’]*’|\"[^\"]*\"")
#: 一是 / (1) / ① / 1. — a sentence opening so is one measure: its completions are not the item's
#: verdict, its ongoing work is (R3)
MEASURE_START = pattern(
    r"^(?:[一二三四五六七八九十]{1,3}是|\(\d{1,2}\)|[①-⑳]|\d{1,2}[.、](?!\d)|第[一二三四五六七八九十]+[,、是])"
)
#: 完成 / 推进 / 到位 / 滞后 … — words of the status vocabulary: a verdict sentence or a status field that
#: holds them but reads as no status is reported as unread (status_unread), never guessed
STATUS_VOCABULARY = pattern(
    "完成|整改|到位|办结|销号|推进|解决|落实|滞后|暂缓|序时|阶段性|清零|坚持|实施|进展|完毕|验收"
)
