"""The full text in partitions: an index of 15 records in partitions of 4 finds what one
table finds, reads the newest partitions first, and deletes from the right partition."""
import pytest

from tests.corpus.conftest import make_record
from tests.corpus.test_corpus_search import RECORDS
from corpus import Corpus, Filters
from corpus.store import FileRef


@pytest.fixture
def small_parts(tmp_path, monkeypatch):
    monkeypatch.setattr("corpus.schema.PARTITION_SIZE", 4)
    corpus = Corpus.for_ingest(tmp_path / "parts.db")
    for i, record in enumerate(RECORDS):
        corpus.store.put(record, [FileRef(f"/docs/{i}.txt")])
    yield corpus
    corpus.close()


@pytest.fixture
def one_table(tmp_path):
    corpus = Corpus.for_ingest(tmp_path / "one.db")
    for i, record in enumerate(RECORDS):
        corpus.store.put(record, [FileRef(f"/docs/{i}.txt")])
    yield corpus
    corpus.close()


def numbers(hits):
    return [h.number for h in hits]


def test_the_partition_size_is_kept_in_the_index(small_parts, monkeypatch, tmp_path):
    assert small_parts.store.parts.newest_first() == [3, 2, 1, 0]
    monkeypatch.setattr("corpus.schema.PARTITION_SIZE", 65536)
    with Corpus(small_parts.path) as reopened:
        assert reopened.store.parts.size == 4


@pytest.mark.parametrize("query, filters", [
    ("chuyen doi so", Filters()), ("du lich OR ban chi dao", Filters()), ("lich*", Filters()),
    ("cong van", Filters()), ("chuyen doi so", Filters(cites="749/QĐ-TTg")),
    ("", Filters(issuer="lam dong")), ("", Filters(years=(2019, 2022))),
    ("", Filters(doc_type="Công văn")),
])
def test_partitions_find_what_one_table_finds(small_parts, one_table, query, filters):
    for window in (0, 2000):
        found = small_parts.search(query, filters, limit=50, window=window)
        expected = one_table.search(query, filters, limit=50, window=window)
        if query:  # scores use each partition's statistics: the same set, maybe not the order
            assert sorted(numbers(found)) == sorted(numbers(expected))
        else:  # listed by date, whatever the partition
            assert numbers(found) == numbers(expected)


def test_a_query_matching_more_than_the_window_reads_the_newest_partitions(small_parts):
    hits = small_parts.search("cong van", limit=50, window=3)  # ids 13-15 (partition 3)
    assert hits.complete is False
    assert sorted(h.id for h in hits) == [13, 14, 15]
    hits = small_parts.search("cong van", limit=50, window=6)  # and 10-12 (partition 2)
    assert sorted(h.id for h in hits) == [10, 11, 12, 13, 14, 15]


def test_a_replaced_document_leaves_its_partition(small_parts):
    small_parts.store.put(make_record("99/KH", "Phát triển nông thôn mới"),
                          [FileRef("/docs/1.txt")])  # id 2 (partition 0) loses its only path
    assert small_parts.search("du lich") == small_parts.search("du lich", Filters(years=(2020, 2020)))
    assert numbers(small_parts.search("nong thon moi")) == ["99/KH"]
    assert numbers(small_parts.search("du lich")) == ["3/TB-UBND"]
    assert small_parts.search("nong thon moi")[0].id == 16  # the last place of partition 3


def test_targets_and_stats_over_partitions(small_parts, one_table):
    assert small_parts.targets("dien thoai thong minh") == one_table.targets("dien thoai thong minh")
    stats = lambda c: {k: v for k, v in c.stats().items() if k != "index"}  # noqa: E731
    assert stats(small_parts) == stats(one_table)
