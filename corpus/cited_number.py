"""A handwritten number left unread, taken from another stored document that cites it.

What every other document cites is the number: a Công văn that answers "Báo cáo số
23/BC-UBND ngày 23/01/2025 của UBND tỉnh Quảng Ngãi về …" names the report whose scan
left the 23 unread. A citation is taken only when it agrees with the record on everything
else a clerk would check — the ký hiệu, the type, the date of issue (a record that only has
"YYYY-MM" takes the citation's day too), the issuer and the subject (at least half of the
shorter's syllables shared) — and when every such citation gives the same number. The
record keeps ``handwritten`` true, gets ``confidence`` ``CITED`` and a warning naming the
citing document.

Ingest calls ``fill_from_citations`` on each record before it is stored.
"""
from __future__ import annotations

from typing import Any, Iterable

from corpus.fold import loose, number_key

CITED = 0.9
MIN_SHARED = 0.5  # of the shorter text's syllables, subject against the citation's title


def fill_from_citations(store, record: dict[str, Any]) -> dict[str, Any]:
    """``record`` with its unread handwritten number filled from ``store``'s citations."""
    number = record.get("number") or {}
    if not (number.get("handwritten") and number.get("number") is None and number.get("symbol")):
        return record
    return fill(record, citations_of(store, number["symbol"]))


def citations_of(store, symbol: str) -> list[dict[str, Any]]:
    """Stored citations of any number with ``symbol``: doc_type, number_raw, issued_on,
    issuer, title, and the citing document's own number."""
    key = number_key(f"0/{symbol}").split("/", 1)[1]
    rows = store.conn.execute(
        "SELECT m.doc_type, m.number_raw, m.issued_on, m.issuer, m.title, d.number_raw "
        "FROM keys k JOIN citations c ON c.key_id = k.id JOIN mentions m ON m.id = c.mention_id "
        "JOIN documents d ON d.id = c.doc_id WHERE k.key LIKE ?",
        (f"%/{key}",)).fetchall()
    names = ("doc_type", "number_raw", "issued_on", "issuer", "title", "cited_in")
    return [dict(zip(names, row)) for row in rows]


def fill(record: dict[str, Any], citations: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """``record`` with the number every matching citation gives (unchanged if none or
    if they disagree)."""
    found = [c for c in citations if _matches(record, c)]
    numbers = {number_key(c["number_raw"]).split("/", 1)[0] for c in found}
    if len(numbers) != 1 or not next(iter(numbers)).isdigit():
        return record
    digits, cited = numbers.pop(), found[0]
    out = dict(record)
    symbol = record["number"]["symbol"]
    out["number"] = dict(record["number"], raw=f"{digits}/{symbol}", number=int(digits),
                         confidence=CITED)
    if len(record.get("issued_on") or "") == 7 and cited["issued_on"]:
        out["issued_on"] = cited["issued_on"]
    where = cited["cited_in"] or "another stored document"
    out["warnings"] = [*record.get("warnings", []),
                       f"the number {digits} is taken from its citation in {where}"]
    return out


def _matches(record: dict[str, Any], citation: dict[str, Any]) -> bool:
    if number_key(citation["number_raw"] or "") is None:
        return False
    if number_key(citation["number_raw"]).split("/", 1)[-1] != \
            number_key(f"0/{record['number']['symbol']}").split("/", 1)[1]:
        return False
    kind = (record.get("doc_type") or {}).get("name")
    if kind and citation["doc_type"] and loose(kind) != loose(citation["doc_type"]):
        return False
    if not _same_day(record.get("issued_on"), citation["issued_on"]):
        return False
    issuer = (record.get("issuer") or {}).get("name")
    if issuer and citation["issuer"] and not _shares(loose(issuer), loose(citation["issuer"])):
        return False
    subject = record.get("subject")
    return not (subject and citation["title"]) or _shares(loose(subject), loose(citation["title"]))


def _same_day(issued: str | None, cited: str | None) -> bool:
    """The citation's date is the record's, or falls in its month when the day is unread."""
    if not issued or not cited:
        return False
    return cited == issued if len(issued) == 10 else cited[:7] == issued[:7]


def _shares(one: str, two: str) -> bool:
    a, b = set(one.split()), set(two.split())
    shorter = min(len(a), len(b))
    return shorter > 0 and len(a & b) >= MIN_SHARED * shorter
