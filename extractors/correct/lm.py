"""The syllable language model: bigram counts of Vietnamese administrative text, one data file.

``data/syllable_lm.tsv.gz`` is built by ``python -m extractors.correct.build`` from text the
project may ship (see there). It holds, for each token (``tokens.py``), how often it opens a
bigram and how many different tokens follow and precede it, and the bigram counts seen at
least twice. Probabilities are interpolated Kneser–Ney (discount 0.75): a pair never seen
still gets the share its second token has as a continuation.

>>> model = load()
>>> model.logp("triển", "khai") > model.logp("triên", "khai")
True

A missing or corrupt file raises ``ModelUnavailable`` naming the file and the cause; the
body's SHA-256 is written in the header and checked on load.
"""
from __future__ import annotations

import functools
import gzip
import hashlib
import math
from dataclasses import dataclass
from pathlib import Path

from docgen.errors import DocgenError

PATH = Path(__file__).resolve().parents[1] / "data" / "syllable_lm.tsv.gz"
FORMAT = "docgen-vn syllable bigrams 1"
DISCOUNT = 0.75


class ModelUnavailable(DocgenError):
    """The model file is missing or corrupt: OCR text is then left uncorrected."""

    def __init__(self, path: Path, cause: str):
        super().__init__(str(path), cause)
        self.path = path


@dataclass
class Unigram:
    opens: int  # bigrams it opens
    follow_types: int  # different tokens after it
    precede_types: int  # different tokens before it


class BigramModel:
    def __init__(self, unigrams: dict[str, Unigram], bigrams: dict[tuple[str, str], int],
                 bigram_types: int):
        self.unigrams, self.bigrams = unigrams, bigrams
        self.denominator = bigram_types + 0.5 * (len(unigrams) + 1)
        self.logp = functools.lru_cache(maxsize=262144)(self._logp)

    def known(self, token: str) -> bool:
        return token in self.unigrams

    def continuation(self, token: str) -> float:
        """How readily ``token`` follows new words (Kneser–Ney's lower order)."""
        seen = self.unigrams.get(token)
        return ((seen.precede_types if seen else 0) + 0.5) / self.denominator

    def _logp(self, before: str, token: str) -> float:
        history = self.unigrams.get(before)
        if history is None or history.opens == 0:
            return math.log(self.continuation(token))
        seen = self.bigrams.get((before, token), 0)
        direct = max(seen - DISCOUNT, 0.0) / history.opens
        spread = DISCOUNT * history.follow_types / history.opens
        return math.log(direct + spread * self.continuation(token))


def load(path: Path | None = None) -> BigramModel:
    """The model of ``path``, by default the package's (read once)."""
    return _load_default() if path is None else read(path)


@functools.cache
def _load_default() -> BigramModel:
    return read(PATH)


def read(path: Path) -> BigramModel:
    header, body = checked(path)
    try:
        return _parse(body.decode("utf-8"), int(header["bigram-types"]))
    except (ValueError, KeyError, IndexError) as exc:
        raise ModelUnavailable(path, f"corrupt ({exc})") from exc


def checked(path: Path | None = None) -> tuple[dict[str, str], bytes]:
    """(header, body) of the model file once its checksum is found right; a quick look
    (about 30 ms) that commands take at start, before any document is read."""
    path = path or PATH
    try:
        with gzip.open(path, "rb") as handle:
            data = handle.read()
    except (OSError, EOFError) as exc:
        raise ModelUnavailable(path, _reason(exc)) from exc
    if not data:
        raise ModelUnavailable(path, "empty (rebuild it: python -m extractors.correct.build)")
    header, body = _split(path, data)
    if hashlib.sha256(body).hexdigest() != header.get("body-sha256"):
        raise ModelUnavailable(path, "corrupt (its contents do not match the checksum in its header)")
    return header, body


def _reason(exc: Exception) -> str:
    if isinstance(exc, FileNotFoundError):
        return "missing (run: python -m extractors.correct.build)"
    return f"unreadable ({exc})"


def _split(path: Path, data: bytes) -> tuple[dict[str, str], bytes]:
    header: dict[str, str] = {}
    pos = 0
    while data.startswith(b"# ", pos):
        end = data.index(b"\n", pos)
        key, _, value = data[pos + 2:end].decode("utf-8").partition(": ")
        header[key] = value
        pos = end + 1
    if header.get("format") != FORMAT:
        raise ModelUnavailable(path, f"not a model of format '{FORMAT}'")
    return header, data[pos:]


def _parse(body: str, bigram_types: int) -> BigramModel:
    unigrams: dict[str, Unigram] = {}
    bigrams: dict[tuple[str, str], int] = {}
    for row in body.splitlines():
        kind, *fields = row.split("\t")
        if kind == "U":
            token, opens, follow, precede = fields
            unigrams[token] = Unigram(int(opens), int(follow), int(precede))
        elif kind == "B":
            before, token, count = fields
            bigrams[(before, token)] = int(count)
        else:
            raise ValueError(f"unknown row kind {kind!r}")
    return BigramModel(unigrams, bigrams, bigram_types)
