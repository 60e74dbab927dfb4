"""The best reading of a line: one choice per slot, by the language model less the costs.

Viterbi over the slots of a line, the state being the last token of the model read so far (a
dropped sign leaves it as it was); the line opens and closes with a boundary. Slots with one
choice cost one look-up each, so a line of well-read words is cheap.

>>> from extractors.correct.candidates import Choice
>>> slots = [[Choice("vẻ", ("vẻ",), 0.0), Choice("về", ("về",), 5.0)], [Choice("việc", ("việc",), 0.0)]]
>>> best_path(slots)
[1, 0]
"""
from __future__ import annotations

from extractors.correct import lm
from extractors.correct.candidates import Choice
from extractors.correct.tokens import BOUNDARY


def best_path(slots: list[list[Choice]], model: lm.BigramModel | None = None,
              start: str = BOUNDARY) -> list[int]:
    """The index of the chosen choice in each slot; ``start`` is the token before the first
    (the last of the line above, where the line goes on from it)."""
    model = model or lm.load()
    # last token → (score, back pointer: (last token before, choice index))
    states: dict[str, tuple[float, tuple[str, int] | None]] = {start: (0.0, None)}
    history: list[dict[str, tuple[float, tuple[str, int] | None]]] = []
    for choices in slots:
        following: dict[str, tuple[float, tuple[str, int]]] = {}
        for last, (score, _) in states.items():
            for index, choice in enumerate(choices):
                total, end = score - choice.cost, last
                for key in choice.keys:
                    total += model.logp(end, key)
                    end = key
                if end not in following or total > following[end][0]:
                    following[end] = (total, (last, index))
        history.append(following)
        states = following
    end = max(states, key=lambda k: states[k][0] + model.logp(k, BOUNDARY))
    path: list[int] = []
    for step in reversed(history):
        last, index = step[end][1]
        path.append(index)
        end = last
    return path[::-1]
