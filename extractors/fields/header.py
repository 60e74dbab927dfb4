"""The first part of a document: where the header starts, where the title is.

An administrative document opens with the two-column header (agency | Quốc hiệu and
Tiêu ngữ), then "Số: …" and the place-date, then the tên loại ("KẾ HOẠCH") and trích yếu.
Text scraped from web portals may carry navigation lines before that; scans may carry
stamps. ``find_header`` marks the lines that matter so each field module reads only those.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.segment import Layout, TextLine, type_of_title
from extractors.textkeys import ascii_key

_NATIONAL_KEYS = ("cong hoa xa hoi chu nghia", "xa hoi chu nghia viet nam", "chu nghia viet nam")
_MOTTO_KEYS = ("doc lap tu do hanh phuc", "tu do hanh phuc")
HEADER_SPAN = 40  # lines after the Quốc hiệu within which the title must start


@dataclass(frozen=True)
class Header:
    start: int  # index of the first header line (agency) in Layout.lines
    national: int | None  # index of the Quốc hiệu line
    title: int | None  # index of the tên loại line
    type_entry: dict | None  # the doc_types.toml entry the title names
    end: int  # index just past the header block (title line, or a guess when there is none)

    def lines(self, layout: Layout) -> list[TextLine]:
        return layout.lines[self.start:self.end]


def is_national_line(text: str) -> bool:
    """The Quốc hiệu, also when wrapped: "CỘNG HÒA XÃ HỘI / CHỦ NGHĨA VIỆT NAM"."""
    key = ascii_key(text)
    return any(k in key for k in _NATIONAL_KEYS) or key.startswith("cong hoa xa hoi")


def is_motto_line(text: str) -> bool:
    key = ascii_key(text)
    return any(k in key for k in _MOTTO_KEYS)


def find_header(layout: Layout) -> Header:
    lines = layout.lines
    national = next((ln.index for ln in lines if is_national_line(ln.text)), None)
    if national is None:
        national = next((ln.index for ln in lines if is_motto_line(ln.text)), None)
    anchor = national if national is not None else 0
    start = _agency_start(lines, anchor) if national is not None else 0
    title, entry = None, None
    for ln in lines[start: anchor + HEADER_SPAN]:
        if ln.index == national:
            continue
        entry = type_of_title(ln.text)
        if entry is not None:
            title = ln.index
            break
    if title is not None:
        end = title + 1
    else:
        end = min(len(lines), anchor + 12)
    return Header(start, national, title, entry, end)


def _agency_start(lines: list[TextLine], national: int) -> int:
    """Walk back from the Quốc hiệu over the header band: left-column lines, capitals,
    separators, the Số and V/v lines; stop at body-like text, the page top or 12 lines."""
    start = national
    for ln in reversed(lines[max(0, national - 12): national]):
        if ln.page != lines[national].page or ln.column == 1:
            break
        if not (ln.column == 0 or is_header_like(ln.text)):
            break
        start = ln.index
    return start


def is_separator(text: str) -> bool:
    """"-------", "_____", "|", "***": drawn lines and cell marks, no words."""
    return not any(c.isalnum() for c in text)


def is_header_like(text: str) -> bool:
    if is_separator(text):
        return True
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
        return True
    key = ascii_key(text)
    return key.startswith(("so ", "v v ", "ve viec")) or " ngay " in f" {key} " \
        or bool(_NUMBER_LINE.match(text))


# "Luật số: 111/2025/QH15", "Nghị quyết số: 114/2025/UBTVQH15": a type name, then "số"
_NUMBER_LINE = re.compile(r"^[\w ]{2,25}\bs[ốo]\s*:?\s*\d+/", re.IGNORECASE)
