"""Bulk load: Parquet records into the index in large transactions (``docgen corpus load``).

Two layouts are read: the shards a Dask run writes (``DIR/records/*.parquet`` with
``DIR/paths/`` and ``DIR/failures/``, corpus/shards.py) and an export of another index made
with ``--with-text`` (``DIR/records.parquet``, whose ``paths`` column names the files).
Records are prepared (parsed, folded, packed) in helper processes while this one writes;
each transaction stores a few thousand records with the row groups they came from in
``loaded``, so a load killed at any moment is resumed by the same command: row groups
stored are skipped, the rest are stored once.

>>> report = load(store, Path("shards/"), jobs=2)   # doctest: +SKIP
>>> report.stored
1000000
"""
from __future__ import annotations

import json
import multiprocessing
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from corpus.prepare import Prepared, prepare
from corpus.store import FileRef, Store, now
from docgen.errors import CorpusProblem

TRANSACTION_ROWS = 5000


@dataclass
class LoadReport:
    stored: int = 0
    known: int = 0  # records whose content the index held already
    paths: int = 0
    failures: int = 0
    skipped: int = 0  # row groups a previous load stored
    seconds: float = 0.0

    def summary(self) -> str:
        rate = self.stored / self.seconds if self.seconds else 0.0
        return (f"{self.stored} stored, {self.known} known already, {self.paths} paths, "
                f"{self.failures} failures, {self.skipped} row groups loaded before, "
                f"in {self.seconds:.1f} s ({rate:,.0f} records/s)")


@dataclass(frozen=True)
class Group:
    """One row group of one Parquet file: the unit a load marks as stored."""

    source: str  # the file, relative to the loaded folder
    path: str
    row_group: int


def record_files(folder: Path) -> list[Path]:
    """The records files of a shard folder or of an export; refuses anything else."""
    if not folder.is_dir():
        raise CorpusProblem(str(folder), "is not a folder of Parquet shards or an export")
    shards = sorted((folder / "records").glob("*.parquet"))
    if shards:
        return shards
    if (folder / "records.parquet").is_file():
        return [folder / "records.parquet"]
    raise CorpusProblem(str(folder), "holds no records/*.parquet shards and no records.parquet "
                        "export")


def load(store: Store, folder: Path, jobs: int = 2) -> LoadReport:
    """Store the records (then paths and failures) found in ``folder``; see the module doc."""
    folder = Path(folder)
    started = time.monotonic()
    report = LoadReport()
    files = record_files(folder)
    done = {(r[0], r[1]) for r in store.conn.execute("SELECT source, row_group FROM loaded")}
    every = list(_groups(folder, files))
    groups = [g for g in every if (g.source, g.row_group) not in done]
    report.skipped = len(every) - len(groups)
    with _preparer(jobs) as prepared:
        for batch in _batches(prepared(groups)):
            _store_batch(store, batch, report)
    _load_paths(store, folder, done, report)
    _load_failures(store, folder, done, report)
    report.seconds = time.monotonic() - started
    return report


def _groups(folder: Path, files: list[Path]) -> Iterator[Group]:
    import pyarrow.parquet as pq

    for path in files:
        count = pq.ParquetFile(path).metadata.num_row_groups
        source = path.relative_to(folder).as_posix()
        yield from (Group(source, str(path), i) for i in range(count))


def prepare_group(group: Group) -> tuple[Group, list[Prepared], list[list[str]]]:
    """Read one row group and prepare its records (runs in a helper process)."""
    import pyarrow.parquet as pq

    table = pq.ParquetFile(group.path).read_row_group(group.row_group)
    names = set(table.column_names)
    if "text" not in names or "record" not in names:
        raise CorpusProblem(group.path, "records without their text (export with --with-text)")
    records = table.column("record").to_pylist()
    texts = table.column("text").to_pylist()
    paths = table.column("paths").to_pylist() if "paths" in names else [None] * len(records)
    prepared = []
    for record, text in zip(records, texts):
        data = json.loads(record)
        data["text"] = text or ""
        prepared.append(prepare(data, record))
    return group, prepared, [p or [] for p in paths]


