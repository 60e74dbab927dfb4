"""Character error rate of the OCR engines on hand-typed lines of the dev scans.

    .venv/bin/python benchmarks/ocr_cer.py                  # TUNE lines, every engine found
    .venv/bin/python benchmarks/ocr_cer.py --set heldout    # the HELD-OUT lines (final measure)
    .venv/bin/python benchmarks/ocr_cer.py --only pipeline  # only the rows of docgen's reader

The lines (``tests/data/ocr_lines/*.jsonl``: file, page, box in points, text typed by a
person from the page image) are read three ways:
- page engines: the whole page (300 DPI, red filter, as docgen renders it) goes to the
  engine; the words whose centre lies in a line's box make that line;
- line engines: the box is cropped from the same image and read as one line;
- docgen's reader: ``ocr_page`` + normalisation, then with the correction stage
  (``extractors.correct``) — the lines whose centre lies in a box make that line.
CER = edit distance / reference length, summed over lines (spaces folded, NFC). "no marks"
is the CER once tone and vowel marks are stripped from both sides: what is left is errors of
letters, digits, spaces and punctuation; the difference is mark errors. CPU is seconds per
page of this process and its children (engine load not counted). An engine that is not
installed is listed as such. Engines compared: Tesseract (``vie`` and the ``Vietnamese``
script model of tesseract-ocr-script-viet, page segmentation modes, 400 DPI), and the
PyPI recognizers whose weights ship in the wheel: rapidocr-onnxruntime (PP-OCRv4),
trueocr and asterocr.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import resource
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEV_PDF = ROOT.parent / "shared" / "corpus" / "dev" / "pdf"
LINES = ROOT / "tests" / "data" / "ocr_lines"


@dataclass(frozen=True)
class TypedLine:
    file: str
    page: int
    box: tuple[float, float, float, float]  # points
    text: str


def load_lines(name: str) -> list[TypedLine]:
    out = []
    for row in (LINES / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(row)
        out.append(TypedLine(item["file"], item["page"], tuple(item["box"]), item["text"]))
    return out


# ---- scoring ---------------------------------------------------------------------------------
def clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def distance(a: str, b: str) -> int:
    """Levenshtein distance of two strings."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def bare(text: str) -> str:
    from extractors.textkeys import strip_marks
    return strip_marks(text)


@dataclass
class Score:
    edits: int = 0
    bare_edits: int = 0
    chars: int = 0
    exact: int = 0
    lines: int = 0

    def add(self, found: str, typed: str) -> None:
        found, typed = clean(found), clean(typed)
        self.edits += distance(found, typed)
        self.bare_edits += distance(bare(found), bare(typed))
        self.chars += len(typed)
        self.exact += found == typed
        self.lines += 1


# ---- page images ----------------------------------------------------------------------------
class Pages:
    """Page images as docgen renders them for OCR, cached per (file, page, dpi)."""

    def __init__(self):
        self.cache = {}

    def image(self, file: str, page: int, dpi: int = 300):
        key = (file, page, dpi)
        if key not in self.cache:
            import pypdfium2 as pdfium
            from extractors.readers.ocr import render_page

            pdf = pdfium.PdfDocument(str(DEV_PDF / file))
            try:
                self.cache[key] = render_page(pdf, page - 1, dpi)[0]
            finally:
                pdf.close()
        return self.cache[key]


def centre_in(box, x0, top, x1, bottom) -> bool:
    """Does a word's centre lie in the box, near its middle row? Boxes are padded and hold
    marks above the letters, so they reach into the next line's band: a word belongs to
    the line whose box middle is within 0.3 box heights of its own centre."""
    cx, cy = (x0 + x1) / 2, (top + bottom) / 2
    middle, height = (box[1] + box[3]) / 2, box[3] - box[1]
    return box[0] <= cx <= box[2] and abs(cy - middle) <= 0.3 * height


def words_in(box, words) -> str:
    """The words (text, x0, top, x1, bottom in points) whose centre lies in ``box`` (one
    printed line), left to right."""
    inside = [w for w in words if centre_in(box, *w[1:5])]
    return " ".join(w[0] for w in sorted(inside, key=lambda w: w[1]))


# ---- engines ---------------------------------------------------------------------------------
def tesseract_words(image, args: list[str], dpi: int) -> list[tuple]:
    from extractors.readers.ocr import image_bytes
    from extractors.readers.ocr_cache import cached

    command = ["tesseract", "stdin", "stdout", *args, "--dpi", str(dpi), "tsv"]
    data = image_bytes(image)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    tsv = cached(command, data, lambda: subprocess.run(command, input=data, capture_output=True,
                                                        env=env, check=True).stdout.decode())
    k = 72.0 / dpi
    out = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") == "5" and text:
            x, y = int(row["left"]) * k, int(row["top"]) * k
            out.append((text, x, y, x + int(row["width"]) * k, y + int(row["height"]) * k))
    return out


