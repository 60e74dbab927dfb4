"""Cơ quan ban hành: the agency lines at the top left, in normal case.

"ỦY BAN NHÂN DÂN / TỈNH QUẢNG NGÃI" → "Ủy ban nhân dân tỉnh Quảng Ngãi"; with a cơ quan
chủ quản above ("UBND TỈNH ĐẮK LẮK / SỞ NỘI VỤ") the first body is the ``parent``.
Stamp text, separators and the Quốc hiệu are skipped; the block starts at the first line
that names a kind of body (Ủy ban, Sở, Bộ, …), so stamp or OCR noise above it is dropped.
"""
from __future__ import annotations

import dataclasses
import functools
import re

from extractors import nlp
from extractors.casing import starts_with_words, is_upper, organisation_case
from extractors.fields.doc_type import is_type_code
from extractors.fields.header import is_motto_line, is_national_line, is_separator
from extractors.records import Issuer, Span
from extractors.segment import TextLine, type_of_title
from extractors.textkeys import ascii_key
from extractors.wordlists import load


@functools.cache
def _kinds() -> tuple[str, ...]:
    data = load("casing")
    words = list(data["organisations"]) + list(data["abbreviations"]) + ["Chủ tịch", "Thủ tướng"]
    return tuple(sorted({ascii_key(w) for w in words}, key=len, reverse=True))


@functools.cache
def _kinds_as_written() -> tuple[str, ...]:
    return tuple(k.casefold() for k in load("casing")["organisations"])


@functools.cache
def _not_kinds() -> tuple[str, ...]:
    return tuple(ascii_key(k) for k in load("casing")["not_organisations"])


def _opens_like(low: str, kind: str) -> bool:
    return low == kind or low.startswith(kind + " ")


def names_body(text: str) -> bool:
    """"Sở Nội vụ", "Ủy ban nhân dân …" with their marks ("Vũ Thị Lan" is no "Vụ"; "Tổ chức
    hội nghị" is no "Tổ")."""
    low = text.casefold()
    return any(_opens_like(low, k) for k in _kinds_as_written()) and not _names_no_body(text)


def _names_no_body(text: str) -> bool:
    key = ascii_key(text)
    return any(_opens_like(key, k) for k in _not_kinds())


def starts_organisation(text: str) -> bool:
    """"ỦY BAN NHÂN DÂN …", "SỞ NỘI VỤ", also OCR-slipped "UX BẠN NHÂN DÂN". A kind of one
    syllable must keep its marks unless the line lost all of them: "SỐ" is no "SỞ", "TỜ
    TRÌNH" no "TỔ"; OCR's "SO NOI VU" still is."""
    key = ascii_key(text)
    if _names_no_body(text):
        return False
    if any(_opens_like(key, k) for k in _kinds() if " " in k):
        return True
    first = key.split(" ", 1)[0]
    if first in _kinds() and (names_body(text) or _abbreviated(text) or text.isascii()):
        return True
    words = text.split()
    return any(len(k.split()) >= 3 and starts_with_words(words, k.split()) for k in _kinds())


def opens_with_kind_phrase(text: str) -> bool:
    """Whether ``text`` opens with a kind of body of two words or more, marks aside ("TÔ CÔNG
    TÁC" is a Tổ công tác OCR slipped on, not a person)."""
    key = ascii_key(text)
    return any(_opens_like(key, k) for k in _kinds() if " " in k) and not _names_no_body(text)


def _abbreviated(text: str) -> bool:
    """"UBND TỈNH …", "HĐND …": a kind written as its abbreviation."""
    first = text.split(" ", 1)[0]
    return first.upper() in load("casing")["abbreviations"]


_NUMBER_LINE = re.compile(r"^\W{0,3}S[ốôoó6]\s*[:.]|^\W{0,3}S[ốô]\s*\d", re.IGNORECASE)


@functools.cache
def _stamp_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    stamps = load("header_words")["stamps"]
    marks = tuple(ascii_key(w) for w in stamps["urgency"] + stamps["secrecy"])
    incoming = tuple(ascii_key(w) for w in stamps["incoming"] if len(w) > 4)
    return marks, incoming


_STAMP_DATE = re.compile(r"^\W*Ngày\s*:?\s*\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4}\W*$", re.IGNORECASE)


