"""Very large runs: records written as Parquet shards by the workers (``--parquet DIR``).

Each task extracts a batch of files and writes, beside the others,
``DIR/targets/part-K.parquet`` and ``DIR/references/part-K.parquet``, then
``DIR/records/part-K.parquet`` last (each written then renamed). The client only sees small
summaries, and writes ``DIR/paths/`` (every file name seen, with its sha256) and
``DIR/failures/`` itself. A records shard marks its batch done: a later run reads the sha256
column of the shards to skip what is stored, and deletes targets/references shards whose
records shard never appeared (a run killed mid-write). The tables have the columns of
``corpus export`` (corpus/README.md); DuckDB reads them as ``read_parquet('DIR/records/*')``.
"""
from __future__ import annotations

import hashlib
import os
import time
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator

from corpus import tables
from corpus.ingest import (IngestOptions, IngestReport, run_extraction, sha256_file,
                           unreadable_cause)
from corpus.lock import IngestLock
from corpus.progress import Progress
from corpus.store import Store, now
from corpus.walk import Found, Missing
from corpus.workers import extract_file

BATCH_FILES = 8
PATH_ROWS_PER_SHARD = 1000
PATHS = [("path", "str"), ("sha256", "str"), ("size", "int"), ("mtime_ns", "int"),
         ("seen_at", "str")]
FOLDERS = ("records", "targets", "references", "failures", "paths")


def extract_to_shard(batch: list[tuple[str, str, str]], ocr: str, folder: str) -> list[dict]:
    """Extract ``(os_path, sha256, stored_path)`` files; write their shards; return summaries."""
    outcomes = [extract_file(os_path, sha, stored, ocr) for os_path, sha, stored in batch]
    records = [o.record for o in outcomes if o.record is not None]
    name = "part-" + hashlib.sha256("".join(sorted(s for _, s, _ in batch)).encode()).hexdigest()[:24]
    root = Path(folder)
    _write(root / "targets" / name, [r for rec in records for r in tables.target_rows(rec)],
           tables.TARGETS)
    _write(root / "references" / name,
           [r for rec in records for r in tables.reference_rows(rec)], tables.REFERENCES)
    failed = [{"path": stored, "sha256": o.sha256, "cause": o.cause, "failed_at": now()}
              for (_, _, stored), o in zip(batch, outcomes) if o.record is None]
    _write(root / "failures" / name, failed, tables.FAILURES)
    _write(root / "records" / name, [tables.record_row(r, with_text=True) for r in records],
           tables.RECORDS)
    return [{"sha256": o.sha256, "cause": o.cause, "pages": o.pages} for o in outcomes]


def _write(stem: Path, rows: list[dict], columns) -> None:
    from corpus.export import write_parquet
    from docgen.atomic import atomic_path

    if not rows and stem.parent.name != "records":
        return
    with atomic_path(stem.with_suffix(".parquet")) as tmp:
        write_parquet(rows, columns, tmp)


def shard_folder(index: Path) -> Path:
    """Where ``ingest --dask`` keeps the shards of an index: ``corpus.db.shards/``."""
    return index.with_name(index.name + ".shards")


def ingest_through_shards(store: Store, inputs: list[str], options: IngestOptions,
                          progress: Progress | None = None) -> IngestReport:
    """Workers extract into shards beside the index (writing in parallel, nothing passing
    through this process but summaries); then one bulk load stores what the index lacks.
    Both halves resume after a kill: shards written and row groups loaded are kept."""
    from corpus.load import default_jobs, load

    started = time.monotonic()
    folder = shard_folder(store.path)
    with IngestLock(store.path, options.wait):
        report = ingest_to_shards(inputs, replace(options, parquet=str(folder)), progress, store)
        loaded = load(store, folder, jobs=default_jobs())
    report.stored = loaded.stored
    report.seconds = time.monotonic() - started
    return report


def ingest_to_shards(inputs: list[str], options: IngestOptions,
                     progress: Progress | None = None, store: Store | None = None) -> IngestReport:
    """Extract what the shards in ``options.parquet`` (and ``store``, if given) do not hold
    yet, writing new shards."""
    root = Path(options.parquet)
    for name in FOLDERS:
        (root / name).mkdir(parents=True, exist_ok=True)
    progress = progress or Progress()
    started = time.monotonic()
    with IngestLock(root / "ingest", options.wait):
        drop_unfinished(root)
        run = ShardRun(root, options, progress, store)
        try:
            run_extraction(extract_to_shard, inputs, options, progress, run.batches, run.finish)
        finally:
            run.paths.flush()
            run.failures.flush()
    run.report.seconds = time.monotonic() - started
    return run.report


def drop_unfinished(root: Path) -> None:
    """Remove targets/references shards of a batch whose records shard was never written."""
    done = {p.name for p in (root / "records").glob("part-*.parquet")}
    for folder in ("targets", "references", "failures"):
        for shard in (root / folder).glob("part-*.parquet"):
            if shard.name not in done:
                shard.unlink(missing_ok=True)


