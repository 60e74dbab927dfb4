"""Vietnamese helpers for administrative documents (Nghị định 30/2020/NĐ-CP).

>>> from docgen.vn import nd30_date, so_ky_hieu, number_to_words, roman
>>> nd30_date("2020-03-05"), so_ky_hieu(5, "KH", "UBND")
('ngày 05 tháng 3 năm 2020', '05/KH-UBND')
>>> number_to_words(105), roman(14)
('một trăm linh năm', 'XIV')
"""
from docgen.vn.dates import nd30_date, parse_date, place_date
from docgen.vn.doc_types import DOC_TYPES, DocTypeInfo, type_by_code, type_by_slug
from docgen.vn.numbers import number_to_words, roman
from docgen.vn.so_ky_hieu import so_ky_hieu

__all__ = [
    "DOC_TYPES", "DocTypeInfo", "nd30_date", "number_to_words", "parse_date", "place_date",
    "roman", "so_ky_hieu", "type_by_code", "type_by_slug",
]
