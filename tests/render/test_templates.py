"""Template folders: declared fields match the template, user folders, sandbox, error positions."""
from pathlib import Path

import docx
import jinja2
import pytest
from jinja2 import meta

from docgen.errors import TemplateProblem
from docgen.render import render_document
from docgen.templates import environment, list_templates, load_template, template_dirs
from docgen.vn import DOC_TYPES
from tests.render.conftest import TEMPLATES, TYPE_NAMES

REQUIRED_TYPES = {"ke_hoach", "cong_van", "quyet_dinh", "quyet_dinh_ban_hanh", "thong_bao", "bao_cao",
                  "to_trinh", "giay_moi", "bien_ban", "giay_gioi_thieu"}


def test_every_type_of_phu_luc_iii_has_a_folder():
    slugs = {info.slug for info in DOC_TYPES.values() if info.code}
    assert slugs | {"cong_van", "quyet_dinh_ban_hanh"} <= set(TYPE_NAMES)
    assert REQUIRED_TYPES <= set(TYPE_NAMES)


@pytest.mark.parametrize("template", TEMPLATES, ids=TYPE_NAMES)
def test_template_variables_are_exactly_the_declared_fields(template):
    env = environment(template.dirs)
    source = (template.folder / "template.j2").read_text(encoding="utf-8")
    found = meta.find_undeclared_variables(env.parse(source))
    assert found == set(template.schema.names)


@pytest.mark.parametrize("template", TEMPLATES, ids=TYPE_NAMES)
def test_name_and_code_match_the_abbreviation_table(template):
    slug = "quyet_dinh" if template.name == "quyet_dinh_ban_hanh" else template.name
    info = DOC_TYPES[slug]
    assert (template.title, template.code) == (info.name, info.code)
    assert template.mau


@pytest.mark.parametrize("template", TEMPLATES, ids=TYPE_NAMES)
def test_example_has_every_required_field_and_help_texts(template):
    for spec in template.schema.fields:
        assert spec.help, f"{spec.name} has no help text"
        if spec.required and spec.default is None:
            assert template.example.get(spec.name) not in (None, "", []), spec.name
    assert set(template.example) <= set(template.schema.names)


USER_TEMPLATE = """{% from "_parts/nd30.j2" import dau, chu_ky, noi_nhan as nhan %}
<van_ban>
{{ dau(None, co_quan, so | so_ky_hieu("TB", "UBND")) }}
<ten_loai>Thông báo</ten_loai>
<trich_yeu>{{ trich_yeu }}</trich_yeu>
<noi_dung><doan>{{ noi_dung }}</doan></noi_dung>
{{ chu_ky(None, "Chủ tịch", "Lê Văn A") }}
{{ nhan([], "VP") }}
</van_ban>
"""
USER_SCHEMA = """[document]
name = "Thông báo"
code = "TB"
mau = "1.4"
fields = ["co_quan", "so", "trich_yeu", "noi_dung"]
"""


def make_folder(root: Path, name: str, template: str = USER_TEMPLATE, schema: str = USER_SCHEMA) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "template.j2").write_text(template, encoding="utf-8")
    (folder / "schema.toml").write_text(schema, encoding="utf-8")
    return folder


DATA = {"co_quan": "UBND xã A", "so": 3, "trich_yeu": "Lịch tiếp dân", "noi_dung": "Nội dung."}


def test_user_folder_from_option_and_environment(tmp_path, monkeypatch):
    make_folder(tmp_path / "mine", "thong_bao_xa")
    out = render_document("thong_bao_xa", DATA, tmp_path / "a.docx", [tmp_path / "mine"])
    assert "Số: 03/TB-UBND" in [c.text for c in docx.Document(str(out)).tables[0]._cells]
    monkeypatch.setenv("DOCGEN_TEMPLATES", str(tmp_path / "mine"))
    assert "thong_bao_xa" in [t.name for t in list_templates()]
    assert template_dirs()[0] == (tmp_path / "mine").resolve()


def test_user_folder_overrides_a_builtin(tmp_path):
    make_folder(tmp_path, "thong_bao")
    assert load_template("thong_bao", [tmp_path]).schema.names == ["co_quan", "so", "trich_yeu", "noi_dung"]
    assert load_template("thong_bao").schema.names != ["co_quan", "so", "trich_yeu", "noi_dung"]


def test_missing_template_folder_is_an_error(tmp_path):
    with pytest.raises(TemplateProblem, match="template folder not found"):
        load_template("ke_hoach", [tmp_path / "nowhere"])


