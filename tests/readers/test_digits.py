"""The digit recogniser: its model file, loaded once; a missing or broken one said in one
line; and a blank of the form read from a page the test draws itself."""
from __future__ import annotations

import random

import pytest
from click.testing import CliRunner
from PIL import Image, ImageDraw, ImageFont

from extractors.readers import digits
from extractors.readers.blanks import find_blanks
from extractors.readers.handread import read_blank
from extractors.readers.layout import Word
from tests.readers.handforms import draw_strokes

SERIF = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
SCALE = 300 / 72


@pytest.fixture
def model_at(monkeypatch):
    def use(path):
        monkeypatch.setenv(digits.ENV, str(path))
        digits._LOADED.pop(str(path), None)
    return use


def test_the_model_ships_in_the_wheel_and_loads_once():
    first = digits.recogniser()
    assert digits.model_path().name == "ch_PP-OCRv4_rec_infer.onnx"
    assert digits.recogniser() is first and digits.status() is None
    assert [first.alphabet[k] for k in first.digit_classes] == list("0123456789")


def test_a_missing_model_is_one_line(model_at, tmp_path):
    model_at(tmp_path / "gone.onnx")
    with pytest.raises(digits.ModelUnavailable) as caught:
        digits.recogniser()
    assert str(caught.value) == f"handwriting model {tmp_path / 'gone.onnx'}: no such file"
    assert digits.status() == str(caught.value)


def test_a_corrupt_model_is_one_line(model_at, tmp_path):
    broken = tmp_path / "broken.onnx"
    broken.write_bytes(b"\x08\x07 not a model")
    model_at(broken)
    assert digits.status() == f"handwriting model {broken}: not a readable ONNX model"


def test_extract_says_so_once_and_goes_on(model_at, tmp_path):
    from docgen.cli import main

    model_at(tmp_path / "gone.onnx")
    text = tmp_path / "a.txt"
    text.write_text("ỦY BAN NHÂN DÂN\nSố: 12/UBND-VP\n", encoding="utf-8")
    pdf = tmp_path / "b.pdf"
    Image.new("RGB", (200, 200), "white").save(pdf)
    result = CliRunner().invoke(main, ["extract", str(text), str(pdf), "--format", "jsonl"])
    lines = result.stderr.splitlines()
    assert lines[0] == (f"docgen: handwriting model {tmp_path / 'gone.onnx'}: no such file; "
                        "handwritten numbers and days are left blank")
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 2
    never = CliRunner().invoke(main, ["extract", str(pdf), "--ocr", "never"])
    assert "handwriting model" not in never.stderr


def form_line(number: str, ink=(35, 60, 175)) -> tuple[Image.Image, list[Word]]:
    """A 300 DPI strip "Số: <number written by hand> /TB-UBND" and its OCR words."""
    image = Image.new("RGB", (1200, 160), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(SERIF, round(13 * SCALE))
    draw.text((100, 60), "Số:", font=font, fill="black")
    draw_strokes(draw, number, 260, 112, 62, 7, ink, random.Random(4))
    draw.text((520, 60), "/TB-UBND", font=font, fill="black")
    words = [Word("Số:", 100 / SCALE, 60 / SCALE, 175 / SCALE, 115 / SCALE, conf=90.0),
             Word("4@`", 255 / SCALE, 55 / SCALE, 420 / SCALE, 118 / SCALE, conf=30.0),
             Word("/TB-UBND", 520 / SCALE, 60 / SCALE, 780 / SCALE, 115 / SCALE, conf=90.0)]
    return image.convert("L"), words


@pytest.mark.parametrize("number", ["46", "2025", "389"])
def test_a_number_written_in_the_blank_is_read(number):
    image, words = form_line(number)
    [blank] = find_blanks([words], 842.0)
    reading = read_blank(digits.recogniser(), image, blank, SCALE)
    assert reading.best == number and reading.seen == "4@`"
