"""Real-world noise of issue 2, item 4, each on a small laid-out page written here."""
from extractors.pipeline import extract_raw
from extractors.normalize import normalize_document
from extractors.readers.model import Line, Page, RawDocument


def _doc(*lines, ocr=True):
    page = Page(1, [Line(t, column=c) for t, c in lines], ocr=ocr)
    return extract_raw(normalize_document(RawDocument("scan.pdf", "pdf", [page], 1, False, ocr)))


def test_ocr_spacing_lost_marks_and_a_broken_slash():
    doc = _doc(("UỶ BAN NHÂN DÂN", 0), ("TĨNH QUANG NGAI", 0), ("Số: 899 /UBND-TTHC", 0),
               ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1), ("Độc lập - Tự do - Hạnh phúc", 1),
               ("Quảng Ngãi, ngày⁄{5 tháng 01 năm 2025", 1),
               ("V/v công bố Danh mục TTHC", 0))
    assert doc.issuer.name == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert (doc.number.raw, doc.number.number) == ("899/UBND-TTHC", 899)
    assert doc.issued_on == "2025-01"  # "⁄{5": the day cannot be read, so it is not guessed
    assert "the day of the date is blank or handwritten" in doc.warnings
    assert (doc.doc_type.name, doc.subject) == ("Công văn", "V/v công bố Danh mục TTHC")


def test_urgency_and_incoming_stamps_are_not_the_documents_own():
    doc = _doc(("HỎA TỐC", 0), ("CV ĐẾN Số: 2352/VP", 0), ("Ngày 21/3/18", 0),
               ("ỦY BAN NHÂN DÂN", 0), ("TỈNH QUẢNG NGÃI", 0), ("Số: 07/CT-UBND", 0),
               ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1), ("Độc lập - Tự do - Hạnh phúc", 1),
               ("Quảng Ngãi, ngày 20 tháng 3 năm 2018", 1), ("CHỈ THỊ", None),
               ("Về việc tăng cường công tác thi hành án hành chính", None))
    assert doc.issuer.name == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert (doc.number.raw, doc.issued_on) == ("07/CT-UBND", "2018-03-20")
    assert (doc.doc_type.name, doc.doc_type.code) == ("Chỉ thị", "CT")


def test_old_signing_forms_and_upper_case_name():
    doc = _doc(("QUYẾT ĐỊNH", None), ("Về việc giao đất", None), ("Điều 1. Giao đất.", None),
               ("T/M UỶ BAN NHÂN DÂN TỈNH", 1), ("K/T CHỦ TỊCH", 1), ("PHÓ CHỦ TỊCH", 1),
               ("NGUYỄN VĂN AN", 1))
    s = doc.signer
    assert (s.name, s.title, s.authority, s.for_title) == ("Nguyễn Văn An", "Phó Chủ tịch", "KT", "Chủ tịch")
    assert s.chain == ["T/M UỶ BAN NHÂN DÂN TỈNH", "K/T CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
