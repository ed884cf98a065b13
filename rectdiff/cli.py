"""The command line: turns flags into calls, writes outputs, chooses the exit code.

Exit codes: 0 done; 1 changes found (only with --exit-code); 2 any error, usage errors included,
each said in one line; 130 interrupted. ``-`` as the JSON path writes JSON to standard output,
and the summary then goes to standard error.
"""

from __future__ import annotations

import os
import sys

import click

from . import __version__
from .catalogue import WORDS, Said, join, say
from .cli_help import localize
from .cli_outputs import outputs as _outputs
from .errors import OutputError, RectdiffError, UsageError, language, one_line, set_language

LANG = click.option("--lang", type=click.Choice(["zh", "en"]), default=language,
                    help="Language of sheet names, headers, codes and messages (default Chinese; or "
                         "RECTDIFF_LANG=en).")  # fmt: skip
FORMAT = click.option("--format", "fmt", type=click.Choice(["txt", "html", "docx", "pdf", "xlsx", "csv"]),
                      default=None, help="Input format; detected from the file when omitted.")  # fmt: skip
NOTES = click.option("--notes", multiple=True, type=click.Path(dir_okay=False),
                     help=f"An earlier rectdiff workbook whose {WORDS['review'][0]} to carry over "
                          "(may be repeated).")  # fmt: skip
EXIT_CODE = click.option("--exit-code", is_flag=True, help="Exit 1 when changes were found (as git diff --exit-code).")
QUIET = click.option("-q", "--quiet", is_flag=True, help="Do not say which files were written.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rectdiff")
def cli():
    """Compare versions of Chinese rectification progress reports (整改进展情况).

    \b
    Example:
      rectdiff compare examples/qinghe_1_2023-06.txt examples/qinghe_2_2023-12.txt -o changes.xlsx
      rectdiff series examples/qinghe_*.txt -o timeline.xlsx
      rectdiff batch examples -o comparisons
    """


@cli.command()
@click.argument("report", type=click.Path(dir_okay=True, allow_dash=False))
@click.option(
    "-o", "--output", help="Write the item table: a .xlsx, .csv or .json file, or - for JSON on standard output."
)
@FORMAT
@LANG
@QUIET
def parse(report, output, fmt, lang, quiet):
    """Parse REPORT (.txt, .html, .docx, .pdf, or a ledger as .xlsx or .csv) into a table of items.

    \b
    Example:
      rectdiff parse examples/qinghe_2_2023-12.txt -o items.xlsx
      rectdiff parse examples/ledger_1_2024-03.xlsx -o -
    """
    from .api import parse as parse_file
    from .render.data import json_text, report_csv_paths, write_json

    suffix = _suffix(output, (".xlsx", ".csv", ".json"), "-o") if output and output != "-" else None
    if suffix:
        _check_targets([("-o", p) for p in (report_csv_paths(output) if suffix == ".csv" else (output,))], (report,))
    result = parse_file(report, fmt)
    outputs = _outputs()["parse"]
    written = []
    if output == "-":
        click.echo(json_text(outputs["json"](result)))
    elif suffix:
        from .render.output import all_or_nothing

        with all_or_nothing():
            if suffix == ".json":
                written.append(write_json(outputs["json"](result), output))
            else:
                written += outputs[suffix[1:]](result, output, lang)
    to_stderr = output == "-"
    click.echo(outputs["terminal"](result, lang), err=to_stderr)
    _confirm(written, lang, quiet, to_stderr)


@cli.command()
@click.argument("old", type=click.Path(dir_okay=True))
@click.argument("new", type=click.Path(dir_okay=True))
@click.option("-o", "--output", help="Write the change workbook (a .xlsx file).")
@click.option("--json", "json_path", help="Write the comparison as JSON (a .json file, or - for standard output).")
@NOTES
@EXIT_CODE
@LANG
@QUIET
def compare(old, new, output, json_path, notes, exit_code, lang, quiet):
    """Compare OLD and NEW versions of a report (any mix of the formats parse reads).

    --notes carries the 复核意见 written in an earlier workbook onto the items of this one.

    \b
    Example:
      rectdiff compare examples/qinghe_1_2023-06.txt examples/qinghe_2_2023-12.txt -o changes.xlsx
      rectdiff compare examples/qinghe_2_2023-12.txt examples/qinghe_3_2024-12.txt --notes changes.xlsx -o next.xlsx
      rectdiff compare examples/ledger_1_2024-03.docx examples/ledger_2_2024-09.xlsx --json -
    """
    from .api import compare as compare_files

    _check_outputs(output, json_path, (old, new, *notes))
    result = compare_files(old, new, notes=list(notes))
    if notes:
        _say_empty_notes(result, lang)
    _emit(result, _outputs()["compare"], output, json_path, lang, quiet)
    if exit_code and result.has_changes:
        sys.exit(1)


