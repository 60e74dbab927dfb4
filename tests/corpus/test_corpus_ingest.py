"""Ingest through the real extractors: incremental runs, duplicates, failures, odd names."""
import os
import shutil
import unicodedata
from pathlib import Path

import pytest

from tests.corpus.conftest import DEV, needs_dev, plan_text, write
from corpus import Corpus, Filters, IngestOptions, Progress
from corpus.lock import IngestLock
from docgen.errors import CorpusProblem

PLANS = {
    "lam-dong/kh-12.txt": dict(number="12/KH-UBND", year=2022, province="Lâm Đồng"),
    "lam-dong/kh-30.txt": dict(number="30/KH-UBND", year=2023, province="Lâm Đồng",
                               subject="Phát triển du lịch nông thôn", signer="Lê Thị Hoa"),
    "ben-tre/kh-7.txt": dict(number="7/KH-UBND", year=2021, province="Bến Tre"),
}


def html_of(text: str) -> str:
    body = "".join(f"<p>{line}</p>" for line in text.splitlines())
    return f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>"


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "docs"
    for name, facts in PLANS.items():
        write(root / name, plan_text(**facts))
    write(root / "web" / "kh-99.html", html_of(plan_text("99/KH-UBND", 2024, "Cà Mau")))
    (root / "web" / "broken.pdf").write_bytes(b"%PDF-1.4\nthis is no PDF at all\n")
    (root / "web" / "empty.docx").write_bytes(b"")
    write(root / "notes.md", "not a kind we extract")
    return root


def numbers(hits):
    return sorted(h.number for h in hits)


def test_first_run_stores_readable_files_and_records_failures(folder, corpus_at):
    report = corpus_at.ingest([folder])
    assert (report.stored, report.failed, report.known, report.unchanged) == (4, 2, 0, 0)
    assert sorted(Path(p).name for p, _ in report.failures) == ["broken.pdf", "empty.docx"]
    failures = corpus_at.failures()
    assert [Path(f["path"]).name for f in failures] == ["broken.pdf", "empty.docx"]
    assert all(f["cause"] and f["attempts"] == 1 for f in failures)
    assert numbers(corpus_at.search('"chuyen doi so trong co quan"')) == [
        "12/KH-UBND", "7/KH-UBND", "99/KH-UBND"]
    assert numbers(corpus_at.search("", Filters(issuer="lam dong", years=(2023, 2023)))) == [
        "30/KH-UBND"]
    assert numbers(corpus_at.search("du lich", Filters(signer="Lê Thị Hoa"))) == ["30/KH-UBND"]
    assert corpus_at.stats()["by_format"] == {"txt": 3, "html": 1}


def test_second_run_skips_everything_and_retries_failures_only_when_asked(folder, corpus_at):
    corpus_at.ingest([folder])
    again = corpus_at.ingest([folder])
    assert (again.stored, again.unchanged, again.skipped, again.failed) == (0, 4, 2, 0)
    retried = corpus_at.ingest([folder], retry_failed=True)
    assert (retried.stored, retried.unchanged, retried.failed) == (0, 4, 2)
    assert [f["attempts"] for f in corpus_at.failures()] == [2, 2]


def test_a_fixed_file_leaves_the_failures(folder, corpus_at):
    corpus_at.ingest([folder])
    (folder / "web" / "broken.pdf").unlink()
    write(folder / "web" / "broken.txt", plan_text("5/KH-UBND", 2022, "Cà Mau"))
    (folder / "web" / "empty.docx").unlink()
    report = corpus_at.ingest([folder])
    assert (report.stored, report.failed) == (1, 0)
    assert len(corpus_at.failures()) == 2  # files gone from disk keep their failure rows


def test_changed_file_replaces_its_record(folder, corpus_at):
    corpus_at.ingest([folder])
    write(folder / "ben-tre" / "kh-7.txt", plan_text("8/KH-UBND", 2021, "Bến Tre"))
    report = corpus_at.ingest([folder])
    assert (report.stored, report.unchanged) == (1, 3)
    assert corpus_at.stats()["documents"] == 4
    assert numbers(corpus_at.search("", Filters(issuer="ben tre"))) == ["8/KH-UBND"]


