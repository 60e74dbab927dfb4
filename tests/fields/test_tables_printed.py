"""Tables printed to PDF (a ruled grid read with pdfplumber) and scanned (the grid found in the
image, its cells read one by one): the targets of two annotated texts come back."""
import json
from pathlib import Path

import pytest

from docgen.pdf import convert_to_pdf
from extractors import extract
from extractors.evaluate import score
from tests.fields.scanned_plans import plan_docx, scanned

pytestmark = pytest.mark.slow
GOLD = Path(__file__).resolve().parents[1] / "gold" / "targets"
NAMES = ["own/qd_tieu_chi_xa_bang", "heldout/bc_y_te_bang"]


def _targets_cell(paths):
    pairs = []
    for name, path in zip(NAMES, paths):
        gold = json.loads((GOLD / f"{name}.gold.json").read_text(encoding="utf-8"))
        pairs.append((name, {"annotated": ["targets"], "targets": gold["targets"]}, extract(path).to_dict()))
    cell = score(pairs).lists["targets"]
    return cell.true_pos, cell.predicted, cell.gold


@pytest.fixture(scope="module")
def texts():
    return [GOLD / f"{name}.txt" for name in NAMES]


def test_born_digital_tables(texts, tmp_path_factory):
    out = tmp_path_factory.mktemp("printed")
    docxs = [plan_docx(p.read_text(encoding="utf-8"), out / f"{p.stem}.docx") for p in texts]
    pdfs = convert_to_pdf(docxs, out)
    assert _targets_cell(pdfs) == (23, 23, 23)


def test_scanned_tables(texts, tmp_path_factory):
    found = _targets_cell(scanned(texts, tmp_path_factory.mktemp("scanned")))
    assert found[2] == 23 and found[0] >= 21 and found[1] - found[0] <= 1
