"""The findings of the checks (核对) and the doubts (疑点清单), key -> (Chinese, English) templates.

Parameters are named by what they hold: ``category`` a stated total's category, ``label`` an item's
number and heading, ``parts`` / ``breakdown`` a joined list of counts by status, ``status`` a
status name (both languages, from ``status_name``).
"""

from __future__ import annotations

CHECKS = {
    # separators of joined lists
    "sep.plus": ("+", " + "),
    "sep.list": ("、", ", "),
    "sep.step": ("→", " → "),
    # one count of a breakdown: 已完成25 / completed 25
    "check.count": ("{status}{n}", "{status} {n}"),
    "check.said": ("{status}{progress}", "{status}{progress}"),
    # counts_add_up
    "check.sum_ok": ("{category}:{parts} = 总数{whole}", "{category}: {parts} = total {whole}"),
    "check.sum_over": ("{category}:{parts} = {got},超过所述总数{whole}",
                       "{category}: {parts} = {got}, more than the stated total {whole}"),
    "check.sum_short": ("{category}:{parts} = {got},少于所述总数{whole}(差{short})",
                        "{category}: {parts} = {got}, {short} short of the stated total {whole}"),
    # rate_matches
    "check.rate_no_done": ("{category}:完成率{rate:g}%无对应完成数,无法核对",
                           "{category}: no completed count for the stated rate {rate:g}%"),
    "check.rate_ok": ("{category}:{value}/{whole} = {actual:.2f}%,与所述{rate:g}%相符",
                      "{category}: {value}/{whole} = {actual:.2f}%, matches the stated {rate:g}%"),
    "check.rate_off": ("{category}:{value}/{whole} = {actual:.2f}%,与所述完成率{rate:g}%不符",
                       "{category}: {value}/{whole} = {actual:.2f}%, but the stated rate is {rate:g}%"),
    "check.rate_implied": ("{category}:未述总数;已完成{done}、完成率{rate:g}%,推算总数约{implied}(仅供核对)",
                           "{category}: no total stated; completed {done} at {rate:g}% implies about {implied} "
                           "(an estimate only)"),
    # listed_items
    "check.listed_none": ("{category}:所述{whole}项,报告未逐项列出",
                          "{category}: {whole} stated, not listed item by item"),
    "check.listed_groups": ("{category}:所述{whole}项,报告按类别列出{listed}项,未逐项列出",
                            "{category}: {whole} stated, {listed} groups listed rather than items"),
    "check.listed": ("{category}:所述{whole}项,列出{listed}项{note}",
                     "{category}: {whole} stated, {listed} listed{note}"),
    "check.listed_numbered": ("(其中编号{n}项)", " ({n} numbered)"),
    # totals_vs_statuses
    "check.statuses_off": ("{category}:所述{whole}项({breakdown}),但“{label}”自述{said}",
                           "{category}: {whole} stated ({breakdown}), but “{label}” says {said}"),
    "check.statuses_ok": ("{category}:所列事项的状态与所述各状态数相符",
                          "{category}: listed statuses agree with the stated counts"),
    # status_unread, and why
    "check.status_unread": ("“{label}”状态未读出:{why}", "“{label}”: status not read: {why}"),
    "unread.vocabulary": ("结论句含状态用语,未能识别",
                          "the verdict sentence holds status words that were not understood"),
    "unread.field": ("状态字段的内容未能识别", "the status field holds words that were not understood"),
    "unread.conflict": ("所述状态相互矛盾,无法判定", "two statuses are stated and nothing decides between them"),
    "unread.negated_part": ("仅个别措施或事项写明未完成,整体状态未说明",
                            "only a measure is said to be undone; the item states no status"),
    # what the reader could not make items of
    "check.table_not_read": ("表格未识别为整改台账(无表头),已按文字读取:{table}",
                             "a table without a ledger header was read as text: {table}"),
    "check.text_after_sign_off": ("落款之后另有{n}段文字(另一篇文章),未作为报告内容",
                                  "{n} paragraphs after the sign-off (another article) were left out"),
    # an attachment that restates the body's items (附件重述)
    "check.attached_restates": ("“{attachment}”逐项重述正文事项{n}项,按正文计数,不重复计入",
                                "“{attachment}” restates {n} items of the body: counted once, as the body's"),
    "check.attached_disagrees": ("“{label}”正文({where})为{body},“{attachment}”为{copy}",
                                 "“{label}”: the body ({where}) says {body}, “{attachment}” says {copy}"),
    "check.attached_only": ("“{label}”正文({where})未说明状态,“{attachment}”为{copy}",
                            "“{label}”: the body ({where}) states no status, “{attachment}” says {copy}"),
    "check.copy_of": ("{label}(附件重述)", "{label} (restated in attachment)"),
    # between two versions
    "check.regressed": ("状态倒退{guess}:{label}({old}→{new})", "status went back{guess}: {label} ({old} → {new})"),
    "check.inferred": ("(推断)", " (inferred)"),
    "check.overdue": ("逾期:{label}(整改时限{deadline},新版状态{status})",
                      "overdue: {label} (deadline {deadline}, new status {status})"),
    "check.removed": ("事项在新版中消失:{label}", "item gone from the new version: {label}"),
    "check.cumulative_shrank": ("累计数减少:{change}", "cumulative figure shrank: {change}"),
    "check.total_fell": ("累计数减少:{category} {word}{before}→{after}",
                         "cumulative figure shrank: {category} {word} {before} → {after}"),
    "check.running_completed": ("已完成", "completed"),
    "check.running_total": ("总数", "total"),
    "check.suspect_sign": ("疑似数值错误(累计数正负反转):{change}",
                           "figure looks mistyped (running total changed sign): {change}"),
    "check.suspect_ratio": ("疑似数值错误(变为原来的{times}):{change}", "figure looks mistyped (×{times}): {change}"),
    "check.times": ("{ratio:.3g}倍", "{ratio:.3g}"),
    "check.fraction": ("1/{inverse:.3g}", "{ratio:.3g}"),
    "check.no_items": ("{name} 中未识别出任何事项,比对结果不能说明整改进展(是否为整改情况报告?)",
                       "no items found in {name}; the comparison says nothing of progress (is it a report?)"),
    "check.identical": ("两版内容完全相同(同一版本给了两次?)",
                        "both versions have the same text (one version given twice?)"),
    "check.out_of_order": ("旧版日期({old})晚于新版({new}):两个版本的顺序是否给反了?",
                           "the old version ({old}) is dated after the new one ({new}): given in the wrong order?"),
    "check.total_changed_items_not": ("{category}:所述总数{old}→{new},但所列事项数未变({n}项)",
                                      "{category}: stated total {old} → {new}, "
                                      "but the listed items did not change ({n})"),
    # carried notes
    "check.note_not_carried": ("复核意见无法沿用({why}):{what}:{text}(原在{where},{mark})",
                               "note not carried ({why}): {what}: {text} (was at {where}, {mark})"),
    "note.check_gone": ("该核对结果已不再出现", "its finding no longer arises"),
    "note.item_gone": ("事项已不在新版中", "its item is gone"),
    "note.doubt_gone": ("该疑点已不再出现", "its doubt no longer arises"),
    "check.notes_empty": ("复核意见文件中没有意见:{name}", "no reviewer notes in the notes file: {name}"),
}  # fmt: skip

