"""TXT, HTML and DOCX files made by the tests themselves."""
from __future__ import annotations

import codecs

import pytest

from extractors.readers import read


def lines(doc, page=0):
    return [(l.column, l.text) for l in doc.pages[page].lines]


HEADER = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 12/UBND"


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-8"),
    lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    lambda t: t.encode("utf-16"),  # with BOM
    lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
])
def test_txt_encodings(tmp_path, encode):
    path = tmp_path / "cv.txt"
    path.write_bytes(encode(HEADER + "\r\n\n  \nĐiều 1.\fTrang hai\n"))
    doc = read(path)
    assert (doc.format, doc.page_count, doc.warnings) == ("txt", 2, [])
    assert lines(doc) == [(None, "ỦY BAN NHÂN DÂN"), (None, "TỈNH QUẢNG NGÃI"),
                          (None, "Số: 12/UBND"), (None, "Điều 1.")]
    assert lines(doc, 1) == [(None, "Trang hai")]


def test_txt_blank_lines_start_paragraphs(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Tiêu đề không dấu chấm\n\n\nĐoạn một\ntiếp tục\n\nĐoạn hai.\n", encoding="utf-8")
    doc = read(path)
    assert [(l.text, l.blank_before) for l in doc.pages[0].lines] == [
        ("Tiêu đề không dấu chấm", False), ("Đoạn một", True), ("tiếp tục", False), ("Đoạn hai.", True)]


def test_txt_is_nfc(tmp_path):
    path = tmp_path / "nfd.md"
    path.write_text("Quye\u0302\u0301t đi\u0323nh", encoding="utf-8")
    assert read(path).pages[0].lines[0].text == "Quyết định"


def test_txt_in_a_legacy_8bit_encoding_is_read_with_a_warning(tmp_path):
    path = tmp_path / "tcvn3.txt"
    path.write_bytes(b"Uy ban nh\xa9n d\xa9n\n")
    doc = read(path)
    assert doc.pages[0].lines[0].text == "Uy ban nh©n d©n"
    assert doc.warnings == ["not UTF-8: decoded as Windows-1252 (legacy encoding?)"]


def test_pdf_content_named_txt_is_read_as_pdf(tmp_path):
    from tests.readers.conftest import tiny_pdf

    path = tmp_path / "really.txt"
    path.write_bytes(tiny_pdf([["Hello"]]))
    assert (read(path).format, lines(read(path))) == ("pdf", [(None, "Hello")])


HTML = """<!DOCTYPE html><html><head><title>Trang</title><style>p {color: red}</style>
<script>var x = "<p>not text</p>";</script></head><body>
<nav>Trang chủ</nav>
<table><tr><td><b>ỦY BAN NHÂN DÂN<br>TỈNH QUẢNG NGÃI</b></td>
<td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</td></tr>
<tr><td>Số: 12/UBND</td><td>Quảng Ngãi, ngày 1 tháng 2 năm 2025</td></tr></table>
<p>V/v &amp; kế&nbsp;hoạch &#273;&#7891;ng bộ</p>
<table><tr><th>STT</th><th>Nội dung</th><th>Thời hạn</th></tr></table>
<div>Nơi nhận:<ul><li>Như trên;</li><li>Lưu: VT.</li></ul></div>
</body></html>"""


def test_html(tmp_path):
    path = tmp_path / "page.htm"
    path.write_text(HTML, encoding="utf-8")
    doc = read(path)
    assert doc.format == "html"
    assert lines(doc) == [
        (None, "Trang chủ"),
        (0, "ỦY BAN NHÂN DÂN"), (0, "TỈNH QUẢNG NGÃI"), (0, "Số: 12/UBND"),
        (1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (1, "Độc lập - Tự do - Hạnh phúc"),
        (1, "Quảng Ngãi, ngày 1 tháng 2 năm 2025"),
        (None, "V/v & kế hoạch đồng bộ"),
        (None, "STT"), (None, "Nội dung"), (None, "Thời hạn"),
        (None, "Nơi nhận:"), (None, "Như trên;"), (None, "Lưu: VT."),
    ]


def test_html_without_extension_is_sniffed(tmp_path):
    path = tmp_path / "download"
    path.write_text("<html><body><p>Điều 1</p></body></html>", encoding="utf-8")
    path.rename(tmp_path / "download.bin")
    assert lines(read(tmp_path / "download.bin")) == [(None, "Điều 1")]


@pytest.fixture(scope="module")
def docx_file(tmp_path_factory):
    import docx
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    document = docx.Document()
    header = document.add_table(rows=1, cols=2)
    left, right = header.rows[0].cells
    left.paragraphs[0].add_run("ỦY BAN NHÂN DÂN").bold = True
    left.add_paragraph("TỈNH QUẢNG NGÃI")
    left.add_paragraph("Số: 12/UBND")
    right.paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    title = document.add_paragraph()
    run = title.add_run("KẾ HOẠCH")
    run.bold, run.font.size = True, Pt(14)
    document.add_paragraph("Dòng một\nDòng hai")
    grid = document.add_table(rows=2, cols=3)
    for r, row in enumerate(grid.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"ô {r}{c}"
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    closing = document.add_table(rows=1, cols=2)
    closing.rows[0].cells[0].text = "Nơi nhận:"
    closing.rows[0].cells[0].add_paragraph("- Như trên;")
    closing.rows[0].cells[1].text = "KT. CHỦ TỊCH"
    closing.rows[0].cells[1].add_paragraph("PHÓ CHỦ TỊCH")
    path = tmp_path_factory.mktemp("docx") / "kh.docx"
    document.save(path)
    return path


def test_docx_header_table_columns_and_order(docx_file):
    doc = read(docx_file)
    assert (doc.format, doc.page_count) == ("docx", 2)
    assert lines(doc) == [
        (0, "ỦY BAN NHÂN DÂN"), (0, "TỈNH QUẢNG NGÃI"), (0, "Số: 12/UBND"),
        (1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (1, "Độc lập - Tự do - Hạnh phúc"),
        (None, "KẾ HOẠCH"), (None, "Dòng một"), (None, "Dòng hai"),
        (None, "ô 00"), (None, "ô 01"), (None, "ô 02"), (None, "ô 10"), (None, "ô 11"), (None, "ô 12"),
    ]
    assert lines(doc, 1) == [(0, "Nơi nhận:"), (0, "- Như trên;"), (1, "KT. CHỦ TỊCH"),
                             (1, "PHÓ CHỦ TỊCH")]


def test_docx_font_size_and_bold(docx_file):
    first, title = read(docx_file).pages[0].lines[0], read(docx_file).pages[0].lines[5]
    assert (first.bold, title.bold, title.size) == (True, True, 14.0)
