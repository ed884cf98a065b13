"""The command line in Chinese: every help text and click's own words (Usage, Options, Missing
argument …), used unless English is asked for (``--lang en`` or ``RECTDIFF_LANG=en``).

The English texts stay where click reads them (docstrings and ``help=``); ``localize`` swaps
the Chinese ones in, or back, before click renders anything. A command's examples are written
once, in its docstring, and shown under 示例 in Chinese.
"""

from __future__ import annotations

import inspect

import click

#: the prose of each command's help ("" is the group), before its examples
COMMANDS = {
    "": "比较中文整改进展报告(巡视/巡察整改进展情况通报、审计整改报告、整改台账)的各个版本。",
    "parse": "把报告 REPORT(.txt、.html、.docx、.pdf,或 .xlsx/.csv 台账)解析为事项表。",
    "compare": "比较同一报告的旧版 OLD 与新版 NEW(parse 可读的任意格式均可混用)。\n\n"
               "--notes 把上一轮工作簿中写下的复核意见沿用到本次的事项上。",
    "series": "跟踪同一报告的两个或更多版本 REPORTS,从首版到最新版。\n\n"
              "各版按日期排序(--keep-order:按给出的顺序)。时间线工作簿列出每个事项在各版中的状态、"
              "倒退、停滞、消失或重现的事项、各项数字与所述总数的变化,以及每项核对。",
    "batch": "比较 INPUTS(文件夹、文件或 'reports/**/*.pdf' 之类的通配符)中找到的每一组报告。\n\n"
             "各版按发文单位和巡视轮次(或审计年度)分组,除非 --group-by 另有指定。每组在输出文件夹中"
             "各得一个工作簿(三版以上为时间线,两版为比对工作簿),汇总.xlsx 列出全部各组(需关注的在前)"
             "以及未能读取的每个文件。只有一个文件都读不了时才以 2 退出。",
}  # fmt: skip
#: option help by "command.option" or, shared by every command, by option name
OPTIONS = {
    "lang": "工作表名、表头、代码和提示信息的语言(默认中文;亦可用 RECTDIFF_LANG=en)。",
    "fmt": "输入格式;省略时从文件判断。",
    "notes": "上一轮 rectdiff 写出的工作簿,沿用其中的复核意见(可重复)。",
    "exit_code": "发现变化时以 1 退出(同 git diff --exit-code)。",
    "quiet": "不列出写入了哪些文件。",
    "parse.output": "写出事项表:.xlsx、.csv 或 .json 文件,或用 - 把 JSON 写到标准输出。",
    "compare.output": "写出比对工作簿(.xlsx 文件)。",
    "compare.json_path": "把比对结果写为 JSON(.json 文件,或用 - 写到标准输出)。",
    "series.output": "写出时间线工作簿(.xlsx 文件)。",
    "series.json_path": "把时间线写为 JSON(.json 文件,或用 - 写到标准输出)。",
    "series.keep_order": "按给出的顺序排列各版,而不是按日期。",
    "batch.outdir": "写入的文件夹(不存在时创建)。",
    "batch.manifest": "一个含 file,series 两列的 CSV,指明哪些文件构成一组。",
    "batch.jobs": "使用的进程数[默认:每个 CPU 一个]。",
    "help": "显示此帮助并退出。",
    "version": "显示版本并退出。",
}
#: click's own words, as its messages spell them (translated before they are formatted)
CLICK_WORDS = {
    "Usage:": "用法:", "Options": "选项", "Commands": "命令", "Positional arguments": "位置参数",
    "Show this message and exit.": "显示此帮助并退出。", "Show the version and exit.": "显示版本并退出。",
    "Error: {message}": "错误: {message}", "Aborted!": "已中止!", "Missing argument": "缺少参数",
    "Missing option": "缺少选项", "Missing parameter": "缺少参数", "Missing command.": "缺少命令。",
    "Missing {param_type}": "缺少{param_type}", "Missing parameter: {param_name}": "缺少参数:{param_name}",
    "No such command {name!r}.": "没有命令 {name!r}。", "No such option {name!r}.": "没有选项 {name!r}。",
    "No such option: {name}": "没有选项:{name}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效:{message}",
    "Invalid value: {message}": "值无效:{message}", "Option {name!r} does not take a value.": "选项 {name!r} 不带值。",
    "Got unexpected extra argument ({args})": "多余的参数({args})",
    "Got unexpected extra arguments ({args})": "多余的参数({args})",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 需要 {nargs} 个值。",
    "{value!r} is not {choice}.": "{value!r} 不是 {choice}。",
    "{value!r} is not one of {choices}.": "{value!r} 不是 {choices} 之一。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "{value} is not in the range {range}.": "{value} 不在 {range} 范围内。", "integer": "整数",
    "Did you mean {possibility}?": "是否想输入 {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(是否想输入以下之一:{possibilities}?)",
    "default: {default}": "默认:{default}", "%(prog)s, version %(version)s": "%(prog)s,版本 %(version)s",
    "Try '{command} {option}' for help.": "用 '{command} {option}' 查看帮助。",
}  # fmt: skip
_ENGLISH: dict[int, str | None] = {}
_STATE = {"lang": "en"}


def localize(group: click.Group, lang: str) -> None:
    """Every help text of ``group`` and its commands, and click's own words, in ``lang``."""
    _STATE["lang"] = lang
    _install()
    for name, command in [("", group), *group.commands.items()]:
        _swap(command, _command_help(name, command, lang))
        for param in command.params:
            if isinstance(param, click.Option):
                key = param.name or ""
                _swap(param, OPTIONS.get(f"{name}.{key}") or OPTIONS.get(key) if lang == "zh" else None)


def _swap(obj, chinese: str | None) -> None:
    """``obj.help`` to ``chinese``, or back to its English text when ``chinese`` is None."""
    english = _ENGLISH.setdefault(id(obj), obj.help)
    obj.help = chinese or english


def _command_help(name: str, command, lang: str) -> str | None:
    if lang != "zh" or name not in COMMANDS:
        return None
    english = inspect.cleandoc(_ENGLISH.get(id(command), command.help) or "")
    examples = english.split("Example:", 1)[1].rstrip() if "Example:" in english else ""
    return COMMANDS[name] + ("\n\n\b\n示例:" + examples if examples else "")


def _translate(text: str) -> str:
    return CLICK_WORDS.get(text, text) if _STATE["lang"] == "zh" else text


def _ntranslate(singular: str, plural: str, n: int) -> str:
    return _translate(singular if n == 1 else plural)


def _install() -> None:
    """click looks its words up through gettext in each of its modules: look them up here."""
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.parser
    import click.types

    for module in (click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.types):
        if hasattr(module, "_"):
            module._ = _translate
        if hasattr(module, "ngettext"):
            module.ngettext = _ntranslate


# before cli's decorators run: click.version_option looks two words up as the commands are
# declared, and gettext's first look-up imports locale and searches the disk for catalogues
_install()
