"""The command line: CliRunner for behaviour, a real subprocess for the installed entry point,
exit codes, one-line errors, and docs that cannot drift from the code."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import openpyxl
import pytest
from click.testing import CliRunner

from rectdiff.cli import cli, main

from .conftest import EXAMPLES, ROOT, V1, V2, V3


def run_main(args, capsys):
    with pytest.raises(SystemExit) as exc:
        main([str(a) for a in args])
    out = capsys.readouterr()
    return exc.value.code, out.out, out.err


def test_compare_writes_workbook_and_json(tmp_path):
    result = CliRunner().invoke(
        cli, ["compare", str(V1), str(V2), "-o", str(tmp_path / "c.xlsx"), "--json", str(tmp_path / "c.json")]
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "事项数: 24 → 26; 未变 16, 修改 7, 新增 3, 删除 1"
    assert "[错误] 两版之间: 累计数减少:培训招商人员 260人次→240人次" in result.output
    assert "[错误] 新版: “举一反三”整改事项:5/6 = 83.33%,与所述完成率80%不符" in result.output
    assert result.output.splitlines()[-2:] == [f"已写入 {tmp_path / 'c.xlsx'}(9 张表)", f"已写入 {tmp_path / 'c.json'}"]
    assert openpyxl.load_workbook(tmp_path / "c.xlsx").sheetnames[0] == "概览"
    data = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert data["new"]["items"] == 26


def test_compare_english_summary():
    result = CliRunner().invoke(cli, ["compare", str(V1), str(V2), "--lang", "en"])
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "Items: 24 → 26; unchanged 16, modified 7, added 3, removed 1"
    assert "[error] between versions: cumulative figure shrank: 培训招商人员 260人次→240人次" in result.output
    assert (
        "[warning] between versions: status went back: 4. 老旧小区改造进度偏慢 (completed → in progress)"
        in result.output
    )
    assert "[error] new version: “举一反三”整改事项: 5/6 = 83.33%, but the stated rate is 80%" in result.output


def test_exit_code_flag(capsys):
    code, out, _ = run_main(["compare", V1, V2, "--exit-code"], capsys)
    assert code == 1
    code, out, _ = run_main(["compare", V1, V1, "--exit-code"], capsys)
    assert code == 0 and "事项数: 24 → 24; 未变 24, 修改 0, 新增 0, 删除 0" in out  # the summary sums


def test_exit_code_ignores_a_restated_value(tmp_path, capsys):
    """12个 → １２个 is the same value: the summary says 未变, and so does the exit code."""
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("1.针对会议过多问题,进行了以下整改。精简会议12个。", encoding="utf-8")
    new.write_text("1.针对会议过多问题,进行了以下整改。精简会议１２个。", encoding="utf-8")
    code, out, _ = run_main(["compare", old, new, "--exit-code"], capsys)
    assert code == 0
    assert out.splitlines()[:3] == [
        "事项数: 1 → 1; 未变 1, 修改 0, 新增 0, 删除 0",
        "状态变化: 未变",
        "指标变化: 0 (同值改写 1)",
    ]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".json"])
def test_parse_outputs(tmp_path, suffix):
    out = tmp_path / f"items{suffix}"
    result = CliRunner().invoke(cli, ["parse", str(V1), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "事项数: 24" in result.output
    if suffix == ".xlsx":
        wb = openpyxl.load_workbook(out)
        assert wb.sheetnames == ["概览", "事项", "指标", "所述总数", "核对", "原文"]
        assert wb["事项"].freeze_panes == "A2"
        assert wb["事项"].max_row == 27  # a header, the preamble, 25 rows and the sign-off
    elif suffix == ".csv":
        assert (tmp_path / "items_metrics.csv").exists() and (tmp_path / "items_checks.csv").exists()
        assert out.read_text(encoding="utf-8-sig").splitlines()[0].startswith("item_id,parent_id,level,kind")
    else:
        data = json.loads(out.read_text(encoding="utf-8"))
        assert list(data) == ["meta", "items", "metrics", "coverage", "totals", "checks"]
        assert data["meta"]["title"] == "青禾区关于市委第五轮巡视整改进展情况的通报"


def test_parse_summary_without_output():
    result = CliRunner().invoke(cli, ["parse", str(V2)])
    assert result.exit_code == 0
    assert "[错误] “举一反三”整改事项:5/6 = 83.33%,与所述完成率80%不符" in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["parse", "missing.txt"], "missing.txt: no such file"),
        (["parse", "{tmp}"], "is a directory"),
        (["parse", "{empty}"], "the file is empty"),
        (["parse", "{notreport}"], "no rectification report found"),
        (["compare", str(V1), str(V2), "-o", "{tmp}/x.pdf"], "'.pdf'; give a file name ending .xlsx"),
        (["compare", str(V1), str(V2), "-o", "{tmp}/x"], "no suffix; give a file name ending .xlsx"),
        (["compare", str(V1), str(V2), "-o", "-"], "use --json - for JSON on standard output"),
        (["parse", str(V1), "-o", "{tmp}/x.doc"], "give a file name ending .xlsx or .csv or .json"),
        (["compare", str(V1)], "Missing argument 'NEW'; see 'rectdiff compare --help'"),
        (["compare", str(V1), str(V2), "--lang", "fr"], "'fr' is not one of 'zh', 'en'; see 'rectdiff compare --help'"),
        (["compare", str(V1), str(V2), "--colour"], "No such option '--colour'; see 'rectdiff compare --help'"),
        (["diff", str(V1)], "No such command 'diff'"),
        (["compare", str(V1), str(V2), "-o", "{tmp}/nope/x.xlsx"], "does not exist"),
        (["compare", str(V1), str(V2), "--json", "{tmp}/x.txt"], "'.txt'; give a file name ending .json"),
        # --notes says what to give instead: the workbook of an earlier run, not a report
        (
            ["compare", str(V1), str(V2), "--notes", "{fifo}"],
            "notes.fifo: is a named pipe (FIFO), not a regular file, and is not read; give the .xlsx file an earlier",
        ),
        (["compare", str(V1), str(V2), "--notes", "{tmp}"], "is a directory; give the .xlsx file an earlier"),
        (["compare", str(V1), str(V2), "--notes", "gone.xlsx"], "error: --notes gone.xlsx: no such file"),
    ],
)
def test_errors_are_one_line_exit_2(tmp_path, capsys, monkeypatch, args, message):
    monkeypatch.setenv("RECTDIFF_LANG", "en")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "notreport.txt").write_text("今天天气很好。\n明天也好。", encoding="utf-8")
    os.mkfifo(tmp_path / "notes.fifo")
    fill = {"tmp": tmp_path, "empty": tmp_path / "empty.txt", "notreport": tmp_path / "notreport.txt",
            "fifo": tmp_path / "notes.fifo"}  # fmt: skip
    code, out, err = run_main([a.format(**fill) for a in args], capsys)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("rectdiff: error: ") and message in err
    assert "Traceback" not in err


def test_existing_output_survives_a_failed_run(tmp_path, capsys):
    out = tmp_path / "c.xlsx"
    out.write_bytes(b"keep me")
    code, _, _ = run_main(["compare", V1, tmp_path / "missing.txt", "-o", out], capsys)
    assert code == 2 and out.read_bytes() == b"keep me"


@pytest.mark.parametrize("lang, example", [("zh", "示例"), ("en", "Example")])
def test_every_command_and_option_has_help(lang, example):
    from rectdiff.cli_help import localize

    localize(cli, lang)
    try:
        for name, command in cli.commands.items():
            assert command.help and example in command.help, name
            for param in command.params:
                if param.param_type_name == "option":
                    assert param.help, f"{name} {param.name}"
                    if lang == "zh" and param.name not in ("help", "version"):
                        assert any("\u4e00" <= ch <= "\u9fff" for ch in param.help), f"{name} {param.name}"
    finally:
        localize(cli, "zh")


@pytest.mark.parametrize(
    "env, args, first, words",
    [
        ({}, ["compare", "--help"], "用法: rectdiff compare [OPTIONS] OLD NEW", ["比较同一报告的旧版", "示例:", "选项:"]),
        ({"RECTDIFF_LANG": "en"}, ["compare", "--help"], "Usage: rectdiff compare [OPTIONS] OLD NEW", ["Example:"]),
        ({}, ["compare", "--help", "--lang", "en"], "Usage: rectdiff compare [OPTIONS] OLD NEW", ["Options:"]),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"}, ["--help"], "用法: rectdiff [OPTIONS] COMMAND [ARGS]...",
         ["命令:"]),
    ],
)  # fmt: skip
def test_help_is_chinese_unless_english_is_asked(env, args, first, words):
    """Whatever the locale; English with --lang en (even after --help) or RECTDIFF_LANG=en."""
    environ = {k: v for k, v in os.environ.items() if k != "RECTDIFF_LANG"}
    proc = subprocess.run([sys.executable, "-m", "rectdiff", *args], capture_output=True, text=True,
                          env={**environ, **env}, timeout=60)  # fmt: skip
    assert proc.returncode == 0 and proc.stdout.splitlines()[0] == first
    assert all(w in proc.stdout for w in words)


@pytest.mark.parametrize(
    "args, zh, en",
    [
        (["compare", "{v1}"], "缺少参数 'NEW'; 参见 'rectdiff compare --help'", "Missing argument 'NEW'"),
        (["compare", "{v1}", "{v1}", "--colour"], "没有选项", "No such option"),
        (["parse", "{tmp}/missing.txt"], "文件不存在;请检查路径", "no such file; check the path"),
        (["compare", "{v1}", "{v1}", "-o", "{tmp}/x.pdf"], "后缀为 '.pdf';请给出以 .xlsx 结尾的文件名",
         "'.pdf'; give a file name ending .xlsx"),
        (["compare", "{v1}", "{v1}", "--json", "{tmp}/nope/x.json"], "--json", "--json"),
        (["series", "{v1}"], "至少给出报告的两个版本", "give at least two versions"),
    ],
)  # fmt: skip
def test_errors_in_both_languages_never_a_key(tmp_path, capsys, monkeypatch, args, zh, en):
    monkeypatch.delenv("RECTDIFF_LANG", raising=False)
    fill = {"v1": V1, "tmp": tmp_path}
    code, _, err = run_main([a.format(**fill) for a in args], capsys)
    assert code == 2 and err.startswith("rectdiff: 错误: ") and zh in err and err.count("\n") == 1
    code, _, err = run_main([a.format(**fill) for a in args] + ["--lang", "en"], capsys)
    assert code == 2 and err.startswith("rectdiff: error: ") and en in err and err.count("\n") == 1


def test_a_chinese_usage_error_ends_its_message_once(capsys, monkeypatch):
    """click's Chinese messages end in 。: the line says it once, then where to look (no 。;)."""
    monkeypatch.delenv("RECTDIFF_LANG", raising=False)
    code, _, err = run_main(["compare", str(V1), str(V1), "--json"], capsys)
    assert code == 2 and err.startswith("rectdiff: 错误: ") and "需要一个值; 参见 'rectdiff" in err and "。;" not in err


