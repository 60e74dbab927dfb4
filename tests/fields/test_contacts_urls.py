import pytest

from extractors.fields.contacts import find_contacts
from extractors.fields.urls import find_urls
from extractors.records import Contact
from tests.fields.helpers import bare, doc


@pytest.mark.parametrize("text, expected", [
    ("Thông tin phối hợp: Ông Thái Thanh Hải, Trưởng Phòng Công nghệ thông tin (0969.701.168; "
     "haitt2@danang.gov.vn) hoặc Bà Lê Thị Hồng Ngọc, Phó trưởng phòng (0935.862.860; ngoclth@danang.gov.vn)/.",
     [Contact("Thái Thanh Hải", "Trưởng Phòng Công nghệ thông tin", "0969.701.168", "haitt2@danang.gov.vn"),
      Contact("Lê Thị Hồng Ngọc", "Phó trưởng phòng", "0935.862.860", "ngoclth@danang.gov.vn")]),
    ("Đầu mối liên hệ: đồng chí Nguyễn Văn An - Chuyên viên Phòng Chuyển đổi số, điện thoại: 0905 123 456.",
     [Contact("Nguyễn Văn An", "Chuyên viên Phòng Chuyển đổi số", "0905 123 456", None)]),
    ("Mọi chi tiết liên hệ Bà Trần Thị Mai, email: mai.tt@quangngai.gov.vn.",
     [Contact("Trần Thị Mai", None, None, "mai.tt@quangngai.gov.vn")]),
    # a person with no phone or address is not a contact
    ("Ông Nguyễn Văn Bình, Chủ tịch UBND tỉnh, cho biết kế hoạch đã được ban hành.", []),
])
def test_contacts(text, expected):
    assert [bare(c) for c in find_contacts(doc(text), use_ner=False)] == expected


def test_contact_span_covers_name_to_address():
    text = "Liên hệ: Ông Thái Thanh Hải, Trưởng phòng (0969.701.168)."
    (contact,) = find_contacts(doc(text), use_ner=False)
    assert text[contact.span.start:contact.span.end] == "Ông Thái Thanh Hải, Trưởng phòng (0969.701.168"


def test_ner_finds_a_name_without_title_of_address():
    text = "Thông tin liên hệ: Nguyễn Văn An, chuyên viên phòng CNTT, số điện thoại 0912.345.678."
    (contact,) = find_contacts(doc(text))
    assert (contact.name, contact.phone) == ("Nguyễn Văn An", "0912.345.678")


@pytest.mark.parametrize("text, expected", [
    ("đăng tải tại website <https://tttt.danang.gov.vn>).", ["https://tttt.danang.gov.vn"]),
    ("Moitruong.net.vn – UBND thành phố … Moitruong.net.vn", ["Moitruong.net.vn"]),
    ("Xem www.chinhphu.vn/van-ban, và http://abc.gov.vn/a?b=1.", ["www.chinhphu.vn/van-ban", "http://abc.gov.vn/a?b=1"]),
    ("email haitt2@danang.gov.vn; Lưu: VT, CNTT.NG; công nghệ 4.0", []),
])
def test_urls(text, expected):
    assert find_urls(doc(text)) == expected
