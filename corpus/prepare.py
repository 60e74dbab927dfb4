"""One record turned into the rows the index stores: the work done before any write.

``prepare`` runs wherever is convenient — in the writing process for an ingest, in a helper
process for a bulk load — and returns plain values. The store writes them, and recomputes
them from the packed record to delete a document, so what is deleted from the contentless
full-text tables is exactly what was inserted.
"""
from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from typing import Any

from corpus.fold import fold_words, number_key
from corpus.packing import pack
from corpus.tables import year_of
from corpus.terms import meta_tokens


@dataclass
class Citation:
    position: int
    key: str
    digest: bytes
    mention: tuple  # doc_type, number_raw, issued_on, issuer, title


@dataclass
class Prepared:
    """The rows of one document; ``document`` holds the key text where key_id goes."""

    sha256: bytes
    document: tuple
    key: str | None
    packed: bytes
    fts: tuple  # subject, text, subject_folded, text_folded, issuer, signer, meta
    targets: list[tuple]  # position, indicator, scope, indicator_folded, scope_folded
    citations: list[Citation]


def prepare(record: dict[str, Any], record_json: str | None = None) -> Prepared:
    """The rows of a ``docgen.document/1`` record carrying its ``text``; ``record_json``, if
    given, is the record without its text as JSON (a Parquet row holds it)."""
    text = record.get("text") or ""
    stored = {k: v for k, v in record.items() if k != "text"}
    citations = [_citation(i, r) for i, r in enumerate(stored.get("references") or [])
                 if number_key(r.get("number"))]
    key = number_key((stored.get("number") or {}).get("raw"))
    return Prepared(
        sha256=bytes.fromhex(stored["source"]["sha256"]), document=_document(stored),
        key=key, packed=pack(stored, text, record_json), fts=_fts(stored, text, citations),
        targets=_targets(stored), citations=citations)


def _document(record: dict[str, Any]) -> tuple:
    source = record.get("source") or {}
    doc_type = record.get("doc_type") or {}
    number = record.get("number") or {}
    issuer = (record.get("issuer") or {}).get("name")
    signer = (record.get("signer") or {}).get("name")
    issued = record.get("issued_on")
    return (bytes.fromhex(source["sha256"]), source.get("format"), source.get("pages"),
            doc_type.get("name"), doc_type.get("code"), number.get("raw"),
            number_key(number.get("raw")), issued, year_of(issued), issuer, signer,
            record.get("subject"), len(record.get("references") or []),
            len(record.get("targets") or []))


def _fts(record: dict[str, Any], text: str, citations: list[Citation]) -> tuple:
    subject = record.get("subject") or ""
    doc_type = record.get("doc_type") or {}
    issuer = (record.get("issuer") or {}).get("name") or ""
    signer = (record.get("signer") or {}).get("name") or ""
    meta = meta_tokens(year_of(record.get("issued_on")), doc_type.get("code"),
                       doc_type.get("name"), [c.key for c in citations])
    return (subject, text, fold_words(subject), fold_words(text), fold_words(issuer),
            fold_words(signer), meta)


def _targets(record: dict[str, Any]) -> list[tuple]:
    rows = []
    for i, target in enumerate(record.get("targets") or []):
        indicator, scope = target.get("indicator") or "", target.get("scope") or ""
        rows.append((i, indicator, scope, fold_words(indicator), fold_words(scope)))
    return rows


def _citation(position: int, reference: dict[str, Any]) -> Citation:
    mention = (reference.get("doc_type"), reference.get("number"), reference.get("issued_on"),
               reference.get("issuer"), reference.get("title"))
    return Citation(position, number_key(reference.get("number")), mention_digest(mention),
                    mention)


@functools.lru_cache(maxsize=262144)
def mention_digest(mention: tuple) -> bytes:
    """12 bytes naming a mention (None and "" apart): the key of the shared mentions table."""
    text = "\x1f".join("\x00" if v is None else str(v) for v in mention)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).digest()
