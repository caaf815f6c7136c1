"""``run_eval``: run the pipeline over the gold articles and score every task.

The report is a JSON-serialisable dict ``{"tasks": {...}, "baselines": {...}, "meta": {...}}``
(shape documented in docs/eval.md). A task whose producing module does not exist in this build
reports ``{"status": "not implemented"}``, never a made-up score.
"""
from __future__ import annotations

import datetime as dt
import importlib
import logging
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dossier.config import Settings
from dossier.errors import GoldError, InputError
from dossier.eval import scorers
from dossier.eval.gold import Gold, load_gold
from dossier.models import Article, ArticleRecords

log = logging.getLogger(__name__)

NOT_IMPLEMENTED = {"status": "not implemented"}
TASKS = ("boilerplate", "published", "persons", "places", "organizations", "dates", "quotes",
         "events", "claims", "same_events", "conflicts")
# task -> spaCy component that produces its records
_COMPONENT_OF = {"persons": "dossier_entities", "places": "dossier_entities",
                 "organizations": "dossier_entities", "dates": "dossier_time",
                 "quotes": "dossier_quotes", "events": "dossier_events", "claims": "dossier_claims"}


def _optional(module: str, name: str):
    """``module.name`` when that dossier module exists in this build, else None."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("dossier"):
            return None
        raise
    return getattr(mod, name, None)


# -- reading the gold articles --------------------------------------------------------------------
def find_article_files(gold: Gold, corpus_dir: str | Path) -> dict[str, Path]:
    """Gold key -> file: ``corpus_dir/key`` or a file of that name anywhere below corpus_dir."""
    root = Path(corpus_dir)
    found: dict[str, Path] = {}
    for key in gold.articles:
        direct = root / key
        if direct.is_file():
            found[key] = direct
            continue
        name = Path(key).name
        hits = sorted(p for p in root.rglob(name) if p.is_file())
        if hits:
            found[key] = hits[0]
    return found


def default_manifest(gold_path: str | Path) -> Path | None:
    """``X.jsonl`` beside a gold file named ``X.gold.json``, when it exists."""
    path = Path(gold_path)
    name = path.name
    stem = name[: -len(".gold.json")] if name.endswith(".gold.json") else path.stem
    candidate = path.with_name(stem + ".jsonl")
    return candidate if candidate.is_file() else None


def _iter_articles(paths: list[str], settings: Settings, manifest: str | None) -> Iterator[Article | InputError]:
    reader = _optional("dossier.read", "iter_articles")
    if reader is not None:
        yield from reader(paths, settings, manifest=manifest)
        return
    # Adapter until dossier.read exists: plain text files, no metadata (a manifest is not applied).
    for p in paths:
        try:
            yield Article(raw_text=Path(p).read_text(encoding="utf-8"), source=p)
        except (OSError, UnicodeDecodeError) as exc:
            yield InputError(p, str(exc))


def read_gold_articles(files: dict[str, Path], settings: Settings,
                       manifest: str | None) -> tuple[dict[str, Article], list[str]]:
    by_path = {str(p): key for key, p in files.items()}
    by_name = {p.name: key for key, p in files.items()}
    articles: dict[str, Article] = {}
    errors: list[str] = []
    for item in _iter_articles(list(by_path), settings, manifest):
        if isinstance(item, InputError):
            errors.append(str(item))
            continue
        key = by_path.get(item.source) or by_name.get(Path(item.source).name)
        if key is not None and key not in articles:
            articles[key] = item
    return articles, errors


def _process(articles: dict[str, Article], nlp) -> dict[str, ArticleRecords]:
    from dossier.pipeline import process_many

    keys = list(articles)
    return dict(zip(keys, process_many((articles[k] for k in keys), nlp)))


# -- cross-article predictions --------------------------------------------------------------------
def _storylines(preds: dict[str, ArticleRecords]):
    merge = _optional("dossier.events.merge", "merge_events")
    if merge is None:
        return None
    published = {key: r.article.published for key, r in preds.items() if r.article.published}
    return merge([(key, ev) for key, r in preds.items() for ev in r.events], published=published)


def _conflicts(preds: dict[str, ArticleRecords]):
    find_conflicts = _optional("dossier.claims.conflicts", "find_conflicts")
    find_disputes = _optional("dossier.claims.disputes", "find_disputes")
    if find_conflicts is None and find_disputes is None:
        return None
    found: list[Any] = []
    if find_conflicts is not None:
        found += list(find_conflicts(list(preds.items())))
    if find_disputes is not None:
        found += list(find_disputes([(key, c) for key, r in preds.items() for c in r.claims]))
    return found


# -- baselines ------------------------------------------------------------------------------------
def bare_ner(texts: dict[str, str], nlp) -> dict[str, list[tuple[str, str]]]:
    """(text, label) of the model's own NER over the raw text, dossier components disabled."""
    dossier_pipes = [n for n in nlp.pipe_names if n.startswith("dossier_")]
    keys = list(texts)
    with nlp.select_pipes(disable=dossier_pipes):
        docs = nlp.pipe(texts[k] for k in keys)
        return {k: [(e.text, e.label_) for e in doc.ents] for k, doc in zip(keys, docs)}


