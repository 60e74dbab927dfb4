"""The document's own number and date printed elsewhere in its file.

An attachment names the document it goes with on a line of its own: "(Kèm theo Công văn
số 5240/BCA-V01 ngày 23/11/2025 của Bộ Công an)", "Ban hành kèm theo Quyết định số
1716/QĐ-UBND ngày 16/10/2025 …". Such a line, with the record's own ký hiệu (and, when it
gives a date, the record's printed month and year), is what a clerk would read the
handwritten number and day from: it fills a number or day the recogniser left unread,
and confirms or overrules one it read, with a warning naming the line.

Example: a record "/BCA-V01", 2025-11 with the line above on page 3 gets number 5240 and
issued_on 2025-11-23.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extractors.records import Document, Handwriting
from extractors.segment import TextLine
from extractors.textkeys import ascii_key

PRINTED = 0.99  # confidence of a value the file prints elsewhere
_SELF = re.compile(
    r"^\s*\(?\s*(?:ban\s+hành\s+)?(?:kèm\s+theo|gửi\s+kèm|đính\s+kèm)\b[^\n]{0,40}?\bsố\s*:?\s*"
    r"(?P<num>\d{1,5})\s*/\s*(?P<sym>[0-9A-Za-zĐđ][0-9A-Za-zĐđ()\-/]*)"
    r"(?:\s*,?\s*ngày\s*(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4}))?",
    re.IGNORECASE)


@dataclass(frozen=True)
class SelfCitation:
    number: int
    day: int | None
    where: str  # "page 3: (Kèm theo Công văn số 5240/BCA-V01 …"


def find_self_citation(lines: list[TextLine], symbol: str, year_month: str | None) -> SelfCitation | None:
    """The first line naming this document by its ``symbol`` (and date, if it gives one)."""
    for ln in lines:
        match = _SELF.match(ln.text)
        if match is None or _key(match["sym"]) != _key(symbol):
            continue
        if match["y"] and year_month and f"{match['y']}-{int(match['m']):02d}" != year_month:
            continue
        day = int(match["d"]) if match["d"] and year_month else None
        return SelfCitation(int(match["num"]), day, f"page {ln.page}: {ln.text.strip()[:80]}")
    return None


def apply_self_citation(doc: Document, lines: list[TextLine]) -> None:
    """Fill or check the handwritten number and day of ``doc`` against its own citation."""
    number = doc.number
    if not number.symbol or not (number.handwritten or doc.issued.handwritten):
        return
    year_month = doc.issued_on[:7] if doc.issued_on and len(doc.issued_on) >= 7 else None
    found = find_self_citation(lines, number.symbol, year_month)
    if found is None:
        return
    if number.handwritten:
        doc.number = replace(number, raw=f"{found.number}/{number.symbol}", number=found.number,
                             confidence=max(number.confidence or 0.0, PRINTED)
                             if number.number == found.number else PRINTED)
        doc.warnings.append(f"the number {found.number} is printed in the file ({found.where})")
    if found.day and doc.issued.handwritten and year_month:
        date = f"{year_month}-{found.day:02d}"
        if doc.issued_on != date:
            doc.warnings.append(f"the date {date} is printed in the file ({found.where})")
        doc.issued_on = date
        doc.issued = Handwriting(True, max(doc.issued.confidence or 0.0, PRINTED))


def _key(symbol: str) -> str:
    return ascii_key(symbol).replace(" ", "")
