"""How a drafted document names its parent: the opening, the căn cứ line, the "về …" part."""
from __future__ import annotations

import pytest

from docgen.draft import about, can_cu_line, date_words, opening, short_mention
from extractors.records import Document, DocType, Issuer, Number, Source


def parent(name="Kế hoạch", code="KH", raw="2242/KH-UBND", number=2242, issued="2022-07-05",
           issuer="Ủy ban nhân dân Thành phố Hồ Chí Minh", subject="Phát động phong trào thi đua"):
    return Document(source=Source(path="x"), doc_type=DocType(name, code),
                    number=Number(raw, number, raw.split("/", 1)[-1] if raw else None),
                    issued_on=issued, issuer=Issuer(issuer), subject=subject)


@pytest.mark.parametrize("value, expected", [
    ("2022-07-05", "ngày 05 tháng 7 năm 2022"),
    ("2025-01-24", "ngày 24 tháng 01 năm 2025"),
    ("2020-02-15", "ngày 15 tháng 02 năm 2020"),
    ("2021-12", "tháng 12 năm 2021"),
    ("2021-02", "tháng 02 năm 2021"),
    (None, None),
])
def test_date_words(value, expected):
    assert date_words(value) == expected


@pytest.mark.parametrize("subject, expected", [
    ("Phát động phong trào thi đua", "về phát động phong trào thi đua"),
    ("V/v góp ý dự thảo Quyết định", "về việc góp ý dự thảo Quyết định"),
    ("V/v: cung cấp số liệu", "về việc cung cấp số liệu"),
    ("Về việc thành lập Tổ công tác", "về việc thành lập Tổ công tác"),
    ("Ủy ban nhân dân tỉnh tổ chức hội nghị", "về Ủy ban nhân dân tỉnh tổ chức hội nghị"),
    ("UBND tỉnh giao chỉ tiêu", "về UBND tỉnh giao chỉ tiêu"),
    (None, None),
])
def test_about(subject, expected):
    assert about(subject) == expected


@pytest.mark.parametrize("doc, expected", [
    (parent(), "Thực hiện Kế hoạch số 2242/KH-UBND ngày 05 tháng 7 năm 2022 của Ủy ban nhân dân "
               "Thành phố Hồ Chí Minh về phát động phong trào thi đua"),
    (parent("Công văn", None, "507/UBND-KGVX", 507, "2025-01-24", "Ủy ban nhân dân tỉnh Quảng Ngãi",
            "V/v góp ý dự thảo"),
     "Thực hiện Công văn số 507/UBND-KGVX ngày 24 tháng 01 năm 2025 của Ủy ban nhân dân tỉnh Quảng Ngãi "
     "về việc góp ý dự thảo"),
    (parent(raw="/CT-UBND", number=None, name="Chỉ thị", issued="2021-01"),
     "Thực hiện Chỉ thị tháng 01 năm 2021 của Ủy ban nhân dân Thành phố Hồ Chí Minh về phát động phong trào thi đua"),
    (parent(name=None, raw=None, number=None, issued=None, issuer=None, subject=None), "Thực hiện Văn bản"),
])
def test_opening(doc, expected):
    assert opening(doc) == expected


def test_can_cu_and_short_mention():
    assert can_cu_line(parent()) == ("Căn cứ Kế hoạch số 2242/KH-UBND ngày 05 tháng 7 năm 2022 của Ủy ban nhân "
                                     "dân Thành phố Hồ Chí Minh về phát động phong trào thi đua")
    assert short_mention(parent()) == "Kế hoạch số 2242/KH-UBND"
