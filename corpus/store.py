"""The corpus index: one SQLite file (WAL) holding records, their text, paths and failures.

Records are keyed by the SHA-256 of the file's bytes: the same content under two names is one
record with two ``paths`` rows, and a path whose content changed is pointed at the new record
(the old one is dropped once no path keeps it). Every write is one transaction, so a process
killed at any moment leaves each file either fully stored or not at all. The layout (packed
records, citations by key, full text in partitions) is in ``schema.py``.

>>> store = Store.open("corpus.db")           # doctest: +SKIP
>>> store.put(record, [FileRef("a/kh.pdf", 1200, 1700000000)])  # doctest: +SKIP
"""
from __future__ import annotations

import contextlib
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from corpus import schema, upgrade
from corpus.fold import loose, words
from corpus.packing import unpack, unpack_record, unpack_targets, unpack_text
from corpus.partitions import Partitions, doc_table, target_table
from corpus.prepare import Prepared, prepare
from docgen.errors import CorpusProblem

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
DOC_COLUMNS = ("sha256, format, pages, doc_name, doc_code, number_raw, key_id, issued_on, "
               "year, issuer, signer, subject, reference_count, target_count")
FTS_COLUMNS = "rowid, subject, text, subject_folded, text_folded, issuer, signer, meta"
TARGET_COLUMNS = "rowid, indicator, scope, indicator_folded, scope_folded"
KEY_POSITION = 6  # where key_id sits in DOC_COLUMNS


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
        self.parts = Partitions(schema.PARTITION_SIZE)
        self._ids: dict[tuple[str, Any], int] = {}  # (table, key or digest) → id, this run

    # ---- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, create: bool = True) -> "Store":
        """Open (and, with ``create``, make or migrate) the index at ``path``."""
        path = Path(path)
        _check_file(path, create)
        try:
            conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
            conn.row_factory = sqlite3.Row
            _functions(conn)
            store = cls(path, conn)
            if store._identify():
                conn.execute(f"PRAGMA page_size={schema.PAGE_SIZE}")  # before its first table
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            store._migrate()
            conn.execute("PRAGMA foreign_keys=ON")
            store.parts = Partitions.read(conn)
        except sqlite3.DatabaseError as exc:
            raise CorpusProblem(str(path), database_cause(exc)) from None
        return store

    def close(self) -> None:
        self.conn.close()

    def _identify(self) -> bool:
        """True for an empty file; raises for a database that is not a corpus index."""
        app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id == schema.APPLICATION_ID:
            return False
        tables = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id != 0 or tables:
            raise CorpusProblem(str(self.path), "an SQLite database that is not a docgen corpus "
                                "index; left untouched")
        return True

    def _migrate(self) -> None:
        """Make a new index at the current schema, or upgrade an older one step by step."""
        self.conn.execute("PRAGMA legacy_alter_table=ON")  # renames keep foreign keys as written
        with self.transaction():
            self.conn.execute(schema.VERSION_TABLE)
            version = self.version()
            if version > schema.LATEST:
                raise CorpusProblem(str(self.path), f"index schema {version} is newer than this "
                                    f"docgen knows ({schema.LATEST}); upgrade docgen")
            if version == 0:
                self._create()
                version = schema.LATEST
            for number in range(version + 1, schema.LATEST + 1):
                name, step = schema.MIGRATIONS[number - 1]
                upgrade.run(self, step)
                self.conn.execute("INSERT INTO migrations VALUES (?, ?, ?)", (number, name, now()))
            self.conn.execute(f"PRAGMA application_id={schema.APPLICATION_ID}")

    def _create(self) -> None:
        for statement in _statements(schema.CURRENT):
            self.conn.execute(statement)
        self.conn.execute("INSERT INTO settings VALUES ('partition_size', ?)",
                          (str(schema.PARTITION_SIZE),))
        for number, (name, _) in enumerate(schema.MIGRATIONS, 1):
            self.conn.execute("INSERT INTO migrations VALUES (?, ?, ?)", (number, name, now()))

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
            self._ids.clear()  # ids handed out in the transaction are gone
            with contextlib.suppress(sqlite3.DatabaseError):
                self.parts.refresh(self.conn)
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
            doc_id = self.write(prepare(record))
        self._attach(doc_id, files)
        return doc_id

    def write(self, prep: Prepared, doc_id: int | None = None) -> int:
        """Insert a prepared document (its content not stored yet); return its id."""
        return self.write_many([prep], None if doc_id is None else [doc_id])[0]

    def write_many(self, preps: list[Prepared], ids: list[int] | None = None) -> list[int]:
        """Insert prepared documents (none stored yet) under new ids, or ``ids``; a bulk load
        writes thousands at a time, each table with one statement."""
        if ids is None:
            first = self.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM documents").fetchone()[0]
            ids = list(range(first, first + len(preps)))
        documents = []
        for doc_id, prep in zip(ids, preps):
            row = list(prep.document)
            row[KEY_POSITION] = self.key_id(prep.key)
            documents.append((doc_id, *row))
        self.conn.executemany(f"INSERT INTO documents(id, {DOC_COLUMNS}) VALUES "
                              f"(?{', ?' * len(prep.document)})", documents)
        self.conn.executemany("INSERT INTO contents(doc_id, packed) VALUES (?, ?)",
                              [(doc_id, prep.packed) for doc_id, prep in zip(ids, preps)])
        self.conn.executemany(
            "INSERT INTO citations(key_id, doc_id, position, mention_id) VALUES (?, ?, ?, ?)",
            [(self.key_id(c.key), doc_id, c.position, self.mention_id(c.digest, c.mention))
             for doc_id, prep in zip(ids, preps) for c in prep.citations])
        by_partition: dict[int, list[tuple[int, Prepared]]] = {}
        for doc_id, prep in zip(ids, preps):
            by_partition.setdefault(self.parts.of(doc_id), []).append((doc_id, prep))
        for k, members in by_partition.items():
            self._index_partition(k, members)
        return ids

    def _index_partition(self, k: int, members: list[tuple[int, Prepared]],
                         delete: bool = False) -> None:
        """Add documents of partition ``k`` to its full text, or (contentless) take them out."""
        self.parts.ensure(self.conn, k)
        targets = [(target_rowid(doc_id, t[0]), *t[1:]) for doc_id, prep in members
                   for t in prep.targets if t[0] < schema.TARGET_SLOTS]
        self._fts(doc_table(k), FTS_COLUMNS, [(doc_id, *prep.fts) for doc_id, prep in members],
                  delete)
        self._fts(target_table(k), TARGET_COLUMNS, targets, delete)

    def _fts(self, table: str, columns: str, rows: list[tuple], delete: bool) -> None:
        if not rows:
            return
        marks = ", ".join("?" * len(rows[0]))
        if delete:  # a contentless table deletes by repeating the values it indexed
            sql = f"INSERT INTO {table}({table}, {columns}) VALUES ('delete', {marks})"
        else:
            sql = f"INSERT INTO {table}({columns}) VALUES ({marks})"
        self.conn.executemany(sql, rows)

    def key_id(self, key: str | None) -> int | None:
        """The id of a document number's key, added when new."""
        if key is None:
            return None
        found = self._ids.get(("keys", key))
        if found is None:
            row = self.conn.execute("SELECT id FROM keys WHERE key = ?", (key,)).fetchone()
            found = row[0] if row else self.conn.execute(
                "INSERT INTO keys(key) VALUES (?)", (key,)).lastrowid
            self._ids[("keys", key)] = found
        return found

    def mention_id(self, digest: bytes, mention: tuple) -> int:
        found = self._ids.get(("mentions", digest))
        if found is None:
            row = self.conn.execute("SELECT id FROM mentions WHERE digest = ?", (digest,)).fetchone()
            found = row[0] if row else self.conn.execute(
                "INSERT INTO mentions(digest, doc_type, number_raw, issued_on, issuer, title) "
                "VALUES (?, ?, ?, ?, ?, ?)", (digest, *mention)).lastrowid
            self._ids[("mentions", digest)] = found
        return found

    def attach(self, doc_id: int, files: list[FileRef]) -> None:
        """Point paths at an already stored record (a known file under a new name)."""
        with self.transaction():
            self._attach(doc_id, files)

    def fail(self, files: list[FileRef], sha256: str | None, cause: str) -> None:
        """Record that these paths (same content) could not be extracted, and why."""
        with self.transaction():
            for ref in files:
                self._detach(ref.path)
                self.record_failure(ref.path, sha256, cause, now())

    def record_failure(self, path: str, sha256: str | None, cause: str, when: str) -> None:
        self.conn.execute(
            "INSERT INTO failures(path, sha256, cause, attempts, failed_at) "
            "VALUES (?, ?, ?, 1, ?) ON CONFLICT(path) DO UPDATE SET "
            "sha256=excluded.sha256, cause=excluded.cause, "
            "attempts=attempts+1, failed_at=excluded.failed_at", (path, sha256, cause, when))

    def attach_many(self, pairs: list[tuple[int, FileRef]]) -> None:
        """``attach`` for many (id, file) pairs inside the caller's transaction (bulk loads):
        one statement for all, then the records that lost their last path are dropped."""
        previous: dict[str, int] = {}
        names = [ref.path for _, ref in pairs]
        for i in range(0, len(names), 500):
            chunk = names[i:i + 500]
            previous.update(self.conn.execute(
                f"SELECT path, doc_id FROM paths WHERE path IN ({', '.join('?' * len(chunk))})",
                chunk).fetchall())
        seen = now()
        self.conn.executemany(
            "INSERT INTO paths(path, doc_id, size, mtime_ns, seen_at) VALUES (?,?,?,?,?) "
            "ON CONFLICT(path) DO UPDATE SET doc_id=excluded.doc_id, size=excluded.size, "
            "mtime_ns=excluded.mtime_ns, seen_at=excluded.seen_at",
            [(ref.path, doc_id, ref.size, ref.mtime_ns, seen) for doc_id, ref in pairs])
        if self.conn.execute("SELECT 1 FROM failures LIMIT 1").fetchone():
            self.conn.executemany("DELETE FROM failures WHERE path = ?", [(n,) for n in names])
        for doc_id, ref in pairs:
            if previous.get(ref.path, doc_id) != doc_id:
                self._drop_if_orphan(previous[ref.path])

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
        record, text = unpack(self._packed(doc_id))
        prep = prepare({**record, "text": text})
        self._index_partition(self.parts.of(doc_id), [(doc_id, prep)], delete=True)
        self.conn.executemany("DELETE FROM citations WHERE key_id = ? AND doc_id = ?",
                              {(self.key_id(c.key), doc_id) for c in prep.citations})
        self.conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    # ---- reading -------------------------------------------------------------------------
    def doc_id_for_sha(self, sha256: str) -> int | None:
        row = self.conn.execute("SELECT id FROM documents WHERE sha256 = ?",
                                (bytes.fromhex(sha256),)).fetchone()
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

    def _packed(self, doc_id: int) -> bytes | None:
        row = self.conn.execute("SELECT packed FROM contents WHERE doc_id = ?",
                                (doc_id,)).fetchone()
        return row[0] if row else None

    def record(self, doc_id: int, with_text: bool = False) -> dict[str, Any] | None:
        packed = self._packed(doc_id)
        if packed is None:
            return None
        if not with_text:
            return unpack_record(packed)
        record, text = unpack(packed)
        return {**record, "text": text}

    def targets(self, doc_id: int) -> list[dict[str, Any]]:
        packed = self._packed(doc_id)
        return [] if packed is None else unpack_targets(packed)

    def text(self, doc_id: int) -> str | None:
        packed = self._packed(doc_id)
        return None if packed is None else unpack_text(packed)

    def paths(self, doc_id: int) -> list[str]:
        rows = self.conn.execute("SELECT path FROM paths WHERE doc_id = ? ORDER BY path",
                                 (doc_id,))
        return [r[0] for r in rows]

    def iter_records(self, with_text: bool = False) -> Iterator[tuple[int, dict[str, Any]]]:
        """(id, record) for every stored document, in id order, fetched in pages."""
        last = 0
        while True:
            rows = self.conn.execute("SELECT doc_id, packed FROM contents WHERE doc_id > ? "
                                     "ORDER BY doc_id LIMIT 500", (last,)).fetchall()
            if not rows:
                return
            for doc_id, packed in rows:
                if with_text:
                    record, text = unpack(packed)
                    yield doc_id, {**record, "text": text}
                else:
                    yield doc_id, unpack_record(packed)
            last = rows[-1][0]

    def failures(self) -> list[sqlite3.Row]:
        return self.conn.execute("SELECT path, sha256, cause, attempts, failed_at FROM failures "
                                 "ORDER BY path").fetchall()


def _functions(conn: sqlite3.Connection) -> None:
    """SQL functions the filters use: the words of a name, the type key of a document."""
    conn.create_function("docgen_words", 1, words, deterministic=True)
    conn.create_function("docgen_type_key", 2, type_key, deterministic=True)


def type_key(code: str | None, name: str | None) -> str:
    """loose(code) and loose(name), ' | '-joined: what --type compares with."""
    return " | ".join(filter(None, (loose(code), loose(name))))


def target_rowid(doc_id: int, position: int) -> int:
    """The full-text row of a document's target: documents and targets share partitions."""
    return doc_id * schema.TARGET_SLOTS + position


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
    """Split a schema script on ';' line ends (no triggers or strings hold one)."""
    return [s.strip() for s in sql.split(";\n") if s.strip()]
