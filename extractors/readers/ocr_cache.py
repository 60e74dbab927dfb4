"""An optional on-disk cache of OCR engine output, for repeated runs over the same scans.

Set ``DOCGEN_OCR_CACHE`` to a folder and every engine call is stored there under the
SHA-256 of its command line and input image: a second ``docgen eval`` over the same
scans reads the stored output instead of running Tesseract again. Unset (the default),
nothing is read or written. Entries are written beside their name and renamed, so a
killed run never leaves a torn entry.

Example: ``DOCGEN_OCR_CACHE=~/.cache/docgen-ocr docgen eval GOLD/ SCANS/``.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Callable

ENV = "DOCGEN_OCR_CACHE"


def cache_folder() -> Path | None:
    value = os.environ.get(ENV, "").strip()
    return Path(value).expanduser() if value else None


def cached(command: list[str], data: bytes, run: Callable[[], str]) -> str:
    """``run()``'s output for (``command``, ``data``), from the cache when it holds it."""
    folder = cache_folder()
    if folder is None:
        return run()
    digest = hashlib.sha256("\0".join(command[1:]).encode() + b"\0" + data).hexdigest()
    entry = folder / digest[:2] / f"{digest}.txt"
    try:
        return entry.read_text(encoding="utf-8")
    except OSError:
        pass
    output = run()
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial = entry.with_suffix(f".{os.getpid()}.part")
        partial.write_text(output, encoding="utf-8")
        partial.replace(entry)
    except OSError:
        pass  # a cache that cannot be written only costs time
    return output
