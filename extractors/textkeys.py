"""Comparison keys for Vietnamese text that OCR may have stripped of its marks.

``ascii_key("TĨNH QUẢNG NGÃI")`` == ``ascii_key("tỉnh Quang Ngai")`` == "tinh quang ngai":
every diacritic dropped, "đ" read as "d", case folded, punctuation turned to spaces.
"""
from __future__ import annotations

import functools
import re
import unicodedata

_PUNCT = re.compile(r"[^\w\s]")


@functools.lru_cache(maxsize=65536)
def ascii_key(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_PUNCT.sub(" ", bare.casefold()).split())


# letters OCR reads for printed digits: "I999" → 1999, "O5" → 05
_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})


def ocr_digits(text: str) -> str | None:
    """The digits of a number as OCR printed it, or None when it is not one ("2#", "Ø?")."""
    cleaned = text.translate(_OCR_DIGITS).strip(".,;:") if any(c.isdigit() for c in text) else text
    return cleaned if cleaned.isdigit() else None