def _locate_in_order(text: str, found: list[tuple[str, str | None]]) -> list[tuple[int, int, str | None]]:
    """Offsets for (surface, value) pairs reported in text order without offsets."""
    out, pos = [], 0
    for surface, value in found:
        start = text.find(surface, pos)
        if start < 0:
            start = text.find(surface)
        if start < 0 or not surface:
            continue
        pos = start + len(surface)
        out.append((start, start + len(surface), value))
    return out


def dateparser_items(text: str, anchor: str | None) -> list[tuple[int, int, str | None]]:
    """(start, end, ISO value) of dateparser's search: ``dossier.timex.baseline`` when present
    (it gives (expression, value) pairs, or records with offsets), else our own call."""
    own = _optional("dossier.timex.baseline", "dateparser_baseline")
    if own is not None:
        located, pairs = [], []
        for t in own(text, anchor):
            if isinstance(t, dict):
                located.append((t["start"], t["end"], t.get("value")))
            elif isinstance(t, (tuple, list)) and len(t) == 2:
                pairs.append((t[0], t[1]))
            elif isinstance(t, (tuple, list)):
                located.append(tuple(t[:3]))
            else:
                located.append((t.start, t.end, t.value))
        return located + _locate_in_order(text, pairs)
    from dateparser.search import search_dates

    base = dt.datetime.fromisoformat(anchor) if anchor and len(anchor) == 10 else dt.datetime.now()
    found = search_dates(text, languages=["fr"], settings={"RELATIVE_BASE": base}) or []
    return _locate_in_order(text, [(surface, when.date().isoformat()) for surface, when in found])


def run_baselines(gold: Gold, articles: dict[str, Article], nlp) -> dict[str, Any]:
    texts = {k: a.raw_text for k, a in articles.items()}
    baselines: dict[str, Any] = {"entities_bare_ner": scorers.score_bare_entities(gold, bare_ner(texts, nlp))}
    try:
        items = {k: dateparser_items(t, gold.articles[k].get("published")) for k, t in texts.items()}
    except ImportError:
        baselines["dates_dateparser"] = {"status": "not available", "reason": "dateparser is not installed"}
    else:
        baselines["dates_dateparser"] = scorers.score_date_items(gold, items, texts)
    return baselines