def tesseract_page(args: list[str], dpi: int = 300):
    def run(pages: Pages, file: str, page: int, boxes):
        words = tesseract_words(pages.image(file, page, dpi), args, dpi)
        return [words_in(box, words) for box in boxes]
    return run


def has_language(name: str) -> bool:
    try:
        listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout
    except OSError:
        return False
    return name in listed.split()


def crops(pages: Pages, file: str, page: int, boxes, dpi: int = 300):
    image = pages.image(file, page, dpi)
    k = dpi / 72.0
    return [image.crop(tuple(int(v * k) for v in box)) for box in boxes]


def tesseract_line(pages: Pages, file: str, page: int, boxes):
    out = []
    for crop in crops(pages, file, page, boxes):
        words = tesseract_words(crop, ["-l", "vie", "--psm", "7"], 300)
        out.append(" ".join(w[0] for w in words))
    return out


def rapidocr_line():
    from rapidocr_onnxruntime import RapidOCR
    import numpy as np

    engine = RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1)

    def run(pages: Pages, file: str, page: int, boxes):
        out = []
        for crop in crops(pages, file, page, boxes):
            result, _ = engine(np.array(crop.convert("RGB")), use_det=False, use_cls=False)
            out.append(" ".join(r[0] for r in result or []))
        return out
    return run


def trueocr_line():
    import numpy as np
    from pathlib import Path as P
    import trueocr
    from trueocr import Recognizer

    recognizer = Recognizer(P(trueocr.__file__).parent / "models", threads=1)

    def run(pages: Pages, file: str, page: int, boxes):
        images = [np.array(c) for c in crops(pages, file, page, boxes)]
        return [p.text for p in recognizer.predict(images)]
    return run


def asterocr_line():
    from asterocr import AsterOCR
    import onnxruntime as ort

    engine = AsterOCR(enable_telemetry=False)
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    engine.session = ort.InferenceSession(engine.model_path, options, providers=["CPUExecutionProvider"])

    def run(pages: Pages, file: str, page: int, boxes):
        return [engine.predict(c.convert("RGB")) for c in crops(pages, file, page, boxes)]
    return run


def docgen_reader(correct: bool):
    """docgen's reading of the page: tesseract as the OCR reader runs it, each line's words
    normalised as OCR text is (specks, glued syllables), then, with ``correct``, through the
    correction stage with the engine's alternatives."""
    def run(pages: Pages, file: str, page: int, boxes):
        from extractors.normalize import normalize_text

        words = reader_words(pages.image(file, page))
        out = []
        for box in boxes:
            inside = sorted((w for w in words if centre_in(box, *w[1:5])), key=lambda w: w[1])
            text = normalize_text(" ".join(w[0] for w in inside), ocr=True)
            if correct:
                from extractors.correct import correct_text
                text = correct_text(text, engine_choices(inside))
            out.append(text)
        return out
    return run


def engine_choices(words) -> dict:
    from extractors.correct.stage import engine_choices as choices
    return choices((w[0], w[5]) for w in words)


def reader_words(image) -> list[tuple]:
    """(text, x0, top, x1, bottom, alternatives) of the words docgen's OCR reader keeps."""
    from extractors.readers import ocr

    found = ocr.read_words(ocr.run_tesseract(ocr.image_bytes(image), ocr.DPI), 72.0 / ocr.DPI)
    return [(w.text, w.x0, w.top, w.x1, w.bottom, w.alternatives) for w in (f.word for f in found)]


def engines() -> list[tuple[str, Callable[[], Callable] | None, str]]:
    """(name, factory of the reader or None when not installed, note)."""
    rows = [
        ("docgen reader (tesseract vie psm 3), as before", lambda: docgen_reader(False), "pipeline"),
        ("docgen reader + correction stage", _if_module("extractors.correct", lambda: docgen_reader(True)),
         "pipeline"),
        ("tesseract vie --psm 3 (page)", lambda: tesseract_page(["-l", "vie", "--psm", "3"]), "tesseract"),
        ("tesseract vie --psm 3 --oem 1", lambda: tesseract_page(["-l", "vie", "--psm", "3", "--oem", "1"]),
         "tesseract"),
        ("tesseract vie --psm 4", lambda: tesseract_page(["-l", "vie", "--psm", "4"]), "tesseract"),
        ("tesseract vie --psm 6", lambda: tesseract_page(["-l", "vie", "--psm", "6"]), "tesseract"),
        ("tesseract vie --psm 3, 400 DPI", lambda: tesseract_page(["-l", "vie", "--psm", "3"], 400),
         "tesseract"),
        ("tesseract vie --psm 7 (line crops)", lambda: tesseract_line, "tesseract"),
        ("tesseract Vietnamese (script) --psm 3",
         (lambda: tesseract_page(["-l", "Vietnamese", "--psm", "3"])) if has_language("Vietnamese") else None,
         "tesseract"),
        ("tesseract vie+Vietnamese --psm 3",
         (lambda: tesseract_page(["-l", "vie+Vietnamese", "--psm", "3"])) if has_language("Vietnamese")
         else None, "tesseract"),
        ("rapidocr-onnxruntime PP-OCRv4 (line crops)", _if_module("rapidocr_onnxruntime", rapidocr_line),
         "pypi"),
        ("trueocr 0.1 (line crops)", _if_module("trueocr", trueocr_line), "pypi"),
        ("asterocr 1.0 (line crops)", _if_module("asterocr", asterocr_line), "pypi"),
    ]
    return rows


