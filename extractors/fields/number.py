"""Số, ký hiệu: "Số: 2242/KH-UBND" → raw "2242/KH-UBND", number 2242, symbol "KH-UBND".

Read from the header only, so that numbers of incoming-mail stamps ("CV ĐẾN Số 2352, Ngày
21/3/18") and cited documents are never taken. A number written by hand is often blank in
the text layer or garbled by OCR ("Số: Ø2 /CT-UBND"): on a scan it is taken from the digit
recogniser's reading of the blank when that is sure enough (``fields.handwritten``), and
otherwise left ``None`` with a warning naming what was seen, never guessed.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from extractors.fields.handwritten import DEFAULT_THRESHOLD, disagrees, is_number, reading_of, weigh
from extractors.readers.model import HandReading
from extractors.records import Number, Span
from extractors.segment import TextLine
from extractors.textkeys import ascii_key, ocr_digits
from extractors.wordlists import load

# "Số:", "Số", "SỐ:", OCR "Sô:", and "Luật số:", "Nghị quyết số:" (legal-normative headers)
_LEAD = re.compile(r"(?:^|(?<=\s))(?:S[ốôoóồỗổộ6]|SỐ)\s*[:.;]?\s*", re.IGNORECASE)
_PART = r"[0-9A-Za-zĐđƯưƠơ]+"
# the number part (digits, or what OCR made of a handwritten one), then "/" and the symbol;
# spaces around "/" and "-" are OCR breaks: "1743/QĐ- BGTVT", "11 /TB-UBND"; the police
# put the unit or its team in brackets after the symbol: "511/TTr-CAT(PC04)",
# "1413/CAT-PC04(Đ1)"
_BODY = re.compile(
    rf"(?P<num>[^\s/]{{0,6}}?)\s*/\s*(?P<sym>{_PART}(?:\s?[-/]\s?{_PART})*(?:\({_PART}\))?)"
)
# Party documents put a hyphen first: "04-NQ/TU"
_PARTY = re.compile(rf"(?P<num>\d{{1,5}})-(?P<sym>[A-ZĐ]{{1,6}}/{_PART})")


@dataclass(frozen=True)
class NumberFound:
    number: Number
    span: Span
    warning: str | None = None


def parse_number(body: str) -> tuple[Number, int, int] | None:
    """Parse what follows "Số:"; returns the Number and the (start, end) it used in ``body``."""
    party = _PARTY.match(body)
    if party:
        raw = party.group(0)
        return Number(raw, int(party.group("num")), raw.split("/", 1)[1]), 0, party.end()
    match = _BODY.match(body)
    if not match:
        return None
    symbol = re.sub(r"\s+", "", match.group("sym"))
    if not any(c.isalpha() for c in symbol) or not symbol[0].isalnum():
        return None
    if not any(c.isupper() for c in symbol):
        return None
    digits = match.group("num")
    value = None
    if digits and (cleaned := ocr_digits(digits)):
        value, digits = int(cleaned), cleaned
    raw = f"{digits}/{symbol}" if value is not None else f"/{symbol}"
    return Number(raw, value, symbol), match.start(), match.end()


def find_number(lines: list[TextLine], ocr_pages: frozenset[int] = frozenset(),
                threshold: float = DEFAULT_THRESHOLD) -> NumberFound | None:
    """The first "Số: …/…" of the header lines given. A number without its "/" ("Số:
    11GNP-SNV") is kept as printed, or, on a page read by OCR, which loses slashes far more
    often than print does, read with the "/" put back. A handwritten number is read when
    its confidence reaches ``threshold``."""
    for ln in lines:
        if _is_stamp(ln.text):
            continue
        for lead in _LEAD.finditer(ln.text):
            if lead.start() > 0 and not _after_type_word(ln.text[: lead.start()]):
                continue
            offset = lead.end()
            parsed = parse_number(ln.text[offset:]) or _written_over(ln, offset)
            if parsed is None:
                slashless = SLASH_LOST.match(ln.text, offset)
                if slashless:
                    return _slash_lost(ln, slashless, ln.page in ocr_pages)
                continue
            return _found(ln, offset, parsed, threshold)
    return _bare_number_line(lines, threshold)


def _found(ln: TextLine, offset: int, parsed: tuple[Number, int, int], threshold: float) -> NumberFound:
    """The number parsed at ``offset`` of ``ln``, its digits taken from the recogniser's
    reading where they were written by hand."""
    number, start, end = parsed
    warning = None
    digits_end = offset + start + number.raw.index("/")
    hand = ln.handwritten(offset + start, digits_end)
    reading = reading_of(ln.line.readings, "number")
    if reading is not None and _written(reading, number, hand):
        number, warning = by_hand(number, reading, threshold)
    elif number.number is not None and hand:
        seen = ln.text[offset + start: digits_end].strip()
        number = Number(f"/{number.symbol}", None, number.symbol, handwritten=True)
        warning = f"the number is handwritten (OCR saw {seen!r}); it is left blank rather than guessed"
    elif number.number is None:
        what = ln.text[offset + start: offset + end].split("/")[0].strip()
        warning = ("the number is blank (filled in by hand)" if not what else
                   f"the number is unreadable ({what!r}, probably handwritten)")
    return NumberFound(number, ln.span(offset + start, offset + end), warning)


def _written_over(ln: TextLine, offset: int) -> tuple[Number, int, int] | None:
    """On a line whose blank the recogniser read, the "/symbol" after OCR's rendering of
    the written digits ("Số: 5 #2 /KH-BCA-C04"): the symbol, the digits left blank."""
    slash = ln.text.find("/", offset)
    if reading_of(ln.line.readings, "number") is None or slash < 0:
        return None
    parsed = parse_number(ln.text[slash:])
    if parsed is None or parsed[1] != 0:
        return None
    number, _, end = parsed
    return number, 0, slash - offset + end


def _written(reading: HandReading, number: Number, hand: bool) -> bool:
    """Was the number written by hand? The ink says so, or the recogniser read digits other
    than Tesseract's (print reads alike in both); an empty blank was not written in."""
    if number.number is None and reading.best == "":
        return False
    return hand or reading.hand or disagrees(reading, number.number)


def by_hand(number: Number, reading: HandReading, threshold: float) -> tuple[Number, str]:
    """The number with its digits taken from ``reading`` (or left blank when unsure)."""
    written = weigh(reading, is_number, threshold, "number")
    digits = written.digits
    raw = f"{digits or ''}/{number.symbol}"
    value = int(digits) if digits else None
    return Number(raw, value, number.symbol, True, written.confidence), written.warning


# the "/" between number and symbol lost to OCR, a typo or a portal: "Số: 11GNP-SNV",
# "7079VBHN-BVHTTDL" (also read by ``portal.parse_portal_number``)
SLASH_LOST = re.compile(r"(?P<num>\d{1,5})(?P<sym>[A-ZĐ][A-Za-zĐđ]{0,5}-[A-ZĐ][A-Za-zĐđ0-9-]*)(?=\s|$)")


def slash_lost_number(match: re.Match, restore: bool = False) -> Number:
    """The Number of a ``SLASH_LOST`` match, kept as printed or with its "/" put back."""
    raw = f"{match.group('num')}/{match.group('sym')}" if restore else match.group(0)
    return Number(raw, int(match.group("num")), match.group("sym"))


def _slash_lost(ln: TextLine, match: re.Match, ocr: bool) -> NumberFound:
    number = slash_lost_number(match, restore=ocr)
    warning = f"the number has no \"/\" after its digits ({match.group(0)!r})"
    return NumberFound(number, ln.span(match.start(), match.end()),
                       f"{warning}; read as {number.raw}" if ocr else warning)


def _bare_number_line(lines: list[TextLine], threshold: float) -> NumberFound | None:
    """A header line that is only "…/TTr-UBND": the word "Số:" lost under a stamp or to OCR."""
    for ln in lines:
        text = ln.text.strip()
        parsed = parse_number(text)
        if parsed is None or parsed[2] != len(text) or "-" not in parsed[0].symbol:
            continue
        if reading_of(ln.line.readings, "number") is not None:
            return _found(ln, ln.text.index(text), parsed, threshold)
        number, start, end = parsed
        lead = ln.text.index(text)
        warning = None if number.number is not None else "the number is blank or handwritten"
        return NumberFound(number, ln.span(lead + start, lead + end), warning)
    return None


def _after_type_word(prefix: str) -> bool:
    """"Luật số:", "Thông tư liên tịch số:" — a line opening with a type name, then "số"; or
    nothing but noise before "Số". "Căn cứ Nghị định số …" cites another document."""
    key = ascii_key(prefix)
    return not key or key in _type_names()


@functools.cache
def _type_names() -> frozenset[str]:
    return frozenset(ascii_key(t["name"]) for t in load("doc_types")["type"])


def _is_stamp(text: str) -> bool:
    key = ascii_key(text)
    return "den" in key.split()[:3] and ("cv" in key.split() or "cong van" in key)


def reconcile_type_code(number: Number, code: str | None) -> Number:
    """The ký hiệu's type code as the title line names it, where OCR slipped on one letter:
    title "TỜ TRÌNH" with "18/TIr-SNV" → "18/TTr-SNV"; "QUYẾT ĐỊNH" with "21/QĐĐ-SNV" →
    "21/QĐ-SNV". A code that differs by more, or a number without a type code (công văn),
    is left as read."""
    if not code or not number.symbol or number.raw is None:
        return number
    parts = number.symbol.split("-")
    slot = 1 if "/" in parts[0] else 0  # legal-normative symbols: "2020/NĐ-CP"
    head, _, tail = parts[0].rpartition("/") if slot else ("", "", parts[0])
    if tail == code or _edits(tail, code) != 1 or len(code) < 2:
        return number
    fixed = "-".join([f"{head}/{code}" if slot else code, *parts[1:]])
    digits = number.raw[: len(number.raw) - len(number.symbol)]
    return dataclasses.replace(number, raw=digits + fixed, symbol=fixed)


def _edits(a: str, b: str) -> int:
    """Levenshtein distance of two short codes."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]
