"""The words of the workbooks, the JSON's readers and the terminal: sheet names, column headers,
codes, overview blocks and terminal lines, key -> (Chinese, English)."""

from __future__ import annotations

from ..zh.compiled import regex

#: display names of the statuses (the order itself is ``rules.STATUS_ORDER``): Chinese, English
STATUS_NAMES = {
    "completed": ("已完成", "completed"), "substantially_completed": ("基本完成", "substantially completed"),
    "phase_completed": ("阶段性完成", "phase completed"), "in_progress": ("正在推进", "in progress"),
    "not_completed": ("未完成", "not completed"), "unknown": ("未说明", "unknown"),
}  # fmt: skip

#: status sources; the codes overlap the kinds (section), so they have their own words
SOURCES = {
    "label": ("字段标注", "label"),
    "item": ("条目自述", "item"),
    "summary": ("总结句点名", "summary"),
    "section": ("分组说明", "section"),
    "stated_total": ("所述总数推断", "stated total"),
    "unknown": ("未说明", "unknown"),
}

#: key -> (Chinese, English)
WORDS = {
    # sheets
    "sheet.overview": ("概览", "Overview"),
    "sheet.pairs": ("事项对照", "Items"),
    "sheet.status": ("状态变化", "Status changes"),
    "sheet.metrics": ("指标变化", "Figure changes"),
    "sheet.addrem": ("新增与删除", "Added & removed"),
    "sheet.checks": ("核对", "Checks"),
    "sheet.long": ("长文本", "Long text"), "sheet.notes_archive": ("复核意见存档", "Notes archive"),
    "carried_keys": ("沿用键", "Carried keys"), "note_key": ("键", "Key"),
    "note.in_archive": ("…(全文见隐藏表“复核意见存档”)", "…(in full on the hidden sheet 'Notes archive')"),
    "sheet.passages": ("原文", "Source text"),
    "passage_text": ("原文", "Text as read"), "passage_number": ("段号", "No."), "where": ("位置", "Where"),
    "cite": ("出处", "Source"), "old_cite": ("旧版出处", "Old source"),
    "earlier_cites": ("此前各版出处", "Earlier sources"),
    "old_evidence_source": ("旧版出处", "Old source"), "evidence_cite": ("依据出处", "Evidence source"),
    "new_evidence_source": ("新版出处", "New source"), "inferred": ("推断", "inferred"),
    "deadline_text": ("整改时限(原文)", "Deadline as printed"), "suspect": ("疑似错误", "Suspect"),
    "both_versions": ("两版均有", "both versions"),
    "sheet.items": ("事项", "Items"),
    "sheet.item_metrics": ("指标", "Figures"),
    "sheet.totals": ("所述总数", "Stated totals"),
    # columns
    "row": ("序号", "No."), "change": ("变化", "Change"), "kind": ("类型", "Kind"),
    "numbers": ("编号", "Number"), "number": ("编号", "Number"), "heading": ("标题", "Heading"),
    "status": ("状态", "Status"), "metrics_summary": ("指标变化", "Figures"),
    "body_redline": ("正文修订", "Text changes"), "review": ("复核意见", "Reviewer note"),
    "unit_deadline": ("责任单位/时限", "Responsible / deadline"),
    "old_id": ("旧版ID", "Old ID"), "new_id": ("新版ID", "New ID"), "id": ("ID", "ID"),
    "old_number": ("旧编号", "Old number"), "new_number": ("新编号", "New number"),
    "old_heading": ("旧标题", "Old heading"), "new_heading": ("新标题", "New heading"),
    "similarity": ("标题相似度", "Heading similarity"), "moved": ("位置移动", "Moved"),
    "renumbered": ("重新编号", "Renumbered"), "status_change": ("状态变化", "Status change"),
    "old_status": ("旧状态", "Old status"), "new_status": ("新状态", "New status"),
    "old_status_source": ("旧版状态来源", "Old status source"),
    "new_status_source": ("新版状态来源", "New status source"),
    "old_source": ("旧版出处", "Old source"), "new_source": ("新版出处", "New source"),
    "sources": ("状态来源(旧→新)", "Status source (old → new)"),
    "old_evidence": ("旧版依据", "Old evidence"), "new_evidence": ("新版依据", "New evidence"),
    "old_order": ("旧版位置", "Old position"), "new_order": ("新版位置", "New position"),
    "link": ("对照行", "Row"), "label": ("指标", "Figure"), "unit": ("单位", "Unit"),
    "old_text": ("旧值", "Old"), "new_text": ("新值", "New"),
    "old_value": ("旧值(基本单位)", "Old (base unit)"), "new_value": ("新值(基本单位)", "New (base unit)"),
    "delta": ("差值", "Difference"), "delta_pct": ("差值%", "Difference %"),
    "cumulative": ("累计数", "Running total"), "severity": ("严重程度", "Severity"),
    "scope": ("范围", "Where"), "check": ("检查项", "Check"), "message": ("说明", "Finding"),
    "evidence": ("依据原文", "Evidence"), "body": ("正文", "Text"),
    "item_id": ("事项ID", "Item ID"), "parent_id": ("上级ID", "Parent ID"), "level": ("层级", "Level"),
    "measures": ("措施", "Measures"), "status_source": ("状态来源", "Status source"),
    "status_text": ("状态原文", "Status words"), "status_evidence": ("状态依据", "Status evidence"),
    "progress": ("完成进度", "Progress"), "responsible": ("责任单位", "Responsible"),
    "deadline": ("整改时限", "Deadline"), "text": ("数量原文", "As printed"),
    "value": ("数值(基本单位)", "Value (base unit)"), "value_min": ("下限", "At least"),
    "value_max": ("上限", "At most"), "approx": ("约数", "Approximate"),
    "category": ("类别", "Category"), "total": ("总数", "Total"), "stated_rate": ("所述完成率", "Stated rate"),
    "field": ("项目", "Field"), "old": ("旧版", "Old"), "new": ("新版", "New"), "count": ("数量", "Count"),
    "value_text": ("内容", "Value"), "sheet": ("工作表", "Sheet"), "cell": ("单元格", "Cell"),
    "part": ("段", "Part"), "full_text": ("全文", "Full text"), "items": ("事项数", "Items"),
    "known": ("有状态", "With a status"), "go": ("查看", "Go to"),
    "carried": ("沿用复核意见", "Carried note"), "carried_word": ("沿用", "carried from"),
    # the timeline of a series
    "headings": ("各版标题", "Headings"),
    # the summary of a batch
    "sheet.summary": ("汇总", "Summary"), "sheet.left_out": ("错误", "Files left out"),
    "sheet.duplicates": ("重复文件", "Duplicate copies"),
    "versions": ("版本数", "Versions"), "files": ("各版文件", "Files"), "workbook": ("工作簿", "Workbook"),
    "completion": ("已完成/有状态(首版→末版)", "Completed / with status (first → last)"),
    "regressions": ("倒退", "Went back"), "stuck": ("停滞", "Stuck"), "failed_checks": ("未通过核对", "Failed checks"),
    "changed": ("有变化", "Changed"), "reason": ("原因", "Reason"),
    "batch.header": ("rectdiff 批量比对:{n} 组", "rectdiff batch: {n} series"),
    "batch.read": ("读取", "reading"), "batch.write": ("写入", "writing"),
    "batch.counts": ("共 {n} 组:时间线 {timelines}、两版比对 {pairs}、仅一版 {lone}",
                     "{n} series: {timelines} timelines, {pairs} comparisons, {lone} with one version"),
    "batch.lone": ("仅一版,未比对", "one version only; nothing to compare"),
    "batch.unreadable": ("未能读取:{detail}", "not read: {detail}"),
    "batch.own_output": ("rectdiff 以前写出的工作簿,不作为报告版本读取{detail}",
                         "a workbook rectdiff wrote earlier; not read as a report version{detail}"),
    "batch.duplicate": ("与 {detail} 为同一版本(日期与事项相同),未重复比对",
                        "the same version as {detail} (same date and items); compared once"),
    "sheet.timeline": ("时间线", "Timeline"), "sheet.metric_paths": ("指标轨迹", "Figure paths"),
    "sheet.total_paths": ("总数轨迹", "Stated totals"), "lineage": ("序号", "No."), "flags": ("标记", "Flags"),
    "first_last": ("首见/末见", "First / last"), "ids": ("各版ID", "IDs"), "latest_number": ("编号", "Number"),
    "first_to_last": ("首版→末版", "First → last"), "version": ("版本", "Version"), "file": ("文件", "File"),
    "ov.versions": ("各版报告", "The versions"), "ov.rates": ("完成率(%)", "Completion rate (%)"),
    "att.stuck": ("停滞的事项", "Stuck items"), "att.reappeared": ("消失后又出现的事项", "Items that came back"),
    "att.vanished": ("最新版中消失的事项", "Items gone from the latest version"),
    **{f"source.{key}": words for key, words in SOURCES.items()},
    # overview fields
    "title": ("标题", "Title"), "issuer": ("发布单位", "Issuer"), "publish_date": ("发布日期", "Published"),
    "signing_date": ("成文日期", "Signed"), "round": ("巡视(察)轮次", "Round"), "source": ("来源文件", "File"),
    "source_site": ("来源网站", "Source site"), "format": ("格式", "Format"), "encoding": ("编码", "Encoding"),
    "notes": ("读取说明", "Reading notes"),
    # overview blocks
    "ov.attention": ("需要关注", "Needs attention"),
    "ov.report": ("报告", "The report"),
    "ov.checks": ("核对结果", "Checks"),
    "ov.meta": ("两版报告", "The two versions"),
    "ov.by_change": ("事项变化", "Items by change"),
    "ov.by_kind": ("按类型统计", "By kind"),
    "ov.matrix": ("状态转移(行:旧版,列:新版)", "Status transitions (rows: old, columns: new)"),
    "ov.totals": ("所述总数对照", "Stated totals, old and new"),
    "ov.coverage": ("状态覆盖(按类型与来源)", "Status coverage (by kind and source)"),
    "ov.status_kind": ("各类型事项状态", "Status by kind"),
    "ov.chart": ("各类型事项状态(两版)", "Status by kind, both versions"),
    "ov.replaced": ("无法存入Excel的字符已替换为�,共{n}处", "Characters Excel cannot store were replaced by �: {n}"),
    "att.regressed": ("状态倒退的事项", "Statuses that went back"),
    "att.overdue": ("逾期未完成的事项", "Items past their deadline, not completed"),
    "att.suspect_figure": ("疑似数值错误", "Figures that look mistyped"),
    "att.removed": ("新版中消失的事项", "Items gone from the new version"),
    "att.cumulative_fell": ("减少的累计数", "Running totals that fell"),
    "att.failed_checks": ("未通过的核对(错误、警告)", "Failed checks (errors, warnings)"),
    "att.totals_changed": ("总数变了而所列事项未变", "Stated totals changed, listed items did not"),
    "att.doubts": ("疑点(待核实的线索,见“疑点清单”)", "Doubts (leads to check, on 'Doubts')"),
    "att.none": ("无", "none"),
    "truncated": ("…[超出单元格长度,全文见“长文本”表 {ref}]", "…[cell limit reached; full text: 'Long text' {ref}]"),
    "more": ("…(全文见“长文本”表 {ref})", "…(full text on sheet 'Long text' {ref})"),
    "header": ("旧版:{old} → 新版:{new}", "Old: {old} → New: {new}"),
    "page": ("&A  第 &P 页 / 共 &N 页", "&A  page &P of &N"),
    # terminal
    "sum.items": ("事项数", "Items"), "sum.versions": ("版本", "Versions"),
    "sum.status": ("状态变化", "Status changes"),
    "sum.metrics": ("指标变化", "Figure changes"), "sum.restated": ("同值改写", "restated"),
    "sum.status_line": ("状态", "Status"), "sum.known": ("项有状态", "with a status"),
    "sum.not_found": ("(未识别)", "(not found)"),
    "sum.wrote": ("已写入 {path}", "wrote {path}"), "sum.sheets": ("({n} 张表)", " ({n} sheets)"),
    "sum.both": ("两版均有", "both versions"),
}  # fmt: skip

