"""run_bench on a tiny corpus: the expected keys and positive numbers (slow: loads the model)."""
from __future__ import annotations

import json

import pytest

from dossier.bench import format_bench, run_bench
from dossier.bench.run import _percentile, _storylines
from dossier.bench.synth import synthetic_records


@pytest.mark.parametrize("values, q, expected", [([1, 2, 3, 4], 0.5, 2.5), ([5], 0.95, 5), ([1, 2, 3], 0.0, 1)])
def test_percentile(values, q, expected):
    assert _percentile(values, q) == expected


def test_storylines_group_events_by_type_date_place():
    events = [(i + 1, ev) for i, ev in enumerate(e for r in synthetic_records(30) for e in r.events)]
    lines = _storylines(events)
    assert sum(len(s["event_ids"]) for s in lines) == len(events)
    assert len({s["id"] for s in lines}) == len(lines) < len(events) + 1
    assert all(isinstance(p["entity_id"], str) for s in lines for p in s["participants"])


@pytest.mark.slow
def test_run_bench_tiny(settings, nlp, base_nlp):
    texts = ["Lundi, Emmanuel Macron a reçu Volodymyr Zelensky à Paris.",
             "« Nous voulons la paix », a déclaré Vladimir Poutine mardi à Moscou."]
    result = run_bench(settings, texts=texts, repeats=2, sizes=(1,), base=1, db_articles=300,
                       nlp=nlp, bare=base_nlp)
    json.dumps(result)
    assert set(result) == {"meta", "throughput", "stages", "scaling", "queries"}
    t = result["throughput"]
    assert t["articles"] == 2 and t["tokens"] > 20
    for run in ("pipeline", "bare"):
        assert t[run]["articles_per_s"] > 0 and t[run]["tokens_per_s"] > 0 and len(t[run]["seconds_all"]) == 2
    assert t["ratio_pipeline_to_bare"] > 0
    assert {"clean", "tokenizer", "ner", "records"} <= set(result["stages"])
    assert all(v >= 0 for v in result["stages"].values())
    [row] = result["scaling"]
    assert "status" not in row, row
    assert row["articles"] == 1 and row["peak_rss_mb"] > 100 and row["seconds"] > 0
    q = result["queries"]
    assert q["database"]["articles"] == 300 and q["database"]["storylines"] > 0
    for name in ("timeline_actor", "timeline_dates", "search", "entity"):
        assert 0 < q[name]["p50_ms"] <= q[name]["p95_ms"] and q[name]["errors"] == 0
    text = format_bench(result)
    assert "pipeline/bare" in text and "p95" in text and "peak RSS" in text


@pytest.mark.slow
def test_a_failed_article_is_counted_and_named_not_a_crash(nlp, base_nlp, monkeypatch):
    from dossier.bench.run import stages, throughput
    from dossier.models import Article
    from dossier.timex.component import TimeComponent

    original = TimeComponent.__call__

    def failing(self, doc):
        if "Zorglub" in doc.text:
            raise RuntimeError("panne simulée")
        return original(self, doc)

    monkeypatch.setattr(TimeComponent, "__call__", failing)
    articles = [Article(raw_text="Lundi, la ministre fictive Claire Vautrin a reçu son homologue à Genève.", source="a"),
                Article(raw_text="Mardi, le diplomate imaginaire Paul Zorglub a quitté Vienne.", source="b"),
                Article(raw_text="Mercredi, les délégations se sont retrouvées à Berne.", source="c")]
    t = throughput(articles, nlp, base_nlp, repeats=1, batch_size=16)
    assert t["articles"] == 3 and t["pipeline"]["articles_per_s"] > 0
    assert t["failed"] == [{"source": "b", "component": "dossier_time", "error": "RuntimeError: panne simulée"}]
    text = format_bench({"throughput": t, "stages": stages([articles[0], articles[2]], nlp, 16)})
    assert "failed: b: failed in dossier_time: RuntimeError: panne simulée" in text
    assert "(1 of 3 articles failed" in text


def test_query_latency_in_postgresql_uses_a_scratch_schema_and_drops_it(postgres_db):
    import psycopg

    from dossier.bench.run import query_latency

    def schemas():
        with psycopg.connect(postgres_db) as c:
            return {r[0] for r in c.execute("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'dossier_bench%'")}

    before = schemas()
    q = query_latency(200, 3, postgres=postgres_db)
    assert q["database"]["backend"] == "postgresql" and q["database"]["articles"] == 200
    assert q["database"]["db_mb"] > 0 and q["database"]["storylines"] > 0
    for name in ("timeline_actor", "timeline_dates", "search", "entity"):
        assert 0 < q[name]["p50_ms"] <= q[name]["p95_ms"] and q[name]["errors"] == 0
    assert schemas() == before
    assert "query latency (postgresql) on 200 articles" in format_bench({"queries_postgresql": q})
