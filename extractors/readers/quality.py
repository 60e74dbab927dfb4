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
