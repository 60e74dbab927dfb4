"""Counts whose noun no word list knows: "Phấn đấu đào tạo 500 giáo viên cốt cán", "xây mới 12
phòng học", "hỗ trợ 1.500 căn nhà" — the noun after the number, by underthesea's part-of-speech
tags (nlp.py), is the unit.

Only a bare number of a clause that states an aim is asked about (the tagger costs about 7 ms a
sentence and 2 s to load): a number glued to a word, a year, a label ("Điều 5", "lần 2") or a
number already read as a quantity is not. A classifier before the noun stays with it ("căn
nhà"); a number the tagger does not see followed by a noun is no count.
"""
from __future__ import annotations

import re

from extractors.fields import patterns as P
from extractors.fields.quantities import Quantity, label_before
from extractors.fields.vn_numbers import parse_number

_BARE = re.compile(rf"(?<![\w.,/%\-])(?P<num>{P.NUMBER})(?=[ \t]+[^\W\d_])")
_YEAR = re.compile(r"(?:19|20)\d\d$")
_NOUNS = ("N", "Nc", "Np")
# words between a verb and its count that say nothing of what is counted
_BOUNDS = {"dưới", "trên", "tối thiểu", "tối đa", "ít nhất", "khoảng", "hơn", "gần", "từ", "đến",
           "không dưới", "không quá", "thêm", "mới", "được", "đạt", "là"}
# nouns that count spans of time or parts of a text, never something to reach
_NOT_COUNTED = {"ngày", "tháng", "năm", "giờ", "phút", "tuần", "quý", "lần", "buổi", "đợt", "kỳ",
                "tuổi", "ngày làm việc", "giai đoạn", "phần", "số", "điều", "khoản", "điểm", "mục",
                "chương", "loại", "nhóm", "cấp", "bước", "nội dung", "hình thức", "bản", "trang",
                "chữ", "ký tự", "phương án", "lĩnh vực", "tiêu chí", "chỉ tiêu", "bậc", "hạng",
                "thành viên", "vòng", "ca", "phiên"}
MIN_CLAUSE_AIM = 2.0    # a count of an unknown noun needs an aim in its own clause


def bare_numbers(text: str, start: int, end: int, taken) -> list[re.Match]:
    """Numbers of ``text[start:end]`` followed by a word and read as nothing else yet."""
    out = []
    for m in _BARE.finditer(text, start, end):
        if m.start() in taken or _YEAR.fullmatch(m.group("num")) or label_before(text, start, m.start()):
            continue
        out.append(m)
    return out


def counted(text: str, clause: tuple[int, int], number: re.Match) -> Quantity | None:
    """The count ``number`` makes with the noun the tagger finds right after it, if any. A
    number that qualifies the noun before it ("trẻ em dưới 1 tuổi", "bác sĩ trên 10.000 dân")
    counts nothing; nor does a span of time ("60 ngày", "3 năm")."""
    from extractors import nlp

    value = parse_number(number.group("num"))
    if value is None:
        return None
    tags = [(clause[0] + s, clause[0] + e, w, t) for s, e, w, t in nlp.pos(text[clause[0]:clause[1]])]
    at = next((i for i, tag in enumerate(tags) if tag[0] <= number.start() < tag[1]), None)
    if at is None or at + 1 >= len(tags) or tags[at + 1][3] not in _NOUNS:
        return None
    before = [t for t in tags[:at] if t[2].casefold() not in _BOUNDS]
    if before and before[-1][3] in _NOUNS:
        return None
    words = [tags[at + 1][2]]
    if tags[at + 1][3] == "Nc" and at + 2 < len(tags) and tags[at + 2][3] == "N":
        words.append(tags[at + 2][2])
    if words[0].casefold() in _NOT_COUNTED:
        return None
    return Quantity(number.start(), number.end(), value, " ".join(words), "count")
