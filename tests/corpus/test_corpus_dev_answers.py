"""Search, targets, graph, show, export and stats answer on the dev corpus exactly what the
code before the index rework (issue 14) answered: ids, order, BM25 scores, numbers, and a
digest of every other value. The expected answers were captured from that code with
``python -m tests.corpus.dev_answers`` (see tests/corpus/dev_answers.py)."""
import json

import pytest

from tests.corpus import dev_answers
from tests.corpus.conftest import needs_dev

EXPECTED = json.loads(dev_answers.ANSWERS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def answers(tmp_path_factory):
    corpus = dev_answers.build(tmp_path_factory.mktemp("dev-answers") / "dev.db")
    try:
        yield json.loads(json.dumps(dev_answers.answers(corpus), ensure_ascii=False))
    finally:
        corpus.close()


@needs_dev
@pytest.mark.parametrize("label", list(EXPECTED))
def test_the_same_answer_as_before_the_rework(answers, label):
    assert answers[label] == EXPECTED[label]


@needs_dev
def test_every_call_is_compared(answers):
    assert sorted(answers) == sorted(EXPECTED)
