"""Finding the files to ingest: folders walked in name order, files of the kinds extracted.

Yields ``Found`` for each file and ``Missing`` for an input or a folder that is absent or
vanished while the walk ran, so the caller records it and goes on.

>>> [f.path for f in find_files(["plans/"]) if isinstance(f, Found)]  # doctest: +SKIP
['/home/me/plans/2022/kh-2242.pdf', '/home/me/plans/2022/qd-749.docx']
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Iterable, Iterator

SUFFIXES = (".pdf", ".docx", ".txt", ".html", ".htm")


@dataclass(frozen=True)
class Found:
    """A file to consider: ``os_path`` opens it, ``path`` is how the index names it."""

    os_path: str
    path: str


@dataclass(frozen=True)
class Missing:
    path: str
    cause: str


def display_path(os_path: str) -> str:
    """The name stored for a file: the path itself, with undecodable bytes shown as \\xNN."""
    try:
        os_path.encode("utf-8")
        return os_path
    except UnicodeEncodeError:
        raw = os_path.encode("utf-8", "surrogateescape")
        return raw.decode("utf-8", "backslashreplace")


def wanted(name: str) -> bool:
    """A file of a kind we extract, not hidden and not an office lock file ("~$plan.docx")."""
    return name.lower().endswith(SUFFIXES) and not name.startswith((".", "~$"))


def top_inputs(inputs: Iterable[str]) -> list[str]:
    """Absolute inputs, dropping any that lies inside another (so no file is seen twice)."""
    absolute = sorted({os.path.abspath(i) for i in inputs})
    kept: list[str] = []
    for path in absolute:
        if not any(path.startswith(k.rstrip(os.sep) + os.sep) for k in kept):
            kept.append(path)
    return kept


def find_files(inputs: Iterable[str]) -> Iterator[Found | Missing]:
    """Every wanted file under the inputs (files named directly are taken whatever their kind)."""
    for top in top_inputs(inputs):
        if os.path.isdir(top):
            yield from _walk(top)
        elif os.path.isfile(top):
            yield Found(top, display_path(top))
        else:
            yield Missing(display_path(top), "no such file or folder")


def _walk(top: str) -> Iterator[Found | Missing]:
    problems: list[OSError] = []
    for root, dirs, files in os.walk(top, onerror=problems.append):
        while problems:
            yield _missing(problems.pop(0))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if wanted(name):
                os_path = os.path.join(root, name)
                yield Found(os_path, display_path(os_path))
    while problems:
        yield _missing(problems.pop(0))


def _missing(error: OSError) -> Missing:
    path = display_path(str(error.filename or "?"))
    if isinstance(error, FileNotFoundError):
        return Missing(path, "folder vanished during the run")
    return Missing(path, error.strerror or str(error))


def count_files(inputs: Iterable[str]) -> int:
    """How many wanted files the inputs hold now (for a progress bar's total)."""
    return sum(1 for item in find_files(inputs) if isinstance(item, Found))
