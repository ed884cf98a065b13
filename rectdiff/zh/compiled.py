"""Every pattern of the package is compiled here, once per machine rather than once per run.

CPython compiles a regular expression in pure Python, and a class of Chinese characters makes its
compiler walk a map of 65,536 code points: the ~160 patterns of the lexicon and the parsers cost
about 35 ms of every run, a fifth of a compare of two small reports. What ``re`` compiles a
pattern to, its code (a list of 32-bit words), depends only on the pattern, its flags and the
interpreter, as a module's bytecode does. So, as Python keeps bytecode in ``__pycache__``, the
code is kept in one file per interpreter, and a later run gives it to ``_sre.compile`` (what
``re.compile`` itself ends with) instead of compiling again.

The parts of ``re`` used for this are private: ``re._parser.parse``, ``re._compiler._code`` and
``_sre.compile``. Where one of them is missing or fails (another Python, another implementation),
or the file is unreadable, foreign or damaged, the pattern is compiled by ``re.compile``; so the
cache never changes a match. An entry is keyed by the pattern's exact text and flags, the file by
the interpreter's full version and ``_sre``'s magic number; the file's entries carry a checksum
(a damaged byte would be code ``_sre`` accepts: it checks the code's form, not its meaning), and
the file is only ever replaced whole. Only the package's own patterns come here, never one built
from a report's text, and the file holds nothing else. ``RECTDIFF_CACHE_DIR`` names the folder
(default: the user's cache folder); set to the empty string, nothing is read or written.
"""

from __future__ import annotations

import array
import atexit
import marshal
import os
import re
import sys
import zlib
from collections.abc import Callable

try:  # what re.compile is made of (private: see the module's docstring)
    import _sre

    try:
        from re import _compiler, _parser
    except ImportError:  # Python 3.10
        import sre_compile as _compiler
        import sre_parse as _parser
    _WORD = "I" if array.array("I").itemsize == _sre.CODESIZE else None
    _KEY = f"{sys.implementation.name} {sys.version} sre {_sre.MAGIC} {_sre.CODESIZE}"
except (ImportError, AttributeError):  # pragma: no cover - another implementation
    _WORD = _KEY = None

#: the file's name in its folder: one per interpreter (its content names the exact build)
FILE_NAME = f"patterns-{sys.implementation.cache_tag}.bin"
#: entries written at most: the package has a few hundred patterns; past this only a run's own
LIMIT = 4096
#: a file larger than this is not read (it is no file this module wrote)
MAX_BYTES = 16 << 20

_compiled: dict[tuple[str, int], re.Pattern] = {}
_stored: dict | None = None  # (pattern, flags) -> entry, and (kind, text) -> derived text
_used: set = set()
_dirty = False


def regex(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, its code read from the cache where a run before compiled it."""
    key = (pattern, int(flags))
    found = _compiled.get(key)
    if found is None:
        found = _compiled[key] = _from_cache(key) or _compile_and_keep(key)
    return found


def derived(kind: str, text: str, make: Callable[[str], str]) -> str:
    """``make(text)``, kept in the cache too: a pattern's text that is itself computed from a
    pattern (``parsing.starts.first_chars`` parses the grammar it leads)."""
    global _dirty
    store = _store()
    key = (kind, text)
    _used.add(key)
    value = store.get(key)
    if not isinstance(value, str):
        value = store[key] = make(text)
        _dirty = True
    return value


def _from_cache(key: tuple[str, int]) -> re.Pattern | None:
    entry = _store().get(key)
    if entry is None:
        return None
    try:
        flags, code, groups, groupindex, indexgroup = entry
        compiled = _sre.compile(key[0], flags, array.array(_WORD, code).tolist(), groups, groupindex, indexgroup)
    except Exception:  # a damaged entry: compiled again (and written again)
        return None
    _used.add(key)
    return compiled


def _compile_and_keep(key: tuple[str, int]) -> re.Pattern:
    """Compiled as ``re.compile`` does, its code kept for the runs after this one."""
    global _dirty, _WORD
    pattern, flags = key
    if _WORD is None or cache_folder() is None:
        return re.compile(pattern, flags)
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = (int(flags | parsed.state.flags), array.array(_WORD, code).tobytes(), parsed.state.groups - 1,
                 groupindex, tuple(indexgroup))  # fmt: skip
        compiled = _sre.compile(pattern, entry[0], list(code), entry[2], groupindex, entry[4])
    except re.error:
        raise
    except Exception:  # re's insides are not what this module knows: the public way, from now on
        _WORD = None
        return re.compile(pattern, flags)
    _store()[key] = entry
    _used.add(key)
    _dirty = True
    return compiled


def cache_folder() -> str | None:
    """Where the file is kept: ``RECTDIFF_CACHE_DIR``, else the user's cache folder; None: none."""
    chosen = os.environ.get("RECTDIFF_CACHE_DIR")
    if chosen is not None:
        return chosen or None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
    elif sys.platform == "darwin":
        base = os.path.expanduser("~/Library/Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return os.path.join(base, "rectdiff") if base and base != "~/.cache" else None


def _store() -> dict:
    global _stored
    if _stored is None:
        _stored = _read()
        atexit.register(save)
    return _stored


def _read() -> dict:
    folder = cache_folder()
    if folder is None or _KEY is None:
        return {}
    try:
        with open(os.path.join(folder, FILE_NAME), "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
        key, checksum, payload = marshal.loads(data) if len(data) <= MAX_BYTES else (None, None, b"")
        if key != _KEY or zlib.crc32(payload) != checksum:
            return {}
        entries = marshal.loads(payload)
    except Exception:  # absent, unreadable or damaged: begun again
        return {}
    return entries if isinstance(entries, dict) else {}


def save() -> None:
    """Write the file if this run compiled a pattern it did not hold (at exit; atomically, so a
    run reading it meanwhile sees the old file or the new one). A folder that cannot be written
    leaves the cache unwritten: never an error of the run."""
    global _dirty
    folder = cache_folder()
    if not _dirty or folder is None or _stored is None or _KEY is None:
        return
    entries = _stored if len(_stored) <= LIMIT else {k: v for k, v in _stored.items() if k in _used}
    tmp = os.path.join(folder, f".{FILE_NAME}.{os.getpid()}.tmp")
    try:
        os.makedirs(folder, exist_ok=True)
        payload = marshal.dumps(entries)
        with open(tmp, "wb") as fh:
            marshal.dump((_KEY, zlib.crc32(payload), payload), fh)
        os.replace(tmp, os.path.join(folder, FILE_NAME))
        _dirty = False
    except (OSError, ValueError):
        try:
            os.unlink(tmp)
        except OSError:
            pass
