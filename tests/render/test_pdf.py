"""PDF through LibreOffice: text positions (pdfplumber word boxes), drawn lines, fonts, page numbers.

All examples are converted by one LibreOffice process (the session fixture ``example_pdfs``).
"""
from __future__ import annotations

import pdfplumber
import pytest

from docgen.templates import load_template
from tests.render.conftest import TYPE_NAMES

pytestmark = pytest.mark.slow
WITH_DATE = [n for n in TYPE_NAMES if n != "bien_ban"]
TOLERANCE = 2.0  # points


def lines_of(page):
    """Words grouped into lines by their top (pdfplumber word boxes)."""
    rows: dict[float, list[dict]] = {}
    for word in page.extract_words(extra_attrs=["fontname", "size"]):
        key = next((k for k in rows if abs(k - word["top"]) < 1.5), word["top"])
        rows.setdefault(key, []).append(word)
    out = []
    for top, words in sorted(rows.items()):
        words.sort(key=lambda w: w["x0"])
        out.append({"top": top, "words": words, "x0": words[0]["x0"], "x1": words[-1]["x1"],
                    "text": " ".join(w["text"] for w in words)})
    return out


def drawn_lines(page):
    """Horizontal lines, once each (LibreOffice may paint a border twice)."""
    seen = {}
    for line in page.lines:
        key = (round(line["x0"]), round(line["x1"]), round(line["top"]))
        seen.setdefault(key, line)
    return list(seen.values())


def split(line, middle):
    """The left-column and right-column parts of a header line."""
    left = [w for w in line["words"] if w["x1"] <= middle]
    right = [w for w in line["words"] if w["x0"] >= middle]
    part = lambda ws: {"x0": ws[0]["x0"], "x1": ws[-1]["x1"], "text": " ".join(w["text"] for w in ws), "top": ws[0]["top"]} if ws else None  # noqa: E731
    return part(left), part(right)


def centre(part):
    return (part["x0"] + part["x1"]) / 2


@pytest.fixture(scope="module")
def pages(example_pdfs):
    """type → (first page lines, drawn lines, middle of the header, page count, page-2 lines)."""
    out = {}
    for name, path in example_pdfs.items():
        with pdfplumber.open(path) as pdf:
            first = pdf.pages[0]
            qh = next(l for l in lines_of(first) if "CỘNG" in l["text"])
            middle = next(w for w in qh["words"] if w["text"] == "CỘNG")["x0"] - 1
            second = lines_of(pdf.pages[1]) if len(pdf.pages) > 1 else None
            fonts = {c["fontname"].split("+")[-1] for p in pdf.pages for c in p.chars}
            out[name] = dict(lines=lines_of(first), rules=drawn_lines(first), middle=middle, count=len(pdf.pages),
                             second=second, fonts=fonts, width=first.width)
    return out


def test_every_type_converted(example_pdfs):
    assert sorted(example_pdfs) == sorted(TYPE_NAMES)


