"""A real browser on the real server: Debian's headless Chromium driven by Selenium through
the system chromedriver (nothing is downloaded: the driver path is given and Selenium Manager
is told to stay offline).

Set DOCGEN_SCREENSHOTS=1 to refresh the README's pictures in docs/ (otherwise they are taken
into the test's temp folder).
"""
from __future__ import annotations

import os
import socket
import threading
import time
import zipfile
from pathlib import Path

import pytest

from docgen.lint import lint_file
from tests.lint.builders import build, decision_parts
from tests.web.conftest import needs_office

pytestmark = pytest.mark.slow
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
DOCS = Path(__file__).resolve().parents[2] / "docs"
WAIT = 60
CONG_VAN = [  # (field, value) as a clerk types them; lists get one input per item
    ("co_quan_chu_quan", "UBND tỉnh Quảng Ngãi"), ("co_quan", "Sở Tài chính"), ("co_quan_viet_tat", "STC"),
    ("don_vi_viet_tat", "NS"), ("so", "42"), ("dia_danh", "Quảng Ngãi"), ("ngay", "12/05/2025"),
    ("trich_yeu", "đề nghị báo cáo tình hình thực hiện dự toán ngân sách"),
    ("kinh_gui", ["Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các huyện, thị xã, thành phố"]),
    ("noi_dung", "Sở Tài chính đề nghị các cơ quan, đơn vị báo cáo tình hình thực hiện dự toán ngân sách "
                 "6 tháng đầu năm 2025 trước ngày 30 tháng 6 năm 2025.\nTrân trọng."),
    ("quyen_han", "KT. Giám đốc"), ("chuc_vu", "Phó Giám đốc"), ("nguoi_ky", "Lê Văn Hùng"),
    ("noi_nhan", ["Giám đốc Sở (để báo cáo)"]), ("luu", "NS"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    """``docgen serve`` in a thread of this process, on a free port of 127.0.0.1."""
    needs_office()
    uvicorn = pytest.importorskip("uvicorn")
    from docgen.web import WebSettings, create_app

    app = create_app(WebSettings(convert_timeout=60))
    port = free_port()
    running = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    app.state.services.converter.warm_up().result(timeout=120)
    yield f"http://127.0.0.1:{port}", app
    running.should_exit = True
    thread.join(timeout=30)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("Chromium is not installed (apt-get install chromium chromium-driver; make test does it)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path_factory.mktemp("downloads")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1200",
                     "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-sync",
                     "--disable-background-networking", "--disable-component-update", "--lang=vi"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must fetch nothing
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads
    yield driver
    driver.quit()


def shot(driver, name: str, tmp_path: Path) -> Path:
    folder = DOCS if os.environ.get("DOCGEN_SCREENSHOTS") else tmp_path
    folder.mkdir(exist_ok=True)
    target = folder / name
    driver.save_screenshot(str(target))
    assert target.stat().st_size > 10_000
    return target


def wait_for(condition, what: str, seconds: float = WAIT):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"waited {seconds} s for {what}")


def downloaded(driver, suffix: str, before: set[str]) -> Path:
    def done():
        new = [p for p in driver.downloads.iterdir() if p.name not in before and p.suffix == suffix]
        return new[0] if new else None
    return wait_for(done, f"a {suffix} download")


def element(driver, css: str):
    from selenium.webdriver.common.by import By

    return wait_for(lambda: (driver.find_elements(By.CSS_SELECTOR, css) or [None])[0], css)


def fill(driver, values) -> None:
    from selenium.webdriver.common.by import By

    for name, value in values:
        if isinstance(value, list):
            for index, item in enumerate(value):
                if index:
                    driver.find_element(By.CSS_SELECTOR, f'button.add[data-for="{name}"]').click()
                driver.find_elements(By.CSS_SELECTOR, f'#f-{name} input')[index].send_keys(item)
        else:
            box = driver.find_element(By.ID, f"f-{name}")
            if box.tag_name == "select":
                box.send_keys(value)
            else:
                box.clear()
                box.send_keys(value)


def preview_version(driver) -> int:
    return int(element(driver, "#preview-image").get_attribute("data-version") or 0)


def test_fill_a_cong_van_see_the_preview_change_download_and_lint_it_clean(server, browser, tmp_path):
    base, _ = server
    browser.get(f"{base}/mau/cong_van")
    fill(browser, CONG_VAN)
    wait_for(lambda: preview_version(browser) > 0 and browser.find_element("id", "preview-image").get_attribute("src"),
             "the first preview")
    wait_for(lambda: "Đã cập nhật" in element(browser, "#preview-status").text, "the preview of the last keystroke")
    first = element(browser, "#preview-image").get_attribute("src")
    assert element(browser, "#page-label").text == "Xem trước trang 1/1"
    fill(browser, [("trich_yeu", "đề nghị báo cáo tình hình thực hiện dự toán ngân sách năm 2025")])
    wait_for(lambda: element(browser, "#preview-image").get_attribute("src") != first, "the preview to change")
    wait_for(lambda: "Đã cập nhật" in element(browser, "#preview-status").text, "the preview to settle")
    browser.execute_script("document.activeElement.blur(); window.scrollTo(0, 0);")
    shot(browser, "web-form.png", tmp_path)

    before = {p.name for p in browser.downloads.iterdir()}
    element(browser, "#get-docx").click()
    document = downloaded(browser, ".docx", before)
    assert document.name == "cong_van-42.docx"
    assert lint_file(document) == []

    browser.get(f"{base}/kiem-tra")
    element(browser, "#lint-file").send_keys(str(document))
    assert element(browser, "#lint-summary").text == "Không có lỗi thể thức: văn bản đúng Nghị định 30."


def test_a_bad_field_shows_its_message_live_and_on_submit(server, browser):
    base, _ = server
    browser.get(f"{base}/mau/cong_van?vi_du=1")
    fill(browser, [("so", "abc")])
    message = wait_for(lambda: element(browser, "#m-so").text, "the message beside Số")
    assert message.startswith("invalid: not a whole number: 'abc' (required; whole number 1–999999")
    assert "Sửa các trường được đánh dấu" in element(browser, "#preview-status").text
    element(browser, "#get-docx").click()
    wait_for(lambda: browser.find_elements("id", "error-line"), "the form to come back")
    assert element(browser, "#m-so").text == message
    assert element(browser, "#error-line").text == "Còn 1 trường chưa hợp lệ; chưa tạo văn bản."


def test_a_broken_docx_gets_one_clear_line(server, browser, tmp_path):
    base, _ = server
    broken = tmp_path / "hỏng.docx"
    broken.write_bytes(b"PK\x03\x04 this is no Word package")
    browser.get(f"{base}/kiem-tra")
    element(browser, "#lint-file").send_keys(str(broken))
    line = element(browser, "#error-line").text
    assert line == "docgen: hỏng.docx: unreadable DOCX: broken ZIP archive (File is not a zip file)"
    assert "Traceback" not in browser.page_source


def test_lint_page_shows_findings_beside_paragraphs(server, browser, tmp_path):
    base, _ = server
    parts = decision_parts()
    parts.page.left_mm = 25
    parts.can_cu[0].align = "left"
    path = build(tmp_path / "quyet-dinh.docx", parts)
    findings = lint_file(path)
    browser.get(f"{base}/kiem-tra")
    element(browser, "#lint-file").send_keys(str(path))
    element(browser, "#lint-report")
    for finding in findings:
        if finding.paragraph is not None:
            assert finding.rule in element(browser, f"#p-{finding.paragraph}").text
    shot(browser, "web-lint.png", tmp_path)


def test_a_batch_of_three_rows_with_one_bad(server, browser, tmp_path):
    from tests.web.test_uploads import HEADER, ROWS

    base, _ = server
    table = tmp_path / "danh-sach.csv"
    table.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    browser.get(f"{base}/lo")
    element(browser, "#loai").send_keys("Công văn (cong_van)")
    element(browser, "#batch-file").send_keys(str(table))
    element(browser, "#batch-submit").click()
    assert element(browser, "#batch-summary").text == "2 văn bản, 0 PDF; 1 dòng lỗi."
    bad = element(browser, 'tr[data-line="3"]').text
    assert bad.startswith("3 lỗi: co_quan_viet_tat: invalid: 'snv' does not match the pattern")
    before = {p.name for p in browser.downloads.iterdir()}
    element(browser, "#zip-link").click()
    archive = downloaded(browser, ".zip", before)
    with zipfile.ZipFile(archive) as opened:
        assert sorted(opened.namelist()) == ["bao-cao.csv", "cong_van-0001.docx", "cong_van-0003.docx"]
