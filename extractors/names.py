"""Personal names: the syllables of ``data/person_names.toml``, and the words before a name
that are no part of it.

``split_rank("Đại tá Đậu Xuân Bảo")`` → ("Đại tá", "Đậu Xuân Bảo"); "PGS.TS. Lê Văn An",
"LS. TS. Đỗ Ngọc Thịnh" and OCR's "Thợng tá Phạm Thanh Hùng" lose their titles the same way
(``data/ranks.toml``).

``is_surname("Nguyên")`` → True (a family name, marks aside); ``name_syllables()`` gives the
listed spelling of each bare syllable, with which the correction stage restores the marks OCR
lost in a name (``extractors.correct.names``).
"""
from __future__ import annotations

import difflib
import functools
import re

from extractors.textkeys import ascii_key, tone_of
from extractors.wordlists import load

RANK_SIMILARITY = 0.85  # letters a rank may differ by when OCR slipped ("thong ta" ~ "thuong ta")
MIN_NAME_WORDS = 2  # what must remain after the titles: a family name and a given name


@functools.cache
def _rank_phrases() -> tuple[tuple[str, ...], ...]:
    """Ranks and written-out titles as word tuples, the longest first ("Phó Giáo sư")."""
    data = load("ranks")
    phrases = {tuple(p.split()) for p in data["ranks"] + data["titles"]}
    return tuple(sorted(phrases, key=len, reverse=True))


@functools.cache
def _abbreviations() -> frozenset[str]:
    return frozenset(_letters(a) for a in load("ranks")["abbreviations"])


def _letters(text: str) -> str:
    return "".join(c for c in ascii_key(text) if c.isalnum())


def _is_abbreviation(word: str) -> bool:
    """"TS.", "PGS.TS", "LS", "BS.CKII": abbreviated titles, alone or run together."""
    pieces = [p for p in re.split(r"[.,]", word) if p]
    return bool(pieces) and all(_letters(p) in _abbreviations() for p in pieces)


def _phrase_at(words: list[str]) -> int:
    """How many of the first ``words`` make a rank or title, 0 if none does. A token of one or
    two letters that is no syllable and no family name is what OCR left of an abbreviated
    title ("Th" of "ThS.")."""
    if _is_abbreviation(words[0]) or _title_remnant(words[0]) or _rank_tail(words[0]):
        return 1 if len(words) > MIN_NAME_WORDS else 0
    for phrase in _rank_phrases():
        head = words[: len(phrase)]
        if len(words) - len(phrase) < MIN_NAME_WORDS:
            continue
        if _same_phrase(head, phrase):
            return len(phrase)
    return 0


def _rank_tail(word: str) -> bool:
    """The last word of a rank whose first OCR lost ("tướng Lò Văn Thắng"), in lower case as
    printed: no name starts in lower case."""
    return word[:1].islower() and any(ascii_key(word) == ascii_key(phrase[-1]) for phrase in _rank_phrases()
                                      if len(phrase) > 1)


def _title_remnant(word: str) -> bool:
    from extractors.correct.glued import syllables

    letters = word.strip(".,")
    return 0 < len(letters) <= 2 and letters.isalpha() and letters.casefold() not in syllables() \
        and not is_surname(letters)


def _same_phrase(words: list[str], phrase: tuple[str, ...]) -> bool:
    """``words`` read as ``phrase``: the same letters, with no tone mark against it ("Hà Sĩ"
    is a name, not "Hạ sĩ"); or, for a word that is no family name, letters OCR slipped on."""
    key, want = ascii_key(" ".join(words)), ascii_key(" ".join(phrase))
    if key == want and all(tone_of(a) is None or tone_of(a) == tone_of(b) for a, b in zip(words, phrase)):
        return True
    return (len(phrase) >= 2 and not is_surname(words[0])
            and difflib.SequenceMatcher(None, key, want).ratio() >= RANK_SIMILARITY)


def is_rank(text: str) -> bool:
    """"ĐẠI TÁ", "PGS.TS.": a line that holds a rank or title and no name (printed on a line
    of its own above the name)."""
    words = text.split()
    if words and all(_is_abbreviation(w) for w in words):
        return True
    key = ascii_key(text)
    return any(key == ascii_key(" ".join(phrase)) for phrase in _rank_phrases())


def split_rank(text: str) -> tuple[str, str]:
    """(the ranks and titles printed before a name, the name): see the module docstring."""
    words = text.split()
    taken = 0
    while len(words) - taken > MIN_NAME_WORDS - 1:
        n = _phrase_at(words[taken:])
        if not n:
            break
        taken += n
    return " ".join(words[:taken]), " ".join(words[taken:])


@functools.cache
def _lists() -> tuple[dict[str, str], set[str], dict[str, str], set[str]]:
    data = load("person_names")
    surnames: dict[str, str] = {}
    for name in data["surnames"]:
        surnames.setdefault(ascii_key(name), name)
    given: dict[str, str] = {}
    for name in data["given"]:
        given.setdefault(ascii_key(name), name)
    return surnames, set(data["surnames"]), given, set(data["given"])


def is_surname(word: str) -> bool:
    """"Nguyễn", "NGUYỄN", OCR's "Nguyên": a family name of the list, marks aside. A signer's
    name starts with one; "Phiếu Trình Duyệt" does not."""
    return ascii_key(word) in _lists()[0]


def is_name_syllable(word: str, first: bool = False) -> bool:
    """"Đông", "HIỀN": a syllable of the lists, marks as written, in any case (of the surnames
    only, ``first``; a family name off the list, "Ksor", is carried by the others)."""
    _, surnames, _, given = _lists()
    word = word.capitalize()
    return word in surnames or (not first and word in given)


def name_syllables(first: bool = False) -> dict[str, str]:
    """The surnames (``first``) or the given names of the lists by their bare key, the most
    frequent spelling: {"tran": "Trần"}, {"hien": "Hiền", …} (``extractors.correct.names``)."""
    surnames, _, given, _ = _lists()
    return surnames if first else given


def _person(name: str) -> bool:
    """A signing certificate's common name that is a person's: "Trần Hữu Tuấn", not "SỞ NỘI VỤ"."""
    words = name.split()
    return 2 <= len(words) <= 6 and is_surname(words[0]) and all(w[:1].isupper() for w in words)


def completed_by_signature(name: str | None, evidence: list[str]) -> str | None:
    """The signer's name as the PDF's digital signature gives it, where the page gave only its
    end (a seal over the family name: "Hữu Tuấn" of "Trần Hữu Tuấn") or nothing; None when
    no signing person's name agrees."""
    people = list(dict.fromkeys(e for e in evidence if e and _person(e)))
    if not name:
        return people[0] if len(people) == 1 else None
    tail = ascii_key(name).split()
    for person in people:
        words = ascii_key(person).split()
        if len(words) > len(tail) >= 1 and words[-len(tail):] == tail:
            return person
    return None
