"""The pages without LibreOffice: list, form, DOCX download, messages, errors, safety."""
from __future__ import annotations

import html
import io
import re
import zipfile

import docx
import pytest

from docgen.lint import lint_file
from docgen.render import render_document
from docgen.templates import list_templates, load_template
from tests.web.conftest import posted


def error_lines(page: str) -> list[str]:
    return [html.unescape(m) for m in re.findall(r'id="error-line">([^<]*)<', page)]


def field_message(page: str, name: str) -> str:
    match = re.search(rf'id="m-{name}" role="alert">([^<]*)<', page)
    return html.unescape(match.group(1)) if match else ""


def test_index_lists_every_template_with_name_code_and_mau(client):
    page = client.get("/").text
    rows = re.findall(r'<tr data-type="([^"]+)">\s*<td><a href="/mau/\1">([^<]+)</a>.*?<td>([^<]*)</td>\s*<td>([^<]*)</td>',
                      page, re.S)
    expected = [(t.name, t.title, t.code or "—", t.mau) for t in list_templates()]
    assert [(a, html.unescape(b), html.unescape(c), d) for a, b, c, d in rows] == expected
    assert len(rows) == 29
    assert '<html lang="vi">' in page and "Mẫu văn bản" in page


def test_form_has_every_field_with_label_help_and_required_marks(client):
    template = load_template("cong_van")
    page = client.get("/mau/cong_van").text
    assert re.findall(r'data-field="([^"]+)"', page) == template.schema.names
    assert '<label for="f-so">Số văn bản <span class="req" title="bắt buộc">*</span></label>' in page
    assert '<label for="f-co_quan_chu_quan">Cơ quan chủ quản</label>' in page
    required = [f for f in template.schema.fields if f.required and f.default is None]
    assert page.count('title="bắt buộc">*</span></label>') == len(required)
    assert html.escape(template.schema.by_name["luu"].help, quote=False) in page
    assert 'button type="button" class="add" data-for="kinh_gui"' in page  # a list that grows


def test_example_fills_the_form(client):
    page = client.get("/mau/cong_van?vi_du=1").text
    assert 'name="so" value="7"' in page
    assert 'name="kinh_gui" value="Các sở, ban, ngành thuộc tỉnh"' in page
    assert '<option value="KHẨN">' in page  # no urgency chosen in the example


def test_docx_download_is_what_render_writes_and_lints_clean(client, tmp_path):
    response = client.post("/mau/cong_van/tai", data=posted("cong_van", dang="docx"))
    assert response.status_code == 200
    assert response.headers["content-disposition"] == (
        "attachment; filename=\"cong_van-07.docx\"; filename*=UTF-8''cong_van-07.docx")
    got = tmp_path / "web.docx"
    got.write_bytes(response.content)
    cli = render_document("cong_van", load_template("cong_van").example, tmp_path / "cli.docx")
    texts = lambda path: [p.text for p in docx.Document(str(path)).paragraphs]  # noqa: E731
    assert texts(got) == texts(cli)
    assert lint_file(got) == []


def test_bad_field_gives_the_form_back_with_the_message_beside_it(client):
    response = client.post("/mau/cong_van/tai", data=posted("cong_van", so="abc", dang="docx"))
    assert response.status_code == 422
    page = response.text
    assert field_message(page, "so").startswith("invalid: not a whole number: 'abc' (required; whole number")
    assert field_message(page, "co_quan") == ""
    assert 'class="field bad" data-field="so"' in page
    assert error_lines(page) == ["Còn 1 trường chưa hợp lệ; chưa tạo văn bản."]
    assert 'name="trich_yeu" value="đề nghị cung cấp số liệu biên chế năm 2025"' in page  # kept


def test_preview_answers_problems_as_json_without_converting(client):
    answer = client.post("/mau/cong_van/xem-truoc", data=posted("cong_van", kinh_gui=[], luu="VP;")).json()
    assert answer["ok"] is False and answer["error"] == ""
    assert sorted(answer["messages"]) == ["kinh_gui", "luu"]
    assert answer["messages"]["kinh_gui"].startswith("missing (required; list")


