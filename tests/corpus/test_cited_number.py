"""A scan whose handwritten number was left unread takes it from a stored document that
cites it by the same ký hiệu, type, date, issuer and subject — never from a near miss."""
from __future__ import annotations

import pytest

from corpus.cited_number import fill_from_citations
from corpus.store import FileRef, Store
from tests.corpus.conftest import make_record

SUBJECT = "tình hình, kết quả thực hiện công tác cải cách thủ tục hành chính tháng 01/2025"
ISSUER = "Ủy ban nhân dân tỉnh Quảng Ngãi"


def citation(number="23/BC-UBND", issued_on="2025-01-23", title=SUBJECT, issuer=ISSUER):
    return {"doc_type": "Báo cáo", "number": number, "issued_on": issued_on, "issuer": issuer,
            "title": title, "span": None}


def scan(issued_on="2025-01-23"):
    record = make_record(number="/BC-UBND", name="Báo cáo", code="BC", subject=SUBJECT,
                         issued_on=issued_on, issuer=ISSUER)
    record["number"] = {"raw": "/BC-UBND", "number": None, "symbol": "BC-UBND",
                        "handwritten": True, "confidence": 0.24}
    return record


def stored(tmp_path, *citations):
    store = Store.open(tmp_path / "corpus.db")
    citing = make_record(number="150/SNV-CCHC", name="Công văn", code=None, subject="về việc khác",
                         references=citations)
    store.put(citing, [FileRef("/docs/cv150.pdf", 1, 1)])
    return store


def test_the_number_comes_from_the_citation(tmp_path):
    store = stored(tmp_path, citation())
    record = fill_from_citations(store, scan())
    assert record["number"] == {"raw": "23/BC-UBND", "number": 23, "symbol": "BC-UBND",
                                "handwritten": True, "confidence": 0.9}
    assert record["warnings"][-1] == "the number 23 is taken from its citation in 150/SNV-CCHC"


def test_an_unread_day_comes_with_it(tmp_path):
    record = fill_from_citations(stored(tmp_path, citation()), scan(issued_on="2025-01"))
    assert (record["number"]["number"], record["issued_on"]) == (23, "2025-01-23")


@pytest.mark.parametrize("cites", [
    [citation(issued_on="2025-01-24")],  # another day
    [citation(title="kế hoạch tuyên truyền phổ biến pháp luật năm 2025")],  # another subject
    [citation(issuer="Sở Nội vụ tỉnh Bình Định")],  # another issuer
    [citation(number="23/KH-UBND")],  # another ký hiệu
    [citation(), citation(number="24/BC-UBND")],  # two numbers: no choice
])
def test_near_misses_and_disagreements_give_nothing(tmp_path, cites):
    store = stored(tmp_path, *cites)
    assert fill_from_citations(store, scan())["number"]["number"] is None


def test_a_read_or_printed_number_is_left_alone(tmp_path):
    record = scan()
    record["number"] = {"raw": "22/BC-UBND", "number": 22, "symbol": "BC-UBND",
                        "handwritten": True, "confidence": 0.8}
    assert fill_from_citations(stored(tmp_path, citation()), record) is record
