"""Tables as tables: one target per (row, value column), the column header as scope or deadline."""
import docx
import pytest

from extractors import extract
from extractors.fields.deep import fill_deep
from extractors.fields.tables import has_value, line_tables, pipe_tables
from extractors.records import Document, Source
from extractors.text import DocText


def _targets(text):
    doc = Document(Source("t"))
    fill_deep(doc, DocText.plain(text))
    return [(t.indicator, t.value, t.unit, t.comparator, t.deadline, t.scope) for t in doc.targets]


CRITERIA = ("BỘ TIÊU CHÍ XÃ AN TOÀN GIAO THÔNG GIAI ĐOẠN 2026 - 2030\n"
            "TT | Tên tiêu chí | Đơn vị tính | Xã khu vực I | Xã khu vực II\n"
            "1 | Tỷ lệ km đường trục xã được nhựa hóa | % | 100 | ≥ 90\n"
            "2 | Số người chết do tai nạn giao thông | người/năm | ≤ 2 | ≤ 3\n"
            "3 | Có mô hình tự quản về an toàn giao thông | mô hình | ≥ 2 | ≥ 1\n")


def test_pipe_table_rows_and_columns():
    grid = pipe_tables(CRITERIA)[0]
    assert grid.header == ["TT", "Tên tiêu chí", "Đơn vị tính", "Xã khu vực I", "Xã khu vực II"]
    assert [[c.text for c in row] for row in grid.rows][1] == [
        "2", "Số người chết do tai nạn giao thông", "người/năm", "≤ 2", "≤ 3"]
    first = grid.rows[0][3]
    assert CRITERIA[first.start:first.end] == "100"


def test_criteria_table_by_group_of_communes():
    d = "2030-12-31"
    assert _targets(CRITERIA) == [
        ("Tỷ lệ km đường trục xã được nhựa hóa", 100, "%", "=", d, "Xã khu vực I"),
        ("Tỷ lệ km đường trục xã được nhựa hóa", 90, "%", ">=", d, "Xã khu vực II"),
        ("Số người chết do tai nạn giao thông", 2, "người/năm", "<=", d, "Xã khu vực I"),
        ("Số người chết do tai nạn giao thông", 3, "người/năm", "<=", d, "Xã khu vực II"),
        ("Có mô hình tự quản về an toàn giao thông", 2, "mô hình", ">=", d, "Xã khu vực I"),
        ("Có mô hình tự quản về an toàn giao thông", 1, "mô hình", ">=", d, "Xã khu vực II"),
    ]


def test_markdown_table_with_years_as_columns():
    text = ("2. Chỉ tiêu cụ thể\n| TT | Chỉ tiêu | Năm 2026 | Năm 2030 |\n|---|---|---|---|\n"
            "| 1 | Tỷ lệ giáo viên được bồi dưỡng kỹ năng số | 70 | 100 |\n"
            "| 2 | Học liệu số được số hóa (bài giảng) | 2.000 | 10.000 |\n")
    assert _targets(text) == [
        ("Tỷ lệ giáo viên được bồi dưỡng kỹ năng số", 70, "%", "=", "2026-12-31", None),
        ("Tỷ lệ giáo viên được bồi dưỡng kỹ năng số", 100, "%", "=", "2030-12-31", None),
        ("Học liệu số được số hóa (bài giảng)", 2000, "bài giảng", "=", "2026-12-31", None),
        ("Học liệu số được số hóa (bài giảng)", 10000, "bài giảng", "=", "2030-12-31", None),
    ]


ONE_CELL_A_LINE = ("Bộ tiêu chí quốc gia về y tế xã giai đoạn 2026 - 2030\nSTT\nTiêu chí\nĐơn vị tính\n"
                   "Chỉ tiêu theo vùng\nVùng đồng bằng\nVùng miền núi\n"
                   "1\nTỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ\n%\n≥ 98\n≥ 90\n"
                   "2\nSố bác sĩ làm việc tại trạm y tế\nbác sĩ\n2\n1\n"
                   "Điều 2. Hiệu lực thi hành\nQuyết định có hiệu lực kể từ ngày ký.")


