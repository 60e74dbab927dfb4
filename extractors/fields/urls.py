"""Web addresses: "https://tttt.danang.gov.vn", "www.chinhphu.vn", and bare domains such as
"Moitruong.net.vn" (last label from ``deep_words.toml`` [urls]). E-mail domains are not urls.
"""
from __future__ import annotations

import functools
import re

from extractors.fields import patterns as P
from extractors.text import DocText
from extractors.wordlists import load

_TRAILING = ".,;:)]}>\"'”’"


@functools.cache
def _bare_domain() -> re.Pattern[str]:
    tlds = "|".join(load("deep_words")["urls"]["tlds"])
    label = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    return re.compile(rf"(?<![\w@.\-/])(?:{label}\.)+(?:{tlds})(?![\w@-]|\.\w)(?:/[^\s<>\"“”()]*)?", re.I)


def find_urls(text: DocText) -> list[str]:
    """Every web address in ``text`` once, in order, as written (trailing punctuation dropped)."""
    body = text.text
    emails = [(m.start(), m.end()) for m in P.EMAIL.finditer(body)]
    found = []
    for pattern in (P.URL_SCHEME, _bare_domain()):
        for m in pattern.finditer(body):
            if any(s <= m.start() < e for s, e in emails):
                continue
            found.append((m.start(), m.end(), m.group(0).rstrip(_TRAILING)))
    found.sort()
    out, seen, last_end = [], set(), -1
    for start, end, url in found:
        if start < last_end:
            continue
        last_end = end
        key = url.casefold().rstrip("/")
        if url and key not in seen:
            seen.add(key)
            out.append(url)
    return out
