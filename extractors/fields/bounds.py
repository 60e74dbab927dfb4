"""How late a document can have been issued: what a clerk checks a handwritten day against.

Every date the file carries of something that happened to the issued document is an
upper bound of its date of issue, never the date itself (copies and receipts come days
later): the time of its digital signatures (the issuing body's, and a certified copy's
"SAO Y" signature), and the day of an incoming-mail stamp ("CV ĐẾN Số 2352, Ngày
21/3/18"). The earliest is kept, with where it came from.

Example: signatures of 2025-01-15T17:10 and 2025-01-16T07:46 → latest 2025-01-15,
"the digital signature of 2025-01-15".
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from extractors.fields.handwritten import DEFAULT_THRESHOLD
from extractors.readers.model import SignatureInfo
from extractors.segment import TextLine

# "Ngày 21/3/18", "ngày: 21/03/2018" on or under an incoming-mail stamp's "ĐẾN" line
_RECEIVED = re.compile(r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4}|\d{2})\b")
# the stamp's word "ĐẾN", in capitals as stamped (also as OCR reads it); the word "đến" of
# a sentence is not one
_STAMP_WORD = re.compile(r"(?<!\w)(?:ĐẾN|ĐÊN|ĐÉN|ĐỀN|DEN)(?!\w)")
STAMP_LINES = 3  # the stamp's date is on its "ĐẾN" line or the two below
STAMP_WORDS = 8  # a stamp's lines are short


@dataclass(frozen=True)
class Clues:
    """What the header readers may check handwriting against, and the threshold to use."""

    latest: dt.date | None = None
    latest_source: str | None = None
    threshold: float = DEFAULT_THRESHOLD


def clues_of(signatures: list[SignatureInfo], lines: list[TextLine],
             threshold: float = DEFAULT_THRESHOLD) -> Clues:
    """The earliest signing or receipt date among ``signatures`` and the stamps of ``lines``."""
    found = [(d, f"the digital signature of {d.isoformat()}")
             for d in (_signed_on(s) for s in signatures) if d is not None]
    found += [(d, f"the incoming-mail stamp of {d.isoformat()}") for d in _received(lines)]
    if not found:
        return Clues(threshold=threshold)
    latest, source = min(found)
    return Clues(latest, source, threshold)


def _signed_on(signature: SignatureInfo) -> dt.date | None:
    if not signature.signed_at:
        return None
    try:
        return dt.date.fromisoformat(signature.signed_at[:10])
    except ValueError:
        return None


def _received(lines: list[TextLine]) -> list[dt.date]:
    out = []
    for i, line in enumerate(lines):
        if not _STAMP_WORD.search(line.text) or len(line.text.split()) > STAMP_WORDS:
            continue
        for near in lines[i: i + STAMP_LINES]:
            if len(near.text.split()) > STAMP_WORDS:
                continue
            match = _RECEIVED.search(near.text)
            if match:
                out.extend(_date(match))
                break
    return out


def _date(match: re.Match) -> list[dt.date]:
    year = int(match["y"]) + (2000 if len(match["y"]) == 2 else 0)
    try:
        return [dt.date(year, int(match["m"]), int(match["d"]))]
    except ValueError:
        return []
