"""A DOCX parent: a Kế hoạch rendered by docgen, then a dispatch drafted from it."""
from __future__ import annotations

import pytest

from docgen.draft import draft_data, opening
from docgen.render import render_document
from docgen.templates import load_template


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    from extractors import extract

    path = render_document("ke_hoach", load_template("ke_hoach").example,
                           tmp_path_factory.mktemp("parent") / "kh.docx")
    return extract(path)


def test_opening_from_a_docx_parent(plan):
    assert opening(plan) == ("Thực hiện Kế hoạch số 12/KH-SNV ngày 05 tháng 02 năm 2025 của Sở Nội vụ về "
                             "triển khai công tác cải cách hành chính năm 2025")


def test_docx_parent_fills_type_number_date_and_issuer(plan):
    assert opening(plan).startswith("Thực hiện Kế hoạch số 12/KH-SNV ngày 05 tháng 02 năm 2025 của Sở Nội vụ")


def test_dispatch_from_a_docx_plan_gets_the_plans_assignees(plan):
    draft = draft_data(load_template("cong_van"), plan, example=True)
    assert draft.data["kinh_gui"] == ["Văn phòng Sở"]
    assert draft.data["trich_yeu"] == "triển khai thực hiện Kế hoạch số 12/KH-SNV"