def is_stamp_line(text: str) -> bool:
    """An urgency or secrecy mark ("HỎA TỐC", "MẬT") or a line of an incoming-mail stamp
    ("CV ĐẾN Số: 2352", "Ngày 21/3/18") laid over the header: not the agency's."""
    key = ascii_key(text)
    marks, incoming = _stamp_words()
    if key in marks or _STAMP_DATE.match(text):
        return True
    return any(key.startswith(w) for w in incoming)


def agency_lines(lines: list[TextLine]) -> list[TextLine]:
    """Upper-case lines of the left column before the Số line."""
    out = []
    for ln in lines:
        if is_stamp_line(ln.text):
            continue
        if _NUMBER_LINE.match(ln.text) or "/" in ln.text or type_of_title(ln.text):
            break
        if ln.column == 1 or is_separator(ln.text) or is_motto_line(ln.text):
            continue
        if is_national_line(ln.text):
            ln = _before_national(ln)  # columns run together: "ỦY BAN … TỈNH BẮC CỘNG HÒA …"
            if ln is None:
                continue
        if is_upper(ln.text):
            out.append(ln)
    return out


_NATIONAL = re.compile(r"\s+C[ỘO]NG\s+H[ÒOÀ]A\s+X[ÃA]\s+H[ỘO]I\b")


def _before_national(ln: TextLine) -> TextLine | None:
    """The agency words before a Quốc hiệu that the reader ran into the same line."""
    match = _NATIONAL.search(ln.text)
    if not match or match.start() == 0:
        return None
    return dataclasses.replace(ln, text=ln.text[: match.start()])


def find_issuer(lines: list[TextLine]) -> tuple[Issuer, Span | None]:
    """The issuing body is the last of the header's bodies — printed bold where the print's
    weight is known — and its ``parent`` the body just above it: "BỘ CÔNG AN / CỤC CẢNH SÁT …
    / TỔ CÔNG TÁC …" gives the Tổ công tác, under the Cục."""
    block = agency_lines(lines)
    starts = [i for i, ln in enumerate(block) if starts_organisation(ln.text)
              and not _wrapped(_line_before(block, i), ln.text)]
    if not starts:
        return Issuer(), None
    block = block[starts[0]:]
    starts = [s - starts[0] for s in starts]
    cut = _bold_start(block)
    if cut is None:
        cut = starts[-1]
    above = [s for s in starts if s < cut]
    parent = organisation_case(_bare(block[above[-1]:cut])) if above else None
    own = block[cut:]
    name = organisation_case(_bare(own))
    span = Span(own[0].page, own[0].start, own[-1].end)
    return Issuer(name, parent), span


def _bold_start(block: list[TextLine]) -> int | None:
    """Where the last run of bold lines starts, when the print's weight is known and the
    block mixes weights (Nghị định 30: the issuing body bold, the bodies above it not)."""
    weights = [ln.line.bold for ln in block]
    if None in weights or not weights[-1] or all(weights):
        return None
    cut = len(weights)
    while cut and weights[cut - 1]:
        cut -= 1
    return cut


def _line_before(block: list[TextLine], i: int) -> str:
    """The nearest line above ``i`` that has letters (not a rule or a speck "-")."""
    return next((ln.text for ln in reversed(block[:i]) if any(c.isalpha() for c in ln.text)), "")


def _wrapped(before: str, line: str) -> bool:
    """Does ``line`` finish the name ``before`` began? "PHÒNG TÀI NGUYÊN VÀ MÔI / TRƯỜNG":
    the last word before and the first after make one word ("môi trường"), or the name
    broke after "VÀ"."""
    last = [w for w in (w.strip(".,;:-_") for w in before.split()) if w][-1:]
    first = [w for w in (w.strip(".,;:-_") for w in line.split()) if w][:1]
    if not last or not first:
        return False
    word = f"{last[0]} {first[0]}".casefold()
    if word in _kind_words():
        return False  # "TỈNH ỦY / BAN TUYÊN GIÁO": "ủy ban" across the break is no word of the name
    if before.rstrip().endswith(",") or last[0].casefold() == "và":
        return True  # "BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, / CÔNG NGHỆ, …": a list goes on
    key = ascii_key(line)
    if any(_opens_like(key, k) for k in _kinds() if " " in k):
        return False  # "… HÀNH CHÍNH / TỔ CÔNG TÁC …": a body of its own ("chính tổ" aside)
    return word in nlp.dictionary()