@pytest.mark.parametrize("name", ["../ke_hoach", "_parts", "", "a/b"])
def test_bad_template_names(name):
    with pytest.raises(TemplateProblem):
        load_template(name)


@pytest.mark.parametrize("body, line, words", [
    ("{{ noi_dung.__class__.__mro__ }}", 3, "unsafe"),
    ("{{ ''.__class__.__subclasses__() }}", 3, "unsafe"),
    ("{{ khong_co }}", 3, "undefined"),
    ("{{ noi_dung | so_thanh_chu }}", 3, ""),
])
def test_sandbox_and_runtime_errors_name_file_and_line(tmp_path, body, line, words):
    template = f"<van_ban>\n<co_quan>{{{{ co_quan }}}}</co_quan>\n{body}\n</van_ban>\n"
    folder = make_folder(tmp_path, "bad", template)
    with pytest.raises(TemplateProblem) as caught:
        render_document("bad", DATA, tmp_path / "x.docx", [tmp_path])
    assert caught.value.subject == str(folder / "template.j2")
    assert caught.value.cause.startswith(f"line {line}:")
    assert words in caught.value.cause.lower()
    assert not (tmp_path / "x.docx").exists()


def test_syntax_error_names_file_and_line(tmp_path):
    folder = make_folder(tmp_path, "broken", "<van_ban>\n\n{% if %}\n</van_ban>\n")
    with pytest.raises(TemplateProblem) as caught:
        render_document("broken", DATA, tmp_path / "x.docx", [tmp_path])
    assert caught.value.subject == str(folder / "template.j2") and caught.value.cause.startswith("line 3:")


def test_bad_markup_is_a_template_problem(tmp_path):
    make_folder(tmp_path, "markup", "<van_ban><co_quan>{{ co_quan }}</co_quan><noi_dung><bang/></noi_dung></van_ban>")
    with pytest.raises(TemplateProblem, match="unknown element <bang>"):
        render_document("markup", DATA, tmp_path / "x.docx", [tmp_path])


def test_undeclared_field_in_schema_order(tmp_path):
    make_folder(tmp_path, "s", schema=USER_SCHEMA.replace('"noi_dung"]', '"noi_dung", "la"]'))
    with pytest.raises(TemplateProblem, match="field la is declared nowhere"):
        load_template("s", [tmp_path])


HOSTILE = 'A & B <script>alert("x")</script> \'q\' </noi_dung><van_ban> ]]> \x00\x07\x1b end'


def test_hostile_data_renders_as_text(tmp_path):
    out = render_document("thong_bao", {**load_template("thong_bao").example, "noi_dung": HOSTILE,
                                        "trich_yeu": 'Về "A" & <B>'}, tmp_path / "h.docx")
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert 'A & B <script>alert("x")</script> \'q\' </noi_dung><van_ban> ]]> end./.' in texts
    assert 'Về "A" & <B>' in texts


def test_jinja_environment_is_sandboxed_and_strict():
    env = environment(template_dirs())
    assert env.is_safe_attribute is not None and env.undefined is jinja2.StrictUndefined
    assert env.autoescape is True


def test_documents_written_one_after_another_share_nothing(tmp_path):
    """The fast path reuses one scratch document: nothing of the previous one may remain."""
    first = render_document("cong_van", load_template("cong_van").example, tmp_path / "a.docx")
    second = render_document("thong_bao", load_template("thong_bao").example, tmp_path / "b.docx")
    a, b = docx.Document(str(first)), docx.Document(str(second))
    assert any(p.text.startswith("Địa chỉ:") for p in a.sections[0].first_page_footer.paragraphs)
    assert not any(p.text for p in b.sections[0].first_page_footer.paragraphs)
    assert not any("Kính gửi" in p.text for p in b.paragraphs)
    assert len(b.tables) == 2


def test_template_files_are_nfc():
    import unicodedata

    from docgen.templates import builtin_dir

    files = [p for p in builtin_dir().rglob("*") if p.suffix in {".j2", ".toml", ".yaml"}]
    assert len(files) >= 29 * 3
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", text), path


def test_rendered_text_is_nfc(rendered):
    import unicodedata

    for path in rendered.values():
        for p in docx.Document(str(path)).paragraphs:
            assert unicodedata.is_normalized("NFC", p.text)


