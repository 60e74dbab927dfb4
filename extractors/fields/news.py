"""News articles about administrative documents: headline, byline, site.

A page of a news site has no Quốc hiệu and no "Số:"; it opens with the headline, then a
byline "Đức Biền|23/12/2021 07:24", and the lead often names the site: "Moitruong.net.vn –
UBND thành phố … vừa ban hành …". Such a text is recorded as a "Bài báo": the headline is
its subject, the byline's author its signer, the site its issuer, the byline date its date.
"""
from __future__ import annotations

import re

from extractors.records import Document, DocType
from extractors.segment import Layout

# "Đức Biền|23/12/2021 07:24", "Nguyễn Văn A - 23/12/2021"
_BYLINE = re.compile(r"^(?P<author>[^\W\d][^|\d]{1,40}?)\s*[|–-]\s*(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b")
# a site name opening the lead: "Moitruong.net.vn –", "(Baochinhphu.vn) -"
_SITE = re.compile(r"^\(?(?P<site>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:vn|com|net|org|gov\.vn))\)?\s*[–-]")
LOOK = 6  # the byline stands within the first lines


def fill_news(doc: Document, layout: Layout) -> bool:
    """Fill a news article's fields; False when the text is not one."""
    lines = layout.lines[:LOOK]
    for pos, ln in enumerate(lines):
        match = _BYLINE.match(ln.text)
        if not match or pos == 0:
            continue
        headline = lines[0]
        doc.doc_type = DocType("Bài báo", None)
        doc.subject = headline.text.strip()
        doc.evidence["subject"] = headline.span()
        doc.signer.name = match.group("author").strip()
        doc.evidence["signer"] = ln.span(0, match.end("author"))
        doc.issued_on = f"{match.group('y')}-{int(match.group('m')):02d}-{int(match.group('d')):02d}"
        doc.evidence["issued_on"] = ln.span(match.start("d"), match.end("y"))
        for lead in layout.lines[pos + 1: pos + 4]:
            site = _SITE.match(lead.text)
            if site:
                doc.issuer.name = site.group("site")
                doc.evidence["issuer"] = lead.span(site.start("site"), site.end("site"))
                break
        return True
    return False
