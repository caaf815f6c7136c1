"""Two ``dossier ingest`` processes writing one PostgreSQL database at once over the same 40
articles: 40 articles, no duplicate article, entity or storyline, and the same storylines as one
serial ingest. Article ids differ between the runs (whoever commits first), so storylines are
compared by what they say and by their sources named by content hash."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import store_corpus

from dossier.config import Settings
from dossier.store import open_store

pytestmark = pytest.mark.slow


def storylines(db: str) -> list[tuple]:
    """Every storyline as (what it says, its sources as (article content hash, event index))."""
    store = open_store(Settings(db=db), readonly=True)
    try:
        with store.snapshot():
            article_hash = {a["id"]: a["content_hash"] for a in store.article_index()}
            event = {r["id"]: (article_hash[r["article_id"]], r["idx"]) for r in store.record_refs("events")}
            out = []
            for s in store.timeline(limit=100_000):
                sources = tuple(sorted(event[src["event_id"]] for src in s["sources"]))
                people = tuple(sorted(json.dumps(p, sort_keys=True) for p in s["participants"]))
                out.append((s["type"], s["plover"], s["date"], s["date_precision"], s["place_id"], s["status"],
                            people, json.dumps(_by_hash(s["details"], article_hash), sort_keys=True),
                            s["n_sources"], s["n_articles"],
                            sources))
    finally:
        store.close()
    return sorted(out, key=repr)


def _by_hash(details, article_hash: dict[int, str]):
    """Storyline details with the article of each [value, article id] pair (a date conflict's
    sides) named by its content hash, since the ids depend on which process stored first."""
    if isinstance(details, dict):
        return {k: _by_hash(v, article_hash) for k, v in details.items()}
    if isinstance(details, list):
        if len(details) == 2 and isinstance(details[1], str) and details[1].isdigit() \
                and int(details[1]) in article_hash:
            return [details[0], article_hash[int(details[1])]]
        return sorted((_by_hash(x, article_hash) for x in details), key=repr)
    return details


def contents(db: str) -> dict:
    store = open_store(Settings(db=db), readonly=True)
    try:
        return {"articles": sorted(a["content_hash"] for a in store.article_index()),
                "entities": sorted((e["id"], tuple(e["aliases"]), e["mentions"]) for e in store.entities(limit=10_000)),
                "storylines": store.count("storylines"),
                "storyline ids": len({s["id"] for s in store.timeline(limit=100_000)}),
                "cross-article tables cover every article": store.cross_article_current()}
    finally:
        store.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return store_corpus.write(tmp_path_factory.mktemp("concurrent") / "forty.jsonl")


@pytest.fixture(scope="module")
def serial(corpus, new_postgres_schema):
    from dossier.ingest import ingest

    with new_postgres_schema("serial") as url:
        summary = ingest([str(corpus)], Settings(db=url))
        assert (summary.new, summary.skipped) == (40, [])
        yield url


def test_two_processes_store_each_article_once(corpus, serial, postgres_url):
    cmd = [sys.executable, "-m", "dossier", "--db", postgres_url, "ingest", "--json", str(corpus)]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [p.communicate(timeout=900) for p in procs]
    for p, (out, err) in zip(procs, results):
        assert p.returncode == 0, err[-2000:]
    summaries = [json.loads(out) for out, _ in results]
    # every article stored by exactly one process; the other counted it as a duplicate, not an error
    assert [s["skipped"] for s in summaries] == [[], []]
    assert sum(s["new"] for s in summaries) == 40, summaries
    assert all(s["new"] + s["duplicates"] == 40 for s in summaries), summaries
    assert sorted(i for s in summaries for i in s["stored"]) == sorted({i for s in summaries for i in s["stored"]})

    got, want = contents(postgres_url), contents(serial)
    assert len(got["articles"]) == len(set(got["articles"])) == 40
    assert got["cross-article tables cover every article"]
    assert got["storylines"] == got["storyline ids"]  # no storyline stored twice
    assert got == want
    assert storylines(postgres_url) == storylines(serial)
