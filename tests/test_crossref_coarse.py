"""A coarse-dated mention (a month, a week, undated) never bridges two day-precise events.

Hand-written records: a minister and an envoy (names of our own) meet twice in one month, each
meeting reported by two outlets on its day, and a month-dated report says they met "in May".
The month report is compatible with both meetings; it joins exactly one storyline (its best
match), both in the merge and in the incremental state, where the two meetings stay two units.
Batches in both orders move the month report to a better match stored later, and an incremental
update still gives what ``rebuild_cross_article`` gives.
"""
from __future__ import annotations

import pytest

from dossier.models import Article, ArticleRecords, Event, Participant

PEOPLE = [Participant("local:oriane_valcourt", "Oriane Valcourt"), Participant("local:tadeusz_brenner", "Tadeusz Brenner")]


def _article(day: str, text: str, date: str, precision: str | None, n: int = 0) -> ArticleRecords:
    art = Article(raw_text=f"{text} ({day}, dépêche {n})", source=f"mem://coarse/{day}/{n}", published=day)
    ev = Event(0, len(text), text, "meeting", "CONSULT", participants=list(PEOPLE), date=date,
               date_precision=precision, sentence=0)
    return ArticleRecords(article=art, clean_text=art.raw_text, boilerplate=[], events=[ev])


FIRST = [  # the meeting of 6 May, two outlets
    _article("2025-05-06", "La ministre Oriane Valcourt a reçu mardi l'émissaire Tadeusz Brenner pour parler "
             "du futur barrage et du partage des eaux du fleuve.", "2025-05-06", "day", 1),
    _article("2025-05-06", "Oriane Valcourt et Tadeusz Brenner se sont entretenus mardi du futur barrage et du "
             "partage des eaux du fleuve.", "2025-05-06", "day", 2),
]
SECOND = [  # the meeting of 20 May, two outlets, in the words of the month report
    _article("2025-05-20", "Oriane Valcourt et Tadeusz Brenner ont discuté mardi du tracé du futur barrage "
             "et de son calendrier de chantier.", "2025-05-20", "day", 3),
    _article("2025-05-20", "Nouvelle rencontre mardi entre Oriane Valcourt et Tadeusz Brenner sur le tracé du "
             "futur barrage et son calendrier de chantier.", "2025-05-20", "day", 4),
]
MONTH = [  # "in May", compatible with both meetings
    _article("2025-05-31", "En mai, Oriane Valcourt et Tadeusz Brenner se sont vus pour arrêter le tracé du "
             "futur barrage et le calendrier du chantier.", "2025-05", "month", 5),
]


def _groups(stories) -> list[frozenset[str]]:
    return sorted((frozenset(k for k, _, _ in s.sources) for s in stories), key=sorted)


def test_a_month_report_joins_one_meeting_and_links_nothing():
    from dossier.events.merge import merge_events

    records = FIRST + SECOND + MONTH
    key = {r.article.content_hash: r for r in records}
    stories = merge_events([(r.article.content_hash, e) for r in records for e in r.events],
                           published={k: r.article.published for k, r in key.items()})
    groups = _groups(stories)
    first = {r.article.content_hash for r in FIRST}
    second = {r.article.content_hash for r in SECOND}
    month = MONTH[0].article.content_hash
    assert not any(g & first and g & second for g in groups), "the two meetings stay two events"
    assert sum(month in g for g in groups) == 1
    assert any(first <= g for g in groups) and any(second <= g for g in groups)
    assert second | {month} in groups  # its best match: the meeting told in its words


def _units(store) -> dict[str, int]:
    """content hash of each article -> the unit of its event."""
    hashes = {r["id"]: r["content_hash"] for r in store.article_index()}
    return {hashes[r["article_id"]]: r["unit"] for r in store._rows("SELECT article_id, unit FROM x_records WHERE kind = 'e'")}


