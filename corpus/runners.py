"""Where extraction runs: in this process, on local worker processes, or (dask_runner) a cluster.

A runner takes ``(tag, args)`` pairs lazily, calls its function on them with at most a few
calls in flight, and yields ``(tag, result, error)`` as calls finish — ``error`` is set when
the call itself could not complete (a worker process died). Results are handed back as soon
as they exist, so the caller stores them one by one and memory stays flat.

>>> with ProcessRunner(extract_file, jobs=2) as runner:      # doctest: +SKIP
...     for tag, outcome, error in runner.run(items): ...
"""
from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
from typing import Any, Callable, Iterable, Iterator

from corpus.workers import worker_setup

Item = tuple[Any, tuple]
Result = tuple[Any, Any, BaseException | None]


class SerialRunner:
    """Calls in this process, one after another (``--jobs 1``)."""

    def __init__(self, func: Callable, jobs: int = 1):
        self.func = func

    def __enter__(self) -> "SerialRunner":
        return self

    def __exit__(self, *exc) -> None:
        pass

    def run(self, items: Iterable[Item]) -> Iterator[Result]:
        for tag, args in items:
            try:
                result, error = self.func(*args), None
            except Exception as exc:  # the function is meant never to raise; if it does,
                result, error = None, exc  # the call fails alone, as with a dead worker
            yield tag, result, error


class ProcessRunner:
    """Calls on ``jobs`` local processes (``--jobs N``), at most ``2 × jobs`` in flight."""

    def __init__(self, func: Callable, jobs: int = 2):
        self.func = func
        self.jobs = max(1, jobs)
        self.pool: cf.ProcessPoolExecutor | None = None

    def __enter__(self) -> "ProcessRunner":
        self.pool = self._new_pool()
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def _new_pool(self) -> cf.ProcessPoolExecutor:
        # forkserver: workers do not inherit this process's open index or progress thread
        context = multiprocessing.get_context("forkserver")
        return cf.ProcessPoolExecutor(self.jobs, mp_context=context, initializer=worker_setup)

    def run(self, items: Iterable[Item]) -> Iterator[Result]:
        pending: dict[cf.Future, Any] = {}
        source = iter(items)
        exhausted = False
        while True:
            while not exhausted and len(pending) < 2 * self.jobs:
                item = next(source, None)
                if item is None:
                    exhausted = True
                    break
                pending[self.pool.submit(self.func, *item[1])] = item[0]
            if not pending:
                return
            done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            broken = False
            for future in done:
                tag = pending.pop(future)
                error = future.exception()
                broken = broken or isinstance(error, cf.process.BrokenProcessPool)
                yield tag, None if error else future.result(), error
            if broken:
                self._restart()

    def _restart(self) -> None:
        """A worker died: the pool is unusable. Its other calls fail with it; start afresh."""
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new_pool()


def make_runner(func: Callable, jobs: int = 1, dask: str | None = None):
    """The runner for the command-line choices ``--jobs N`` and ``--dask ADDRESS|local``."""
    if dask:
        from corpus.dask_runner import DaskRunner

        return DaskRunner(func, dask, jobs)
    return ProcessRunner(func, jobs) if jobs > 1 else SerialRunner(func)
