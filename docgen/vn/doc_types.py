"""The types of văn bản hành chính and their Phụ lục III abbreviations, from a data file.

>>> type_by_slug("quy_dinh").code, type_by_code("TTr").name
('QyĐ', 'Tờ trình')
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

DOC_TYPES_FILE = Path(__file__).resolve().parents[1] / "data" / "doc_types.toml"


@dataclass(frozen=True)
class DocTypeInfo:
    """One row of the table: folder slug, tên loại, abbreviation ('' for công văn), Mẫu."""

    slug: str
    name: str
    code: str
    mau: str


def _load() -> dict[str, DocTypeInfo]:
    with open(DOC_TYPES_FILE, "rb") as handle:
        raw = tomllib.load(handle)
    return {row["slug"]: DocTypeInfo(**row) for row in raw["type"]}


DOC_TYPES: dict[str, DocTypeInfo] = _load()
_BY_CODE = {info.code: info for info in DOC_TYPES.values() if info.code}


def type_by_slug(slug: str) -> DocTypeInfo:
    return DOC_TYPES[slug]


def type_by_code(code: str) -> DocTypeInfo:
    return _BY_CODE[code]