def test_duplicate_files_are_one_record_with_both_paths(folder, corpus_at):
    shutil.copy(folder / "ben-tre" / "kh-7.txt", folder / "ben-tre" / "bản sao kh-7.txt")
    report = corpus_at.ingest([folder])
    assert (report.stored, report.known) == (4, 1)
    shown = corpus_at.show("7/KH-UBND")
    assert [Path(p).name for p in shown["paths"]] == ["bản sao kh-7.txt", "kh-7.txt"]
    shutil.copy(folder / "lam-dong" / "kh-12.txt", folder / "copy-12.txt")
    later = corpus_at.ingest([folder])
    assert (later.stored, later.known) == (0, 1)
    assert len(corpus_at.show("12/KH-UBND")["paths"]) == 2


NAMES = [
    unicodedata.normalize("NFC", "Kế hoạch số 1.txt"),
    unicodedata.normalize("NFD", "Kế hoạch số 1.txt"),
    "\"trích\" 'dẫn' (bản cuối).txt",
    "  khoảng trắng  .txt",
    "📄 văn bản.txt",
]


def test_file_names_in_any_unicode(tmp_path, corpus_at):
    root = tmp_path / "names"
    for i, name in enumerate(NAMES):
        write(root / name, plan_text(f"{i + 1}/KH-UBND", 2022, "Hà Giang"))
    raw_name = os.fsdecode(b"kh-\xff\xfe-latin1.txt")
    write(root / raw_name, plan_text("9/KH-UBND", 2022, "Hà Giang"))
    report = corpus_at.ingest([root])
    assert (report.stored, report.failed) == (6, 0)
    stored = {Path(p).name for p in _all_paths(corpus_at)}
    assert stored == set(NAMES) | {"kh-\\xff\\xfe-latin1.txt"}
    assert corpus_at.ingest([root]).unchanged == 6
    assert corpus_at.show(str(root / NAMES[1]))["number"]["raw"] == "2/KH-UBND"


def _all_paths(corpus):
    return [row[0] for row in corpus.store.conn.execute("SELECT path FROM paths")]


class DeletesFolder(Progress):
    """Removes a folder once the first file has been stored: a folder vanishing mid-run."""

    def __init__(self, victim: Path):
        super().__init__()
        self.victim = victim

    def advance(self, files=1, pages=0):
        if self.victim.exists():
            shutil.rmtree(self.victim)


def test_a_folder_vanishing_mid_run(folder, corpus_at):
    report = corpus_at.ingest([folder], progress=DeletesFolder(folder / "lam-dong"))
    # walk order: ben-tre/kh-7 (stored, then lam-dong is removed), lam-dong, web/*
    assert [(Path(p).relative_to(folder).as_posix(), c) for p, c in report.failures][:1] == [
        ("lam-dong", "folder vanished during the run")]
    assert (report.stored, report.failed) == (2, 3)
    assert numbers(corpus_at.search("", Filters())) == ["7/KH-UBND", "99/KH-UBND"]


def test_missing_input_is_reported_and_the_rest_ingested(folder, corpus_at, tmp_path):
    report = corpus_at.ingest([tmp_path / "nowhere", folder / "ben-tre"])
    assert report.stored == 1
    assert report.failures == [(str(tmp_path / "nowhere"), "no such file or folder")]


def test_index_held_by_another_ingest(folder, corpus_at):
    with IngestLock(corpus_at.path, wait=0):
        with pytest.raises(CorpusProblem, match=r"another ingest \(process \d+\) is writing to "
                                                r"this index; waited 0.3 s"):
            corpus_at.ingest([folder], wait=0.3)
    assert corpus_at.ingest([folder]).stored == 4  # lock released: the next run goes ahead


def test_two_processes_store_what_one_does(folder, tmp_path):
    def rows(db, jobs):
        with Corpus.for_ingest(db) as corpus:
            report = corpus.ingest([folder], jobs=jobs)
            data = corpus.store.conn.execute(
                "SELECT sha256, number_raw, issuer, subject, packed FROM documents "
                "JOIN contents ON contents.doc_id = documents.id ORDER BY sha256").fetchall()
            return report, [tuple(r) for r in data]
    serial, one = rows(tmp_path / "one.db", 1)
    parallel, two = rows(tmp_path / "two.db", 2)
    assert (parallel.stored, parallel.failed) == (serial.stored, serial.failed) == (4, 2)
    assert two == one


