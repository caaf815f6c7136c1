"""1 vs N workers, each configuration in a fresh process (slow: every run loads the model)."""
from __future__ import annotations

import pytest

from dossier.bench.report import format_bench
from dossier.bench.synth import generate
from dossier.bench.workers import run_workers

pytestmark = pytest.mark.slow


def test_nlp_and_ingest_with_one_and_two_workers(postgres_db):
    result = run_workers(generate(6, seed=1), workers=(1, 2), postgres=postgres_db)
    runs = {(r["mode"], r["workers"]): r for r in result["runs"]}
    assert set(runs) == {(m, n) for m in ("nlp", "ingest", "ingest_pg") for n in (1, 2)}
    for r in runs.values():
        assert "status" not in r, r
        assert r["articles"] == 6 and r["seconds"] > 0 and r["cpu_seconds"] > 0 and len(r["load_before"]) == 3
    assert runs[("ingest", 1)]["rebuild_seconds"] >= 0 and runs[("ingest", 2)]["failed"] == 0
    assert runs[("nlp", 2)]["peak_worker_rss_mb"] > 100  # the model lives in the worker processes
    assert result["nlp_speedup_2"] > 0 and result["ingest_speedup_2"] > 0 and result["ingest_pg_speedup_2"] > 0
    text = format_bench({"workers": result})
    assert "nlp speedup 2" in text and "ingest" in text
