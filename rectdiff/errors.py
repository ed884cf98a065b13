"""The exceptions rectdiff raises; each carries a one-line message and an exit code."""


class RectdiffError(Exception):
    """Base class: a failure the user can fix. ``str(err)`` is the one-line message."""

    exit_code = 2


class ReadError(RectdiffError):
    """The input file cannot be read as a report (missing, wrong format, no text)."""


class ParseError(RectdiffError):
    """The text was read but holds no rectification report."""


class OutputError(RectdiffError):
    """An output file cannot be written."""


class UsageError(RectdiffError):
    """The call itself cannot be carried out (a series of one version, a batch of no files)."""
