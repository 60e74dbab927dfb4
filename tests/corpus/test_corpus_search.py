"""Search: ranking, accent modes, filters, targets and stats on records stored directly."""
import pytest

from tests.corpus.conftest import DEV, gold_record, make_record, needs_dev
from corpus import Corpus, Filters, parse_years
from corpus.search import match_expression, snippet
from corpus.store import FileRef
from docgen.errors import InvalidData

RECORDS = [
    make_record("12/KH-UBND", "Chuyển đổi số trong cơ quan nhà nước", issued_on="2022-03-01",
                issuer="Ủy ban nhân dân tỉnh Lâm Đồng", signer="Nguyễn Văn An",
                references=[{"number": "749/QĐ-TTg", "issued_on": "2020-06-03"}],
                targets=[{"indicator": "người dân có điện thoại thông minh", "value": 80,
                          "unit": "%", "comparator": "=", "deadline": "2022-12-31",
                          "scope": "Y tế"}]),
    make_record("45/KH-UBND", "Phát triển du lịch", issued_on="2021-05-10",
                issuer="Ủy ban nhân dân tỉnh Đắk Lắk", signer="Trần Thị Bình",
                text="Kế hoạch phát triển du lịch, có mục chuyển đổi số ở cuối văn bản."),
    make_record("7/QĐ-UBND", "Thành lập Ban chỉ đạo chuyển đổi số", code="QĐ",
                name="Quyết định", issued_on="2023-01-02", issuer="Ủy ban nhân dân tỉnh Lâm Đồng",
                references=[{"number": "749/QD-TTg"}]),
    make_record("88/BC-STTTT", "Kết quả công tác quý I", code="BC", name="Báo cáo",
                issued_on="2024-04-01", issuer="Sở Thông tin và Truyền thông",
                text="Báo cáo kết quả. Trụ sở đặt tại số 5 đường Lê Lợi."),
    make_record("3/TB-UBND", "Lịch tiếp công dân", code="TB", name="Thông báo",
                issued_on="2020-01-01", text="Thông báo lịch tiếp công dân và khách du lịch."),
] + [make_record(f"{n}/CV-VP", f"Văn bản số {n}", code=None, name="Công văn",
                 issued_on="2019-01-01", text=f"Nội dung công văn thường lệ {n}.")
     for n in range(100, 110)]  # ordinary documents: words in few records weigh more


@pytest.fixture(scope="module")
def corpus_module(tmp_path_factory):
    corpus = Corpus.for_ingest(tmp_path_factory.mktemp("search") / "corpus.db")
    for i, record in enumerate(RECORDS):
        corpus.store.put(record, [FileRef(f"/docs/{i}.txt")])
    yield corpus
    corpus.close()


def numbers(hits):
    return [h.number for h in hits]