#: the kinds of doubt: code -> (Chinese, English) name
DOUBT_KINDS = {
    "advanced_unchanged": ("状态前进而措施未变", "status advanced on unchanged measures"),
    "done_no_result": ("完成而无实据", "completed without a result"),
    "overdue": ("逾期未完成", "overdue and unfinished"),
    "deadline_moved": ("一再延期", "deadline moved later"),
    "cumulative_fell": ("累计数回落", "running total fell"),
    "vanished": ("事项消失", "vanished unfinished"),
    "relapsed": ("反复", "relapsed after completion"),
    "same_wording": ("雷同表述", "same wording elsewhere"),
    "totals_mismatch": ("总数与事项不符", "totals disagree with the items"),
}

#: why each doubt is raised (its 疑点说明), and the words it quotes (原文, Chinese only in the sheet)
DOUBTS = {
    "doubt.advanced_unchanged": ("状态{old}→{new},措施文字未变", "status {old} → {new}, the measures text unchanged"),
    "doubt.done_no_result": ("自述{status},正文只有计划或会议、文件,未见结果",
                             "stated {status}, the text holds only plans or meetings and documents, no result"),
    "doubt.overdue": ("整改时限{deadline}已过(报告日期{date}),仍{status}",
                      "deadline {deadline} passed by the report of {date}, still {status}"),
    "doubt.overdue_words": ("整改时限:{deadline};{said}", "deadline: {deadline}; {said}"),
    "doubt.deadline_moved": ("整改时限推后:{old}→{new}", "deadline moved: {old} → {new}"),
    "doubt.deadline_words": ("整改时限:{chain}", "deadline: {chain}"),
    "doubt.deadline_again": ("整改时限一再推后:{chain}", "deadline moved again and again: {chain}"),
    "doubt.relapsed": ("已完成后又成{status}", "completed, then {status} again"),
    "doubt.vanished": ("未报完成即消失,最后状态:{status}", "gone without being reported done; last {status}"),
    "doubt.rate_fell": ("完成率回落,状态未倒退", "rate fell, status did not"),
    "doubt.running_fell": ("累计数回落,状态未倒退", "running total fell, status did not"),
    "doubt.stated_rate_fell": ("{category}:所述完成率{before:g}%→{after:g}%",
                               "{category}: stated rate {before:g}% → {after:g}%"),
    "doubt.same_wording": ("{n}处措施段落雷同(相似度≥{similarity}%),见于{where}",
                           "{n} measures paragraphs alike (≥ {similarity}% similar) in {where}"),
    "doubt.across_units": ("不同单位的报告", "reports of different units"),
    "doubt.within_report": ("同一报告的不同事项", "items of one report"),
}  # fmt: skip
