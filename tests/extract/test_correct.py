"""The OCR correction stage (extractors/correct): marks, slips, names, places, the document as
witness; spans and handwritten ranges kept; correct text left alone; a broken model file."""
from __future__ import annotations

import gzip
import shutil

import pytest

from extractors.correct import correct_document, correct_text, lm, model_problem
from extractors.correct.glued import segmentations, split_glued
from extractors.correct.names import restore_names
from extractors.correct.places import restore_places
from extractors.correct.stage import engine_choices, remap
from extractors.correct.syllables import is_syllable
from extractors.correct.witness import agree_with_document, pair_spellings
from extractors.readers.model import Line, Page, RawDocument, SignatureInfo


@pytest.mark.parametrize("ocr, right", [
    # the slips issue 10 names, each in a sentence of another office
    ("Kế hoạch triên khai Luật Phòng, chống ma túy", "Kế hoạch triển khai Luật Phòng, chống ma túy"),
    ("Xét để nghị của Giám đốc Sở Tư pháp,", "Xét đề nghị của Giám đốc Sở Tư pháp,"),
    ("Báo cáo vẻ công tác phòng, chống tọi phạm", "Báo cáo về công tác phòng, chống tội phạm"),
    ("Vềviệc tăng cường công tác phòng cháy", "Về việc tăng cường công tác phòng cháy"),
    ("theo hướng. dẫn của Bộ Y tế", "theo hướng dẫn của Bộ Y tế"),
    # more of what the TUNE scans showed
    ("sửa đôi, bổ sung một số điều", "sửa đổi, bổ sung một số điều"),
    ("phục vụ chuyên đổi số quôc gia", "phục vụ chuyển đổi số quốc gia"),
    ("Nghị quyết sô 27/2017/NQ-HĐND", "Nghị quyết số 27/2017/NQ-HĐND"),
    ("quy trình giải quyêt TTHC", "quy trình giải quyết TTHC"),
    ("SỞNỘIVỤ TỈNH BẮC NINH", "SỞNỘIVỤ TỈNH BẮC NINH"),  # (split_glued parts it first, below)
])
def test_correct_text(ocr, right):
    assert correct_text(ocr) == right


@pytest.mark.parametrize("text", [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Email: vanphongubqg@gmail.com, website: https://lamdong.gov.vn",
    "Thôn Thu Xà, xã Nghĩa Hòa, huyện Tư Nghĩa",  # a place the model does not know
    "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Trần Phước Hiền",
    "Ông Nông Bích Sảng, bà Lò Thị Mai",  # names are never changed by the model
    "năm học 2017-2018 đến năm học 2020-2021: 5,3% trên tổng số 1.846 tổ chức",
    "Hòa bình, hoà nhập, UỶ BAN",  # tone placed the old way is one spelling with the new
])
def test_correct_text_leaves_right_text_alone(text):
    assert correct_text(text) == text


def test_the_engine_s_own_alternatives_are_weighed():
    # "tính" beside "miễn" is a word too: only the engine's doubt makes it "tỉnh"
    line = "Hội đồng nhân dân tính miễn nhiệm"
    assert correct_text(line) == line
    assert correct_text(line, {"tính": {"tỉnh": 0.9}}) == "Hội đồng nhân dân tỉnh miễn nhiệm"


def test_a_word_the_engine_doubted_is_weighed_with_its_neighbours():
    line = "Bộ Công an vẻ trình tự, thu tục, thâm quyền, xét đuyệt tuyến"
    right = "Bộ Công an về trình tự, thủ tục, thẩm quyền, xét duyệt tuyến"
    assert correct_text(line, {"vẻ": {"về": 0.5}}) == right
    # without the engine's doubt, "biện pháp" reads better than "phổ biến pháp"
    line = "V/v phố biến pháp luật về an toàn giao thông"
    assert correct_text(line, {"phố": {"phổ": 0.6}}) == "V/v phổ biến pháp luật về an toàn giao thông"


def test_engine_choices_by_word_without_punctuation():
    choices = engine_choices([("đôi,", (("đổi,", 0.77), ("đối,", 0.64))), ("12", (("I2", 0.4),))])
    assert choices == {"đôi": {"đổi": 0.77, "đối": 0.64}}


def test_handwritten_words_are_not_changed_and_their_ranges_follow():
    assert correct_text("Báo cáo vẻ việc", fixed=((8, 10),)) == "Báo cáo vẻ việc"
    line = Line("Số: 25 /BC-UBND V/v triên khai", handwritten=((4, 6),))
    page = Page(1, [Line("Vềviệc giao 25 biên chế", handwritten=((12, 14),)), line], ocr=True)
    out = correct_document(RawDocument("x.pdf", "pdf", pages=[page]))
    first, second = out.pages[0].lines
    assert (first.text, first.text[slice(*first.handwritten[0])]) == ("Về việc giao 25 biên chế", "25")
    assert (second.text, second.handwritten) == ("Số: 25 /BC-UBND V/v triển khai", ((4, 6),))


