"""Reading what was written by hand in a blank of the form: digits and how sure we are.

The crop of a blank (``blanks.Blank``) starts with the printed lead word ("Số:",
"ngày", "tháng"). The recogniser (``digits``) reads the crop once; its greedy reading
(``ctc.emissions``) shows where the lead's letters end — "S", "ố", ":" — even when the
written digits touch them, and the frames after it are decoded over digits only
(``ctc.digit_candidates``), so a written "2" the model found a little like "Q" is read
as the digit it must be.

A reading keeps the best digit strings with their share of the probability (the empty
string for a blank left empty) and how much the recogniser saw digits at all in the
frames it used (a letter or a smudge gives a low ``digitness``, and so does ink it wrote
no digit for). ``fields.handwritten`` weighs them against the printed month and year and
the signing time before any is trusted.

Example: the blank of "Số: 299 /UBND-TTHC" written with a felt tip reads as
``HandReading("number", (("299", 0.80), ("899", 0.09), …), digitness=0.80, …)``.
"""
from __future__ import annotations

import dataclasses

from extractors.readers import ctc, digits
from extractors.readers.blanks import Blank, find_blanks
from extractors.readers.digits import Recogniser
from extractors.readers.layout import Word, form_key
from extractors.readers.model import HandReading, Line
from extractors.textkeys import ocr_digits

# how a recogniser reading Latin letters renders the "o" of "Số" when it misses the mark
_LIKE_O = set("o06ôơ")
NEAR = 60.0  # points: a blank's reading goes to a line at most this far to its side
SLACK = 2.5  # frames (about a third of a digit) between OCR's trail and the recogniser's
SECOND_LOOK = 0.15  # a first reading at least this sure gets more looks …
STRETCHES = (1.15, 1.35)  # … at the crop stretched across this many times
INK_SHARE = 0.03  # of a frame's pixels dark: ink there, not a speck
NEAR_FRAMES = 2  # an inked frame this close to a written digit belongs to it
_DARK_LUT = [255 if v < 140 else 0 for v in range(256)]


def read_blanks(lines: list[list[Word]], hand: list[Word], image, scale: float,
                page_height: float) -> tuple[list[HandReading], str | None]:
    """The readings of the form's blanks among OCR ``lines`` (page coordinates as OCR gave
    them), each marked ``hand`` when one of the ``hand`` words lies in it; with the
    recogniser unavailable, no reading and the cause."""
    found = [(b, any(_inside(w, b.box) for w in hand)) for b in find_blanks(lines, page_height)]
    found = [(b, written) for b, written in found if written or not _printed_month(b)]
    if not found:
        return [], None
    try:
        model = digits.recogniser()
    except digits.ModelUnavailable as exc:
        return [], f"handwritten digits not read: {exc}"
    readings = []
    for blank, written in found:
        reading = read_blank(model, image, blank, scale)
        if reading is not None:
            readings.append(dataclasses.replace(reading, hand=written))
    return readings, None


def _printed_month(blank: Blank) -> bool:
    """A month Tesseract read cleanly ("01", "12") and no ink judged handwritten: print,
    not worth a look (the number and the day are always looked at: a handwritten digit
    Tesseract misread as clean print is what the look is for)."""
    return blank.kind == "month" and blank.seen.isdigit() and 1 <= int(blank.seen) <= 12


def attach(lines: list[Line], readings: list[HandReading], slope: float) -> list[Line]:
    """``lines`` with each reading put on the line that holds the middle of its blank
    (``slope``: the skew ``ocr`` took out of the line boxes, to be taken out here too)."""
    out = list(lines)
    for reading in readings:
        x0, top, x1, bottom = reading.box
        x, y = (x0 + x1) / 2, (top + bottom) / 2 - slope * (x0 + x1) / 2
        best = _holding(out, x, y)
        if best is not None:
            out[best] = dataclasses.replace(out[best], readings=out[best].readings + (reading,))
    return out


def _holding(lines: list[Line], x: float, y: float) -> int | None:
    """The line at height ``y`` nearest ``x`` (within ``NEAR`` points): OCR may have
    dropped the lead word, leaving "/TTr-UBND" to the right of the blank's middle."""
    best, best_gap = None, NEAR
    for i, line in enumerate(lines):
        if None in (line.x0, line.top, line.x1, line.bottom) or not line.top <= y <= line.bottom:
            continue
        gap = max(line.x0 - x, x - line.x1, 0.0)
        if gap <= best_gap:
            best, best_gap = i, gap
    return best


def _inside(word: Word, box: tuple[float, float, float, float]) -> bool:
    x, y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def read_blank(model: Recogniser, image, blank: Blank, scale: float) -> HandReading | None:
    """The reading of ``blank`` on ``image`` (grey, ``scale`` pixels per point), or None
    when the crop is empty.

    A reading that may be used — the recogniser disagrees with Tesseract, and it is not
    hopeless — gets more looks at the crop stretched in width (``STRETCHES``): the lists
    of strings and the digitness are averaged over the looks, so a reading that changes
    with the look loses confidence (on the TUNE scans and the generated forms this kept
    the numbers filled right from 67 of 69 to 56 of 57, and read more of the real ones).
    """
    x0, top, x1, bottom = (round(v * scale) for v in blank.box)
    crop = image.crop((max(x0, 0), max(top, 0), min(x1, image.width), min(bottom, image.height)))
    if crop.width < 4 or crop.height < 4:
        return None
    first = _look(model, crop, blank, scale)
    if first is None:
        return None
    reading = HandReading(blank.kind, *first, blank.seen, blank.box)
    if reading.best and reading.candidates[0][1] * reading.digitness >= SECOND_LOOK \
            and reading.best != ocr_digits(blank.seen.replace(" ", "")):
        looks = [first] + [_look(model, crop.resize((round(crop.width * k), crop.height)),
                                 blank, scale * k) for k in STRETCHES]
        looks = [look for look in looks if look is not None]
        reading = HandReading(blank.kind, _average([look[0] for look in looks]),
                              round(sum(look[1] for look in looks) / len(looks), 4),
                              blank.seen, blank.box)
    return reading


