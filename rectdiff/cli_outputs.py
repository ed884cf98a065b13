"""The outputs of a run: what each command can write, by output kind, and the function that
writes each (the CLI's table of writers: ``cli`` looks an output up here and calls it); every
output name checked before any work; the files written, the summary and the lines saying what
was written."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable

import click

from .catalogue import Said, join, say
from .errors import OutputError


@functools.cache
def outputs() -> dict[str, dict[str, Callable]]:
    """Each command's outputs by kind, and the function that makes each: ``xlsx`` and ``csv``
    write files, (result, path, lang) -> what was written; ``json`` gives the data (result) ->
    dict; ``terminal`` the summary, (result, lang) -> str. The JSON, CSV and terminal writers are
    light (no pandas, no openpyxl); each workbook writer is imported only when it is called, so
    that --help and a run without -o never load openpyxl."""
    from .render import data, summary

    return {
        "parse": {"xlsx": _report_xlsx, "csv": _report_csv, "json": data.report_dict,
                  "terminal": summary.report_summary},
        "compare": {"xlsx": _comparison_xlsx, "json": data.comparison_dict, "terminal": summary.comparison_summary},
        "series": {"xlsx": _series_xlsx, "json": data.series_dict, "terminal": summary.series_summary},
        "batch": {"terminal": summary.batch_summary},  # batch writes its workbooks itself (api.batch)
    }  # fmt: skip


def _report_xlsx(result, path: str, lang: str) -> list:
    from .render.report_book import write_report_xlsx

    return [write_report_xlsx(result, path, lang)]


def _report_csv(result, path: str, lang: str) -> list:
    from .render.data import write_report_csv

    return write_report_csv(result, path)


def _comparison_xlsx(result, path: str, lang: str) -> list:
    from .render.workbook import write_comparison_xlsx

    return [write_comparison_xlsx(result, path, lang)]


def _series_xlsx(result, path: str, lang: str) -> list:
    from .render.timeline import write_series_xlsx

    return [write_series_xlsx(result, path, lang)]


def check_outputs(output: str | None, json_path: str | None, inputs: tuple = ()) -> None:
    """Refuse a wrong output name, or one that is an input or cannot be written, before any work is done."""
    if output == "-":
        raise OutputError(*say("output.workbook_to_stdout"))
    if output:
        check_suffix(output, (".xlsx",), "-o")
    if json_path and json_path != "-":
        check_suffix(json_path, (".json",), "--json")
    targets = [(o, p) for o, p in (("-o", output), ("--json", json_path)) if p and p != "-"]
    if len(targets) == 2 and os.path.abspath(output) == os.path.abspath(json_path):
        raise OutputError(*say("output.same_file", output=output))
    check_targets(targets, inputs)


def check_targets(targets: list[tuple[str, str]], inputs: tuple) -> None:
    """Every output of the run checked before any work (and before any is written)."""
    from .render.output import check_target

    for option, path in targets:
        check_target(path, option, tuple(str(i) for i in inputs))


def check_suffix(path: str, allowed: tuple[str, ...], option: str) -> str:
    """``path``'s suffix, lower-cased, when it is one of ``allowed`` (the output of ``option``); else an OutputError."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in allowed:
        found = say("output.suffix_found", suffix=suffix) if suffix else say("output.no_suffix")
        allowed_said = join("sep.or", (Said(s, s) for s in allowed))
        raise OutputError(*say("output.suffix", option=option, path=path, found=found, allowed=allowed_said))
    return suffix


def emit(result, outputs: dict, output, json_path, lang: str, quiet: bool) -> None:
    """The workbook (-o), the JSON (--json, - for standard output), the summary and what was
    written, each by its writer in ``outputs`` (a command's entry of ``outputs``)."""
    from .render.data import json_text, write_json
    from .render.output import all_or_nothing

    data = outputs["json"](result) if json_path else None
    written = []
    with all_or_nothing():  # the workbook and the JSON replace what was there together, or neither does
        if output:
            written += outputs["xlsx"](result, output, lang)
        if json_path and json_path != "-":
            written.append(write_json(data, json_path))
    if json_path == "-":
        click.echo(json_text(data))
    to_stderr = json_path == "-"
    click.echo(outputs["terminal"](result, lang), err=to_stderr)
    confirm(written, lang, quiet, to_stderr)


def confirm(written: list, lang: str, quiet: bool, to_stderr: bool) -> None:
    """One line for each file ``written``: 已写入 changes.xlsx(9 张表) (none when ``quiet``)."""
    from .render.summary import written_line

    if not quiet:
        for item in written:
            click.echo(written_line(item, lang), err=to_stderr)


def say_empty_notes(result, lang: str) -> None:
    """One line on stderr for each --notes workbook that held no note (its finding is on 核对)."""
    from .notes import EMPTY

    for r in result.check_rows:
        if r.check == EMPTY:
            click.echo(r.message_en if lang == "en" else r.message, err=True)


def progress_line(lang: str):
    """A progress bar on a terminal only, rewritten in place: 读取 [#######.............] 12/35."""
    from .render.labels import tr

    def show(phase: str, done: int, total: int) -> None:
        filled = round(20 * done / max(total, 1))
        bar = "#" * filled + "." * (20 - filled)
        click.echo(f"\r{tr('batch.' + phase, lang)} [{bar}] {done}/{total} ", err=True, nl=False)

    return show
