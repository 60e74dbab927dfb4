"""Extraction as tasks on a Dask distributed cluster (``--dask ADDRESS`` or ``--dask local``).

Workers open the files themselves, so every worker must see them under the same path (a
shared folder) and have docgen-vn installed. Calls are submitted a window at a time and
their results handed back with ``as_completed`` as each finishes, to be stored at once:
nothing piles up on the client or on the scheduler.

    dask scheduler                      # on one machine: prints tcp://10.0.0.5:8786
    dask worker tcp://10.0.0.5:8786     # on each machine that sees /data/plans
    docgen corpus ingest /data/plans --dask tcp://10.0.0.5:8786
"""
from __future__ import annotations

import os
from typing import Any, Callable, Iterable, Iterator

from corpus.workers import worker_setup
from docgen.errors import CorpusProblem

CONNECT_TIMEOUT = "20s"


class DaskRunner:
    """Runs calls on a Dask cluster; ``address="local"`` starts a LocalCluster of processes."""

    def __init__(self, func: Callable, address: str, jobs: int = 1):
        self.func = func
        self.address = address
        self.jobs = jobs
        self.client = None
        self.cluster = None

    def __enter__(self) -> "DaskRunner":
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise CorpusProblem("--dask", "dask.distributed is not installed "
                                "(pip install 'docgen-vn[corpus]')") from None
        try:
            if self.address == "local":
                workers = self.jobs if self.jobs > 1 else (os.cpu_count() or 2)
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1,
                                            processes=True, host="127.0.0.1",
                                            dashboard_address=":0")
                self.client = Client(self.cluster)
            else:
                self.client = Client(self.address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as error:
            self.__exit__()
            raise CorpusProblem(self.address, f"cannot reach the Dask scheduler ({error})") from None
        self.client.run(worker_setup)
        return self

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def threads(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    def run(self, items: Iterable[tuple[Any, tuple]]) -> Iterator[tuple[Any, Any, Any]]:
        from distributed import as_completed

        source = iter(items)
        running = as_completed()
        tags: dict[str, Any] = {}

        def submit_next() -> bool:
            item = next(source, None)
            if item is None:
                return False
            future = self.client.submit(self.func, *item[1], pure=False)
            tags[future.key] = item[0]
            running.add(future)
            return True

        for _ in range(2 * self.threads()):
            if not submit_next():
                break
        for future in running:
            tag = tags.pop(future.key)
            try:
                result, error = future.result(), None
            except Exception as exc:  # a worker died (KilledWorker) or the call could not run
                result, error = None, exc
            future.release()
            yield tag, result, error
            submit_next()