@pytest.mark.parametrize("query, filters, expected", [
    ("chuyen doi so", Filters(), ["12/KH-UBND", "7/QĐ-UBND", "45/KH-UBND"]),
    ("chuyển đổi số", Filters(), ["12/KH-UBND", "7/QĐ-UBND", "45/KH-UBND"]),
    ('"ban chi dao"', Filters(), ["7/QĐ-UBND"]),
    ("du lich OR ban chi dao", Filters(), ["45/KH-UBND", "7/QĐ-UBND", "3/TB-UBND"]),
    ("lich*", Filters(), ["45/KH-UBND", "3/TB-UBND"]),
    ("chuyen doi so", Filters(doc_type="QĐ"), ["7/QĐ-UBND"]),
    ("chuyen doi so", Filters(doc_type="qd"), ["7/QĐ-UBND"]),
    ("chuyen doi so", Filters(doc_type="Kế hoạch"), ["12/KH-UBND", "45/KH-UBND"]),
    ("chuyen doi so", Filters(issuer="lam dong"), ["12/KH-UBND", "7/QĐ-UBND"]),
    ("chuyen doi so", Filters(issuer="Đắk Lắk"), ["45/KH-UBND"]),
    ("chuyen doi so", Filters(signer="van an"), ["12/KH-UBND"]),
    ("chuyen doi so", Filters(years=(2022, 2022)), ["12/KH-UBND"]),
    ("chuyen doi so", Filters(years=(2021, 2022)), ["12/KH-UBND", "45/KH-UBND"]),
    ("chuyen doi so", Filters(cites="749/QĐ-TTg"), ["12/KH-UBND", "7/QĐ-UBND"]),
    ("chuyen doi so", Filters(cites="749/QĐ-TTg", years=(2022, 2022)), ["12/KH-UBND"]),
    ("", Filters(issuer="lam dong"), ["7/QĐ-UBND", "12/KH-UBND"]),  # newest first
    ("", Filters(doc_type="ke hoach", years=(2019, 2031)), ["12/KH-UBND", "45/KH-UBND"]),
    ("", Filters(years=(2020, 2021)), ["45/KH-UBND", "3/TB-UBND"]),
    ("chuyen doi so", Filters(issuer="--"), []),
    ("", Filters(issuer="truyền thông, thông tin"), ["88/BC-STTTT"]),  # words, in any order
    ("", Filters(cites="1/XYZ"), []),
    ("85%", Filters(), []),
])
def test_search(corpus_module, query, filters, expected):
    found = numbers(corpus_module.search(query, filters))
    assert (found if not query else sorted(found)) == (expected if not query else sorted(expected))


@pytest.mark.parametrize("filters", [Filters(issuer="lam dong"), Filters(doc_type="Công văn"),
                                     Filters(issuer="truyen-thong (thong tin)"),
                                     Filters(years=(2019, 2022), signer="nguyen"),
                                     Filters(years=(2019, 2024)),  # walked year by year
                                     Filters(doc_type="KH", years=(2021, 2023))])
def test_many_matches_list_the_same_through_the_date_index(corpus_module, filters):
    assert numbers(corpus_module.search("", filters, window=1)) == \
        numbers(corpus_module.search("", filters))


def test_a_word_in_the_subject_ranks_above_a_word_in_the_text(corpus_module):
    assert numbers(corpus_module.search("du lich")) == ["45/KH-UBND", "3/TB-UBND"]
    assert numbers(corpus_module.search("chuyen doi so"))[-1] == "45/KH-UBND"


def test_ranking_window(corpus_module):
    full = corpus_module.search("chuyen doi so")
    assert full.complete is True
    newest = corpus_module.search("chuyen doi so", window=2)  # ids 3 and 2 are the newest
    assert newest.complete is False
    assert sorted(numbers(newest)) == ["45/KH-UBND", "7/QĐ-UBND"]
    assert numbers(corpus_module.search("chuyen doi so", window=0)) == numbers(full)


@pytest.mark.parametrize("query, accents, expected", [
    ('"trụ số"', "auto", []),                  # marks typed: "số" is not "sở"
    ('"trụ sở"', "auto", ["88/BC-STTTT"]),
    ('"tru so"', "auto", ["88/BC-STTTT"]),
    ('"tru so"', "exact", []),
    ('"trụ số"', "ignore", ["88/BC-STTTT"]),
])
def test_accent_modes(corpus_module, query, accents, expected):
    assert numbers(corpus_module.search(query, Filters(doc_type="BC"), accents=accents)) == expected


def test_limit_and_scores_in_rank_order(corpus_module):
    hits = corpus_module.search("chuyen doi so", limit=2)
    assert len(hits) == 2 and hits[0].score >= hits[1].score
    assert [h.path for h in hits] == [f"/docs/{h.id - 1}.txt" for h in hits]


def test_match_expression_quotes_user_text():
    assert match_expression('749/QĐ-TTg "a b" x*', ("subject", "text")) == \
        '{subject text} : ("749/QĐ-TTg" AND "a b" AND "x" *)'
    assert match_expression('NEAR( ) "', ("subject",)) == '{subject_folded} : ("NEAR(")'
    assert match_expression("  ", ("subject",)) is None