class _preparer:
    """``prepare_group`` over row groups, in order, on ``jobs - 1`` helper processes (here
    when ``jobs`` is 1): this process keeps one core for writing."""

    def __init__(self, jobs: int):
        self.helpers = max(0, jobs - 1)
        self.pool = None

    def __enter__(self):
        if not self.helpers:
            return lambda groups: map(prepare_group, groups)
        context = multiprocessing.get_context("forkserver")
        self.pool = context.Pool(self.helpers)
        return lambda groups: self.pool.imap(prepare_group, groups, chunksize=1)

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()


def _batches(prepared: Iterable[tuple]) -> Iterator[list[tuple]]:
    """Prepared row groups gathered into transactions of about TRANSACTION_ROWS records."""
    batch, rows = [], 0
    for item in prepared:
        batch.append(item)
        rows += len(item[1])
        if rows >= TRANSACTION_ROWS:
            yield batch
            batch, rows = [], 0
    if batch:
        yield batch


def _store_batch(store: Store, batch: list[tuple], report: LoadReport) -> None:
    """One transaction: the new records of these row groups, their paths, and the marks."""
    with store.transaction():
        known = _stored_ids(store, [p.sha256 for _, preps, _ in batch for p in preps])
        fresh: dict[bytes, Prepared] = {}
        for _, preps, _ in batch:
            for prep in preps:
                if prep.sha256 not in known and prep.sha256 not in fresh:
                    fresh[prep.sha256] = prep
        ids = store.write_many(list(fresh.values()))
        known.update(zip(fresh, ids))
        pairs = [(known[prep.sha256], FileRef(name)) for _, preps, paths in batch
                 for prep, names in zip(preps, paths) for name in names]
        store.attach_many(pairs)
        report.paths += len(pairs)
        for group, preps, _ in batch:
            store.conn.execute("INSERT INTO loaded VALUES (?, ?, ?, ?)",
                               (group.source, group.row_group, len(preps), now()))
        report.stored += len(fresh)
        report.known += sum(len(preps) for _, preps, _ in batch) - len(fresh)


def _stored_ids(store: Store, shas: list[bytes]) -> dict[bytes, int]:
    found: dict[bytes, int] = {}
    for i in range(0, len(shas), 500):
        chunk = shas[i:i + 500]
        found.update(store.conn.execute(
            f"SELECT sha256, id FROM documents WHERE sha256 IN ({', '.join('?' * len(chunk))})",
            chunk).fetchall())
    return found


def _side_files(folder: Path, name: str, done: set) -> Iterator[tuple[str, Path]]:
    for path in sorted((folder / name).glob("*.parquet")):
        source = path.relative_to(folder).as_posix()
        if (source, 0) not in done:
            yield source, path


def _load_paths(store: Store, folder: Path, done: set, report: LoadReport) -> None:
    """Every file name a shard run saw, pointed at its stored record (one transaction a file)."""
    import pyarrow.parquet as pq

    for source, path in _side_files(folder, "paths", done):
        rows = pq.read_table(path).to_pylist()
        with store.transaction():
            ids = _stored_ids(store, list({bytes.fromhex(r["sha256"]) for r in rows
                                           if r["sha256"]}))
            pairs = [(ids[bytes.fromhex(r["sha256"])], FileRef(r["path"], r["size"], r["mtime_ns"]))
                     for r in rows if r["sha256"] and bytes.fromhex(r["sha256"]) in ids]
            store.attach_many(pairs)
            report.paths += len(pairs)
            store.conn.execute("INSERT INTO loaded VALUES (?, 0, ?, ?)", (source, len(rows), now()))


def _load_failures(store: Store, folder: Path, done: set, report: LoadReport) -> None:
    """Failures of a shard run, for the files no stored record took since."""
    import pyarrow.parquet as pq

    for source, path in _side_files(folder, "failures", done):
        rows = pq.read_table(path).to_pylist()
        with store.transaction():
            for row in rows:
                if store.path_state(row["path"]) is None:
                    store.record_failure(row["path"], row["sha256"], row["cause"],
                                         row["failed_at"] or now())
                    report.failures += 1
            store.conn.execute("INSERT INTO loaded VALUES (?, 0, ?, ?)", (source, len(rows), now()))


def default_jobs() -> int:
    """One writing process and, with a second core, one preparing for it."""
    return min(2, os.cpu_count() or 1)
