"""Where the blanks of the header form are on an OCR'd page: number, day and month.

A clerk fills in the number and the day (sometimes the month) by hand after printing:
"Số: 23 /BC-UBND", "Quảng Ngãi, ngày 23 tháng 01 năm 2025". Each blank lies between a
printed word of the form (its *lead*: "Số:", "ngày", "tháng") and the next printed word
(its *trail*: "/BC-UBND", "tháng", "năm"); both come from ``data/layout.toml``. Tesseract
often reads the written digits onto the lead ("Só:4@`") or drops them, so the blank is
taken from the page from the lead's left edge to the trail's, not from the words OCR
found in between; the recogniser then tells where the printed lead ends.

Example: the words "Số:", "22", "/BC-UBND" of one OCR line give a ``Blank("number", …)``
whose box runs from the left of "Số:" to the left of "/BC-UBND", holding the word "22".
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from extractors.readers.layout import Word, form_key
from extractors.wordlists import load

TOP_SHARE = 0.45  # header blanks lie in the top part of a page
LOOKAHEAD = 4  # the trail is at most this many words after the lead
PAD = 0.35  # of the line height, above and below the words: pens stray off the line
LEFT = 0.1  # of the line height, left of the lead's box
PAST_TRAIL = 0.9  # of the line height: the crop holds the trail's first sign ("/B", "th"),
# so that the recogniser sees where the written digits stop even when they touch it
COLUMN_GAP = 2.0  # line heights: a lead this far from the word before it starts a column


@dataclass(frozen=True)
class Blank:
    """One blank of the form: its ``kind`` (number, day, month), the crop ``box`` (points,
    page coordinates as OCR gave them), the words OCR read inside it, and the lead word as
    a recogniser spells it."""

    kind: str
    box: tuple[float, float, float, float]
    seen: str  # what Tesseract read in the blank ("4@`"; "" when it read nothing)
    spelled: str
    trail_x: float  # where OCR put the start of the trail (points)
    trail_sign: str  # the trail's first sign as a recogniser reads it ("/", "t")


@functools.cache
def _kinds() -> dict[str, dict[str, str]]:
    return load("layout")["blanks"]


def find_blanks(lines: list[list[Word]], page_height: float) -> list[Blank]:
    """The blanks among OCR ``lines`` (each a list of words) in the top of the page."""
    found: list[Blank] = []
    for line in lines:
        words = sorted(line, key=lambda w: w.x0)
        if not words or words[0].top > TOP_SHARE * page_height:
            continue
        for kind, spec in _kinds().items():
            blank = _blank_of(words, kind, spec)
            if blank is not None:
                found.append(blank)
    return found


def _blank_of(words: list[Word], kind: str, spec: dict[str, str]) -> Blank | None:
    for i, word in enumerate(words):
        if not _is_lead(word.text, spec["lead"]) or not _opens_form(words, i, kind):
            continue
        for j in range(i + 1, min(i + 1 + LOOKAHEAD, len(words))):
            cut = _trail_start(words[j], spec)
            if cut is not None:
                return _make(kind, spec, words[i: j + 1], cut)
    return None


def _is_lead(text: str, lead: str) -> bool:
    """"Số:", "Só:4@`", "ngày0B": the lead word, maybe with what was written glued on."""
    key = form_key(text)
    return key.startswith(lead) and not any(c.isalpha() for c in key[len(lead):])


def _opens_form(words: list[Word], i: int, kind: str) -> bool:
    """The form's "Số:" opens its column in capitals; its "ngày" follows the place and a
    comma; "tháng" follows the day's blank. Body text ("theo Quyết định số 12/QĐ-UBND
    ngày 05 tháng …") does not qualify."""
    word, before = words[i], words[i - 1] if i else None
    if kind == "number":
        return word.text[:1].isupper() and (
            before is None or word.x0 - before.x1 > COLUMN_GAP * word.height)
    if kind == "day":  # after "Quảng Ngãi," (OCR may read the comma as "." or ";", or lose it)
        return before is not None and (before.text.endswith((",", ".", ";")) or all(
            w.text[:1].isupper() and not any(c.isdigit() for c in w.text) for w in words[:i]))
    return any(_is_lead(words[k].text, "ngay") and _opens_form(words, k, "day")
               for k in range(max(i - 2, 0), i))


_LETTER = re.compile(r"[^\W\d_]")


def _trail_start(word: Word, spec: dict[str, str]) -> int | None:
    """Where the printed trail starts in ``word``'s text, or None when it is not the
    trail. Digits glued before it ("5tháng", "22/TTr-UBND") are left in the blank."""
    text = word.text
    if "trail_prefix" in spec:
        at = text.find(spec["trail_prefix"])
        if at < 0 or not _LETTER.search(text[at + 1: at + 3]):
            return None
    else:
        letters = _LETTER.search(text)
        if letters is None or not form_key(text[letters.start():]).startswith(spec["trail"]):
            return None
        at = letters.start()
    return at


def _make(kind: str, spec: dict[str, str], run: list[Word], cut: int) -> Blank:
    lead, trail = run[0], run[-1]
    right = trail.x0 + (trail.x1 - trail.x0) * cut / max(len(trail.text), 1)
    height = max(w.height for w in (lead, trail))
    seen = " ".join([w.text for w in run[1:-1]] + [trail.text[:cut]]).strip()
    top = min(w.top for w in run) - PAD * height
    bottom = max(w.bottom for w in run) + PAD * height
    box = (lead.x0 - LEFT * height, top, right + PAST_TRAIL * height, bottom)
    return Blank(kind, box, seen, spec["spelled"], right, spec["trail_sign"])
