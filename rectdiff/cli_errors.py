"""How a run ends: every error caught once, said in one line on standard error and mapped to its
exit code; a terminating signal turned into an exception, so that every ``finally`` runs."""

from __future__ import annotations

import sys

import click

from .catalogue import say
from .errors import RectdiffError, one_line


def fail(lang: str, message: str, code: int = 2):
    """Say ``message`` in one line on standard error, after rectdiff: 错误:, and exit with ``code``."""
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


def catch_signals() -> None:
    """Turn SIGTERM and SIGHUP into ``Interrupted`` where nothing else handles them."""
    import signal

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name) and signal.getsignal(getattr(signal, name)) == signal.SIG_DFL:
            signal.signal(getattr(signal, name), _on_signal)


def run(group, args: list[str], lang: str) -> None:
    """Run the click ``group`` on ``args`` and exit: each error in one line on standard error,
    with its exit code (2 for any error, usage errors included; 130 or 128 + the signal when
    interrupted); 0 when done."""
    try:
        group.main(args=args, prog_name="rectdiff", standalone_mode=False)
    except RectdiffError as err:
        fail(lang, err.text(lang), err.exit_code)
    except (click.exceptions.Abort, KeyboardInterrupt, Interrupted) as err:
        click.echo(say("cli.interrupted").text(lang), err=True)
        sys.exit(128 + err.signum if isinstance(err, Interrupted) else 130)
    except click.UsageError as err:
        if type(err).__name__ == "NoArgsIsHelpError":  # `rectdiff` alone (click 8.2+): its help, as before
            click.echo(err.ctx.get_help())
            sys.exit(0)
        command = err.ctx.command_path if err.ctx else "rectdiff"
        see = say("cli.see_help", command=command).text(lang)
        fail(lang, f"{err.format_message().rstrip('.。')}; {see}")  # click's zh messages end in 。
    except click.ClickException as err:
        fail(lang, err.format_message())
    except click.exceptions.Exit as err:
        sys.exit(err.exit_code)
    except MemoryError:
        fail(lang, say("cli.out_of_memory").text(lang))
    sys.exit(0)
