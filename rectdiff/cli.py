"""The command line: turns flags into calls, writes outputs, chooses the exit code.

Exit codes: 0 done; 1 changes found (only with --exit-code); 2 any error; 130 interrupted.
"""

from __future__ import annotations

import os
import sys

import click

from . import __version__
from .errors import OutputError, RectdiffError

LANG = click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="Language of sheet names, headers and messages.",
)
FORMAT = click.option(
    "--format",
    "fmt",
    type=click.Choice(["txt", "html", "docx", "pdf", "xlsx", "csv"]),
    default=None,
    help="Input format; detected from the file when omitted.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rectdiff")
def cli():
    """Compare versions of Chinese rectification progress reports (整改进展情况).

    \b
    Example:
      rectdiff compare examples/qinghe_2023.txt examples/qinghe_2024.txt -o changes.xlsx
    """


@cli.command()
@click.argument("report", type=click.Path(dir_okay=True, allow_dash=False))
@click.option("-o", "--output", type=click.Path(), help="Write the item table to .xlsx, .csv or .json.")
@FORMAT
@LANG
def parse(report, output, fmt, lang):
    """Parse REPORT into a normalized table of items.

    \b
    Example:
      rectdiff parse examples/qinghe_2023.txt -o items.xlsx
    """
    from .api import parse as parse_file
    from .render.data import report_dict, report_summary, write_json, write_report_csv

    suffix = _suffix(output, (".xlsx", ".csv", ".json")) if output else None
    result = parse_file(report, fmt)
    if suffix == ".xlsx":
        from .render.workbook import write_report_xlsx

        write_report_xlsx(result, output, lang)
    elif suffix == ".csv":
        write_report_csv(result, output)
    elif suffix == ".json":
        write_json(report_dict(result), output)
    click.echo(report_summary(result, lang))


@cli.command()
@click.argument("old", type=click.Path(dir_okay=True))
@click.argument("new", type=click.Path(dir_okay=True))
@click.option("-o", "--output", type=click.Path(), help="Write the change workbook (.xlsx).")
@click.option("--json", "json_path", type=click.Path(), help="Write the comparison as JSON.")
@click.option("--exit-code", is_flag=True, help="Exit 1 when changes were found (as git diff --exit-code).")
@LANG
def compare(old, new, output, json_path, exit_code, lang):
    """Compare OLD and NEW versions of a report.

    \b
    Example:
      rectdiff compare old.txt new.txt -o changes.xlsx --json changes.json
    """
    from .api import compare as compare_files
    from .render.data import comparison_dict, comparison_summary, write_json

    if output:
        _suffix(output, (".xlsx",))
    if json_path:
        _suffix(json_path, (".json",))
    result = compare_files(old, new)
    if output:
        from .render.workbook import write_comparison_xlsx

        write_comparison_xlsx(result, output, lang)
    if json_path:
        write_json(comparison_dict(result), json_path)
    click.echo(comparison_summary(result, lang))
    if exit_code and result.has_changes:
        sys.exit(1)


def _suffix(path: str, allowed: tuple[str, ...]) -> str:
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in allowed:
        raise OutputError(f"{path}: unsupported output type '{suffix or 'none'}'; use {', '.join(allowed)}")
    return suffix


def main(argv=None):
    """Entry point: run the CLI, print errors as one line, map them to exit codes."""
    try:
        cli.main(args=argv, prog_name="rectdiff", standalone_mode=False)
    except RectdiffError as err:
        click.echo(f"rectdiff: error: {err}", err=True)
        sys.exit(err.exit_code)
    except click.exceptions.Abort:
        click.echo("rectdiff: interrupted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        click.echo("rectdiff: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(2)
    except click.exceptions.Exit as err:
        sys.exit(err.exit_code)
    except MemoryError:
        click.echo("rectdiff: error: out of memory; the input is too large", err=True)
        sys.exit(2)
    sys.exit(0)
