"""An index written by the code before schema 2 (tests/corpus/data/index-schema1.db, made by
main's store from the search tests' records) is upgraded on opening and answers as an index
built afresh from the same records."""
import dataclasses
import shutil
import sqlite3

import pytest

from tests.corpus.conftest import ROOT
from tests.corpus.test_corpus_search import RECORDS
from corpus import Corpus, Filters, schema
from corpus.store import FileRef

SCHEMA1 = ROOT / "tests" / "corpus" / "data" / "index-schema1.db"
QUERIES = [("chuyen doi so", Filters()), ("chuyển đổi số", Filters()), ("du lich", Filters()),
           ("", Filters(issuer="lam dong")), ("", Filters(cites="749/QĐ-TTg")),
           ("lich*", Filters()), ("", Filters(years=(2019, 2022)))]


@pytest.fixture
def pair(tmp_path):
    upgraded_path = tmp_path / "old.db"
    shutil.copy(SCHEMA1, upgraded_path)
    fresh = Corpus.for_ingest(tmp_path / "fresh.db")
    for i, record in enumerate(RECORDS):
        fresh.store.put(record, [FileRef(f"/docs/{i}.txt", 100 + i, 1700000000000000000 + i)])
    fresh.store.fail([FileRef("/docs/bad.pdf", 10, 5)], "ab" * 32, "not a PDF")
    upgraded = Corpus(upgraded_path)
    yield upgraded, fresh
    upgraded.close()
    fresh.close()


def test_the_upgrade_is_recorded_and_the_old_tables_are_gone(pair):
    upgraded, _ = pair
    conn = upgraded.store.conn
    assert [r[0] for r in conn.execute("SELECT version FROM migrations ORDER BY 1")] == \
        list(range(1, schema.LATEST + 1))
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert not tables & {"records", "texts", "doc_references", "targets", "doc_fts",
                         "target_fts"}
    assert not [t for t in tables if t.startswith("v1_")]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


@pytest.mark.parametrize("query, filters", QUERIES)
def test_upgraded_index_searches_as_a_fresh_one(pair, query, filters):
    upgraded, fresh = pair
    assert [dataclasses.asdict(h) for h in upgraded.search(query, filters)] == \
        [dataclasses.asdict(h) for h in fresh.search(query, filters)]
    assert upgraded.search(query, filters)  # every query finds something


def test_upgraded_index_keeps_records_paths_failures_targets_and_graph(pair):
    upgraded, fresh = pair
    for ident in ("1", "12/KH-UBND", "/docs/3.txt"):
        assert upgraded.show(ident, with_text=True) == fresh.show(ident, with_text=True)
    assert upgraded.store.path_state("/docs/4.txt") == (5, 104, 1700000000000000004)
    assert [f["cause"] for f in upgraded.failures()] == ["not a PDF"]
    assert upgraded.targets("dien thoai") == fresh.targets("dien thoai") != []
    assert dataclasses.asdict(upgraded.graph("749/QĐ-TTg")) == \
        dataclasses.asdict(fresh.graph("749/QĐ-TTg"))
    stats = lambda c: {k: v for k, v in c.stats().items() if k != "index"}  # noqa: E731
    assert stats(upgraded) == stats(fresh)


def test_a_failed_upgrade_leaves_schema_1(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    shutil.copy(SCHEMA1, path)

    def broken(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")
    monkeypatch.setattr("corpus.upgrade.prepare", broken)
    with pytest.raises(Exception, match="disk I/O error"):
        Corpus(path)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT max(version) FROM migrations").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM records").fetchone()[0] == len(RECORDS)
    conn.close()
