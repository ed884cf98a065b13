"""The compiled patterns kept between runs (``rectdiff.zh.compiled``): the same patterns as
``re.compile`` makes, the same outputs warm, cold and without the cache, and a run that never
fails for the cache's sake (damaged, foreign or unwritable)."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from .conftest import EXAMPLES, ROOT, V1, V2

_CHECK = r"""
import array, marshal, re, sys
from re import _compiler, _parser
from rectdiff.zh import compiled
key, _checksum, payload = marshal.loads(open(sys.argv[1], "rb").read())
assert key == compiled._KEY, key
entries = marshal.loads(payload)
texts = [open(p, encoding="utf-8").read() for p in sys.argv[2:]]
checked = 0
for k, entry in entries.items():
    if isinstance(entry, str):  # a derived text (a grammar's first characters)
        continue
    pattern, flags = k
    fresh = re.compile(pattern, flags)
    kept = compiled.regex(pattern, flags)
    assert kept is not fresh and kept.pattern == fresh.pattern and kept.flags == fresh.flags, pattern
    assert (kept.groups, kept.groupindex) == (fresh.groups, fresh.groupindex), pattern
    code = array.array(compiled._WORD, _compiler._code(_parser.parse(pattern, flags), flags)).tobytes()
    assert entry[1] == code, pattern
    for text in texts:
        assert [(m.span(), m.groups()) for m in kept.finditer(text)] == \
            [(m.span(), m.groups()) for m in fresh.finditer(text)], pattern
    checked += 1
print(checked)
"""


def _run(args: list[str], cache: str, **env) -> subprocess.CompletedProcess:
    environ = {**os.environ, "RECTDIFF_CACHE_DIR": cache, **env}
    return subprocess.run([sys.executable, "-m", "rectdiff", *args], capture_output=True, text=True, timeout=120,
                          env=environ, cwd=ROOT)  # fmt: skip


def _compare(tmp_path: Path, cache: str, name: str, **env) -> bytes:
    out = tmp_path / f"{name}.json"
    proc = _run(["compare", str(V1), str(V2), "--json", str(out), "-q"], cache, **env)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    return out.read_bytes()


def _cache_file(folder: Path) -> Path:
    (found,) = folder.glob("patterns-*.bin")
    return found


def test_every_kept_pattern_is_the_one_re_compiles(tmp_path):
    """A cold run keeps what it compiled; each kept pattern, read back as a later run reads it,
    has the code ``re``'s compiler makes of its text and finds the same matches and groups as
    ``re.compile`` over the four example reports."""
    cache = tmp_path / "cache"
    _compare(tmp_path, str(cache), "cold")
    texts = sorted(map(str, EXAMPLES.glob("qinghe_*.txt")))
    proc = subprocess.run([sys.executable, "-c", _CHECK, str(_cache_file(cache)), *texts], capture_output=True,
                          text=True, timeout=300, env={**os.environ, "RECTDIFF_CACHE_DIR": str(cache)})  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout) > 100  # the lexicon's patterns and the parsers'


def test_warm_cold_and_uncached_runs_write_the_same(tmp_path):
    """Under another hash seed too: a pattern's text is the same in every process (a set joined
    into an alternation in its iteration order was not, and was compiled and kept anew each run)."""
    cache = str(tmp_path / "cache")
    cold = _compare(tmp_path, cache, "cold", PYTHONHASHSEED="1")
    stamp = _cache_file(Path(cache)).stat().st_mtime_ns
    warm = _compare(tmp_path, cache, "warm", PYTHONHASHSEED="2")
    assert cold == warm == _compare(tmp_path, "", "none")
    assert _cache_file(Path(cache)).stat().st_mtime_ns == stamp  # a warm run compiles nothing new: no write


def test_the_setting_empty_reads_and_writes_nothing(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    _compare(tmp_path, "", "none", **env)
    assert list(home.iterdir()) == [] and not (tmp_path / "xdg").exists()


def test_without_the_setting_the_user_cache_folder_is_used(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "RECTDIFF_CACHE_DIR"}
    env["XDG_CACHE_HOME"] = str(tmp_path / "xdg")
    out = tmp_path / "c.json"
    proc = subprocess.run([sys.executable, "-m", "rectdiff", "compare", str(V1), str(V2), "--json", str(out), "-q"],
                          capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)  # fmt: skip
    assert proc.returncode == 0 and proc.stderr == ""
    if sys.platform not in ("win32", "darwin"):
        assert _cache_file(tmp_path / "xdg" / "rectdiff").stat().st_size > 10_000


_TEXTS = r"""
import importlib, pkgutil, rectdiff, rectdiff.zh.lexicon as lx
texts = set()
for info in pkgutil.walk_packages(rectdiff.__path__, "rectdiff."):
    if info.name.endswith("__main__"):
        continue
    module = importlib.import_module(info.name)
    for name, value in sorted(vars(module).items()):
        text = getattr(value, "pattern", None)
        if isinstance(text, str):
            texts.add(f"{info.name}.{name} {text}")
