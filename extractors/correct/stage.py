"""The correction stage: the text of OCR'd pages made right between reading and the fields.

For each line of a page read by OCR, in this order:
0. runs of letters that read as syllables in one way only are parted ("SỞNỘIVỤ", ``glued.py``),
   and a top line that opens with a near copy of a phrase of the form ("và việc", "Kính gừi")
   opens with the phrase (``formulas.py``);
1. words (a line goes on from the last word of the line above it in the same column): each word's marks, and the words OCR ran together or the stops it misread, chosen by
   the syllable language model among the word as read, its mark-variants and the engine's own
   alternatives (``candidates.py``, ``decode.py``);
2. province names after "tỉnh"/"thành phố" and before ", ngày" (``places.py``);
3. personal names: lost tone marks from the name lists, or the digital signature's spelling
   (``names.py``);
4. the document as witness: a pair read without a tone mark that the rest of the document
   prints more often with one (``witness.py``).
Handwritten words are never changed, and the handwritten ranges of a line still point at them
after. Text layers pass through untouched but for syllables run together in their first lines
(a typist's "cốbức", ``glued.split_glued``), where the header fields are read. Fields are found after this stage, so their spans
point into the corrected text.

>>> correct_text("Xét để nghị của Sở Tư pháp về thu tục, thâm quyền, xét đuyệt")
'Xét đề nghị của Sở Tư pháp về thủ tục, thẩm quyền, xét duyệt'
"""
from __future__ import annotations

import dataclasses
import difflib
import re

from extractors.correct import candidates as cand
from extractors.correct import lm
from extractors.correct.decode import best_path
from extractors.correct.formulas import restore_phrase
from extractors.correct.glued import split_glued
from extractors.correct.names import restore_names
from extractors.correct.places import restore_places
from extractors.correct.tokens import BOUNDARY, Token, tokenize
from extractors.correct.witness import agree_with_document, pair_spellings
from extractors.readers.model import Line, Page, RawDocument

PHRASE_LINES = 25  # lines of an OCR'd page, from the top, that may open with a phrase of the form
HEADER_LINES = 40  # lines of a text layer, from the top, whose glued syllables are parted
_EDGES = re.compile(r"^[^\w]+|[^\w]+$")


def correct_document(raw: RawDocument, model: lm.BigramModel | None = None) -> RawDocument:
    """A copy of ``raw`` whose OCR'd lines are corrected (see the module docstring)."""
    if not any(page.ocr for page in raw.pages):
        return _unglued_header(raw)
    model = model or lm.load()
    signed = [s.signer for s in raw.signatures if s.signer]
    pages = [_corrected_page(page, model, signed) if page.ocr else page for page in raw.pages]
    pages = _agreed(pages)
    return dataclasses.replace(raw, pages=pages)


def _unglued_header(raw: RawDocument) -> RawDocument:
    """A text layer's first ``HEADER_LINES`` lines with the syllables its typist ran
    together parted ("cốbức"): the header fields are read there, and the rest of a long
    document is left as it is, so that the text path stays fast."""
    pages, left = [], HEADER_LINES
    for page in raw.pages:
        if left <= 0 or page.ocr:
            pages.append(page)
            continue
        lines = [_rewritten(ln, split_glued(ln.text)) if i < left else ln for i, ln in enumerate(page.lines)]
        left -= len(page.lines)
        pages.append(dataclasses.replace(page, lines=lines))
    return dataclasses.replace(raw, pages=pages)


def _corrected_page(page: Page, model: lm.BigramModel, signed: list[str]) -> Page:
    lines: list[Line] = []
    for i, line in enumerate(page.lines):
        text = split_glued(line.text)
        if i < PHRASE_LINES:
            text = restore_phrase(text)
        line = _rewritten(line, text)
        before = _last_key(lines[-1].text) if lines and lines[-1].column == line.column else BOUNDARY
        text = correct_text(line.text, engine_choices(line.alternatives), line.handwritten, model, before)
        text = restore_names(restore_places(text), signed)
        lines.append(_rewritten(line, text))
    return dataclasses.replace(page, lines=lines)


def _last_key(text: str) -> str:
    """The model's token at the end of a line that the next line may go on from ("Điều" /
    "lệ Hội …"); a line closed by a stop or a sign goes on from nothing."""
    tokens = tokenize(text)
    return tokens[-1].key if tokens and tokens[-1].is_syllable else BOUNDARY