@pytest.mark.parametrize("order", ["month-first", "month-last", "split", "split-two"])
def test_units_do_not_chain_and_moves_give_the_rebuild(order, db_url):
    from dossier.config import Settings
    from dossier.crossref import rebuild_cross_article, update_cross_article
    from dossier.store import open_store
    from test_crossref_incremental import _dump

    # "split": the month report and an undated one of the month's last days, linked only to each
    # other (the undated one is too late for either meeting), then the meetings take the month report
    undated = _article("2025-05-31", "Oriane Valcourt et Tadeusz Brenner se sont revus pour arrêter le tracé du "
                       "futur barrage et le calendrier du chantier.", None, None, 6)
    # "split-two": a second outlet's undated report of that later meeting: what stays of the unit
    # the month report leaves is two reports of one event, still one unit (read from their stored pair)
    again = _article("2025-05-31", "Nouvelle entrevue entre Oriane Valcourt et Tadeusz Brenner pour arrêter le "
                     "tracé du futur barrage et le calendrier du chantier.", None, None, 7)
    batches = {"month-first": [MONTH + FIRST, SECOND], "month-last": [FIRST, SECOND, MONTH],
               "split": [MONTH + [undated], FIRST, SECOND], "split-two": [MONTH + [undated, again], FIRST, SECOND]}[order]
    moved = 0
    with open_store(Settings().with_(db=db_url)) as store:
        for batch in batches:
            for rec in batch:
                store.add_article(rec)
            counts = update_cross_article(store)
            moved += counts.get("events_moved", 0)
            if order.startswith("split") and batch is batches[0]:  # linked: one unit, which the meetings split
                assert len({_units(store)[r.article.content_hash] for r in batch}) == 1
        incremental = _dump(store)
        units = _units(store)
        rebuild_cross_article(store)
        assert _dump(store) == incremental
        assert _units(store) == units
    first = {units[r.article.content_hash] for r in FIRST}
    second = {units[r.article.content_hash] for r in SECOND}
    assert len(first) == 1 and len(second) == 1 and first != second, "a month report does not chain two meetings"
    assert units[MONTH[0].article.content_hash] in second
    if order != "month-last":
        assert moved >= 1  # the month report left the unit it was first stored in
    if order.startswith("split"):
        assert units[undated.article.content_hash] not in first | second
    if order == "split-two":
        assert units[undated.article.content_hash] == units[again.article.content_hash]


def test_learned_affiliations_are_counted_per_article(db_url):
    """The state counts the roles of each covered article (``x_affiliations``): an update reads
    the affiliations of its units' actors from the counts, never every stored role, and they are
    what :func:`learned_affiliations` gives over all the roles."""
    from dossier.config import Settings
    from dossier.crossref import rebuild_cross_article, update_cross_article
    from dossier.events.features import learned_affiliations, most_said
    from dossier.models import RoleFact
    from dossier.store import open_store

    def role(person: str, name: str, org: str | None) -> RoleFact:
        return RoleFact(person, name, "porte-parole", 0, 10, f"{name}, porte-parole", organization_id=org)

    said = [[role("local:ilse_marow", "Ilse Marow", "org:conseil_fluvial"), role("local:ben_osei", "Ben Osei", None)],
            [role("local:ilse_marow", "Ilse Marow", "org:agence_des_eaux")],
            [role("local:ilse_marow", "Ilse Marow", "org:agence_des_eaux"), role("local:ben_osei", "Ben Osei", "org:port")]]
    with open_store(Settings().with_(db=db_url)) as store:
        for n, roles in enumerate(said):
            rec = _article("2025-06-0" + str(n + 1), "Ilse Marow a rencontré Ben Osei au port.", f"2025-06-0{n + 1}",
                           "day", 10 + n)
            rec.roles = roles
            store.add_article(rec)
            update_cross_article(store)
        everything = learned_affiliations(r for _, r in store.records("roles"))
        counts = store.x_affiliations(["local:marow", "local:osei", "local:nobody"])
        assert {a: most_said(c) for a, c in counts.items()} == everything == {
            "local:marow": "org:agence_des_eaux", "local:osei": "org:port"}
        rebuild_cross_article(store)
        assert store.x_affiliations(["local:marow", "local:osei"]) == counts


def test_a_state_built_by_other_rules_is_rebuilt(tmp_path):
    """A state whose units followed other rules (a database built before the coarse mentions
    were anchored) is recomputed whole by the next update, not extended."""
    from dossier.config import Settings
    from dossier.crossref import STATE_RULES_KEY, update_cross_article
    from dossier.store import open_store

    with open_store(Settings().with_(db=str(tmp_path / "x.db"))) as store:
        for rec in FIRST:
            store.add_article(rec)
        assert update_cross_article(store)["articles"] == len(FIRST)
        store.add_article(SECOND[0])
        store.set_meta(STATE_RULES_KEY, "older-rules")
        assert update_cross_article(store)["articles"] == len(FIRST) + 1
        store.add_article(SECOND[1])
        assert update_cross_article(store)["articles"] == 1


