"""The one OCR correction stage, between reading and the field modules (issue 10).

``correct_document(raw)`` corrects the lines of the pages read by OCR: marks restored and slips
mended by a Vietnamese syllable language model over the engine's own alternatives
(``stage.py``), province and personal names, the document as witness of its own spelling. A
text layer is judged before it is trusted in ``readers/quality.py`` with the syllable rules of
``syllables.py``. ``model_problem()`` says, once, why correction is off when its data file is
missing or corrupt; extraction then goes on without it.
"""
from __future__ import annotations

from extractors.correct.lm import ModelUnavailable
from extractors.correct.stage import correct_document, correct_text

__all__ = ["ModelUnavailable", "correct_document", "correct_text", "model_problem"]


def model_problem() -> ModelUnavailable | None:
    """Why the language model cannot be used, or None when its file is sound."""
    from extractors.correct import lm

    try:
        lm.checked()
    except ModelUnavailable as exc:
        return exc
    return None
