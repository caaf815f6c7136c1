"""``run_eval``: score the pipeline (a fresh run, or what a database stores) against a gold file.

The report is a JSON-serialisable dict ``{"tasks": {...}, "baselines": {...}, "meta": {...}}``
plus ``"errors"`` when asked for (shape documented in docs/eval.md). A task whose producing
spaCy component is not in the pipeline reports ``{"status": "not implemented"}``, never a
made-up score.
"""
from __future__ import annotations

import datetime as dt
import logging
import time
from collections import Counter
from pathlib import Path
from typing import Any

from dossier.claims.conflicts import find_conflicts
from dossier.claims.disputes import find_disputes
from dossier.config import Settings
from dossier.errors import GoldError, InputError
from dossier.eval import errors as error_items
from dossier.eval import scorers
from dossier.eval.gold import Gold, expand_tasks, load_gold
from dossier.events.merge import merge_events
from dossier.models import Article, ArticleFailure, ArticleRecords
from dossier.read import iter_articles
from dossier.timex.baseline import dateparser_baseline

log = logging.getLogger(__name__)

NOT_IMPLEMENTED = {"status": "not implemented"}
TASKS = ("boilerplate", "published", "persons", "places", "organizations", "dates", "quotes",
         "events", "claims", "same_events", "conflicts")
# tasks that report a precision (boilerplate and published report recall / accuracy only)
PRECISION_TASKS = ("persons", "places", "organizations", "dates", "quotes", "events", "claims",
                   "same_events", "conflicts")
# task -> spaCy component that produces its records
_COMPONENT_OF = {"persons": "dossier_entities", "places": "dossier_entities",
                 "organizations": "dossier_entities", "dates": "dossier_time",
                 "quotes": "dossier_quotes", "events": "dossier_events", "claims": "dossier_claims",
                 "same_events": "dossier_events"}


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


def read_gold_articles(files: dict[str, Path], settings: Settings,
                       manifest: str | None) -> tuple[dict[str, Article], list[str]]:
    by_path = {str(p): key for key, p in files.items()}
    by_name = {p.name: key for key, p in files.items()}
    articles: dict[str, Article] = {}
    errors: list[str] = []
    for item in iter_articles(list(by_path), settings, manifest=manifest):
        if isinstance(item, InputError):
            errors.append(str(item))
            continue
        key = by_path.get(item.source) or by_name.get(Path(item.source).name)
        if key is not None and key not in articles:
            articles[key] = item
    return articles, errors


def _process(articles: dict[str, Article], nlp) -> tuple[dict[str, ArticleRecords], list[dict[str, str]]]:
    """Records per gold key, and the articles whose processing failed (``ArticleFailure``): such
    an article predicts nothing (empty records over its text, no publication date). Articles
    of unknown or coarse date that the merged events date are processed again with those dates
    (:func:`dossier.timex.crossdate.redate`), as ingest does."""
    from dossier.pipeline import process_many
    from dossier.timex.crossdate import redate

    keys = list(articles)
    key_of = {id(articles[k]): k for k in keys}
    preds: dict[str, ArticleRecords] = {}
    failed: list[dict[str, str]] = []
    for i, item in enumerate(process_many((articles[k] for k in keys), nlp)):
        key = key_of.get(id(item.article), keys[i] if i < len(keys) else None)
        if key is None:
            continue
        if isinstance(item, ArticleFailure):
            failed.append({"article": key, "component": item.component, "error": item.error})
            bare = Article(raw_text=item.article.raw_text, source=item.article.source)
            preds[key] = ArticleRecords(article=bare, clean_text="", boilerplate=[])
        else:
            preds[key] = item
    return redate(articles, preds, lambda items: list(process_many(items, nlp))), failed


# -- cross-article predictions --------------------------------------------------------------------
def _storylines(preds: dict[str, ArticleRecords]) -> list[Any]:
    published = {key: r.article.published for key, r in preds.items() if r.article.published}
    return merge_events([(key, ev) for key, r in preds.items() for ev in r.events], published=published)


def _conflicts(preds: dict[str, ArticleRecords]) -> list[Any]:
    return [*find_conflicts(list(preds.items())),
            *find_disputes([(key, c) for key, r in preds.items() for c in r.claims])]


# -- baselines ------------------------------------------------------------------------------------
def bare_ner(texts: dict[str, str], nlp) -> dict[str, list[tuple[str, str]]]:
    """(text, label) of the model's own NER over the raw text, dossier components disabled."""
    model_pipes = [n for n in nlp.component_names if not n.startswith("dossier_")]
    keys = list(texts)
    with nlp.select_pipes(enable=model_pipes):  # the model's own stages, run on the whole text
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
    """(start, end, ISO value) of dateparser's search (``dossier.timex.baseline``)."""
    return _locate_in_order(text, dateparser_baseline(text, anchor))


