"""Round trip (issue 3, item 7): each type's example → DOCX → PDF → extraction gives back its type,
number, date, issuer, subject and signer. Values are compared as ``docgen eval`` compares them."""
from __future__ import annotations

import pytest

from docgen.roundtrip import FIELDS, expected, found, same
from docgen.templates import load_template
from tests.render.conftest import TYPE_NAMES

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def records(example_pdfs):
    extract = pytest.importorskip("extractors").extract
    out = {}
    for name, path in example_pdfs.items():
        out[name] = extract(path).to_dict(False)
    return out


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("name", TYPE_NAMES)
def test_round_trip(records, name, field):
    template = load_template(name)
    want, got = expected(template)[field], found(records[name])[field]
    assert same(field, want, got), f"{name}.{field}: expected {want!r}, found {got!r}"
    if field == "doc_type":
        assert records[name]["doc_type"]["code"] == (template.code or None)
