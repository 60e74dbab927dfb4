"""Filters as index terms: a record's year, type and citations written as tokens of a hidden
``meta`` column, so that full-text search and filters are one FTS5 query (doclists are
intersected inside the index instead of looking each match up in ``documents``).

    year 2022           → y2022 d202          (year and decade)
    type KH, Kế hoạch   → tkh tnkehoach
    cites 749/QĐ-TTg    → c3734392f51442d545447  (hex of the number key: exact, no clashes)

>>> meta_tokens(2022, "KH", "Kế hoạch", ["749/QD-TTG"])
'y2022 d202 tkh tnkehoach c3734392f51442d545447'
>>> year_terms(2019, 2031)
['d202', 'y2019', 'y2030', 'y2031']
"""
from __future__ import annotations

import re

from corpus.fold import loose

_NOT_WORD = re.compile(r"[^0-9a-z]+")


def compact(text: str | None) -> str:
    """Folded, lower case, letters and digits only: "Kế hoạch" → "kehoach"."""
    return _NOT_WORD.sub("", loose(text))


def cite_token(key: str) -> str:
    return "c" + key.encode("utf-8").hex()


def type_tokens(code: str | None, name: str | None) -> list[str]:
    return [prefix + word for prefix, word in (("t", compact(code)), ("tn", compact(name)))
            if word]


def meta_tokens(year: int | None, code: str | None, name: str | None,
                cite_keys: list[str]) -> str:
    tokens = [f"y{year}", f"d{year // 10}"] if year else []
    tokens += type_tokens(code, name)
    tokens += dict.fromkeys(cite_token(k) for k in cite_keys if k)
    return " ".join(tokens)


def year_terms(first: int, last: int) -> list[str]:
    """The fewest year and decade tokens covering ``first``–``last`` (both included)."""
    terms, year = [], first
    while year <= last:
        if year % 10 == 0 and year + 9 <= last:
            terms.append(f"d{year // 10}")
            year += 10
        else:
            terms.append(f"y{year}")
            year += 1
    return sorted(terms)


def type_query_tokens(value: str) -> list[str]:
    """A --type value matches the code ("KH", "qd") or the name ("Kế hoạch", "ke hoach")."""
    word = compact(value)
    return [f"t{word}", f"tn{word}"] if word else []
