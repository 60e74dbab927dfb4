"""Small tests on the written form of Vietnamese text: folding, case, dashes.

    >>> fold("Cộng hoà xã hội chủ nghĩa Việt Nam")
    'CONGHOAXAHOICHUNGHIAVIETNAM'
    >>> is_upper("QUYẾT ĐỊNH"), is_title("Nguyễn Văn A"), is_title("Nguyễn văn A")
    (True, True, False)
"""
from __future__ import annotations

import re
import unicodedata

DASHES = "-‐‑‒–—―−"
RULE_CHARS = set(DASHES + "_─━═…. ")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def strip_marks(text: str) -> str:
    """Drop tone and vowel marks; Đ/đ become D/d."""
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Letters and digits only, without marks, upper case: the key for matching fixed texts."""
    return "".join(c for c in strip_marks(text).upper() if c.isalnum())


def letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha())


def is_upper(text: str) -> bool:
    """All letters are capitals (there is at least one letter)."""
    found = letters(text)
    return bool(found) and found == found.upper()


def is_title(text: str) -> bool:
    """Every word starts with a capital (personal names, place names)."""
    words = _WORD.findall(text)
    return bool(words) and all(w[0].isupper() for w in words)


def is_normal_case(text: str) -> bool:
    """Sentence case: starts with a capital and is not written all in capitals.

    A one-word text in capitals ("UBND") counts as normal: it may be an abbreviation.
    """
    words = _WORD.findall(text)
    if not words or not words[0][0].isupper():
        return False
    return not (is_upper(text) and len(words) > 1)


def is_rule_text(text: str) -> bool:
    """A line typed with dashes or underscores instead of drawn ("-------", "____")."""
    stripped = text.strip()
    return len(stripped) >= 3 and set(stripped) <= RULE_CHARS and set(stripped) - {" ", "."} != set()


def normalize_dashes(text: str) -> str:
    return "".join("-" if c in DASHES else c for c in text)


def squash(text: str) -> str:
    """Runs of white space folded to one space, ends stripped."""
    return " ".join(text.split())


def ending(text: str, length: int = 12) -> str:
    """The end of ``text`` in quotes, "…" marking a cut: ending("Theo đề nghị của Sở;") == '“…nghị của Sở;”'."""
    text = text.strip()
    return f"“{text}”" if len(text) <= length else f"“…{text[-length:]}”"
