"""A batch's plan: the files it reads (``collect``), the series key of a report, a manifest's
grouping, the files of each series (a second copy of a version set aside) and a safe, unique
workbook name per series. It works on each file's small key (``FileKey``), never on a report."""

from __future__ import annotations

import csv
import glob
import io
import os
import re
from typing import NamedTuple

from ..catalogue import say
from ..errors import RectdiffError, UsageError
from ..model import Report
from ..zh.compiled import regex
from ..zh.lexicon import AUDIT_YEAR, VERSION_MARKS
from ..zh.normalize import norm
from ..zh.numerals import to_chinese

#: characters a file name may not hold on Windows, macOS or Linux
UNSAFE_NAME = regex(r'[\\/:*?"<>|\s\x00-\x1f]+')


def collect(inputs: list[str], outdir: str, manifest: str | None = None) -> list[str]:
    """The report files named by ``inputs`` (files, folders searched recursively, or globs),
    each once, in a stable order; nothing from inside ``outdir``, not the manifest, no lock or
    hidden files."""
    from ..read import READABLE_SUFFIXES

    out = os.path.abspath(outdir) + os.sep

    def wanted(path: str) -> bool:
        name = os.path.basename(path)  # a FIFO or device is kept, to be listed as not read
        return (not os.path.isdir(path) and name.lower().endswith(READABLE_SUFFIXES)
                and not name.startswith((".", "~$")) and not os.path.abspath(path).startswith(out))  # fmt: skip

    found = []
    for given in inputs:
        if os.path.exists(given) and not os.path.isdir(given):
            found.append(given)  # a file named outright is always read (or listed as not read)
        elif os.path.isdir(given):
            found += [p for root, _dirs, names in os.walk(given) for n in names if wanted(p := os.path.join(root, n))]
        else:
            matches = [p for p in glob.glob(given, recursive=True) if wanted(p)]
            if not matches:
                raise UsageError(*say("batch.no_match", given=given))
            found += matches
    skip = os.path.abspath(manifest) if manifest else None
    return sorted(dict.fromkeys(os.path.normpath(p) for p in found if os.path.abspath(p) != skip))


def series_key(report: Report) -> tuple[str, str]:
    """(unit, round): the issuer and the inspection round, else the audit year, else the title
    without its dates and numbers (reports of one unit with no round still group by title)."""
    meta = report.meta
    issuer = norm(meta.issuer)  # 第二輪 = 第二轮, ２０２３ = 2023: one series whatever the script
    if meta.round:
        return issuer, _round_key(norm(meta.round))
    year = AUDIT_YEAR.search(norm(meta.title))
    if meta.issuer and year:
        return issuer, year.group()
    title = VERSION_MARKS.sub("", norm(meta.title)) or _stem(meta.source)
    return issuer, title


def _round_key(round_: str) -> str:
    """第2轮 and 第二轮 name one round: its ordinal in Chinese numerals."""
    return re.sub(r"\d+", lambda m: to_chinese(int(m.group())) if int(m.group()) < 1000 else m.group(), round_)


def _stem(path: str) -> str:
    return re.sub(r"[\d_\-.]+", "", os.path.splitext(os.path.basename(path))[0]) or os.path.basename(path)


def read_manifest(path: str) -> dict[str, str]:
    """A ``file,series`` CSV: each listed file (relative to the manifest) -> its series name."""
    if not os.path.exists(path):
        raise UsageError(*say("batch.manifest_missing", path=path))
    folder = os.path.dirname(os.path.abspath(path))
    rows = _manifest_rows(path)
    if not rows or not {"file", "series"} <= set(rows[0]):
        raise UsageError(*say("batch.manifest_header", path=path))
    cells = [((r.get("file") or "").strip(), (r.get("series") or "").strip()) for r in rows]
    return {os.path.normpath(os.path.join(folder, file)): series for file, series in cells if file}


def _manifest_rows(path: str) -> list[dict]:
    """The manifest's rows, read as a report's text is (UTF-8, or GB18030 as Excel saves a CSV
    in China; within the size budget); a row short of a column has it empty."""
    from ..read import decode_text
    from ..read.limits import check_regular

    check_regular(path)  # a device, a FIFO or a file over the size budget: refused as a report is
    try:
        with open(path, "rb") as fh:
            text, _encoding = decode_text(fh.read(), path)
        return list(csv.DictReader(io.StringIO(text, newline="")))
    except RectdiffError:
        raise UsageError(*say("batch.manifest_unreadable", path=path, why=say("manifest.not_text"))) from None
    except (OSError, csv.Error) as exc:
        raise UsageError(*say("batch.manifest_unreadable", path=path, why=exc)) from None


class FileKey(NamedTuple):
    """What grouping needs of one file, and all a reading worker sends back (never the report)."""

    path: str
    source: str
    series: tuple[str, str]  # ``series_key``
    date: str  # ``history.version_date``
    items: str  # a digest of the items' keys: two copies of one version hold the same items
    reason: str  # why it could not be read ('' when it was)


def group_files(keys: list[FileKey], manifest: dict[str, str]) -> tuple[dict, list[tuple[str, str, str]]]:
    """Files by series key; a second copy of a version (same date, same items: the same report as
    .docx and .pdf) is set aside and listed."""
    groups: dict[tuple[str, str], list[FileKey]] = {}
    duplicates = []
    for key in keys:
        named = manifest.get(os.path.normpath(key.source))
        members = groups.setdefault(("", named) if named else key.series, [])
        twin = next((k for k in members if (k.date, k.items) == (key.date, key.items)), None)
        if twin is not None:
            duplicates.append((key.source, "duplicate", twin.source))
        else:
            members.append(key)
    return groups, duplicates


def file_names(keys: list[tuple[str, str]], reserved: set[str]) -> dict:
    """A safe, unique workbook name per series: 中共青禾区委员会_市委第五轮巡视.xlsx (none of the
    ``reserved`` names, in lower case)."""
    names, used = {}, set(reserved)
    for key in keys:
        base = UNSAFE_NAME.sub("_", "_".join(k for k in key if k)).strip("._")[:80] or "series"
        name, n = f"{base}.xlsx", 2
        while name.lower() in used:
            name, n = f"{base}-{n}.xlsx", n + 1
        used.add(name.lower())
        names[key] = name
    return names
