"""``--workers N``: a persistent local pool. A worker killed by one article loses only that
article; workers that cannot run at all stop the run with one line. No model is loaded here:
the chunk function is replaced (forked workers inherit the replacement)."""
from __future__ import annotations

import os

import dask
import pytest

from dossier.config import Settings
from dossier.models import Article, ArticleFailure
from dossier.parallel import ExecutorLost, process_parallel, tasks

MARK = "Zorglub"


def _dying_chunk(articles, settings, write=False):
    """Kills its worker process on an article that names MARK, as a crash in native code would."""
    if any(MARK in a.raw_text for a in articles):
        os._exit(3)
    return [(os.getpid(), a.source) for a in articles]


def _always_dying(articles, settings, write=False):
    os._exit(3)


def _no_model(settings, write=False):
    return None


@pytest.fixture()
def forked(monkeypatch):
    monkeypatch.setattr(tasks, "warm_up", _no_model)
    with dask.config.set({"multiprocessing.context": "fork"}):
        yield monkeypatch


def articles(n, poisoned=()):
    return [Article(raw_text=f"Article {i}" + (f" sur M. {MARK}" if i in poisoned else ""), source=f"a{i}")
            for i in range(n)]


def test_a_worker_killed_by_one_article_loses_only_that_article(forked):
    forked.setattr(tasks, "run_chunk", _dying_chunk)
    out = list(process_parallel(articles(10, poisoned={5}), Settings(), workers=2, chunk=2))
    assert [r.article.source if isinstance(r, ArticleFailure) else r[1] for r in out] == [f"a{i}" for i in range(10)]
    failed = [r for r in out if isinstance(r, ArticleFailure)]
    assert [(f.article.source, f.component) for f in failed] == [("a5", "worker")]
    assert "terminated abruptly" in failed[0].error


def test_the_pool_is_started_once_for_the_whole_run(forked):
    """Two worker processes serve every chunk (the old code started a pool per chunk)."""
    forked.setattr(tasks, "run_chunk", _dying_chunk)
    out = list(process_parallel(articles(40), Settings(), workers=2, chunk=2))
    assert len(out) == 40 and len({pid for pid, _ in out}) <= 2


def test_workers_that_cannot_run_stop_the_run_with_one_error(forked):
    forked.setattr(tasks, "run_chunk", _always_dying)
    with pytest.raises(ExecutorLost, match="died 4 times in a row"):
        list(process_parallel(articles(6), Settings(), workers=2, chunk=2))


def _echo_chunk(articles, settings, write=False):
    return [(os.getpid(), a.source, write) for a in articles]


def _no_model_here(settings):
    raise AssertionError("the client loaded the model")


def test_an_open_pool_serves_several_streams_and_may_send_records_back(forked):
    """``dossier ingest`` keeps its pool for the cross-article re-dating: a second stream runs on
    the same two processes, and asks for records back even from workers that store articles."""
    from dossier.parallel.local import LocalPool

    forked.setattr(tasks, "run_chunk", _echo_chunk)
    pool = LocalPool(Settings(), 2, write=True)
    with pool:
        assert not pool.started
        first = list(process_parallel(articles(6), Settings(), pool=pool, write=True, chunk=2))
        assert pool.started
        second = list(process_parallel(articles(4), Settings(), pool=pool, write=False, chunk=2))
    assert [s for _, s, _ in first] == [f"a{i}" for i in range(6)] and all(w for *_, w in first)
    assert [s for _, s, _ in second] == [f"a{i}" for i in range(4)] and not any(w for *_, w in second)
    assert len({pid for pid, *_ in first + second}) <= 2
    assert not pool.started  # closed


def test_redating_runs_on_the_ingests_workers_once_they_run(forked):
    from dossier import pipeline
    from dossier.ingest import reprocessor
    from dossier.parallel.local import LocalPool

    forked.setattr(tasks, "run_chunk", _echo_chunk)
    forked.setattr(pipeline, "cached_nlp", _no_model_here)
    pool = LocalPool(Settings(), 2)
    with pool:
        list(process_parallel(articles(2), Settings(), pool=pool, chunk=2))
        out = reprocessor(Settings(), pool)(articles(3))
    assert [s for _, s, _ in out] == ["a0", "a1", "a2"]


def test_redating_stays_in_this_process_when_the_workers_never_started(forked):
    from dossier import pipeline
    from dossier.ingest import reprocessor
    from dossier.parallel.local import LocalPool

    forked.setattr(pipeline, "cached_nlp", lambda settings: "the client's model")
    forked.setattr(pipeline, "process_many", lambda items, nlp, batch_size=16: [(nlp, a.source) for a in items])
    with LocalPool(Settings(), 2) as pool:
        out = reprocessor(Settings(), pool)(articles(2))
        assert not pool.started
    assert out == [("the client's model", "a0"), ("the client's model", "a1")]


def test_redating_falls_back_to_this_process_when_the_workers_are_gone(forked):
    from dossier import pipeline
    from dossier.ingest import reprocessor
    from dossier.parallel.local import LocalPool

    forked.setattr(tasks, "run_chunk", _echo_chunk)
    forked.setattr(pipeline, "cached_nlp", lambda settings: "the client's model")
    forked.setattr(pipeline, "process_many", lambda items, nlp, batch_size=16: [(nlp, a.source) for a in items])
    with LocalPool(Settings(), 2) as pool:
        list(process_parallel(articles(2), Settings(), pool=pool, chunk=2))
        forked.setattr(tasks, "run_chunk", _always_dying)  # from now on every chunk kills its worker
        out = reprocessor(Settings(batch_size=2), pool)(articles(8))  # (one lost article is a failure; all: lost pool)
    assert out == [("the client's model", f"a{i}") for i in range(8)]
