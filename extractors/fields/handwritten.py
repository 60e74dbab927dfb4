"""A number, day or month written by hand, weighed as a careful clerk weighs it.

The reader (``readers.handread``) gives, for a blank of the form, digit strings with
their share of the recogniser's probability. Here the strings that cannot be the value
are set aside — a day must exist in the printed month and year and fall no later than
the document was signed (``Clues.latest``); a month is 1–12; a number has 1–5 digits —
and the best of the rest is taken when its confidence reaches the threshold:

    confidence = share of the best / (share of the possible + LAMBDA × share of the
                 impossible) × digitness, raised when Tesseract read the same digits,
                 and cubed for a number (``NUMBER_EXPONENT``).

A day or a month is checked by the calendar and the signatures; a number has nothing to
be checked against, and its raw confidence proved too high on the generated forms (a
narrow "7" read as "1" at 0.86–1.00), so it is cubed: 0.90 becomes 0.73.

Below the threshold the value stays None, with a warning naming what was seen. The
threshold was calibrated on the TUNE scans of the dev corpus and on generated forms
(README, "Handwritten numbers and days"); ``ExtractOptions.hand_threshold`` and
``docgen extract --hand-threshold`` set another.

Example: a day read as ("45", 0.58), ("15", 0.40) in January 2025 of a document signed
on 15/01/2025 gives 15: "45" is no day.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Callable

from extractors.readers.model import HandReading
from extractors.textkeys import ocr_digits

DEFAULT_THRESHOLD = 0.60
NUMBER_EXPONENT = 3
LAMBDA = 0.5  # weight of the impossible strings' share against the best possible one
AGREEMENT = 0.5  # Tesseract read the same digits: the doubt left is halved
MAX_NUMBER_DIGITS = 5


@dataclass(frozen=True)
class Written:
    """The value taken from a blank (None when unsure), its confidence and a warning."""

    digits: str | None
    confidence: float | None
    warning: str | None


def weigh(reading: HandReading, possible: Callable[[str], bool], threshold: float,
          what: str) -> Written:
    """The best possible string of ``reading`` if its confidence reaches ``threshold``."""
    options = [(digits, share) for digits, share in reading.candidates if possible(digits)]
    if not options:
        return Written(None, None, f"the {what} is handwritten and was read as "
                                   f"{reading.best or 'nothing'!r}, which cannot be a {what}; "
                                   "left blank")
    digits, share = options[0]
    confidence = confidence_of(reading, share, sum(s for _, s in options))
    confidence = round(confidence ** NUMBER_EXPONENT if what == "number" else confidence, 2)
    if confidence < threshold:
        return Written(None, confidence, f"the {what} is handwritten and read unsurely as "
                                         f"{digits!r} (confidence {confidence:.2f} < "
                                         f"{threshold:.2f}); left blank")
    return Written(digits, confidence,
                   f"the {what} is handwritten; read as {digits} (confidence {confidence:.2f})")


def confidence_of(reading: HandReading, share: float, possible_share: float) -> float:
    """How sure a reading whose best possible string has ``share`` is (see the module)."""
    total = sum(s for _, s in reading.candidates)
    impossible = max(total - possible_share, 0.0)
    value = share / max(possible_share + LAMBDA * impossible, 1e-9) * reading.digitness
    seen = ocr_digits(reading.seen.replace(" ", "")) if reading.seen else None
    best = next((d for d, s in reading.candidates if s == share), None)
    if seen and best and seen.lstrip("0") == best.lstrip("0"):
        value = 1 - (1 - value) * AGREEMENT
    return min(max(value, 0.0), 1.0)


def is_number(digits: str) -> bool:
    return 0 < len(digits) <= MAX_NUMBER_DIGITS and int(digits) > 0


def month_check(year: int, latest: dt.date | None) -> Callable[[str], bool]:
    """Months of ``year`` no later than the ``latest`` possible date."""
    def possible(digits: str) -> bool:
        if not 0 < len(digits) <= 2 or not 1 <= int(digits) <= 12:
            return False
        return latest is None or (year, int(digits)) <= (latest.year, latest.month)
    return possible


def day_check(year: int, month: int, latest: dt.date | None) -> Callable[[str], bool]:
    """Days that exist in ``month`` of ``year`` and fall no later than ``latest``."""
    last = calendar.monthrange(year, month)[1]

    def possible(digits: str) -> bool:
        if not 0 < len(digits) <= 2 or not 1 <= int(digits) <= last:
            return False
        return latest is None or dt.date(year, month, int(digits)) <= latest
    return possible


def reading_of(readings: tuple[HandReading, ...], kind: str) -> HandReading | None:
    return next((r for r in readings if r.kind == kind), None)


def disagrees(reading: HandReading, printed: int | None) -> bool:
    """The recogniser's best string is not what Tesseract read (None: it read no digits)."""
    best = reading.best
    return printed is None or not best or int(best) != printed
