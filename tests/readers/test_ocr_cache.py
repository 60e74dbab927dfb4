"""The optional OCR cache: off by default, keyed by command and image, never torn."""
from __future__ import annotations

from extractors.readers import ocr_cache


def _counting():
    calls = []

    def run():
        calls.append(1)
        return f"output {len(calls)}"
    return calls, run


def test_off_without_the_variable(monkeypatch, tmp_path):
    monkeypatch.delenv(ocr_cache.ENV, raising=False)
    calls, run = _counting()
    assert ocr_cache.cached(["tesseract", "a"], b"img", run) == "output 1"
    assert ocr_cache.cached(["tesseract", "a"], b"img", run) == "output 2"
    assert list(tmp_path.iterdir()) == []


def test_second_call_reads_the_stored_output(monkeypatch, tmp_path):
    monkeypatch.setenv(ocr_cache.ENV, str(tmp_path))
    calls, run = _counting()
    assert ocr_cache.cached(["tesseract", "a"], b"img", run) == "output 1"
    assert ocr_cache.cached(["tesseract", "a"], b"img", run) == "output 1"
    assert len(calls) == 1
    assert ocr_cache.cached(["tesseract", "b"], b"img", run) == "output 2"
    assert ocr_cache.cached(["tesseract", "a"], b"other", run) == "output 3"
    assert not list(tmp_path.rglob("*.part"))


def test_unwritable_folder_only_costs_time(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv(ocr_cache.ENV, str(blocker / "sub"))
    calls, run = _counting()
    assert ocr_cache.cached(["tesseract", "a"], b"img", run) == "output 1"
