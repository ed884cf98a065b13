"""Write the ledger examples: one fictional unit's 整改台账, two versions, in three forms each
(.xlsx, a .docx table, an HTML page). Run from the repository root:

    python examples/make_ledgers.py

What differs from version 1 (2024-03) to version 2 (2024-09):
- statuses move: 1 正在推进 → 已完成, 4 正在推进 → 已完成, 6 已完成 → 正在推进 (a regression);
- a row is added (专项资金拨付不及时) and one removed (公务用车管理不严);
- a problem is reworded (政府采购程序不规范 → 政府采购程序执行不规范);
- counts in 整改措施 change (清查资产1200件 → 1500件, 收缴租金56万元 → 80万元);
- two rows swap places (结余资金 and 政府采购: numbers 2 and 3 exchanged).
"""

from __future__ import annotations

import datetime
import html
from pathlib import Path

HERE = Path(__file__).resolve().parent
TITLE = "青禾区审计局关于2023年度区本级预算执行审计查出问题整改情况的公示"
INTRO = "根据区人大常委会审议意见和审计整改工作要求,现将审计查出问题整改台账公示如下。"
HEADER = ["序号", "问题描述", "整改措施", "责任单位", "整改时限", "整改进展"]
SIGN_OFF = ["特此公示。", "联系电话:0571-8888xxxx", "青禾区审计局"]

V1 = [
    "一、预算管理方面",
    ["1", "部分项目预算执行率偏低", "1.调整预算3项;2.收回结余资金120万元", "区财政局", "2024年6月30日", "正在推进"],
    ["2", "结余资金未及时盘活", "盘活结余资金300万元", "区财政局", "2024年6月30日", "已完成"],
    ["3", "政府采购程序不规范", "修订采购制度2项,培训采购人员45人次", "区财政局", "2024年3月31日", "已完成"],
    "二、资产管理方面",
    ["4", "固定资产账实不符", "清查资产1200件,补登资产台账", "区机关事务中心", "2024年12月31日", "正在推进"],
    ["5", "公务用车管理不严", "收回违规使用车辆2辆", "区机关事务中心", "2024年3月31日", "已完成"],
    ["6", "国有房产出租收益未及时收缴", "收缴租金56万元", "区国资办", "2024年6月30日", "已完成"],
]
V2 = [
    "一、预算管理方面",
    ["1", "部分项目预算执行率偏低", "1.调整预算3项;2.收回结余资金120万元", "区财政局", "2024年6月30日", "已完成"],
    ["2", "政府采购程序执行不规范", "修订采购制度2项,培训采购人员45人次", "区财政局", "2024年3月31日", "已完成"],
    ["3", "结余资金未及时盘活", "盘活结余资金300万元", "区财政局", "2024年6月30日", "已完成"],
    "二、资产管理方面",
    ["4", "固定资产账实不符", "清查资产1500件,补登资产台账", "区机关事务中心", "2024年12月31日", "已完成"],
    ["5", "国有房产出租收益未及时收缴", "收缴租金80万元", "区国资办", "2024年6月30日", "正在推进"],
    ["6", "专项资金拨付不及时", "拨付专项资金450万元", "区财政局", "2024年12月31日", "正在推进"],
]
VERSIONS = {"ledger_1_2024-03": (V1, "2024年3月28日"), "ledger_2_2024-09": (V2, "2024年9月26日")}


def write_xlsx(path: Path, rows: list, date: str) -> None:
    """The ledger as a worksheet: a merged title row, the header, merged category rows."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "审计整改台账"
    ws.append([TITLE])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws.append(HEADER)
    for row in rows:
        if isinstance(row, str):
            ws.append([row])
            ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=len(HEADER))
        else:
            ws.append([int(row[0]), *row[1:]])
    for line in (SIGN_OFF[-1], date):
        ws.append([line])
    wb.properties.created = wb.properties.modified = datetime.datetime(2024, 1, 1)  # the same bytes every run
    wb.save(path)


def write_docx(path: Path, rows: list, date: str) -> None:
    """The ledger as a Word table between the title, the intro and the sign-off."""
    import docx

    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph(INTRO)
    table = document.add_table(rows=1, cols=len(HEADER))
    for cell, text in zip(table.rows[0].cells, HEADER):
        cell.text = text
    for row in rows:
        cells = table.add_row().cells
        if isinstance(row, str):
            merged = cells[0].merge(cells[-1])
            merged.text = row
        else:
            for cell, text in zip(cells, row):
                cell.text = text
    for line in [*SIGN_OFF, date]:
        document.add_paragraph(line)
    document.save(path)


PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title></head>
<body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/gk">政务公开</a> &gt; 正文</div>
<h1>{title}</h1>
<p>发布时间:{published} 来源:青禾区审计局</p>
<p>{intro}</p>
<table border="1">
<tr><th rowspan="2">序号</th><th rowspan="2">问题描述</th><th colspan="2">整改情况</th><th rowspan="2">责任单位</th>
<th rowspan="2">整改时限</th></tr>
<tr><th>整改措施</th><th>整改进展</th></tr>
{rows}
</table>
{sign_off}
<div class="footer">主办单位:青禾区人民政府办公室 网站标识码:0000000000</div>
</body></html>
"""


def write_html(path: Path, rows: list, date: str) -> None:
    """The ledger as a web page: a two-row header (整改情况 over 整改措施 | 整改进展), merged
    category rows, a closing paragraph after the table, page chrome around it."""
    body = []
    for row in rows:
        if isinstance(row, str):
            body.append(f'<tr><td colspan="6">{html.escape(row)}</td></tr>')
        else:
            number, problem, measures, unit, deadline, progress = (html.escape(c) for c in row)
            body.append(f"<tr><td>{number}</td><td>{problem}</td><td>{measures}</td><td>{progress}</td>"
                        f"<td>{unit}</td><td>{deadline}</td></tr>")  # fmt: skip
    published = date.replace("年", "-").replace("月", "-").replace("日", "")
    sign_off = "\n".join(f"<p>{html.escape(line)}</p>" for line in [*SIGN_OFF, date])
    path.write_text(PAGE.format(title=TITLE, intro=INTRO, rows="\n".join(body), sign_off=sign_off,
                                published=published), encoding="utf-8")  # fmt: skip


def main() -> None:
    """Write all six files beside this script."""
    for stem, (rows, date) in VERSIONS.items():
        write_xlsx(HERE / f"{stem}.xlsx", rows, date)
        write_docx(HERE / f"{stem}.docx", rows, date)
        write_html(HERE / f"{stem}.html", rows, date)


if __name__ == "__main__":
    main()
