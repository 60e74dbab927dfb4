"""A stored document's record and text, packed together in one compressed blob.

The record (``docgen.document/1`` without its text) is JSON on the first line, the text
follows; zlib packs both in one stream, so words the record repeats from the text cost
little. A first byte names the packing, so another can be added without rewriting old rows.

>>> unpack(pack({"subject": "Kế hoạch"}, "KẾ HOẠCH\\n…"))
({'subject': 'Kế hoạch'}, 'KẾ HOẠCH\\n…')
"""
from __future__ import annotations

import json
import zlib
from typing import Any

ZLIB = b"\x01"
LEVEL = 6


def pack(record: dict[str, Any], text: str) -> bytes:
    data = json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n" + text.encode("utf-8")
    return ZLIB + zlib.compress(data, LEVEL)


def _data(blob: bytes) -> bytes:
    if blob[:1] != ZLIB:
        raise ValueError(f"unknown packing {blob[:1]!r}")
    return zlib.decompress(blob[1:])


def unpack(blob: bytes) -> tuple[dict[str, Any], str]:
    head, _, text = _data(blob).partition(b"\n")
    return json.loads(head), text.decode("utf-8")


def unpack_record(blob: bytes) -> dict[str, Any]:
    return json.loads(_data(blob).partition(b"\n")[0])


def unpack_text(blob: bytes) -> str:
    return _data(blob).partition(b"\n")[2].decode("utf-8")