@cli.command()
@click.argument("reports", nargs=-1, required=True, type=click.Path(dir_okay=True))
@click.option("-o", "--output", help="Write the timeline workbook (a .xlsx file).")
@click.option("--json", "json_path", help="Write the series as JSON (a .json file, or - for standard output).")
@click.option("--keep-order", is_flag=True, help="Take the versions in the order given, not by their dates.")
@NOTES
@EXIT_CODE
@LANG
@QUIET
def series(reports, output, json_path, keep_order, notes, exit_code, lang, quiet):
    """Follow REPORTS, two or more versions of one report, from the first to the latest.

    Versions are ordered by their dates (--keep-order: as given). The timeline workbook shows each
    item's status in every version, what went back, stayed stuck, vanished or came back, each
    figure and stated total across versions, and every check.

    \b
    Example:
      rectdiff series examples/qinghe_*.txt -o timeline.xlsx
      rectdiff series examples/qinghe_4_2025-06.txt examples/qinghe_1_2023-06.txt --json -
    """
    from .api import series as build

    reports = _expand(reports)
    if len(reports) < 2:
        raise UsageError(*say("usage.two_versions"))
    _check_outputs(output, json_path, (*reports, *notes))
    result = build(list(reports), keep_order=keep_order, notes=list(notes))
    if notes:
        _say_empty_notes(result, lang)
    _emit(result, _outputs()["series"], output, json_path, lang, quiet)
    if exit_code and result.has_changes:
        sys.exit(1)


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "outdir", required=True, help="The folder to write into (created if need be).")
@click.option("--group-by", "manifest", help="A CSV with the columns file,series saying which files form a series.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=None,
              help="Processes to use [default: one per CPU].")  # fmt: skip
@EXIT_CODE
@LANG
@QUIET
def batch(inputs, outdir, manifest, jobs, exit_code, lang, quiet):
    """Compare every series found in INPUTS (folders, files or globs such as 'reports/**/*.pdf').

    Versions group by issuer and inspection round (or audit year) unless --group-by says
    otherwise. Each series gets its own workbook in the output folder (a timeline for three
    versions or more, a change workbook for two), and 汇总.xlsx lists them all, the ones that
    need attention first, with every file that could not be read. Exit 2 only when nothing could
    be read.

    \b
    Example:
      rectdiff batch examples -o comparisons
    """
    from .api import batch as run_batch

    show = _progress_line(lang) if not quiet and sys.stderr.isatty() else None
    result = run_batch(list(inputs), outdir, lang, jobs, manifest, show)
    if show:
        click.echo("", err=True)
    click.echo(_outputs()["batch"]["terminal"](result, lang))
    if exit_code and result.has_changes:
        sys.exit(1)


def _progress_line(lang: str):
    """A progress bar on a terminal only, rewritten in place: 读取 [#######.............] 12/35."""
    from .render.labels import tr

    def show(phase: str, done: int, total: int) -> None:
        filled = round(20 * done / max(total, 1))
        bar = "#" * filled + "." * (20 - filled)
        click.echo(f"\r{tr('batch.' + phase, lang)} [{bar}] {done}/{total} ", err=True, nl=False)

    return show


def _expand(paths: tuple[str, ...]) -> list[str]:
    """Paths as given; a pattern (qinghe_*.txt) that names no file is expanded here, in order,
    for shells that do not expand it themselves."""
    import glob

    out = []
    for path in paths:
        matches = sorted(glob.glob(path)) if not os.path.exists(path) and glob.has_magic(path) else []
        out += matches or [path]
    return out


def _check_targets(targets: list[tuple[str, str]], inputs: tuple) -> None:
    """Every output of the run checked before any work (and before any is written)."""
    from .render.output import check_target

    for option, path in targets:
        check_target(path, option, tuple(str(i) for i in inputs))


def _check_outputs(output: str | None, json_path: str | None, inputs: tuple = ()) -> None:
    """Refuse a wrong output name, or one that is an input or cannot be written, before any work is done."""
    if output == "-":
        raise OutputError(*say("output.workbook_to_stdout"))
    if output:
        _suffix(output, (".xlsx",), "-o")
    if json_path and json_path != "-":
        _suffix(json_path, (".json",), "--json")
    targets = [(o, p) for o, p in (("-o", output), ("--json", json_path)) if p and p != "-"]
    if len(targets) == 2 and os.path.abspath(output) == os.path.abspath(json_path):
        raise OutputError(*say("output.same_file", output=output))
    _check_targets(targets, inputs)


