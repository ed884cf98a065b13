"""A folder of many units: read every report, group the versions of each report into a series,
write one workbook per series and a summary (汇总.xlsx) of them all.

Versions group by issuer and inspection round (or the audit year), or as a manifest says
(``--group-by``: a CSV of ``file,series``). A series of three or more versions gets a timeline,
one of two a change workbook; a lone report is listed, never dropped. A file that cannot be
read costs only itself: it is listed with its one-line reason on the 错误 sheet.
"""

from __future__ import annotations

import os

from ..catalogue import say
from ..errors import ReadError, UsageError
from ..model import BatchResult
from .group import GroupTask, Writer
from .plan import collect, file_names, group_files, read_manifest, series_key
from .pool import runner

__all__ = ["Writer", "collect", "read_manifest", "run_batch", "series_key"]


def run_batch(inputs: list[str], outdir: str, writer: Writer, jobs: int | None = None,
              manifest: str | None = None, progress=None) -> BatchResult:  # fmt: skip
    """Read, group, compare and have ``writer`` write; returns what was written and what could not
    be read. Workers read files and send back small records: a file's key, then a series' summary.

    ``progress`` (optional) is called as ``progress(phase, done, total)``, phase "read" or "write"."""
    from ..doubts import batch_doubts

    summary = os.path.join(outdir, writer.summary_name)
    _check_outputs([summary])  # a FIFO or a device in its place is refused before any file is read
    found = collect(inputs, outdir, manifest)
    paths, own = _own_outputs(found)
    if not paths:
        given = ", ".join(inputs)
        raise UsageError(*say("batch.no_reports", given=given))
    groups_by_file = read_manifest(manifest) if manifest else {}
    jobs = max(1, jobs or os.cpu_count() or 1)
    step = progress or (lambda phase, done, total: None)
    if jobs > 1:
        _load(writer)
    with runner(jobs) as work:
        keys = work.scan(paths, lambda n: step("read", n, len(paths)))
        errors = [(k.path, "unreadable", k.reason) for k in keys if k.reason] + own
        if all(k.reason for k in keys):
            raise ReadError(*say("batch.none_read", n=len(paths), first=errors[0][2]))
        groups, duplicates = group_files([k for k in keys if not k.reason], groups_by_file)
        _make_folder(outdir)
        names = file_names(list(groups), {writer.summary_name.lower()})
        tasks = [GroupTask(tuple(k.path for k in members), key, os.path.join(outdir, names[key]), writer)
                 for key, members in groups.items()]  # fmt: skip
        _check_outputs([t.output for t in tasks if len(t.paths) > 1])  # before any workbook is written
        done = work.groups(tasks, lambda n: step("write", n, len(tasks)))
    errors += [(path, "unreadable", reason) for d in done for path, reason in d.unreadable]
    kept = [d for d in done if d.series is not None]
    doubts = batch_doubts([(d.series.unit, d.series.doubts, d.wording) for d in kept])
    result = BatchResult(tuple(d.series for d in kept), tuple(errors + duplicates), summary, doubts)
    writer.write_summary(result, summary)
    return result


def _own_outputs(found: list[str]) -> tuple[list[str], list[tuple[str, str, str]]]:
    """The files to read, and the workbooks rectdiff wrote itself (listed, never read)."""
    from ..read.sheet import written_by_rectdiff

    own = [(p, "own_output", "") for p in found if _regular(p) and written_by_rectdiff(p)]
    skip = {path for path, _kind, _detail in own}
    return [p for p in found if p not in skip], own


def _regular(path: str) -> bool:
    """A regular file (a FIFO is never opened here: it is refused when read, and listed)."""
    import stat

    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _check_outputs(paths: list[str]) -> None:
    """Each workbook the batch will write checked as ``-o`` is (render.output.check_target)."""
    from ..render.output import check_target

    for path in paths:
        if os.path.lexists(path):  # a new file is checked when written; the folder may not exist yet
            check_target(path, "-o")


def _make_folder(outdir: str) -> None:
    if not os.path.isdir(outdir):
        try:
            os.makedirs(outdir)
        except OSError as exc:
            raise UsageError(*say("batch.folder_failed", outdir=outdir, why=exc.strerror)) from None


def _load(writer: Writer) -> None:
    """The stages and the writer imported before the workers fork, so that they share them."""
    from .. import doubts, history, parsing, read  # noqa: F401

    writer.load()
