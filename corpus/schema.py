"""The corpus index schema, as numbered migrations applied in order.

Each migration runs in one transaction and records its number in ``migrations``; an index
opened by this code is brought up to ``LATEST``. Never edit a released migration: add one.
The full-text tables are contentless (``content=''``): the index stores tokens only, the text
itself lives once in ``texts``. Deleting from them needs the values that were inserted, which
``store.py`` recomputes from the stored rows with ``fold`` and ``terms.meta_tokens`` — a
migration that changes either must rebuild the full-text tables.
"""
from __future__ import annotations

APPLICATION_ID = 0x44474356  # "DGCV": marks an SQLite file as a docgen corpus index

MIGRATIONS: list[tuple[str, str]] = [
    ("initial schema", """
CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    sha256        TEXT NOT NULL UNIQUE,
    format        TEXT,
    pages         INTEGER,
    text_layer    INTEGER,
    ocr           INTEGER,
    doc_name      TEXT,
    doc_code      TEXT,
    type_key      TEXT,             -- loose(code) and loose(name), ' | '-joined, for --type
    number_raw    TEXT,
    number_key    TEXT,             -- fold.number_key(number_raw)
    issued_on     TEXT,
    year          INTEGER,
    issuer        TEXT,
    issuer_loose  TEXT,
    signer        TEXT,
    signer_loose  TEXT,
    subject       TEXT,
    ingested_at   TEXT NOT NULL
);
CREATE INDEX documents_number_key ON documents(number_key);
CREATE INDEX documents_year ON documents(year);
CREATE INDEX documents_issued ON documents(issued_on, id);

-- the whole record, apart from the columns above so that scans of documents stay small
CREATE TABLE records (
    doc_id  INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    record  TEXT NOT NULL           -- docgen.document/1 JSON without the text
);

CREATE TABLE texts (
    doc_id  INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    text    TEXT NOT NULL
);

CREATE TABLE paths (
    path      TEXT PRIMARY KEY,
    doc_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    size      INTEGER,
    mtime_ns  INTEGER,
    seen_at   TEXT NOT NULL
);
CREATE INDEX paths_doc ON paths(doc_id);

CREATE TABLE doc_references (
    doc_id      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    doc_type    TEXT,
    number_raw  TEXT,
    number_key  TEXT,
    issued_on   TEXT,
    issuer      TEXT,
    title       TEXT,
    PRIMARY KEY (doc_id, position)
);
CREATE INDEX doc_references_key ON doc_references(number_key);

CREATE TABLE targets (
    id          INTEGER PRIMARY KEY,
    doc_id      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    indicator   TEXT,
    value       REAL,
    unit        TEXT,
    comparator  TEXT,
    deadline    TEXT,
    scope       TEXT,
    raw         TEXT,
    UNIQUE (doc_id, position)
);

CREATE TABLE failures (
    path       TEXT PRIMARY KEY,
    sha256     TEXT,
    cause      TEXT NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 1,
    failed_at  TEXT NOT NULL
);

-- issuer, signer: folded names; meta: year, type and citation tokens (corpus/terms.py)
CREATE VIRTUAL TABLE doc_fts USING fts5(
    subject, text, subject_folded, text_folded, issuer, signer, meta,
    content='', tokenize='unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE target_fts USING fts5(
    indicator, scope, indicator_folded, scope_folded,
    content='', tokenize='unicode61 remove_diacritics 0'
);
INSERT INTO doc_fts(doc_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 10.0, 1.0, 0, 0, 0)');
INSERT INTO target_fts(target_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0, 4.0, 1.0)');
"""),
]

LATEST = len(MIGRATIONS)

VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS migrations (
    version     INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    applied_at  TEXT NOT NULL
)"""
