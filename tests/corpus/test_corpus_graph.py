"""Citations: numbers resolved to stored records, narrowed by year and issuer."""
import pytest

from tests.corpus.conftest import DEV, gold_record, make_record, needs_dev
from corpus import Corpus
from corpus.store import FileRef

QD_2021 = make_record("123/QĐ-UBND", "Quy chế 2021", code="QĐ", name="Quyết định",
                      issued_on="2021-02-01", issuer="Ủy ban nhân dân tỉnh Bến Tre")
QD_2022 = make_record("123/QĐ-UBND", "Quy chế 2022", code="QĐ", name="Quyết định",
                      issued_on="2022-02-01", issuer="Ủy ban nhân dân tỉnh Bến Tre")
QD_OTHER = make_record("123/QD-UBND", "Quy chế tỉnh khác", code="QĐ", name="Quyết định",
                       issued_on="2022-09-09", issuer="Ủy ban nhân dân tỉnh Cà Mau")
PLAN = make_record("5/KH-UBND", "Kế hoạch", issued_on="2022-05-05",
                   issuer="Ủy ban nhân dân tỉnh Bến Tre",
                   references=[{"number": "123/QĐ-UBND", "issued_on": "2022-02-01",
                                "issuer": "Ủy ban nhân dân tỉnh Bến Tre"},
                               {"number": "749/QĐ-TTg", "doc_type": "Quyết định"}])
REPORT = make_record("9/BC-UBND", "Báo cáo", code="BC", name="Báo cáo", issued_on="2023-01-01",
                     references=[{"number": "5/KH-UBND"}, {"number": "123/QD-UBND"}])


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    corpus = Corpus.for_ingest(tmp_path_factory.mktemp("graph") / "corpus.db")
    ids = {}
    for name, record in [("qd2021", QD_2021), ("qd2022", QD_2022), ("other", QD_OTHER),
                         ("plan", PLAN), ("report", REPORT)]:
        ids[name] = corpus.store.put(record, [FileRef(f"/{name}.txt")])
    yield corpus, ids
    corpus.close()


def test_what_a_plan_cites_resolves_by_number_year_and_issuer(stored):
    corpus, ids = stored
    result = corpus.graph("5/kh-ubnd")
    assert [d.id for d in result.documents] == [ids["plan"]]
    cites = result.cites[ids["plan"]]
    assert [(c.number, [d.id for d in c.resolved]) for c in cites] == [
        ("123/QĐ-UBND", [ids["qd2022"]]), ("749/QĐ-TTg", [])]
    assert [c.document.id for c in result.cited_by] == [ids["report"]]


def test_a_number_without_year_or_issuer_stays_ambiguous(stored):
    corpus, ids = stored
    mention = corpus.graph("9/BC-UBND").cites[ids["report"]][1]
    assert [d.id for d in mention.resolved] == [ids["qd2021"], ids["qd2022"], ids["other"]]


def test_cited_by_spans_every_spelling_of_a_number(stored):
    corpus, ids = stored
    result = corpus.graph("123/QD-UBND")
    assert [d.id for d in result.documents] == [ids["qd2021"], ids["qd2022"], ids["other"]]
    assert [c.document.id for c in result.cited_by] == [ids["plan"], ids["report"]]


def test_unknown_number(stored):
    corpus, _ = stored
    result = corpus.graph("1/XYZ")
    assert (result.key, result.documents, result.cited_by) == ("1/XYZ", [], [])


@needs_dev
def test_real_plan_cites_the_national_programme(tmp_path):
    record = gold_record(next((DEV / "seeds").glob("004_*.txt")))
    programme = make_record("749/QĐ-TTg", "Phê duyệt Chương trình Chuyển đổi số quốc gia",
                            code="QĐ", name="Quyết định", issued_on="2020-06-03")
    with Corpus.for_ingest(tmp_path / "c.db") as corpus:
        plan_id = corpus.store.put(record, [FileRef("/hcm.txt")])
        programme_id = corpus.store.put(programme, [FileRef("/749.txt")])
        result = corpus.graph("749/QD-TTg")
        assert [d.id for d in result.documents] == [programme_id]
        assert [c.document.number for c in result.cited_by] == ["2242/KH-UBND"]
        cites = corpus.graph("2242/KH-UBND").cites[plan_id]
        assert [c.number for c in cites] == ["749/QĐ-TTg", "942/QĐ-TTg", "02/CT-TTg",
                                             "2393/QĐ-UBND", "593/KH-UBND", None]
        assert [d.id for d in cites[0].resolved] == [programme_id]
