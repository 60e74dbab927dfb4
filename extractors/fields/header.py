"""The first part of a document: where the header starts, where the title is.

An administrative document opens with the two-column header (agency | Quốc hiệu and
Tiêu ngữ), then "Số: …" and the place-date, then the tên loại ("KẾ HOẠCH") and trích yếu.
Text scraped from web portals may carry navigation lines before that; scans may carry
stamps. ``find_header`` marks the lines that matter so each field module reads only those.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.casing import is_upper
from extractors.segment import Layout, TextLine, type_of_title
from extractors.textkeys import ascii_key

# the Quốc hiệu, or the part of it OCR left whole ("HÒA XÃ HỘI CHỦ Ù NGHĨA VIỆT NAM")
_NATIONAL_KEYS = ("cong hoa xa hoi", "hoa xa hoi chu", "xa hoi chu nghia", "chu nghia viet nam",
                  "nghia viet nam")
_MOTTO_KEYS = ("doc lap tu do hanh phuc", "tu do hanh phuc")
HEADER_SPAN = 40  # lines after the Quốc hiệu within which the title must start
_BODY_KEYS = ("kinh gui", "can cu ")  # the lines a title always stands above


@dataclass(frozen=True)
class Header:
    start: int  # index of the first header line (agency) in Layout.lines
    national: int | None  # index of the Quốc hiệu line (or of the Tiêu ngữ when it is lost)
    title: int | None  # index of the tên loại line
    type_entry: dict | None  # the doc_types.toml entry the title names
    end: int  # index just past the header block (title line, or a guess when there is none)
    # index just past the document's last line: where the next document of the file starts
    # (an attached draft with a header of its own), or the end of the file
    stop: int = 1 << 30

    def lines(self, layout: Layout) -> list[TextLine]:
        return layout.lines[self.start:self.end]


def is_national_line(text: str) -> bool:
    """The Quốc hiệu, printed in capitals, also when wrapped ("CỘNG HÒA XÃ HỘI / CHỦ NGHĨA
    VIỆT NAM") or cut by OCR; a sentence that names the country is none."""
    key = ascii_key(text)
    return any(k in key for k in _NATIONAL_KEYS) and is_upper(text)


def is_motto_line(text: str) -> bool:
    key = ascii_key(text)
    return any(k in key for k in _MOTTO_KEYS)


def find_header(layout: Layout) -> Header:
    """The header of the file's first document, which ends where a later document starts."""
    return find_headers(layout)[0]


def find_headers(layout: Layout) -> list[Header]:
    """The header of every document in the file, in order: the document itself, then each
    text attached behind it with a header of its own (a Tờ trình carrying the draft Quyết
    định it proposes: "Số: /QĐ-UBND", its own Quốc hiệu and title)."""
    lines = layout.lines
    anchors = _anchors(lines)
    if not anchors:
        return [_header_from(lines, None, len(lines))]
    stops = [start for start, _ in anchors[1:]] + [len(lines)]
    return [_header_from(lines, national, stop, start) for (start, national), stop in zip(anchors, stops)]


def _anchors(lines: list[TextLine]) -> list[tuple[int, int | None]]:
    """(first line, Quốc hiệu line) of each document's header band. The first document's
    band is the first Quốc hiệu or Tiêu ngữ of the file (a scan may have lost the Quốc hiệu
    at its cut top edge); a later band opens a page of its own after the first page."""
    marks = [ln.index for ln in lines if _is_band_mark(lines, ln.index)]
    if not marks:
        return []
    first = marks[0]
    found = [(_agency_start(lines, first), first)]
    for mark in marks[1:]:
        if lines[mark].page <= lines[found[-1][1]].page:
            continue
        start = _agency_start(lines, mark)
        if _opens_page(lines, start):
            found.append((start, mark))
    return found


def _is_band_mark(lines: list[TextLine], i: int) -> bool:
    """A Quốc hiệu, or a Tiêu ngữ with no Quốc hiệu just above it."""
    if is_national_line(lines[i].text):
        return True
    return is_motto_line(lines[i].text) and not any(
        is_national_line(ln.text) for ln in lines[max(0, i - MOTTO_REACH): i])


MOTTO_REACH = 3  # lines above a Tiêu ngữ within which its Quốc hiệu stands
PAGE_TOP_LINES = 3  # lines a page may carry above a header band (a stamp, "DỰ THẢO", a page number)


def _opens_page(lines: list[TextLine], start: int) -> bool:
    """Whether the header band starting at ``start`` is at the top of its page."""
    page = lines[start].page
    above = [ln for ln in lines[max(0, start - PAGE_TOP_LINES - 1): start] if ln.page == page]
    return len(above) <= PAGE_TOP_LINES


def _header_from(lines: list[TextLine], national: int | None, stop: int, start: int | None = None) -> Header:
    """The header whose Quốc hiệu is ``national`` (None: the text has none), its title sought
    up to the document's last line ``stop``."""
    anchor = national if national is not None else 0
    if start is None:
        start = _agency_start(lines, anchor) if national is not None else 0
    title, entry = None, None
    for ln in lines[start: min(stop, anchor + HEADER_SPAN)]:
        if ln.index == national:
            continue
        if ln.index > anchor and ascii_key(ln.text).startswith(_BODY_KEYS):
            break  # the body of a công văn has begun: a heading in it is no title
        entry = type_of_title(ln.text)
        if entry is not None:
            title = ln.index
            break
    end = title + 1 if title is not None else min(stop, anchor + 12)
    return Header(start, national, title, entry, end, stop)


def _agency_start(lines: list[TextLine], national: int) -> int:
    """Walk back from the Quốc hiệu over the header band: left-column lines, capitals,
    separators, the Số and V/v lines, and the right column's own lines above the anchor (a
    Quốc hiệu OCR garbled above the Tiêu ngữ); stop at body-like text, the page top or 12
    lines."""
    start = national
    for ln in reversed(lines[max(0, national - 12): national]):
        if ln.page != lines[national].page:
            break
        if ln.column == 1:
            if is_header_like(ln.text):
                continue
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
