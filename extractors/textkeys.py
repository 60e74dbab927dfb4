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