STRUCTURED = """<van_ban><co_quan>{{ co_quan }}</co_quan><so>{{ so }}</so><ten_loai>Quy chế</ten_loai>
<trich_yeu>{{ trich_yeu }}</trich_yeu><noi_dung>
<phan tieu_de="Quy định chung">
<chuong tieu_de="Phạm vi"><muc tieu_de="Đối tượng"><dieu tieu_de="Phạm vi điều chỉnh">{{ noi_dung }}</dieu>
<dieu><khoan>Khoản một.</khoan><khoan tieu_de="Khoản có tiêu đề">{% for i in range(7) %}<diem>Điểm {{ i }}.</diem>{% endfor %}</khoan></dieu>
</muc><muc tieu_de="Thứ hai"><tieu_muc tieu_de="Nhỏ"><dieu>Điều trong tiểu mục.</dieu></tieu_muc></muc></chuong>
</phan><phan tieu_de="Tổ chức thực hiện"><chuong tieu_de="Hiệu lực"><dieu><khoan>Có hiệu lực.</khoan></dieu></chuong></phan>
</noi_dung><chu_ky><dong>Giám đốc</dong><ho_ten>A</ho_ten></chu_ky><noi_nhan><dong>Lưu: VT, VP</dong></noi_nhan></van_ban>
"""


def test_phan_chuong_muc_dieu_khoan_diem_numbering(tmp_path):
    make_folder(tmp_path, "cau_truc", STRUCTURED)
    out = render_document("cau_truc", DATA, tmp_path / "s.docx", [tmp_path])
    texts = [p.text for p in docx.Document(str(out)).paragraphs if p.text]
    body = texts[texts.index("QUY CHẾ") + 2:]
    assert body == [
        "Phần I", "QUY ĐỊNH CHUNG", "Chương I", "PHẠM VI", "Mục 1", "ĐỐI TƯỢNG",
        "Điều 1. Phạm vi điều chỉnh", "Nội dung.",
        "Điều 2.", "1. Khoản một.", "2. Khoản có tiêu đề",
        "a) Điểm 0.", "b) Điểm 1.", "c) Điểm 2.", "d) Điểm 3.", "đ) Điểm 4.", "e) Điểm 5.", "g) Điểm 6.",
        "Mục 2", "THỨ HAI", "Tiểu mục 1", "NHỎ", "Điều 3. Điều trong tiểu mục.",
        "Phần II", "TỔ CHỨC THỰC HIỆN", "Chương II", "HIỆU LỰC", "Điều 4.", "1. Có hiệu lực./.",
    ]


@pytest.mark.parametrize("authority, lines", [
    ("TUQ. Giám đốc", ["TUQ. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
    ("Q. Giám đốc", ["Q. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
    ("TL. Giám đốc\nKT. Chánh Văn phòng", ["TL. GIÁM ĐỐC", "KT. CHÁNH VĂN PHÒNG", "PHÓ GIÁM ĐỐC"]),
])
def test_signing_authorities(tmp_path, authority, lines):
    data = {**load_template("ke_hoach").example, "quyen_han": authority}
    out = render_document("ke_hoach", data, tmp_path / "k.docx")
    cell = docx.Document(str(out)).tables[1].cell(0, 1)
    assert [p.text for p in cell.paragraphs if p.text] == [*lines, "Nguyễn Văn An"]


def test_signing_authority_pattern():
    from docgen.schema import FieldProblems

    with pytest.raises(FieldProblems, match=r"quyen_han: invalid: 'T.M. Giám đốc' does not match"):
        load_template("ke_hoach").schema.validate({**load_template("ke_hoach").example, "quyen_han": "T.M. Giám đốc"})


def test_secrecy_urgency_and_circulation_marks(tmp_path):
    data = {**load_template("cong_van").example, "do_mat": "MẬT", "do_khan": "KHẨN", "luu_hanh": "LƯU HÀNH NỘI BỘ"}
    document = docx.Document(str(render_document("cong_van", data, tmp_path / "m.docx")))
    from tests.render import probe

    first = document.paragraphs[0]
    assert first.text == "LƯU HÀNH NỘI BỘ" and probe.bold(first)
    assert probe.borders(first) == {"top", "left", "bottom", "right"}
    cell = document.tables[0].cell(2, 0)
    texts = [p.text for p in cell.paragraphs if p.text]
    assert texts[-2:] == ["MẬT", "KHẨN"] and texts[0].startswith("V/v ")
    urgent = [p for p in cell.paragraphs if p.text == "KHẨN"][0]
    assert probe.color(urgent) == {"FF0000"} and probe.borders(urgent) == {"top", "left", "bottom", "right"}
    assert abs(probe.rule_length(urgent, probe.cell_width(cell)) / 56.69 - 20) < 0.5, "KHẨN frame is 20 mm"
