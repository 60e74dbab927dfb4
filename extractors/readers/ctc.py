"""Decoding a line recogniser's frame probabilities (CTC): what it saw, and digits only.

A CTC recogniser gives, for each of T frames across the image, a probability per class
(class 0 is "blank": nothing new here). Two readings of the same frames:

- ``emissions``: the best class of each frame, repeats and blanks dropped, with the frame
  where each character starts — "S", "ố", ":", "2", "9", "9" for "Số: 299", so the caller
  can tell where the printed word of the form ends and the blank begins;
- ``digit_candidates``: a prefix beam search over the blank and the ten digit classes
  only, so a pen's "2" that the recogniser thought a little more like "Q" is still read
  as the digit it must be. Each candidate carries its share of the probability of the
  best strings found (the empty string among them: nothing written), which is what the
  confidence of a reading starts from.

Example: frames whose best classes run "2, 2, blank, 9, blank, 9" emit "299" at frames
0, 3 and 5; the digit search returns ("299", 0.93), ("29", 0.05), … .
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

BEAM = 12  # prefixes kept at each frame
TOP = 8  # candidates returned


@dataclass(frozen=True)
class Emission:
    char: str
    frame: int  # first frame of the character
    last: int  # last frame of the character
    prob: float  # its best frame probability


@dataclass(frozen=True)
class Candidate:
    digits: str
    share: float  # probability over the candidates returned (they sum to 1)


def emissions(probs: np.ndarray, alphabet: list[str]) -> list[Emission]:
    """The greedy reading of ``probs`` (T × classes), one item per character."""
    best = probs.argmax(axis=1)
    out: list[Emission] = []
    previous = 0
    for t, k in enumerate(best):
        k = int(k)
        if k != 0 and k == previous and out:
            last = out[-1]
            out[-1] = Emission(last.char, last.frame, t, max(last.prob, float(probs[t, k])))
        elif k != 0:
            out.append(Emission(alphabet[k], t, t, float(probs[t, k])))
        previous = k
    return out


def digit_share(probs: np.ndarray, digits: list[int], space: int) -> np.ndarray:
    """Per frame, the share of the ink probability (neither blank nor the ``space``
    class) that falls on digits: 1 where a frame is all digit, near 0 where the
    recogniser sees a letter or a sign."""
    ink = 1.0 - probs[:, 0] - probs[:, space]
    return np.where(ink > 1e-6, probs[:, digits].sum(axis=1) / np.maximum(ink, 1e-6), 1.0)


def digit_candidates(probs: np.ndarray, digits: list[int], space: int, beam: int = BEAM,
                     top: int = TOP) -> list[Candidate]:
    """The most probable digit strings of ``probs`` with ``digits`` the class index of
    "0" … "9"; the ``space`` class counts as blank (nothing written), and frames are
    renormalised over blank + digits (each frame's factor is the same for every string,
    so the ranking is that of the full model)."""
    sub = probs[:, [0, *digits]].astype(np.float64)
    sub[:, 0] += probs[:, space]
    sub /= np.maximum(sub.sum(axis=1, keepdims=True), 1e-12)
    beams: dict[tuple[int, ...], tuple[float, float]] = {(): (1.0, 0.0)}  # (ends in blank, not)
    for frame in sub:
        beams = _step(beams, frame, beam)
    scored = sorted(((p_b + p_nb, prefix) for prefix, (p_b, p_nb) in beams.items()),
                    reverse=True)[:top]
    total = sum(p for p, _ in scored) or 1.0
    return [Candidate("".join(str(k - 1) for k in prefix), p / total) for p, prefix in scored]


def _step(beams, frame: np.ndarray, width: int):
    """One frame of the CTC prefix beam search."""
    nxt: dict[tuple[int, ...], list[float]] = defaultdict(lambda: [0.0, 0.0])
    blank = float(frame[0])
    for prefix, (p_b, p_nb) in beams.items():
        entry = nxt[prefix]
        entry[0] += (p_b + p_nb) * blank
        if prefix:
            entry[1] += p_nb * float(frame[prefix[-1]])  # the same character goes on
        for k in range(1, len(frame)):
            p = float(frame[k])
            if p < 1e-4:
                continue
            longer = nxt[prefix + (k,)]
            longer[1] += (p_b if prefix and prefix[-1] == k else p_b + p_nb) * p
    ranked = sorted(nxt.items(), key=lambda item: -(item[1][0] + item[1][1]))[:width]
    return {prefix: (p[0], p[1]) for prefix, p in ranked}
