"""Is a text layer usable? Counting letters and glyphs that did not map to Unicode.

A PDF whose fonts lack a ToUnicode map gives "(cid:123)" (pdfminer), private-use
code points (U+E000–U+F8FF) or U+FFFD instead of letters. Legacy Vietnamese encodings
(TCVN3 "Uû ban", VNI) are *not* garbled here: they map to real code points and
``extractors.normalize`` converts them.

Example: ``garbled_share([Line("(cid:3)(cid:4)ab")])`` → 0.8.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.readers.model import Line

CID = re.compile(r"\(cid:\d+\)")
BAD = re.compile(r"[\ue000-\uf8ff\ufffd\x00-\x08\x0b\x0e-\x1f]")
SPACE = re.compile(r"\s")
NOT_ALNUM = re.compile(r"[\W_]")


def garbled_share(lines: list[Line]) -> float:
    """Share of the visible characters that are unmapped glyphs (0 when empty)."""
    text = "".join(l.text for l in lines)
    text, cids = CID.subn("\ufffd", text)
    visible = len(text) - len(SPACE.findall(text))
    return len(BAD.findall(text)) / visible if visible else 0.0


def text_chars(lines: list[Line]) -> int:
    """Letters and digits on the lines."""
    return sum(len(NOT_ALNUM.sub("", l.text)) for l in lines)


# A text layer is judged before it is trusted: a scanner's own OCR layer that does not know
# Vietnamese ("Vd viQc cho ph6p hqp nh6t"), a font whose codes map to other letters ("CØNG HOÀ
# XÃ HØI") or a layer stripped of its marks ("xem xet de nghi") reads as few syllables, or few
# marked ones. Measured on the dev PDFs: in the Word exports and e-signed PDFs 0.92–0.99 of the
# words are syllables and 0.85–0.95 of those carry a mark, in the portal texts 0.91–1.00 and
# 0.86–0.92; the five scans with a layer of their own have 0.36–0.53 and 0.00–0.61.
MIN_SYLLABLE_SHARE = 0.75
MIN_MARKED_SHARE = 0.40
MIN_JUDGED = 20  # words: fewer say too little about a layer
JUDGED_WORDS = 150  # the first words of a page are enough, and keep the text path fast
_RUN = re.compile(r"[^\W\d_]+")
_VOWELS = frozenset("aeiouy")


@dataclass(frozen=True)
class LayerShare:
    syllables: float  # share of the judged words that are Vietnamese syllables
    marked: float  # share of those syllables that carry a tone or vowel mark
    judged: int

    def doubt(self) -> str | None:
        """Why the words do not read as Vietnamese text, or None when they do."""
        if self.judged < MIN_JUDGED:
            return None
        if self.syllables < MIN_SYLLABLE_SHARE:
            return f"{self.syllables:.0%} of its words are Vietnamese syllables"
        if self.marked < MIN_MARKED_SHARE:
            return f"{self.marked:.0%} of its syllables carry a mark"
        return None

    def better_than(self, other: LayerShare) -> bool:
        return self.syllables * self.marked > other.syllables * other.marked


def layer_share(lines: list[Line]) -> LayerShare:
    """How Vietnamese the first ``JUDGED_WORDS`` words of the lines read. Single letters and
    abbreviations in capitals without a vowel ("UBND", "TTHC") are not judged."""
    from extractors.correct.syllables import is_syllable
    from extractors.textkeys import strip_marks

    valid = marked = judged = 0
    for word in _words(lines):
        if len(word) < 2 or (word.isupper() and not _VOWELS & set(strip_marks(word).lower())):
            continue
        judged += 1
        if is_syllable(word):
            valid += 1
            marked += not word.isascii()
        if judged >= JUDGED_WORDS:
            break
    return LayerShare(valid / judged if judged else 0.0, marked / valid if valid else 0.0, judged)


def _words(lines: list[Line]):
    for line in lines:
        for match in _RUN.finditer(line.text):
            yield match.group()
