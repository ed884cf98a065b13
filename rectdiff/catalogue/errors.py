"""The messages of the errors (``RectdiffError(zh, en)`` and its subclasses), key -> (Chinese,
English) templates. Each says the cause and the fix, on one line; ``{name}`` / ``{path}`` is the
file concerned, ``{option}`` the flag that named it, ``{why}`` the system's own reason."""

from __future__ import annotations

ERRORS = {
    # The call itself (UsageError)
    "usage.series_of_one": ("时间线至少需要两个版本", "a series needs at least two versions"),
    "usage.two_versions": ("至少给出报告的两个版本", "give at least two versions of the report"),
    # A batch's inputs and outputs
    "batch.folder_failed": ("-o {outdir}: 无法创建文件夹({why})", "-o {outdir}: cannot create the folder ({why})"),
    "batch.manifest_header": ("--group-by {path}: CSV 需要一行含 file,series 两列的表头",
                              "--group-by {path}: the CSV needs a header row with the columns file,series"),
    "batch.manifest_unreadable": (
        "--group-by {path}: 无法读取该 CSV({why});请另存为 UTF-8 编码、含 file,series 两列的 CSV",
        "--group-by {path}: cannot read the CSV ({why}); save it as UTF-8 with the columns file,series",
    ),
    "batch.manifest_missing": ("--group-by {path}: 文件不存在;请给出含 file,series 两列的 CSV",
                               "--group-by {path}: no such file; give a CSV with the columns file,series"),
    "batch.no_match": ("{given}: 没有这个文件或文件夹,也没有匹配的报告文件",
                       "{given}: no such file or folder, and no report files match it"),
    "batch.no_reports": ("没有报告文件({given});请给出含 .txt、.html、.docx、.pdf、.xlsx 或 .csv 文件的文件夹或文件",
                         "no report files ({given}); give folders or files in .txt, .html, .docx, .pdf, .xlsx or .csv"),
    "batch.none_read": ("{n} 个文件都未能读取;第一个:{first}", "none of the {n} files could be read; first: {first}"),
    "batch.worker_died": ("批量处理的一个工作进程意外退出(退出码 {code});请重试,或用 --jobs 1 运行",
                          "a batch worker process ended unexpectedly (exit code {code}); run again, or with --jobs 1"),
    "batch.worker_killed": ("批量处理的一个工作进程被信号 {signal} 终止;请重试,或用 --jobs 1 运行",
                            "a batch worker process was killed by signal {signal}; run again, or with --jobs 1"),
    # Reading an input (ReadError)
    "read.binary": ("{name}: 二进制数据,不是文本报告;请给出 .txt、.html、.docx、.pdf、.xlsx 或 .csv 文件",
                    "{name}: binary data, not a text report; give a .txt, .html, .docx, .pdf, .xlsx or .csv file"),
    "read.cannot_read": ("{name}: 无法读取({why});请检查权限",
                         "{name}: cannot read the file ({why}); check its permissions"),
    # …a .csv that is no CSV (csv's own text is English and names no line: never shown)
    "read.csv": ("{name}: 第{line}行无法按 CSV 读取;请用 Excel 打开后另存为 CSV",
                 "{name}: line {line} cannot be read as CSV; open it in Excel and save it as CSV again"),
    "read.csv_cell": ("{name}: 第{line}行起的一个单元格超过 {limit:,} 个字符的上限(多半是引号没有闭合);"
                      "请检查该行的引号",
                      "{name}: a cell from line {line} on is over the {limit:,}-character limit (most likely a quote "
                      "never closed); check the quotes of that line"),
    "read.csv_newline": ("{name}: 第{line}行有不在引号内的单独回车符,无法按 CSV 读取;请用 Excel 打开后另存为 CSV",
                         "{name}: line {line} holds a lone carriage return outside quotes and cannot be read as CSV; "
                         "open it in Excel and save it as CSV again"),
    "read.csv_nul": ("{name}: 第{line}行含空字符(NUL),无法按 CSV 读取;请用 Excel 打开后另存为 CSV",
                     "{name}: line {line} holds a NUL character and cannot be read as CSV; open it in Excel and save "
                     "it as CSV again"),
    "read.csv_quote": ("{name}: 第{line}行的引号没有闭合,其后 {lines} 行都会读进一个单元格;请检查该行的引号",
                       "{name}: a quote on line {line} is never closed, which would take the {lines} lines from there "
                       "into one cell; check the quotes of that line"),
    "read.directory": ("{path}: 是文件夹,不是报告文件", "{path}: is a directory, not a report file"),
    "read.docx_corrupt": ("{name}: .docx 文件已损坏({why});请用 Word 打开后另存",
                          "{name}: corrupt .docx file ({why}); open and re-save it in Word"),
    "read.docx_unreadable": ("{name}: 不是可读的 .docx 文件({why});请用 Word 打开后另存",
                             "{name}: not a readable .docx file ({why}); open and re-save it in Word"),
    "read.empty": ("{name}: 文件为空;请给出 .txt、.html、.docx、.pdf、.xlsx 或 .csv 格式的报告",
                   "{name}: the file is empty; give a report in .txt, .html, .docx, .pdf, .xlsx or .csv"),
    "read.encoding": ("{name}: 无法判断文本编码;请另存为 UTF-8",
                      "{name}: cannot tell the text encoding; save the file as UTF-8"),
    "read.encoding_unsure": ("{name}: 无法判断文本编码(按 {first} 和按 {second} 读都像中文);请另存为 UTF-8",
                             "{name}: cannot tell the text encoding (it reads as Chinese both as {first} and as "
                             "{second}); save the file as UTF-8"),
    "read.encrypted": ("{name}: 文件有密码保护(加密的 .docx/.xlsx);请另存一份不加密的副本",
                       "{name}: the file is password-protected (an encrypted .docx/.xlsx); save an unprotected copy"),
    "read.html": ("{name}: 无法解析该 HTML 网页({exc})", "{name}: cannot parse the HTML page ({exc})"),
    "read.link_loop": ("{path}: 符号链接绕成了环,不指向任何文件;请给出报告文件本身",
                       "{path}: a loop of symbolic links that leads to no file; give the report file itself"),
    "read.missing": ("{path}: 文件不存在;请检查路径", "{path}: no such file; check the path"),
    "read.no_access": ("{path}: 无法访问({why});请检查权限",
                       "{path}: cannot access the file ({why}); check its permissions"),
    "read.no_chinese": ("{name}: 这个 {fmt} 文件中没有中文报告文本",
                        "{name}: no Chinese report text found in this {fmt} file"),
    "read.old_binary": ("{name}: 不支持旧版二进制 Word/Excel 文件(.doc/.xls);请另存为 .docx 或 .xlsx",
                        "{name}: old binary Word/Excel (.doc/.xls) files are not supported; save it as .docx or .xlsx"),
    "read.special": ("{path}: 是{kind},不是普通文件,不予读取;请给出报告文件",
                     "{path}: is a {kind}, not a regular file, and is not read; give a report file"),
    "read.xlsx_empty": ("{name}: 工作簿没有填写内容的单元格", "{name}: the workbook has no filled cells"),
    "read.xlsx_unreadable": ("{name}: 不是可读的 .xlsx 文件({why});请用 Excel 打开后另存",
                             "{name}: not a readable .xlsx file ({why}); open and re-save it in Excel"),
    # PDF files
    "pdf.locked": ("{name}: PDF 有密码保护;请另存一份不加密的副本",
                   "{name}: the PDF is password-protected; save an unprotected copy"),
    "pdf.no_text": ("{name}: PDF 没有文字层(扫描件?);请先做 OCR 文字识别",
                    "{name}: the PDF has no text layer (a scan?); run OCR on it first"),
    "pdf.no_unicode": ("{name}: PDF 的文字层无法识读(字体缺少 Unicode 映射);请换一种方式导出文字或做 OCR",
                       "{name}: the PDF's text layer is unreadable (font without a Unicode map); export the text "
                       "another way or run OCR"),
    "pdf.unreadable": ("{name}: 不是可读的 PDF({why})", "{name}: not a readable PDF ({why})"),
    # The reading budgets (LimitError)
    "limit.file_size": ("{path}: 文件 {size},超过 {limit} 上限", "{path}: file is {size}, over the {limit} limit"),
    "limit.inflated": ("{name}: 解压后 {size},超过 {limit} 上限,不予解压",
                       "{name}: inflates to {size}, over the {limit} limit; not inflated"),
    "limit.input_size": ("{name}: 输入超过 {limit} MiB 上限", "{name}: input is over the {limit} MiB limit"),
    "limit.over": ("{name}: {what}超过 {limit:,} 的上限(至少 {count:,});请拆分文件或检查其来源",
                   "{name}: more than {limit:,} {what} (at least {count:,}); split the file or check where it came "
                   "from"),
    "limit.pdf_bomb": ("{name}: PDF 压缩炸弹:数据流解压后超过 {limit} 上限,不予解压;请检查文件来源",
                       "{name}: PDF zip bomb: its streams inflate past the {limit} limit; not inflated; check where "
                       "the file came from"),
    "limit.time": ("{name}: 读取和解析超过 {seconds:g} 秒的时间上限,已停止;请拆分文件或检查其来源",
                   "{name}: reading and parsing took over the {seconds:g} s time limit and was stopped; split the "
                   "file or check where it came from"),
    "limit.zip_bomb": ("{name}: 压缩炸弹:{member} 解压后 {size},是压缩大小的 {ratio:.0f} 倍(上限 {limit} 倍),"
                       "不予解压;请检查文件来源",
                       "{name}: zip bomb: {member} inflates to {size}, {ratio:.0f} times its compressed size (limit "
                       "{limit}); not inflated; check where the file came from"),
    # …what a budget counts
    "count.characters": ("字符", "characters"),
    "count.elements": ("文档标记元素", "markup elements"),
    "count.filled_cells": ("有内容的单元格", "filled cells"),
    "count.grid_cells": ("表格单元格(行×列)", "table cells (rows x columns)"),
    "count.merged_cells": ("合并单元格展开后的单元格", "cells once merged ranges are expanded"),
    "count.nesting": ("标记嵌套层数", "levels of nested markup"),
    "count.pages": ("页", "pages"),
    "count.glyphs": ("PDF 文字层的字符", "characters of the PDF text layer"),
    "count.page_glyphs": ("PDF 一页文字层的字符", "characters of the text layer on one PDF page"),
    "count.page_objects": ("PDF 一页内容流的对象(绘图指令及其参数)",
                           "objects (drawing operators and operands) in one PDF page"),
    "count.paragraphs": ("段落", "paragraphs"),
    "count.rows": ("表格行(含空行)", "table rows (empty ones included)"),
    "count.spanned_cells": ("表格单元格(合并单元格展开后)", "table cells once spans are expanded"),
    "count.table_cells": ("表格单元格", "table cells"),
    # …what a file that is no regular file is
    "file.device": ("设备文件", "device"),
    "file.fifo": ("命名管道(FIFO)", "named pipe (FIFO)"),
    "file.socket": ("套接字", "socket"),
    "file.special": ("特殊文件", "special file"),
    "manifest.not_text": ("不是 UTF-8 或 GB18030 编码的文本", "not text in UTF-8 or GB18030"),
    # Parsing (ParseError)
    "parse.no_report": ("{source}: 没有找到整改报告(没有编号事项,也没有“整改”字样)",
                        "{source}: no rectification report found (no numbered items, no 整改 text)"),
    # The notes of an earlier workbook (--notes)
    "notes.damaged": ("--notes {path}: 工作簿已损坏,无法读取({why});请用 Excel 打开后另存,或给出另一轮的工作簿",
                      "--notes {path}: a damaged workbook that cannot be read ({why}); re-save it in Excel or give "
                      "another round's workbook"),
    "notes.directory": ("--notes {path}: 是文件夹;请给出上一轮 rectdiff 写出的 .xlsx 文件",
                        "--notes {path}: is a directory; give the .xlsx file an earlier rectdiff run wrote"),
    "notes.missing": ("--notes {path}: 文件不存在;请检查路径", "--notes {path}: no such file; check the path"),
    "notes.special": ("--notes {path}: 是{kind},不是普通文件,不予读取;请给出上一轮 rectdiff 写出的 .xlsx 文件",
                      "--notes {path}: is a {kind}, not a regular file, and is not read; give the .xlsx file an "
                      "earlier rectdiff run wrote"),
    "notes.no_column": ("--notes {path}: 没有“复核意见”列,不是 rectdiff 写出的工作簿;请给出上一轮的比对工作簿",
                        "--notes {path}: no reviewer-note column; give a workbook an earlier rectdiff run wrote"),
    "notes.not_xlsx": ("--notes {path}: 不是 .xlsx 工作簿;请给出上一轮 rectdiff 写出的 .xlsx 文件",
                       "--notes {path}: not an .xlsx workbook; give the .xlsx file an earlier rectdiff run wrote"),
    # Writing outputs (OutputError)
    "output.directory": ("{option} {path}: 是文件夹;请给出文件名", "{option} {path}: is a directory; give a file name"),
    "output.disk_full": ("{path}: 磁盘已满,未能写入;请腾出空间后重试(原有文件未改动)",
                         "{path}: disk full, nothing written; free some space and run again (any existing file is "
                         "unchanged)"),
    "output.failed": ("{path}: 未能写入({why});原有文件未改动",
                      "{path}: cannot write the file ({why}); any existing file is unchanged"),
    "output.folder_not_writable": ("{option} {path}: 文件夹 {folder} 不可写;请为 {option} 换一个文件夹",
                                   "{option} {path}: the folder {folder} is not writable; choose another folder for "
                                   "{option}"),
    "output.is_input": ("{option} {path}: 就是输入文件 {given},不能覆盖输入;请换一个输出文件名",
                        "{option} {path}: is the input {given}; an input is never overwritten; choose another output "
                        "name"),
    "output.locked": ("{option} {path}: 该文件正在 Excel 中打开(锁文件 ~${name});请关闭后重试",
                      "{option} {path}: the file is open in Excel (lock file ~${name}); close it and run again"),
    "output.no_folder": ("{option} {path}: 文件夹 {folder} 不存在;请先创建,或为 {option} 换一个路径",
                         "{option} {path}: the folder {folder} does not exist; create it or choose another {option} "
                         "path"),
    "output.no_permission": ("{path}: 无权写入({why});请换一个可写的位置",
                             "{path}: cannot write there ({why}); choose a writable place"),
    "output.no_suffix": ("没有后缀", "no suffix"),
    "output.read_only": ("{option} {path}: 文件为只读,不予替换;请换一个文件名或先修改其权限",
                         "{option} {path}: the file is read-only and is not replaced; choose another name or change "
                         "its permissions"),
    "output.same_file": ("-o 与 --json 是同一个文件 {output};请分别给出",
                         "-o and --json name the same file {output}; give two"),
    "output.special": ("{option} {path}: 是{kind},不是普通文件,不予替换;请给出普通文件的路径(标准输出用 -)",
                       "{option} {path}: is a {kind}, not a regular file, and is not replaced; give the path of a "
                       "regular file (- for standard output)"),
    "output.suffix": ("{option} {path}: {found};请给出以 {allowed} 结尾的文件名",
                      "{option} {path}: {found}; give a file name ending {allowed}"),
    "output.suffix_found": ("后缀为 '{suffix}'", "'{suffix}'"),
    "output.too_big": ("{path}: 文件超过允许的大小(ulimit -f),未能写入;请放宽限制后重试",
                       "{path}: the file is over the size allowed (ulimit -f), nothing written; raise the limit and "
                       "run again"),
    "output.workbook_to_stdout": ("-o - :工作簿不能写到标准输出;请给出 .xlsx 文件名,或用 --json - 把 JSON 写到标准输出",
                                  "-o - : the workbook cannot go to standard output; give a .xlsx file name, or use "
                                  "--json - for JSON on standard output"),
    # Separators
    "sep.or": (" 或 ", " or "),
}  # fmt: skip