@pytest.mark.parametrize("path", ["/mau/khong_co", "/mau/_parts", "/mau/..%2F..%2Fetc", "/khong-co-trang"])
def test_unknown_pages_are_404_in_vietnamese(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Traceback" not in response.text and '<html lang="vi">' in response.text
    if path == "/mau/khong_co":
        assert error_lines(response.text)[0].startswith("docgen: khong_co: no such template (known: ban_ghi_nho,")


def test_wrong_method_is_405_page(client):
    response = client.get("/mau/cong_van/tai")
    assert response.status_code == 405 and "Trang này không nhận cách gửi đó" in response.text


def test_an_unexpected_error_shows_no_traceback(client, monkeypatch):
    import docgen.web.views.documents as documents

    def broken(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(documents, "render_document", broken)
    response = client.post("/mau/cong_van/tai", data=posted("cong_van", dang="docx"))
    assert response.status_code == 500
    assert "Traceback" not in response.text and "secret internal detail" not in response.text
    assert error_lines(response.text) == [
        "Có lỗi ngoài dự kiến; chi tiết đã ghi vào nhật ký của máy chủ (cửa sổ chạy docgen serve)."]
    answer = client.post("/mau/cong_van/xem-truoc", data=posted("cong_van")).json()
    assert answer["ok"] is False and "secret" not in answer["error"]


def test_temp_folders_are_removed_after_each_request(client):
    client.post("/mau/cong_van/tai", data=posted("cong_van", dang="docx"))
    client.post("/kiem-tra", files={"tep": ("a.docx", b"PK\x03\x04broken", "application/octet-stream")})
    assert list(client.app.state.services.work_root.iterdir()) == []


def test_user_templates_appear_and_stay_sandboxed(tmp_path):
    from starlette.testclient import TestClient

    from docgen.web import WebSettings, create_app

    own = tmp_path / "mau_rieng"
    (own / "doc_hai").mkdir(parents=True)
    source = load_template("thong_bao").folder
    for name in ("schema.toml", "example.yaml"):
        (own / "doc_hai" / name).write_text((source / name).read_text(encoding="utf-8"), encoding="utf-8")
    (own / "doc_hai" / "template.j2").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}\n", encoding="utf-8")
    app = create_app(WebSettings(templates_dirs=(own,), warm_up=False))
    with TestClient(app, raise_server_exceptions=False) as client:
        assert 'data-type="doc_hai"' in client.get("/").text
        response = client.post("/mau/doc_hai/tai", data=posted("thong_bao", dang="docx"))
    assert response.status_code == 500
    (line,) = error_lines(response.text)
    assert line.startswith(f"docgen: {own / 'doc_hai' / 'template.j2'}: line 1: access to attribute '__class__'")
    assert "subclasses" not in response.text.replace("__subclasses__()", "")


def test_upload_past_the_limit_is_refused(tmp_path):
    from starlette.testclient import TestClient

    from docgen.web import WebSettings, create_app

    app = create_app(WebSettings(max_upload_bytes=2000, warm_up=False))
    with TestClient(app, raise_server_exceptions=False) as client:
        sized = client.post("/kiem-tra", files={"tep": ("big.docx", b"x" * 5000, "application/octet-stream")})
        streamed = client.post("/kiem-tra", content=iter([b"--zz\r\n" + b"x" * 1500, b"x" * 1500]),
                               headers={"content-type": "multipart/form-data; boundary=zz"})
        small = client.post("/kiem-tra", files={"tep": ("ok.docx", b"x" * 100, "application/octet-stream")})
    for response in (sized, streamed):
        assert response.status_code == 413
        assert error_lines(response.text) == ["Tệp gửi lên vượt giới hạn 0.00190735 MB. Hãy chọn tệp nhỏ hơn."]
    assert small.status_code == 422  # read, then refused for what it is


def test_download_links_are_random_and_unknown_ones_404(client):
    assert client.get("/tai-ve/khong-co").status_code == 404


def test_zip_bytes_helper_is_a_zip():
    from docgen.web.views.batch import RowReport, zip_of

    data = zip_of([], [RowReport(2, True, ""), RowReport(3, False, "so: missing")])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.read("bao-cao.csv").decode("utf-8-sig") == "dong,ket_qua,loi\r\n2,đã tạo,\r\n3,lỗi,so: missing\r\n"
