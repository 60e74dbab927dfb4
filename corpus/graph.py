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
    stored = StoredByKey(store)
    result.documents = stored(key)
    for doc in result.documents:
        result.cites[doc.id] = citations_of(store, doc.id, stored)
    result.cited_by = _citing(store, key, stored)
    return result


class StoredByKey:
    """Stored documents by number key, each key looked up once per answer (or export)."""

    LIMIT = 100_000

    def __init__(self, store: Store):
        self.store = store
        self.found: dict[str, list[DocRef]] = {}

    def __call__(self, key: str) -> list[DocRef]:
        if key not in self.found:
            if len(self.found) >= self.LIMIT:
                self.found.clear()
            rows = self.store.conn.execute(
                f"SELECT {_DOC_COLUMNS} FROM documents WHERE key_id = "
                "(SELECT id FROM keys WHERE key = ?) ORDER BY issued_on, id", (key,)).fetchall()
            self.found[key] = [DocRef(*row) for row in rows]
        return self.found[key]


MENTION = "m.doc_type, m.number_raw, m.issued_on, m.issuer, m.title"


def citations_of(store: Store, doc_id: int, stored: StoredByKey | None = None) -> list[Citation]:
    """Every citation of a stored document, in order, each resolved to stored documents."""
    references = (store.record(doc_id) or {}).get("references") or []
    stored = stored or StoredByKey(store)
    return [_citation([r.get(k) for k in ("doc_type", "number", "issued_on", "issuer", "title")],
                      stored) for r in references]


def resolve(store: Store, number: str | None, issued_on: str | None = None,
            issuer: str | None = None, stored: StoredByKey | None = None) -> list[DocRef]:
    """Stored documents a mention points at: same number, then same year and issuer if needed."""
    key = number_key(number)
    candidates = (stored or StoredByKey(store))(key) if key else []
    if len(candidates) > 1 and issued_on:
        same_year = [d for d in candidates if (d.issued_on or "")[:4] == issued_on[:4]]
        candidates = same_year or candidates
    if len(candidates) > 1 and issuer:
        wanted = loose(issuer)
        same_issuer = [d for d in candidates if wanted and wanted in loose(d.issuer)]
        candidates = same_issuer or candidates
    return candidates


def _citation(row, stored: StoredByKey) -> Citation:
    doc_type, number, issued_on, issuer, title = tuple(row)
    return Citation(number, doc_type, issued_on, issuer, title,
                    tuple(resolve(stored.store, number, issued_on, issuer, stored)))


def _citing(store: Store, key: str, stored: StoredByKey) -> list[CitingDocument]:
    rows = store.conn.execute(
        f"SELECT d.id, d.number_raw, d.doc_name, d.issued_on, d.issuer, d.subject, {MENTION} "
        "FROM citations c JOIN documents d ON d.id = c.doc_id "
        "JOIN mentions m ON m.id = c.mention_id "
        "WHERE c.key_id = (SELECT id FROM keys WHERE key = ?) "
        "ORDER BY d.issued_on, d.id, c.position", (key,)).fetchall()
    return [CitingDocument(DocRef(*row[:6]), _citation(row[6:], stored)) for row in rows]
