"""Comparison keys for Vietnamese text, the one place they are defined.

- ``strip_marks("Chuyển đổi số")`` → "Chuyen doi so": tone and vowel marks removed, đ → d,
  one character out per character in (offsets still point into the original; the corpus
  index searches it);
- ``ascii_key("TĨNH QUẢNG NGÃI")`` == ``ascii_key("tỉnh Quang Ngai")`` == "tinh quang ngai":
  marks stripped, case folded, punctuation turned to spaces — for text OCR may have stripped
  of its marks;
- ``fold("Hoà  Bình")`` → "hoa1 binh1": how ``docgen eval`` compares values (case and
  tone placement aside, "hoà" = "hòa"; vowel marks kept).
"""
from __future__ import annotations

import functools
import re
import unicodedata

_PUNCT = re.compile(r"[^\w\s]")
# letters with no combining mark in Unicode that still fold to d/D: đ Đ, and the look-alike
# eth ð Ð that OCR and legacy-font conversions leave
_EXTRA = {"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"}


def _strip_char(char: str) -> str:
    if char in _EXTRA:
        return _EXTRA[char]
    base = unicodedata.normalize("NFD", char)[0]
    return base if base.isascii() and (base.isalpha() or base.isdigit()) else char


# every letter of the Latin blocks Vietnamese uses, folded once: str.translate does the rest
_STRIP_TABLE = {code: _strip_char(chr(code)) for block in ((0x00C0, 0x0250), (0x1E00, 0x1F00))
                for code in range(*block) if _strip_char(chr(code)) != chr(code)}


def strip_marks(text: str) -> str:
    """Tone and vowel marks removed and đ folded to d, keeping length and case."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", text).translate(_STRIP_TABLE)


@functools.lru_cache(maxsize=65536)
def ascii_key(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", strip_marks(text).casefold()).split())


# combining tone marks (huyền, sắc, hỏi, ngã, nặng); vowel marks (ă â ê ô ơ ư) are kept
_TONES = {"\u0300": "1", "\u0301": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
_SPACE_AFTER = re.compile(r"\s*([,;:])\s*")


def fold(value) -> str | None:
    """The comparison form of a value (RECORD.md's scoring rules): NFC, white space folded, one
    space after ",;:", case folded, each syllable's tone moved to its end ("hoà" = "hòa")."""
    if value is None:
        return None
    text = unicodedata.normalize("NFC", str(value))
    text = _SPACE_AFTER.sub(r"\1 ", " ".join(text.split())).strip().casefold()
    return " ".join(_fold_syllable(word) for word in text.split(" "))


def tone_of(syllable: str) -> str | None:
    """The tone mark of ``syllable`` as a digit (1 huyền … 5 nặng), None for none: "đổi" → "3"."""
    marks = [_TONES[ch] for ch in unicodedata.normalize("NFD", syllable) if ch in _TONES]
    return marks[0] if marks else None


def _fold_syllable(word: str) -> str:
    tones = ""
    kept = []
    for ch in unicodedata.normalize("NFD", word):
        if ch in _TONES:
            tones += _TONES[ch]
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)) + tones


# letters OCR reads for printed digits: "I999" → 1999, "O5" → 05
_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})


def ocr_digits(text: str) -> str | None:
    """The digits of a number as OCR printed it, or None when it is not one ("2#", "Ø?")."""
    cleaned = text.translate(_OCR_DIGITS).strip(".,;:") if any(c.isdigit() for c in text) else text
    return cleaned if cleaned.isdigit() else None
