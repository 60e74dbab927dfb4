"""Write the corpus as flat tables (records, targets, references) in JSONL, CSV or Parquet.

Rows are streamed from the index in id order and written in batches, so memory does not grow
with the corpus; each output file is written beside its target and renamed when complete.

>>> export(store, "parquet", Path("out"))  # doctest: +SKIP
{'records': 1200, 'targets': 8410, 'references': 15322}
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

from corpus import tables
from corpus.graph import StoredByKey, resolve
from corpus.store import Store
from docgen.atomic import atomic_path, atomic_write
from docgen.errors import InvalidData

FORMATS = ("jsonl", "csv", "parquet")
PARQUET_BATCH = 2000


def columns_for(table: str, with_text: bool = False) -> list[tuple[str, str]]:
    columns = tables.TABLES[table]
    return columns if with_text or table != "records" else [c for c in columns if c[0] != "text"]


def export(store: Store, fmt: str, out: Path | None = None, table: str = "all",
           with_text: bool = False, stream: IO[str] | None = None) -> dict[str, int]:
    """Write ``table`` ("all" → the three tables into folder ``out``); return rows per table.

    With one table and no ``out``, JSONL and CSV go to ``stream`` (stdout).
    """
    if fmt not in FORMATS:
        raise InvalidData("--format", f"{fmt!r} is not one of {', '.join(FORMATS)}")
    names = list(tables.TABLES) if table == "all" else [table]
    if table != "all" and table not in tables.TABLES:
        raise InvalidData("--table", f"{table!r} is not records, targets, references or all")
    if out is None and (table == "all" or fmt == "parquet"):
        raise InvalidData("-o", "give an output path (-o) for Parquet or for all tables")
    counts = {}
    for name in names:
        target = out / f"{name}.{fmt}" if table == "all" else out
        counts[name] = write_table(rows_of(store, name, with_text), columns_for(name, with_text),
                                   fmt, target, stream or sys.stdout)
    return counts


def rows_of(store: Store, table: str, with_text: bool = False) -> Iterator[dict[str, Any]]:
    """The rows of one table, document by document."""
    resolver = _resolver(store)
    for doc_id, record in store.iter_records(with_text=with_text and table == "records"):
        if table == "records":
            yield tables.record_row(record, doc_id, store.paths(doc_id), with_text)
        elif table == "targets":
            yield from tables.target_rows(record, doc_id)
        else:
            yield from tables.reference_rows(record, doc_id, resolver)


def _resolver(store: Store):
    stored = StoredByKey(store)  # each number looked up once per export
    return lambda ref: [d.id for d in resolve(store, ref.get("number"), ref.get("issued_on"),
                                              ref.get("issuer"), stored)]


def write_table(rows: Iterable[dict[str, Any]], columns: list[tuple[str, str]], fmt: str,
                target: Path | None, stream: IO[str]) -> int:
    """Write rows to ``target`` (atomically) or to ``stream``; return how many."""
    if fmt == "parquet":
        with atomic_path(target) as tmp:
            return write_parquet(rows, columns, tmp)
    if target is None:
        return _write_text(rows, columns, fmt, stream)
    with atomic_write(target) as handle:
        return _write_text(rows, columns, fmt, handle)


def _write_text(rows, columns, fmt: str, handle: IO[str]) -> int:
    count = 0
    if fmt == "csv":
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow([name for name, _ in columns])
        for row in rows:
            writer.writerow([tables.csv_value(row.get(n), k) for n, k in columns])
            count += 1
    else:
        for row in rows:
            handle.write(json.dumps({n: row.get(n) for n, _ in columns}, ensure_ascii=False))
            handle.write("\n")
            count += 1
    return count


def write_parquet(rows: Iterable[dict[str, Any]], columns: list[tuple[str, str]],
                  path: Path) -> int:
    """Write rows as one Parquet file in batches of PARQUET_BATCH rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = tables.arrow_schema(columns)
    count, batch = 0, []
    with pq.ParquetWriter(str(path), schema, compression="zstd") as writer:
        for row in rows:
            batch.append({n: tables.arrow_value(row.get(n), k) for n, k in columns})
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema))
                count, batch = count + len(batch), []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema))
            count += len(batch)
    return count