def _say_empty_notes(result, lang: str) -> None:
    """One line on stderr for each --notes workbook that held no note (its finding is on 核对)."""
    from .notes import EMPTY

    for r in result.check_rows:
        if r.check == EMPTY:
            click.echo(r.message_en if lang == "en" else r.message, err=True)


def _emit(result, outputs: dict, output, json_path, lang: str, quiet: bool) -> None:
    """The workbook (-o), the JSON (--json, - for standard output), the summary and what was
    written, each by its writer in ``outputs`` (a command's entry of ``cli_outputs.outputs``)."""
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
    _confirm(written, lang, quiet, to_stderr)


def _confirm(written: list, lang: str, quiet: bool, to_stderr: bool) -> None:
    from .render.summary import written_line

    if not quiet:
        for item in written:
            click.echo(written_line(item, lang), err=to_stderr)


def _suffix(path: str, allowed: tuple[str, ...], option: str) -> str:
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in allowed:
        found = say("output.suffix_found", suffix=suffix) if suffix else say("output.no_suffix")
        allowed_said = join("sep.or", (Said(s, s) for s in allowed))
        raise OutputError(*say("output.suffix", option=option, path=path, found=found, allowed=allowed_said))
    return suffix


def argv_language(argv: list[str]) -> str:
    """The language asked for on the command line (``--lang en``), else by ``RECTDIFF_LANG``,
    else Chinese: known before click parses anything, so that help and usage errors use it too."""
    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else arg[7:] if arg.startswith("--lang=") else ""
        if value in ("zh", "en"):
            return value
    return "en" if os.environ.get("RECTDIFF_LANG", "").lower().startswith("en") else "zh"


def without_leading_lang(args: list[str]) -> list[str]:
    """``args`` less a --lang given before the command (``rectdiff --lang en compare …``): the
    language is already set from it (``argv_language``), and the group itself takes no --lang."""
    out, i = [], 0
    while i < len(args) and args[i].startswith("-"):
        if args[i] == "--lang" and i + 1 < len(args):
            i += 2
            continue
        if not args[i].startswith("--lang="):
            out.append(args[i])
        i += 1
    return out + args[i:]


def _fail(lang: str, message: str, code: int = 2):
    prefix = say("cli.error").text(lang)
    click.echo(prefix + one_line(message), err=True)
    sys.exit(code)


class Interrupted(BaseException):
    """A terminating signal (SIGTERM, SIGHUP) turned into an exception, so that every
    ``finally`` runs and no temporary file is left behind."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _on_signal(signum, _frame):
    raise Interrupted(signum)


def _catch_signals() -> None:
    import signal

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name) and signal.getsignal(getattr(signal, name)) == signal.SIG_DFL:
            signal.signal(getattr(signal, name), _on_signal)


def main(argv=None):
    """Entry point: run the CLI, print errors as one line, map them to exit codes."""
    args = list(sys.argv[1:] if argv is None else argv)
    lang = argv_language(args)
    set_language(lang)
    localize(cli, lang)
    _catch_signals()
    try:
        cli.main(args=without_leading_lang(args), prog_name="rectdiff", standalone_mode=False)
    except RectdiffError as err:
        _fail(lang, err.text(lang), err.exit_code)
    except (click.exceptions.Abort, KeyboardInterrupt, Interrupted) as err:
        click.echo(say("cli.interrupted").text(lang), err=True)
        sys.exit(128 + err.signum if isinstance(err, Interrupted) else 130)
    except click.UsageError as err:
        if type(err).__name__ == "NoArgsIsHelpError":  # `rectdiff` alone (click 8.2+): its help, as before
            click.echo(err.ctx.get_help())
            sys.exit(0)
        command = err.ctx.command_path if err.ctx else "rectdiff"
        see = say("cli.see_help", command=command).text(lang)
        _fail(lang, f"{err.format_message().rstrip('.。')}; {see}")  # click's zh messages end in 。
    except click.ClickException as err:
        _fail(lang, err.format_message())
    except click.exceptions.Exit as err:
        sys.exit(err.exit_code)
    except MemoryError:
        _fail(lang, say("cli.out_of_memory").text(lang))
    sys.exit(0)


localize(cli, argv_language(sys.argv[1:]))  # help is rendered before main() sees the options
