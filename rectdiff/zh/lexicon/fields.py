"""Ledgers (整改台账) and field lines: column headers and labels, by the role they play."""

from .lazy import pattern

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


def labels_longest_first(shortest: int) -> str:
    """The roles' labels of at least ``shortest`` characters as one alternation, longest first
    (ties in code-point order: the same pattern text in every process, whatever the hash seed)."""
    words = {w for ws in FIELD_ROLES.values() for w in ws.split("|") if len(w) >= shortest}
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


#: a ledger header needs a problem column and this many other recognised columns
LEDGER_MIN_ROLES = 2
#: 【整改进展】… — a label in lenticular brackets ends as a colon does
LABEL_BRACKET_OPEN, LABEL_BRACKET_CLOSE = "【", "】"
#: 整改任务:… / 整改措施:1、…2、… / 【整改进展】… — a field line: a role's label and a colon (or the label
#: in brackets) at a paragraph's start
FIELD_LINE = pattern(
    r"^\s*" + LABEL_BRACKET_OPEN + "?("
    + labels_longest_first(2)
    + r")(?:\s*[::]|" + LABEL_BRACKET_CLOSE + r"\s*[::]?)"
)  # fmt: skip
#: 合计:整改任务共5项,已办结1项… — a ledger's last rows that tally the rows above: text after the
#: ledger (its stated totals), not a category row that opens a group
LEDGER_TALLY_ROW = pattern(r"^(?:合计|总计|共计|小计|汇总)(?:[:,]|\s|$)")
#: in a ledger's status column, 持续推进 / 加快推进 say "ongoing" even without 正在
LABEL_ONGOING = pattern(r"^(?:持续|继续|加快|积极|稳步|有序|深入|按期|按计划|全力)(?:推进|整改|推动|落实|实施)")
#: …and a bare 完成 / 是 says done
LABEL_DONE = pattern(r"^(?:完成|已完成|是|办结|已办结|销号|已销号)$")

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
SHORT_LABELS = pattern("时限|期限|时间|目标|问题|反馈|指出")
#: a label and its value: 整改状态:尚未完成 (full-width colon already half-width)
LABEL_SEPARATOR = ":"
