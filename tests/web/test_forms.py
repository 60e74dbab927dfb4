"""A schema as a form, and a form back as render data: labels, widgets, values, messages."""
from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner
from starlette.datastructures import FormData

from docgen.cli import main
from docgen.schema import FieldProblems
from docgen.templates import list_templates, load_template
from docgen.web.forms import field_views, form_data, labels, problem_messages, shown


def test_every_field_of_every_template_has_a_vietnamese_label():
    names = {f.name for t in list_templates() for f in t.schema.fields}
    assert names - set(labels()) == set()
    assert set(labels()) - names == set()  # no label for a field that no template has


def test_cong_van_form_fields_in_schema_order():
    template = load_template("cong_van")
    views = field_views(template, {}, {})
    assert [v.name for v in views] == template.schema.names
    by_name = {v.name: v for v in views}
    assert (by_name["so"].label, by_name["so"].widget, by_name["so"].required) == ("Số văn bản", "text", True)
    assert (by_name["kinh_gui"].widget, by_name["kinh_gui"].items) == ("list", ())
    assert by_name["noi_dung"].widget == "textarea"
    assert by_name["do_khan"].widget == "select"
    assert by_name["do_khan"].choices == ("KHẨN", "THƯỢNG KHẨN", "HỎA TỐC")
    assert by_name["co_quan_chu_quan"].required is False
    # ngay has a default ("today"): not required from the clerk, and the placeholder says so
    assert by_name["ngay"].required is False
    assert by_name["ngay"].placeholder == "mặc định: hôm nay (YYYY-MM-DD hoặc DD/MM/YYYY)"
    assert by_name["so"].help == template.schema.by_name["so"].help


def test_values_shown_as_the_clerk_typed_them():
    template = load_template("cong_van")
    views = {v.name: v for v in field_views(template, template.example, {"so": "invalid: x"})}
    assert views["ngay"].value == "2025-03-05"
    assert views["kinh_gui"].items == ("Các sở, ban, ngành thuộc tỉnh", "Ủy ban nhân dân các huyện, thị xã, thành phố")
    assert views["so"].value == "7" and views["so"].message == "invalid: x"
    assert len(views["noi_dung"].value.splitlines()) == 3


@pytest.mark.parametrize("value, text", [(None, ""), (dt.date(2025, 3, 5), "2025-03-05"), (["a", "b"], "a\nb"),
                                         (True, "1"), (False, ""), (7, "7")])
def test_shown(value, text):
    assert shown(value) == text


def test_form_data_takes_list_inputs_and_drops_blanks():
    template = load_template("cong_van")
    form = FormData([("so", "5"), ("kinh_gui", "Sở A"), ("kinh_gui", " "), ("kinh_gui", "Sở B"),
                     ("trich_yeu", "  "), ("khong_co", "x")])
    assert form_data(template, form) == {"so": "5", "kinh_gui": ["Sở A", "Sở B"]}


def test_messages_are_the_command_lines_words():
    """The message beside a field is what ``docgen render --no-input`` prints for it."""
    template = load_template("cong_van")
    data = {**template.example, "so": "abc", "co_quan_viet_tat": "snv"}
    with pytest.raises(FieldProblems) as caught:
        template.schema.validate(data, "cong_van")
    messages = problem_messages(caught.value)
    result = CliRunner().invoke(main, ["render", "cong_van", "--example", "--no-input", "--set", "so=abc",
                                       "--set", "co_quan_viet_tat=snv", "-o", "/nonexistent/x.docx"])
    assert result.exit_code == 1
    expected = "; ".join(f"{name}: {text}" for name, text in messages.items())
    assert result.stderr == f"docgen: cong_van: {expected}\n"
    assert messages["so"].startswith("invalid: not a whole number: 'abc' (required; whole number 1–999999")
    assert messages["co_quan_viet_tat"].startswith("invalid: 'snv' does not match the pattern")