def test_table_written_one_cell_a_line():
    """The caption right above the table names the period: its end is the deadline."""
    d = "2030-12-31"
    grid = line_tables(ONE_CELL_A_LINE)[0]
    assert grid.header[3:] == ["Vùng đồng bằng", "Vùng miền núi"]
    assert grid.groups == ["Chỉ tiêu theo vùng"]
    assert [c.text if c else None for c in grid.rows[1]] == [
        "2", "Số bác sĩ làm việc tại trạm y tế", "bác sĩ", "2", "1"]
    assert _targets(ONE_CELL_A_LINE) == [
        ("Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", 98, "%", ">=", d, "Vùng đồng bằng"),
        ("Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", 90, "%", ">=", d, "Vùng miền núi"),
        ("Số bác sĩ làm việc tại trạm y tế", 2, "bác sĩ", "=", d, "Vùng đồng bằng"),
        ("Số bác sĩ làm việc tại trạm y tế", 1, "bác sĩ", "=", d, "Vùng miền núi"),
    ]


def test_a_table_of_thresholds_for_a_rating_is_a_rule():
    text = ("Điều 12. Ngưỡng tính điểm của từng chỉ tiêu định lượng\nSTT\nTiêu chí/Chỉ tiêu\nĐơn vị tính\n"
            "Ngưỡng 1\nNgưỡng 2\n1\nTỷ lệ an toàn vốn\n%\n15,00\n14,00\n2\nTỷ lệ nợ xấu\n%\n1,50\n1,55\n")
    assert line_tables(text)[0].rows[1][3].text == "1,50"
    assert _targets(text) == []


@pytest.mark.parametrize("cell, value", [
    ("≥ 95", True), ("100", True), ("70%", True), ("9,5 - 12", True), ("Tối thiểu 90", True),
    ("5 trở lên", True), ("Đạt", False), ("x", False), ("Năm 2030", False), ("%", False),
])
def test_cells_that_hold_a_value(cell, value):
    assert has_value(cell) == value


def test_docx_table_read_as_a_table(tmp_path):
    document = docx.Document()
    for line in ("ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "Số: 73/KH-UBND", "KẾ HOẠCH",
                 "Chuyển đổi số ngành giáo dục", "I. MỤC TIÊU", "2. Chỉ tiêu cụ thể"):
        document.add_paragraph(line)
    rows = [["TT", "Chỉ tiêu", "Đơn vị", "Năm 2026", "Năm 2028"],
            ["1", "Cơ sở giáo dục sử dụng học bạ số", "%", "80", "95"],
            ["2", "Giáo viên được bồi dưỡng kỹ năng số", "%", "≥ 70", "≥ 85"]]
    table = document.add_table(rows=3, cols=5)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    merged = table.cell(1, 1).merge(table.cell(2, 1))   # a criterion merged down two rows
    merged.text = "Cơ sở giáo dục sử dụng học bạ số"
    document.add_paragraph("II. NHIỆM VỤ")
    path = tmp_path / "bang.docx"
    document.save(path)
    record = extract(path)
    assert [(t.indicator, t.value, t.comparator, t.deadline) for t in record.targets] == [
        ("Cơ sở giáo dục sử dụng học bạ số", 80, "=", "2026-12-31"),
        ("Cơ sở giáo dục sử dụng học bạ số", 95, "=", "2028-12-31"),
        ("Cơ sở giáo dục sử dụng học bạ số", 70, ">=", "2026-12-31"),
        ("Cơ sở giáo dục sử dụng học bạ số", 85, ">=", "2028-12-31"),
    ]
    assert {t.unit for t in record.targets} == {"%"}


def test_text_and_html_readers_tag_table_cells(tmp_path):
    from extractors.readers import read
    txt = tmp_path / "bang.md"
    txt.write_text("Các chỉ tiêu:\n| TT | Chỉ tiêu | Năm 2030 |\n|---|---|---|\n| 1 | Tỷ lệ A | 90 |\n\nHết.\n",
                   encoding="utf-8")
    lines = read(txt).pages[0].lines
    assert [(l.text, l.cell.row, l.cell.col) for l in lines if l.cell] == [
        ("TT", 0, 0), ("Chỉ tiêu", 0, 1), ("Năm 2030", 0, 2), ("1", 1, 0), ("Tỷ lệ A", 1, 1), ("90", 1, 2)]
    html = tmp_path / "bang.html"
    html.write_text("<p>Các chỉ tiêu:</p><table><tr><td>TT</td><td>Chỉ tiêu</td><td>Năm 2030</td></tr>"
                    "<tr><td>1</td><td>Tỷ lệ A</td><td>90</td></tr></table>", encoding="utf-8")
    cells = [(l.text, l.cell.row, l.cell.col) for l in read(html).pages[0].lines if l.cell]
    assert cells == [("TT", 0, 0), ("Chỉ tiêu", 0, 1), ("Năm 2030", 0, 2), ("1", 1, 0), ("Tỷ lệ A", 1, 1),
                     ("90", 1, 2)]