#: canonical codes -> (Chinese, English)
CODES = {
    # changes
    "unchanged": ("未变", "unchanged"), "modified": ("修改", "modified"), "added": ("新增", "added"),
    "removed": ("删除", "removed"), "restated": ("同值改写", "restated"), "changed": ("数值变化", "changed"),
    "moved": ("移动", "moved"), "renumbered": ("重新编号", "renumbered"),
    # statuses and their changes
    **STATUS_NAMES,
    "improved": ("进展", "improved"), "regressed": ("倒退", "regressed"),
    "stated": ("新说明状态", "newly stated"), "unstated": ("不再说明状态", "no longer stated"),
    # kinds
    "section": ("章节", "section"), "feedback": ("反馈问题", "feedback"), "extension": ("举一反三", "similar issue"),
    "reform": ("推动改革", "reform"), "immediate": ("立行立改", "immediate fix"),
    "problem": ("存在问题", "shortcoming"), "plan": ("下一步计划", "plan"), "narrative": ("总体情况", "narrative"),
    "attached": ("附件重述", "restated in attachment"),
    "all": ("合计", "all"),
    # checks, their severity and where they stand
    "ok": ("通过", "passed"), "info": ("提示", "note"), "warning": ("警告", "warning"), "error": ("错误", "error"),
    "old": ("旧版", "old version"), "new": ("新版", "new version"), "both": ("两版之间", "between versions"),
    "": ("本报告", "this report"), True: ("是", "yes"), False: ("", ""),
    "counts_add_up": ("分项之和等于总数", "counts add up"), "rate_matches": ("完成率与数字相符", "rate matches"),
    "listed_items": ("所列事项数", "items listed"),
    "totals_vs_statuses": ("所述状态数与事项自述", "totals vs statuses"),
    "status_regressed": ("状态倒退", "status went back"), "item_removed": ("事项消失", "item gone"),
    "cumulative_shrank": ("累计数减少", "running total fell"),
    "suspect_figure": ("疑似数值错误", "figure looks mistyped"),
    "no_items": ("未识别出事项", "no items"), "identical_inputs": ("两版相同", "identical versions"),
    "older_than_before": ("版本顺序颠倒", "versions out of order"),
    "total_changed_items_not": ("总数变化而事项未变", "total changed, items did not"),
    "table_not_read": ("表格未识别为台账", "table not read"),
    "text_after_sign_off": ("落款后的文字", "text after sign-off"),
    "attached_restates": ("附件重述正文事项", "attachment restates items"),
    "attached_status": ("附件与正文状态不同", "attachment and body differ"),
    "note_not_carried": ("复核意见未能沿用", "note not carried"),
    "notes_empty": ("复核意见文件中没有意见", "no notes in the notes file"),
    # what an item's history says
    "stuck": ("停滞", "stuck"), "overdue": ("逾期", "overdue"),
    "reappeared": ("重新出现", "reappeared"), "vanished": ("消失", "vanished"),
    "cumulative_fell": ("累计数减少", "running total fell"),
}  # fmt: skip


