"""Every bad input of issue 2 item 7 gives one UnreadableDocument with a short cause."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from docgen.errors import UnreadableDocument
from extractors.readers import ocr as ocr_module
from extractors.readers import read
from tests.readers.conftest import ROOT, dev_pdf, qpdf, tiny_pdf


def cause_of(path, **kwargs) -> str:
    with pytest.raises(UnreadableDocument) as caught:
        read(path, **kwargs)
    assert caught.value.subject == str(path)
    return caught.value.cause


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name, data, cause", [
    ("corrupt.pdf", b"%PDF-1.4\nthis is not really a pdf\n",
     "corrupt PDF: not in PDF format or damaged"),
    ("empty.pdf", b"", "empty file, not a PDF"),
    ("picture.pdf", b"GIF89a\x01\x00\x01\x00\x00\x00",
     "not a PDF (file starts with b'GIF89a\\x01\\x00', a GIF image)"),
    ("page.pdf", b"<!DOCTYPE html><html><body>404</body></html>",
     "not a PDF (file starts with b'<!DOCTYPE html><')"),
    ("junk.txt", bytes(range(256)) * 8, "binary data, not text"),
    ("controls.txt", b"\x01\x02\x03\x04\x05\x06abc\x07\x08\x0e\x0f" * 50, "binary data, not text"),
    ("notzip.docx", b"this is not a word file", "unreadable DOCX: not a ZIP archive "
     "(file starts with b'this is not a wo')"),
    ("broken.docx", b"PK\x03\x04garbage", "unreadable DOCX: broken ZIP archive (File is not a zip file)"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "binary data, not text"),
])
def test_bad_bytes(tmp_path, name, data, cause):
    assert cause_of(write(tmp_path / name, data)) == cause


def test_truncated_pdf(tmp_path):
    data = dev_pdf("d11.pdf").read_bytes()[:20000]
    assert cause_of(write(tmp_path / "cut.pdf", data)) == "corrupt PDF: not in PDF format or damaged"


def test_encrypted_pdf(tmp_path):
    qpdf("--encrypt", "user-secret", "owner-secret", "256", "--",
         str(dev_pdf("d11.pdf")), str(tmp_path / "locked.pdf"))
    assert cause_of(tmp_path / "locked.pdf") == "encrypted PDF"


def test_pdf_with_only_an_owner_password_is_read(tmp_path):
    qpdf("--encrypt", "", "owner-secret", "256", "--",
         str(dev_pdf("d11.pdf")), str(tmp_path / "owner.pdf"))
    doc = read(tmp_path / "owner.pdf")
    assert doc.pages[0].lines[0].text == "ỦY BAN NHÂN DÂN"


def test_zero_page_pdf(tmp_path):
    qpdf("--empty", str(tmp_path / "zero.pdf"))
    assert cause_of(tmp_path / "zero.pdf") == "PDF has no pages"


def test_docx_with_broken_xml(tmp_path):
    path = tmp_path / "bad.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>not closed")
    assert cause_of(path).startswith("unreadable DOCX: ")


def test_zip_that_is_not_a_docx(tmp_path):
    path = tmp_path / "photos.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", "x")
    assert cause_of(path) == "a ZIP archive without word/document.xml (not a DOCX)"


def test_image_only_pdf_without_tesseract(tmp_path, monkeypatch):
    from PIL import Image

    Image.new("L", (200, 300), 255).save(tmp_path / "scan.pdf")
    monkeypatch.setattr(ocr_module.shutil, "which", lambda name: None)
    assert cause_of(tmp_path / "scan.pdf") == "no text layer and tesseract is not installed"
    assert read(tmp_path / "scan.pdf", ocr="never").warnings == [
        "no text layer on page(s) 1; OCR was turned off"]


def test_directory_and_missing_file(tmp_path):
    assert cause_of(tmp_path) == "is a directory"
    assert cause_of(tmp_path / "nope.pdf") == "No such file or directory"


THOUSAND_PAGES = """
import sys
sys.path.insert(0, sys.argv[2])
from extractors.readers import read
doc = read(sys.argv[1], ocr="never")
texts = {l.text for p in doc.pages for l in p.lines}
print(doc.page_count, len(doc.pages), sorted(texts),
      int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1]) // 1024)  # VmHWM: ru_maxrss keeps the parent's peak over exec
"""


def test_thousand_page_pdf_reads_in_flat_memory(tmp_path):
    one = write(tmp_path / "one.pdf", tiny_pdf([["Trang van ban", "Dong hai"]]))
    qpdf("--empty", "--pages", *([str(one)] * 1000), "--", str(tmp_path / "big.pdf"))
    done = subprocess.run([sys.executable, "-c", THOUSAND_PAGES, str(tmp_path / "big.pdf"),
                           str(ROOT)], capture_output=True, text=True, check=True)
    pages, kept, texts, peak_mb = done.stdout.rsplit(" ", 1)[0].split(" ", 2) + [
        int(done.stdout.split()[-1])]
    assert (pages, kept) == ("1000", "1000")
    assert texts == "['Dong hai', 'Trang van ban']"
    assert peak_mb < 300
