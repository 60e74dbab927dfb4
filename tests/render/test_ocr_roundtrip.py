"""Every type's example, rendered to PDF and read back through OCR (``--ocr always``), as a
clean scan of it would be: the six header fields must still come back."""
import pytest

from docgen.roundtrip import expected, found, same
from docgen.templates import load_template
from extractors.batch import extract_many
from extractors.pipeline import ExtractOptions
from tests.render.conftest import TYPE_NAMES

pytestmark = pytest.mark.slow
FIELDS = ("doc_type", "number", "issued_on", "issuer", "subject", "signer")


@pytest.fixture(scope="module")
def ocr_records(example_pdfs):
    paths = [example_pdfs[name] for name in TYPE_NAMES]
    return {p.stem: r.to_dict() for p, r in extract_many(paths, ExtractOptions(ocr="always", deep=False), 2)}


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("name", TYPE_NAMES)
def test_ocr_round_trip(ocr_records, name, field):
    want, got = expected(load_template(name))[field], found(ocr_records[name])[field]
    assert same(field, want, got), f"{name}.{field}: expected {want!r}, found {got!r}"
