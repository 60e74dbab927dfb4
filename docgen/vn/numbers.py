"""Numbers in Vietnamese words (for sums of money, counts) and Roman numerals (Phần, Chương, Mục).

>>> number_to_words(21), number_to_words(15), number_to_words(105)
('hai mươi mốt', 'mười lăm', 'một trăm linh năm')
>>> number_to_words(1_250_000_000)
'một tỷ hai trăm năm mươi triệu'
>>> roman(2024)
'MMXXIV'
"""
from __future__ import annotations

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
# groups of three digits, from the lowest; "tỷ" repeats above (nghìn tỷ, triệu tỷ)
_GROUP_NAMES = ("", "nghìn", "triệu")
_BILLION = 1_000_000_000


def _tens_and_units(n: int) -> list[str]:
    """0–99 as words, with the special forms mười, mốt, lăm (n > 0)."""
    tens, units = divmod(n, 10)
    if tens == 0:
        return [DIGITS[units]]
    words = ["mười"] if tens == 1 else [DIGITS[tens], "mươi"]
    if units == 1 and tens > 1:
        words.append("mốt")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(DIGITS[units])
    return words


def _hundreds(n: int, full: bool) -> list[str]:
    """0–999 as words; ``full`` writes 'không trăm' / 'linh' for a group inside a bigger number."""
    hundreds, rest = divmod(n, 100)
    words: list[str] = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
        if rest and rest < 10:
            words.append("linh")
    if rest:
        words += _tens_and_units(rest)
    return words


def _below_billion(n: int, full: bool) -> list[str]:
    groups = []
    while n:
        n, group = divmod(n, 1000)
        groups.append(group)
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if not group:
            continue
        inner = full or index < len(groups) - 1
        words += _hundreds(group, inner)
        if _GROUP_NAMES[index]:
            words.append(_GROUP_NAMES[index])
    return words


def _words(n: int, full: bool) -> list[str]:
    if n >= _BILLION:
        high, low = divmod(n, _BILLION)
        words = _words(high, full) + ["tỷ"]
        return words + (_below_billion(low, True) if low else [])
    return _below_billion(n, full)


def number_to_words(n: int) -> str:
    """A whole number in words: 1005 → 'một nghìn không trăm linh năm'."""
    if n < 0:
        return "âm " + number_to_words(-n)
    if n == 0:
        return DIGITS[0]
    return " ".join(_words(int(n), False))


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    """1–3999 in Roman numerals: 4 → 'IV'."""
    if not 0 < n < 4000:
        raise ValueError(f"Roman numerals go from 1 to 3999, not {n}")
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)
