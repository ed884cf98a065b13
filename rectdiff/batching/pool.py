"""Where a batch's work runs: in this process (``--jobs 1``: no pool to start), or in ``jobs``
worker processes, so that a series goes to the worker that read most of its files and still holds
them (``group.KEPT``); a worker whose own series are done takes the last of another's, and reads
their files again. What comes back is small (``FileKey``, ``GroupDone``); results keep the order of
the tasks, so ``--jobs 2`` writes what ``--jobs 1`` writes.

The workers are forked all at once, before any thread exists (this process starts none: each
worker is a process with a pipe of its own, and the parent waits on the pipes itself), where the
platform forks; elsewhere they are spawned.
"""

from __future__ import annotations

import signal
from collections import Counter, deque

from ..catalogue import say
from ..errors import RectdiffError
from .group import GroupTask, forget, run_group, scan_files

#: tasks in flight per worker (one running, one waiting: a worker never idles on the parent)
IN_FLIGHT = 2
#: seconds a worker has to end once it is told to (its last task is done), or once terminated
GRACE = 5.0


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
    imports them first), so that none imports them again. Each takes ``(function, item)`` from its
    pipe and sends back ``(True, result, "")`` or ``(False, exception, its traceback)``."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.processes: list = []
        self.pipes: list = []  # this process's end of each worker's pipe
        self.holder: dict[str, int] = {}  # path -> the worker that read it
        self.writing: list[list[str]] = []  # each worker's outputs in flight (removed if it is killed)

    def __enter__(self):
        import multiprocessing

        forks = "fork" in multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if forks else "spawn")
        try:
            for _ in range(self.jobs):
                mine, theirs = context.Pipe()
                # a forked worker closes the parent's ends it inherits: each pipe ends with its two processes
                inherited = [*self.pipes, mine] if forks else []
                process = context.Process(target=serve, args=(theirs, inherited), daemon=True)
                self.pipes.append(mine)
                process.start()
                self.processes.append(process)
                self.writing.append([])
                theirs.close()
        except BaseException:
            self._stop(at_once=True)
            raise
        return self

    def __exit__(self, exc_type, *exc):
        self._stop(at_once=exc_type is not None)
        return False

    def _stop(self, at_once: bool) -> None:
        """Every worker ended and reaped: told to stop after its last task, or (on an error or a
        signal) terminated at once, its temporary files removed as it ends; killed if it lingers."""
        if not at_once:
            for pipe in self.pipes:
                try:
                    pipe.send(None)
                except OSError:
                    pass  # already gone
        for process in self.processes:
            if at_once:
                process.terminate()
            process.join(GRACE)
            if process.exitcode is None:
                process.kill()
                process.join()
        for pipe in self.pipes:
            pipe.close()
        for worker in range(len(self.processes)):
            self._remove_leftovers(worker)
        self.processes, self.pipes = [], []

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

        return self._run(run_group, tasks, queues, done, lambda task: [task.output])

    def _run(self, function, items: list, queues: list[deque], done, outputs=lambda item: []) -> list:
        """``function`` over ``items``: worker ``w`` takes from ``queues[w]`` first, else from the
        end of the longest queue; ``done(w, i)`` after each; the results in the order of ``items``.
        ``outputs(item)``: the files an item writes, whose temporary files a killed worker leaves."""
        from multiprocessing.connection import wait

        results: list = [None] * len(items)
        running: list[deque] = [deque() for _ in range(self.jobs)]  # each worker's tasks, in order

        def feed(worker: int) -> None:
            own, other = queues[worker], max(queues, key=len)
            if own or other:
                i = own.popleft() if own else other.pop()
                try:
                    self.pipes[worker].send((function, items[i]))
                except OSError:
                    raise self._died(worker) from None
                running[worker].append(i)
                self.writing[worker] += outputs(items[i])

        for worker in range(self.jobs):
            for _ in range(IN_FLIGHT):
                feed(worker)
        while any(running):
            for pipe in wait([self.pipes[w] for w in range(self.jobs) if running[w]]):
                worker = self.pipes.index(pipe)
                try:
                    ok, value, trace = pipe.recv()
                except (EOFError, OSError):
                    raise self._died(worker) from None
                i = running[worker].popleft()
                for path in outputs(items[i]):
                    self.writing[worker].remove(path)
                if not ok:
                    raise value from RemoteTraceback(trace)
                results[i] = value
                done(worker, i)
                feed(worker)
        return results

    def _died(self, worker: int) -> RectdiffError:
        """The one-line error of a worker that ended in the middle of the batch."""
        process = self.processes[worker]
        process.join(GRACE)
        code = process.exitcode
        self._remove_leftovers(worker)
        if code is not None and code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = str(-code)
            return RectdiffError(*say("batch.worker_killed", signal=name))
        return RectdiffError(*say("batch.worker_died", code="?" if code is None else code))

    def _remove_leftovers(self, worker: int) -> None:
        """The temporary files of what ``worker`` was writing, once it has ended: a worker killed
        outright (SIGKILL, the OOM killer) ran no ``finally`` and left them in the output folder."""
        from ..render.output import remove_temporaries

        if self.processes[worker].exitcode is not None:
            for path in self.writing[worker]:
                remove_temporaries(path)
            self.writing[worker] = []


class RemoteTraceback(Exception):
    """Where a worker's exception was raised: its traceback, as the worker printed it."""

    def __str__(self) -> str:
        return self.args[0]


class _Stopped(BaseException):
    """A worker told to end by a signal: its ``finally`` clauses run (no temporary file is left)."""


def _stop(_signum, _frame):
    for name in _ENDING:  # once: a second signal must not cut short the clean-up of the first
        signal.signal(getattr(signal, name), _ignore)  # not SIG_IGN: one already pending would raise OSError
    raise _Stopped


def _ignore(_signum, _frame):
    pass


_ENDING = [name for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]


def serve(pipe, inherited: list) -> None:
    """A worker: runs each ``(function, item)`` it receives until ``None`` (or its pipe closes, or
    SIGTERM/SIGHUP ends it); Ctrl-C is the parent's to handle, which then ends it."""
    try:
        for other in inherited:
            other.close()
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        for name in _ENDING:
            signal.signal(getattr(signal, name), _stop)
        while (task := pipe.recv()) is not None:
            function, item = task
            try:
                reply = (True, function(item), "")
            except Exception as exc:  # noqa: BLE001 - raised again in the parent
                reply = _failure(exc)
            try:
                pipe.send(reply)
            except Exception as exc:  # noqa: BLE001 - a result or an exception that cannot be pickled
                pipe.send(_failure(RuntimeError(f"{exc.__class__.__name__}: {exc}")))
    except (EOFError, OSError):
        pass  # the parent is gone
    except Exception:
        raise
    except BaseException:
        pass  # ended by a signal (ours, or the CLI's before ours was set) or Ctrl-C: its finally clauses ran
    finally:
        forget()


def _failure(exc: Exception) -> tuple:
    import traceback

    return False, exc, "".join(traceback.format_exception(exc))


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
