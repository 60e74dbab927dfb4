"""``docgen corpus …`` through click's CliRunner, with the exact output a researcher sees."""
import json

import pytest

from tests.corpus.conftest import make_record, plan_text, write
from corpus import Corpus
from corpus.lock import IngestLock
from corpus.store import FileRef

PLAN = make_record("12/KH-UBND", "Chuyển đổi số trong cơ quan nhà nước", issued_on="2022-03-01",
                   issuer="Ủy ban nhân dân tỉnh Lâm Đồng", signer="Nguyễn Văn An",
                   text="KẾ HOẠCH\nChuyển đổi số trong cơ quan nhà nước",
                   references=[{"number": "749/QĐ-TTg", "doc_type": "Quyết định",
                                "issued_on": "2020-06-03"}],
                   targets=[{"indicator": "người dân có điện thoại thông minh", "value": 80,
                             "unit": "%", "comparator": ">=", "deadline": "2022-12-31",
                             "scope": "Y tế"}])
PROGRAMME = make_record("749/QĐ-TTg", "Phê duyệt Chương trình Chuyển đổi số quốc gia",
                        code="QĐ", name="Quyết định", issued_on="2020-06-03",
                        issuer="Thủ tướng Chính phủ", text="QUYẾT ĐỊNH\nChuyển đổi số quốc gia")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "corpus.db"
    with Corpus.for_ingest(path) as corpus:
        corpus.store.put(PLAN, [FileRef("/plans/kh-12.txt")])
        corpus.store.put(PROGRAMME, [FileRef("/laws/qd-749.txt")])
    return path


def test_search_table(cli, db):
    result = cli("corpus", "search", "chuyen doi so", "--db", db, "--year", "2022")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "id      code   number              issued_on   issuer                          subject",
        "1       KH     12/KH-UBND          2022-03-01  Ủy ban nhân dân tỉnh Lâm Đồng   "
        "Chuyển đổi số trong cơ quan nhà nước",
        "        KẾ HOẠCH Chuyển đổi số trong cơ quan nhà nước",
    ]


def test_search_jsonl_and_csv(cli, db):
    lines = cli("corpus", "search", "chuyển đổi số", "--db", db, "--format", "jsonl").stdout
    hits = [json.loads(line) for line in lines.splitlines()]
    assert [(h["id"], h["number"], h["path"]) for h in hits] == [
        (2, "749/QĐ-TTg", "/laws/qd-749.txt"), (1, "12/KH-UBND", "/plans/kh-12.txt")]
    rows = cli("corpus", "search", "x", "--db", db, "--format", "csv").stdout.splitlines()
    assert rows == ["id,code,number,issued_on,issuer,subject"]
    rows = cli("corpus", "search", "", "--cites", "749/QD-TTg", "--db", db,
               "--format", "csv").stdout.splitlines()
    assert rows[0].startswith("id,score,doc_type,code,number,") and len(rows) == 2


def test_show(cli, db):
    record = json.loads(cli("corpus", "show", "12/KH-UBND", "--db", db).stdout)
    assert (record["id"], record["paths"], record["signer"]["name"]) == (
        1, ["/plans/kh-12.txt"], "Nguyễn Văn An")


def test_targets(cli, db):
    result = cli("corpus", "targets", "dien thoai", "--db", db)
    assert result.stdout.splitlines() == [
        "document          issuer                      indicator                                 "
        "comparator  value     unit      deadline    scope",
        "12/KH-UBND        Ủy ban nhân dân tỉnh Lâm…   người dân có điện thoại thông minh        "
        ">=          80        %         2022-12-31  Y tế",
    ]


def test_graph(cli, db):
    result = cli("corpus", "graph", "749/QD-TTG", "--db", db)
    assert result.stdout.splitlines() == [
        "749/QD-TTG: 1 stored document(s)",
        "  #2 749/QĐ-TTg · Quyết định · 2020-06-03 · Thủ tướng Chính phủ · "
        "Phê duyệt Chương trình Chuyển đổi số quốc gia",
        "  cites (0):",
        "cited by (1):",
        "  #1 12/KH-UBND · Kế hoạch · 2022-03-01 · Ủy ban nhân dân tỉnh Lâm Đồng · "
        "Chuyển đổi số trong cơ quan nhà nước",
    ]
    data = json.loads(cli("corpus", "graph", "12/KH-UBND", "--db", db, "--format", "json").stdout)
    assert data["cites"]["1"][0]["resolved"][0]["id"] == 2