@functools.cache
def _kind_words() -> frozenset[str]:
    """The two-word openings of the kinds of body ("ủy ban", "văn phòng", "hội đồng")."""
    return frozenset(" ".join(kind.split()[:2]).casefold() for kind in load("casing")["organisations"]
                     if len(kind.split()) >= 2)


def _bare(lines: list[TextLine]) -> str:
    """The lines joined, without the stop or speck OCR may leave after a name ("SỞ NỘI VỤ.");
    a comma that ends a wrapped line is the name's own ("BAN CHỈ ĐẠO PHÒNG, / CHỐNG …")."""
    kept = [ln.text for ln in lines if any(c.isalpha() for c in ln.text)]
    inner = [t.rstrip(" .;:-_") for t in kept[:-1]]
    return " ".join(inner + [t.rstrip(" .,;:-_") for t in kept[-1:]])


@functools.cache
def _self_naming() -> re.Pattern:
    kinds = sorted(load("casing")["organisations"], key=len, reverse=True)
    return re.compile(
        rf"(?:^|[.;]\s+)(?P<org>(?:{'|'.join(map(re.escape, kinds))})\s[^,.;:()]{{2,80}}?)\s+"
        r"(?:kính|trân trọng|xin)\s+(?:đề nghị|báo cáo|thông báo|gửi|mời|trình)")


_WORD = re.compile(r"[^\W\d_]+")
_NOT_IN_INITIALS = {"và"}  # "Sở Thông tin và Truyền thông" → STTTT
GENERIC_CODES = {"UBND", "HĐND", "UB"}  # they name a kind of body, not which one
MIN_CODE = 3


def issuer_by_code(lines: list[TextLine], symbol: str | None) -> tuple[Issuer, Span | None]:
    """Where the header names no agency, the ký hiệu does, by initials: "245/SKHĐT-TH" and
    "Sở Kế hoạch và Đầu tư đề nghị …" in the body give "Sở Kế hoạch và Đầu tư" — the first
    run of words that opens with a kind of body and whose initials spell the code."""
    code = _agency_code(symbol)
    if code is None:
        return Issuer(), None
    for ln in lines:
        if code[0] not in ln.text.upper():
            continue  # no word opens with the code's first letter: most body lines
        words = list(_WORD.finditer(ln.text))
        for i, first in enumerate(words):
            if first.group()[0] != code[0]:
                continue  # the name opens with a capital, as the code does ("Sở", not "sơ")
            end = _spelled(words, i, code)
            if end is not None and starts_organisation(ln.text[first.start():]):
                span = (first.start(), words[end].end())
                return Issuer(ln.text[span[0]:span[1]]), ln.span(*span)
    return Issuer(), None


def _agency_code(symbol: str | None) -> str | None:
    """The part of a ký hiệu that names the agency: "SKHĐT-TH" (công văn) → "SKHĐT";
    "KH-SNV" → "SNV"; generic codes (UBND) and short ones name none."""
    if not symbol:
        return None
    parts = symbol.split("/")[-1].split("-")
    for part in parts:
        if len(part) >= MIN_CODE and part.isupper() and part not in GENERIC_CODES \
                and not is_type_code(part):
            return part
    return None


def _spelled(words: list[re.Match], start: int, code: str) -> int | None:
    """Index of the word with which the initials of ``words`` from ``start`` spell ``code``,
    or None."""
    spelled = ""
    for k in range(start, len(words)):
        word = words[k]
        text = word.group()
        if text.casefold() in _NOT_IN_INITIALS:
            continue
        spelled += text[0].upper()
        if not code.startswith(spelled):
            return None
        if spelled == code:
            return k
    return None


def issuer_from_body(lines: list[TextLine]) -> tuple[Issuer, Span | None]:
    """Where the header names no agency, the body often does: "Sở Thông tin và Truyền thông
    kính đề nghị Quý cơ quan …" — the first body sentence in which a body speaks of itself."""
    pattern = _self_naming()
    for ln in lines:
        match = pattern.search(ln.text)
        if match:
            return Issuer(match.group("org").strip()), ln.span(match.start("org"), match.end("org"))
    return Issuer(), None
