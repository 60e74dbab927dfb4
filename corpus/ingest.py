"""Ingest folders into the index: walk, hash, skip what is stored, extract the rest, store.

Each file ends as exactly one of: unchanged (same path, size and time as stored), known
(its content is stored under another name: the path is added), skipped (it failed before
with the same content and ``retry_failed`` is off), stored (extracted now) or failed (the
cause is stored). A record and all its paths are written in one transaction, so after a
``kill -9`` the same command finishes the job without storing anything twice.

>>> report = ingest(store, ["plans/"], IngestOptions(jobs=2))  # doctest: +SKIP
>>> report.stored, report.failed
(118, 2)
"""
from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from corpus.cited_number import fill_from_citations
from corpus.lock import IngestLock
from corpus.progress import Progress
from corpus.runners import make_runner
from corpus.store import FileRef, Store
from corpus.walk import Found, Missing, count_files, find_files
from corpus.workers import Outcome, extract_file


@dataclass(frozen=True)
class IngestOptions:
    jobs: int = 1
    dask: str | None = None  # scheduler address, or "local" for a LocalCluster
    parquet: str | None = None  # write Parquet shards to this folder instead of the index
    retry_failed: bool = False
    ocr: str = "auto"
    wait: float = 30.0  # seconds to wait for another ingest holding the index


@dataclass
class IngestReport:
    """What one run did, file by file (a file under two names counts twice)."""

    stored: int = 0
    known: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: int = 0
    pages: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.stored} stored ({self.pages} pages), {self.known} known under another "
                f"name, {self.unchanged} unchanged, {self.skipped} failed before (not retried), "
                f"{self.failed} failed, in {self.seconds:.1f} s")


@dataclass
class Task:
    """A file to extract, and every path seen so far with the same content."""

    os_path: str
    sha256: str
    files: list[FileRef]


def sha256_file(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def ingest(store: Store, inputs: Iterable[str], options: IngestOptions = IngestOptions(),
           progress: Progress | None = None) -> IngestReport:
    """Bring the index up to date with the files under ``inputs``.

    With ``options.parquet`` the records go to Parquet shards instead (``corpus.shards``);
    with ``options.dask`` alone, to shards beside the index that are then loaded into it.
    """
    inputs = [os.fspath(i) for i in inputs]
    progress = progress or Progress()
    if options.parquet:
        from corpus.shards import ingest_to_shards

        return ingest_to_shards(inputs, options, progress)
    if options.dask:  # the workers write shards beside the index; one bulk load stores them
        from corpus.shards import ingest_through_shards

        return ingest_through_shards(store, inputs, options, progress)
    started = time.monotonic()
    with IngestLock(store.path, options.wait):
        report = _ingest_to_store(store, inputs, options, progress)
    report.seconds = time.monotonic() - started
    return report


def _ingest_to_store(store: Store, inputs: list[str], options: IngestOptions,
                     progress: Progress) -> IngestReport:
    planner = Planner(store, options, progress)
    run_extraction(extract_file, inputs, options, progress, planner.tasks, planner.finish)
    return planner.report


def run_extraction(func: Callable, inputs: list[str], options: IngestOptions,
                   progress: Progress, plan: Callable[[Iterator[Found | Missing]], Iterable],
                   finish: Callable) -> None:
    """The loop both ingest modes share: ``plan`` turns the files found under ``inputs`` into
    ``(tag, args)`` calls of ``func``, run where ``options`` say (``--jobs``, ``--dask``);
    ``finish(tag, result, error)`` takes each result as it comes back. The index and the
    Parquet shards differ only in ``func``, ``plan`` and ``finish``."""
    progress.start(count_files(inputs) if progress.wants_total else None)
    try:
        with make_runner(func, options.jobs, options.dask) as runner:
            for tag, result, error in runner.run(plan(find_files(inputs))):
                finish(tag, result, error)
    finally:
        progress.close()


def unreadable_cause(error: OSError) -> str:
    """Words for a file that could not be opened or hashed."""
    if isinstance(error, FileNotFoundError):
        return "file vanished during the run"
    return error.strerror or str(error)


class Planner:
    """Decides per file whether to extract it, and stores what extraction returns."""

    def __init__(self, store: Store, options: IngestOptions, progress: Progress):
        self.store = store
        self.options = options
        self.progress = progress
        self.report = IngestReport()
        self.pending: dict[str, Task] = {}  # sha256 → task in flight (duplicates join it)

    def tasks(self, found: Iterable[Found | Missing]) -> Iterator[tuple[Task, tuple]]:
        for item in found:
            if isinstance(item, Missing):
                self._failed([FileRef(item.path)], None, item.cause, store=False)
                continue
            task = self._plan(item)
            if task is not None:
                yield task, (task.os_path, task.sha256, task.files[0].path, self.options.ocr)

    def _plan(self, item: Found) -> Task | None:
        try:
            stat = os.stat(item.os_path)
            ref = FileRef(item.path, stat.st_size, stat.st_mtime_ns)
        except OSError as error:
            return self._unreadable(FileRef(item.path), error)
        state = self.store.path_state(ref.path)
        if state and (state[1], state[2]) == (ref.size, ref.mtime_ns):
            return self._done("unchanged")
        try:
            sha = sha256_file(item.os_path)
        except OSError as error:
            return self._unreadable(ref, error)
        return self._plan_content(item, ref, sha, state)

    def _plan_content(self, item: Found, ref: FileRef, sha: str, state) -> Task | None:
        doc_id = self.store.doc_id_for_sha(sha)
        if doc_id is not None:
            self.store.attach(doc_id, [ref])
            return self._done("unchanged" if state and state[0] == doc_id else "known")
        failed_before, failed_sha = self.store.failed_sha(ref.path)
        if failed_before and failed_sha == sha and not self.options.retry_failed:
            return self._done("skipped")
        if sha in self.pending:
            self.pending[sha].files.append(ref)
            return None
        task = Task(item.os_path, sha, [ref])
        self.pending[sha] = task
        return task

    def finish(self, task: Task, outcome: Outcome | None, error: BaseException | None) -> None:
        """Store one extraction result (one transaction) and count it."""
        self.pending.pop(task.sha256, None)
        if error is not None or outcome is None:
            cause = f"extraction did not complete ({type(error).__name__}: {error})"
            return self._failed(task.files, task.sha256, cause)
        if outcome.record is None:
            return self._failed(task.files, task.sha256, outcome.cause or "extraction failed")
        self.store.put(fill_from_citations(self.store, outcome.record), task.files)
        self.report.stored += 1
        self.report.known += len(task.files) - 1
        self.report.pages += outcome.pages
        self.progress.advance(len(task.files), outcome.pages)

    def _unreadable(self, ref: FileRef, error: OSError) -> None:
        failed_before, _ = self.store.failed_sha(ref.path)
        if failed_before and not self.options.retry_failed:
            return self._done("skipped")
        return self._failed([ref], None, unreadable_cause(error))

    def _failed(self, refs: list[FileRef], sha: str | None, cause: str, store: bool = True):
        if store:
            self.store.fail(refs, sha, cause)
        for ref in refs:
            self.report.failed += 1
            self.report.failures.append((ref.path, cause))
            self.progress.failure(ref.path, cause)
        self.progress.advance(len(refs))
        return None

    def _done(self, kind: str) -> None:
        setattr(self.report, kind, getattr(self.report, kind) + 1)
        self.progress.advance(1)
        return None
