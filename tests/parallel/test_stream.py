"""The chunk streaming of dossier.parallel: input order, bounded in flight, failure isolation."""
from __future__ import annotations

from concurrent.futures import CancelledError, Future

import pytest

from dossier.errors import DossierError
from dossier.models import Article, ArticleFailure
from dossier.parallel.stream import ExecutorLost, chunks, ordered

POISON = "poison"


def article(i: int, text: str = "Un texte ordinaire.") -> Article:
    return Article(raw_text=f"{text} ({i})", source=f"a{i}")


class FakeExecutor:
    """submit(chunk) -> an already resolved Future; records what was in flight."""

    def __init__(self, fail=None):
        self.fail = fail or (lambda part: None)
        self.submitted: list[list[str]] = []
        self.open = 0  # submitted, not yet collected
        self.max_open = 0

    def submit(self, part):
        self.submitted.append([a.source for a in part])
        future = Future()
        exc = self.fail(part)
        if exc is not None:
            future.set_exception(exc)
        else:
            future.set_result([a.source.upper() for a in part])
        self.open += 1
        self.max_open = max(self.max_open, self.open)
        return _Tracked(future, self)


class _Tracked:
    def __init__(self, future, owner):
        self.future, self.owner = future, owner

    def result(self):
        self.owner.open -= 1
        return self.future.result()


@pytest.mark.parametrize("n, size, expected", [
    (0, 3, []), (2, 3, [2]), (3, 3, [3]), (7, 3, [3, 3, 1]), (4, 1, [1, 1, 1, 1]),
])
def test_chunks(n, size, expected):
    assert [len(c) for c in chunks(range(n), size)] == expected


@pytest.mark.parametrize("in_flight", [1, 2, 5])
def test_results_in_input_order_with_a_bounded_number_in_flight(in_flight):
    pool = FakeExecutor()
    out = list(ordered((article(i) for i in range(23)), pool.submit, chunk=4, in_flight=in_flight))
    assert out == [f"A{i}" for i in range(23)]
    assert pool.max_open <= in_flight


def test_a_chunk_that_raises_is_run_again_one_article_at_a_time():
    def fail(part):
        if any(POISON in a.raw_text for a in part):
            return OSError("worker lost")
        return None

    pool = FakeExecutor(fail)
    items = [article(0), article(1, POISON), article(2), article(3)]
    out = list(ordered(items, pool.submit, chunk=3, in_flight=2))
    assert out[0] == "A0" and out[2:] == ["A2", "A3"]
    failure = out[1]
    assert isinstance(failure, ArticleFailure)
    assert (failure.article.source, failure.component, failure.error) == ("a1", "worker", "OSError: worker lost")
    assert pool.submitted == [["a0", "a1", "a2"], ["a3"], ["a0"], ["a1"], ["a2"]]


@pytest.mark.parametrize("exc, kind", [
    (DossierError("spaCy model 'x' is not installed"), DossierError),
    (CancelledError("scheduler gone"), ExecutorLost),
])
def test_configuration_errors_and_a_lost_executor_stop_the_run(exc, kind):
    pool = FakeExecutor(lambda part: exc)
    with pytest.raises(kind):
        list(ordered([article(0), article(1)], pool.submit, chunk=1, in_flight=2))


def test_a_worker_that_answers_for_fewer_articles_than_given_stops_the_run():
    class Short(FakeExecutor):
        def submit(self, part):
            tracked = super().submit(part)
            tracked.future = Future()
            tracked.future.set_result(["only one"])
            return tracked

    with pytest.raises(ExecutorLost, match="returned 1 results for 2 articles"):
        list(ordered([article(0), article(1)], Short().submit, chunk=2, in_flight=1))


def test_the_limit_in_flight_can_change_during_the_run():
    """A cluster whose workers join: the limit is asked again before each submit."""
    pool = FakeExecutor()
    limits = iter([1, 1])  # one worker at first, then three

    def limit():
        return next(limits, 3)

    out = list(ordered((article(i) for i in range(8)), pool.submit, chunk=1, in_flight=limit))
    assert out == [f"A{i}" for i in range(8)]
    assert pool.max_open == 3
