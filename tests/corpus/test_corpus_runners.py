"""Runners hand back every call's result, in any order, and survive a worker process dying."""
import os

import pytest

from corpus.runners import ProcessRunner, SerialRunner, make_runner


def square_or_die(n: int) -> int:
    if n == 3:
        os._exit(9)  # a reader crashing the whole process (a segfault in a C library)
    return n * n


def square(n: int) -> int:
    return n * n


@pytest.mark.parametrize("runner", [SerialRunner(square), ProcessRunner(square, jobs=2)])
def test_every_item_comes_back_with_its_tag(runner):
    with runner:
        results = {tag: (value, error) for tag, value, error in
                   runner.run((f"f{n}", (n,)) for n in range(10))}
    assert results == {f"f{n}": (n * n, None) for n in range(10)}


def test_a_dead_worker_fails_its_calls_and_the_run_goes_on():
    with ProcessRunner(square_or_die, jobs=2) as runner:
        results = {tag: (value, error) for tag, value, error in
                   runner.run((n, (n,)) for n in range(12))}
    assert sorted(results) == list(range(12))
    assert results[3][0] is None and type(results[3][1]).__name__ == "BrokenProcessPool"
    assert results[11] == (121, None)  # calls after the crash ran on a new pool
    assert sum(1 for value, error in results.values() if error is None) >= 8


def test_make_runner_picks_by_options():
    assert isinstance(make_runner(square, jobs=1), SerialRunner)
    assert isinstance(make_runner(square, jobs=3), ProcessRunner)
