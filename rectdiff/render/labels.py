"""What the user reads: sheet names, column headers and codes, in Chinese and English."""
from __future__ import annotations

from ..zh.lexicon import STATUS_NAMES

_ZH = {
    # sheets
    "sheet.overview": "概览", "sheet.pairs": "事项对照", "sheet.status": "状态变化", "sheet.metrics": "指标变化",
    "sheet.addrem": "新增与删除", "sheet.checks": "核对", "sheet.long": "长文本", "sheet.items": "事项",
    "sheet.item_metrics": "指标", "sheet.totals": "所述总数", "sheet.meta": "概况",
    # columns
    "change": "变化", "kind": "类型", "old_id": "旧版ID", "new_id": "新版ID", "old_number": "旧编号",
    "new_number": "新编号", "old_heading": "旧标题", "new_heading": "新标题", "similarity": "标题相似度",
    "moved": "位置移动", "renumbered": "重新编号", "old_status": "旧状态", "new_status": "新状态",
    "status_change": "状态变化", "metrics_summary": "指标变化摘要", "heading_redline": "标题修订",
    "body_redline": "正文修订", "review": "复核意见", "order": "序号", "label": "指标", "unit": "单位",
    "old_text": "旧值(原文)", "new_text": "新值(原文)", "old_value": "旧值(基本单位)", "new_value": "新值(基本单位)",
    "delta": "差值", "delta_pct": "差值%", "cumulative": "累计数", "scope": "范围", "check": "检查项",
    "severity": "严重程度", "message": "说明", "evidence": "依据原文", "old_evidence": "旧版依据",
    "new_evidence": "新版依据", "heading": "标题", "number": "编号", "id": "ID", "status": "状态", "body": "正文",
    "item_id": "事项ID", "parent_id": "上级ID", "level": "层级", "measures": "措施", "status_text": "状态原文",
    "status_evidence": "状态依据", "progress_done": "已完成数", "progress_total": "总数", "text": "原文",
    "multiplier": "倍数", "value": "数值(基本单位)", "value_min": "下限", "value_max": "上限", "nominal": "名义值",
    "approx": "约数", "is_percent": "百分比", "start": "起", "end": "止", "category": "类别", "total": "总数",
    **STATUS_NAMES, "other": "其他", "stated_rate": "所述完成率",
    "field": "项目", "old": "旧版", "new": "新版", "count": "数量", "sheet": "工作表", "cell": "单元格",
    "full_text": "全文", "part": "段",
    # overview fields
    "title": "标题", "issuer": "发布单位", "publish_date": "发布日期", "signing_date": "成文日期",
    "round": "巡视(察)轮次", "source": "来源文件", "format": "格式", "items": "事项数", "encoding": "编码",
    "ov.meta": "两版报告", "ov.by_change": "事项变化统计", "ov.by_kind": "按类型统计", "ov.matrix": "状态转移(行:旧版,列:新版)",
    "ov.totals": "所述总数对照", "ov.status_dist": "状态分布", "ov.chart": "两版状态分布", "ov.replaced":
    "无法存入Excel的字符已替换为�,共{n}处", "truncated": "…[超出单元格长度,全文见“长文本”表 {ref}]",
}
_EN = {
    "sheet.overview": "Overview", "sheet.pairs": "Items", "sheet.status": "Status changes",
    "sheet.metrics": "Metric changes", "sheet.addrem": "Added & removed", "sheet.checks": "Checks",
    "sheet.long": "Long text", "sheet.items": "Items", "sheet.item_metrics": "Metrics", "sheet.totals": "Stated totals",
    "sheet.meta": "Report", "review": "Reviewer note", "ov.meta": "Reports", "ov.by_change": "Items by change",
    "ov.by_kind": "By kind", "ov.matrix": "Status transitions (rows: old, columns: new)", "ov.totals": "Stated totals",
    "ov.status_dist": "Status distribution", "ov.chart": "Status distribution, old vs new",
    "ov.replaced": "Characters Excel cannot store were replaced by �: {n}",
    "truncated": "…[cell limit reached; full text in sheet 'Long text' {ref}]",
}
CODES_ZH = {
    "unchanged": "未变", "modified": "修改", "added": "新增", "removed": "删除", "restated": "同值改写",
    "changed": "数值变化", **STATUS_NAMES,
    "improved": "进展", "regressed": "倒退", "stated": "新说明状态", "unstated": "不再说明状态",
    "section": "章节", "feedback": "反馈问题", "extension": "举一反三", "reform": "推动改革", "immediate": "立行立改",
    "problem": "存在问题", "plan": "下一步计划", "narrative": "总体情况", "ok": "通过", "info": "提示",
    "warning": "警告", "error": "错误", "old": "旧版", "new": "新版", "both": "跨版本", True: "是", False: "",
    "counts_add_up": "分项之和等于总数", "rate_matches": "完成率与数字相符", "listed_items": "所列事项数",
    "listed_statuses": "所列事项状态", "status_regressed": "状态倒退", "item_removed": "事项消失",
    "cumulative_shrank": "累计数减少", "total_changed_items_not": "总数变化而事项未变",
}


def tr(key: str, lang: str = "zh") -> str:
    """A header or sheet name; English falls back to the key itself."""
    if lang == "en":
        return _EN.get(key, key.replace("_", " "))
    return _ZH.get(key) or CODES_ZH.get(key, key)


def code(value, lang: str = "zh"):
    """A canonical code (status, change, kind …) as the user reads it."""
    if lang == "en":
        if isinstance(value, bool):
            return "yes" if value else ""
        return value.replace("_", " ") if isinstance(value, str) else value
    return CODES_ZH.get(value, value) if isinstance(value, (str, bool)) else value