def run_baselines(gold: Gold, articles: dict[str, Article], nlp) -> dict[str, Any]:
    texts = {k: a.raw_text for k, a in articles.items()}
    baselines: dict[str, Any] = {"entities_bare_ner": scorers.score_bare_entities(gold, bare_ner(texts, nlp))}
    items = {k: dateparser_items(t, gold.articles[k].get("published")) for k, t in texts.items()}
    dates = scorers.score_date_items(gold, items, texts)
    dates.pop("errors", None)
    baselines["dates_dateparser"] = dates
    return baselines


# -- scoring ----------------------------------------------------------------------------------------
def _published(gold: Gold, preds: dict[str, ArticleRecords], preds_without: dict[str, ArticleRecords] | None,
               manifest: str | None) -> dict[str, Any]:
    """A fresh run: with the manifest (when there is one) and without it."""
    if manifest:
        with_m = scorers.score_published(gold, preds, "published (with manifest)")
    else:
        with_m = {"status": "not available", "reason": "no manifest"}
    without = scorers.score_published(gold, preds_without if preds_without is not None else preds,
                                      "published (without manifest)")
    errors = with_m.pop("errors", []) + without.pop("errors", [])
    return {"accuracy": without["accuracy"], "n_gold": without["n_gold"],
            "with_manifest": with_m, "without_manifest": without, "errors": errors}


def _published_stored(gold: Gold, preds: dict[str, ArticleRecords]) -> dict[str, Any]:
    """A database: stored dates; articles stored with a manifest date count under with_manifest."""
    overall = scorers.score_published(gold, preds, "published (stored)")
    basis = Counter(r.article.published_basis for r in preds.values())
    parts = {}
    for name, keep in (("with_manifest", lambda b: b == "manifest"), ("without_manifest", lambda b: b != "manifest")):
        subset = {k: r for k, r in preds.items() if keep(r.article.published_basis)}
        part = scorers.score_published(_restrict(gold, subset), subset)
        part.pop("errors", None)
        parts[name] = part if part["n_gold"] else {"status": "not available", "reason": "no article stored so"}
    return {"accuracy": overall["accuracy"], "n_gold": overall["n_gold"], **parts,
            "basis": dict(basis), "errors": overall["errors"]}


def _restrict(gold: Gold, keys) -> Gold:
    return Gold(path=gold.path, entities=gold.entities,
                articles={k: a for k, a in gold.articles.items() if k in keys},
                cross_article=gold.cross_article, notes=gold.notes)


def _score_tasks(gold: Gold, preds: dict[str, ArticleRecords], pipes: list[str] | None,
                 published: dict[str, Any], storylines: list[Any] | None,
                 conflicts: list[Any] | None) -> dict[str, Any]:
    """Every task; ``pipes`` None = every component ran (a database)."""
    def has(task: str) -> bool:
        return pipes is None or _COMPONENT_OF[task] in pipes

    tasks: dict[str, Any] = {"boilerplate": scorers.score_boilerplate(gold, preds), "published": published}
    for task in ("persons", "places", "organizations"):
        tasks[task] = scorers.score_entities(gold, preds, task) if has(task) else dict(NOT_IMPLEMENTED)
    for task, scorer in (("dates", scorers.score_dates), ("quotes", scorers.score_quotes),
                         ("events", scorers.score_events), ("claims", scorers.score_claims)):
        tasks[task] = scorer(gold, preds) if has(task) else dict(NOT_IMPLEMENTED)
    tasks["same_events"] = (scorers.score_same_events(gold, storylines)
                            if storylines is not None and has("same_events") else dict(NOT_IMPLEMENTED))
    tasks["conflicts"] = (scorers.score_conflicts(gold, conflicts)
                          if conflicts is not None else dict(NOT_IMPLEMENTED))
    return {t: tasks[t] for t in TASKS}


def resolve_complete(gold: Gold, complete: list[str] | tuple[str, ...] | str | None) -> tuple[tuple[str, ...], str]:
    """The tasks annotated completely, and where that comes from: the ``complete`` argument
    (``--complete``), else the gold file's ``complete`` key, else every task."""
    if complete is not None:
        names = complete.split(",") if isinstance(complete, str) else list(complete)
        try:
            return expand_tasks(names, "--complete"), "--complete"
        except ValueError as exc:
            raise GoldError(str(exc)) from None
    if gold.complete is not None:
        return gold.complete, "gold file"
    return TASKS, "not declared: every task"


def apply_completeness(tasks: dict[str, Any], complete: tuple[str, ...]) -> None:
    """Precision and F1 only for tasks annotated completely; recall and attribute accuracies
    always. Each scored task says ``complete: true|false``."""
    for task, result in tasks.items():
        if "status" in result or task not in PRECISION_TASKS:
            continue
        result["complete"] = task in complete
        if task in complete:
            continue
        for name in ("precision", "f1"):
            result.pop(name, None)
        if isinstance(result.get("pairwise"), dict):
            for name in ("precision", "f1"):
                result["pairwise"].pop(name, None)
        for row in (result.get("by_kind") or {}).values():
            row.pop("precision", None)
        for item in result.get("errors") or []:
            if item["kind"] == "extra":
                item["counted"] = False  # listed to be seen, but no precision is computed