# -- the evaluation -------------------------------------------------------------------------------
def _score_tasks(gold: Gold, preds: dict[str, ArticleRecords], pipes: list[str],
                 preds_without: dict[str, ArticleRecords] | None, manifest: str | None) -> dict[str, Any]:
    tasks: dict[str, Any] = {}
    has_clean = _optional("dossier.clean.boilerplate", "__name__") is not None
    tasks["boilerplate"] = scorers.score_boilerplate(gold, preds) if has_clean else dict(NOT_IMPLEMENTED)

    has_reader = _optional("dossier.read", "iter_articles") is not None
    with_m = (scorers.score_published(gold, preds) if manifest and has_reader
              else {"status": "not implemented" if manifest else "not available",
                    **({} if manifest else {"reason": "no manifest"})})
    if has_reader or "dossier_time" in pipes:
        without = scorers.score_published(gold, preds_without if preds_without is not None else preds)
    else:
        without = dict(NOT_IMPLEMENTED)
    tasks["published"] = {"accuracy": without.get("accuracy"), "n_gold": without.get("n_gold"),
                          "with_manifest": with_m, "without_manifest": without}
    if "accuracy" not in without:
        tasks["published"] = {**NOT_IMPLEMENTED, "with_manifest": with_m, "without_manifest": without}

    for task in ("persons", "places", "organizations"):
        tasks[task] = (scorers.score_entities(gold, preds, task)
                       if _COMPONENT_OF[task] in pipes else dict(NOT_IMPLEMENTED))
    for task, scorer in (("dates", scorers.score_dates), ("quotes", scorers.score_quotes),
                         ("events", scorers.score_events), ("claims", scorers.score_claims)):
        tasks[task] = scorer(gold, preds) if _COMPONENT_OF[task] in pipes else dict(NOT_IMPLEMENTED)

    storylines = _storylines(preds) if "dossier_events" in pipes else None
    tasks["same_events"] = (scorers.score_same_events(gold, storylines)
                            if storylines is not None else dict(NOT_IMPLEMENTED))
    conflicts = _conflicts(preds)
    tasks["conflicts"] = (scorers.score_conflicts(gold, conflicts)
                          if conflicts is not None else dict(NOT_IMPLEMENTED))
    return tasks


def run_eval(gold_path: str | Path, corpus_dir: str | Path | None = None, manifest: str | Path | None = None,
             settings: Settings | None = None, nlp=None) -> dict[str, Any]:
    """Score the pipeline against a ``dossier-gold/1`` file. See docs/eval.md."""
    started = time.perf_counter()
    settings = settings or Settings()
    gold = load_gold(gold_path)
    corpus_dir = Path(corpus_dir) if corpus_dir else Path(gold_path).resolve().parent
    if not corpus_dir.is_dir():
        raise GoldError(f"{corpus_dir}: corpus folder not found")
    manifest = str(manifest) if manifest else (str(m) if (m := default_manifest(gold_path)) else None)
    files = find_article_files(gold, corpus_dir)
    missing = [k for k in gold.articles if k not in files]
    if not files:
        raise GoldError(f"{gold_path}: none of its {len(gold.articles)} articles found under {corpus_dir}")
    if nlp is None:
        from dossier.pipeline import build_nlp

        nlp = build_nlp(settings)
    pipes = list(nlp.pipe_names)

    articles, read_errors = read_gold_articles(files, settings, manifest)
    if not articles:
        first = read_errors[0] if read_errors else "no article read"
        raise GoldError(f"{gold_path}: none of its articles could be read ({first})")
    preds = _process(articles, nlp)
    preds_without = None
    if manifest:
        bare_articles, _ = read_gold_articles(files, settings, None)
        preds_without = _process(bare_articles, nlp)
    tasks = _score_tasks(gold, preds, pipes, preds_without, manifest)
    baselines = run_baselines(gold, articles, nlp)
    from dossier.pipeline import pipeline_version

    meta = {"gold": str(gold_path), "corpus_dir": str(corpus_dir), "manifest": manifest,
            "articles": len(gold.articles), "read": len(articles), "missing": missing,
            "read_errors": read_errors, "components": pipes, "pipeline_version": pipeline_version(nlp),
            "seconds": round(time.perf_counter() - started, 2),
            "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
    return {"tasks": {t: tasks[t] for t in TASKS}, "baselines": baselines, "meta": meta}


__all__ = ["run_eval", "TASKS", "NOT_IMPLEMENTED", "find_article_files", "default_manifest"]
