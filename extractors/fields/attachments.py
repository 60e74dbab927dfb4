"""Documents attached behind the document itself: each later header of the file.

A Tờ trình often carries the draft it proposes ("Số: /QĐ-UBND", its own Quốc hiệu, title
and signature block) or a report it forwards; the record describes the first document and
lists the others here — type, number as printed, page — so none of their header leaks in.
"""
from __future__ import annotations

from extractors.fields.doc_type import decide_type
from extractors.fields.header import Header
from extractors.fields.number import find_number
from extractors.fields.subject import is_vv_line
from extractors.records import Attachment
from extractors.segment import Layout


def attachment_of(layout: Layout, header: Header) -> Attachment:
    """The type, number and page of the document whose header is ``header``."""
    top = layout.lines[header.start: header.title if header.title is not None else header.end]
    found = find_number(top, layout.ocr_pages)
    number = found.number if found else None
    # a V/v line makes a công văn of a text with a number; a form ("PHIẾU TRÌNH DUYỆT … Về
    # việc …") with none is of no type the table knows
    has_vv = number is not None and any(is_vv_line(ln.text) for ln in top)
    doc_type = decide_type(header.type_entry, number, has_vv)
    page = layout.lines[header.start].page
    return Attachment(doc_type.name, number.raw if number else None, page)


def find_attachments(layout: Layout, headers: list[Header]) -> list[Attachment]:
    """One entry per header after the first."""
    return [attachment_of(layout, header) for header in headers[1:]]
