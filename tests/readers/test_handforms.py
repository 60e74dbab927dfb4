"""Forms this project renders, with the number and day written by hand in their blanks
(``handforms``: pen strokes or handwriting fonts, blue or black, felt tip or ballpoint,
scanned poorly), read back: of the handwritten values the records give, nearly all must be
right, and a fair share must be given at all. A wrong value is worse than none.

The set is small (18 forms, one LibreOffice run) so as to stay in the suite: at most one
wrong value is allowed. ``benchmarks/handwriting.py`` measures the same on 160 forms."""
from __future__ import annotations

import random
import shutil

import pytest

from docgen.render import render_document
from extractors.batch import extract_many
from extractors.pipeline import ExtractOptions
from tests.readers.handforms import hand_form, placeholder_data, styles
from tests.render.test_variant_roundtrip import variant

pytestmark = pytest.mark.slow
FORMS = [("cong_van", "province"), ("to_trinh", "ministry"), ("quyet_dinh", "council"),
         ("bao_cao", "city_department")]
SAMPLES = 18
SEED = 11
MAX_WRONG = 1  # handwritten values filled in wrongly
MIN_COVERAGE = 0.40  # of the handwritten values


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) is not installed")
    from docgen.pdf import convert_to_pdf

    out = tmp_path_factory.mktemp("handforms")
    docx = [render_document(t, placeholder_data(variant(t, issuer, 1)[0]), out / f"{t}-{issuer}.docx")
            for t, issuer in FORMS]
    forms = sorted(convert_to_pdf(docx, out))
    rng, kinds = random.Random(SEED), styles()
    made = [hand_form(forms[i % len(forms)], out, rng, kinds[i % len(kinds)]) for i in range(SAMPLES)]
    records = dict(extract_many([s.path for s in made], ExtractOptions(deep=False), 2))
    return [(s, records[s.path]) for s in made]


def outcomes(samples) -> list[tuple[bool | None, str]]:
    """Per handwritten value: True right, False wrong, None left blank; and what it was."""
    out = []
    for sample, doc in samples:
        assert not isinstance(doc, Exception), doc
        name = sample.path.name
        if doc.number.handwritten:
            got = doc.number.number
            out.append((None if got is None else got == int(sample.number), f"{name}: number {got}"))
        if doc.issued.handwritten:
            date = f"{sample.year:04d}-{sample.month:02d}-{sample.day:02d}"
            got = doc.issued_on
            out.append((None if len(got or "") < 10 else got == date, f"{name}: date {got}"))
    return out


def test_handwritten_values_read_back(samples):
    found = outcomes(samples)
    filled = [ok for ok, _ in found if ok is not None]
    wrong = [what for ok, what in found if ok is False]
    assert len(found) >= SAMPLES  # number and day of most forms are seen as handwritten
    assert len(wrong) <= MAX_WRONG, wrong
    assert sum(filled) / len(found) >= MIN_COVERAGE


def test_a_value_left_blank_says_what_was_seen(samples):
    for sample, doc in samples:
        if doc.number.handwritten and doc.number.number is None:
            assert any(w.startswith(("the number is handwritten and read unsurely as",
                                     "the number is handwritten (OCR saw "))
                       or "cannot be a number" in w for w in doc.warnings), sample.path.name
