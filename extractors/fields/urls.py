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
def _bare_domain() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(anchor on ".vn", ".com" …, the whole domain read back from the anchor)."""
    tlds = "|".join(load("deep_words")["urls"]["tlds"])
    label = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    anchor = re.compile(rf"\.(?:{tlds})(?![\w@-]|\.\w)", re.I)
    whole = re.compile(rf"(?:{label}\.)+(?:{tlds})(?![\w@-]|\.\w)(?:/[^\s<>\"“”()]*)?", re.I)
    return anchor, whole


def _bare_domains(body: str) -> list[tuple[int, int, str]]:
    anchor, whole = _bare_domain()
    out, last = [], -1
    for a in anchor.finditer(body):
        start = a.start()
        while start > 0 and (body[start - 1].isascii() and (body[start - 1].isalnum() or body[start - 1] in ".-")):
            start -= 1
        if start <= last or (start > 0 and body[start - 1] in "@/_"):
            continue
        m = whole.match(body, start)
        if m:
            out.append((m.start(), m.end(), m.group(0)))
            last = m.end()
    return out


def find_urls(text: DocText) -> list[str]:
    """Every web address in ``text`` once, in order, as written (trailing punctuation dropped)."""
    body = text.text
    emails = [(m.start(), m.end()) for m in P.EMAIL.finditer(body)] if "@" in body else []
    found = [(m.start(), m.end(), m.group(0)) for m in P.URL_SCHEME.finditer(body)] \
        if any(cue in body for cue in ("http", "HTTP", "www.", "WWW.")) else []
    found += [d for d in _bare_domains(body) if not any(s <= d[0] < e for s, e in emails)]
    found.sort()
    out, seen, last_end = [], set(), -1
    for start, end, url in found:
        if start < last_end:
            continue
        last_end = end
        url = url.rstrip(_TRAILING)
        key = url.casefold().rstrip("/")
        if url and key not in seen:
            seen.add(key)
            out.append(url)
    return out
