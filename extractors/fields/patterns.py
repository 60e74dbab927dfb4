"""Regular-expression building blocks shared by the deep field modules, compiled once.

Pieces are plain strings (``DAY``, ``MONTH``, ``YEAR``, ``NUMBER`` …) so that composite
patterns can be built from them; the composites are compiled here with named groups.
Every composite names a real example it matches. Matching of words ignores case; the
pieces tolerate the line wraps and single spaces that PDF text and OCR leave inside them.
"""
from __future__ import annotations

import re

WS = r"[ \t\n\f]+"          # white space that may include a line wrap
OWS = r"[ \t\n\f]*"

# --- dates -----------------------------------------------------------------------------
DAY = r"\d{1,2}"            # "03", "3", also "31" of "31 tháng 02" (checked later)
MONTH = r"\d{1,2}"          # "6", "06", "12"
YEAR = r"(?:19|20)\d\d"     # "2020"
ROMAN_QUARTER = r"(?:IV|I{1,3})"

# ngày 03 tháng 6 năm 2020
DATE_LONG = re.compile(
    rf"ngày{WS}(?P<day>{DAY}){WS}tháng{WS}(?P<month>{MONTH}){OWS},?{WS}năm{WS}(?P<year>{YEAR})\b",
    re.I)
# 31/12/2024 · 09-9-2024 · 10.12.2021 (optionally after "ngày")
DATE_SHORT = re.compile(
    rf"(?:ngày{WS})?(?<![\d/.\-])(?P<day>{DAY})(?P<sep>[/.\-])(?P<month>{MONTH})(?P=sep)"
    rf"(?P<year>{YEAR})(?![\d])",
    re.I)  # searched near years only (timex.scan_times)
# ngày 09/9 (no year: the year comes from the other end of a range)
DATE_NO_YEAR = re.compile(
    rf"ngày{WS}(?P<day>{DAY})[/\-](?P<month>{MONTH})(?![\d/\-])", re.I)
# 00h · 8 giờ 30 · 14h30 · 24h00 (end of day) · 8 giờ 30 phút — a time of day, before "ngày …"
TIME_OF_DAY = re.compile(
    rf"(?<![\d.,/])(?P<hour>[01]?\d|2[0-4]){OWS}(?:h|giờ|g|:)(?:{OWS}(?P<minute>[0-5]\d)(?:{OWS}phút)?)?"
    rf"(?![\w/])",
    re.I)
# tháng 10/2024 · tháng 10 năm 2024 · tháng 10-2024
MONTH_YEAR = re.compile(
    rf"tháng{WS}(?P<month>{MONTH}){OWS}(?:[/\-]|{WS}năm{WS}){OWS}(?P<year>{YEAR})\b", re.I)
# quý 1-2022 · quý I/2022 · quý IV năm 2024
QUARTER = re.compile(
    rf"quý{WS}(?P<quarter>[1-4]|{ROMAN_QUARTER})\b{OWS}(?:[/\-]|,?{WS}năm{WS}){OWS}(?P<year>{YEAR})\b",
    re.I)
# 6 tháng đầu năm 2024 · 6 tháng cuối năm 2024
HALF_YEAR = re.compile(
    rf"(?:6|sáu){WS}tháng{WS}(?P<half>đầu|cuối){WS}năm{WS}(?P<year>{YEAR})\b", re.I)
# năm 2025 · cuối năm 2022 · hết năm 2025 · đầu năm 2022
YEAR_WORD = re.compile(
    rf"(?:(?P<edge>cuối|hết|đầu|giữa){WS})?năm{WS}(?P<year>{YEAR})\b(?![/\-]\d)", re.I)
# 2021-2025 · 2021 - 2025 · 2021 – 2025
YEAR_RANGE = re.compile(rf"(?<![\d/])(?P<y1>{YEAR}){OWS}[-–—]{OWS}(?P<y2>{YEAR})(?![\d/])")

# --- numbers ---------------------------------------------------------------------------
# 85 · 2,5 · 1.000.000 · 1.000.000,5 (Vietnamese: "." groups thousands, "," marks decimals)
NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
# 85% · 2,5 % · 100 phần trăm
PERCENT = re.compile(rf"(?<![\w.,/])(?P<num>{NUMBER}){OWS}(?:%|phần{WS}trăm\b)", re.I)

# --- document numbers ------------------------------------------------------------------
_SYM = r"[A-ZĐÐ][A-Za-z0-9ĐđÐ&]*"          # "QĐ", "TTg", "UBND", "QH14"
_CAPS = r"[A-ZĐÐ]{2,}[A-Za-z0-9ĐđÐ]*"       # a part after "- " that OCR split off: "BGTVT"
# 749/QĐ-TTg · 30/2020/NĐ-CP · 45/2019/QH14 · 123/UBND-VX · 1743/QĐ- BGTVT (OCR space)
DOC_NUMBER = re.compile(
    rf"(?P<num>\d{{1,5}}[a-zđ]?)(?:/(?P<year>{YEAR}))?{OWS}/{OWS}(?P<sym>{_SYM}"
    rf"(?:(?:-|–)(?:{_SYM})|(?:-|–)[ ](?:{_CAPS}))*)")
# 04-NQ/TU · 57-NQ/TW · 35-KL/TW · 01-QĐi/TW
# (both number patterns start with a digit for speed: ``glued_before`` rejects "a12/…", "3.12/…")
PARTY_NUMBER = re.compile(
    rf"(?P<num>\d{{1,5}})-(?P<code>{_SYM})/(?P<body>{_SYM}(?:-{_SYM})*)")

# --- contacts and addresses --------------------------------------------------------------
# 0969.701.168 · 0905 123 456 · (0236) 3.822.123 · +84 236 3822 123 · 0905123456
PHONE = re.compile(
    r"(?:\(\+?84\)|\+84|\(0\d{2,3}\)|0)[ .\-]?\d{1,4}(?:[ .\-]?\d{2,4}){1,3}(?![\w])")


def find_phones(text: str, start: int = 0, end: int | None = None) -> list[re.Match]:
    """Phone numbers (9 digits or more) not glued to a word or number before them."""
    end = len(text) if end is None else end
    return [m for m in PHONE.finditer(text, start, end)
            if (m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "._"))
            and sum(c.isdigit() for c in m.group(0)) >= 9]
# haitt2@danang.gov.vn
EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# https://tttt.danang.gov.vn · www.chinhphu.vn/abc
URL_SCHEME = re.compile(r"(?:https?://|www\.)[^\s<>\"“”()]+", re.I)


def glued_before(text: str, start: int) -> bool:
    """Whether the match at ``start`` continues a word or number ("x12/QĐ", "1.2/…", "5-12/…")."""
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_/.-")


def words_alternation(words: list[str]) -> str:
    """A regex alternation of ``words``, longest first, each allowing a wrap between its words.

    ``words_alternation(["ít nhất", "trên"])`` matches "ít nhất", "ít\\nnhất" and "trên".
    """
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(WS.join(re.escape(part) for part in w.split()) for w in ordered)

# Vietnamese capital letters (for names: "Thái Thanh Hải", "Ủy ban")
UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
# one capitalised word: "Hồ", "Đắk", "Thủ"
CAP_WORD = rf"[{UPPER}][\w]*"
