"""Mark-variants of a syllable: the known syllables with the same letters and other marks.

OCR keeps the letters of a word far better than its marks (on the TUNE lines, 40 % of
Tesseract's errors are marks): "triên" may be "triển", "phố" "phổ", "để" "đề", "vẻ" "về",
"tọi" "tội". The variants of a syllable are the syllables of the language model with the same
bare letters (đ counts as d); ``mark_changes`` counts how far apart two spellings are: one
for a tone mark put, taken or swapped, one for each vowel mark (ă â ê ô ơ ư đ) that differs.

>>> {"về", "vé", "vẽ"} <= set(variants("vẻ"))
True
>>> mark_changes("vẻ", "về"), mark_changes("để", "đề"), mark_changes("duyệt", "đuyệt")
(2, 1, 1)
"""
from __future__ import annotations

import functools
import unicodedata

from extractors.correct import lm
from extractors.correct.syllables import split_tone
from extractors.textkeys import strip_marks

MAX_VARIANTS = 12  # the most frequent ones: rarer spellings are seldom what OCR lost


@functools.cache
def _index(model_id: int) -> dict[str, tuple[str, ...]]:
    model = _models[model_id]
    by_letters: dict[str, list[tuple[int, str]]] = {}
    for token, seen in model.unigrams.items():
        if token.startswith("<") or not token.isalpha():
            continue
        by_letters.setdefault(strip_marks(token), []).append((seen.precede_types, token))
    return {k: tuple(t for _, t in sorted(v, reverse=True)[:MAX_VARIANTS]) for k, v in by_letters.items()}


_models: dict[int, lm.BigramModel] = {}


def vocabulary(model: lm.BigramModel | None = None) -> frozenset[str]:
    """The syllables the model knows."""
    model = model or lm.load()
    _models.setdefault(id(model), model)
    return _vocabulary(id(model))


@functools.cache
def _vocabulary(model_id: int) -> frozenset[str]:
    return frozenset(t for t in _models[model_id].unigrams if not t.startswith("<") and t.isalpha())


def variants(syllable: str, model: lm.BigramModel | None = None) -> tuple[str, ...]:
    """The model's syllables (lower case) with the letters of ``syllable``, most used first."""
    model = model or lm.load()
    _models.setdefault(id(model), model)
    return _index(id(model)).get(strip_marks(syllable.lower()), ())


@functools.lru_cache(maxsize=65536)
def mark_changes(found: str, other: str) -> int:
    """How many marks differ between two spellings of the same letters."""
    (bare_a, tone_a), (bare_b, tone_b) = split_tone(found.lower()), split_tone(other.lower())
    vowel = sum(a != b for a, b in zip(_letters(bare_a), _letters(bare_b)))
    return vowel + (tone_a != tone_b)


def _letters(text: str) -> str:
    return unicodedata.normalize("NFC", text)
