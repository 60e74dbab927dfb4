"""The research corpus: ingest folders of documents into an SQLite index, search, export.

>>> from corpus import Corpus, Filters
>>> with Corpus("corpus.db") as corpus:                      # doctest: +SKIP
...     corpus.ingest(["plans/"], jobs=2)
...     hits = corpus.search("chuyen doi so", Filters(years=(2022, 2022), cites="749/QĐ-TTg"))
"""
from __future__ import annotations

import functools
import os
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from corpus import graph as _graph
from corpus import ingest as _ingest
from corpus import search as _search
from corpus.graph import Graph
from corpus.ingest import IngestOptions, IngestReport
from corpus.load import LoadReport
from corpus.lock import IngestLock
from corpus.progress import Progress, TerminalProgress
from corpus.search import WINDOW, Filters, Hit, Hits, TargetHit, parse_years
from corpus.store import Store, database_cause
from docgen.errors import CorpusProblem, InvalidData

__all__ = ["Corpus", "ingest_shards", "Filters", "Hit", "Hits", "TargetHit", "Graph", "IngestOptions", "IngestReport",
           "LoadReport", "Progress", "TerminalProgress", "parse_years"]

DEFAULT_DB = "corpus.db"


def _database_errors(method):
    """Turn SQLite errors met while working into one CorpusProblem naming the index."""
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            raise CorpusProblem(str(self.path), database_cause(exc)) from None
    return wrapper


class Corpus:
    """One corpus index file and the verbs a researcher uses on it."""

    def __init__(self, path: str | os.PathLike = DEFAULT_DB, create: bool = False):
        self.path = Path(path)
        self.store = Store.open(self.path, create=create)

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    @classmethod
    def for_ingest(cls, path: str | os.PathLike = DEFAULT_DB) -> "Corpus":
        """Open the index, making it when absent (only ingest creates an index)."""
        return cls(path, create=True)

    @_database_errors
    def ingest(self, inputs: list[str], options: IngestOptions | None = None,
               progress: Progress | None = None, **choices: Any) -> IngestReport:
        """Extract and store the files under ``inputs``; see ``corpus.ingest``."""
        options = replace(options or IngestOptions(), **choices)
        return _ingest.ingest(self.store, inputs, options, progress)

    @_database_errors
    def load(self, folder: str | os.PathLike, jobs: int = 2, wait: float = 30.0) -> "LoadReport":
        """Bulk-load Parquet shards or an export (with text) into the index; see ``corpus.load``."""
        from corpus.load import load

        with IngestLock(self.path, wait):
            return load(self.store, Path(folder), jobs)

    @_database_errors
    def search(self, query: str, filters: Filters = Filters(), limit: int = 20,
               accents: str = "auto", window: int = WINDOW) -> Hits:
        """Best-ranked documents; see ``corpus.search.search`` for ``window``."""
        return _search.search(self.store, query, filters, limit, accents, window)

    @_database_errors
    def targets(self, query: str, filters: Filters = Filters(), limit: int = 100,
                accents: str = "auto") -> list[TargetHit]:
        return _search.targets(self.store, query, filters, limit, accents)

    @_database_errors
    def graph(self, number: str) -> Graph:
        return _graph.graph(self.store, number)

    @_database_errors
    def show(self, ident: str, with_text: bool = False) -> dict[str, Any]:
        """One record by id, sha256 (or a prefix of 6+ characters), path or số ký hiệu."""
        doc_id = self.resolve_id(ident)
        record = self.store.record(doc_id, with_text=with_text)
        return {"id": doc_id, "paths": self.store.paths(doc_id), **record}

    def resolve_id(self, ident: str) -> int:
        from corpus.fold import number_key

        conn, ident = self.store.conn, str(ident).strip()
        prefix = ident.lower() if len(ident) >= 6 and _hex(ident) else None
        queries = [("SELECT id FROM documents WHERE id = ?", ident if ident.isdigit() else None),
                   ("SELECT id FROM documents WHERE sha256 BETWEEN ? AND ?",
                    _sha_range(prefix) if prefix else None),
                   ("SELECT doc_id FROM paths WHERE path = ?", os.path.abspath(ident)),
                   ("SELECT id FROM documents WHERE key_id = (SELECT id FROM keys WHERE key = ?)",
                    number_key(ident))]
        for sql, value in queries:
            args = value if isinstance(value, tuple) else (value,)
            rows = conn.execute(sql, args).fetchall() if value is not None else []
            if len(rows) == 1:
                return rows[0][0]
            if len(rows) > 1:
                raise InvalidData(ident, f"matches {len(rows)} records (ids "
                                  f"{', '.join(str(r[0]) for r in rows[:10])}); give an id")
        raise InvalidData(ident, "no record with this id, sha256, path or number")

    @_database_errors
    def export(self, fmt: str, out: str | os.PathLike | None = None, table: str = "all",
               with_text: bool = False, stream: IO[str] | None = None) -> dict[str, int]:
        from corpus.export import export

        return export(self.store, fmt, Path(out) if out else None, table, with_text, stream)

    @_database_errors
    def failures(self) -> list[dict[str, Any]]:
        return [dict(row) for row in self.store.failures()]

    @_database_errors
    def stats(self) -> dict[str, Any]:
        return {"index": str(self.path), **_search.stats(self.store)}


def ingest_shards(inputs: list[str], options: IngestOptions,
                  progress: Progress | None = None) -> IngestReport:
    """Extract into Parquet shards in ``options.parquet`` (no index file is used)."""
    from corpus.shards import ingest_to_shards

    return ingest_to_shards([os.fspath(i) for i in inputs], options, progress)


def _hex(text: str) -> bool:
    return all(c in "0123456789abcdefABCDEF" for c in text)


def _sha_range(prefix: str) -> tuple[bytes, bytes] | None:
    """The stored sha256 values (32 bytes) that start with these hex digits."""
    if len(prefix) > 64:
        return None
    return (bytes.fromhex(prefix.ljust(64, "0")), bytes.fromhex(prefix.ljust(64, "f")))
