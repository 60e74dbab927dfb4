"""The full text in partitions of a fixed number of documents by id.

FTS5 scores a match with statistics (how many documents hold each phrase) that it counts
over its whole table at every query, so a query's cost grows with the table. Partition K
holds documents ``K*size+1 … (K+1)*size`` in ``doc_fts_K`` (and their targets in
``target_fts_K``): a query reads the newest partitions first and stops when it has enough
matches, and scores each match with the statistics of its own partition — as a search
cluster scores on each shard. An index smaller than one partition ranks exactly as one
table does.

>>> Partitions(65536).of(65537)
1
"""
from __future__ import annotations

import sqlite3

from corpus import schema


def doc_table(k: int) -> str:
    return f"doc_fts_{k}"


def target_table(k: int) -> str:
    return f"target_fts_{k}"


class Partitions:
    """The partitions of one index: which exist, and which holds an id."""

    def __init__(self, size: int, existing: list[int] | None = None):
        self.size = size
        self.existing = set(existing or [])

    @classmethod
    def read(cls, conn: sqlite3.Connection) -> "Partitions":
        row = conn.execute("SELECT value FROM settings WHERE name = 'partition_size'").fetchone()
        return cls(int(row[0]), [r[0] for r in conn.execute("SELECT k FROM partitions")])

    def of(self, doc_id: int) -> int:
        return (doc_id - 1) // self.size

    def newest_first(self) -> list[int]:
        return sorted(self.existing, reverse=True)

    def ensure(self, conn: sqlite3.Connection, k: int) -> None:
        """Make partition ``k`` (inside the caller's transaction) unless it exists."""
        if k in self.existing:
            return
        if not conn.execute("SELECT 1 FROM partitions WHERE k = ?", (k,)).fetchone():
            conn.execute(schema.DOC_FTS.format(name=doc_table(k)))
            conn.execute(schema.TARGET_FTS.format(name=target_table(k)))
            conn.execute(f"INSERT INTO {doc_table(k)}({doc_table(k)}, rank) VALUES ('rank', ?)",
                         (schema.DOC_RANK,))
            conn.execute(f"INSERT INTO {target_table(k)}({target_table(k)}, rank) "
                         "VALUES ('rank', ?)", (schema.TARGET_RANK,))
            conn.execute("INSERT INTO partitions(k) VALUES (?)", (k,))
        self.existing.add(k)

    def refresh(self, conn: sqlite3.Connection) -> None:
        """Learn partitions another connection made (a reader opened during an ingest)."""
        self.existing = {r[0] for r in conn.execute("SELECT k FROM partitions")}
