"""Fixed phrases of the form, written as the form writes them at the head of a header line.

Every office prints "Về việc", "Kính gửi", "Nơi nhận", the Quốc hiệu and the Tiêu ngữ in the
same words (``data/form_phrases.toml``); OCR's near copy at the start of one of the first lines
of a page is the phrase: "và việc thụ lý …" → "Về việc thụ lý …". Near means the bare letters
differ by one letter at most (two in the long phrases) and the marks may differ.

>>> [restore_phrase(t) for t in ("và việc thụ lý khiếu nại", "Kính gừi: Sở Tư pháp", "và các sở")]
['Về việc thụ lý khiếu nại', 'Kính gửi: Sở Tư pháp', 'và các sở']
"""
from __future__ import annotations

import functools

from extractors.textkeys import fold, strip_marks
from extractors.wordlists import load


@functools.cache
def _phrases() -> tuple[tuple[str, str], ...]:
    return tuple((p, strip_marks(p).casefold()) for p in load("form_phrases")["phrases"])


def restore_phrase(line: str) -> str:
    bare = strip_marks(line).casefold()
    for phrase, key in _phrases():
        head = bare[:len(key)]
        if (len(line) > len(key) and line[len(key)].isalnum()) or fold(line[:len(key)]) == fold(phrase):
            continue  # a longer word, or the phrase itself ("CỘNG HOÀ" is "CỘNG HÒA")
        if _near(head, key):
            written = phrase if not line[:len(key)].isupper() or phrase.isupper() else phrase.upper()
            return written + line[len(key):]
    return line


def _near(found: str, want: str) -> bool:
    """At most one letter apart (two in phrases of 20 letters or more), spaces and signs equal."""
    if len(found) != len(want):
        return False
    apart = sum(a != b for a, b in zip(found, want))
    allowed = 2 if len(want) >= 20 else 1
    return apart <= allowed and all(a == b for a, b in zip(found, want) if not b.isalpha())