def _if_module(name: str, factory):
    import importlib.util
    try:
        found = importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        found = False
    return factory if found else None


def cpu_seconds() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def measure(reader, lines: list[TypedLine], pages: Pages) -> tuple[Score, float, list]:
    by_page: dict[tuple[str, int], list[TypedLine]] = {}
    for line in lines:
        by_page.setdefault((line.file, line.page), []).append(line)
    score, cpu, pairs = Score(), 0.0, []
    for (file, page), group in by_page.items():
        pages.image(file, page)  # rendering is not the engine's time
        start = cpu_seconds()
        found = reader(pages, file, page, [l.box for l in group])
        cpu += cpu_seconds() - start
        for line, text in zip(group, found):
            score.add(text, line.text)
            pairs.append((line, clean(text)))
    return score, cpu / max(len(by_page), 1), pairs


BORN_DIGITAL = {"tune": ["d06.pdf", "d11.pdf", "d35.pdf", "d37.pdf"], "heldout": ["d34.pdf", "d36.pdf"]}


def born_digital(names: list[str], show: bool) -> None:
    """Correct text must come out as it went in: every line of the text layers of the
    born-digital dev PDFs through the correction of OCR lines, words changed counted."""
    from extractors.correct import correct_text
    from extractors.normalize import normalize_document
    from extractors.readers import read

    lines = words = changed = 0
    for name in names:
        raw = normalize_document(read(str(DEV_PDF / name), ocr="never"))
        for line in (ln for page in raw.pages for ln in page.lines):
            out = correct_text(line.text)
            lines, words = lines + 1, words + len(line.text.split())
            diff = sum(a != b for a, b in zip(line.text.split(), out.split()))
            changed += diff + abs(len(line.text.split()) - len(out.split()))
            if show and out != line.text:
                print(f"    {name}: {line.text!r}\n    {'':>{len(name)}}  {out!r}")
    print(f"born-digital text layers through the correction of OCR lines ({', '.join(names)}): "
          f"{lines} lines, {words} words, {changed} changed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="tune", choices=["tune", "heldout"])
    parser.add_argument("--only", choices=["pipeline", "tesseract", "pypi"])
    parser.add_argument("--show", action="store_true", help="print every line that differs")
    args = parser.parse_args()
    if args.only is None and "DOCGEN_OCR_CACHE" in os.environ:
        print("(DOCGEN_OCR_CACHE is set: engine output may come from the cache, CPU figures too)")
    if not DEV_PDF.is_dir():
        sys.exit(f"needs the development corpus at {DEV_PDF}")
    lines = load_lines(args.set)
    pages = Pages()
    print(f"{len(lines)} typed lines ({sum(len(l.text) for l in lines)} characters) on "
          f"{len({(l.file, l.page) for l in lines})} pages of {len({l.file for l in lines})} "
          f"dev scans, set {args.set}")
    print(f"{'engine':<48}{'CER':>8}{'no marks':>10}{'exact lines':>13}{'CPU s/page':>12}")
    for name, factory, group in engines():
        if args.only and group != args.only:
            continue
        if factory is None:
            print(f"{name:<48}{'not installed':>30}")
            continue
        try:
            reader = factory()
        except Exception as exc:  # an engine that cannot start is reported, not fatal
            print(f"{name:<48}  could not start: {exc}")
            continue
        score, cpu, pairs = measure(reader, lines, pages)
        print(f"{name:<48}{score.edits / score.chars:>8.2%}{score.bare_edits / score.chars:>10.2%}"
              f"{score.exact:>7}/{score.lines:<5}{cpu:>12.2f}")
        if args.show:
            for line, text in pairs:
                if text != clean(line.text):
                    print(f"    {line.file} p{line.page}: {text!r}\n    {'':>{len(line.file) + 3}}  "
                          f"{line.text!r}")
    if args.only in (None, "pipeline"):
        born_digital(BORN_DIGITAL[args.set], args.show)


if __name__ == "__main__":
    main()
