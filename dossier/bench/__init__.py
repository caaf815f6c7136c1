"""Benchmarks: the pipeline against a bare spaCy run, scaling, query latency; synthetic corpus."""
from dossier.bench.run import format_bench, run_bench
from dossier.bench.synth import generate, synthetic_records

__all__ = ["run_bench", "format_bench", "generate", "synthetic_records"]
