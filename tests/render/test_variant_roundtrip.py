"""Seven common types rendered for six other issuers — a province, a university under a
ministry, a ministry signing through its office, a city department, a district office, a
provincial council — and read back, as printed (text layer) and as a poor scan (OCR).

Each issuer brings what the built-in examples do not: a header line that wraps inside a
word ("PHÒNG TÀI NGUYÊN VÀ MÔI / TRƯỜNG"), a parent body or none, a title that wraps beside
the Nơi nhận list ("PHÓ / CHÁNH VĂN PHÒNG"), an authority line that wraps ("TM. THƯỜNG TRỰC
HỘI ĐỒNG NHÂN / DÂN"), three-line chains (TL. … / KT. …), titles other than Chủ tịch and
Giám đốc."""
from __future__ import annotations

import copy
import dataclasses
import random

import pytest

from docgen.render import render_document
from docgen.roundtrip import expected, found, same
from docgen.templates import load_template
from extractors.batch import extract_many
from extractors.pipeline import ExtractOptions
from tests.render.test_poor_scan_roundtrip import poor_scan

pytestmark = pytest.mark.slow

ISSUERS = {
    "province": dict(co_quan="Ủy ban nhân dân tỉnh Quảng Nam", co_quan_viet_tat="UBND", dia_danh="Quảng Nam",
                     quyen_han="TM. Ủy ban nhân dân\nKT. Chủ tịch", chuc_vu="Phó Chủ tịch",
                     nguoi_ky="Lê Trí Thanh", authority="KT"),
    "university": dict(co_quan_chu_quan="Bộ Giáo dục và Đào tạo", co_quan="Trường Đại học Sư phạm Hà Nội",
                       co_quan_viet_tat="ĐHSPHN", dia_danh="Hà Nội", quyen_han="KT. Hiệu trưởng",
                       chuc_vu="Phó Hiệu trưởng", nguoi_ky="Nguyễn Thị Minh Nguyệt", authority="KT"),
    "ministry": dict(co_quan="Bộ Tài chính", co_quan_viet_tat="BTC", dia_danh="Hà Nội",
                     quyen_han="TL. Bộ trưởng\nKT. Chánh Văn phòng", chuc_vu="Phó Chánh Văn phòng",
                     nguoi_ky="Hoàng Văn Sơn", authority="KT"),
    "city_department": dict(co_quan_chu_quan="UBND Thành phố Hồ Chí Minh", co_quan="Sở Giáo dục và Đào tạo",
                            co_quan_viet_tat="SGDĐT", dia_danh="Thành phố Hồ Chí Minh", quyen_han="KT. Giám đốc",
                            chuc_vu="Phó Giám đốc", nguoi_ky="Dương Trí Dũng", authority="KT"),
    "district_office": dict(co_quan_chu_quan="UBND huyện Đông Anh", co_quan="Phòng Tài nguyên và Môi trường",
                            co_quan_viet_tat="TNMT", dia_danh="Đông Anh", chuc_vu="Trưởng phòng",
                            nguoi_ky="Phạm Thị Thu Hà", authority=None),
    "council": dict(co_quan="Hội đồng nhân dân tỉnh Thanh Hóa", co_quan_viet_tat="HĐND", dia_danh="Thanh Hóa",
                    quyen_han="TM. Thường trực Hội đồng nhân dân", chuc_vu="Chủ tịch", nguoi_ky="Lại Thế Nguyên",
                    authority="TM"),
}
TYPES = ("cong_van", "quyet_dinh", "ke_hoach", "to_trinh", "bao_cao", "thong_bao", "chi_thi")
CHECKS = ("doc_type", "number", "issued_on", "issuer", "subject", "signer", "title", "authority")
MIN_SCAN_SHARE = 0.95  # of the 336 checks, read back through OCR from poor scans


def variant(type_name: str, issuer: str, number: int) -> tuple[dict, dict]:
    """(data to render, what a reader must find) for ``type_name`` issued by ``issuer``."""
    template = load_template(type_name)
    profile = ISSUERS[issuer]
    data = copy.deepcopy(template.example)
    for key in ("co_quan_chu_quan", "quyen_han"):
        data.pop(key, None)
    data.update({k: v for k, v in profile.items() if k != "authority"})
    data["so"] = number
    want = expected(dataclasses.replace(template, example=data))
    want.update(title=profile["chuc_vu"], authority=profile["authority"])
    return data, want


def misses(record: dict, want: dict) -> list[str]:
    got = found(record)
    got.update(title=record["signer"]["title"], authority=record["signer"]["authority"])
    return [f"{check}: expected {want[check]!r}, found {got[check]!r}"
            for check in CHECKS if not same(check, want[check], got[check])]


@pytest.fixture(scope="module")
def variant_pdfs(tmp_path_factory):
    import shutil

    if not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) is not installed")
    from docgen.pdf import convert_to_pdf

    out = tmp_path_factory.mktemp("variants")
    docs, wants = [], {}
    for n, issuer in enumerate(ISSUERS):
        for type_name in TYPES:
            data, want = variant(type_name, issuer, 3 + 17 * n)
            docs.append(render_document(type_name, data, out / f"{issuer}-{type_name}.docx"))
            wants[f"{issuer}-{type_name}"] = want
    return convert_to_pdf(docs, out), wants


def test_every_field_of_every_variant_comes_back_from_the_text_layer(variant_pdfs):
    pdfs, wants = variant_pdfs
    records = {p.stem: r for p, r in extract_many(pdfs, ExtractOptions(deep=False), 2)}
    assert sorted(records) == sorted(wants)
    wrong = {name: misses(records[name].to_dict(), wants[name]) for name in wants}
    assert {name: m for name, m in wrong.items() if m} == {}


def test_variants_come_back_from_poor_scans(variant_pdfs, tmp_path_factory):
    pdfs, wants = variant_pdfs
    out = tmp_path_factory.mktemp("variant-scans")
    rng = random.Random(7)
    scans = [poor_scan(p, out, rng) for p in pdfs]
    records = {p.stem: r for p, r in extract_many(scans, ExtractOptions(deep=False), 2)}
    wrong = [f"{name}.{m}" for name in wants for m in misses(records[name].to_dict(), wants[name])]
    checks = len(wants) * len(CHECKS)
    assert (checks - len(wrong)) / checks >= MIN_SCAN_SHARE, "\n".join(wrong)
