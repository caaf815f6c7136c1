"""The pipeline against a bare ``nlp.pipe`` of the same model, in one process (as ``dossier
bench`` measures it): throughput (ratio of CPU seconds, REPEATS alternating runs) and CPU
seconds per stage, over 20 real-length synthetic articles, the seeds and the development set
(build/devset/texts, when fetched).

    python dev/ratio.py [REPEATS]
"""
import json
import sys
from pathlib import Path


def main(repeats: int = 3) -> None:
    import spacy

    from dossier.bench.corpus import read_corpus
    from dossier.bench.run import stages, throughput
    from dossier.bench.synth import generate
    from dossier.config import Settings
    from dossier.pipeline import build_nlp

    settings = Settings()
    nlp, bare = build_nlp(settings), spacy.load(settings.model)
    sets = {"synthetic": generate(20, 0, long=True), "seeds": read_corpus("../shared/corpus/seeds", settings)}
    if Path("build/devset/texts").is_dir():
        sets["devset"] = read_corpus("build/devset/texts", settings)
    for name, arts in sets.items():
        t = throughput(arts, nlp, bare, repeats, settings.batch_size)
        s = stages(arts, nlp, settings.batch_size)
        model = sum(v for k, v in s.items() if k in ("tokenizer", "tok2vec", "morphologizer", "parser",
                                                     "attribute_ruler", "lemmatizer", "ner", "senter"))
        print(json.dumps({"set": name, "articles": len(arts), "ratio_cpu": t["ratio_cpu"],
                          "pipeline_cpu": t["pipeline"]["cpu_seconds_median"], "bare_cpu": t["bare"]["cpu_seconds_median"],
                          "model_stages": round(model, 3), "stages": s}))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
