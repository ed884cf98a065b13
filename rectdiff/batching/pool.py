"""Where a batch's work runs: in this process (``--jobs 1``: no pool to start), or in ``jobs``
worker processes, each a pool of its own so that a series goes to the worker that read most of
its files and still holds them (``group.KEPT``); a worker whose own series are done takes the
last of another's, and reads their files again. What comes back is small (``FileKey``,
``GroupDone``); results keep the order of the tasks, so ``--jobs 2`` writes what ``--jobs 1`` writes.
"""

from __future__ import annotations

from collections import Counter, deque
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from contextlib import ExitStack

from .group import GroupTask, forget, run_group, scan_files

#: tasks in flight per worker (one running, one waiting: a worker never idles on the parent)
IN_FLIGHT = 2


class Inline:
    """A pool of one: runs each task in this process, the reports it read kept for their series."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        forget()
        return False

    def scan(self, paths: list[str], progress) -> list:
        """Each file's ``FileKey``, in the order of ``paths``."""
        keys = []
        for path in paths:
            keys += scan_files([path])
            progress(len(keys))
        return keys

    def groups(self, tasks: list[GroupTask], progress) -> list:
        """Each series' ``GroupDone``, in the order of ``tasks``."""
        done = []
        for task in tasks:
            done.append(run_group(task))
            progress(len(done))
        return done


class Workers:
    """``jobs`` worker processes, forked once the stages and the writer are imported (the caller
    imports them first), so that none imports them again."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.stack = ExitStack()
        self.pools: list[ProcessPoolExecutor] = []
        self.holder: dict[str, int] = {}  # path -> the worker that read it

    def __enter__(self):
        self.pools = [self.stack.enter_context(ProcessPoolExecutor(max_workers=1)) for _ in range(self.jobs)]
        return self

    def __exit__(self, *exc):
        return self.stack.__exit__(*exc)

    def scan(self, paths: list[str], progress) -> list:
        """Each file's ``FileKey``, in the order of ``paths``: small runs of neighbouring files
        (the versions of a unit often sit side by side) to whichever worker is free."""
        size = max(1, len(paths) // (16 * self.jobs))
        chunks = [paths[k : k + size] for k in range(0, len(paths), size)]
        shared = deque(range(len(chunks)))  # one queue: the first worker free takes the next run
        read = [0]

        def done(worker: int, i: int) -> None:
            self.holder.update((path, worker) for path in chunks[i])
            read[0] += len(chunks[i])
            progress(read[0])

        out = self._run(scan_files, chunks, [shared] * self.jobs, done)
        return [key for keys in out for key in keys]

    def groups(self, tasks: list[GroupTask], progress) -> list:
        """Each series' ``GroupDone``, in the order of ``tasks``, each run by the worker holding
        most of its files while it has such series left."""
        queues = preferred(tasks, self.holder, self.jobs)
        count = [0]

        def done(_worker: int, _i: int) -> None:
            count[0] += 1
            progress(count[0])

        return self._run(run_group, tasks, queues, done)

    def _run(self, function, items: list, queues: list[deque], done) -> list:
        """``function`` over ``items``: worker ``w`` takes from ``queues[w]`` first, else from the
        end of the longest queue; ``done(w, i)`` after each; the results in the order of ``items``."""
        results: list = [None] * len(items)
        running: dict = {}

        def feed(worker: int) -> None:
            own, other = queues[worker], max(queues, key=len)
            if own or other:
                i = own.popleft() if own else other.pop()
                running[self.pools[worker].submit(function, items[i])] = (worker, i)

        for worker in range(self.jobs):
            for _ in range(IN_FLIGHT):
                feed(worker)
        while running:
            finished, _pending = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                worker, i = running.pop(future)
                results[i] = future.result()
                done(worker, i)
                feed(worker)
        return results


def preferred(tasks: list[GroupTask], holder: dict[str, int], jobs: int) -> list[deque]:
    """Each worker's queue of series (positions in ``tasks``): those of which it read the most
    files (a tie to the worker named first; a series none read to the workers in turn)."""
    queues: list[deque] = [deque() for _ in range(jobs)]
    for i, task in enumerate(tasks):
        held = Counter(holder.get(path, i % jobs) for path in task.paths)
        queues[held.most_common(1)[0][0]].append(i)
    return queues


def runner(jobs: int):
    """The place to run a batch's work: ``Inline`` for one job, else ``Workers``."""
    return Inline() if jobs == 1 else Workers(jobs)
