"""Export: the same three tables in JSONL, CSV and Parquet, written whole or not at all."""
import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from tests.corpus.conftest import make_record
from corpus import Corpus, tables
from corpus.export import columns_for
from corpus.store import FileRef
from docgen.errors import InvalidData

PLAN = make_record("12/KH-UBND", "Chuyển đổi số", issuer="Ủy ban nhân dân tỉnh Lâm Đồng",
                   text="KẾ HOẠCH chuyển đổi số",
                   references=[{"number": "749/QĐ-TTg", "doc_type": "Quyết định",
                                "span": {"page": 1, "start": 3, "end": 13}}],
                   targets=[{"indicator": "hồ sơ trực tuyến", "value": 50, "unit": "%",
                             "comparator": ">=", "deadline": "2025-12-31", "scope": None},
                            {"indicator": "cán bộ được tập huấn", "value": 1200, "unit": "người",
                             "comparator": "=", "deadline": None, "scope": "Nội vụ"}])
PROGRAMME = make_record("749/QĐ-TTg", "Chương trình Chuyển đổi số quốc gia", code="QĐ",
                        name="Quyết định", issued_on="2020-06-03")


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    corpus = Corpus.for_ingest(tmp_path_factory.mktemp("export") / "corpus.db")
    plan_id = corpus.store.put(PLAN, [FileRef("/a/kh.txt"), FileRef("/b/kh.txt")])
    programme_id = corpus.store.put(PROGRAMME, [FileRef("/qd.txt")])
    yield corpus, plan_id, programme_id
    corpus.close()


def test_all_tables_as_parquet(stored, tmp_path):
    corpus, plan_id, programme_id = stored
    counts = corpus.export("parquet", tmp_path / "out")
    assert counts == {"records": 2, "targets": 2, "references": 1}
    records = pq.read_table(tmp_path / "out" / "records.parquet")
    assert records.schema.names == [n for n, _ in columns_for("records")]
    first = records.to_pylist()[0]
    assert (first["doc_id"], first["number"], first["paths"], first["number_key"],
            first["reference_count"], first["target_count"]) == (
        plan_id, "12/KH-UBND", ["/a/kh.txt", "/b/kh.txt"], "12/KH-UBND", 1, 2)
    assert json.loads(first["record"])["subject"] == "Chuyển đổi số"
    refs = pq.read_table(tmp_path / "out" / "references.parquet").to_pylist()
    assert [(r["number"], r["resolved_ids"], r["page"], r["start"]) for r in refs] == [
        ("749/QĐ-TTg", [programme_id], 1, 3)]
    targets = pq.read_table(tmp_path / "out" / "targets.parquet").to_pylist()
    assert [(t["indicator"], t["value"], t["unit"], t["comparator"], t["scope"])
            for t in targets] == [("hồ sơ trực tuyến", 50.0, "%", ">=", None),
                                  ("cán bộ được tập huấn", 1200.0, "người", "=", "Nội vụ")]


def test_records_as_jsonl_on_stdout(stored):
    corpus, plan_id, _ = stored
    out = io.StringIO()
    assert corpus.export("jsonl", stream=out, table="records") == {"records": 2}
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["number"] for line in lines] == ["12/KH-UBND", "749/QĐ-TTg"]
    assert lines[0]["record"]["references"][0]["number"] == "749/QĐ-TTg"  # nested, not text
    assert "text" not in lines[0]


def test_targets_as_csv_with_text_records(stored, tmp_path):
    corpus, _, _ = stored
    corpus.export("csv", tmp_path / "t.csv", table="targets")
    rows = list(csv.DictReader(open(tmp_path / "t.csv", encoding="utf-8")))
    assert list(rows[0]) == [n for n, _ in tables.TARGETS]
    assert [(r["document_number"], r["value"], r["deadline"]) for r in rows] == [
        ("12/KH-UBND", "50.0", "2025-12-31"), ("12/KH-UBND", "1200.0", "")]
    corpus.export("csv", tmp_path / "r.csv", table="records", with_text=True)
    rows = list(csv.DictReader(open(tmp_path / "r.csv", encoding="utf-8")))
    assert rows[0]["text"] == "KẾ HOẠCH chuyển đổi số"
    assert json.loads(rows[0]["paths"]) == ["/a/kh.txt", "/b/kh.txt"]


@pytest.mark.parametrize("fmt, out, table, problem", [
    ("parquet", None, "records", "give an output path"),
    ("jsonl", None, "all", "give an output path"),
    ("xml", "x", "all", "is not one of"),
    ("csv", "x", "people", "is not records"),
])
def test_bad_export_requests(stored, tmp_path, fmt, out, table, problem):
    corpus, _, _ = stored
    with pytest.raises(InvalidData, match=problem):
        corpus.export(fmt, tmp_path / out if out else None, table)


def test_failed_export_leaves_no_partial_file(stored, tmp_path, monkeypatch):
    corpus, _, _ = stored
    target = tmp_path / "records.jsonl"
    target.write_text("previous export\n")

    def broken(*args, **kwargs):
        yield {"number": "1"}
        raise RuntimeError("disk went away")
    monkeypatch.setattr("corpus.export.rows_of", broken)
    with pytest.raises(RuntimeError):
        corpus.export("jsonl", target, table="records")
    assert target.read_text() == "previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["records.jsonl"]


@pytest.mark.parametrize("table", sorted(tables.TABLES))
def test_readme_documents_every_exported_column(table):
    from tests.corpus.conftest import ROOT

    readme = (ROOT / "corpus" / "README.md").read_text(encoding="utf-8")
    section = readme.split(f"\n{table} — ", 1)[1].split("\n\n", 2)[1]
    documented = {name.strip() for row in section.splitlines()[2:]
                  for name in row.split("|")[1].split(",")}
    assert documented == {name for name, _ in tables.TABLES[table]}
