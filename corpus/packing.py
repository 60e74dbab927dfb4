"""A stored document's record and text, packed together in one compressed blob.

The record (``docgen.document/1`` without its text) is JSON on the first line, the text
follows; Zstandard packs both in one frame, primed with a preset dictionary
(``data/pack-dictionary-1.txt``: the record's shape and the words of the templates' example
data), which saves about a quarter on records of a few kilobytes. A first byte names the
packing, so another can be added without rewriting old rows.

>>> unpack(pack({"subject": "Kế hoạch"}, "KẾ HOẠCH\\n…"))
({'subject': 'Kế hoạch'}, 'KẾ HOẠCH\\n…')
"""
from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

ZSTD_DICTIONARY_1 = b"\x01"
LEVEL = 6  # 1.3 KB for a benchmark record of 6.6 KB, at a fifth of zlib's time for the same
DICTIONARY = Path(__file__).with_name("data") / "pack-dictionary-1.txt"


@functools.cache
def _codecs():
    import zstandard

    data = zstandard.ZstdCompressionDict(DICTIONARY.read_bytes(),
                                         dict_type=zstandard.DICT_TYPE_RAWCONTENT)
    return (zstandard.ZstdCompressor(level=LEVEL, dict_data=data, write_checksum=False,
                                     write_dict_id=False),
            zstandard.ZstdDecompressor(dict_data=data))


def pack(record: dict[str, Any], text: str) -> bytes:
    data = json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n" + text.encode("utf-8")
    return ZSTD_DICTIONARY_1 + _codecs()[0].compress(data)


def _data(blob: bytes) -> bytes:
    if blob[:1] != ZSTD_DICTIONARY_1:
        raise ValueError(f"unknown packing {blob[:1]!r}")
    return _codecs()[1].decompress(blob[1:])


def unpack(blob: bytes) -> tuple[dict[str, Any], str]:
    head, _, text = _data(blob).partition(b"\n")
    return json.loads(head), text.decode("utf-8")


def unpack_record(blob: bytes) -> dict[str, Any]:
    return json.loads(_data(blob).partition(b"\n")[0])


def unpack_text(blob: bytes) -> str:
    return _data(blob).partition(b"\n")[2].decode("utf-8")
