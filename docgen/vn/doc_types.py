"""The types of văn bản hành chính and their Phụ lục III abbreviations, from the one table
of document types that extraction also reads.

>>> type_by_slug("quy_dinh").code, type_by_code("TTr").name
('QyĐ', 'Tờ trình')
"""
from __future__ import annotations

from dataclasses import dataclass

from extractors.wordlists import load


@dataclass(frozen=True)
class DocTypeInfo:
    """One row of the table: folder slug, tên loại, abbreviation ('' for công văn), Mẫu."""

    slug: str
    name: str
    code: str
    mau: str


def _load() -> dict[str, DocTypeInfo]:
    """The administrative rows of the one table of types (``extractors/data/doc_types.toml``)."""
    return {row["slug"]: DocTypeInfo(row["slug"], row["name"], row.get("code", ""), row.get("mau", ""))
            for row in load("doc_types")["type"] if "slug" in row}


DOC_TYPES: dict[str, DocTypeInfo] = _load()
_BY_CODE = {info.code: info for info in DOC_TYPES.values() if info.code}


def type_by_slug(slug: str) -> DocTypeInfo:
    return DOC_TYPES[slug]


def type_by_code(code: str) -> DocTypeInfo:
    return _BY_CODE[code]
