"""Fixtures of the reader tests: dev PDFs in place, and small files built by the tests."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEV_PDF = ROOT.parent / "shared" / "corpus" / "dev" / "pdf"


def dev_pdf(name: str) -> Path:
    """A PDF of the development corpus, or skip with the reason."""
    path = DEV_PDF / name
    if not path.is_file():
        pytest.skip(f"needs the development corpus at {DEV_PDF} (../shared beside the project)")
    return path


def need_qpdf() -> str:
    exe = shutil.which("qpdf")
    if exe is None:
        pytest.skip("needs qpdf (apt package qpdf)")
    return exe


def qpdf(*args: str) -> None:
    subprocess.run([need_qpdf(), *args], check=True, capture_output=True)


def tiny_pdf(pages: list[list[str]]) -> bytes:
    """A minimal PDF whose pages show the given ASCII lines in Helvetica 12 pt.

    >>> tiny_pdf([["Hello"]])[:8]
    b'%PDF-1.4'
    """
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None,
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for lines in pages:
        ops = ["BT /F1 12 Tf 72 770 Td 14 TL"] + [f"({t}) Tj T*" for t in lines] + ["ET"]
        stream = "\n".join(ops).encode("latin-1")
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream.decode('latin-1')}\nendstream")
        content = len(objects)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content} 0 R >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def first_page(name: str):
    """Page 1 of a dev PDF, read as ``read`` reads it (stamps masked, OCR)."""
    from extractors.readers.model import RawDocument
    from extractors.readers.pdf import _PageReader
    from extractors.readers.pdf_errors import open_pdf

    path = dev_pdf(name)
    pdf = open_pdf(path)
    try:
        reader = _PageReader(pdf, str(path), "auto", RawDocument(str(path), "pdf"))
        page = reader.read(0)
        reader.close()
    finally:
        pdf.close()
    return page


@pytest.fixture(scope="session")
def d06():
    from extractors.readers import read

    return read(dev_pdf("d06.pdf"))


@pytest.fixture(scope="session")
def d11():
    from extractors.readers import read

    return read(dev_pdf("d11.pdf"))


RENDERED = ("chi_thi", "thong_bao", "nghi_quyet", "thong_cao")


@pytest.fixture(scope="session")
def rendered_pdfs(tmp_path_factory) -> dict[str, Path]:
    """Template examples rendered by docgen and turned into PDF by LibreOffice (one run):
    born-digital PDFs whose fonts carry no weight and whose header columns nearly touch."""
    if not shutil.which("soffice"):
        pytest.skip("needs LibreOffice (soffice)")
    from docgen.pdf import convert_to_pdf
    from docgen.render import render_document
    from docgen.templates import load_template

    out = tmp_path_factory.mktemp("rendered")
    docs = [render_document(n, load_template(n).example, out / f"{n}.docx") for n in RENDERED]
    return {path.stem: path for path in convert_to_pdf(docs, out / "pdf")}
