"""The TUNE files of the dev PDFs from other offices (d13–d39, odd) against their gold records:
the fields of the header that the layout gives — type, issuer, subject, signer — and the
documents bound behind each one.

Compared with the marks folded away (``ascii_key``): a mark OCR lost is the correction stage's
to restore, not the layout's. Files whose only text layer on the first page is a scanner's
garbled one or a copy stamp are read with every page OCR'd, as the text-layer judgement does.
The held-out files (d14–d40, even) are not tested here: they only measure.
"""
from __future__ import annotations

import json

import pytest

from extractors.batch import extract_many
from extractors.evaluate import get_path
from extractors.pipeline import ExtractOptions
from extractors.textkeys import ascii_key
from tests.conftest import DEV, need_shared

pytestmark = pytest.mark.slow

FIELDS = ("doc_type.name", "issuer.name", "subject", "signer.name", "signer.title", "signer.authority")
NAMES = [f"d{n}" for n in range(13, 40, 2)]
UNTRUSTED_LAYER = ("d23", "d27", "d29", "d31", "d33")  # garbled scanner layer, or only a "SAO Y" stamp

# documents bound behind the first: (type, number as printed, page)
ATTACHMENTS = {
    "d13": [("Báo cáo", "/BC-BCĐ", 2)],
    "d23": [("Công văn", "/UBND-NC", 2)],
    "d25": [("Báo cáo", "420/BC-CAT-PC04", 2), ("Quyết định", "/QĐ-UBND", 14)],
    "d27": [("Quyết định", "/QĐ-UBND", 5)],
}


@pytest.fixture(scope="module")
def records():
    dev = need_shared()
    out = {}
    for ocr, names in (("auto", [n for n in NAMES if n not in UNTRUSTED_LAYER]), ("always", UNTRUSTED_LAYER)):
        paths = [dev / "pdf" / f"{name}.pdf" for name in names]
        for path, result in extract_many(paths, ExtractOptions(ocr=ocr, deep=False), jobs=2):
            assert not isinstance(result, Exception), result
            out[path.stem] = result
    return out


def _gold(name: str) -> dict:
    return json.loads((DEV / "pdf" / f"{name}.gold.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("name", NAMES)
def test_header_field(records, name, field):
    want = get_path(_gold(name), field)[1]
    got = get_path(records[name].to_dict(), field)[1]
    assert ascii_key(str(got)) == ascii_key(str(want))


@pytest.mark.parametrize("name", NAMES)
def test_attached_documents(records, name):
    got = [(a.doc_type, a.number, a.page) for a in records[name].attachments]
    assert got == ATTACHMENTS.get(name, [])