print(len(texts), "\n".join(sorted(texts)))
"""


def test_every_pattern_text_is_the_same_in_every_process():
    """The package's patterns, built at import from the lexicon, read the same under any hash
    seed, so a run finds in the cache what the run before kept."""
    seen = []
    for seed in ("1", "2", "3"):
        proc = subprocess.run([sys.executable, "-c", _TEXTS], capture_output=True, text=True, timeout=120,
                              env={**os.environ, "PYTHONHASHSEED": seed})  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        count, texts = proc.stdout.split(" ", 1)
        assert int(count) > 150
        seen.append(texts)
    assert seen[0] == seen[1] == seen[2]


def _key() -> str:
    from rectdiff.zh import compiled

    return compiled._KEY


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00garbage\xff" * 100,
        "truncated",
        "foreign",
        marshal.dumps(["not", "a", "triple"]),
        "one byte changed",
        "unchecked entries",
    ],
    ids=["empty", "garbage", "truncated", "foreign", "shape", "one-byte", "unchecked"],
)
def test_a_damaged_or_foreign_file_is_compiled_again(tmp_path, content):
    """Whatever the file holds, the run's output is the clean run's, nothing is said, and the
    file is written again whole."""
    clean = _compare(tmp_path, "", "clean")
    cache = tmp_path / "cache"
    cache.mkdir()
    _compare(tmp_path, str(cache), "first")
    kept = _cache_file(cache)
    whole = kept.read_bytes()
    key, checksum, payload = marshal.loads(whole)
    if content == "truncated":
        content = whole[: len(whole) // 2]
    elif content == "foreign":  # another interpreter's file, whole and checked
        content = marshal.dumps(("another interpreter", checksum, payload))
    elif content == "one byte changed":  # a code word of a pattern: code _sre would accept, matching else
        code = max((v[1] for v in marshal.loads(payload).values() if not isinstance(v, str)), key=len)
        at = payload.index(code) + len(code) // 2
        content = marshal.dumps((key, checksum, payload[:at] + b"\x01" + payload[at + 1 :]))
    elif content == "unchecked entries":  # the entries of the earlier layout, with no checksum
        content = marshal.dumps((key, marshal.loads(payload)))
    kept.write_bytes(content)
    assert _compare(tmp_path, str(cache), "again") == clean
    key, checksum, payload = marshal.loads(kept.read_bytes())
    assert key == _key() and zlib.crc32(payload) == checksum and len(marshal.loads(payload)) > 100


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert _compare(tmp_path, str(blocker / "cache"), "blocked") == _compare(tmp_path, "", "clean")
    assert not any(p.name.endswith(".tmp") for p in tmp_path.rglob("*"))


def test_no_report_text_reaches_the_cache(tmp_path):
    """Only the package's own patterns are kept: the headings and words of the reports compared
    appear in no key of the file."""
    cache = tmp_path / "cache"
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(
        "一、整改情况\n1.针对翠微湖畔栈道破损问题,进行了以下整改。修复栈道300米。目前正在推进。\n", encoding="utf-8"
    )
    new.write_text(
        "一、整改情况\n1.针对翠微湖畔栈道破损问题,进行了以下整改。修复栈道500米。已完成整改。\n", encoding="utf-8"
    )
    proc = _run(["compare", str(old), str(new), "--json", str(tmp_path / "c.json"), "-q"], str(cache))
    assert proc.returncode == 0, proc.stderr
    _key_, _checksum, payload = marshal.loads(_cache_file(cache).read_bytes())
    entries = marshal.loads(payload)
    assert not any("翠微" in str(k) or "栈道" in str(k) for k in entries)


def test_the_package_compiles_patterns_in_one_place():
    """Every pattern of the package is compiled through ``rectdiff.zh.compiled`` (the cache), none
    by ``re.compile`` beside it."""
    package = ROOT / "rectdiff"
    elsewhere = [str(p.relative_to(package)) for p in package.rglob("*.py")
                 if re.search(r"\bre\.compile\(", p.read_text(encoding="utf-8")) and p.name != "compiled.py"]  # fmt: skip
    assert elsewhere == []
