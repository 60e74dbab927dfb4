"""The index file: migrations, upsert by content hash, paths, failures, and refusing bad files."""
import sqlite3

import pytest

from tests.corpus.conftest import make_record
from corpus import Corpus, schema
from corpus.store import FileRef, Store
from docgen.errors import CorpusProblem


def test_new_index_is_wal_with_every_migration_recorded(index_path):
    store = Store.open(index_path)
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    rows = store.conn.execute("SELECT version, name FROM migrations").fetchall()
    assert [tuple(r) for r in rows] == [(number, name) for number, (name, _)
                                        in enumerate(schema.MIGRATIONS, 1)]
    assert store.version() == schema.LATEST
    assert store.conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    store.close()


def test_reopening_applies_no_migration_twice(index_path):
    Store.open(index_path).close()
    store = Store.open(index_path)
    assert store.conn.execute("SELECT count(*) FROM migrations").fetchone()[0] == schema.LATEST
    store.close()


def test_same_content_under_two_names_is_one_record_with_both_paths(corpus_at):
    record = make_record("12/KH-UBND")
    first = corpus_at.store.put(record, [FileRef("/a/kh.txt", 10, 1)])
    second = corpus_at.store.put(record, [FileRef("/b/kh copy.txt", 10, 2)])
    assert first == second
    assert corpus_at.store.paths(first) == ["/a/kh.txt", "/b/kh copy.txt"]
    assert corpus_at.stats()["documents"] == 1


def test_changed_content_replaces_the_record_of_its_path(corpus_at):
    old = make_record("12/KH-UBND", subject="Phát triển du lịch")
    new = make_record("13/KH-UBND", subject="Chuyển đổi số")
    corpus_at.store.put(old, [FileRef("/a/kh.txt", 10, 1)])
    new_id = corpus_at.store.put(new, [FileRef("/a/kh.txt", 11, 2)])
    assert corpus_at.stats()["documents"] == 1
    assert corpus_at.search("du lich") == []  # the old text left the full-text index too
    assert [h.id for h in corpus_at.search("chuyen doi so")] == [new_id]


def test_a_record_kept_by_another_path_survives_replacement(corpus_at):
    old, new = make_record("1/KH"), make_record("2/KH")
    old_id = corpus_at.store.put(old, [FileRef("/a.txt"), FileRef("/b.txt")])
    corpus_at.store.put(new, [FileRef("/a.txt")])
    assert corpus_at.store.paths(old_id) == ["/b.txt"]
    assert corpus_at.stats()["documents"] == 2


def test_failures_count_attempts_and_clear_on_success(corpus_at):
    store = corpus_at.store
    store.fail([FileRef("/x.pdf")], "ab" * 32, "not a PDF")
    store.fail([FileRef("/x.pdf")], "ab" * 32, "still not a PDF")
    assert [(f["path"], f["attempts"], f["cause"]) for f in corpus_at.failures()] == [
        ("/x.pdf", 2, "still not a PDF")]
    store.put(make_record("1/KH"), [FileRef("/x.pdf")])
    assert corpus_at.failures() == []


def test_record_round_trips_without_text_and_with_it(corpus_at):
    record = make_record("2242/KH-UBND", text="KẾ HOẠCH\nnội dung")
    doc_id = corpus_at.store.put(record, [FileRef("/kh.txt")])
    shown = corpus_at.show(str(doc_id))
    assert shown["number"]["raw"] == "2242/KH-UBND" and "text" not in shown
    assert shown["paths"] == ["/kh.txt"]
    assert corpus_at.show("2242/KH-UBND", with_text=True)["text"] == "KẾ HOẠCH\nnội dung"
    assert corpus_at.show(record["source"]["sha256"][:8])["id"] == doc_id


def test_show_unknown_id_says_so(corpus_at):
    with pytest.raises(Exception, match="no record with this id"):
        corpus_at.show("99")


@pytest.mark.parametrize("content, cause", [
    (b"this is not a database at all\n" * 10, "not an SQLite database"),
    (b"SQLite format 3\x00" + b"\x00" * 84 + b"\xff" * 3996, "damaged"),
])
def test_corrupt_index_is_refused_and_left_untouched(index_path, content, cause):
    index_path.write_bytes(content)
    with pytest.raises(CorpusProblem, match=cause) as problem:
        Corpus.for_ingest(index_path)
    assert problem.value.subject == str(index_path)
    assert index_path.read_bytes() == content
    assert not index_path.with_name("corpus.db-wal").exists()


def test_a_foreign_sqlite_database_is_not_taken_over(index_path):
    conn = sqlite3.connect(index_path)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    before = index_path.read_bytes()
    with pytest.raises(CorpusProblem, match="not a docgen corpus index"):
        Corpus.for_ingest(index_path)
    assert index_path.read_bytes() == before


def test_an_index_from_a_newer_docgen_is_refused(index_path):
    Store.open(index_path).close()
    conn = sqlite3.connect(index_path)
    conn.execute("INSERT INTO migrations VALUES (?, 'future', 'now')", (schema.LATEST + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(CorpusProblem, match="newer than this docgen knows"):
        Store.open(index_path)


def test_reading_commands_do_not_create_an_index(tmp_path):
    with pytest.raises(CorpusProblem, match="no corpus index here"):
        Corpus(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists()