def test_a_file_name_with_a_new_line_is_still_one_line(tmp_path, capsys):
    odd = tmp_path / "第一行\n第二行.txt"
    code, _, err = run_main(["parse", odd], capsys)
    assert code == 2 and err.count("\n") == 1 and "第一行\\n第二行.txt" in err


def imported(args: list[str]) -> set[str]:
    """The top-level packages a real ``rectdiff`` process imports for ``args``."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "rectdiff", *args], capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return {line.rsplit("|", 1)[1].strip().split(".")[0] for line in proc.stderr.splitlines() if "|" in line}


_AT_EXIT = (
    "import atexit, runpy, sys; atexit.register(lambda: print('\\nLOADED', *sorted(sys.modules), file=sys.stderr)); "
    "sys.argv = ['rectdiff', *sys.argv[1:]]; runpy.run_module('rectdiff', run_name='__main__')"
)


def loaded_at_exit(args: list[str]) -> set[str]:
    """The top-level packages held in ``sys.modules`` when a real ``rectdiff`` process for ``args``
    ends (an import that was tried and refused, as ``rectdiff.xlsx`` refuses numpy, is not held)."""
    proc = subprocess.run([sys.executable, "-c", _AT_EXIT, *args], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    names = proc.stderr.rsplit("\nLOADED ", 1)[1].split()
    return {name.split(".")[0] for name in names}


def test_only_the_workbook_path_imports_openpyxl(tmp_path):
    """openpyxl (0.2-0.3 s to import) is the workbook writer's: JSON and the summary go without it."""
    assert "openpyxl" not in imported(["compare", str(V1), str(V2), "--json", str(tmp_path / "c.json")])
    assert "openpyxl" not in imported(["compare", str(V1), str(V2)])
    assert "openpyxl" in imported(["compare", str(V1), str(V2), "-o", str(tmp_path / "c.xlsx")])