def _look(model: Recogniser, crop, blank: Blank, scale: float):
    """(candidates, digitness) of one crop of the blank (``scale``: its pixels per point
    across)."""
    frames = model.frames(crop)
    seen = [e for e in ctc.emissions(frames, model.alphabet) if e.char.strip()]
    start = lead_end(seen, blank.spelled)
    per_frame = model.frame_width(crop) / scale  # points of the page per frame
    stop = trail_start(seen, (blank.trail_x - blank.box[0]) / per_frame, len(frames),
                       blank.trail_sign)
    rest = frames[start:max(stop, start)]
    candidates = ctc.digit_candidates(rest, model.digit_classes, model.space_class)
    if not candidates:
        return None
    digitness = _digitness(rest, model.digit_classes, model.space_class)
    digitness *= _accounted(crop, model.frame_width(crop), rest, start,
                            model.digit_classes, model.space_class)
    return tuple((c.digits, round(c.share, 4)) for c in candidates), round(digitness, 4)


def _accounted(crop, frame_px: float, frames, first: int, digits: list[int], space: int) -> float:
    """The share of the blank's inked frames that lie next to a digit the reading writes.

    A clerk reads every mark in the blank: a stroke the recogniser wrote no digit for (a
    thin "8" beside a bold "2") means the reading is incomplete, and its confidence falls.
    """
    grey = crop.convert("L").point(_DARK_LUT)
    inked, covered = 0, 0
    sub = frames[:, [0, *digits]].copy()
    sub[:, 0] += frames[:, space]
    written = {t for t, k in enumerate(sub.argmax(axis=1)) if k != 0}
    for t in range(len(frames)):
        x0, x1 = round((first + t) * frame_px), round((first + t + 1) * frame_px)
        if x1 <= x0 or x0 >= grey.width:
            break
        if grey.crop((x0, 0, min(x1, grey.width), grey.height)).histogram()[255] \
                < INK_SHARE * (x1 - x0) * grey.height:
            continue
        inked += 1
        covered += any(abs(t - w) <= NEAR_FRAMES for w in written)
    return covered / inked if inked else 1.0


def _average(lists) -> tuple[tuple[str, float], ...]:
    """Candidate lists averaged string by string, best first."""
    shares: dict[str, float] = {}
    for candidates in lists:
        for digits, share in candidates:
            shares[digits] = shares.get(digits, 0.0) + share / len(lists)
    return tuple(sorted(((d, round(s, 4)) for d, s in shares.items()), key=lambda p: -p[1]))


def lead_end(seen: list[ctc.Emission], spelled: str) -> int:
    """The first frame after the printed lead word among the emissions ``seen``.

    The lead is the shortest prefix of the emissions closest (edit distance, letters
    folded, "6" or "0" allowed for the "o" of "Số") to how the lead is ``spelled``;
    with nothing like it, the crop starts at frame 0.
    """
    folded = [_fold(e.char) for e in seen]
    best, best_cost = 0, len(spelled)
    for k in range(1, min(len(seen), len(spelled) + 2) + 1):
        cost = _distance(folded[:k], spelled)
        if cost < best_cost:
            best, best_cost = k, cost
    if best == 0 or best_cost > len(spelled) // 2:
        return 0
    return seen[best - 1].last + 1


def trail_start(seen: list[ctc.Emission], expected: float, frames: int, sign: str) -> int:
    """The frame where the printed trail ("/BC-UBND", "tháng") begins: its first ``sign``
    ("/", "t") within ``SLACK`` frames of where OCR put it (``expected``); else (the writing
    ran into the trail, or the recogniser missed the sign) the first letter or sign from
    there on, so that a digit touching the trail is kept whole; else the frame OCR gives."""
    near = [e for e in seen if e.frame >= expected - SLACK]
    for e in near:
        if e.frame <= expected + SLACK and _fold(e.char) == sign:
            return e.frame
    for e in near:
        if not e.char.isdigit():
            return e.frame
    return min(max(int(round(expected)), 0), frames)


def _fold(char: str) -> str:
    key = form_key(char) or char
    return "o" if char.lower() in _LIKE_O or key in _LIKE_O else key


def _distance(chars: list[str], spelled: str) -> int:
    row = list(range(len(spelled) + 1))
    for i, a in enumerate(chars, 1):
        previous, row[0] = row[0], i
        for j, b in enumerate(spelled, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (a != b))
    return row[-1]


def _digitness(frames, digits: list[int], space: int) -> float:
    """The least digit share over the frames of the blank where the recogniser sees ink
    (its best class is neither blank nor space): a written sign it took for a letter
    lowers it."""
    shares = ctc.digit_share(frames, digits, space)
    best = frames.argmax(axis=1)
    inked = (best != 0) & (best != space)
    return float(shares[inked].min()) if inked.any() else 0.0
