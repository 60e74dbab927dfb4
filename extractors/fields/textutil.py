"""Small text helpers of the deep fields: white-space folding and comparison keys."""
from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def clean(text: str) -> str:
    """NFC, runs of white space (wraps included) folded to one space, ends trimmed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def fold_key(text: str) -> str:
    """A key for "same item" tests: "Quyết định  số 749/QÐ-TTg" → "quyết định số 749/qđ-ttg"."""
    return clean(text.replace("Ð", "Đ")).casefold()


def syllables(text: str) -> list[str]:
    """Folded syllables: "Chuyển đổi số," → ["chuyển", "đổi", "số"]."""
    return _WORD.findall(fold_key(text))


def overlap_share(reference: str, other: str) -> float:
    """Share of ``reference``'s syllables found in ``other`` (0 when ``reference`` is empty)."""
    ref, oth = set(syllables(reference)), set(syllables(other))
    return len(ref & oth) / len(ref) if ref else 0.0
