"""Citations between documents: what cites a number, what it cites, resolved to stored records.

Numbers are compared by ``fold.number_key`` ("749/QĐ-TTg" = "749/QD-TTg" = "749/QĐ–TTG").
The same số ký hiệu can belong to several documents (a province's "123/QĐ-UBND" comes back
every year), so a citation is resolved by number, then narrowed by the year and issuer it
gives when more than one stored document carries that number.

>>> graph(store, "749/QĐ-TTg").cited_by[0].document.number  # doctest: +SKIP
'2242/KH-UBND'
"""
from __future__ import annotations

from dataclasses import dataclass, field

from corpus.fold import loose, number_key
from corpus.store import Store

_DOC_COLUMNS = "id, number_raw, doc_name, issued_on, issuer, subject"


@dataclass(frozen=True)
class DocRef:
    """A stored document, as a line of the graph."""

    id: int
    number: str | None
    doc_type: str | None
    issued_on: str | None
    issuer: str | None
    subject: str | None


@dataclass(frozen=True)
class Citation:
    """One mention of a document inside another, and the stored documents it resolves to."""

    number: str | None
    doc_type: str | None
    issued_on: str | None
    issuer: str | None
    title: str | None
    resolved: tuple[DocRef, ...] = ()


@dataclass(frozen=True)
class CitingDocument:
    document: DocRef
    mention: Citation  # how the citing document wrote the number (resolved: what it points at)


@dataclass
class Graph:
    number: str
    key: str | None
    documents: list[DocRef] = field(default_factory=list)  # stored documents with this number
    cites: dict[int, list[Citation]] = field(default_factory=dict)  # document id → its citations
    cited_by: list[CitingDocument] = field(default_factory=list)


def graph(store: Store, number: str) -> Graph:
    """Who cites ``number`` and what the documents with that number cite."""
    key = number_key(number)
    result = Graph(number=number, key=key)
    if key is None:
        return result
    result.documents = _documents_with_key(store, key)
    for doc in result.documents:
        result.cites[doc.id] = citations_of(store, doc.id)
    result.cited_by = _citing(store, key)
    return result


def citations_of(store: Store, doc_id: int) -> list[Citation]:
    rows = store.conn.execute(
        "SELECT doc_type, number_raw, issued_on, issuer, title FROM doc_references "
        "WHERE doc_id = ? ORDER BY position", (doc_id,)).fetchall()
    return [_citation(store, row) for row in rows]


def resolve(store: Store, number: str | None, issued_on: str | None = None,
            issuer: str | None = None) -> list[DocRef]:
    """Stored documents a mention points at: same number, then same year and issuer if needed."""
    key = number_key(number)
    candidates = _documents_with_key(store, key) if key else []
    if len(candidates) > 1 and issued_on:
        same_year = [d for d in candidates if (d.issued_on or "")[:4] == issued_on[:4]]
        candidates = same_year or candidates
    if len(candidates) > 1 and issuer:
        wanted = loose(issuer)
        same_issuer = [d for d in candidates if wanted and wanted in loose(d.issuer)]
        candidates = same_issuer or candidates
    return candidates


def _citation(store: Store, row) -> Citation:
    doc_type, number, issued_on, issuer, title = tuple(row)
    return Citation(number, doc_type, issued_on, issuer, title,
                    tuple(resolve(store, number, issued_on, issuer)))


def _documents_with_key(store: Store, key: str) -> list[DocRef]:
    rows = store.conn.execute(f"SELECT {_DOC_COLUMNS} FROM documents WHERE number_key = ? "
                              "ORDER BY issued_on, id", (key,)).fetchall()
    return [DocRef(*row) for row in rows]


def _citing(store: Store, key: str) -> list[CitingDocument]:
    rows = store.conn.execute(
        "SELECT d.id, d.number_raw, d.doc_name, d.issued_on, d.issuer, d.subject, "
        "r.doc_type, r.number_raw, r.issued_on, r.issuer, r.title FROM doc_references r "
        "JOIN documents d ON d.id = r.doc_id WHERE r.number_key = ? "
        "ORDER BY d.issued_on, d.id", (key,)).fetchall()
    return [CitingDocument(DocRef(*row[:6]), _citation(store, row[6:])) for row in rows]
