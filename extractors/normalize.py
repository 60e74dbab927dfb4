"""Text clean-up between reading and understanding.

Every line becomes Unicode NFC with runs of white space folded to one space; look-alike
characters that OCR and old fonts produce are mapped to the Vietnamese letters they stand
for ("Ð" U+00D0 → "Đ" U+0110, "⁄" → "/"); text in a legacy encoding (TCVN3, VNI) is
converted to Unicode. On pages read by OCR, stray specks are dropped. Nothing here guesses at
words: OCR slips are mended by the correction stage that follows (``extractors.correct``).
"""
from __future__ import annotations

import dataclasses
import re
import unicodedata

from extractors.legacy import convert_legacy
from extractors.readers.model import Page, RawDocument

# look-alikes seen in OCR output and PDF text layers, mapped to what they stand for
_LOOKALIKES = str.maketrans({
    "\u00d0": "\u0110",  # Ð (eth) → Đ
    "\u00f0": "\u0111",  # ð → đ
    "\u0189": "\u0110",  # Ɖ → Đ
    "\u2044": "/",       # ⁄ fraction slash
    "\u2215": "/",       # ∕ division slash
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u200b": "", "\ufeff": "", "\u00ad": "",
    "\u201c": "“", "\u201d": "”",
})
_SPACES = re.compile(r"[ \t\r\v]+")
_MARKDOWN_STRONG = re.compile(r"\*\*|__")  # "**KT. GIÁM ĐỐC**" in Markdown text
# a Markdown heading's "#" marks and a whole line in emphasis: "# KẾ HOẠCH", "*Bình Dương, ngày …*"
_MARKDOWN_LINE = re.compile(r"^#{1,6}\s+|^([*_])(?=\S)(.*\S)\1$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


# OCR specks: a mark standing alone ("Bắc ˆ Ninh") or stuck to a word's edge ("Sở 'Tài chính");
# an apostrophe inside a word ("H'Mông") stays
_SPECK = "ˆ'`´~¨˜°¸‘’^_|"
_OCR_SPECKS = re.compile(rf"(?<!\S)[{re.escape(_SPECK)}]+(?=\S)|(?<=\S)[{re.escape(_SPECK)}]+(?!\S)"
                         rf"|(?<!\S)[{re.escape(_SPECK)}]+(?!\S)")


def normalize_text(text: str, ocr: bool = False) -> str:
    """One line of text: NFC, look-alikes mapped, control characters dropped, spaces folded;
    on a page read by OCR, specks of stray marks dropped too."""
    text = unicodedata.normalize("NFC", text.translate(_LOOKALIKES))
    text = _MARKDOWN_STRONG.sub("", _CONTROL.sub("", text))
    text = _MARKDOWN_LINE.sub(lambda m: m.group(2) or "", text.strip())
    if ocr:
        text = _OCR_SPECKS.sub("", text)
    return _SPACES.sub(" ", text).strip()


def _normalize_marked(text: str, ranges: tuple[tuple[int, int], ...], ocr: bool = False
                      ) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Normalise a line whose handwritten ranges must still point at the same words after."""
    if not ranges:
        return normalize_text(text, ocr), ()
    pieces, marked, pos = [], [], 0
    for start, end in sorted(ranges):
        pieces.append((text[pos:start], False))
        pieces.append((text[start:end], True))
        pos = end
    pieces.append((text[pos:], False))
    out = ""
    for piece, handwritten in pieces:
        cleaned = _SPACES.sub(" ", unicodedata.normalize("NFC", piece.translate(_LOOKALIKES)))
        if out.endswith(" ") and cleaned.startswith(" "):
            cleaned = cleaned[1:]
        if handwritten and cleaned.strip():
            lead = len(cleaned) - len(cleaned.lstrip())
            marked.append((len(out) + lead, len(out) + len(cleaned.rstrip())))
        out += cleaned
    stripped = out.lstrip()
    shift = len(out) - len(stripped)
    out = stripped.rstrip()
    return out, tuple((a - shift, b - shift) for a, b in marked if b - shift <= len(out))


def normalize_document(raw: RawDocument) -> RawDocument:
    """A copy of ``raw`` whose lines are normalised, legacy encodings converted, empties dropped.

    Legacy detection looks at a whole page at once, so that a page of short lines pools its
    evidence ("Sè:" alone says little; a page of .VnTime text says a lot). Pages read by OCR
    are Unicode already: their stray symbols are noise, not legacy bytes.
    """
    warnings = list(raw.warnings)
    found = set()
    pages = []
    for page in raw.pages:
        texts = [line.text.replace("\n", " ") for line in page.lines]
        if texts and not page.ocr:  # OCR writes Unicode, never TCVN3
            joined, encoding = convert_legacy("\n".join(texts))
            if encoding:
                found.add(encoding)
                texts = joined.split("\n")
        lines = []
        for line, text in zip(page.lines, texts):
            text, marked = _normalize_marked(text, line.handwritten, page.ocr)
            if text:
                lines.append(dataclasses.replace(line, text=text, handwritten=marked))
        pages.append(Page(page.number, lines, page.width, page.height, page.ocr))
    for encoding in sorted(found):
        warnings.append(f"text in the legacy {encoding} encoding was converted to Unicode")
    return dataclasses.replace(raw, pages=pages, warnings=warnings)