def engine_choices(alternatives) -> dict[str, dict[str, float]]:
    """The engine's alternatives by word, punctuation around the word left out: ("đôi,",
    (("đổi,", 0.77),)) → {"đôi": {"đổi": 0.77}}."""
    out: dict[str, dict[str, float]] = {}
    for word, spellings in alternatives:
        core = _core(word)
        for spelling, confidence in spellings:
            other = _core(spelling)
            if core and other and other != core and other.isalpha():
                found = out.setdefault(core, {})
                found[other] = max(found.get(other, 0.0), confidence)
    return out


def _core(word: str) -> str:
    return _EDGES.sub("", word)


def _agreed(pages: list[Page]) -> list[Page]:
    whole = pair_spellings("\n".join(line.text for page in pages for line in page.lines))
    out = []
    for page in pages:
        if not page.ocr:
            out.append(page)
            continue
        lines = [_rewritten(line, agree_with_document(line.text, _without(whole, line.text)))
                 for line in page.lines]
        out.append(dataclasses.replace(page, lines=lines))
    return out


def _without(whole: dict, text: str) -> dict:
    """The document's pair spellings less those of one line."""
    own = pair_spellings(text)
    return {key: whole[key] - own.get(key, {}) if key in own else whole[key] for key in whole}


def correct_text(text: str, engine: dict[str, dict[str, float]] | None = None,
                 fixed: tuple[tuple[int, int], ...] = (), model: lm.BigramModel | None = None,
                 before: str = BOUNDARY) -> str:
    """One line of OCR text with its words corrected. ``engine`` gives, for a word as read,
    the spellings the OCR engine weighed and its confidence in each (0–1); words that overlap
    a ``fixed`` range (handwriting) are left as read; ``before`` is the model's token the line
    goes on from."""
    model = model or lm.load()
    tokens = tokenize(text)
    if not any(t.is_syllable or t.key == "<w>" for t in tokens):
        return text
    slots = _slots(tokens, engine or {}, fixed, model, before)
    path = best_path(slots, model, before)
    out, pos = [], 0
    for token, choices, index in zip(tokens, slots, path):
        if index:
            out.append(text[pos:token.start] + choices[index].text)
            pos = token.end
    return "".join(out) + text[pos:] if out else text


def _slots(tokens: list[Token], engine: dict, fixed, model: lm.BigramModel,
           start: str) -> list[list[cand.Choice]]:
    names = cand.name_words(tokens)
    keys = [t.key for t in tokens]
    slots = []
    for i, token in enumerate(tokens):
        before = keys[i - 1] if i else start
        after = keys[i + 1] if i + 1 < len(tokens) else BOUNDARY
        choices = [cand.as_read(token)]
        if i not in names and not any(a < token.end and token.start < b for a, b in fixed):
            choices = _choices(tokens, i, engine)
        slots.append(cand.prune(choices, before, after, model) if len(choices) > 1 else choices)
    return slots


def _choices(tokens: list[Token], i: int, engine: dict) -> list[cand.Choice]:
    token = tokens[i]
    if token.text == "." and 0 < i < len(tokens) - 1 and _inside_sentence(tokens[i - 1], tokens[i + 1]):
        return cand.stop_choices(token)
    if token.text.isalpha() and len(token.text) > 1 and token.key != "<a>":
        mid_line = any(t.text[:1].isalnum() for t in tokens[:i])
        return cand.word_choices(token, mid_line, engine.get(token.text, {}))
    return [cand.as_read(token)]


def _inside_sentence(before: Token, after: Token) -> bool:
    """A stop between a word and a word in lower case: no sentence ends there."""
    return before.end == after.start - 2 and after.is_syllable and after.text.islower() \
        and (before.is_syllable or before.key in ("<s>", "<a>"))


def _rewritten(line: Line, text: str) -> Line:
    if text == line.text:
        return line
    return dataclasses.replace(line, text=text, handwritten=remap(line.text, text, line.handwritten))


def remap(old: str, new: str, ranges: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """Character ranges of ``old`` moved to where the same characters stand in ``new``."""
    if not ranges:
        return ranges
    blocks = difflib.SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks()

    def moved(pos: int) -> int:
        for a, b, size in blocks:
            if a <= pos <= a + size:
                return b + (pos - a)
        return min(len(new), pos)

    return tuple((moved(a), moved(b)) for a, b in ranges)
