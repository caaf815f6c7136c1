"""Publication dates from the cross-article merge: what an analyst does with two reports of one
event, one saying "jeudi" and the other "le 13 mars 2025".

After the merge (:func:`dossier.events.merge.merge_events`), an article whose publication date
is unknown or only a month or year (never one from a manifest, nor a day a dateline or metadata
gives) learns, for the expression that dates each of its merged events, what the other reports
of that event say of its day (:func:`date_hints`): the day itself, when an article of known day
dates it, else its weekday or its day of the month. The article is then processed again with
those hints (``Article.extra["date_hints"]``): the time component pins its publication day
(:mod:`dossier.timex.hints`, the basis in ``published_evidence``) and every relative date of
the text (its events', quotes', claims' dates) is resolved against it. :func:`redate` runs that
over a set of articles, as the evaluation's fresh run does.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from dossier.models import Article, ArticleRecords, Event, Timex
from dossier.timex.hints import expression_info, pinned_by_hints

__all__ = ["date_hints", "redate", "redate_stored", "open_to_hints", "as_read"]

_KEYS = ("month", "day", "weekday")


def open_to_hints(article: Article) -> bool:
    """Whether the cross-article evidence may date ``article``: its date is unknown or only a
    month or year it does not take from a manifest."""
    return article.published_basis != "manifest" and article.published_precision != "day"


def _known_day(article: Article) -> bool:
    return bool(article.published) and article.published_precision == "day"


def _label(key: str, article: Article) -> str:
    return article.outlet or (Path(article.source).name if article.source else "") or key


def _expression(records: ArticleRecords, event: Event) -> Timex | None:
    """The relative date expression of the event's sentence ("jeudi", "le 13 mars", "dans la
    nuit"): inside the event's span, else the nearest in its sentence; None when the sentence
    has none (or only a full date, a bound or a start)."""
    if event.sentence is None:
        return None
    found = [t for t in records.timexes if t.sentence == event.sentence and t.type == "date"
             and t.mod not in ("before", "after") and "value" not in expression_info(t.text)]
    if not found:
        return None
    return min(found, key=lambda t: (not (event.start <= t.start and t.end <= event.end),
                                     abs(t.start - event.start)))


def date_hints(records: dict[str, ArticleRecords], storylines: Iterable[Any]) -> dict[str, list[dict[str, Any]]]:
    """Article key -> the hints the merged events give it (see the module's docstring), for the
    articles :func:`open_to_hints` admits. ``storylines``: the merge's
    :class:`~dossier.events.merge.StorylineEvent` (``sources``: (key, event index, ...))."""
    out: dict[str, list[dict[str, Any]]] = {}
    for story in storylines:
        members = [(src[0], records[src[0]].events[src[1]]) for src in story.sources
                   if src[0] in records and 0 <= src[1] < len(records[src[0]].events)]
        days: dict[str, set[str]] = {}  # key -> the days its (known-day) article dates the event
        said: dict[str, dict[str, Any]] = {}  # key -> what its words say of the day
        issued: dict[str, str] = {}  # key -> its publication day, when known to the day
        for key, ev in members:
            art = records[key].article
            if _known_day(art):
                issued[key] = str(art.published)[:10]
                if ev.date and len(ev.date) == 10 and ev.date_precision == "day":
                    days.setdefault(key, set()).add(ev.date)
            t = _expression(records[key], ev)
            info = {k: v for k, v in expression_info(t.text).items() if k in _KEYS} if t is not None else {}
            if info:
                said.setdefault(key, info)
        for key, ev in members:
            art = records[key].article
            if not open_to_hints(art):
                continue
            t = _expression(records[key], ev)
            if t is None:
                continue
            hint: dict[str, Any] = {"sentence": t.sentence, "text": t.text}
            others = {d for k, ds in days.items() if k != key for d in ds}
            if len(others) == 1:
                by = sorted(k for k, ds in days.items() if k != key)
                hint["value"] = others.pop()
            elif not others:
                merged: dict[str, Any] = {}
                by = []
                for k, info in sorted(said.items()):
                    if k == key:
                        continue
                    if any(merged.get(x, info[x]) != info[x] for x in info):
                        merged = {}
                        break
                    merged.update(info)
                    by.append(k)
                if not merged:
                    continue
                hint.update(merged)
            else:
                continue  # the known articles date it differently: no hint
            hint["by"] = ", ".join(_label(k, records[k].article) for k in by)
            reports = sorted({d for k, d in issued.items() if k != key})
            if reports:  # when the other reports of the event came out
                hint["reports"] = reports
            if all(h.get("sentence") != hint["sentence"] or h.get("text") != hint["text"] for h in out.get(key, [])):
                out.setdefault(key, []).append(hint)
    return out


def redate(articles: dict[str, Article], records: dict[str, ArticleRecords],
           process: Callable[[list[Article]], list[ArticleRecords | Any]], passes: int = 2) -> dict[str, ArticleRecords]:
    """``records`` with the articles the merged events date processed again with their hints
    (``process`` runs the pipeline over articles, in order; a result that is not an
    ``ArticleRecords``, or whose date the hints did not pin, leaves the article as it was).
    ``articles``: the articles as read (before any inferred date), by the same keys. Up to
    ``passes`` rounds: an article dated in one round can date another in the next."""
    from dossier.events.merge import merge_events

    records = dict(records)
    tried: dict[str, list] = {}
    for _ in range(passes):
        published = {k: r.article.published for k, r in records.items() if r.article.published}
        storylines = merge_events([(k, ev) for k, r in records.items() for ev in r.events], published=published)
        todo = {k: h for k, h in date_hints(records, storylines).items() if k in articles and tried.get(k) != h}
        if not todo:
            break
        keys = list(todo)
        hinted = [replace(articles[k], extra={**articles[k].extra, "date_hints": todo[k]}) for k in keys]
        for k, result in zip(keys, process(hinted)):
            tried[k] = todo[k]
            if isinstance(result, ArticleRecords) and pinned_by_hints(result.article.extra.get("published_evidence")):
                records[k] = result
    return records


def as_read(article: Article) -> Article:
    """A stored article as it was read, before the time component inferred its date (a date
    the reader gave, from a manifest, metadata or a dateline, stays)."""
    if article.published_basis != "inferred":
        return article
    extra = {k: v for k, v in article.extra.items() if k != "published_evidence"}
    return replace(article, published=None, published_precision="unknown", published_basis="unknown",
                   published_confidence=0.0, extra=extra)


def redate_stored(store, process: Callable[[list[Article]], list[ArticleRecords | Any]],
                  article_ids: Iterable[int] | None = None,
                  forget: Callable[[list[int]], Any] | None = None) -> list[int]:
    """:func:`redate` over a store, after a cross-article update: the stored articles the stored
    storylines date are processed again with their hints and their records replaced
    (``store.replace_records``; ``forget`` is called first with their ids: the cross-article
    state lets them go while their old records are still there); hints that pinned no date are kept in the article's ``extra``,
    so the same hints are not tried again. The ids of the articles whose records changed.

    ``article_ids``: the articles this update covered; only the storylines that merge one of
    their events can bring new evidence, so only those are read (an update's cost does not grow
    with the stored corpus). None: every storyline (a rebuild)."""
    from types import SimpleNamespace

    def open_dated(basis: str | None, precision: str | None) -> bool:
        return basis != "manifest" and precision != "day"

    if article_ids is None:
        open_ids = {r["id"] for r in store.article_index() if open_dated(r["published_basis"], r["published_precision"])}
        stories = store.storyline_sources() if open_ids else []
    else:  # the open articles these storylines hold, then every storyline of theirs (as a rebuild reads them)
        touched = store.storyline_sources(article_ids)
        dating = store.article_dating({int(src[0]) for s in touched for src in s["sources"]})
        open_ids = {i for i, (basis, precision) in dating.items() if open_dated(basis, precision)}
        stories = store.storyline_sources(open_ids) if open_ids else []
    if not open_ids:
        return []
    stories = [s for s in stories if any(int(src[0]) in open_ids for src in s["sources"])]
    ids = sorted({int(src[0]) for s in stories for src in s["sources"]})
    records = {str(i): store.article_records(i) for i in ids}
    hints = date_hints(records, [SimpleNamespace(sources=s["sources"]) for s in stories])
    todo = {k: h for k, h in sorted(hints.items(), key=lambda kv: int(kv[0]))
            if records[k].article.extra.get("date_hints") != h}
    if not todo:
        return []
    keys = list(todo)
    hinted = [replace(as_read(records[k].article), extra={**as_read(records[k].article).extra, "date_hints": todo[k]})
              for k in keys]
    pinned: list[tuple[int, ArticleRecords]] = []
    for k, result in zip(keys, process(hinted)):
        if isinstance(result, ArticleRecords) and pinned_by_hints(result.article.extra.get("published_evidence")):
            pinned.append((int(k), result))
        else:
            store.set_article_extra(int(k), {**records[k].article.extra, "date_hints": todo[k]})
    if pinned and forget is not None:
        forget([k for k, _ in pinned])
    for k, result in pinned:
        store.replace_records(k, result)
    return [k for k, _ in pinned]
