"""Safe output: atomic writes and cell text that can never execute or corrupt a file."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from dataclasses import dataclass

from ..errors import OutputError

# what the xlsx (XML 1.0) format cannot store, and lone surrogates from broken decoding
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CELL_LIMIT = 32767


@dataclass(frozen=True)
class Written:
    """A file written: its path, its sheets (a workbook) and the characters it could not store."""

    path: str
    sheets: int = 0
    replaced: int = 0


class Sanitizer:
    """Cleans text for cells and counts what it replaced."""

    def __init__(self):
        self.replaced = 0

    def text(self, value: str) -> str:
        """``value`` with every character a workbook cannot store replaced by �."""
        cleaned, n = _ILLEGAL.subn("\ufffd", value)
        self.replaced += n
        return cleaned


def csv_safe(value):
    """Neutralize a CSV field that a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _mode_for(path: str) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 less umask."""
    if os.path.exists(path):
        return os.stat(path).st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def atomic_write(path: str, mode: str = "wb", encoding: str | None = None):
    """Yield a temporary file beside ``path``; rename it into place only on success.

    An interrupted or failed run leaves any existing ``path`` untouched.
    """
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    name = os.path.basename(path)
    if not os.path.isdir(folder):
        raise OutputError(f"{path}: the folder {folder} does not exist; create it or choose another -o path")
    if os.path.isdir(path):
        raise OutputError(f"{path}: is a directory; give a file name")
    if os.path.exists(os.path.join(folder, "~$" + name)):
        raise OutputError(f"{path}: the file is open in Excel (lock file ~${name}); close it and run again")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"{path}: cannot write in {folder} ({exc.strerror}); choose a writable folder") from None
    try:
        with os.fdopen(fd, mode, encoding=encoding, newline="" if "b" not in mode else None) as fh:
            yield fh
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write the file ({exc.strerror}); is it open in another program?") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
