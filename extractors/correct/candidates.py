"""What each word of an OCR line may have been: the word as read and its candidates, each with
the cost of believing OCR got it wrong.

- a syllable's mark-variants (``variants.py``): dear for a word that is a known syllable, the
  engine having printed a real word, less for one that is not; more for each further mark;
- the spellings the engine itself weighed for the word (Tesseract's LSTM choices): cheaper,
  the more the engine believed in them;
- a run of letters that is no syllable may be two or three known ones run together ("Vềviệc");
- a full stop between two words of a sentence may be a comma or a speck ("hướng. dẫn").
A capitalised word after the first of its line (a name, an agency) costs more to change; the syllables of a person's
name (a surname, then capitalised syllables) and handwritten words are never changed here.
Only candidates that read better than the word as read beside the neighbours as read
(``local_gain``) are kept, so the decoder weighs a few choices at a few places.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from extractors.correct import lm
from extractors.correct.glued import is_loanword, segmentations
from extractors.correct.tokens import Token
from extractors.correct.variants import mark_changes, variants, vocabulary

MARK_COST = 6.0  # a spelling with other marks that the engine did not weigh (log-probability units)
KNOWN_MARK_COST = 7.0  # the same, for a word read as a syllable the model knows
MORE_MARKS_COST = 1.5  # and for each mark changed after the first
CAPITAL_COST = 3.0  # added for a capitalised word in mid-line
ENGINE_COST = 0.5  # a spelling the engine weighed, at full confidence …
ENGINE_DOUBT = 3.0  # … and this much more per unit of -log(confidence)
COMMA_COST = 1.0  # a full stop read for a comma
SPECK_COST = 4.0  # a full stop that is a speck
SPLIT_COST = 1.5  # a run of letters parted in two or three syllables
# keeping a run of letters that is no Vietnamese syllable ("quôc", "Vềviệc"): the model scores
# all such words as one class, so each letter is charged what a spelling model would charge
UNKNOWN_LETTER_COST = 1.5
UNKNOWN_MOST = 12.0
KEEP = 3  # candidates kept per word besides the word as read
MARGIN = 1.0  # a candidate is kept when its local score comes within this of the word's


@dataclass(frozen=True)
class Choice:
    text: str  # as it would be written
    keys: tuple[str, ...]  # the model's tokens (none: the sign is dropped)
    cost: float


def as_read(token: Token) -> Choice:
    return Choice(token.text, (token.key,), 0.0)


def word_choices(token: Token, mid_line: bool, engine: dict[str, float]) -> list[Choice]:
    """The word as read, then its spellings with other marks and the engine's alternatives."""
    unknown = min(UNKNOWN_LETTER_COST * len(token.text), UNKNOWN_MOST) if token.key == "<w>" else 0.0
    out = [Choice(token.text, (token.key,), unknown)]
    extra = CAPITAL_COST if mid_line and token.text[:1].isupper() else 0.0
    seen = {token.text.lower()}
    for spelling, confidence in engine.items():
        if spelling.lower() not in seen and spelling.isalpha():
            seen.add(spelling.lower())
            cost = ENGINE_COST - ENGINE_DOUBT * math.log(max(confidence, 0.01)) + extra
            out.append(Choice(_cased(spelling.lower(), token.text), (spelling.lower(),), cost))
    first = KNOWN_MARK_COST if token.is_syllable and token.key in vocabulary() else MARK_COST
    for variant in variants(token.text):
        changes = mark_changes(token.text, variant)
        if variant not in seen and changes:  # "hoà" and "hòa" are one spelling
            cost = first + MORE_MARKS_COST * (changes - 1) + extra
            out.append(Choice(_cased(variant, token.text), (variant,), cost))
    if token.key == "<w>" and not is_loanword(token.text):
        for parts in segmentations(token.text.lower(), vocabulary()):
            out.append(Choice(_cased(" ".join(parts), token.text), tuple(parts), SPLIT_COST + extra))
    return out


def stop_choices(token: Token) -> list[Choice]:
    return [as_read(token), Choice(",", (",",), COMMA_COST), Choice("", (), SPECK_COST)]


def _cased(spelling: str, like: str) -> str:
    """``spelling`` in the case of the word as read: "về" like "VẺ" → "VỀ", like "Vẻ" → "Về"."""
    if like.isupper() and len(like) > 1:
        return spelling.upper()
    if like[:1].isupper():
        return spelling[:1].upper() + spelling[1:]
    return spelling


def prune(choices: list[Choice], before: str, after: str, model: lm.BigramModel) -> list[Choice]:
    """The word as read and the ``KEEP`` best candidates that read nearly as well or better
    beside the neighbours as read."""
    base = local_score(choices[0], before, after, model)
    scored = [(local_score(c, before, after, model), i, c) for i, c in enumerate(choices[1:], 1)]
    kept = sorted((s, i, c) for s, i, c in scored if s > base - MARGIN)[::-1][:KEEP]
    return [choices[0]] + [c for _, _, c in kept]


def local_score(choice: Choice, before: str, after: str, model: lm.BigramModel) -> float:
    chain = (before, *choice.keys, after)
    return sum(model.logp(a, b) for a, b in zip(chain, chain[1:])) - choice.cost


def name_words(tokens: list[Token]) -> set[int]:
    """Indexes of the words of personal names: a surname, then one to four capitalised
    syllables ("Nguyễn Tường Vũ", "TRƯƠNG MINH ĐƯƠNG", OCR's "Trân Phước Hiên")."""
    from extractors.names import is_surname

    out: set[int] = set()
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and tokens[j].text[:1].isupper() and tokens[j].text.isalpha():
            j += 1
        if j - i >= 2 and is_surname(tokens[i].text) and j - i <= 5:
            out.update(range(i, j))
        i = max(j, i + 1)
    return out