def test_articles_of_unknown_time_meet_in_the_incremental_update_as_in_the_rebuild(db_url):
    """Two articles without a publication day or any dated event, telling one meeting in the same
    words, stored in two batches: the update links them (their words' bucket of unknown time) as
    the rebuild does; a third of unknown time in other words stays apart."""
    from dossier.config import Settings
    from dossier.crossref import rebuild_cross_article, update_cross_article
    from dossier.store import open_store
    from test_crossref_incremental import _dump

    def timeless(text: str, n: int) -> ArticleRecords:
        art = Article(raw_text=f"{text} (dépêche {n})", source=f"mem://timeless/{n}")
        ev = Event(0, len(text), text, "meeting", "CONSULT", participants=list(PEOPLE), sentence=0)
        return ArticleRecords(article=art, clean_text=art.raw_text, boilerplate=[], events=[ev])

    one = timeless("Oriane Valcourt a reçu Tadeusz Brenner pour parler du futur barrage, du partage des eaux "
                   "du fleuve et du calendrier du chantier.", 1)
    two = timeless("Tadeusz Brenner et Oriane Valcourt ont parlé du futur barrage, du partage des eaux du "
                   "fleuve et du calendrier du chantier.", 2)
    other = timeless("Oriane Valcourt et Tadeusz Brenner ont signé un accord commercial sur les céréales.", 3)
    with open_store(Settings().with_(db=db_url)) as store:
        for batch in ([one], [two, other]):
            for rec in batch:
                store.add_article(rec)
            update_cross_article(store)
        incremental = _dump(store)
        units = _units(store)
        rebuild_cross_article(store)
        assert _dump(store) == incremental
        assert _units(store) == units
    assert units[one.article.content_hash] == units[two.article.content_hash]
    assert units[other.article.content_hash] != units[one.article.content_hash]


def test_a_publication_known_to_the_month_is_the_reference_in_the_update_as_in_the_rebuild(db_url):
    """An article published "in June" (no day) with an undated report of a meeting held on 18 June,
    and a January day it recalls: its undated report joins the meeting in the update (the stored
    reference is the month) as in the rebuild."""
    from dossier.config import Settings
    from dossier.crossref import rebuild_cross_article, update_cross_article
    from dossier.store import open_store
    from test_crossref_incremental import _dump

    day = _article("2025-06-18", "Oriane Valcourt a reçu mercredi Tadeusz Brenner pour parler du futur barrage, "
                   "du partage des eaux du fleuve et du calendrier du chantier.", "2025-06-18", "day", 21)
    text = ("Tadeusz Brenner et Oriane Valcourt ont parlé du futur barrage, du partage des eaux du fleuve et du "
            "calendrier du chantier.")
    recalled = "Le premier accord sur le fleuve date du 19 janvier."
    art = Article(raw_text=f"{text} {recalled}", source="mem://month/22", published="2025-06")
    month = ArticleRecords(article=art, clean_text=art.raw_text, boilerplate=[], events=[
        Event(0, len(text), text, "meeting", "CONSULT", participants=list(PEOPLE), sentence=0),
        Event(len(text) + 1, len(art.raw_text), recalled, "agreement", "AGREE", date="2025-01-19",
              date_precision="day", sentence=1)])
    with open_store(Settings().with_(db=db_url)) as store:
        for batch in ([day], [month]):
            for rec in batch:
                store.add_article(rec)
            update_cross_article(store)
        incremental = _dump(store)
        hashes = {r["id"]: r["content_hash"] for r in store.article_index()}
        units = sorted((hashes[r["article_id"]], r["unit"]) for r in store._rows(
            "SELECT article_id, unit FROM x_records WHERE kind = 'e'"))
        rebuild_cross_article(store)
        assert _dump(store) == incremental
    assert len(units) == 3
    meeting = {u for h, u in units if h == day.article.content_hash}
    assert len(meeting) == 1 and sum(u in meeting for h, u in units if h == month.article.content_hash) == 1


def _deals(day: str, n: int, *events: tuple[str, list[Participant], str | None]) -> ArticleRecords:
    text = " ".join(t for t, _, _ in events)
    art = Article(raw_text=f"{text} ({day}, dépêche {n})", source=f"mem://rival/{day}/{n}", published=day)
    evs, at = [], 0
    for i, (t, people, date) in enumerate(events):
        evs.append(Event(at, at + len(t), t, "agreement", "AGREE", participants=list(people), date=date,
                         date_precision="day" if date else None, sentence=i))
        at += len(t) + 1
    return ArticleRecords(article=art, clean_text=art.raw_text, boilerplate=[], events=evs)


