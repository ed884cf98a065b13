"""The command line: turns flags into calls, writes outputs, chooses the exit code.

Exit codes: 0 done; 1 changes found (only with --exit-code); 2 any error, usage errors included,
each said in one line; 130 interrupted. ``-`` as the JSON path writes JSON to standard output,
and the summary then goes to standard error.
"""

from __future__ import annotations

import sys

import click

from . import __version__
from .catalogue import WORDS, say
from .cli_args import argv_language, expand, without_leading_lang
from .cli_errors import catch_signals, run
from .cli_help import localize
from .cli_outputs import check_outputs, check_suffix, check_targets, confirm, emit, progress_line, say_empty_notes
from .cli_outputs import outputs as _outputs
from .errors import UsageError, language, set_language

LANG = click.option("--lang", type=click.Choice(["zh", "en"]), default=language,
                    help="Language of sheet names, headers, codes and messages (default Chinese; or "
                         "RECTDIFF_LANG=en).")  # fmt: skip
FORMAT = click.option("--format", "fmt", type=click.Choice(["txt", "html", "docx", "pdf", "xlsx", "csv"]),
                      default=None, help="Input format; detected from the file when omitted.")  # fmt: skip
NOTES = click.option("--notes", multiple=True, type=click.Path(dir_okay=True),
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

    suffix = check_suffix(output, (".xlsx", ".csv", ".json"), "-o") if output and output != "-" else None
    if suffix:
        check_targets([("-o", p) for p in (report_csv_paths(output) if suffix == ".csv" else (output,))], (report,))
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
    confirm(written, lang, quiet, to_stderr)


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

    check_outputs(output, json_path, (old, new, *notes))
    result = compare_files(old, new, notes=list(notes))
    if notes:
        say_empty_notes(result, lang)
    emit(result, _outputs()["compare"], output, json_path, lang, quiet)
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

    reports = expand(reports)
    if len(reports) < 2:
        raise UsageError(*say("usage.two_versions"))
    check_outputs(output, json_path, (*reports, *notes))
    result = build(list(reports), keep_order=keep_order, notes=list(notes))
    if notes:
        say_empty_notes(result, lang)
    emit(result, _outputs()["series"], output, json_path, lang, quiet)
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

    show = progress_line(lang) if not quiet and sys.stderr.isatty() else None
    result = run_batch(list(inputs), outdir, lang, jobs, manifest, show)
    if show:
        click.echo("", err=True)
    click.echo(_outputs()["batch"]["terminal"](result, lang))
    if exit_code and result.has_changes:
        sys.exit(1)


def main(argv=None):
    """Entry point: run the CLI, print errors as one line, map them to exit codes."""
    args = list(sys.argv[1:] if argv is None else argv)
    lang = argv_language(args)
    set_language(lang)
    localize(cli, lang)
    catch_signals()
    run(cli, without_leading_lang(args), lang)


localize(cli, argv_language(sys.argv[1:]))  # help is rendered before main() sees the options
