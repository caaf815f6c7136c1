"""The long fuzz run (``make fuzz``): thousands of generated documents through the whole pipeline,
and generated inputs through the readers, with fresh random seeds each run.

    .venv/bin/python tests/fuzz/run.py                      # 5,000 documents + 500 inputs per reader
    .venv/bin/python tests/fuzz/run.py --documents 200 --inputs 50

Prints documents/s; on a failure, the input hypothesis shrank it to, and exit code 1.
"""
from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzz_docs import check_records, documents, published_dates  # noqa: E402
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from test_readers_fuzz import manifest_property, reader_property  # noqa: E402

from dossier.models import Article  # noqa: E402


def _settings(n: int) -> settings:
    return settings(max_examples=n, deadline=None, print_blob=True, database=None,
                    phases=[Phase.generate, Phase.target, Phase.shrink],
                    suppress_health_check=list(HealthCheck))


def run_pipeline(n: int) -> tuple[int, float, str | None]:
    from dossier.pipeline import build_nlp, process_article

    nlp = build_nlp()
    count = {"docs": 0, "chars": 0}

    @given(text=documents(), published=published_dates, language=st.sampled_from([None, "fr", "en"]),
           title=st.one_of(st.none(), st.text(max_size=40)))
    def prop(text, published, language, title):
        count["docs"] += 1
        count["chars"] += len(text)
        article = Article(raw_text=text, source="fuzz", title=title, language=language,
                          published=published[0] if published else None,
                          published_precision=published[1] if published else "unknown")
        check_records(text, process_article(article, nlp))

    t0 = time.perf_counter()
    failure = None
    try:
        _settings(n)(prop)()
    except Exception:  # noqa: BLE001  (report whatever the pipeline raised, with hypothesis's shrunk input)
        failure = traceback.format_exc()
    seconds = time.perf_counter() - t0
    print(f"pipeline: {count['docs']} documents ({count['chars']:,} characters) in {seconds:.0f} s: "
          f"{count['docs'] / seconds:.1f} documents/s", flush=True)
    return count["docs"], seconds, failure


def run_readers(n: int) -> list[str]:
    failures = []
    props = {fmt: reader_property(fmt) for fmt in ("html", "feed", "json", "jsonl", "text")}
    props["manifest"] = manifest_property()
    for name, prop in props.items():
        t0 = time.perf_counter()
        try:
            _settings(n)(prop)()
            status = "ok"
        except Exception:  # noqa: BLE001
            failures.append(f"reader {name}:\n{traceback.format_exc()}")
            status = "FAILED"
        print(f"reader {name}: {n} inputs in {time.perf_counter() - t0:.0f} s: {status}", flush=True)
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=5000, help="documents through the pipeline")
    parser.add_argument("--inputs", type=int, default=500, help="inputs per reader format")
    args = parser.parse_args(argv)
    failures = run_readers(args.inputs) if args.inputs else []
    if args.documents:
        _, _, failure = run_pipeline(args.documents)
        if failure:
            failures.append("pipeline:\n" + failure)
    for failure in failures:
        print("\n" + failure, file=sys.stderr)
    print("fuzz: " + ("no exception" if not failures else f"{len(failures)} failing propert(ies)"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