RUSSIA, UKRAINE = Participant("russian_government", "Russie"), Participant("ukrainian_government", "Ukraine")
# one article: an announcement of its day and, further on, an undated acceptance; another outlet
# reports only the acceptance, in the same words, and (the words shared with the announcement
# aside) would otherwise join the announcement, its best day-precise match
ANNOUNCED = _deals("2025-05-15", 7,
                   ("La Russie a annoncé jeudi qu'un compromis était trouvé sur le texte du traité de paix avec "
                    "l'Ukraine, points de frontière compris.", [RUSSIA], "2025-05-15"),
                   ("L'Ukraine a accepté les propositions russes sur les trois points de frontière encore ouverts "
                    "du traité.", [UKRAINE, RUSSIA], None))
ACCEPTED = _deals("2025-05-15", 8, ("Kiev accepte les propositions de Moscou sur les trois derniers points de "
                                     "frontière ouverts du traité de paix.", [UKRAINE, RUSSIA], None))


@pytest.mark.parametrize("order", ["together", "announcement-first", "acceptance-first"])
def test_an_undated_report_joins_the_act_the_other_article_tells_apart(order, db_url):
    """A day-precise mention is no anchor for a coarse one when a coarse mention of its own
    article matches better: the update gives the rebuild's storylines in any order."""
    from dossier.config import Settings
    from dossier.crossref import rebuild_cross_article, update_cross_article
    from dossier.events.merge import merge_events
    from dossier.store import open_store
    from test_crossref_incremental import _dump

    records = [ANNOUNCED, ACCEPTED]
    stories = merge_events([(r.article.content_hash, e) for r in records for e in r.events], vectors=False,
                           published={r.article.content_hash: r.article.published for r in records})
    a, b = ANNOUNCED.article.content_hash, ACCEPTED.article.content_hash
    assert sorted(sorted((k, i) for k, i, _ in s.sources) for s in stories) == [[(a, 0)], [(a, 1), (b, 0)]]
    batches = {"together": [records], "announcement-first": [[ANNOUNCED], [ACCEPTED]],
               "acceptance-first": [[ACCEPTED], [ANNOUNCED]]}[order]
    with open_store(Settings().with_(db=db_url)) as store:
        for batch in batches:
            for rec in batch:
                store.add_article(rec)
            update_cross_article(store)
        incremental = _dump(store)
        rebuild_cross_article(store)
        assert _dump(store) == incremental
        shared = [s for s in store.export_rows("storylines") if s["n_articles"] == 2]
    assert len(shared) == 1 and shared[0]["date"] is None  # the acceptances, not the announcement of 15 May


@pytest.mark.parametrize("order", ["dated-first", "timeless-first"])
def test_an_article_of_unknown_time_joins_a_dated_report_in_the_same_words(order, db_url):
    """An article without a publication day or dated event tells, in the same words, the meeting
    another article dates: one storyline, in the update (either order) as in the rebuild; a
    third of unknown time naming the same people in other words stays apart."""
    from dossier.config import Settings
    from dossier.crossref import rebuild_cross_article, update_cross_article
    from dossier.store import open_store
    from test_crossref_incremental import _dump

    dated = _article("2025-05-06", "Oriane Valcourt a reçu mardi Tadeusz Brenner pour parler du futur barrage, "
                     "du partage des eaux du fleuve et du calendrier du chantier.", "2025-05-06", "day", 11)
    text = ("Tadeusz Brenner et Oriane Valcourt ont parlé du futur barrage, du partage des eaux du fleuve et du "
            "calendrier du chantier.")
    other_text = "Oriane Valcourt et Tadeusz Brenner ont signé un accord commercial sur les céréales."
    timeless = []
    for n, t in ((12, text), (13, other_text)):
        art = Article(raw_text=f"{t} (dépêche {n})", source=f"mem://timeless-known/{n}")
        ev = Event(0, len(t), t, "meeting", "CONSULT", participants=list(PEOPLE), sentence=0)
        timeless.append(ArticleRecords(article=art, clean_text=art.raw_text, boilerplate=[], events=[ev]))
    batches = [[dated], timeless] if order == "dated-first" else [timeless, [dated]]
    with open_store(Settings().with_(db=db_url)) as store:
        for batch in batches:
            for rec in batch:
                store.add_article(rec)
            update_cross_article(store)
        incremental = _dump(store)
        units = _units(store)
        rebuild_cross_article(store)
        assert _dump(store) == incremental
        assert _units(store) == units
    assert units[dated.article.content_hash] == units[timeless[0].article.content_hash]
    assert units[timeless[1].article.content_hash] != units[dated.article.content_hash]
