"""Text cut into the tokens the syllable language model knows, with their offsets.

A word of letters that is a Vietnamese syllable stands for itself in lower case ("Việc" →
"việc"); any other word is a class: "<n>" a number ("2025", "16/12/2021", "5,3"), "<a>" an
abbreviation in capitals ("UBND", "TTHC"), "<s>" a symbol of letters and digits ("QĐ-UBND",
"1798/QĐ-UBND"), "<w>" a word of another language or an OCR slip ("xdt"). The stops "," "."
";" ":" are tokens of their own, other signs are "<p>"; the model's text starts and ends with
"<b>" (a line or paragraph boundary).

>>> [t.key for t in tokenize("Về việc triển khai Quyết định số 1798/QĐ-UBND, ngày 05/7/2025.")]
['về', 'việc', 'triển', 'khai', 'quyết', 'định', 'số', '<s>', ',', 'ngày', '<n>', '.']
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from extractors.correct.syllables import is_syllable
from extractors.textkeys import strip_marks

BOUNDARY = "<b>"
STOPS = frozenset(",.;:")
# a word of letters and digits, joined by . / - where both sides go on ("1798/QĐ-UBND",
# "5,3"), or one sign
_TOKEN = re.compile(r"\w+(?:[./,\-]\w+)*|[^\w\s]")
_VOWELS = frozenset("aeiouy")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    key: str  # what the language model sees

    @property
    def is_syllable(self) -> bool:
        return not self.key.startswith("<") and self.key not in STOPS


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end(), key_of(m.group())) for m in _TOKEN.finditer(text)]


def key_of(word: str) -> str:
    if word.isalpha():
        if is_syllable(word):
            return canonical(word.lower())
        bare = strip_marks(word).lower()
        return "<a>" if word.isupper() and not _VOWELS & set(bare) else "<w>"
    if word in STOPS:
        return word
    if not word[0].isalnum():
        return "<p>"
    if all(c.isdigit() or c in "./,-" for c in word):
        return "<n>"
    return "<s>"


# a tone on "oa", "oe", "uy" that end a syllable is written on either vowel: "hoà" = "hòa",
# "thuỷ" = "thủy"; the model knows one spelling, the tone on the first vowel
_OLD_PLACE = re.compile(r"(?<![gq])([ou])([aey])([\u0300\u0301\u0303\u0309\u0323])$")


def canonical(syllable: str) -> str:
    """One spelling for the two places of a tone: "hoà" → "hòa", "uỷ" → "ủy", "quý" stays."""
    decomposed = unicodedata.normalize("NFD", syllable)
    moved = _OLD_PLACE.sub(r"\1\3\2", decomposed)
    return syllable if moved == decomposed else unicodedata.normalize("NFC", moved)


def keys(text: str) -> list[str]:
    """The model's tokens of a text of several lines, each line closed by a boundary."""
    out = [BOUNDARY]
    for line in text.splitlines():
        found = [t.key for t in tokenize(line)]
        if found:
            out.extend(found)
            out.append(BOUNDARY)
    return out
