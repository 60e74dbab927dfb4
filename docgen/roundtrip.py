"""What extraction should give back for a rendered template example, and what it did.

The six fields a reader of the printed page finds: type, number, date, issuer, subject and
signer, compared as ``docgen eval`` compares them (``extractors.evaluate.fold``).
``docgen demo`` prints this check for every type; the round-trip test asserts it.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

FIELDS = ("doc_type", "number", "issued_on", "issuer", "subject", "signer")


def expected(template) -> dict[str, Any]:
    """The six fields of a template's example, from the example data alone."""
    data, name = template.example, template.name
    if name == "cong_van":
        symbol = f"{data['co_quan_viet_tat']}-{data['don_vi_viet_tat']}"
    else:
        symbol = f"{template.code}-{data['co_quan_viet_tat']}"
    subject = data.get("trich_yeu")
    if name == "quyet_dinh_ban_hanh":
        subject = f"Ban hành {data['loai_kem_theo']} {subject}"
    day = data["ngay"]
    return {
        "doc_type": template.title,
        "number": f"{data['so']:02d}/{symbol}",
        "issued_on": (day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))).isoformat(),
        "issuer": data["co_quan"],
        "subject": subject,
        "signer": data["chu_toa"] if name == "bien_ban" else data["nguoi_ky"],
    }


def found(record: dict[str, Any]) -> dict[str, Any]:
    """The same six fields of an extracted record (its JSON form)."""
    return {
        "doc_type": (record.get("doc_type") or {}).get("name"),
        "number": (record.get("number") or {}).get("raw"),
        "issued_on": record.get("issued_on"),
        "issuer": (record.get("issuer") or {}).get("name"),
        "subject": record.get("subject"),
        "signer": (record.get("signer") or {}).get("name"),
    }


def same(field: str, want: Any, got: Any) -> bool:
    """Equal as eval compares; a công văn's subject may keep or drop its "V/v "."""
    from extractors.textkeys import fold

    if field == "subject" and want is not None and fold(got) == fold(f"V/v {want}"):
        return True
    return fold(want) == fold(got)


def mismatches(template, record: dict[str, Any]) -> list[str]:
    want, got = expected(template), found(record)
    return [f for f in FIELDS if not same(f, want[f], got[f])]