def test_remap_moves_ranges_with_their_characters():
    assert remap("ab 12 cd", "a b 12 cd", ((3, 5),)) == ((4, 6),)


def test_text_layers_pass_through_but_for_glued_syllables_in_their_first_lines():
    body = [Line("Quy định về ứng phó sự cốbức xạ")] + [Line("triên khai") for _ in range(60)]
    raw = RawDocument("x.pdf", "pdf", pages=[Page(1, body, ocr=False)])
    out = correct_document(raw).pages[0].lines
    assert out[0].text == "Quy định về ứng phó sự cố bức xạ"
    assert {ln.text for ln in out[1:]} == {"triên khai"}  # a text layer's marks are as printed


def test_the_document_is_a_witness_to_its_own_spelling():
    lines = [Line("Nghị quyết đôi tên cơ quan"), Line("Hội đồng đã đổi tên cơ quan; việc đổi tên xong.")]
    out = correct_document(RawDocument("x.pdf", "pdf", pages=[Page(1, lines, ocr=True)]))
    assert out.pages[0].lines[0].text == "Nghị quyết đổi tên cơ quan"


BODY = ("Sở Nội vụ đã trình đổi tên cơ quan. Sau khi đổi tên, Ủy ban công bố danh mục; "
        "việc công bố xong trước ngày 20. Hai đôi giày.")


@pytest.mark.parametrize("ocr, mended", [
    ("Nghị quyết đôi tên cơ quan", "Nghị quyết đổi tên cơ quan"),    # lost hỏi, the body has it
    ("V/v công bô Danh mục", "V/v công bố Danh mục"),                # lost sắc
    ("Công bô danh mục", "Công bố danh mục"),                        # capital kept
    ("V/v công bồ Danh mục", "V/v công bồ Danh mục"),                # a changed mark is not put right
    ("Hai đổi giày", "Hai đổi giày"),                                # a mark is never taken away
    ("Về việc đôi giày", "Về việc đôi giày"),                        # the body has no other spelling
])
def test_agree_with_document(ocr, mended):
    assert agree_with_document(ocr, pair_spellings(BODY)) == mended


@pytest.mark.parametrize("ocr, evidence, name", [
    ("KT. GIÁM ĐỐC Trân Phước Hiên", [], "KT. GIÁM ĐỐC Trần Phước Hiền"),
    ("Nguyên Hoàng Giang", [], "Nguyễn Hoàng Giang"),
    ("Trần Hoàng Tuần", [], "Trần Hoàng Tuấn"),               # a tone misread
    ("Phạm Triều", [], "Phạm Triều"),                         # not the surname "Triệu"
    ("Trần Hoàng Tuân", [], "Trần Hoàng Tuân"),               # a real name syllable is kept
    ("Thiếu tướng Trương Minh Đương", [], "Thiếu tướng Trương Minh Đương"),  # not "Dương"
    ("Nguyen Phuoc Binh", ["Ủy ban nhân dân tỉnh", "Nguyễn Phước Bình"], "Nguyễn Phước Bình"),
    ("tỉnh Quảng Ngãi nhiệm kỳ", [], "tỉnh Quảng Ngãi nhiệm kỳ"),  # "Quàng" is a surname, "Ngãi" no name
    ("TỜ TRÌNH", [], "TỜ TRÌNH"),
])
def test_restore_names(ocr, evidence, name):
    assert restore_names(ocr, evidence) == name


def test_a_digital_signature_spells_the_signer_s_name():
    lines = [Line("KT. GIÁM ĐỐC"), Line("Nguyen Tuong Vu")]
    raw = RawDocument("x.pdf", "pdf", pages=[Page(1, lines, ocr=True)],
                      signatures=[SignatureInfo(signer="Nguyễn Tường Vũ")])
    assert correct_document(raw).pages[0].lines[1].text == "Nguyễn Tường Vũ"


@pytest.mark.parametrize("ocr, right", [
    ("UBND TỈNH LÂM ĐÔNG", "UBND TỈNH LÂM ĐỒNG"),
    ("CÔNG AN TÍNH LAM ĐÓNG", "CÔNG AN TỈNH LÂM ĐỒNG"),  # the unit too
    ("máy tính tình Lâm Đồng", "máy tính tỉnh Lâm Đồng"),
    ("trên địa bàn tỉnh Quảng Nøãi", "trên địa bàn tỉnh Quảng Ngãi"),
    ("Số: 11/TB-UBND Quang Ngai, ngay 08 thang 01", "Số: 11/TB-UBND Quảng Ngãi, ngay 08 thang 01"),
    ("Lâm Đông là cán bộ", "Lâm Đông là cán bộ"),  # no unit, no date: maybe a person
    ("tỉnh nhận được Công văn", "tỉnh nhận được Công văn"),
])
def test_restore_places(ocr, right):
    assert restore_places(ocr) == right


