"""What runs in an extraction process or on a Dask worker: one file → an ``Outcome``.

Functions here are top-level and take plain values, so a process pool or a Dask scheduler
can ship them by reference. Every failure comes back as a value with its cause in words; a
worker never raises for a bad file.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any


@dataclass
class Outcome:
    """The result for one file: a record (with its ``text``) or a cause of failure."""

    sha256: str
    record: dict[str, Any] | None = None
    cause: str | None = None

    @property
    def pages(self) -> int:
        return int(((self.record or {}).get("source") or {}).get("pages") or 0)


def extract_file(path: str, sha256: str, stored_path: str, ocr: str = "auto") -> Outcome:
    """Extract one file with ``extractors.extract``; never raises for a bad file.

    ``stored_path`` is the name the record keeps (``path`` may carry undecodable bytes).
    """
    from docgen.errors import DocgenError

    try:
        from extractors import ExtractOptions, extract

        document = extract(path, ExtractOptions(ocr=ocr))
    except DocgenError as error:
        return Outcome(sha256, cause=error.cause)
    except FileNotFoundError:
        return Outcome(sha256, cause="file vanished during the run")
    except MemoryError:
        return Outcome(sha256, cause="out of memory while extracting")
    except Exception as error:  # an extractor bug must not stop the batch
        return Outcome(sha256, cause=f"extractor failed: {type(error).__name__}: {error}")
    if document.source.sha256 and document.source.sha256 != sha256:
        return Outcome(sha256, cause="file changed while it was being read; run again")
    record = document.to_dict(with_text=True)
    record["source"]["path"] = stored_path
    record["source"]["sha256"] = sha256
    return Outcome(sha256, record=record)


def worker_setup() -> None:
    """Keep each extraction process to one thread of OCR (the pool gives the parallelism)."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