def test_json_and_csv_runs_load_no_table_library(tmp_path):
    """Issue 18: compare --json (no workbook) and parse to JSON or CSV run on the records alone:
    pandas (about 0.5 s to import), scipy (0.4 s) and openpyxl (0.3 s) stay unloaded."""
    heavy = {"pandas", "scipy", "openpyxl"}
    assert imported(["compare", str(V1), str(V2), "--json", str(tmp_path / "c.json")]) & heavy == set()
    assert json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))["stats"]["items"] == {"old": 24, "new": 26}
    assert imported(["parse", str(V2), "-o", str(tmp_path / "items.json")]) & heavy == set()
    assert imported(["parse", str(V2), "-o", str(tmp_path / "items.csv")]) & heavy == set()
    assert (tmp_path / "items_metrics.csv").exists()


#: what ``compare OLD NEW --json`` of two text reports has no use for: the table and workbook
#: libraries, the readers of other formats, and the parts of the standard library that only batch
#: (processes), the readers (XML, mail, the web, zip archives), the CSV and workbook writers (csv,
#: tempfile, shutil), a rare date (calendar) or nothing of ours use, and locale (gettext's, when
#: click's words are looked up before cli_help takes them over); each costs start-up
START_UP_FORBIDDEN = {
    "pandas", "scipy", "openpyxl", "docx", "pdfplumber", "pdfminer", "lxml", "PIL", "charset_normalizer", "zhconv",
    "pkg_resources", "multiprocessing", "concurrent", "xml", "email", "http", "logging", "asyncio", "sqlite3",
    "numpy", "unittest", "decimal", "statistics", "fractions", "hashlib", "secrets", "argparse", "pprint", "subprocess",
    "zipfile", "bz2", "lzma", "shutil", "tempfile", "random", "csv", "calendar", "locale",
}  # fmt: skip
if sys.version_info < (3, 11):  # click imports uuid, whose platform imports subprocess at its top on 3.10 (not later)
    START_UP_FORBIDDEN -= {"subprocess"}


