"""The three flat tables the corpus exports and Dask shards hold: records, targets, references.

One column list per table (name, type) drives JSONL, CSV and Parquet alike, so the formats
never disagree. ``sha256`` (of the source file's bytes) joins the tables in every output;
``doc_id`` is the index's own id and is empty in shards written by workers.
Types: ``int``, ``float``, ``bool``, ``str``, ``list`` (of strings; JSON array text in CSV),
``ints`` (list of integers), ``json`` (the nested record: an object in JSONL, JSON text in
CSV and Parquet).
"""
from __future__ import annotations

import json
from typing import Any, Callable

from corpus.fold import number_key

RECORDS: list[tuple[str, str]] = [
    ("doc_id", "int"), ("sha256", "str"), ("path", "str"), ("paths", "list"),
    ("format", "str"), ("pages", "int"), ("text_layer", "bool"), ("ocr", "bool"),
    ("doc_type", "str"), ("doc_code", "str"), ("number", "str"), ("number_int", "int"),
    ("number_symbol", "str"), ("number_key", "str"), ("issued_on", "str"), ("year", "int"),
    ("place", "str"), ("issuer", "str"), ("issuer_parent", "str"), ("subject", "str"),
    ("signer", "str"), ("signer_title", "str"), ("signer_authority", "str"),
    ("signer_for_title", "str"), ("recipients", "list"), ("distribution", "list"),
    ("urls", "list"), ("warnings", "list"), ("reference_count", "int"),
    ("target_count", "int"), ("record", "json"), ("text", "str"),
]
TARGETS: list[tuple[str, str]] = [
    ("sha256", "str"), ("doc_id", "int"), ("position", "int"), ("document_number", "str"),
    ("issuer", "str"), ("indicator", "str"), ("comparator", "str"), ("value", "float"),
    ("unit", "str"), ("deadline", "str"), ("scope", "str"), ("raw", "str"),
    ("page", "int"), ("start", "int"), ("end", "int"),
]
REFERENCES: list[tuple[str, str]] = [
    ("sha256", "str"), ("doc_id", "int"), ("position", "int"), ("document_number", "str"),
    ("doc_type", "str"), ("number", "str"), ("number_key", "str"), ("issued_on", "str"),
    ("issuer", "str"), ("title", "str"), ("resolved_ids", "ints"),
    ("page", "int"), ("start", "int"), ("end", "int"),
]
FAILURES: list[tuple[str, str]] = [
    ("path", "str"), ("sha256", "str"), ("cause", "str"), ("failed_at", "str"),
]
TABLES: dict[str, list[tuple[str, str]]] = {
    "records": RECORDS, "targets": TARGETS, "references": REFERENCES,
}


def record_row(record: dict[str, Any], doc_id: int | None = None,
               paths: list[str] | None = None, with_text: bool = False) -> dict[str, Any]:
    """The flat ``records`` row of one ``docgen.document/1`` record."""
    source = record.get("source") or {}
    doc_type = record.get("doc_type") or {}
    number = record.get("number") or {}
    issuer = record.get("issuer") or {}
    signer = record.get("signer") or {}
    issued = record.get("issued_on")
    nested = {k: v for k, v in record.items() if k != "text"}
    paths = paths if paths is not None else [source.get("path")]
    return {
        "doc_id": doc_id, "sha256": source.get("sha256"), "path": paths[0] if paths else None,
        "paths": paths, "format": source.get("format"), "pages": source.get("pages"),
        "text_layer": source.get("text_layer"), "ocr": source.get("ocr"),
        "doc_type": doc_type.get("name"), "doc_code": doc_type.get("code"),
        "number": number.get("raw"), "number_int": number.get("number"),
        "number_symbol": number.get("symbol"), "number_key": number_key(number.get("raw")),
        "issued_on": issued, "year": year_of(issued),
        "place": record.get("place"), "issuer": issuer.get("name"),
        "issuer_parent": issuer.get("parent"), "subject": record.get("subject"),
        "signer": signer.get("name"), "signer_title": signer.get("title"),
        "signer_authority": signer.get("authority"), "signer_for_title": signer.get("for_title"),
        "recipients": record.get("recipients") or [],
        "distribution": record.get("distribution") or [], "urls": record.get("urls") or [],
        "warnings": record.get("warnings") or [],
        "reference_count": len(record.get("references") or []),
        "target_count": len(record.get("targets") or []),
        "record": nested, "text": record.get("text") if with_text else None,
    }


def year_of(issued_on: str | None) -> int | None:
    """The year of an ISO date ("2022-03-01" → 2022), None when it has none."""
    return int(issued_on[:4]) if issued_on and issued_on[:4].isdigit() else None


def target_rows(record: dict[str, Any], doc_id: int | None = None) -> list[dict[str, Any]]:
    """One ``targets`` row per target of the record, in document order."""
    head = _head(record, doc_id)
    return [{**head, "position": i, "indicator": t.get("indicator"),
             "comparator": t.get("comparator"), "value": _float(t.get("value")),
             "unit": t.get("unit"), "deadline": t.get("deadline"), "scope": t.get("scope"),
             "raw": t.get("raw"), **_span(t)}
            for i, t in enumerate(record.get("targets") or [])]


def reference_rows(record: dict[str, Any], doc_id: int | None = None,
                   resolver: Callable[[dict], list[int]] | None = None) -> list[dict[str, Any]]:
    """One ``references`` row per cited document; ``resolver`` gives stored ids it points at."""
    head = _head(record, doc_id)
    head.pop("issuer")
    return [{**head, "position": i, "doc_type": r.get("doc_type"), "number": r.get("number"),
             "number_key": number_key(r.get("number")), "issued_on": r.get("issued_on"),
             "issuer": r.get("issuer"), "title": r.get("title"),
             "resolved_ids": resolver(r) if resolver else None, **_span(r)}
            for i, r in enumerate(record.get("references") or [])]


def _head(record: dict[str, Any], doc_id: int | None) -> dict[str, Any]:
    return {"sha256": (record.get("source") or {}).get("sha256"), "doc_id": doc_id,
            "document_number": (record.get("number") or {}).get("raw"),
            "issuer": (record.get("issuer") or {}).get("name")}


def _span(item: dict[str, Any]) -> dict[str, Any]:
    span = item.get("span") or {}
    return {"page": span.get("page"), "start": span.get("start"), "end": span.get("end")}


def _float(value: Any) -> float | None:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


def csv_value(value: Any, kind: str) -> Any:
    """How one cell is written in CSV: lists and the record as JSON text, booleans as 0/1."""
    if value is None:
        return ""
    if kind in ("list", "ints", "json"):
        return json.dumps(value, ensure_ascii=False)
    if kind == "bool":
        return int(bool(value))
    return value


def arrow_schema(columns: list[tuple[str, str]]):
    """The pyarrow schema of a table (pyarrow imported only when Parquet is asked for)."""
    import pyarrow as pa

    types = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "str": pa.string(),
             "list": pa.list_(pa.string()), "ints": pa.list_(pa.int64()), "json": pa.string()}
    return pa.schema([(name, types[kind]) for name, kind in columns])


def arrow_value(value: Any, kind: str) -> Any:
    if kind == "json" and value is not None:
        return json.dumps(value, ensure_ascii=False)
    return value
