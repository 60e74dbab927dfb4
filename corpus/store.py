"""The corpus index: one SQLite file (WAL) holding records, their text, paths and failures.

Records are keyed by the SHA-256 of the file's bytes: the same content under two names is one
record with two ``paths`` rows, and a path whose content changed is pointed at the new record
(the old one is dropped once no path keeps it). Every write is one transaction, so a process
killed at any moment leaves each file either fully stored or not at all.

>>> store = Store.open("corpus.db")           # doctest: +SKIP
>>> store.put(record, [FileRef("a/kh.pdf", 1200, 1700000000)])  # doctest: +SKIP
"""
from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from corpus import schema
from corpus.fold import fold, loose, number_key, words
from corpus.tables import year_of
from corpus.terms import meta_tokens
from docgen.errors import CorpusProblem

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


@dataclass(frozen=True)
class FileRef:
    """One file seen on disk: its path as stored, size and modification time (ns)."""

    path: str
    size: int | None = None
    mtime_ns: int | None = None


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class Store:
    """An open corpus index. Use ``Store.open(path)``; close with ``close()``."""

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = path
        self.conn = conn

    # ---- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, create: bool = True) -> "Store":
        """Open (and, with ``create``, make or migrate) the index at ``path``."""
        path = Path(path)
        _check_file(path, create)
        try:
            conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
            conn.row_factory = sqlite3.Row
            store = cls(path, conn)
            store._identify()
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            store._migrate()
        except sqlite3.DatabaseError as exc:
            raise CorpusProblem(str(path), database_cause(exc)) from None
        return store

    def close(self) -> None:
        self.conn.close()

    def _identify(self) -> None:
        app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id == schema.APPLICATION_ID:
            return
        tables = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id != 0 or tables:
            raise CorpusProblem(str(self.path), "an SQLite database that is not a docgen corpus "
                                "index; left untouched")

    def _migrate(self) -> None:
        with self.transaction():
            self.conn.execute(schema.VERSION_TABLE)
            version = self.version()
            if version > schema.LATEST:
                raise CorpusProblem(str(self.path), f"index schema {version} is newer than this "
                                    f"docgen knows ({schema.LATEST}); upgrade docgen")
            for number in range(version + 1, schema.LATEST + 1):
                name, sql = schema.MIGRATIONS[number - 1]
                for statement in _statements(sql):
                    self.conn.execute(statement)
                self.conn.execute("INSERT INTO migrations VALUES (?, ?, ?)", (number, name, now()))
            self.conn.execute(f"PRAGMA application_id={schema.APPLICATION_ID}")

    def version(self) -> int:
        row = self.conn.execute("SELECT max(version) FROM migrations").fetchone()
        return row[0] or 0

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE … COMMIT), rolled back on any error."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # ---- writing -------------------------------------------------------------------------
    def put(self, record: dict[str, Any], files: list[FileRef]) -> int:
        """Store one extracted record and the paths it was read from; return its id.

        Content already stored (same sha256) only gains the paths. Each path is pointed at
        this record and loses any failure row.
        """
        with self.transaction():
            return self._put(record, files)

    def put_many(self, items: Iterable[tuple[dict[str, Any], list[FileRef]]]) -> int:
        """Store many (record, paths) pairs in one transaction (bulk loads); return how many."""
        count = 0
        with self.transaction():
            for record, files in items:
                self._put(record, files)
                count += 1
        return count

    def _put(self, record: dict[str, Any], files: list[FileRef]) -> int:
        doc_id = self.doc_id_for_sha(record["source"]["sha256"])
        if doc_id is None:
            doc_id = self._insert(record)
        self._attach(doc_id, files)
        return doc_id

    def attach(self, doc_id: int, files: list[FileRef]) -> None:
        """Point paths at an already stored record (a known file under a new name)."""
        with self.transaction():
            self._attach(doc_id, files)

    def fail(self, files: list[FileRef], sha256: str | None, cause: str) -> None:
        """Record that these paths (same content) could not be extracted, and why."""
        with self.transaction():
            for ref in files:
                self._detach(ref.path)
                self.conn.execute(
                    "INSERT INTO failures(path, sha256, cause, attempts, failed_at) "
                    "VALUES (?, ?, ?, 1, ?) ON CONFLICT(path) DO UPDATE SET "
                    "sha256=excluded.sha256, cause=excluded.cause, "
                    "attempts=attempts+1, failed_at=excluded.failed_at",
                    (ref.path, sha256, cause, now()))

    def _insert(self, record: dict[str, Any]) -> int:
        text = record.get("text") or ""
        stored = {k: v for k, v in record.items() if k != "text"}
        cur = self.conn.execute(
            "INSERT INTO documents(sha256, format, pages, text_layer, ocr, doc_name, doc_code, "
            "type_key, number_raw, number_key, issued_on, year, issuer, issuer_loose, signer, "
            "signer_loose, subject, ingested_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            _document_row(stored))
        doc_id = cur.lastrowid
        self.conn.execute("INSERT INTO records(doc_id, record) VALUES (?, ?)",
                          (doc_id, json.dumps(stored, ensure_ascii=False)))
        self.conn.execute("INSERT INTO texts(doc_id, text) VALUES (?, ?)", (doc_id, text))
        self._insert_references(doc_id, stored.get("references") or [])
        self._insert_targets(doc_id, stored.get("targets") or [])
        self._index_document(doc_id)
        return doc_id

    def _fts_values(self, doc_id: int) -> tuple:
        """What doc_fts indexes for a document, always derived from its stored rows."""
        subject, issuer, signer, year, code, name = self.conn.execute(
            "SELECT subject, issuer, signer, year, doc_code, doc_name FROM documents "
            "WHERE id = ?", (doc_id,)).fetchone()
        keys = [r[0] for r in self.conn.execute(
            "SELECT number_key FROM doc_references WHERE doc_id = ? ORDER BY position", (doc_id,))]
        subject, text = subject or "", self.text(doc_id) or ""
        return (doc_id, subject, text, fold(subject), fold(text), fold(issuer or ""),
                fold(signer or ""), meta_tokens(year, code, name, keys))

    def _index_document(self, doc_id: int, delete: bool = False) -> None:
        columns = "rowid, subject, text, subject_folded, text_folded, issuer, signer, meta"
        if delete:  # contentless FTS: a delete repeats the values that were indexed
            self.conn.execute(f"INSERT INTO doc_fts(doc_fts, {columns}) VALUES "
                              "('delete', ?, ?, ?, ?, ?, ?, ?, ?)", self._fts_values(doc_id))
        else:
            self.conn.execute(f"INSERT INTO doc_fts({columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                              self._fts_values(doc_id))

    def _insert_references(self, doc_id: int, references: list[dict]) -> None:
        self.conn.executemany(
            "INSERT INTO doc_references VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, i, r.get("doc_type"), r.get("number"), number_key(r.get("number")),
              r.get("issued_on"), r.get("issuer"), r.get("title"))
             for i, r in enumerate(references)])

    def _insert_targets(self, doc_id: int, targets: list[dict]) -> None:
        for i, t in enumerate(targets):
            cur = self.conn.execute(
                "INSERT INTO targets(doc_id, position, indicator, value, unit, comparator, "
                "deadline, scope, raw) VALUES (?,?,?,?,?,?,?,?,?)",
                (doc_id, i, t.get("indicator"), t.get("value"), t.get("unit"),
                 t.get("comparator"), t.get("deadline"), t.get("scope"), t.get("raw")))
            self._index_target(cur.lastrowid, t.get("indicator") or "", t.get("scope") or "")

    def _index_target(self, target_id: int, indicator: str, scope: str, delete: bool = False):
        values = (target_id, indicator, scope, fold(indicator), fold(scope))
        if delete:
            self.conn.execute("INSERT INTO target_fts(target_fts, rowid, indicator, scope, "
                              "indicator_folded, scope_folded) VALUES ('delete', ?, ?, ?, ?, ?)",
                              values)
        else:
            self.conn.execute("INSERT INTO target_fts(rowid, indicator, scope, indicator_folded, "
                              "scope_folded) VALUES (?, ?, ?, ?, ?)", values)

    def _attach(self, doc_id: int, files: list[FileRef]) -> None:
        for ref in files:
            previous = self.conn.execute("SELECT doc_id FROM paths WHERE path = ?",
                                         (ref.path,)).fetchone()
            self.conn.execute(
                "INSERT INTO paths(path, doc_id, size, mtime_ns, seen_at) VALUES (?,?,?,?,?) "
                "ON CONFLICT(path) DO UPDATE SET doc_id=excluded.doc_id, size=excluded.size, "
                "mtime_ns=excluded.mtime_ns, seen_at=excluded.seen_at",
                (ref.path, doc_id, ref.size, ref.mtime_ns, now()))
            self.conn.execute("DELETE FROM failures WHERE path = ?", (ref.path,))
            if previous and previous[0] != doc_id:
                self._drop_if_orphan(previous[0])

    def _detach(self, path: str) -> None:
        row = self.conn.execute("SELECT doc_id FROM paths WHERE path = ?", (path,)).fetchone()
        if row:
            self.conn.execute("DELETE FROM paths WHERE path = ?", (path,))
            self._drop_if_orphan(row[0])

    def _drop_if_orphan(self, doc_id: int) -> None:
        kept = self.conn.execute("SELECT 1 FROM paths WHERE doc_id = ? LIMIT 1",
                                 (doc_id,)).fetchone()
        if not kept:
            self._delete(doc_id)

    def _delete(self, doc_id: int) -> None:
        self._index_document(doc_id, delete=True)
        for row in self.conn.execute("SELECT id, indicator, scope FROM targets WHERE doc_id = ?",
                                     (doc_id,)).fetchall():
            self._index_target(row[0], row[1] or "", row[2] or "", delete=True)
        self.conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    # ---- reading -------------------------------------------------------------------------
    def doc_id_for_sha(self, sha256: str) -> int | None:
        row = self.conn.execute("SELECT id FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
        return row[0] if row else None

    def path_state(self, path: str) -> tuple[int, int | None, int | None] | None:
        """(doc_id, size, mtime_ns) stored for a path, or None."""
        row = self.conn.execute("SELECT doc_id, size, mtime_ns FROM paths WHERE path = ?",
                                (path,)).fetchone()
        return tuple(row) if row else None

    def failed_sha(self, path: str) -> tuple[bool, str | None]:
        """(failed before?, sha256 it failed with) for a path."""
        row = self.conn.execute("SELECT sha256 FROM failures WHERE path = ?", (path,)).fetchone()
        return (True, row[0]) if row else (False, None)

    def record(self, doc_id: int, with_text: bool = False) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT record FROM records WHERE doc_id = ?",
                                (doc_id,)).fetchone()
        if not row:
            return None
        record = json.loads(row[0])
        if with_text:
            record["text"] = self.text(doc_id) or ""
        return record

    def text(self, doc_id: int) -> str | None:
        row = self.conn.execute("SELECT text FROM texts WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def paths(self, doc_id: int) -> list[str]:
        rows = self.conn.execute("SELECT path FROM paths WHERE doc_id = ? ORDER BY path",
                                 (doc_id,))
        return [r[0] for r in rows]

    def iter_records(self, with_text: bool = False) -> Iterator[tuple[int, dict[str, Any]]]:
        """(id, record) for every stored document, in id order, fetched in pages."""
        last = 0
        while True:
            rows = self.conn.execute("SELECT doc_id, record FROM records WHERE doc_id > ? "
                                     "ORDER BY doc_id LIMIT 500", (last,)).fetchall()
            if not rows:
                return
            for doc_id, record in rows:
                record = json.loads(record)
                if with_text:
                    record["text"] = self.text(doc_id) or ""
                yield doc_id, record
            last = rows[-1][0]

    def failures(self) -> list[sqlite3.Row]:
        return self.conn.execute("SELECT path, sha256, cause, attempts, failed_at FROM failures "
                                 "ORDER BY path").fetchall()


def _document_row(record: dict[str, Any]) -> tuple:
    source = record.get("source") or {}
    doc_type = record.get("doc_type") or {}
    number = record.get("number") or {}
    issuer = (record.get("issuer") or {}).get("name")
    signer = (record.get("signer") or {}).get("name")
    issued = record.get("issued_on")
    type_key = " | ".join(filter(None, (loose(doc_type.get("code")), loose(doc_type.get("name")))))
    return (source.get("sha256"), source.get("format"), source.get("pages"),
            _flag(source.get("text_layer")), _flag(source.get("ocr")),
            doc_type.get("name"), doc_type.get("code"), type_key,
            number.get("raw"), number_key(number.get("raw")), issued, year_of(issued),
            issuer, words(issuer), signer, words(signer), record.get("subject"), now())


def _flag(value: bool | None) -> int | None:
    return None if value is None else int(bool(value))


def _check_file(path: Path, create: bool) -> None:
    if path.is_dir():
        raise CorpusProblem(str(path), "is a folder, not an index file")
    if not path.exists():
        if not create:
            raise CorpusProblem(str(path), "no corpus index here; run docgen corpus ingest first")
        return
    with open(path, "rb") as handle:
        head = handle.read(len(SQLITE_MAGIC))
    if head and head != SQLITE_MAGIC:
        raise CorpusProblem(str(path), "not an SQLite database (corrupt or another kind of "
                            "file); left untouched")


def database_cause(exc: sqlite3.DatabaseError) -> str:
    """Words for an SQLite error a researcher can act on."""
    message = str(exc)
    if "locked" in message or "busy" in message:
        return "index is locked by another process (still busy after waiting); try again later"
    if "malformed" in message or "not a database" in message:
        return f"index file is damaged ({message}); left untouched"
    return f"index error: {message}"


def _statements(sql: str) -> list[str]:
    """Split a migration script on ';' line ends (no triggers or strings hold one)."""
    return [s.strip() for s in sql.split(";\n") if s.strip()]
