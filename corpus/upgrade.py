"""Upgrade steps of the index schema that move rows (``schema.MIGRATIONS`` names them).

Schema 1 kept the record and the text in two tables, every citation in full and one
full-text table; schema 2 (``schema.CURRENT``) packs record and text, stores citations as
keys and shared mentions, and partitions the full text. The step renames the old tables,
makes the new ones, stores every document again under its own id, and drops the old tables,
in the one transaction of the migration: a kill leaves the index at schema 1.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from corpus import schema
from corpus.prepare import prepare

if TYPE_CHECKING:
    from corpus.store import Store

SCHEMA1_TABLES = ("documents", "records", "texts", "paths", "doc_references", "targets",
                  "failures")
SCHEMA1_INDEXES = ("documents_number_key", "documents_year", "documents_issued", "paths_doc",
                   "doc_references_key")
PAGE = 500


def run(store: "Store", step: str) -> None:
    if step != "upgrade:schema2":
        for statement in (s.strip() for s in step.split(";\n") if s.strip()):
            store.conn.execute(statement)
        return
    _schema2(store)


def _schema2(store: "Store") -> None:
    from corpus.store import _statements

    conn = store.conn
    for index in SCHEMA1_INDEXES:
        conn.execute(f"DROP INDEX IF EXISTS {index}")
    conn.execute("DROP TABLE IF EXISTS doc_fts")
    conn.execute("DROP TABLE IF EXISTS target_fts")
    for table in SCHEMA1_TABLES:
        conn.execute(f"ALTER TABLE {table} RENAME TO v1_{table}")
    for statement in _statements(schema.CURRENT):
        conn.execute(statement)
    conn.execute("INSERT INTO settings VALUES ('partition_size', ?)", (str(schema.PARTITION_SIZE),))
    store.parts.size = schema.PARTITION_SIZE
    for doc_id, record in _schema1_records(store):
        store.write(prepare(record), doc_id)
    conn.execute("INSERT INTO paths SELECT path, doc_id, size, mtime_ns, seen_at FROM v1_paths")
    conn.execute("INSERT INTO failures SELECT path, sha256, cause, attempts, failed_at "
                 "FROM v1_failures")
    for table in SCHEMA1_TABLES:
        conn.execute(f"DROP TABLE v1_{table}")


def _schema1_records(store: "Store"):
    last = 0
    while True:
        rows = store.conn.execute(
            "SELECT d.id, r.record, t.text FROM v1_documents d JOIN v1_records r ON r.doc_id = d.id "
            "LEFT JOIN v1_texts t ON t.doc_id = d.id WHERE d.id > ? ORDER BY d.id LIMIT ?",
            (last, PAGE)).fetchall()
        if not rows:
            return
        for doc_id, record, text in rows:
            yield doc_id, {**json.loads(record), "text": text or ""}
        last = rows[-1][0]
