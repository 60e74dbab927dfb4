"""Is a text layer usable? Counting letters and glyphs that did not map to Unicode.

A PDF whose fonts lack a ToUnicode map gives "(cid:123)" (pdfminer), private-use
code points (U+E000–U+F8FF) or U+FFFD instead of letters. Legacy Vietnamese encodings
(TCVN3 "Uû ban", VNI) are *not* garbled here: they map to real code points and
``extractors.normalize`` converts them.

Example: ``garbled_share([Line("(cid:3)(cid:4)ab")])`` → 0.8.
"""
from __future__ import annotations

import re

from extractors.readers.model import Line

CID = re.compile(r"\(cid:\d+\)")


def _is_bad(char: str) -> bool:
    code = ord(char)
    return (0xE000 <= code <= 0xF8FF or code == 0xFFFD
            or (code < 0x20 and char not in "\t\n\r\f"))


def garbled_share(lines: list[Line]) -> float:
    """Share of the visible characters that are unmapped glyphs (0 when empty)."""
    text = "".join(l.text for l in lines)
    cids = CID.findall(text)
    text = CID.sub("", text)
    visible = sum(1 for c in text if not c.isspace()) + len(cids)
    if not visible:
        return 0.0
    return (len(cids) + sum(1 for c in text if _is_bad(c))) / visible


def text_chars(lines: list[Line]) -> int:
    """Letters and digits on the lines."""
    return sum(1 for l in lines for c in l.text if c.isalnum())