def _finish(gold: Gold, tasks: dict[str, Any], baselines: dict[str, Any], meta: dict[str, Any],
            complete: Any, with_errors: bool, started: float) -> dict[str, Any]:
    declared, source = resolve_complete(gold, complete)
    apply_completeness(tasks, declared)
    meta.update({"complete": [t for t in declared if t in PRECISION_TASKS], "complete_from": source,
                 "seconds": round(time.perf_counter() - started, 2),
                 "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")})
    report: dict[str, Any] = {"tasks": tasks, "baselines": baselines, "meta": meta}
    if with_errors:
        report["errors"] = error_items.collect(tasks, gold.articles)
    else:
        error_items.strip(tasks)
    return report


def run_eval(gold_path: str | Path, corpus_dir: str | Path | None = None, manifest: str | Path | None = None,
             settings: Settings | None = None, nlp=None, *, complete: Any = None,
             errors: bool = False, wrap: int | None = None, hyphenate: bool = False) -> dict[str, Any]:
    """Run the pipeline over the gold articles and score it. See docs/eval.md.

    ``complete``: the tasks the gold annotates completely (overrides the gold's own
    ``complete`` key); ``errors``: add the items behind the numbers (report["errors"]);
    ``wrap``: hard-wrap every article at that width first (a robustness check: the scores of
    plain-text wire copy, :func:`dossier.clean.wrap.hard_wrap`); with ``hyphenate``, long words
    are cut with a hyphen at the line's end too, as in text extracted from a PDF."""
    started = time.perf_counter()
    settings = settings or Settings()
    gold = load_gold(gold_path)
    resolve_complete(gold, complete)  # a bad --complete fails before the pipeline runs
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
    if wrap:
        articles = _wrapped(articles, wrap, hyphenate)
    if not articles:
        first = read_errors[0] if read_errors else "no article read"
        raise GoldError(f"{gold_path}: none of its articles could be read ({first})")
    preds, failed = _process(articles, nlp)
    preds_without, failed_without = None, []
    if manifest:
        bare_articles, _ = read_gold_articles(files, settings, None)
        if wrap:
            bare_articles = _wrapped(bare_articles, wrap, hyphenate)
        preds_without, failed_without = _process(bare_articles, nlp)
    published = _published(gold, preds, preds_without, manifest)
    storylines = _storylines(preds) if "dossier_events" in pipes else None
    tasks = _score_tasks(gold, preds, pipes, published, storylines, _conflicts(preds))
    baselines = run_baselines(gold, articles, nlp)
    from dossier.pipeline import pipeline_version

    meta = {"mode": "run", "gold": str(gold_path), "corpus_dir": str(corpus_dir), "manifest": manifest,
            "articles": len(gold.articles), "read": len(articles), "missing": missing,
            "read_errors": read_errors, "failed": failed, "failed_without_manifest": failed_without,
            "components": pipes, "pipeline_version": pipeline_version(nlp), "wrap": wrap,
            "hyphenate": bool(wrap and hyphenate)}
    return _finish(gold, tasks, baselines, meta, complete, errors, started)


def _wrapped(articles: dict, width: int, hyphenate: bool = False) -> dict:
    import dataclasses

    from dossier.clean.wrap import hard_wrap

    return {k: dataclasses.replace(a, raw_text=hard_wrap(a.raw_text, width, hyphenate)) for k, a in articles.items()}


def run_eval_stored(gold_path: str | Path, settings: Settings, *, complete: Any = None,
                    errors: bool = False) -> dict[str, Any]:
    """Score what a database (``settings.db``) stores against a gold file: articles matched to
    gold keys by source file name, url or title; cross-article tasks from the stored storylines,
    conflicts and disputes. No pipeline runs and no baseline is computed."""
    from dossier.eval.stored import stored_predictions
    from dossier.store.postgres import redact

    started = time.perf_counter()
    gold = load_gold(gold_path)
    resolve_complete(gold, complete)
    found = stored_predictions(gold, settings)
    preds = found["preds"]
    if not preds:
        raise GoldError(f"{redact(settings.db)}: none of the {len(gold.articles)} articles of {gold_path} is stored "
                        f"({found['stored']} stored articles; matched by source file name, url or title)")
    tasks = _score_tasks(gold, preds, None, _published_stored(gold, preds), found["storylines"],
                         found["conflicts"])
    versions = sorted({r.pipeline_version for r in preds.values() if r.pipeline_version})
    meta = {"mode": "stored", "gold": str(gold_path), "db": redact(settings.db), "articles": len(gold.articles),
            "read": len(preds), "missing": found["missing"], "matched_by": found["matched"],
            "stored_articles": found["stored"], "read_errors": [], "failed": [],
            "pipeline_version": ", ".join(versions) or "?"}
    return _finish(gold, tasks, {}, meta, complete, errors, started)


__all__ = ["run_eval", "run_eval_stored", "TASKS", "NOT_IMPLEMENTED", "find_article_files",
           "default_manifest", "resolve_complete", "apply_completeness"]