def test_snippet_starts_near_the_first_match():
    text = "Phần mở đầu dài. " * 20 + "Mục tiêu chuyển đổi số đến năm 2025."
    piece = snippet(text, ["chuyen doi so"])
    assert piece.startswith("…") and "chuyển đổi số" in piece


@pytest.mark.parametrize("text, years", [
    ("2022", (2022, 2022)), ("2021-2025", (2021, 2025)), ("2025 - 2021", (2021, 2025)),
])
def test_parse_years(text, years):
    assert parse_years(text) == years


@pytest.mark.parametrize("text", ["22", "2021-", "năm 2022", ""])
def test_parse_years_refuses(text):
    with pytest.raises(InvalidData, match="not a year or a range"):
        parse_years(text)


def test_targets_across_documents(corpus_module):
    hits = corpus_module.targets("dien thoai thong minh")
    assert [(h.number, h.indicator, h.value, h.unit, h.deadline, h.scope) for h in hits] == [
        ("12/KH-UBND", "người dân có điện thoại thông minh", 80.0, "%", "2022-12-31", "Y tế")]
    assert [h.number for h in corpus_module.targets("y te")] == ["12/KH-UBND"]
    assert corpus_module.targets("du lich") == []


def test_stats(corpus_module):
    figures = corpus_module.stats()
    assert {k: figures[k] for k in ("documents", "paths", "references", "targets",
                                    "references_resolved")} == {
        "documents": 15, "paths": 15, "references": 2, "targets": 1, "references_resolved": 0}
    assert figures["by_type"] == {"Công văn": 10, "KH": 2, "BC": 1, "QĐ": 1, "TB": 1}
    assert figures["by_year"] == {2019: 10, 2020: 1, 2021: 1, 2022: 1, 2023: 1, 2024: 1}


@needs_dev
def test_targets_of_a_real_plan():
    """Gold record of Kế hoạch 2242/KH-UBND (29 targets), stored as is."""
    import tempfile
    from pathlib import Path

    record = gold_record(next((DEV / "seeds").glob("004_*.txt")))
    with tempfile.TemporaryDirectory() as folder, Corpus.for_ingest(Path(folder) / "c.db") as c:
        c.store.put(record, [FileRef("/plans/hcm.txt")])
        hits = c.targets("điện thoại thông minh")
        assert [(h.number, h.value, h.unit, h.deadline) for h in hits] == [
            ("2242/KH-UBND", 85.0, "%", "2022-12-31")]
        assert c.stats()["targets"] == 29
        assert numbers(c.search("chinh quyen so", Filters(cites="749/QD-TTg",
                                                           years=(2022, 2022)))) == ["2242/KH-UBND"]


def test_snippet_prefers_the_whole_query_to_a_short_word():
    text = "Số: 12/KH-UBND. " + "Lời mở đầu. " * 10 + "Chương trình chuyển đổi số quốc gia."
    assert "chuyển đổi số quốc gia" in snippet(text, ["chuyen", "doi", "so"])
    assert snippet(text, ["zzz"]).startswith("Số: 12/KH-UBND")


def test_a_query_with_marks_is_segmented_into_words():
    from corpus.search import match_expression, segment_words

    assert segment_words("chuyển đổi số") == '"chuyển đổi" số'
    assert segment_words('"dịch vụ công" OR điện thoại thông minh') == \
        '"dịch vụ công" OR "điện thoại" "thông minh"'
    assert match_expression("chuyển đổi số", ("subject", "text")) == \
        '{subject text} : ("chuyển đổi" AND "số")'
    # without marks the segmenter has nothing to go on: syllables stay separate words
    assert match_expression("chuyen doi so", ("subject", "text")) == \
        '{subject_folded text_folded} : ("chuyen" AND "doi" AND "so")'
