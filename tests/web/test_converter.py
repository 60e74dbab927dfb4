"""The warm converter and the live preview: the same PDF as ``docgen render --pdf``, a hang
ended with a clear message, a full queue refused, concurrent clerks never mixed."""
from __future__ import annotations

import base64
import io
import os
import signal
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image

from docgen.errors import ConversionFailed
from docgen.pdf import convert_to_pdf
from docgen.render import render_document
from docgen.templates import load_template
from docgen.web.converter import ConverterBusy, WarmConverter
from tests.web.conftest import needs_office, posted

pytestmark = pytest.mark.slow
SILENT_WORKER = [sys.executable, "-c", "import sys, time; print('{\"ready\": true}', flush=True); time.sleep(600)"]


def words(pdf_path) -> list[tuple[str, int, int]]:
    with pdfplumber.open(pdf_path) as pdf:
        return [(w["text"], round(w["x0"]), round(w["top"])) for page in pdf.pages for w in page.extract_words()]


def living_in_group(group: int) -> list[int]:
    """Processes of a process group that are not dead (zombies wait for a parent to reap them)."""
    deadline, living = time.monotonic() + 5, []
    while time.monotonic() < deadline:
        living = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == group and fields[0] not in "ZX":
                living.append(int(stat.parent.name))
        if not living:
            break
        time.sleep(0.1)
    return living


@pytest.fixture(scope="module")
def converter():
    needs_office()
    warm = WarmConverter(timeout=60)
    warm.warm_up().result(timeout=120)
    yield warm
    warm.close()


def test_warm_pdf_is_the_pdf_of_docgen_render(converter, tmp_path):
    docx = render_document("quyet_dinh", load_template("quyet_dinh").example, tmp_path / "qd.docx")
    warm = converter.convert(docx, tmp_path / "warm.pdf")
    (cold,) = convert_to_pdf([docx], tmp_path / "cold")
    assert converter.mode == "warm"
    assert words(warm) == words(cold)
    assert len(words(warm)) > 200


def test_a_hung_libreoffice_is_ended_and_the_next_request_works(tmp_path):
    needs_office()
    docx = render_document("cong_van", load_template("cong_van").example, tmp_path / "cv.docx")
    converter = WarmConverter(timeout=3)
    try:
        converter.warm_up().result(timeout=120)
        group = converter.pid
        os.killpg(group, signal.SIGSTOP)  # LibreOffice and its worker freeze, as a hung office does
        started = time.monotonic()
        with pytest.raises(ConversionFailed) as caught:
            converter.convert(docx, tmp_path / "a.pdf")
        assert time.monotonic() - started < 10
        assert str(caught.value) == ("cv.docx: LibreOffice did not answer within 3 s and was stopped; "
                                     "it starts again with the next request")
        assert living_in_group(group) == []  # worker and LibreOffice are gone (at most zombies)
        converter.timeout = 60
        assert converter.convert(docx, tmp_path / "b.pdf").read_bytes()[:5] == b"%PDF-"
    finally:
        converter.close()


def test_without_uno_each_request_runs_soffice_alone(tmp_path):
    """The fallback where python3-uno is missing: same protocol, one LibreOffice run per request."""
    from docgen.pdf import find_soffice
    from docgen.web.converter import WORKER

    needs_office()
    docx = render_document("cong_van", load_template("cong_van").example, tmp_path / "cv.docx")
    converter = WarmConverter(timeout=120, worker_command=[sys.executable, str(WORKER), find_soffice(), "--cold"])
    try:
        pdf = converter.convert(docx, tmp_path / "cold.pdf")
        assert converter.mode == "cold"
        (cli,) = convert_to_pdf([docx], tmp_path / "cli")
        assert words(pdf) == words(cli)
    finally:
        converter.close()


def test_a_silent_worker_and_a_full_queue(tmp_path):
    converter = WarmConverter(timeout=1, queue_limit=1, worker_command=SILENT_WORKER)
    try:
        (tmp_path / "x.docx").write_bytes(b"PK")
        first = converter.submit(tmp_path / "x.docx", tmp_path / "x.pdf")
        time.sleep(0.3)  # the first is being converted; one more may wait, a third may not
        converter.submit(tmp_path / "x.docx", tmp_path / "y.pdf")
        with pytest.raises(ConverterBusy, match="the converter is busy"):
            converter.submit(tmp_path / "x.docx", tmp_path / "z.pdf")
        with pytest.raises(ConversionFailed, match="LibreOffice did not answer within 1 s and was stopped"):
            first.result(timeout=30)
    finally:
        converter.close()


def test_preview_shows_page_one_and_changes_with_the_data(office_client):
    answer = office_client.post("/mau/cong_van/xem-truoc", data=posted("cong_van")).json()
    assert answer["ok"] is True and (answer["page"], answer["pages"]) == (1, 1)
    png = base64.b64decode(answer["image"].split(",", 1)[1])
    assert Image.open(io.BytesIO(png)).size == (893, 1263)  # A4 at 108 dpi
    changed = office_client.post("/mau/cong_van/xem-truoc", data=posted("cong_van", so="8")).json()
    assert changed["ok"] and changed["image"] != answer["image"]


def test_further_pages_on_request(office_client):
    data = posted("ke_hoach")
    first = office_client.post("/mau/ke_hoach/xem-truoc", data={**data, "trang": "1"}).json()
    assert first["pages"] >= 2
    second = office_client.post("/mau/ke_hoach/xem-truoc", data={**data, "trang": "2"}).json()
    assert (second["page"], second["pages"]) == (2, first["pages"]) and second["image"] != first["image"]
    past = office_client.post("/mau/ke_hoach/xem-truoc", data={**data, "trang": "99"}).json()
    assert past["page"] == first["pages"]


def test_pdf_download_matches_the_cli_pdf(office_client, tmp_path):
    response = office_client.post("/mau/quyet_dinh/tai", data=posted("quyet_dinh", dang="pdf"))
    assert response.headers["content-type"] == "application/pdf"
    web = tmp_path / "web.pdf"
    web.write_bytes(response.content)
    docx = render_document("quyet_dinh", load_template("quyet_dinh").example, tmp_path / "qd.docx")
    (cli,) = convert_to_pdf([docx], tmp_path / "cli")
    assert words(web) == words(cli)


def test_concurrent_clerks_get_their_own_documents(office_client, tmp_path):
    def download(number: int) -> bytes:
        data = posted("cong_van", so=str(number), dang="pdf")
        return office_client.post("/mau/cong_van/tai", data=data).content

    numbers = list(range(21, 29))
    with ThreadPoolExecutor(max_workers=8) as pool:
        pdfs = list(pool.map(download, numbers))
    for number, pdf in zip(numbers, pdfs):
        with pdfplumber.open(io.BytesIO(pdf)) as document:
            text = document.pages[0].extract_text()
        assert f"Số: {number}/SNV-VP" in text
        assert all(f"Số: {other}/SNV-VP" not in text for other in numbers if other != number)
    assert list(office_client.app.state.services.work_root.iterdir()) == []
