"""The incremental state files merged events per week, so an update never rewrites last month.

Hand-written records (names of our own): a minister and an envoy meet every day for three weeks,
each meeting reported by two outlets on its day, and each day's talks share a topic with the
next day's, so every day's reports are one event with the next day's (one day apart): all 42
mentions are linked in one chain. Before, that chain was one unit, recomputed whole by every
update that touched it. The groups are now built day after day
(:func:`dossier.events.merge.cluster_mentions`), so the storylines are stored as one unit per
week, and an update recomputes the weeks from the eve of its earliest day on; a late report
about the first week reaches every later week.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict

import pytest

from dossier.models import Article, ArticleRecords, Event, Participant

PEOPLE = [Participant("local:oriane_valcourt", "Oriane Valcourt"), Participant("local:tadeusz_brenner", "Tadeusz Brenner")]
TOPICS = ["barrage", "digue", "canal", "pont", "port", "écluse", "tunnel", "phare", "quai", "viaduc", "moulin",
          "réservoir", "aqueduc", "gué", "bassin", "chenal", "jetée", "môle", "estacade", "déversoir", "vanne", "radier"]
START = dt.date(2025, 6, 2)  # a Monday


def _article(day: str, n: int, text: str, date: str) -> ArticleRecords:
    art = Article(raw_text=f"{text} (dépêche {n} du {day})", source=f"mem://weeks/{day}/{n}", published=day)
    ev = Event(0, len(text), text, "meeting", "CONSULT", participants=list(PEOPLE), date=date,
               date_precision="day", sentence=0)
    return ArticleRecords(article=art, clean_text=art.raw_text, boilerplate=[], events=[ev])


def _daily() -> list[ArticleRecords]:
    out = []
    for i in range(21):
        day = (START + dt.timedelta(days=i)).isoformat()
        this, following = TOPICS[i], TOPICS[i + 1]
        out.append(_article(day, 1, f"Oriane Valcourt a reçu Tadeusz Brenner pour parler du {this} et du "
                                    f"{following} du fleuve.", day))
        out.append(_article(day, 2, f"Tadeusz Brenner et Oriane Valcourt se sont entretenus du {this} et du "
                                    f"{following} du fleuve.", day))
    return out


LATE = _article("2025-06-22", 9, "Selon un témoin, Oriane Valcourt avait reçu Tadeusz Brenner pour parler du canal "
                                 "et du pont du fleuve.", "2025-06-04")  # published in week 3, about week 1


def _spans(store) -> list[tuple[str, str]]:
    """(first, last) day of the mentions of each stored unit of events."""
    days = defaultdict(list)
    for r in store._rows("SELECT unit, data FROM x_records WHERE kind = 'e'"):
        data = json.loads(r["data"]) if isinstance(r["data"], str) else r["data"]
        days[r["unit"]].append(data["interval"][0])
    return sorted((min(v), max(v)) for v in days.values())


def test_the_chain_is_one_unit_of_linked_mentions():
    """The premise: every day's reports are one event with the next day's, so all are linked."""
    from dossier.crossref.kinds import event_verdict
    from dossier.events.features import event_features

    records = _daily()
    feats = [event_features(r.article.content_hash, 0, r.events[0], START + dt.timedelta(days=n // 2))
             for n, r in enumerate(records)]
    for n in range(0, len(feats) - 2, 2):  # outlet 1 of a day and outlet 1 of the next day
        assert event_verdict(feats[n], feats[n + 2])[0] is True


@pytest.mark.parametrize("order", ["by-week", "late-first", "late-between"])
def test_units_are_weeks_and_batches_give_the_rebuild(order, db_url):
    from dossier.config import Settings
    from dossier.crossref import rebuild_cross_article, update_cross_article
    from dossier.store import open_store
    from test_crossref_incremental import _check_against_whole_run, _dump

    daily = _daily()
    batches = {"by-week": [daily[:14], daily[14:28], daily[28:] + [LATE]],
               "late-first": [[LATE], daily[:20], daily[20:]],
               "late-between": [daily[28:], daily[:14], [LATE], daily[14:28]]}[order]
    with open_store(Settings().with_(db=db_url)) as store:
        for batch in batches:
            store.add_many(batch)
            assert update_cross_article(store) is not None
        spans = _spans(store)
        incremental = _dump(store)
        rebuild_cross_article(store)
        assert _dump(store) == incremental
        assert _spans(store) == spans
        _check_against_whole_run(store)
    # one unit per week (Monday to Sunday, with the Sunday of a storyline that ends on Monday)
    assert len(spans) == 3
    for first, last in spans:
        monday = dt.date.fromisoformat(last) - dt.timedelta(days=dt.date.fromisoformat(last).weekday())
        assert dt.date.fromisoformat(first) >= monday - dt.timedelta(days=1)


def test_an_update_of_the_last_week_rewrites_no_storyline_of_the_first(tmp_path):
    from dossier.config import Settings
    from dossier.crossref import update_cross_article
    from dossier.store import open_store

    daily = _daily()
    with open_store(Settings().with_(db=str(tmp_path / "weeks.db"))) as store:
        store.add_many(daily[:28])  # the first two weeks
        update_cross_article(store)
        # a mark on the stored rows of the first week's storylines: a rewritten row loses it
        store._exec("UPDATE storylines SET summary = 'untouched' WHERE date_end < '2025-06-08'")
        marked = "SELECT id FROM storylines WHERE summary = 'untouched' ORDER BY id"
        before = [r["id"] for r in store._rows(marked)]
        store.add_many(daily[28:])  # the third week
        counts = update_cross_article(store)
        assert len(before) >= 2 and [r["id"] for r in store._rows(marked)] == before
        assert counts["events_recomputed"] < len(daily)  # the weeks from its eve (15 June) on
        store.add_many([LATE])  # about 4 June: that week and every later one
        counts = update_cross_article(store)
        assert counts["events_recomputed"] == len(daily) + 1
        assert [r["id"] for r in store._rows(marked)] == []


def test_a_dense_flow_in_daily_batches_gives_the_rebuild(tmp_path):
    """Many stories a day sharing actors (the growth benchmark's flow): coarse mentions whose
    anchor's group refused them and that later move to a better anchor (they once left a unit
    holding nothing, and the update failed), chains across the week; batches of half a day give
    the rebuild."""
    from dossier.bench.synth import synthetic_records
    from dossier.config import Settings
    from dossier.crossref import rebuild_cross_article, update_cross_article
    from dossier.store import open_store
    from test_crossref_incremental import _dump

    records = sorted(synthetic_records(150, 0, long=True, span=(dt.date(2025, 3, 3), 7), flow="stories"),
                     key=lambda r: r.article.published)
    with open_store(Settings().with_(db=str(tmp_path / "flow.db"))) as store:
        moved = 0
        for start in range(0, len(records), 50):
            store.add_many(records[start:start + 50])
            counts = update_cross_article(store)
            moved += counts.get("events_moved", 0)
        assert moved > 0
        incremental = _dump(store)
        rebuild_cross_article(store)
        assert _dump(store) == incremental
