import pytest

from extractors.fields.deadlines import find_deadlines
from extractors.fields.flow import build_flow
from extractors.fields.targets import find_targets
from extractors.fields.timex import scan_times
from tests.fields.helpers import doc


def _targets(text, warnings=None):
    flow = build_flow(text)
    times = scan_times(flow.text)[0]
    deadlines = find_deadlines(doc(text), flow, times)
    found = find_targets(doc(text), flow, deadlines, exclude=[(t.start, t.end) for t in times], warnings=warnings)
    return [(t.indicator, t.value, t.unit, t.comparator, t.deadline, t.scope) for t in found]


CASES = [
    # deadline inherited from the heading above the bullets
    ("a) Đến cuối năm 2022:\n- 85% người dân có điện thoại thông minh;\n- Tăng 10% tỷ lệ hồ sơ trực tuyến;",
     [("người dân có điện thoại thông minh", 85, "%", "=", "2022-12-31", None),
      ("tỷ lệ hồ sơ trực tuyến", 10, "%", "+", "2022-12-31", None)]),
    # subject before the number, "từ … trở lên", then "tối thiểu" in the next clause
    ("- Tỷ lệ hồ sơ giải quyết trực tuyến mức độ 3, 4 đạt từ 50% trở lên; tối thiểu 90% người dân hài lòng;",
     [("Tỷ lệ hồ sơ giải quyết trực tuyến mức độ 3, 4", 50, "%", ">=", None, None),
      ("người dân hài lòng", 90, "%", ">=", None, None)]),
    # the second number borrows the first one's subject; "trên" is ">"
    ("Hạ tầng băng thông rộng phủ trên 95% hộ gia đình, 100% xã.",
     [("Hạ tầng băng thông rộng phủ hộ gia đình", 95, "%", ">", None, None),
      ("Hạ tầng băng thông rộng phủ xã", 100, "%", "=", None, None)]),
    ("Kinh tế số chiếm 25% GRDP, năng suất lao động hàng năm tăng tối thiểu 7%.",
     [("Kinh tế số chiếm GRDP", 25, "%", "=", None, None),
      ("năng suất lao động hàng năm tăng", 7, "%", ">=", None, None)]),
    # scope from the heading label; fillers dropped
    ("a) Y tế: Phát triển nền tảng số. Phấn đấu 100% bệnh viện thực hiện chuyển đổi số, đảm bảo 95% người "
     "dân có hồ sơ sức khỏe điện tử, có ít nhất 25% cơ sở khám chữa bệnh từ xa.",
     [("bệnh viện thực hiện chuyển đổi số", 100, "%", "=", None, "Y tế"),
      ("người dân có hồ sơ sức khỏe điện tử", 95, "%", "=", None, "Y tế"),
      ("cơ sở khám chữa bệnh từ xa", 25, "%", ">=", None, "Y tế")]),
    ("2.2. Đối với các cơ quan, đơn vị, trường học\n- 60% hồ sơ công việc được xử lý trên môi trường mạng\n"
     "(trừ hồ sơ mật).",
     [("hồ sơ công việc được xử lý trên môi trường mạng (trừ hồ sơ mật)", 60, "%", "=", None,
       "Đối với các cơ quan, đơn vị, trường học")]),
    # an adverbial in front is dropped; the deadline of the sentence is taken
    ("Trong giai đoạn 1 (từ năm 2021-2025), yêu cầu 100% các sở, ngành triển khai phong trào; hoàn thành "
     "việc phát động chậm nhất trong quý 1-2022.",
     [("các sở, ngành triển khai phong trào", 100, "%", "=", "2022-03-31", None)]),
    # a rank, Vietnamese number notation, money and counts
    ("b) Đến cuối năm 2025:\n- Thành phố thuộc nhóm 5 địa phương đứng đầu về Chính phủ điện tử.",
     [("Thành phố thuộc nhóm địa phương đứng đầu về Chính phủ điện tử", 5, "hạng", "<=", "2025-12-31", None)]),
    ("Phấn đấu tỷ lệ dân số có tài khoản thanh toán đạt 2,5%.",
     [("tỷ lệ dân số có tài khoản thanh toán", 2.5, "%", "=", None, None)]),
    ("Phấn đấu đến năm 2025 có 1.000.000 tài khoản định danh điện tử mức 2.",
     [("tài khoản định danh điện tử mức 2", 1_000_000, "tài khoản", "=", "2025-12-31", None)]),
    # money keeps its unit as written, scale word included
    ("Mục tiêu thu hút tối thiểu 2 tỷ đồng cho quỹ đổi mới sáng tạo.",
     [("thu hút cho quỹ đổi mới sáng tạo", 2, "tỷ đồng", ">=", None, None)]),
    ("2. Mục tiêu cụ thể\nTỷ lệ người dân có tài khoản thanh toán điện tử trên 60%.",
     [("Tỷ lệ người dân có tài khoản thanh toán điện tử", 60, "%", ">", None, None)]),
    # the same sentence with nothing that states an aim is a statement, not a target
    ("Tỷ lệ người dân có tài khoản thanh toán điện tử trên 60%.", []),
    ("Giảm 20% thời gian xử lý hồ sơ.", [("thời gian xử lý hồ sơ", 20, "%", "-", None, None)]),
    # not targets: labels, counts with no target wording, "gia tăng", dates
    ("cung cấp dịch vụ công trực tuyến mức độ 3, 4 và mạng 4G/5G hỗ trợ 24/7.", []),
    ("Đà Nẵng nhận 03 giải thưởng chuyên đề.", []),
    ("Giai đoạn 1 và đợt 2 năm 2025 lần thứ 3.", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_targets(text, expected):
    assert _targets(text) == expected


def test_target_span_and_raw():
    text = "b) Đến cuối năm 2025:\n- 100% dịch vụ công được tích hợp; 40% người dân được xác thực."
    flow = build_flow(text)
    deadlines = find_deadlines(doc(text), flow)
    first, second = find_targets(doc(text), flow, deadlines)
    assert text[first.span.start:first.span.end] == "100% dịch vụ công được tích hợp"
    assert text[second.span.start:second.span.end] == "40% người dân được xác thực."
    assert first.raw == second.raw == "100% dịch vụ công được tích hợp; 40% người dân được xác thực"


def test_a_number_with_nothing_to_measure_warns():
    warnings = []
    assert _targets("- 100%;", warnings) == []
    assert warnings == ["a number with no indicator: “100%”"]


def test_a_target_sentence_with_no_number_gives_nothing():
    assert _targets("Phấn đấu hoàn thành tốt các mục tiêu đề ra trong năm.") == []