def test_compare_json_loads_nothing_it_does_not_use(tmp_path):
    """Issue 18's start-up: the compare --json path of the example pair imports none of the
    modules it has no use for (each one a few milliseconds to tenths of a second)."""
    loaded = imported(["compare", str(V1), str(V2), "--json", str(tmp_path / "c.json"), "-q"])
    assert {"rectdiff", "click", "rapidfuzz", "diff_match_patch"} <= loaded
    assert loaded & START_UP_FORBIDDEN == set()


def test_workbook_runs_load_no_pandas(tmp_path):
    """Issue 18: the workbook renderers read the records, so compare, series, parse and batch
    writing workbooks (-o), with carried notes too, load openpyxl, their writer, but neither
    pandas nor scipy, nor numpy (openpyxl's own optional import, 80 ms: ``rectdiff.xlsx``)."""
    runs = {"c.xlsx": ["compare", V1, V2], "s.xlsx": ["series", V1, V2, V3], "items.xlsx": ["parse", V2],
            "batch": ["batch", EXAMPLES]}  # fmt: skip
    for name, args in runs.items():
        loaded = loaded_at_exit([*map(str, args), "-o", str(tmp_path / name)])
        assert "openpyxl" in loaded and loaded & {"pandas", "scipy", "numpy"} == set(), name
    assert openpyxl.load_workbook(tmp_path / "c.xlsx").sheetnames[:3] == ["概览", "疑点清单", "事项对照"]
    assert openpyxl.load_workbook(tmp_path / "s.xlsx").sheetnames[:3] == ["概览", "疑点清单", "时间线"]
    assert openpyxl.load_workbook(tmp_path / "items.xlsx").sheetnames[:2] == ["概览", "事项"]
    assert (tmp_path / "batch" / "汇总.xlsx").exists()
    # carrying reviewer notes (--notes) reads the earlier workbook and carries onto records too
    for name, args in {"c2.xlsx": ["compare", V1, V2, "--notes", tmp_path / "c.xlsx"],
                       "s2.xlsx": ["series", V1, V2, V3, "--notes", tmp_path / "s.xlsx"]}.items():  # fmt: skip
        loaded = loaded_at_exit([*map(str, args), "-o", str(tmp_path / name)])
        assert loaded & {"pandas", "scipy", "numpy"} == set(), name


