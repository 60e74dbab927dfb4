import pytest

from extractors.casing import organisation_case, title_case, title_of


@pytest.mark.parametrize("upper, normal", [
    ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "Ủy ban nhân dân tỉnh Quảng Ngãi"),
    ("UỶ BAN NHÂN DÂN TỈNH CAO BẰNG", "Ủy ban nhân dân tỉnh Cao Bằng"),
    ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Sở Thông tin và Truyền thông"),
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "Ủy ban nhân dân Thành phố Hồ Chí Minh"),
    ("BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Bộ Tài nguyên và Môi trường"),
    ("BỘ KHOA HỌC VÀ CÔNG NGHỆ", "Bộ Khoa học và Công nghệ"),
    ("ỦY BAN NHÂN DÂN QUẬN 1", "Ủy ban nhân dân Quận 1"),
    ("UBND TỈNH", "Ủy ban nhân dân tỉnh"),
    ("CÔNG TY TNHH MTV XỔ SỐ", "Công ty TNHH MTV xổ số"),
    ("Sở Nội vụ", "Sở Nội vụ"),
    ("TRƯỜNG ĐẠI HỌC SƯ PHẠM HÀ NỘI", "Trường Đại học Sư phạm Hà Nội"),  # a province without its unit
    ("TRƯỜNG CAO ĐẲNG Y TẾ QUẢNG NAM", "Trường Cao đẳng Y tế Quảng Nam"),
    ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội"),  # no commune
    ("ỦY BAN NHÂN DÂN XÃ TÂN HỘI", "Ủy ban nhân dân xã Tân Hội"),
    ("ỦY BAN NHÂN DÂN THỊ XÃ ĐỨC PHỔ", "Ủy ban nhân dân thị xã Đức Phổ"),
    ("THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN", "Thường trực Hội đồng nhân dân"),  # a part, then the body
    ("BAN THƯỜNG VỤ TỈNH ỦY", "Ban Thường vụ Tỉnh ủy"),
    ("TỈNH ỦY QUẢNG NAM", "Tỉnh ủy Quảng Nam"),
])
def test_organisation_case(upper, normal):
    assert organisation_case(upper) == normal


@pytest.mark.parametrize("upper, normal", [
    ("PHÓ CHÁNH VĂN PHÒNG", "Phó Chánh Văn phòng"),
    ("PHÓ CHỦ TỊCH THƯỜNG TRỰC", "Phó Chủ tịch Thường trực"),
    ("CHỦ TỊCH", "Chủ tịch"),
    ("GIÁM ĐỐC", "Giám đốc"),
    ("ỦY BAN NHÂN DÂN", "Ủy ban nhân dân"),
    ("PHÓ HIỆU TRƯỞNG", "Phó Hiệu trưởng"),  # not the school ("Trường") of the organisations
    ("HIỆU TRƯỞNG", "Hiệu trưởng"),
    ("TRƯỞNG PHÒNG", "Trưởng phòng"),
])
def test_title_of(upper, normal):
    assert title_of(upper) == normal


def test_title_case_names():
    assert title_case("TRẦN HOÀNG TUẤN") == "Trần Hoàng Tuấn"


@pytest.mark.parametrize("upper, sentence", [
    ("PHÁT ĐỘNG PHONG TRÀO THI ĐUA TRÊN ĐỊA BÀN THÀNH PHỐ HỒ CHÍ MINH",
     "Phát động phong trào thi đua trên địa bàn Thành phố Hồ Chí Minh"),
    ("CẢI CÁCH TTHC CỦA TỈNH QUẢNG NGÃI", "Cải cách TTHC của tỉnh Quảng Ngãi"),
    ("BẢO HIỂM TIỀN GỬI", "Bảo hiểm tiền gửi"),
])
def test_sentence_case(upper, sentence):
    from extractors.casing import sentence_case
    assert sentence_case(upper) == sentence
