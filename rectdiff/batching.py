"""A folder of many units: read every report, group the versions of each report into a series,
write one workbook per series and a summary (汇总.xlsx) of them all.

Versions group by issuer and inspection round (or the audit year), or as a manifest says
(``--group-by``: a CSV of ``file,series``). A series of three or more versions gets a timeline,
one of two a change workbook; a lone report is listed, never dropped. A file that cannot be
read costs only itself: it is listed with its one-line reason on the 错误 sheet.
"""

from __future__ import annotations

import csv
import glob
import os
import re
from concurrent.futures import ProcessPoolExecutor

from .catalogue import WORDS, say
from .errors import ReadError, RectdiffError, UsageError
from .model import BatchResult, BatchSeries, Report
from .rules import FAILED
from .zh.lexicon import AUDIT_YEAR, VERSION_MARKS
from .zh.normalize import norm
from .zh.numerals import to_chinese

SUMMARY_NAME = dict(zip(("zh", "en"), WORDS["summary_file"]))
#: characters a file name may not hold on Windows, macOS or Linux
UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\s\x00-\x1f]+')


def collect(inputs: list[str], outdir: str, manifest: str | None = None) -> list[str]:
    """The report files named by ``inputs`` (files, folders searched recursively, or globs),
    each once, in a stable order; nothing from inside ``outdir``, not the manifest, no lock or
    hidden files."""
    from .read import READABLE_SUFFIXES

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
    if not os.path.isfile(path):
        raise UsageError(*say("batch.manifest_missing", path=path))
    folder = os.path.dirname(os.path.abspath(path))
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if not rows or not {"file", "series"} <= set(rows[0]):
        raise UsageError(*say("batch.manifest_header", path=path))
    return {os.path.normpath(os.path.join(folder, r["file"].strip())): r["series"].strip() for r in rows if r["file"]}


def run_batch(inputs: list[str], outdir: str, lang: str = "zh", jobs: int | None = None,
              manifest: str | None = None, progress=None) -> BatchResult:  # fmt: skip
    """Read, group, compare and write; returns what was written and what could not be read.

    ``progress`` (optional) is called as ``progress(phase, done, total)``, phase "read" or "write"."""
    from .read.sheet import written_by_rectdiff

    found = collect(inputs, outdir, manifest)
    own = [(p, "own_output", "") for p in found if _regular(p) and written_by_rectdiff(p)]
    paths = [p for p in found if p not in {o for o, _k, _d in own}]
    if not paths:
        given = ", ".join(inputs)
        raise UsageError(*say("batch.no_reports", given=given))
    groups_by_file = read_manifest(manifest) if manifest else {}
    jobs = max(1, jobs or os.cpu_count() or 1)
    report = progress or (lambda phase, done, total: None)
    with _pool(jobs) as pool:
        parsed = []
        for result in _map(pool, jobs, _parse_one, paths):
            parsed.append(result)
            report("read", len(parsed), len(paths))
        errors = [(path, "unreadable", reason) for path, _report, reason in parsed if reason] + own
        reports = [r for _path, r, reason in parsed if not reason]
        if not reports:
            raise ReadError(*say("batch.none_read", n=len(paths), first=errors[0][2]))
        groups, duplicates = _group(reports, groups_by_file)
        _make_folder(outdir)
        names = _file_names(list(groups), lang)
        tasks = [(members, os.path.join(outdir, names[key]), key, lang) for key, members in groups.items()]
        series = []
        for one in _map(pool, jobs, _write_one, tasks):
            series.append(one)
            report("write", len(series), len(tasks))
    from .render.batch_book import write_batch_xlsx

    doubts = _batch_doubts(series, list(groups.values()))
    result = BatchResult(tuple(series), tuple(errors + duplicates), os.path.join(outdir, SUMMARY_NAME[lang]), doubts)
    write_batch_xlsx(result, result.summary, lang)
    return result


def _batch_doubts(series: list[BatchSeries], groups: list[list[Report]]) -> tuple:
    """Every series' doubts and the wording the latest versions share (``doubts.batch_doubts``)."""
    from .doubts import batch_doubts
    from .history import order_reports

    return batch_doubts([(s.unit, s.doubts, order_reports(members)[-1]) for s, members in zip(series, groups)])


def _regular(path: str) -> bool:
    """A regular file (a FIFO is never opened here: it is refused when read, and listed)."""
    import stat

    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _make_folder(outdir: str) -> None:
    if not os.path.isdir(outdir):
        try:
            os.makedirs(outdir)
        except OSError as exc:
            raise UsageError(*say("batch.folder_failed", outdir=outdir, why=exc.strerror)) from None