@needs_dev
def test_dev_texts_are_found_by_their_subject_words(tmp_path):
    texts = sorted((DEV / "vbpl").glob("*.txt"))[:12]
    folder = tmp_path / "vbpl"
    folder.mkdir()
    for text in texts:  # links, not copies: the test reads the dev corpus in place
        (folder / text.name).symlink_to(text)
    with Corpus.for_ingest(tmp_path / "c.db") as corpus:
        report = corpus.ingest([folder])
        assert (report.stored + report.known, report.failed) == (12, 0)
        import json
        for text in texts[:4]:
            subject = json.loads(text.with_suffix(".gold.json").read_text())["subject"]
            if not subject:
                continue
            words = " ".join(subject.split()[:6])
            hits = corpus.search(f'"{words}"', limit=50)
            assert str(folder / text.name) in {p for h in hits for p in
                                               corpus.show(str(h.id))["paths"]}


def test_citations_and_targets_come_through_extraction(folder, corpus_at):
    corpus_at.ingest([folder])
    citing = corpus_at.search("", Filters(cites="749/QD-TTg"))
    assert numbers(citing) == ["12/KH-UBND", "30/KH-UBND", "7/KH-UBND", "99/KH-UBND"]
    targets = corpus_at.targets("dien thoai thong minh")
    assert sorted((t.number, t.value, t.unit, t.deadline) for t in targets) == [
        ("12/KH-UBND", 85, "%", "2022-12-31"), ("30/KH-UBND", 85, "%", "2023-12-31"),
        ("7/KH-UBND", 85, "%", "2021-12-31"), ("99/KH-UBND", 85, "%", "2024-12-31")]
    graph = corpus_at.graph("749/QĐ-TTg")
    assert (graph.documents, len(graph.cited_by)) == ([], 4)


def test_demo_indexes_and_prints_a_search_and_a_citation_query(folder, tmp_path):
    from corpus.demo import index_and_query

    lines: list[str] = []
    index_and_query([folder, tmp_path / "absent"], tmp_path / "demo.db", lines.append)
    assert lines[0] == f"$ docgen corpus ingest {folder} --db {tmp_path / 'demo.db'}"
    assert lines[1].startswith("  4 stored (4 pages), 0 known under another name")
    assert lines[2] == f'$ docgen corpus search "chuyen doi so" --db {tmp_path / "demo.db"} --limit 5'
    assert len([line for line in lines if line.startswith("  #")]) == 8
    assert f"$ docgen corpus graph 749/QĐ-TTg --db {tmp_path / 'demo.db'}" in lines
    assert "  0 stored document(s) numbered 749/QĐ-TTg; cited by 4:" in lines


def test_an_extraction_that_raises_is_a_failure_of_that_file_only(folder, corpus_at,
                                                                   monkeypatch):
    from corpus import workers

    def flaky(path, sha256, stored_path, ocr="auto"):
        if path.endswith("kh-30.txt"):
            raise RuntimeError("reader bug")
        return workers.extract_file(path, sha256, stored_path, ocr)
    monkeypatch.setattr("corpus.ingest.extract_file", flaky)
    report = corpus_at.ingest([folder])
    assert (report.stored, report.failed) == (3, 3)
    assert (str(folder / "lam-dong" / "kh-30.txt"),
            "extraction did not complete (RuntimeError: reader bug)") in report.failures


def test_parquet_shards_on_local_processes(folder, tmp_path):
    import pyarrow.dataset as ds

    from corpus import ingest_shards

    options = IngestOptions(parquet=str(tmp_path / "shards"))
    report = ingest_shards([folder], options)
    assert (report.stored, report.failed) == (4, 2)
    records = ds.dataset(tmp_path / "shards" / "records").to_table().to_pylist()
    assert sorted(r["number"] for r in records) == ["12/KH-UBND", "30/KH-UBND", "7/KH-UBND",
                                                    "99/KH-UBND"]
    targets = ds.dataset(tmp_path / "shards" / "targets").to_table().to_pylist()
    assert sorted(t["document_number"] for t in targets) == sorted(r["number"] for r in records)
    again = ingest_shards([folder], options)
    assert (again.stored, again.unchanged, again.skipped) == (0, 4, 2)


def test_progress_bar_shows_files_pages_and_failures(capsys):
    from corpus import TerminalProgress

    failures = []
    bar = TerminalProgress(on_failure=lambda path, cause: failures.append((path, cause)))
    bar.start(3)
    bar.advance(1, pages=4)
    bar.failure("/docs/bad.pdf", "corrupt PDF")
    bar.advance(1)
    bar.close()
    err = capsys.readouterr().err
    assert "2/3" in err and "pages=4 failed=1" in err
    assert failures == [("/docs/bad.pdf", "corrupt PDF")]
