"""Safe output: atomic writes and cell text that can never execute or corrupt a file."""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import re
import stat

from ..catalogue import file_kind, say
from ..errors import OutputError
from ..frozen import frozen
from ..model import CELL_LIMIT  # noqa: F401 - the writers read it from here
from ..zh.compiled import regex

# what the xlsx (XML 1.0) format cannot store, and lone surrogates from broken decoding (compiled
# by the first Sanitizer: only the workbook writers clean cells)
_ILLEGAL = "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@frozen
class Written:
    """A file written: its path, its sheets (a workbook) and the characters it could not store."""

    path: str
    sheets: int = 0
    replaced: int = 0


class Sanitizer:
    """Cleans text for cells and counts what it replaced."""

    def __init__(self):
        self.replaced = 0
        self._subn = _illegal().subn

    def text(self, value: str) -> str:
        """``value`` with every character a workbook cannot store replaced by �."""
        cleaned, n = self._subn("\ufffd", value)
        self.replaced += n
        return cleaned


@functools.cache
def _illegal() -> re.Pattern:
    return regex(_ILLEGAL)


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


def check_target(path: str, option: str, inputs: tuple[str, ...] = ()) -> None:
    """Refuse, before any work, an output that could not be written or must not be: no such
    folder, a folder, a FIFO, device or socket (the rename into place would replace it with a
    file), a workbook open in Excel, a read-only file, or any of the ``inputs`` (the same file by
    inode, whatever the path says)."""
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    name = os.path.basename(path)
    if not os.path.isdir(folder):
        raise OutputError(*say("output.no_folder", option=option, path=path, folder=folder))
    if os.path.isdir(path):
        raise OutputError(*say("output.directory", option=option, path=path))
    _check_regular(path, option)
    for given in inputs:
        if given and given != "-" and _same_file(path, given):
            raise OutputError(*say("output.is_input", option=option, path=path, given=given))
    if os.path.exists(os.path.join(folder, "~$" + name)):
        raise OutputError(*say("output.locked", option=option, path=path, name=name))
    if os.path.exists(path) and not os.stat(path).st_mode & 0o222:
        raise OutputError(*say("output.read_only", option=option, path=path))
    if not os.access(folder, os.W_OK):
        raise OutputError(*say("output.folder_not_writable", option=option, path=path, folder=folder))


def _check_regular(path: str, option: str) -> None:
    """Refuse an existing ``path`` that is no regular file (a link is followed: a link to a FIFO
    is one); standard output is ``-``, never /dev/stdout."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # nothing there (or a dangling link): a new file
    if not stat.S_ISREG(mode):
        raise OutputError(*say("output.special", option=option, path=path, kind=file_kind(mode)))


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def write_failure(path: str, exc: BaseException) -> OutputError:
    """The one line for a write that failed: disk full, file size limit, read-only, no permission."""
    number = getattr(exc, "errno", None)
    why = getattr(exc, "strerror", None) or str(exc) or exc.__class__.__name__
    if number == errno.ENOSPC or "No space" in why or "NOSPC" in why:
        return OutputError(*say("output.disk_full", path=path))
    if number == errno.EFBIG or "too large" in why or "EFBIG" in why:
        return OutputError(*say("output.too_big", path=path))
    if number in (errno.EROFS, errno.EACCES, errno.EPERM):
        return OutputError(*say("output.no_permission", path=path, why=why))
    return OutputError(*say("output.failed", path=path, why=why))


_STAGED: list[list] = []


@contextlib.contextmanager
def all_or_nothing():
    """Every ``atomic_write`` inside waits: the files are renamed into place together at the end,
    and on any failure (or signal) none is, and every temporary file goes."""
    staged: list[tuple[str, str]] = []
    _STAGED.append(staged)
    try:
        yield
        for tmp, path in staged:
            os.replace(tmp, path)
    except OSError as exc:
        raise write_failure(staged[0][1] if staged else "", exc) from None
    finally:
        _STAGED.remove(staged)
        for tmp, _path in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


@contextlib.contextmanager
def atomic_write(path: str, mode: str = "wb", encoding: str | None = None):
    """Yield a temporary file beside ``path``; rename it into place only on success (inside
    ``all_or_nothing``: once every output of the run is written).

    An interrupted or failed run leaves any existing ``path`` untouched and no temporary file.
    """
    path = os.fspath(path)
    check_target(path, "-o")
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = _create_temporary(folder, os.path.basename(path))
    except OSError as exc:
        raise write_failure(path, exc) from None
    kept = False
    try:
        with os.fdopen(fd, mode, encoding=encoding, newline="" if "b" not in mode else None) as fh:
            yield fh
        os.chmod(tmp, _mode_for(path))
        if _STAGED:
            _STAGED[-1].append((tmp, path))
            kept = True
        else:
            os.replace(tmp, path)
    except OSError as exc:
        raise write_failure(path, exc) from None
    finally:
        if not kept and os.path.exists(tmp):
            os.unlink(tmp)


def _create_temporary(folder: str, name: str) -> tuple[int, str]:
    """A new file ``.NAME.<random>.tmp`` in ``folder``, created exclusively and for its owner
    only, as ``tempfile.mkstemp`` makes one, without loading tempfile (random, shutil, bz2, lzma:
    2-3 ms of every run that writes JSON)."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = os.path.join(folder, f".{name}.{os.urandom(6).hex()}.tmp")
        try:
            return os.open(tmp, flags, 0o600), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "No usable temporary file name found", folder)


def remove_temporaries(path: str) -> None:
    """Remove what a writer of ``path`` killed outright (SIGKILL: no ``finally`` ran) left beside
    it: its temporary files and scratch folders, ``.NAME.<random>.tmp`` (``_create_temporary``,
    ``private_tempdir``). Call it only once that writer is gone."""
    import shutil

    folder, name = os.path.split(os.path.abspath(os.fspath(path)))
    prefix = f".{name}."
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        middle = entry.name[len(prefix) : -len(".tmp")]
        if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp") and middle and "." not in middle):
            continue
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


def write_bytes(path: str, data: bytes) -> None:
    """``data`` to ``path`` atomically."""
    with atomic_write(path) as fh:
        fh.write(data)


@contextlib.contextmanager
def private_tempdir(path: str):
    """A temporary folder beside ``path`` for a library's own scratch files (openpyxl writes each
    sheet to one first): removed whatever happens, and never in a full TMPDIR."""
    import shutil
    import tempfile

    check_target(path, "-o")
    folder = os.path.dirname(os.path.abspath(path))
    try:
        scratch = tempfile.mkdtemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    except OSError as exc:
        raise write_failure(path, exc) from None
    before = tempfile.tempdir
    tempfile.tempdir = scratch
    try:
        yield scratch
    finally:
        tempfile.tempdir = before
        shutil.rmtree(scratch, ignore_errors=True)
