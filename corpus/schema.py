"""The corpus index schema: numbered migrations, and the schema a new index starts with.

An index opened by this code is brought up to ``LATEST``; each step runs in one transaction
and records its number in ``migrations``. Never edit a released migration: add one. A new
index is made with ``CURRENT`` at once (and every version recorded); an older one is
upgraded step by step (``corpus/upgrade.py`` moves the rows of schema 1 into schema 2).

Schema 2 keeps each document's record and text in one compressed blob (``contents``), the
citations as small rows pointing at deduplicated mentions, and the full text in partitions
of ``partition_size`` documents by id (``doc_fts_K`` and ``target_fts_K``, made as ids
reach them), so the work of a query in one partition is bounded whatever the corpus size.
The full-text tables are contentless (``content=''``): they store tokens only. Deleting from
them needs the values that were inserted, which ``store.py`` recomputes from the stored
rows with ``fold`` and ``terms.meta_tokens`` — a migration that changes either must rebuild
the full-text tables.
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

MIGRATIONS.append(("compact index: packed records, citations by key, partitioned full text",
                   "upgrade:schema2"))

LATEST = len(MIGRATIONS)
PARTITION_SIZE = 32768  # documents per full-text partition in a new index (kept in settings)
PAGE_SIZE = 16384  # bytes: packed records of 1-2 KB fill large pages better

CURRENT = """
CREATE TABLE settings (
    name   TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

-- one row per distinct document number (fold.number_key): documents and citations point here
CREATE TABLE keys (
    id   INTEGER PRIMARY KEY,
    key  TEXT NOT NULL UNIQUE
);

CREATE TABLE documents (
    id               INTEGER PRIMARY KEY,
    sha256           BLOB NOT NULL UNIQUE,   -- the 32 bytes of the file's SHA-256
    format           TEXT,
    pages            INTEGER,
    doc_name         TEXT,
    doc_code         TEXT,
    number_raw       TEXT,
    key_id           INTEGER REFERENCES keys(id),
    issued_on        TEXT,
    year             INTEGER,
    issuer           TEXT,
    signer           TEXT,
    subject          TEXT,
    reference_count  INTEGER NOT NULL DEFAULT 0,
    target_count     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX documents_key ON documents(key_id);
CREATE INDEX documents_issued ON documents(issued_on, id);
-- newest first within a year: a --year filter matching many documents walks only its years
CREATE INDEX documents_year ON documents(year, issued_on, id);

-- the record (docgen.document/1 JSON without the text) and the text, packed (packing.py)
CREATE TABLE contents (
    doc_id  INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    packed  BLOB NOT NULL
);

CREATE TABLE paths (
    path      TEXT PRIMARY KEY,
    doc_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    size      INTEGER,
    mtime_ns  INTEGER,
    seen_at   TEXT NOT NULL
);
CREATE INDEX paths_doc ON paths(doc_id);

-- how a citation is written (type, number, date, issuer, title): the same words recur in
-- thousands of documents, so each distinct mention is stored once
CREATE TABLE mentions (
    id          INTEGER PRIMARY KEY,
    digest      BLOB NOT NULL UNIQUE,
    doc_type    TEXT,
    number_raw  TEXT,
    issued_on   TEXT,
    issuer      TEXT,
    title       TEXT
);

-- the citations that carry a number, by number: what the graph and --cites read (the record
-- keeps every citation; the store deletes these rows itself, by key, with the document)
CREATE TABLE citations (
    key_id      INTEGER NOT NULL REFERENCES keys(id),
    doc_id      INTEGER NOT NULL,
    position    INTEGER NOT NULL,
    mention_id  INTEGER NOT NULL REFERENCES mentions(id),
    PRIMARY KEY (key_id, doc_id, position)
) WITHOUT ROWID;

CREATE TABLE failures (
    path       TEXT PRIMARY KEY,
    sha256     TEXT,
    cause      TEXT NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 1,
    failed_at  TEXT NOT NULL
);

-- full-text partitions made so far (partitions.py); K covers ids K*size+1 … (K+1)*size
CREATE TABLE partitions (
    k  INTEGER PRIMARY KEY
);

-- Parquet shards and row groups a bulk load has stored (load.py), for resuming it
CREATE TABLE loaded (
    source     TEXT NOT NULL,
    row_group  INTEGER NOT NULL,
    rows       INTEGER NOT NULL,
    loaded_at  TEXT NOT NULL,
    PRIMARY KEY (source, row_group)
);
"""

# one partition of the full text: the same columns, tokens and ranking as schema 1's doc_fts
# (issuer, signer: folded names; meta: year, type and citation tokens, corpus/terms.py);
# target rows are doc_id * TARGET_SLOTS + position
DOC_FTS = """CREATE VIRTUAL TABLE {name} USING fts5(
    subject, text, subject_folded, text_folded, issuer, signer, meta,
    content='', tokenize='unicode61 remove_diacritics 0')"""
TARGET_FTS = """CREATE VIRTUAL TABLE {name} USING fts5(
    indicator, scope, indicator_folded, scope_folded,
    content='', tokenize='unicode61 remove_diacritics 0')"""
DOC_RANK = "bm25(10.0, 1.0, 10.0, 1.0, 0, 0, 0)"   # a subject word weighs ten text words
TARGET_RANK = "bm25(4.0, 1.0, 4.0, 1.0)"
TARGET_SLOTS = 4096  # targets indexed per document

VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS migrations (
    version     INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    applied_at  TEXT NOT NULL
)"""
