"""News articles about administrative documents: headline, byline, site.

A page of a news site has no Quốc hiệu and no "Số:"; it opens with the headline, then a
byline "Đức Biền|23/12/2021 07:24", and the lead often names the site: "Moitruong.net.vn –
UBND thành phố … vừa ban hành …". Such a text is recorded as a "Bài báo": the headline is
its subject, the byline's author its signer, the site its issuer, the byline date its date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.records import Document, DocType, Span
from extractors.segment import Layout, TextLine

# "Đức Biền|23/12/2021 07:24", "Nguyễn Văn A - 23/12/2021"
_BYLINE = re.compile(r"^(?P<author>[^\W\d][^|\d]{1,40}?)\s*[|–-]\s*(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b")
# a site name opening the lead: "Moitruong.net.vn –", "(Baochinhphu.vn) -"
_SITE = re.compile(r"^\(?(?P<site>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:vn|com|net|org|gov\.vn))\)?\s*[–-]")
LOOK = 6  # the byline stands within the first lines


# the byline's date alone, its author on the line before: a page whose "Tác giả | ngày" row
# was read as two table cells
_DATE_LINE = re.compile(r"^(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b(?:\s+\d{1,2}[:h]\d{2})?\s*$")
_AUTHOR = re.compile(r"^[^\W\d][^|\d]{1,40}$")
AUTHOR_WORDS = 5


@dataclass(frozen=True)
class Byline:
    author: str
    author_span: Span
    issued_on: str
    date_span: Span
    last: int  # index of its (last) line among the first lines


def find_byline(lines: list[TextLine]) -> Byline | None:
    """The byline under the headline: "Đức Biền|23/12/2021 07:24" on one line, or the author
    and the date on two."""
    for pos, ln in enumerate(lines[1:], start=1):  # line 0 is the headline
        match = _BYLINE.match(ln.text)
        if match:
            return Byline(match.group("author").strip(), ln.span(0, match.end("author")), _iso(match),
                          ln.span(match.start("d"), match.end("y")), pos)
        date = _DATE_LINE.match(ln.text)
        before = lines[pos - 1].text.strip()
        if date and pos > 1 and _AUTHOR.match(before) and len(before.split()) <= AUTHOR_WORDS:
            return Byline(before, lines[pos - 1].span(), _iso(date),
                          ln.span(date.start("d"), date.end("y")), pos)
    return None


def _iso(match: re.Match) -> str:
    return f"{match.group('y')}-{int(match.group('m')):02d}-{int(match.group('d')):02d}"


def fill_news(doc: Document, layout: Layout) -> bool:
    """Fill a news article's fields; False when the text is not one."""
    byline = find_byline(layout.lines[:LOOK])
    if byline is None:
        return False
    headline = layout.lines[0]
    doc.doc_type = DocType("Bài báo", None)
    doc.subject = headline.text.strip()
    doc.evidence["subject"] = headline.span()
    doc.signer.name = byline.author
    doc.evidence["signer"] = byline.author_span
    doc.issued_on = byline.issued_on
    doc.evidence["issued_on"] = byline.date_span
    for lead in layout.lines[byline.last + 1: byline.last + 4]:
        site = _SITE.match(lead.text)
        if site:
            doc.issuer.name = site.group("site")
            doc.evidence["issuer"] = lead.span(site.start("site"), site.end("site"))
            break
    return True
