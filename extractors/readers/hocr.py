"""Words of Tesseract's hOCR, with the other spellings its LSTM weighed for each.

Run with ``-c lstm_choice_mode=2``, Tesseract writes after each word the characters it chose
between at each step, with their confidence ("đôi": ô 93, ổ 72, ố 59, ồ 40). A word's
alternatives are its spellings with one or two such characters swapped in, each with the
engine's confidence in it relative to the character it printed (0–1), the best first; steps
whose choices do not line up with the printed word give none.

Example: the hOCR of a scanned "sửa đôi, bổ sung" gives the word "đôi," with the
alternatives (("đổi,", 0.77), ("đối,", 0.64), ("đồi,", 0.43)).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

MIN_CHOICE = 0.15  # a character the engine believed less than this (relative) is no alternative
MAX_ALTERNATIVES = 6
_LINE = re.compile(r"<span class='ocr_(?:line|header|textfloat|caption)' id='line_\d+_(\d+)'")
_WORD = re.compile(r"<span class='ocrx_word' id='word_\d+_\d+' title='bbox (\d+) (\d+) (\d+) (\d+);"
                   r" x_wconf (\d+)'[^>]*>([^<]*)")
_GROUP = re.compile(r"<span class='ocrx_cinfo' id='lstm_choices_[^']*'>((?:\s*<span class='ocrx_cinfo' "
                    r"id='choice_[^']*' title='x_confs [\d.]+'>[^<]*</span>)+)")
_CHOICE = re.compile(r"title='x_confs ([\d.]+)'>([^<]*)<")


@dataclass(frozen=True)
class HocrWord:
    text: str
    box: tuple[int, int, int, int]  # pixels: left, top, right, bottom
    conf: float
    line: int  # the engine's line number on the page
    alternatives: tuple[tuple[str, float], ...] = ()


def read_hocr(hocr: str) -> list[HocrWord]:
    """The words of one page's hOCR, in the engine's reading order."""
    words: list[HocrWord] = []
    lines = [(m.start(), int(m.group(1))) for m in _LINE.finditer(hocr)]
    matches = list(_WORD.finditer(hocr))
    li = 0
    for n, m in enumerate(matches):
        while li + 1 < len(lines) and lines[li + 1][0] < m.start():
            li += 1
        text = html.unescape(m.group(6)).strip()
        if not text:
            continue
        end = matches[n + 1].start() if n + 1 < len(matches) else len(hocr)
        groups = [_choices(g) for g in _GROUP.findall(hocr, m.end(), end)]
        box = tuple(int(m.group(i)) for i in range(1, 5))
        line = lines[li][1] if lines else 0
        words.append(HocrWord(text, box, float(m.group(5)), line, alternatives(text, groups)))
    return words


def _choices(group: str) -> list[tuple[str, float]]:
    return [(html.unescape(c), float(conf)) for conf, c in _CHOICE.findall(group)]


def alternatives(text: str, groups: list[list[tuple[str, float]]]) -> tuple[tuple[str, float], ...]:
    """Spellings of ``text`` with one or two characters swapped for the engine's second
    choices: (("đổi,", 0.77), …). None when the steps do not line up with ``text``."""
    steps = [g for g in groups if g and g[0][0].strip()]  # the step before a word is its space
    if "".join(g[0][0] for g in steps) != text:
        return ()
    swaps = [(i, c, conf / g[0][1]) for i, g in enumerate(steps) if g[0][1] > 0
             for c, conf in g[1:] if c.strip() and conf / g[0][1] >= MIN_CHOICE]
    found: dict[str, float] = {}
    for k, (i, c, score) in enumerate(swaps):
        found[_swap(text, ((i, c),))] = max(found.get(_swap(text, ((i, c),)), 0.0), score)
        for j, d, other in swaps[k + 1:]:
            if j != i:
                both = _swap(text, ((i, c), (j, d)))
                found[both] = max(found.get(both, 0.0), score * other)
    ranked = sorted(found.items(), key=lambda kv: -kv[1])[:MAX_ALTERNATIVES]
    return tuple((spelling, round(min(score, 1.0), 3)) for spelling, score in ranked)


def _swap(text: str, swaps) -> str:
    chars = list(text)
    for i, c in swaps:
        chars[i] = c
    return "".join(chars)
