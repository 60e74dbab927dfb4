"""One ingest at a time per index: an exclusive lock on ``<index>.lock``.

Readers (search, export) never take it — SQLite's WAL lets them read during an ingest. The
lock is an ``flock`` on an open file, so the system drops it when its holder dies, even by
``kill -9``: no stale lock to clean up by hand.

>>> with IngestLock(Path("corpus.db"), wait=30):   # doctest: +SKIP
...     ingest_everything()
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from docgen.errors import CorpusProblem

try:
    import fcntl
except ImportError:  # not POSIX: SQLite's own locking still keeps the index whole
    fcntl = None

POLL_SECONDS = 0.2


class IngestLock:
    def __init__(self, index: Path, wait: float = 30.0):
        self.index = Path(index)
        self.path = self.index.with_name(self.index.name + ".lock")
        self.wait = wait
        self._handle = None

    def __enter__(self) -> "IngestLock":
        if fcntl is None:
            return self
        self._handle = open(self.path, "a+")
        deadline = time.monotonic() + max(self.wait, 0)
        while not self._try_lock():
            if time.monotonic() >= deadline:
                holder = self._holder()
                self._handle.close()
                raise CorpusProblem(str(self.index), f"another ingest{holder} is writing to this "
                                    f"index; waited {self.wait:g} s — run again when it has "
                                    "finished, or give --wait SECONDS")
            time.sleep(POLL_SECONDS)
        self._handle.seek(0)
        self._handle.truncate()
        self._handle.write(str(os.getpid()))
        self._handle.flush()
        return self

    def __exit__(self, *exc) -> None:
        if self._handle is not None:
            self._handle.seek(0)
            self._handle.truncate()
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None

    def _try_lock(self) -> bool:
        try:
            fcntl.flock(self._handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _holder(self) -> str:
        self._handle.seek(0)
        pid = self._handle.read().strip()
        return f" (process {pid})" if pid.isdigit() else ""
