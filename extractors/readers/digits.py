"""The line recogniser that reads handwritten digits: a small lazy adapter over ONNX Runtime.

The model is PP-OCRv4's text-line recogniser (CTC, 48 pixels high), as shipped inside the
``rapidocr-onnxruntime`` wheel, so it installs with pip and nothing is fetched at run time.
Only its ONNX file and the alphabet stored in the file's metadata are used; rapidocr
itself (and OpenCV) is never imported. ``DOCGEN_DIGITS_MODEL`` names another file of the
same kind.

The session is opened once per process, on first use, with one thread (parallel work
scales by processes, as Tesseract does). A missing or unreadable file raises
``ModelUnavailable`` with a one-line cause, on first use and every time after, so a batch
can say so once at the start and carry on (``status``).

Example: ``recogniser().frames(crop)`` → a (T × 6625) array of class probabilities for a
grey crop of one line; ``recogniser().digit_classes`` → the class of "0" … "9".
"""
from __future__ import annotations

import importlib.util
import math
import os
from pathlib import Path

from docgen.errors import DocgenError

HEIGHT = 48  # the model's input height
MIN_WIDTH = 320  # narrower inputs are padded, as the model was trained
MAX_WIDTH = 1600
DOWNSAMPLE = 8  # input columns per output frame
MODEL_PACKAGE = "rapidocr_onnxruntime"
MODEL_FILE = "models/ch_PP-OCRv4_rec_infer.onnx"
ENV = "DOCGEN_DIGITS_MODEL"


class ModelUnavailable(DocgenError):
    """The recogniser's model file is missing or cannot be loaded; ``str()`` is the line
    to show: "handwriting model /x/y.onnx: no such file"."""


class Recogniser:
    """One ONNX Runtime session of the line recogniser and its alphabet."""

    def __init__(self, path: Path):
        import time

        started = time.process_time()
        self.path = path
        self.session, self.alphabet = _open(path)
        self.load_seconds = time.process_time() - started
        self.looks, self.seconds = 0, 0.0  # crops read and CPU time spent (benchmarks/extract.py)
        self.input = self.session.get_inputs()[0].name
        self.digit_classes = [self.alphabet.index(str(d)) for d in range(10)]
        self.space_class = len(self.alphabet) - 1

    def frame_width(self, crop) -> float:
        """Pixels of ``crop`` per output frame (the model keeps one frame per 8 columns
        of its 48-pixel-high input)."""
        return DOWNSAMPLE * crop.width / _scaled_width(crop)

    def frames(self, crop):
        """Class probabilities (T × classes) of a PIL image of one line of ink."""
        import time

        started = time.process_time()
        import numpy as np
        from PIL import Image

        scaled = _scaled_width(crop)
        grey = crop.convert("L").resize((scaled, HEIGHT), Image.BILINEAR)
        pixels = np.asarray(grey, dtype=np.float32) / 127.5 - 1.0
        batch = np.zeros((1, 3, HEIGHT, max(MIN_WIDTH, scaled)), dtype=np.float32)
        batch[0, :, :, :scaled] = pixels
        probs = self.session.run(None, {self.input: batch})[0][0]
        self.looks += 1
        self.seconds += time.process_time() - started
        return probs


def _scaled_width(crop) -> int:
    width, height = crop.size
    return max(1, min(math.ceil(HEIGHT * width / max(height, 1)), MAX_WIDTH))


_LOADED: dict[str, Recogniser | ModelUnavailable] = {}


def model_path() -> Path:
    """Where the model file is: ``DOCGEN_DIGITS_MODEL``, else inside the installed wheel."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelUnavailable("handwriting model", f"the package {MODEL_PACKAGE.replace('_', '-')} "
                               "is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / MODEL_FILE


def recogniser() -> Recogniser:
    """The process's recogniser, loaded on first call; raises ``ModelUnavailable``."""
    key = os.environ.get(ENV, "")
    if key not in _LOADED:
        try:
            _LOADED[key] = Recogniser(model_path())
        except ModelUnavailable as exc:
            _LOADED[key] = exc
    found = _LOADED[key]
    if isinstance(found, ModelUnavailable):
        raise found
    return found


def status() -> str | None:
    """None when the recogniser loads, else the one-line cause (for a batch's first line)."""
    try:
        recogniser()
    except ModelUnavailable as exc:
        return str(exc)
    return None


def _open(path: Path):
    if not path.is_file():
        raise ModelUnavailable(f"handwriting model {path}", "no such file")
    try:
        import onnxruntime
    except ImportError as exc:
        raise ModelUnavailable("handwriting model", "onnxruntime is not installed") from exc
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    try:
        session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime raises its own kinds for a broken file
        raise ModelUnavailable(f"handwriting model {path}", "not a readable ONNX model") from exc
    characters = session.get_modelmeta().custom_metadata_map.get("character")
    if not characters or "0" not in characters.splitlines():
        raise ModelUnavailable(f"handwriting model {path}", "no digit alphabet in its metadata")
    return session, ["blank", *characters.splitlines(), " "]
