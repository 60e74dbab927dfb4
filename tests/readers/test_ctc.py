"""CTC decoding of a recogniser's frames: the greedy reading with its frames, and the digit
strings of a digits-only beam search with their shares."""
from __future__ import annotations

import numpy as np
import pytest

from extractors.readers import ctc

# a toy alphabet: blank, "S", ":", "0" … "9", "Q", space
ALPHABET = ["blank", "S", ":", *"0123456789", "Q", " "]
DIGITS = [ALPHABET.index(str(d)) for d in range(10)]
SPACE = ALPHABET.index(" ")


def frames(*rows: dict[str, float]) -> np.ndarray:
    """One row per frame: {"char": probability}, the rest of the mass on blank."""
    out = np.zeros((len(rows), len(ALPHABET)))
    for t, row in enumerate(rows):
        for char, p in row.items():
            out[t, ALPHABET.index(char)] = p
        out[t, 0] += 1.0 - out[t].sum()
    return out


def test_emissions_merge_repeats_and_keep_their_frames():
    probs = frames({"S": 0.9}, {":": 0.8}, {}, {"2": 0.7}, {"2": 0.9}, {}, {"9": 0.6})
    got = [(e.char, e.frame, e.last, round(e.prob, 2)) for e in ctc.emissions(probs, ALPHABET)]
    assert got == [("S", 0, 0, 0.9), (":", 1, 1, 0.8), ("2", 3, 4, 0.9), ("9", 6, 6, 0.6)]


def test_a_letter_is_read_as_the_digit_it_must_be():
    # the model thought the first sign a "Q" (0.6), a "2" (0.3): digits only, it is a 2
    probs = frames({"Q": 0.6, "2": 0.3}, {}, {"9": 0.95}, {}, {"9": 0.95})
    best = ctc.digit_candidates(probs, DIGITS, SPACE)[0]
    assert best.digits == "299" and best.share == pytest.approx(0.677, abs=1e-3)


def test_shares_sum_to_one_and_an_empty_blank_reads_empty():
    probs = frames({}, {" ": 0.9}, {}, {"1": 0.05})
    found = ctc.digit_candidates(probs, DIGITS, SPACE)
    assert found[0].digits == ""
    assert sum(c.share for c in found) == pytest.approx(1.0)


def test_a_repeated_digit_needs_a_blank_between():
    probs = frames({"7": 0.9}, {}, {"7": 0.9})
    assert ctc.digit_candidates(probs, DIGITS, SPACE)[0].digits == "77"
    probs = frames({"7": 0.9}, {"7": 0.9})
    assert ctc.digit_candidates(probs, DIGITS, SPACE)[0].digits == "7"


def test_digit_share_is_low_where_a_letter_is_seen():
    probs = frames({"Q": 0.8, "2": 0.1}, {"4": 0.9}, {" ": 0.99})
    shares = ctc.digit_share(probs, DIGITS, SPACE)
    assert shares.round(2).tolist() == [0.11, 1.0, 1.0]
