"""Accent folding and number keys: how the corpus compares Vietnamese text.

``fold("Chuyển đổi số")`` → ``"Chuyen doi so"``: tone marks and vowel marks removed, đ → d,
one output character per input character, so offsets found in folded text point into the
original. ``number_key("749/QĐ-TTg")`` → ``"749/QD-TTG"``: the form under which document
numbers are compared, whatever accents, case, dashes or leading zeros they were written with.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from extractors.textkeys import strip_marks

_DASHES = re.compile(r"[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]")
_SPACES = re.compile(r"\s+")
_NUMBER_PREFIX = re.compile(r"^(?:S[OỐ]\s*[:.]?\s*)", re.IGNORECASE)
_LEADING_ZEROS = re.compile(r"(?<![0-9])0+(?=[0-9])")
_TRAILING = re.compile(r"[\s.,;:)\]]+$")

# marks removed, đ → d, length kept: the stripping extraction uses too
fold = strip_marks
_CACHE_LIMIT = 500_000


class _FoldedWords(dict):
    """word → fold(word), filled as words are met (a corpus has few distinct words)."""

    def __missing__(self, word: str) -> str:
        if len(self) > _CACHE_LIMIT:
            self.clear()
        value = self[word] = fold(word)
        return value


_FOLDED = _FoldedWords()


def fold_words(text: str) -> str:
    """The words of ``fold(text)`` (white space between them may differ): what the full-text
    index reads, at a fraction of the cost on long texts, each distinct word being folded
    once per process.

    >>> fold_words("Chuyển  đổi\nsố")
    'Chuyen doi so'
    """
    if text.isascii():
        return text
    return " ".join(map(_FOLDED.__getitem__, text.split()))


def has_marks(text: str) -> bool:
    """True when folding changes the text: the query was typed with Vietnamese marks."""
    return fold(text) != unicodedata.normalize("NFC", text)


def loose(text: str | None) -> str:
    """Folded, lower-case, single-spaced form used for substring filters (issuer, signer)."""
    if not text:
        return ""
    return _SPACES.sub(" ", fold(text).lower()).strip()


def words(text: str | None) -> str:
    """The folded words of a name, single-spaced, punctuation dropped: how filters see it.

    >>> words("Sở Thông tin và Truyền thông - Đà Nẵng")
    'so thong tin va truyen thong da nang'
    """
    return " ".join(re.findall(r"[^\W_]+", loose(text)))


@functools.lru_cache(maxsize=262144)  # numbers recur: a law is cited by thousands of documents
def number_key(raw: str | None) -> str | None:
    """The comparable form of a số ký hiệu.

    >>> number_key("Số: 05/2021/TT-BTTTT")
    '5/2021/TT-BTTTT'
    >>> number_key("749/QĐ–TTg") == number_key("749/QD-TTg")
    True
    """
    if not raw:
        return None
    key = _NUMBER_PREFIX.sub("", unicodedata.normalize("NFC", raw).strip())
    key = _DASHES.sub("-", fold(key)).upper()
    key = _SPACES.sub("", _TRAILING.sub("", key))
    key = _LEADING_ZEROS.sub("", key)
    return key or None