def read_column_sets(root: Path) -> tuple[set[str], set[str], dict[str, tuple]]:
    """(sha256 stored, sha256 failed and not stored since, path → (sha, size, mtime_ns))."""
    done = set(_column(root / "records", ["sha256"], lambda r: r[0]))
    failed = set(_column(root / "failures", ["sha256"], lambda r: r[0])) - done
    paths = dict(_column(root / "paths", ["path", "sha256", "size", "mtime_ns"],
                         lambda r: (r[0], tuple(r[1:]))))
    return done, failed, paths


def _column(folder: Path, names: list[str], make) -> Iterator:
    import pyarrow.parquet as pq

    for shard in sorted(folder.glob("*.parquet")):
        table = pq.read_table(shard, columns=names)
        yield from (make(row) for row in zip(*(table.column(n).to_pylist() for n in names)))


class RowBuffer:
    """Rows written by the client, a shard every ``size`` rows (and at the end)."""

    def __init__(self, folder: Path, columns, size: int = PATH_ROWS_PER_SHARD):
        self.folder, self.columns, self.size = folder, columns, size
        self.rows: list[dict] = []
        self.prefix = f"client-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}"
        self.count = 0

    def add(self, row: dict) -> None:
        self.rows.append(row)
        if len(self.rows) >= self.size:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            _write(self.folder / f"{self.prefix}-{self.count:05d}", self.rows, self.columns)
            self.rows, self.count = [], self.count + 1


class ShardRun:
    """The client's side of a shard run: what to extract, in batches; counting what came back."""

    def __init__(self, root: Path, options: IngestOptions, progress: Progress,
                 store: Store | None = None):
        self.options, self.progress, self.store = options, progress, store
        self.done, self.failed, self.known_paths = read_column_sets(root)
        self.paths = RowBuffer(root / "paths", PATHS)
        self.failures = RowBuffer(root / "failures", tables.FAILURES)
        self.report = IngestReport()
        self.queued: set[str] = set()
        self.root = root

    def batches(self, found: Iterable[Found | Missing]) -> Iterator[tuple[list, tuple]]:
        batch: list[tuple[str, str, str]] = []
        for item in found:
            entry = self._plan(item)
            if entry is not None:
                batch.append(entry)
            if len(batch) >= BATCH_FILES:
                yield batch, (batch, self.options.ocr, str(self.root))
                batch = []
        if batch:
            yield batch, (batch, self.options.ocr, str(self.root))

    def _plan(self, item: Found | Missing) -> tuple[str, str, str] | None:
        if isinstance(item, Missing):
            return self._fail(item.path, None, item.cause)
        try:
            stat = os.stat(item.os_path)
            if self._unchanged(item.path, stat):
                return self._count("unchanged")
            sha = sha256_file(item.os_path)
        except OSError as error:
            return self._fail(item.path, None, unreadable_cause(error))
        self.paths.add({"path": item.path, "sha256": sha, "size": stat.st_size,
                        "mtime_ns": stat.st_mtime_ns, "seen_at": now()})
        if sha in self.done or sha in self.queued or self._stored(sha):
            return self._count("known")
        if sha in self.failed and not self.options.retry_failed:
            return self._count("skipped")
        self.queued.add(sha)
        return (item.os_path, sha, item.path)

    def _unchanged(self, path: str, stat: os.stat_result) -> bool:
        """Same size and time as when the shards (or the index being filled) saw the path."""
        known = self.known_paths.get(path)
        if known and known[1:] == (stat.st_size, stat.st_mtime_ns) and known[0] in self.done:
            return True
        state = self.store.path_state(path) if self.store is not None else None
        return bool(state) and state[1:] == (stat.st_size, stat.st_mtime_ns)

    def _stored(self, sha: str) -> bool:
        return self.store is not None and self.store.doc_id_for_sha(sha) is not None

    def finish(self, batch: list, summaries: list[dict] | None, error) -> None:
        if error is not None or summaries is None:
            for _, sha, stored in batch:
                self._fail(stored, sha, f"extraction task failed ({type(error).__name__}: {error})")
            return
        for (_, _, stored), summary in zip(batch, summaries):
            if summary["cause"]:  # the worker wrote it to its failures shard already
                self._fail(stored, summary["sha256"], summary["cause"], write=False)
            else:
                self.done.add(summary["sha256"])
                self.report.stored += 1
                self.report.pages += summary["pages"]
                self.progress.advance(1, summary["pages"])

    def _fail(self, path: str, sha: str | None, cause: str, write: bool = True) -> None:
        if write:
            self.failures.add({"path": path, "sha256": sha, "cause": cause, "failed_at": now()})
        self.report.failed += 1
        self.report.failures.append((path, cause))
        self.progress.failure(path, cause)
        self.progress.advance(1)
        return None

    def _count(self, kind: str) -> None:
        setattr(self.report, kind, getattr(self.report, kind) + 1)
        self.progress.advance(1)
        return None
