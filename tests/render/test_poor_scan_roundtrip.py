"""Every type's example as a poor scan of it would be — printed, fed crooked, photocopied:
each page rasterised at 200 DPI, turned by up to 1°, blurred, sprinkled with specks and saved
as a coarse JPEG inside an image-only PDF — then read back through OCR.

The damage is drawn from a seeded generator, so the files are the same on every run. The six
header fields must come back for nearly every type; each miss is listed."""
from __future__ import annotations

import io
import random
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw, ImageFilter

from docgen.roundtrip import expected, found, same
from docgen.templates import load_template
from extractors.batch import extract_many
from extractors.pipeline import ExtractOptions
from tests.render.conftest import TYPE_NAMES

pytestmark = pytest.mark.slow
FIELDS = ("doc_type", "number", "issued_on", "issuer", "subject", "signer")
DPI = 200
MAX_TURN = 1.0  # degrees
SPECKS = 1500  # per page
JPEG_QUALITY = 45
SEED = 1
MIN_SHARE = 0.97  # of the 174 type × field checks


def poor_scan(pdf_path: Path, out: Path, rng: random.Random) -> Path:
    """``pdf_path`` as an image-only PDF of crooked, blurred, speckled JPEG pages."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    pages = []
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            image = page.render(scale=DPI / 72).to_pil().convert("L")
            page.close()
            image = image.rotate(rng.uniform(-MAX_TURN, MAX_TURN), resample=Image.BICUBIC,
                                 fillcolor=255).filter(ImageFilter.GaussianBlur(0.6))
            draw = ImageDraw.Draw(image)
            for _ in range(SPECKS):
                draw.point((rng.randrange(image.width), rng.randrange(image.height)),
                           fill=rng.randrange(0, 120))
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=JPEG_QUALITY)
            pages.append(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))
    finally:
        pdf.close()
    target = out / pdf_path.name
    pages[0].save(target, save_all=True, append_images=pages[1:], resolution=DPI)
    return target


@pytest.fixture(scope="module")
def poor_scan_records(example_pdfs, tmp_path_factory):
    out = tmp_path_factory.mktemp("poor-scans")
    rng = random.Random(SEED)
    paths = [poor_scan(example_pdfs[name], out, rng) for name in TYPE_NAMES]
    records = {}
    for path, result in extract_many(paths, ExtractOptions(deep=False), 2):
        assert not isinstance(result, Exception), f"{path.name}: {result}"
        records[path.stem] = result
    return records


def test_poor_scans_are_read_by_ocr(poor_scan_records):
    assert all(r.source.ocr and not r.source.text_layer for r in poor_scan_records.values())


def test_header_fields_survive_a_poor_scan(poor_scan_records):
    misses = []
    for name in TYPE_NAMES:
        want, got = expected(load_template(name)), found(poor_scan_records[name].to_dict())
        misses += [f"{name}.{field}: expected {want[field]!r}, found {got[field]!r}"
                   for field in FIELDS if not same(field, want[field], got[field])]
    checks = len(TYPE_NAMES) * len(FIELDS)
    assert (checks - len(misses)) / checks >= MIN_SHARE, "\n".join(misses)


def test_doc_type_survives_a_poor_scan_for_every_type(poor_scan_records):
    for name in TYPE_NAMES:
        want, got = expected(load_template(name)), found(poor_scan_records[name].to_dict())
        assert same("doc_type", want["doc_type"], got["doc_type"]), name
