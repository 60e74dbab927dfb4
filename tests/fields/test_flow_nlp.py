from extractors import nlp
from extractors.fields.flow import build_flow

TEXT = ("8. Phấn đấu hoàn thành các mục tiêu sau:\na) Đến cuối năm 2022:\n- 85% người dân có\nđiện thoại;\n"
        "- 70% hộ gia đình. Tăng 10% hồ sơ; 100% xã.\nb) Y tế: Phát triển\n2.1. Đối với các cơ quan\nthuộc Thành phố")


def test_flow_joins_wraps_without_moving_offsets():
    flow = build_flow(TEXT)
    assert len(flow.text) == len(TEXT)
    assert "có điện thoại;" in flow.text and "có\nđiện" in TEXT
    blocks = [(b.marker, flow.text[b.start:b.end], b.parent) for b in flow.blocks]
    assert blocks == [
        ("8.", "8. Phấn đấu hoàn thành các mục tiêu sau:", None),
        ("a)", "a) Đến cuối năm 2022:", 0),
        ("-", "- 85% người dân có điện thoại;", 1),
        ("-", "- 70% hộ gia đình. Tăng 10% hồ sơ; 100% xã.", 1),
        ("b)", "b) Y tế: Phát triển", 0),
        ("2.1.", "2.1. Đối với các cơ quan thuộc Thành phố", 0),
    ]
    assert flow.ancestors(3) == [1, 0]
    assert flow.text[slice(*flow.label(4))] == "Y tế"


def test_sentences_and_clauses():
    flow = build_flow("- 70% hộ gia đình. Tăng 10% hồ sơ (a; b); 100% xã. TP. Hồ Chí Minh đạt.")
    assert [flow.text[s:e] for s, e in flow.sentences] == [
        "70% hộ gia đình.", "Tăng 10% hồ sơ (a; b); 100% xã.", "TP. Hồ Chí Minh đạt."]
    assert [flow.text[s:e] for s, e in flow.clauses][1:3] == ["Tăng 10% hồ sơ (a; b)", "100% xã."]


def test_nlp_adapter_gives_offsets():
    text = "Thông tin liên hệ: Ông Thái Thanh Hải. Phấn đấu 85% người dân có điện thoại thông minh."
    assert nlp.person_names(text) == [(23, 37, "Thái Thanh Hải")]
    assert [text[s:e] for s, e in nlp.sentences(text)] == [
        "Thông tin liên hệ: Ông Thái Thanh Hải.", "Phấn đấu 85% người dân có điện thoại thông minh."]
    assert "điện thoại" in nlp.index_terms(text)


def test_a_heading_in_capitals_is_no_wrapped_line():
    flow = build_flow("II. TỔ CHỨC THỰC HIỆN\nCác sở, ngành báo cáo trước ngày 20/12/2023.\n"
                      "I. MỤC ĐÍCH, YÊU CẦU VÀ\nNHIỆM VỤ TRỌNG TÂM")
    assert [flow.text[b.body:b.end] for b in flow.blocks] == [
        "TỔ CHỨC THỰC HIỆN", "Các sở, ngành báo cáo trước ngày 20/12/2023.",
        "MỤC ĐÍCH, YÊU CẦU VÀ NHIỆM VỤ TRỌNG TÂM"]


def test_an_intro_ending_with_a_colon_heads_its_list():
    flow = build_flow("2. Mục tiêu cụ thể\nPhấn đấu đến năm 2028, đạt các chỉ tiêu sau:\n- Tỷ lệ A đạt 90%;\n"
                      "- Tỷ lệ B đạt 80%.\nRiêng năm 2026, phấn đấu 60% C.\n3. Nhiệm vụ")
    blocks = [(flow.text[b.body:b.end], b.parent) for b in flow.blocks]
    assert blocks == [("Mục tiêu cụ thể", None), ("Phấn đấu đến năm 2028, đạt các chỉ tiêu sau:", 0),
                      ("Tỷ lệ A đạt 90%;", 1), ("Tỷ lệ B đạt 80%.", 1),
                      ("Riêng năm 2026, phấn đấu 60% C.", 0), ("Nhiệm vụ", None)]


def test_a_title_in_capitals_heads_what_follows():
    flow = build_flow("Người ký\nBỘ TIÊU CHÍ XÃ AN TOÀN GIAO THÔNG GIAI ĐOẠN 2026 - 2030\n(Kèm theo Quyết định)\n"
                      "1. Tiêu chí về đường")
    assert [(flow.text[b.body:b.end], b.parent) for b in flow.blocks] == [
        ("Người ký", None), ("BỘ TIÊU CHÍ XÃ AN TOÀN GIAO THÔNG GIAI ĐOẠN 2026 - 2030", None),
        ("(Kèm theo Quyết định)", 1), ("Tiêu chí về đường", 1)]


def test_table_lines_are_never_joined():
    text = "STT\nTiêu chí\nĐơn vị tính\n1\nTỷ lệ hộ nghèo\n%"
    flow = build_flow(text, frozenset(i for i in range(len(text)) if i == 0 or text[i - 1] == "\n"))
    assert len(flow.blocks) == 6 and flow.text == text
