import pytest

from extractors.legacy import convert_legacy, detect_legacy, from_tcvn3, from_vni, is_syllable

UNICODE = "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Thủ tướng Chính phủ."


def _encode_tcvn3(text: str) -> str:
    """The test's own encoder: write ``text`` as TCVN3 bytes read back as Latin-1."""
    from extractors.legacy import _tables
    reverse = {v: k for k, v in _tables().tcvn3.items()}
    return "".join(reverse.get(ch, ch) for ch in text)


def _encode_vni(text: str) -> str:
    import unicodedata
    from extractors.legacy import _tables
    t = _tables()
    letters = {v: k for k, v in t.vni_letters.items()}
    lower = {v: k for k, v in t.vni_marks.items() if k.islower()}
    upper = {v: k for k, v in t.vni_marks.items() if k.isupper()}
    out = []
    for ch in text:
        if ch in letters:
            out.append(letters[ch])
            continue
        base, *extra = unicodedata.normalize("NFD", ch)
        combining = "".join(extra)
        if base in "ou" and "\u031b" in combining:          # ơ ư carry their horn in the letter
            out.append(letters[unicodedata.normalize("NFC", base + "\u031b")])
            combining = combining.replace("\u031b", "")
        else:
            out.append(base)
        if combining:
            key = next(k for k in lower if sorted(k) == sorted(combining))
            out.append(lower[key] if base.islower() else upper[key])
    return "".join(out)


def test_tcvn3_passage_converts():
    encoded = "Céng hoµ x· héi chñ nghÜa ViÖt Nam. §éc lËp - Tù do - H¹nh phóc. Thñ t\u00adíng ChÝnh phñ."
    assert _encode_tcvn3(UNICODE.replace("hòa", "hoà")) == encoded
    assert convert_legacy(encoded) == (UNICODE.replace("hòa", "hoà"), "tcvn3")


def test_vni_passage_converts():
    encoded = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do - Haïnh phuùc. Thuû töôùng Chính phuû."
    assert _encode_vni(UNICODE) == encoded
    assert convert_legacy(encoded) == (UNICODE, "vni")


def test_mixed_text_keeps_its_unicode_lines():
    text = "Số: 12/KH-UBND\nKÕ ho¹ch chuyÓn ®æi sè n¨m 2024\nCộng hòa xã hội"
    assert convert_legacy(text) == ("Số: 12/KH-UBND\nKế hoạch chuyển đổi số năm 2024\nCộng hòa xã hội", "tcvn3")


@pytest.mark.parametrize("text", [
    UNICODE, "Hello world, plain ASCII text.", "Société Générale à Paris, señor Müller, São Paulo café",
    "", "85% người dân có điện thoại thông minh",
])
def test_no_conversion_without_evidence(text):
    assert convert_legacy(text) == (text, None)
    assert detect_legacy(text) is None


@pytest.mark.parametrize("word, ok", [
    ("nghiệp", True), ("quốc", True), ("gì", True), ("khuyến", True), ("thuở", True), ("ộtộ", False),
    ("aủo", False), ("Mỹller", False), ("xyz", False),
])
def test_is_syllable(word, ok):
    assert is_syllable(word) is ok


def test_single_words():
    assert from_tcvn3("§iÒu") == "Điều"
    assert from_vni("Ñieàu") == "Điều"