def test_stats(cli, db):
    lines = cli("corpus", "stats", "--db", db).stdout.splitlines()
    assert lines[1:5] == ["documents            2", "paths                2",
                          "pages                2", "failures             0"]
    assert json.loads(cli("corpus", "stats", "--db", db, "--format", "json").stdout)[
        "references_resolved"] == 1


def test_export_folder_and_stdout(cli, db, tmp_path):
    result = cli("corpus", "export", "--db", db, "--format", "csv", "-o", tmp_path / "out")
    assert result.stderr == f"docgen: {tmp_path / 'out'}: 2 records, 1 targets, 1 references\n"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "records.csv", "references.csv", "targets.csv"]
    lines = cli("corpus", "export", "--db", db, "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["number"] for line in lines] == ["12/KH-UBND", "749/QĐ-TTg"]


def test_ingest_reports_each_failure_on_one_line(cli, tmp_path):
    write(tmp_path / "docs" / "kh.txt", plan_text())
    (tmp_path / "docs" / "bad.pdf").write_bytes(b"%PDF-1.4 nothing")
    db = tmp_path / "c.db"
    result = cli("corpus", "ingest", tmp_path / "docs", "--db", db)
    assert result.exit_code == 1 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"docgen: {tmp_path / 'docs' / 'bad.pdf'}: ")
    assert lines[1].startswith(f"docgen: {db}: 1 stored (1 pages), 0 known under another "
                               "name, 0 unchanged, 0 failed before (not retried), 1 failed, in ")
    failures = cli("corpus", "failures", "--db", db, "--format", "jsonl").stdout.splitlines()
    assert json.loads(failures[0])["path"] == str(tmp_path / "docs" / "bad.pdf")
    again = cli("corpus", "ingest", tmp_path / "docs", "--db", db)
    assert again.exit_code == 0
    assert "0 stored (0 pages), 0 known under another name, 1 unchanged, 1 failed before" \
        in again.stderr


@pytest.mark.parametrize("args, message", [
    (["search", "x", "--db", "{tmp}/none.db"], "docgen: {tmp}/none.db: no corpus index here; "
                                               "run docgen corpus ingest first"),
    (["search", "x", "--db", "{tmp}/junk.db"], "docgen: {tmp}/junk.db: not an SQLite database "
                                               "(corrupt or another kind of file); left untouched"),
    (["ingest", "{tmp}", "--db", "{tmp}/junk.db"], "docgen: {tmp}/junk.db: not an SQLite "
                                                   "database (corrupt or another kind of file); "
                                                   "left untouched"),
    (["search", "x", "--db", "{db}", "--year", "22"], "docgen: --year: '22' is not a year or a "
                                                      "range such as 2021-2025"),
    (["show", "77", "--db", "{db}"], "docgen: 77: no record with this id, sha256, path or number"),
    (["export", "--format", "parquet", "--db", "{db}"], "docgen: -o: give an output path (-o) "
                                                        "for Parquet or for all tables"),
])
def test_errors_are_one_line_and_exit_1(cli, db, tmp_path, args, message):
    (tmp_path / "junk.db").write_bytes(b"junk" * 100)
    result = cli("corpus", *[a.format(tmp=tmp_path, db=db) for a in args])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == message.format(tmp=tmp_path) + "\n"
    assert (tmp_path / "junk.db").read_bytes() == b"junk" * 100


def test_ingest_waits_for_another_then_says_so(cli, tmp_path):
    db = tmp_path / "c.db"
    write(tmp_path / "docs" / "kh.txt", plan_text())
    with IngestLock(db, wait=0):
        result = cli("corpus", "ingest", tmp_path / "docs", "--db", db, "--wait", "0.2")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"docgen: {db}: another ingest (process ")
    assert result.stderr.endswith("is writing to this index; waited 0.2 s — run again when it "
                                  "has finished, or give --wait SECONDS\n")


def test_search_says_when_ranking_used_a_window(cli, db):
    result = cli("corpus", "search", "chuyen doi so", "--db", db, "--window", "1")
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 3
    assert result.stderr == (f"docgen: {db}: more than 1 documents match; ranked the 1 most "
                             "recently stored (narrow the query, or give --window 0)\n")