#: what the reader noted while cleaning (in English, as ``read`` and ``parsing`` record it), in Chinese
READING_NOTES = [
    (regex(r"^removed (\d+) page footer lines$"), "删除页脚 {0} 行"),
    (regex(r"^removed (\d+) lines of page chrome$"), "删除网页导航等页面文字 {0} 行"),
    (regex(r"^removed pinyin inserted after characters$"), "删除字后插入的拼音"),
    (regex(r"^joined (\d+) lines broken mid-paragraph$"), "合并段落中断开的行 {0} 处"),
    (
        regex(r"^(\d+) paragraphs after the sign-off belong to another article$"),
        "落款之后 {0} 段属另一篇文章,未计入报告",
    ),
]

# ---------------------------------------------------------------------------------------------
# Doubts (疑点清单): the words of the sheet, the JSON's readers and the terminal line
# ---------------------------------------------------------------------------------------------

WORDS.update({
    "sheet.doubts": ("疑点清单", "Doubts"),
    "sum.doubts": ("疑点", "Doubts"),
    "doubt.no": ("序号", "No."), "doubt.kind": ("疑点类型", "Kind"), "doubt.severity": ("程度", "Weight"),
    "doubt.unit": ("单位", "Unit"), "doubt.items": ("事项", "Item(s)"), "doubt.versions": ("版本", "Version(s)"),
    "doubt.words": ("原文", "The words"), "doubt.reason": ("疑点说明", "Why it is doubtful"),
    "doubt.places": ("出处", "Where"), "doubt.review": ("核实情况", "Follow-up"),
    "doubt.lead": ("疑点是需要跟进核实的线索,不是事实认定。", "A doubt is a lead to follow up, not a finding of fact."),
    "doubt.none": ("未发现疑点", "No doubts raised"),
    "doubt.item_at": ("第{order}项", "item {order}"), "doubt.report": ("全文", "the report"),
})  # fmt: skip
CODES.update({"high": ("高", "high"), "medium": ("中", "medium"), "low": ("低", "low")})

# ---------------------------------------------------------------------------------------------
# The terminal, the batch's files and the cells' number formats
# ---------------------------------------------------------------------------------------------

WORDS.update({
    "summary_file": ("汇总.xlsx", "summary.xlsx"),
    "cli.error": ("rectdiff: 错误: ", "rectdiff: error: "),
    "cli.interrupted": ("rectdiff: 已中断", "rectdiff: interrupted"),
    "cli.see_help": ("参见 '{command} --help'", "see '{command} --help'"),
    "cli.out_of_memory": ("内存不足;输入过大", "out of memory; the input is too large"),
    "more_figures": ("…另有{n}项,见“指标变化”表", "…{n} more on 'Figure changes'"),
    # a difference of rates, in percentage points: the unit as the reports write it, in both languages
    "format.points": ('+0.0#"个百分点";-0.0#"个百分点";0', '+0.0#"个百分点";-0.0#"个百分点";0'),
})  # fmt: skip
