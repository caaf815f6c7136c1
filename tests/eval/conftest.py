"""Hand-written gold (tests/eval/data/mini.gold.json) over two invented articles, and record sets
built from it: a perfect prediction (an oracle) and an empty one."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
import spacy

from dossier.eval.gold import load_gold
from dossier.eval.matching import find_all, line_spans, locate_in_context
from dossier.models import (
    Article, ArticleFailure, ArticleRecords, Claim, EntityInfo, Event, Mention, Participant, Quote, Timex,
)

DATA = Path(__file__).parent / "data"


@dataclass
class Storyline:
    sources: list = field(default_factory=list)


def oracle_records(gold, texts: dict[str, str]) -> dict[str, ArticleRecords]:
    """Records that say exactly what the gold says (ids equal to the gold ids)."""
    return {key: oracle_article(gold, key, texts[key]) for key in gold.articles}


def oracle_article(gold, key: str, text: str) -> ArticleRecords:
    """One article's records saying exactly what the gold says."""
    art = gold.articles[key]
    rec = ArticleRecords(article=Article(raw_text=text, source=key, published=art["published"]),
                         clean_text=text, boilerplate=[s for b in art["boilerplate"] for s in line_spans(text, b)])
    for task in ("persons", "places", "organizations"):
        for eid in art[task]:
            e = gold.entities[eid]
            rec.entities[eid] = EntityInfo(eid, e.name, e.type, e.wikidata, aliases=list(e.aliases))
            rec.mentions.append(Mention(0, 1, text[0], "MISC", eid, e.name, e.type))
    for d in art["dates"]:
        s, t = locate_in_context(text, d["expression"], d["context"])[0]
        rec.timexes.append(Timex(s, t, text[s:t], "date", d["value"]))
    for q in art["quotes"]:
        s, t = find_all(text, q["quote"])[0]
        rec.quotes.append(Quote(s, t, q["quote"], q["kind"], q["speaker"], None))
    for e in art["events"]:
        s, t = find_all(text, e["evidence"])[0]
        rec.events.append(Event(s, t, e["evidence"], e["type"], e["plover"],
                                participants=[Participant(p, p) for p in e["participants"]],
                                place_id=e["place"], date=e["date"]))
    for c in art["claims"]:
        s, t = find_all(text, c["evidence"])[0]
        rec.claims.append(Claim(s, t, c["evidence"], "SAYS", [], "", c["claimant"], None, c["stance"]))
    return rec


def empty_records(texts: dict[str, str]) -> dict[str, ArticleRecords]:
    return {k: ArticleRecords(article=Article(raw_text=t, source=k), clean_text=t, boilerplate=[])
            for k, t in texts.items()}


@pytest.fixture(scope="session")
def mini_gold_path() -> Path:
    return DATA / "mini.gold.json"


@pytest.fixture(scope="session")
def mini_gold(mini_gold_path):
    return load_gold(mini_gold_path)


@pytest.fixture(scope="session")
def mini_texts(mini_gold) -> dict[str, str]:
    return {k: (DATA / "mini" / k).read_text(encoding="utf-8") for k in mini_gold.articles}


@pytest.fixture()
def perfect(mini_gold, mini_texts):
    return oracle_records(mini_gold, mini_texts)


@pytest.fixture()
def empty(mini_texts):
    return empty_records(mini_texts)


@pytest.fixture(scope="session")
def oracle():
    """``oracle_article(gold, key, text)``: one article's records saying what the gold says."""
    return oracle_article


@pytest.fixture()
def perfect_storylines(mini_gold):
    return [Storyline([(k, 0) for k in g["reported_in"]]) for g in mini_gold.cross_article["same_events"]]


@pytest.fixture()
def perfect_conflicts(mini_gold):
    return [{"articles": list(c["articles"]), "entity_id": "lipovka"} for c in mini_gold.cross_article["conflicts"]]


DOSSIER_COMPONENTS = ("dossier_entities", "dossier_time", "dossier_quotes", "dossier_events", "dossier_claims")


@pytest.fixture()
def fake_nlp():
    """A blank pipeline whose components carry the dossier names (so every task is scored) and do
    nothing: pair it with ``oracle_pipeline``. No model is loaded."""
    nlp = spacy.blank("fr")
    for name in DOSSIER_COMPONENTS:
        nlp.add_pipe("sentencizer", name=name)
    return nlp


@pytest.fixture()
def oracle_pipeline(monkeypatch, mini_gold):
    """Replace ``dossier.pipeline.process_many`` by one yielding the mini gold's oracle records
    over the articles read (their metadata kept), or an ArticleFailure for the keys in
    ``failing`` (the dict this fixture returns: key -> (component, error))."""
    failing: dict[str, tuple[str, str]] = {}

    def process_many(articles, nlp, batch_size=16):
        for article in articles:
            key = Path(article.source).name
            if key in failing:
                yield ArticleFailure(article, *failing[key])
                continue
            rec = oracle_article(mini_gold, key, article.raw_text)
            rec.article = article
            yield rec

    monkeypatch.setattr("dossier.pipeline.process_many", process_many)
    return failing