def test_help_loads_no_pipeline():
    """--help needs click and the catalogue only: the package imports its API on first use."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "rectdiff", "--help"], capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    modules = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines() if "|" in line}
    assert proc.returncode == 0 and "rectdiff.cli" in modules and "click" in modules
    assert {"rectdiff.api", "rectdiff.model", "rectdiff.records", "rectdiff.zh.lexicon"} & modules == set()


def test_subprocess_module_and_entry_point(tmp_path):
    for cmd in ([sys.executable, "-m", "rectdiff"], ["rectdiff"]):
        proc = subprocess.run(
            cmd + ["compare", str(V1), str(V2), "-o", str(tmp_path / "c.xlsx")],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 0, proc.stderr
        assert "新增 3" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "rectdiff", "--version"], capture_output=True, text=True)
    assert proc.stdout.strip() == "rectdiff, version 0.1.0"
    proc = subprocess.run(
        [sys.executable, "-m", "rectdiff", "parse", str(tmp_path / "none.txt")], capture_output=True, text=True
    )
    assert proc.returncode == 2 and proc.stderr.startswith("rectdiff: 错误:") and "Traceback" not in proc.stderr


def test_readme_commands_match_the_code():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = next(line for line in ci.splitlines() if line.startswith("pip install"))
    assert "pytest" in test_command and f"$ {test_command}" in readme
    for line in re.findall(r"^\s*(rectdiff (?:parse|compare) .+)$", readme, re.M):
        words = line.split()
        command = cli.commands[words[1]]
        options = {o for p in command.params for o in p.opts}
        for word in words[2:]:
            if word.startswith("-"):
                assert word in options, line
            elif word.startswith("examples/"):
                assert (ROOT / word).exists(), line


def test_readme_pictures_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pictures = re.findall(r"\]\((docs/[^)]+\.png)\)", readme)
    drawn = re.findall(
        r"^#   (docs/\S+\.png)", (ROOT / "docs" / "make_screenshot.sh").read_text(encoding="utf-8"), re.M
    )
    assert sorted(pictures) == sorted(drawn) and len(drawn) == 5  # every picture the script draws is shown
    assert all((ROOT / p).exists() for p in pictures)


def test_readme_documents_every_column():
    from rectdiff.model import ITEM_COLUMNS, METRIC_COLUMNS
    from rectdiff.render.data import JSON_ITEM_KEYS, JSON_METRIC_KEYS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for column in ITEM_COLUMNS + METRIC_COLUMNS + JSON_ITEM_KEYS + JSON_METRIC_KEYS:
        assert f"`{column}`" in readme, column


def test_interrupt_exits_130(capsys, monkeypatch):
    import rectdiff.api

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(rectdiff.api, "compare", interrupted)
    code, _, err = run_main(["compare", V1, V2], capsys)
    assert code == 130 and err.strip() == "rectdiff: 已中断"


def test_unreadable_file(tmp_path, capsys, monkeypatch):
    import builtins

    real_open = builtins.open
    target = tmp_path / "locked.txt"
    target.write_text("整改", encoding="utf-8")

    def deny(path, *args, **kwargs):
        if str(path) == str(target):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", deny)
    code, _, err = run_main(["parse", target], capsys)
    assert code == 2 and "无法读取(Permission denied);请检查权限" in err


def test_json_to_standard_output_and_the_summary_to_standard_error(capsys):
    code, out, err = run_main(["compare", V1, V2, "--json", "-"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["new"]["items"] == 26
    assert err.splitlines()[0] == "事项数: 24 → 26; 未变 16, 修改 7, 新增 3, 删除 1"
    code, out, err = run_main(["parse", EXAMPLES / "ledger_1_2024-03.xlsx", "-o", "-"], capsys)
    assert code == 0 and json.loads(out)["meta"]["format"] == "xlsx" and "事项数: 8" in err


def test_each_file_written_is_said_once_and_quiet_says_nothing(tmp_path, capsys):
    code, out, _ = run_main(["parse", V1, "-o", tmp_path / "items.csv"], capsys)
    written = [line for line in out.splitlines() if line.startswith("已写入")]
    assert written == [f"已写入 {tmp_path / name}" for name in
                       ("items.csv", "items_metrics.csv", "items_totals.csv", "items_checks.csv")]  # fmt: skip
    code, out, _ = run_main(["parse", V1, "-o", tmp_path / "items.xlsx", "-q", "--lang", "en"], capsys)
    assert code == 0 and "wrote" not in out and "已写入" not in out


def test_a_report_compared_with_itself_says_each_finding_once(capsys):
    code, out, _ = run_main(["compare", V2, V2], capsys)
    findings = [line for line in out.splitlines() if line.startswith("[")]
    assert findings == ["[错误] 两版均有: “举一反三”整改事项:5/6 = 83.33%,与所述完成率80%不符",
                        "[警告] 两版之间: 两版内容完全相同(同一版本给了两次?)",
                        "[警告] 两版均有: 立行立改问题:所述3项,列出2项"]  # fmt: skip


def test_help_examples_run_as_written(tmp_path):
    """Every example line of every --help runs, from the repository root, as it is written."""
    texts = [cli.help] + [command.help for command in cli.commands.values()]
    examples = [line.strip() for text in texts for line in text.splitlines() if line.strip().startswith("rectdiff ")]
    assert len(examples) >= 4
    for example in examples:
        words = example.split()[1:]
        # every output (a file, or the folder after -o) goes to the temporary folder
        args = [str(tmp_path / a) if "examples" not in a and (a.endswith((".xlsx", ".json", ".csv"))
                                                              or words[i - 1] == "-o" and a != "-") else a
                for i, a in enumerate(words)]  # fmt: skip
        proc = subprocess.run([sys.executable, "-m", "rectdiff", *args], capture_output=True, text=True, cwd=ROOT,
                              timeout=120)  # fmt: skip
        assert proc.returncode == 0, (example, proc.stderr)


@pytest.mark.parametrize(
    "args, first",
    [
        (["--lang", "en", "compare", V1, V2], "Items: 24 → 26; unchanged 16, modified 7, added 3, removed 1"),
        (["--lang=en", "compare", V1, V2], "Items: 24 → 26; unchanged 16, modified 7, added 3, removed 1"),
        ([], "用法: rectdiff [OPTIONS] COMMAND [ARGS]..."),
        (["--lang", "en"], "Usage: rectdiff [OPTIONS] COMMAND [ARGS]..."),
    ],
)
def test_lang_before_the_command_and_no_command_at_all(args, first, capsys):
    """--lang before the command is taken (was: no such option); rectdiff with no command prints
    its help (was: the whole help as one error line with literal \\n)."""
    from rectdiff.errors import set_language

    try:
        code, out, err = run_main(args, capsys)
    finally:
        set_language("zh")  # main() sets the language of the process: the next tests run in Chinese
    assert code == 0 and out.splitlines()[0] == first and err == ""
