"""DOCX → PDF with one headless LibreOffice process for a whole batch.

LibreOffice gets its own throw-away profile (``-env:UserInstallation``), so it never clashes with
a desktop session or another batch; it uses the installed fonts (fonts-liberation2: Liberation
Serif is the metric twin of Times New Roman). PDFs are written beside each other in a temporary
folder inside ``out_dir`` and renamed into place, so no partial PDF is ever left behind.

>>> convert_to_pdf(["a.docx", "b.docx"], "out/")  # doctest: +SKIP
[PosixPath('out/a.pdf'), PosixPath('out/b.pdf')]
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Sequence

from docgen.errors import ConversionFailed

CANDIDATES = ("soffice", "libreoffice", "/usr/lib/libreoffice/program/soffice")
SECONDS_PER_FILE = 20
MIN_TIMEOUT = 120


def find_soffice() -> str:
    """The LibreOffice executable, or ConversionFailed saying how to install it."""
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise ConversionFailed("soffice", "LibreOffice not found (apt-get install libreoffice-writer-nogui)")


def _run(soffice: str, inputs: list[Path], outdir: Path, profile: Path) -> None:
    command = [
        soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
        "--nologo", "--nolockcheck", "--convert-to", "pdf", "--outdir", str(outdir),
        *[str(p) for p in inputs],
    ]
    timeout = max(MIN_TIMEOUT, SECONDS_PER_FILE * len(inputs))
    try:
        subprocess.run(command, check=False, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise ConversionFailed(str(inputs[0]), f"LibreOffice took longer than {timeout} s") from None
    except OSError as error:
        raise ConversionFailed(soffice, str(error)) from None


def _staged_inputs(docx_paths: list[Path], stage: Path) -> list[Path]:
    """Links (or copies) named 0000.docx, 0001.docx … so equal file names never collide."""
    staged = []
    for index, source in enumerate(docx_paths):
        target = stage / f"{index:06d}.docx"
        try:
            os.symlink(source.resolve(), target)
        except OSError:
            shutil.copyfile(source, target)
        staged.append(target)
    return staged


def convert_many(docx_paths: Sequence[str | os.PathLike], out_dir: str | os.PathLike) -> tuple[list[Path], list[Path]]:
    """Convert every DOCX in one LibreOffice run: (PDFs made, DOCX files that gave no PDF)."""
    sources = [Path(p) for p in docx_paths]
    if not sources:
        return [], []
    for source in sources:
        if not source.is_file():
            raise ConversionFailed(str(source), "no such file")
    out = Path(out_dir).resolve()  # LibreOffice takes its profile as a file URI: absolute
    out.mkdir(parents=True, exist_ok=True)
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix=".docgen-pdf-", dir=out) as work:
        work_dir = Path(work)
        stage, pdfs, profile = work_dir / "in", work_dir / "out", work_dir / "profile"
        stage.mkdir()
        staged = _staged_inputs(sources, stage)
        _run(soffice, staged, pdfs, profile)
        return _collect(sources, staged, pdfs, out)


def convert_to_pdf(docx_paths: Sequence[str | os.PathLike], out_dir: str | os.PathLike) -> list[Path]:
    """Convert every DOCX in one LibreOffice run; PDFs are named after the inputs, in ``out_dir``.

    Raises ConversionFailed naming the first file LibreOffice produced no PDF for (the PDFs that
    did convert are kept).
    """
    made, failed = convert_many(docx_paths, out_dir)
    if failed:
        raise ConversionFailed(str(failed[0]), f"LibreOffice made no PDF ({len(failed)} of {len(made) + len(failed)} failed)")
    return made


def _collect(sources: list[Path], staged: list[Path], pdfs: Path, out: Path) -> tuple[list[Path], list[Path]]:
    made, failed = [], []
    for source, stage_file in zip(sources, staged):
        produced = pdfs / f"{stage_file.stem}.pdf"
        target = out / f"{source.stem}.pdf"
        if produced.is_file() and produced.stat().st_size > 0:
            os.replace(produced, target)
            made.append(target)
        else:
            failed.append(source)
    return made, failed
