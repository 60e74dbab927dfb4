"""Extraction of many files, in order, on one or more processes.

``iter_files`` walks folders for the kinds the readers take; ``extract_many`` yields
``(path, Document | DocgenError)`` in input order, so one bad file never stops the rest.
"""
from __future__ import annotations

import concurrent.futures as cf
import os
from pathlib import Path
from typing import Iterable, Iterator

from docgen.errors import DocgenError, UnreadableDocument
from extractors.pipeline import ExtractOptions, extract
from extractors.records import Document

SUFFIXES = (".pdf", ".docx", ".txt", ".md", ".html", ".htm")


def iter_files(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and files of the known kinds under folders named (sorted, hidden skipped)."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.lower().endswith(SUFFIXES) and not name.startswith("."):
                        yield Path(root) / name
        else:
            yield path


def extract_safely(path: str | Path, options: ExtractOptions) -> Document | DocgenError:
    """The record, or the error as a value (any unexpected failure becomes UnreadableDocument)."""
    try:
        return extract(path, options)
    except DocgenError as error:
        return error
    except Exception as error:  # a reader bug must not stop a batch
        return UnreadableDocument(str(path), f"{type(error).__name__}: {error}")


def _worker_init() -> None:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def extract_many(paths: list[Path], options: ExtractOptions, jobs: int = 1
                 ) -> Iterator[tuple[Path, Document | DocgenError]]:
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            yield path, extract_safely(path, options)
        return
    with cf.ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init) as pool:
        futures = [pool.submit(extract_safely, p, options) for p in paths]
        for path, future in zip(paths, futures):
            try:
                yield path, future.result()
            except Exception as error:  # a worker that died
                yield path, UnreadableDocument(str(path), f"worker failed: {error}")
