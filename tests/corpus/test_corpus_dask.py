"""Extraction on a real Dask cluster: worker processes on loopback, results stored as they come,
or written by the workers as Parquet shards."""
import dataclasses

import pyarrow.dataset as ds
import pytest

from tests.corpus.conftest import ROOT, plan_text, write
from corpus import Corpus, IngestOptions, ingest_shards

pytestmark = pytest.mark.slow
FILES = 12


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    mp = pytest.MonkeyPatch()
    mp.setenv("PYTHONPATH", str(ROOT))  # workers import corpus and extractors from this checkout
    local = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                     host="127.0.0.1", dashboard_address=":0")
    yield local
    local.close()
    mp.undo()


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("dask") / "docs"
    for i in range(FILES):
        write(root / f"kh-{i:02d}.txt", plan_text(f"{i + 1}/KH-UBND", 2010 + i, "Cà Mau"))
    write(root / "copy" / "kh-00.txt", plan_text("1/KH-UBND", 2010, "Cà Mau"))
    (root / "bad.pdf").write_bytes(b"%PDF-1.7 broken")
    return root


def test_ingest_through_a_scheduler_address(cluster, folder, tmp_path):
    """Two workers write shards beside the index; one load stores them: the index answers as
    one made by a local ingest of the same files."""
    with Corpus.for_ingest(tmp_path / "c.db") as corpus:
        report = corpus.ingest([folder], dask=cluster.scheduler_address)
        assert (report.stored, report.known, report.failed) == (FILES, 1, 1)
        assert corpus.stats()["documents"] == FILES
        shards = tmp_path / "c.db.shards"
        assert len(list((shards / "records").glob("part-*.parquet"))) == 2  # batches of 8
        assert corpus.store.conn.execute("SELECT count(*) FROM loaded").fetchone()[0] == 2 + 2
        with Corpus.for_ingest(tmp_path / "local.db") as local:
            local.ingest([folder])
            for query in ("chuyen doi so", "ca mau", "dien thoai thong minh"):
                assert [(h.number, h.score, h.snippet) for h in corpus.search(query)] == \
                    [(h.number, h.score, h.snippet) for h in local.search(query)] != []
            assert [f["path"] for f in corpus.failures()] == [f["path"] for f in local.failures()]
            assert corpus.targets("dien thoai") == [
                dataclasses.replace(t, doc_id=corpus.resolve_id(t.number)) for t in
                local.targets("dien thoai")]
        assert sorted(h.number for h in corpus.search("", limit=50))[:3] == [
            "1/KH-UBND", "10/KH-UBND", "11/KH-UBND"]
        assert len(corpus.show("1/KH-UBND")["paths"]) == 2
        again = corpus.ingest([folder], dask=cluster.scheduler_address)
        assert (again.stored, again.unchanged, again.skipped) == (0, FILES + 1, 1)


def test_workers_write_parquet_shards(cluster, folder, tmp_path):
    out = tmp_path / "shards"
    options = IngestOptions(dask=cluster.scheduler_address, parquet=str(out))
    report = ingest_shards([folder], options)
    assert (report.stored, report.known, report.failed) == (FILES, 1, 1)
    records = ds.dataset(out / "records").to_table(columns=["sha256", "number", "text"])
    assert records.num_rows == FILES
    assert len(set(records.column("sha256").to_pylist())) == FILES
    assert all("KẾ HOẠCH" in t for t in records.column("text").to_pylist())
    assert ds.dataset(out / "paths").to_table().num_rows == FILES + 2  # with the copy and bad.pdf
    failures = ds.dataset(out / "failures").to_table().to_pylist()
    assert [f["path"].endswith("bad.pdf") for f in failures] == [True]

    (out / "targets" / "part-unfinished.parquet").write_bytes(b"half a shard")
    again = ingest_shards([folder], options)
    assert (again.stored, again.unchanged, again.skipped) == (0, FILES + 1, 1)
    assert not (out / "targets" / "part-unfinished.parquet").exists()
    assert ds.dataset(out / "records").to_table().num_rows == FILES


def test_cli_with_a_local_cluster(cli, folder, tmp_path):
    result = cli("corpus", "ingest", folder, "--db", tmp_path / "c.db", "--dask", "local",
                 "--jobs", "2")
    assert result.exit_code == 1  # bad.pdf
    assert f"docgen: {tmp_path / 'c.db'}: {FILES} stored ({FILES} pages), 1 known" in result.stderr


def test_an_unreachable_scheduler_is_one_clear_line(cli, folder, tmp_path, monkeypatch):
    monkeypatch.setattr("corpus.dask_runner.CONNECT_TIMEOUT", "1s")
    result = cli("corpus", "ingest", folder, "--db", tmp_path / "c.db",
                 "--dask", "tcp://127.0.0.1:9")
    assert result.exit_code == 1
    assert result.stderr.startswith("docgen: tcp://127.0.0.1:9: cannot reach the Dask scheduler")
    assert len(result.stderr.splitlines()) == 1