@pytest.mark.parametrize("name", TYPE_NAMES)
def test_fonts_are_the_times_new_roman_twin(pages, name):
    assert pages[name]["fonts"] <= {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic"}


@pytest.mark.parametrize("name", TYPE_NAMES)
def test_quoc_hieu_on_one_line_and_tieu_ngu_line_as_long_as_the_text(pages, name):
    page = pages[name]
    qh = next(l for l in page["lines"] if "CỘNG" in l["text"])
    assert split(qh, page["middle"])[1]["text"] in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    tn = next(l for l in page["lines"] if "Hạnh" in l["text"])
    motto = split(tn, page["middle"])[1]
    assert motto["text"] == "Độc lập - Tự do - Hạnh phúc"
    under = [r for r in page["rules"] if r["top"] > motto["top"] and r["top"] - motto["top"] < 25 and r["x0"] >= page["middle"]]
    assert len(under) == 1
    rule = under[0]
    assert abs(rule["x0"] - motto["x0"]) < TOLERANCE and abs(rule["x1"] - motto["x1"]) < TOLERANCE
    assert abs(centre(motto) - centre(split(qh, page["middle"])[1])) < TOLERANCE


@pytest.mark.parametrize("name", TYPE_NAMES)
def test_so_centred_under_the_agency_and_its_line(pages, name):
    page = pages[name]
    agency_name = load_template(name).example["co_quan"].upper()
    so_line = next(l for l in page["lines"] if l["text"].startswith("Số:"))
    so = split(so_line, page["middle"])[0]
    agency_lines = [split(l, page["middle"])[0] for l in page["lines"] if l["top"] < so_line["top"]]
    agency_lines = [a for a in agency_lines if a and a["text"] and a["text"] in agency_name]
    assert agency_lines and " ".join(a["text"] for a in agency_lines[-3:]).endswith(agency_lines[-1]["text"])
    last = agency_lines[-1]
    assert abs(centre(so) - centre(last)) < TOLERANCE
    rule = next(r for r in page["rules"] if r["x1"] <= page["middle"] and last["top"] < r["top"] < so["top"])
    longest = max(a["x1"] - a["x0"] for a in agency_lines)
    assert 1 / 3 - 0.02 <= (rule["x1"] - rule["x0"]) / longest <= 1 / 2 + 0.02
    assert abs((rule["x0"] + rule["x1"]) / 2 - centre(last)) < TOLERANCE


@pytest.mark.parametrize("name", WITH_DATE)
def test_date_on_the_so_line_centred_under_the_quoc_hieu(pages, name):
    page = pages[name]
    so_line = next(l for l in page["lines"] if l["text"].startswith("Số:"))
    date = split(so_line, page["middle"])[1]
    assert date and ", ngày " in date["text"]
    qh = split(next(l for l in page["lines"] if "CỘNG" in l["text"]), page["middle"])[1]
    assert abs(centre(date) - centre(qh)) < TOLERANCE
    assert date["x1"] < page["width"] - 15 * 72 / 25.4 - 5, "centred, not right-aligned against the margin"


@pytest.mark.parametrize("name", [n for n in TYPE_NAMES if n not in {"cong_van", "giay_gioi_thieu", "giay_nghi_phep"}])
def test_title_centred_with_a_line_under_the_subject(pages, name):
    page = pages[name]
    title = next(l for l in page["lines"] if l["text"] == load_template(name).title.upper())
    text_centre = (85.04 + page["width"] - 42.52) / 2  # left 30 mm, right 15 mm
    assert abs(centre(title) - text_centre) < TOLERANCE
    below = [l for l in page["lines"] if l["top"] > title["top"]]
    rule = min((r for r in page["rules"] if r["top"] > title["top"] and r["x1"] - r["x0"] < 400), key=lambda r: r["top"])
    subject = [l for l in below if l["top"] < rule["top"]]
    longest = max(l["x1"] - l["x0"] for l in subject)
    assert 1 / 3 - 0.02 <= (rule["x1"] - rule["x0"]) / longest <= 1 / 2 + 0.02
    assert abs((rule["x0"] + rule["x1"]) / 2 - text_centre) < TOLERANCE


def test_cong_van_vv_under_the_number(pages):
    page = pages["cong_van"]
    so_line = next(l for l in page["lines"] if l["text"].startswith("Số:"))
    vv = next(l for l in page["lines"] if l["text"].startswith("V/v"))
    assert 0 < vv["top"] - so_line["top"] < 25
    assert abs(centre(vv) - centre(split(so_line, page["middle"])[0])) < TOLERANCE + 3


@pytest.mark.parametrize("name", TYPE_NAMES)
def test_page_numbers_from_page_two_top_centre(pages, name):
    page = pages[name]
    top_of_page_one = [l["text"] for l in page["lines"] if l["top"] < 50]
    assert not any(t.isdigit() for t in top_of_page_one)
    if page["second"] is None:
        return
    number = page["second"][0]
    text_centre = (85.04 + page["width"] - 42.52) / 2
    assert number["text"] == "2" and number["top"] < 57 and abs(centre(number) - text_centre) < TOLERANCE


def test_some_examples_run_past_one_page(pages):
    assert {"ke_hoach", "quyet_dinh_ban_hanh"} <= {n for n, p in pages.items() if p["count"] > 1}


@pytest.mark.parametrize("name", [n for n in TYPE_NAMES if n != "bien_ban"])
def test_noi_nhan_left_level_with_the_signature_block(pages, example_pdfs, name):
    with pdfplumber.open(example_pdfs[name]) as pdf:
        for page in pdf.pages:
            lines = lines_of(page)
            label = next((l for l in lines if l["text"].startswith("Nơi nhận:")), None)
            if label:
                break
    assert label["x0"] < 90, "flush with the left margin (30 mm = 85 pt)"
    right = [w for w in label["words"] if w["x0"] > page.width * 0.45]
    assert right and right[0]["text"].isupper(), "the first quyền hạn/chức vụ line sits on the same line"


@pytest.mark.parametrize("name", ["quyet_dinh", "quyet_dinh_ban_hanh", "nghi_quyet"])
def test_can_cu_set_like_body_paragraphs(pages, name):
    """ND-01: each căn cứ starts at the first-line indent and every line of it but the last
    reaches the right margin (justified), as in the Mẫu 1.2/1.3 samples."""
    from docgen.layout.facts import FACTS

    point = 72 / 25.4
    left = FACTS["G-03"].default("left_mm") * point
    right = pages[name]["width"] - FACTS["G-03"].default("right_mm") * point
    indent = FACTS["ND-01"].default("first_line_indent_cm") * 10 * point
    lines = pages[name]["lines"]
    starts = [i for i, line in enumerate(lines) if line["text"].startswith(("Căn cứ", "Theo đề nghị"))]
    assert len(starts) >= 2
    wrapped = 0
    for i in starts:
        assert abs(lines[i]["x0"] - (left + indent)) < TOLERANCE
        end = i + 1
        while end < len(lines) and abs(lines[end]["x0"] - left) < TOLERANCE:
            end += 1
        for line in lines[i:end - 1]:
            assert abs(line["x1"] - right) < 3, line["text"]
        wrapped += end - i > 1
    assert wrapped >= 1
