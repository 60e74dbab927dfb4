"""Bulk load: Parquet shards or an export with text, stored in large transactions, resumed
after kill -9 without storing anything twice."""
import dataclasses
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.corpus.conftest import make_record, subprocess_env
from tests.corpus.test_corpus_search import RECORDS
from corpus import Corpus, Filters, tables
from corpus.export import write_parquet
from corpus.store import FileRef

QUERIES = [("chuyen doi so", Filters()), ("", Filters(issuer="lam dong")),
           ("", Filters(cites="749/QĐ-TTg")), ("du lich", Filters(years=(2020, 2021)))]


@pytest.fixture
def exported(tmp_path):
    with Corpus.for_ingest(tmp_path / "source.db") as source:
        for i, record in enumerate(RECORDS):
            source.store.put(record, [FileRef(f"/docs/{i}.txt", 10, 1), FileRef(f"/copy/{i}.txt")])
        source.export("parquet", tmp_path / "export", with_text=True)
    return tmp_path / "export"


def answers(corpus):
    return ([[dataclasses.asdict(h) for h in corpus.search(q, f)] for q, f in QUERIES],
            [corpus.show(str(i), with_text=True) for i in range(1, len(RECORDS) + 1)],
            corpus.targets("dien thoai"), dataclasses.asdict(corpus.graph("749/QD-TTg")),
            {k: v for k, v in corpus.stats().items() if k != "index"})


def test_an_export_loads_into_an_index_that_answers_as_its_source(exported, tmp_path, cli):
    result = cli("corpus", "load", exported, "--db", tmp_path / "loaded.db", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"docgen: {tmp_path / 'loaded.db'}: 15 stored, 0 known "
                                    "already, 30 paths, 0 failures, 0 row groups loaded before")
    with Corpus(tmp_path / "source.db") as source, Corpus(tmp_path / "loaded.db") as loaded:
        assert answers(loaded) == answers(source)


def test_loading_again_stores_nothing_and_known_records_only_gain_paths(exported, tmp_path):
    with Corpus.for_ingest(tmp_path / "c.db") as corpus:
        first_id = corpus.store.put(RECORDS[0], [FileRef("/mine/first.txt")])
        report = corpus.load(exported, jobs=1)
        assert (report.stored, report.known, report.paths) == (14, 1, 30)
        assert corpus.store.paths(first_id) == ["/copy/0.txt", "/docs/0.txt", "/mine/first.txt"]
        again = corpus.load(exported, jobs=1)
        assert (again.stored, again.known, again.paths, again.skipped) == (0, 0, 0, 1)
        assert corpus.stats()["documents"] == 15


@pytest.mark.parametrize("content, cause", [
    ({}, "holds no records/*.parquet shards and no records.parquet export"),
    ({"records.parquet": False}, "records without their text (export with --with-text)"),
])
def test_what_cannot_be_loaded_is_one_line(tmp_path, cli, content, cause):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, with_text in content.items():
        columns = tables.RECORDS if with_text else [c for c in tables.RECORDS if c[0] != "text"]
        write_parquet([tables.record_row(RECORDS[0])], columns, folder / name)
    result = cli("corpus", "load", folder, "--db", tmp_path / "c.db", "--jobs", "1")
    assert result.exit_code == 1
    assert result.stderr.endswith(f": {cause}\n") and len(result.stderr.splitlines()) == 1
    assert Corpus(tmp_path / "c.db").stats()["documents"] == 0


SHARDS, ROWS = 30, 100


def write_shards(folder):
    """SHARDS files of ROWS records each, as a Dask run writes them (with a paths shard)."""
    paths = []
    (folder / "records").mkdir(parents=True)
    (folder / "paths").mkdir()
    for shard in range(SHARDS):
        rows = []
        for i in range(shard * ROWS, (shard + 1) * ROWS):
            record = make_record(f"{i + 1}/KH-UBND", f"Kế hoạch chuyển đổi số số {i}",
                                 issued_on=f"{2000 + i % 25}-05-01",
                                 text=f"Nội dung kế hoạch chuyển đổi số {i} " * 40)
            rows.append(tables.record_row(record, with_text=True))
            paths.append({"path": record["source"]["path"], "sha256": record["source"]["sha256"],
                          "size": 1, "mtime_ns": 2, "seen_at": "2025-01-01T00:00:00Z"})
        write_parquet(rows, tables.RECORDS, folder / "records" / f"part-{shard:03d}.parquet")
    write_parquet(paths, [("path", "str"), ("sha256", "str"), ("size", "int"),
                          ("mtime_ns", "int"), ("seen_at", "str")], folder / "paths" / "p.parquet")


def load_command(folder, db):
    code = ("import corpus.load as load; load.TRANSACTION_ROWS = 100; "
            "from docgen.cli import main; main()")
    return [sys.executable, "-c", code, "corpus", "load", str(folder), "--db", str(db),
            "--jobs", "1"]


def count(db, sql="SELECT count(*) FROM documents"):
    try:
        conn = sqlite3.connect(db, timeout=5)
        try:
            return conn.execute(sql).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # not created yet
        return 0


@pytest.mark.slow
def test_kill_9_mid_load_then_the_same_command_stores_each_record_once(tmp_path):
    folder, db = tmp_path / "shards", tmp_path / "corpus.db"
    write_shards(folder)
    child = subprocess.Popen(load_command(folder, db), env=subprocess_env(),
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while count(db) < 300 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    stored_when_killed = count(db)
    assert child.returncode == -signal.SIGKILL
    assert 300 <= stored_when_killed < SHARDS * ROWS, "the load ended before it could be killed"
    assert count(db, "SELECT count(*) FROM loaded") == stored_when_killed // ROWS

    again = subprocess.run(load_command(folder, db), env=subprocess_env(), capture_output=True,
                           text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"{SHARDS * ROWS - stored_when_killed} stored, 0 known already" in again.stderr
    assert f"{stored_when_killed // ROWS} row groups loaded before" in again.stderr
    total = SHARDS * ROWS
    assert count(db) == count(db, "SELECT count(DISTINCT sha256) FROM documents") == total
    assert count(db, "SELECT count(*) FROM contents") == total
    assert count(db, "SELECT count(*) FROM paths") == total
    assert count(db, "SELECT count(*) FROM doc_fts_0 WHERE doc_fts_0 MATCH "
                     "'text_folded : \"chuyen doi so\"'") == total
    with Corpus(db) as corpus:
        assert [h.number for h in corpus.search("", Filters(years=(2024, 2024)), limit=3)] == [
            "3000/KH-UBND", "2975/KH-UBND", "2950/KH-UBND"]