@pytest.mark.parametrize("line, expected", [
    ("SỞNỘIVỤ", "SỞ NỘI VỤ"),           # OCR lost the spaces of a header line
    ("ĐỀÁN", "ĐỀ ÁN"),                   # and of a title
    ("TỈNH HẢÁI DƯƠNG", "TỈNH HẢÁI DƯƠNG"),  # a doubled mark is no two syllables
    ("Đakrông", "Đakrông"),              # a capitalised run is a name
    ("5 milimét", "5 milimét"),          # a loanword
])
def test_split_glued(line, expected):
    assert split_glued(line) == expected


def test_segmentations_for_the_model_to_weigh():
    assert segmentations("vềviệc", frozenset({"về", "việc"})) == [("về", "việc")]
    assert segmentations("việc", frozenset({"về", "việc"})) == []


@pytest.mark.parametrize("word, valid", [
    ("nghiêng", True), ("quyết", True), ("giếng", True), ("khuỷu", True), ("Ðồng", False),
    ("cria", False), ("xdt", False), ("tòc", False), ("ngi", False), ("kan", False), ("ViCt", False),
])
def test_is_syllable(word, valid):
    assert is_syllable(word) is valid


def test_a_missing_or_corrupt_model_is_one_clear_error(tmp_path, monkeypatch):
    with pytest.raises(lm.ModelUnavailable, match="missing"):
        lm.read(tmp_path / "none.tsv.gz")
    broken = tmp_path / "broken.tsv.gz"
    data = gzip.open(lm.PATH).read()
    broken.write_bytes(gzip.compress(data[:-200] + b"B\tx\ty\t9\n"))
    with pytest.raises(lm.ModelUnavailable, match="corrupt"):
        lm.read(broken)
    (tmp_path / "junk.tsv.gz").write_bytes(b"not gzip")
    with pytest.raises(lm.ModelUnavailable, match="unreadable"):
        lm.read(tmp_path / "junk.tsv.gz")


def test_without_its_model_extraction_goes_on_uncorrected(tmp_path, monkeypatch):
    from extractors import pipeline

    copy = tmp_path / "lm.tsv.gz"
    shutil.copy(lm.PATH, copy)
    copy.write_bytes(copy.read_bytes()[:500])
    monkeypatch.setattr(lm, "PATH", copy)
    lm._load_default.cache_clear()
    try:
        assert model_problem().subject == str(copy) and "unreadable" in model_problem().cause
        raw = RawDocument("x.pdf", "pdf", pages=[Page(1, [Line("triên khai")], ocr=True)])
        out = pipeline.corrected(raw)
        assert out.pages[0].lines[0].text == "triên khai"
        assert out.warnings[0].startswith("OCR text not corrected: ") and "lm.tsv.gz" in out.warnings[0]
    finally:
        monkeypatch.undo()
        lm._load_default.cache_clear()


def test_a_broken_model_is_one_line_at_the_start_of_a_command_and_no_crash(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from docgen.cli import main
    from tests.readers.conftest import tiny_pdf

    copy = tmp_path / "lm.tsv.gz"
    copy.write_bytes(b"")
    monkeypatch.setattr(lm, "PATH", copy)
    lm._load_default.cache_clear()
    try:
        pdf = tmp_path / "a.pdf"
        pdf.write_bytes(tiny_pdf([["Hello"]]))
        result = CliRunner().invoke(main, ["extract", str(pdf), "--format", "jsonl"])
        assert result.exit_code == 0
        lines = [ln for ln in result.stderr.splitlines() if ln]
        assert lines == [f"docgen: {copy}: empty (rebuild it: python -m extractors.correct.build); "
                         "OCR text will be left uncorrected"]
        quiet = CliRunner().invoke(main, ["extract", str(pdf), "--ocr", "never", "--format", "jsonl"])
        assert quiet.exit_code == 0 and quiet.stderr == ""
    finally:
        monkeypatch.undo()
        lm._load_default.cache_clear()


def test_a_line_goes_on_from_the_line_above():
    lines = [Line("giao nhiệm vụ tạm thời sử dụng Điều"), Line("lệ Hội của tỉnh cũ")]
    out = correct_document(RawDocument("x.pdf", "pdf", pages=[Page(1, lines, ocr=True)]))
    assert out.pages[0].lines[1].text == "lệ Hội của tỉnh cũ"  # "Điều lệ", not "lễ hội"


@pytest.mark.parametrize("line, right", [
    ("và việc thụ lý giải quyết khiếu nại lần hai", "Về việc thụ lý giải quyết khiếu nại lần hai"),
    ("Kính gừi: Sở Tư pháp", "Kính gửi: Sở Tư pháp"),
    ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),  # one spelling
    ("và các sở, ngành", "và các sở, ngành"),
])
def test_a_top_line_opens_with_the_phrase_of_the_form(line, right):
    raw = RawDocument("x.pdf", "pdf", pages=[Page(1, [Line(line)], ocr=True)])
    assert correct_document(raw).pages[0].lines[0].text == right
