"""Mail-merge: one document per CSV row (``docgen batch``), failures recorded, good rows written.

>>> safe_name("../../etc/passwd"), safe_name("Công văn 05/SNV-VP: Bộ Nội vụ")
('etc_passwd', 'Công văn 05_SNV-VP_ Bộ Nội vụ')
"""
from __future__ import annotations

import csv
import os
import re
import string
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from docgen.atomic import atomic_path
from docgen.errors import DocgenError, InvalidData
from docgen.render import build_content, layout
from docgen.templates import DocTemplate, load_template

DEFAULT_PATTERN = "{type}-{row:04d}"
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_RESERVED = re.compile(r"(CON|PRN|AUX|NUL|COM\d|LPT\d)(\..*)?", re.IGNORECASE)
MAX_NAME_BYTES = 180


@dataclass
class RowFailure:
    """One CSV row that gave no document: its line in the file and why."""

    line: int
    cause: str


@dataclass
class BatchResult:
    written: list[Path] = field(default_factory=list)
    pdfs: list[Path] = field(default_factory=list)
    failures: list[RowFailure] = field(default_factory=list)


def safe_name(name: str) -> str:
    """A file name without folders, control or reserved characters (any other Unicode kept)."""
    text = unicodedata.normalize("NFC", name)
    text = _UNSAFE.sub("_", text)
    text = " ".join(text.split()).strip(" ._")
    text = re.sub(r"\.{2,}", "_", text)
    while len(text.encode("utf-8")) > MAX_NAME_BYTES:
        text = text[:-1]
    text = text.strip(" ._")
    if not text or _RESERVED.fullmatch(text):
        text = f"_{text}" if text else "document"
    return text


def check_pattern(pattern: str, template: DocTemplate, columns: Sequence[str] = ()) -> None:
    """Only plain names of fields or CSV columns (and type, row, line) may appear in a pattern."""
    allowed = set(template.schema.names) | set(columns) | {"type", "row", "line"}
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None]
    except ValueError as error:
        raise InvalidData(pattern, f"bad name pattern: {error}") from None
    for name in names:
        if name not in allowed:
            raise InvalidData(pattern, f"unknown field {{{name}}} in the name pattern (known: {', '.join(sorted(allowed))})")


def read_header(path: Path) -> list[str]:
    """The column names of a CSV file (empty when it has none)."""
    for _, row in read_rows(path):
        return list(row)
    return []


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number where the row starts, row) for each data row; ',' ';' or tab separated."""
    try:
        handle = open(path, encoding="utf-8-sig", newline="")
    except OSError as error:
        raise InvalidData(str(path), error.strerror or str(error)) from None
    with handle:
        sample = handle.read(4096)
        handle.seek(0)
        header = sample.splitlines()[0] if sample else ""
        delimiter = max(",;\t", key=header.count) if header else ","
        reader = csv.DictReader(handle, delimiter=delimiter)
        try:
            reader.fieldnames  # reads the header line
            start = reader.line_num + 1
            for row in reader:
                yield start, {k.strip(): v for k, v in row.items() if k}
                start = reader.line_num + 1
        except (csv.Error, UnicodeDecodeError) as error:
            raise InvalidData(f"{path}:{reader.line_num}", str(error)) from None


def _unique(name: str, used: set[str]) -> str:
    candidate, count = name, 1
    while candidate.lower() in used:
        count += 1
        candidate = f"{name}-{count}"
    used.add(candidate.lower())
    return candidate


def render_batch(type_name: str, csv_path: str | os.PathLike, out_dir: str | os.PathLike,
                 name_pattern: str | None = None, pdf: bool = False,
                 templates_dirs: Sequence[str | os.PathLike] | None = None,
                 on_row: Callable[[int], None] | None = None) -> BatchResult:
    """Render one DOCX per row into ``out_dir`` (and their PDFs in one LibreOffice run).

    ``on_row(n)`` is called after each row (progress, or memory sampling in the benchmark).
    """
    template = load_template(type_name, templates_dirs)
    pattern = name_pattern or DEFAULT_PATTERN
    source, out = Path(csv_path), Path(out_dir)
    check_pattern(pattern, template, read_header(source))
    out.mkdir(parents=True, exist_ok=True)
    result, used, lines = BatchResult(), set(), {}
    for row_number, (line, row) in enumerate(read_rows(source), start=1):
        subject = f"{source}:{line}"
        try:
            clean = template.schema.validate(row, subject)
            values = {**row, **clean, "type": type_name, "row": row_number, "line": line}
            name = safe_name(pattern.format_map(values))
            target = out / f"{_unique(name, used)}.docx"
            content = build_content(template, clean)
            with atomic_path(target) as tmp:
                layout().write(content, str(tmp))
            result.written.append(target)
            lines[target] = line
        except DocgenError as error:
            result.failures.append(RowFailure(line, error.cause))
        except (ValueError, KeyError, IndexError, TypeError) as error:
            result.failures.append(RowFailure(line, f"name pattern: {error}"))
        if on_row:
            on_row(row_number)
    if pdf and result.written:
        from docgen.pdf import convert_many

        made, failed = convert_many(result.written, out)
        result.pdfs = made
        result.failures += [RowFailure(lines[path], f"{path.name}: LibreOffice made no PDF") for path in failed]
    return result
