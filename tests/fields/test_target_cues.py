"""Whether a number is a target is decided by its wording, not by the document's type."""
import pytest

from extractors.fields.deep import fill_deep
from extractors.records import DocType, Document, Source
from extractors.text import DocText


def _targets(text, type_name=None, issued_on=None):
    doc = Document(Source("t"), doc_type=DocType(type_name), issued_on=issued_on)
    fill_deep(doc, DocText.plain(text))
    return [(t.value, t.unit, t.comparator, t.deadline) for t in doc.targets]


def _cues(text):
    doc = Document(Source("t"))
    fill_deep(doc, DocText.plain(text))
    return [t.cue for t in doc.targets]


@pytest.mark.parametrize("text, expected", [
    # aims: in the sentence, in the heading above, in a time aimed at
    ("Phấn đấu tỷ lệ hồ sơ trực tuyến đạt trên 90%.", [(90, "%", ">", None)]),
    ("II. CHỈ TIÊU\n1. Tỷ lệ điều tra, khám phá án đạt trên 90%.", [(90, "%", ">", None)]),
    ("a) Đến năm 2030:\n- Kinh tế số chiếm 30% GRDP;", [(30, "%", "=", "2030-12-31")]),
    ("Đến năm 2028, tỷ lệ lao động có kỹ năng số đạt 80%.", [(80, "%", "=", "2028-12-31")]),
    ("Kéo giảm ít nhất 5% số vụ phạm pháp hình sự so với năm 2025.", [(5, "%", ">=", None)]),
    # a share opening its bullet under a heading of criteria
    ("2. Tiêu chuẩn xét khen thưởng\n- 90% hồ sơ công việc được xử lý trên môi trường mạng.",
     [(90, "%", "=", None)]),
    # rules: allowances, salary multiples, budget shares, thresholds of a classification, definitions
    ("Viên chức được hưởng phụ cấp ưu đãi theo nghề bằng 70% mức lương hiện hưởng.", []),
    ("Người làm việc vào ngày lễ được trả lương bằng 300% tiền lương ngày thường.", []),
    ("Bố trí tối thiểu 43% tổng kinh phí của Chương trình cho các huyện nghèo.", []),
    ("Ngân sách nhà nước bảo đảm kinh phí tối đa 80% tổng dự toán nhiệm vụ.", []),
    ("Điều 5. Tiêu chí xác định địa bàn trọng điểm\nĐịa bàn có tỷ lệ người nghiện dưới 0,1% được tính hệ số 1.", []),
    ("Doanh nghiệp công nghệ số là doanh nghiệp có doanh thu chiếm trên 50% tổng doanh thu.", []),
    ("Trường hợp tỷ lệ tái nghiện dưới 10% thì được tăng mức hỗ trợ thêm 20%.", []),
    ("Căn cứ Quyết định số 12/QĐ-UBND về việc giao 100% chỉ tiêu biên chế;", []),
    # results of a report
    ("I. KẾT QUẢ THỰC HIỆN\n- Tỷ lệ hồ sơ trực tuyến đạt 86,4%.", []),
    ("Toàn tỉnh đã tiếp nhận 312.450 hồ sơ trực tuyến, đạt tỷ lệ 86,4%, tăng 12,3% so với cùng kỳ.", []),
    # a heading in capitals whose marks OCR misread still counts ("KẾT QUÁ")
    ("I. KẾT QUÁ CÁC MẶT CÔNG TÁC\n- Tỷ lệ thanh toán trực tuyến đạt 60%.", []),
    # a number nothing says is an aim
    ("Tỷ lệ người dân có tài khoản thanh toán điện tử trên 60%.", []),
    # the name of a programme is no aim
    ("Thực hiện Chương trình mục tiêu quốc gia, hỗ trợ 30% kinh phí.", []),
])
def test_aim_or_not(text, expected):
    assert _targets(text) == expected


def test_the_type_of_the_document_decides_nothing():
    goals = "Điều 3. Mục tiêu\n1. Đến năm 2028:\na) Tỷ lệ người lao động có kỹ năng số cơ bản đạt 80%;"
    expected = [(80, "%", "=", "2028-12-31")]
    assert _targets(goals, "Nghị định") == _targets(goals, "Kế hoạch") == expected
    rule = "Điều 4. Phụ cấp\nViên chức được hưởng phụ cấp bằng 30% mức lương."
    assert _targets(rule, "Nghị định") == _targets(rule, "Kế hoạch") == []


def test_a_year_before_the_issue_tells_what_was_done():
    text = "Trong năm 2025, tỷ lệ hồ sơ trực tuyến đạt 80%."
    assert _targets(text, issued_on="2026-01-10") == []
    assert _targets(text, issued_on="2025-01-10") == [(80, "%", "=", "2025-12-31")]


def test_explain_names_the_cue():
    assert _cues("II. CHỈ TIÊU\n1. Tỷ lệ điều tra, khám phá án đạt trên 90%.") == ["heading: “CHỈ TIÊU”"]
    assert _cues("Phấn đấu tỷ lệ hồ sơ trực tuyến đạt trên 90%.") == ["clause: “Phấn đấu”"]
    assert _cues("a) Đến năm 2030:\n- Kinh tế số chiếm 30% GRDP;") == ["heading: “Đến năm 2030”"]
