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
