"""The one adapter around underthesea, loaded on first use so pattern-only work stays fast.

Used where it earns its place (issue 4): NER as the fallback for person names (contacts, and a
signer's name the patterns miss); part-of-speech tags for the noun a target counts when no
word list knows it ("đào tạo 500 giáo viên", fields/counts.py), asked only of clauses that
state an aim; the dictionary it ships, to part syllables OCR ran together and to build the OCR
correction stage's language model (``extractors/correct/``); word segmentation of search queries over the corpus
index and the target indicators (``corpus/search.py``: "chuyển đổi số" looks for the word
"chuyển đổi"). Documents themselves are not segmented: it costs about 10 ms per KB of text
(a 45 KB law: 0.45 s); the sentence splitter is here, but the deep fields split sentences by
their own patterns, which keep exact offsets and cost nothing: underthesea's splitter takes
about 1.8 ms per KB, which on a born-digital PDF (about 2.5 KB a page) would bring extraction
from about 108 to about 75 pages per second, under the 100 the project promises.
Symbols, dates and percentages are never taken from its tokens ("2242/KH-UBND" and "85%" are
split by ``word_tokenize``): field modules find them by pattern on the raw text first.
Every function returns offsets into the string it was given.

Example: ``person_names("liên hệ Ông Thái Thanh Hải")`` → ``[(12, 26, "Thái Thanh Hải")]``.
"""
from __future__ import annotations

import functools
import re
from types import ModuleType

_HONORIFICS = {"ông", "bà", "anh", "chị", "đồng chí", "đ/c", "cô", "chú", "thầy"}


@functools.cache
def _underthesea() -> ModuleType:
    import underthesea  # heavy: models and dictionaries load here, once
    return underthesea


def _locate(text: str, pieces: list[str]) -> list[tuple[int, int]]:
    """Offsets of consecutive ``pieces`` in ``text`` (tokens may differ in spacing)."""
    out, pos = [], 0
    for piece in pieces:
        parts = [re.escape(p) for p in piece.split()]
        m = re.compile(r"\s*".join(parts)).search(text, pos) if parts else None
        if m is None:
            out.append((pos, pos))
            continue
        out.append((m.start(), m.end()))
        pos = m.end()
    return out


@functools.cache
def dictionary() -> frozenset[str]:
    """The words of underthesea's Vietnamese dictionary (Viet74K), lower case: "công bố",
    "giải quyết", … — read from the file the package ships, not through its loader."""
    import importlib.util
    from pathlib import Path

    # found without importing the package (about 0.3 s of models and dictionaries)
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("underthesea is not installed")
    path = Path(spec.submodule_search_locations[0]) / "corpus" / "data" / "Viet74K.txt"
    with open(path, encoding="utf-8") as handle:
        return frozenset(line.strip().casefold() for line in handle if line.strip())


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` by underthesea's sentence splitter."""
    return _locate(text, _underthesea().sent_tokenize(text))


def words(text: str) -> list[str]:
    """Word-segmented text: "người dân có điện thoại" → ["người dân", "có", "điện thoại"]."""
    return _underthesea().word_tokenize(text)


def pos(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, word, tag) of underthesea's part-of-speech tagging: "500 giáo viên" →
    (0, 3, "500", "M"), (4, 13, "giáo viên", "N"). Tags: N noun, Nc classifier, Nu unit, M
    number, V verb, A adjective, E preposition, …"""
    tagged = _underthesea().pos_tag(text)
    spans = _locate(text, [tok[0] for tok in tagged])
    return [(s, e, tok[0], tok[1]) for (s, e), tok in zip(spans, tagged)]


def index_terms(text: str) -> list[str]:
    """Lower-cased multi- and single-syllable words of ``text`` for a search index (no punctuation)."""
    return [w.casefold() for w in words(text) if any(ch.isalpha() for ch in w)]


def person_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of every person NER finds in ``text``, titles of address left out."""
    tagged = _underthesea().ner(text)
    spans = _locate(text, [tok[0] for tok in tagged])
    out: list[tuple[int, int, str]] = []
    current: list[int] = []
    for i, tok in enumerate(tagged + [("", "", "", "O")]):
        tag = tok[-1]
        word = tok[0]
        if tag in ("B-PER", "I-PER") and word.casefold() not in _HONORIFICS and word[:1].isupper():
            if tag == "B-PER" and current:
                out.append(_name(text, spans, current))
                current = []
            current.append(i)
            continue
        if current:
            out.append(_name(text, spans, current))
            current = []
    return [n for n in out if len(n[2].split()) >= 2]


def _name(text: str, spans: list[tuple[int, int]], indexes: list[int]) -> tuple[int, int, str]:
    start, end = spans[indexes[0]][0], spans[indexes[-1]][1]
    return start, end, " ".join(text[start:end].split())
