"""Records written as JSON, JSON lines, CSV or a table (``docgen extract --format``)."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from extractors.records import Document

CSV_COLUMNS = (
    "path", "doc_type", "code", "number", "issued_on", "place", "issuer", "issuer_parent", "subject",
    "signer", "signer_title", "authority", "for_title", "recipients", "distribution",
    "references", "targets", "periods", "deadlines", "events", "warnings",
)


def csv_row(doc: Document) -> dict[str, object]:
    s = doc.signer
    return {
        "path": doc.source.path, "doc_type": doc.doc_type.name, "code": doc.doc_type.code,
        "number": doc.number.raw, "issued_on": doc.issued_on, "place": doc.place,
        "issuer": doc.issuer.name, "issuer_parent": doc.issuer.parent, "subject": doc.subject,
        "signer": s.name, "signer_title": s.title, "authority": s.authority, "for_title": s.for_title,
        "recipients": "; ".join(doc.recipients), "distribution": "; ".join(doc.distribution),
        "references": len(doc.references), "targets": len(doc.targets), "periods": len(doc.periods),
        "deadlines": len(doc.deadlines), "events": len(doc.events), "warnings": " | ".join(doc.warnings),
    }


def to_json(docs: list[Document], with_text: bool) -> str:
    records = [d.to_dict(with_text) for d in docs]
    return json.dumps(records[0] if len(records) == 1 else records, ensure_ascii=False, indent=2) + "\n"


def to_jsonl(docs: list[Document], with_text: bool) -> str:
    return "".join(json.dumps(d.to_dict(with_text), ensure_ascii=False) + "\n" for d in docs)


def to_csv(docs: list[Document], with_text: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for doc in docs:
        writer.writerow(csv_row(doc))
    return buffer.getvalue()


def cut(value: object, width: int) -> str:
    """A table cell: the value, shortened with "…" past ``width`` characters."""
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def text_table(columns: tuple[tuple[str, int], ...], rows: list[tuple]) -> str:
    """Fixed-width columns (name, width) under a header line, no trailing spaces."""
    lines = ["  ".join(f"{name:<{w}}" for name, w in columns).rstrip()]
    for row in rows:
        lines.append("  ".join(f"{cut(v, w):<{w}}" for v, (_, w) in zip(row, columns)).rstrip())
    return "\n".join(lines)


def to_table(docs: list[Document], with_text: bool = False) -> str:
    cols = (("file", 18), ("type", 11), ("number", 16), ("date", 10), ("issuer", 34), ("signer", 22))
    rows = [(Path(d.source.path).name, d.doc_type.name, d.number.raw, d.issued_on, d.issuer.name,
             d.signer.name) for d in docs]
    return text_table(cols, rows) + "\n"


FORMATS = {"json": to_json, "jsonl": to_jsonl, "csv": to_csv, "table": to_table}