class _Inline:
    """A pool of one: runs each task in this process (``--jobs 1``, and no worker start-up)."""

    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def _pool(jobs: int):
    return ProcessPoolExecutor(max_workers=jobs) if jobs > 1 else _Inline()


def _map(pool, jobs: int, function, items: list):
    """Results in the order of ``items`` (so ``--jobs 2`` writes what ``--jobs 1`` writes)."""
    if pool is None:
        return map(function, items)
    return pool.map(function, items, chunksize=max(1, len(items) // (4 * jobs)))


def _parse_one(path: str) -> tuple[str, Report | None, str]:
    """One file parsed, or the one-line reason it could not be."""
    from .parsing import parse_report
    from .read import read_report
    from .read.limits import deadline

    try:
        with deadline(path):
            return path, parse_report(read_report(path)), ""
    except RectdiffError as exc:
        return path, None, str(exc)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a batch of hundreds
        return path, None, f"{path}: cannot be read ({exc.__class__.__name__}: {exc})"[:300]


def _group(reports: list[Report], manifest: dict[str, str]) -> tuple[dict, list[tuple[str, str]]]:
    """Reports by series key; a second copy of a version (same date, same items: the same
    report as .docx and .pdf) is set aside and listed."""
    from .history import version_date

    groups: dict[tuple[str, str], list[Report]] = {}
    duplicates = []
    for report in reports:
        named = manifest.get(os.path.normpath(report.meta.source))
        key = ("", named) if named else series_key(report)
        members = groups.setdefault(key, [])
        twin = next((r for r in members if version_date(r) == version_date(report)
                     and list(r.items["key"]) == list(report.items["key"])), None)  # fmt: skip
        if twin is not None:
            duplicates.append((report.meta.source, "duplicate", twin.meta.source))
        else:
            members.append(report)
    return groups, duplicates


def _file_names(keys: list[tuple[str, str]], lang: str) -> dict:
    """A safe, unique workbook name per series: 中共青禾区委员会_市委第五轮巡视.xlsx."""
    names, used = {}, {SUMMARY_NAME[lang].lower()}
    for key in keys:
        base = UNSAFE_NAME.sub("_", "_".join(k for k in key if k)).strip("._")[:80] or "series"
        name, n = f"{base}.xlsx", 2
        while name.lower() in used:
            name, n = f"{base}-{n}.xlsx", n + 1
        used.add(name.lower())
        names[key] = name
    return names


def _write_one(task) -> BatchSeries:
    """One series compared and written: a timeline for three or more versions, a change
    workbook for two; a lone report gets no workbook."""
    from .history import build_series
    from .zh.dates import is_overdue

    reports, path, key, lang = task
    unit, round_ = key
    if len(reports) == 1:
        report = reports[0]
        failed = int(report.checks["severity"].isin(FAILED).sum())
        done = _completion(report)
        date = report.meta.publish_date or report.meta.signing_date
        overdue = sum(is_overdue(d, s, date) for d, s in zip(report.items["deadline"], report.items["status"]))
        return BatchSeries(unit or report.meta.issuer, round_, (report.meta.source,), "", report.meta.items,
                           (done, done), 0, 0, failed, False, overdue=overdue)  # fmt: skip
    from .doubts import with_comparison_doubts, with_series_doubts

    series = build_series(reports)
    if len(reports) == 2:
        from .render.workbook import write_comparison_xlsx

        comparison = with_comparison_doubts(series.comparisons[0])
        doubts = comparison.doubts
        write_comparison_xlsx(comparison, path, lang)
    else:
        from .render.timeline import write_series_xlsx

        series = with_series_doubts(series)
        doubts = series.doubts
        write_series_xlsx(series, path, lang)
    flags = series.lineages["flags"]
    failed = int(series.checks["severity"].isin(FAILED).sum())
    return BatchSeries(
        unit or series.reports[-1].meta.issuer, round_, tuple(r.meta.source for r in series.reports),
        os.path.basename(path), series.reports[-1].meta.items,
        (_completion(series.reports[0]), _completion(series.reports[-1])),
        sum("regressed" in f for f in flags), sum("stuck" in f for f in flags), failed, series.has_changes, doubts,
        sum("overdue" in f for f in flags),
    )  # fmt: skip


def _completion(report: Report) -> str:
    """Items stated complete out of the items with a status: 12/15."""
    items = report.items
    judged = items[items["status"] != "unknown"]
    done = judged["status"].isin(["completed", "substantially_completed"]).sum()
    return f"{done}/{len(judged)}" if len(judged) else ""
