"""Storyline merge over hand-built Event records (no model needed: word vectors left out)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest

from dossier.claims.conflicts import find_conflicts
from dossier.events.merge import MergeStats, date_interval, features_of, merge_events, participant_key
from dossier.events.plover import to_plover
from dossier.events.features import EventFeatures
from dossier.events.similarity import compare
from dossier.models import Article, ArticleRecords, Event, Participant

PUTIN = Participant("vladimir_putin", "Vladimir Putin")
TRUMP = Participant("donald_trump", "Donald Trump")
ZELENSKY = Participant("volodymyr_zelensky", "Volodymyr Zelensky")
MACRON = Participant("emmanuel_macron", "Emmanuel Macron")
ERDOGAN = Participant("recep_tayyip_erdogan", "Recep Tayyip Erdogan")
RUSSIA = Participant("russian_government", "Government of Russia")
UKRAINE = Participant("ukrainian_government", "Government of Ukraine")
FRANCE_COUNTRY = Participant("france", "France")


def ev(start=0, type="phone_call", plover="CONSULT", mode="phone", people=(PUTIN, TRUMP), date="2025-02-12",
       precision="day", place=None, status="held", duration=None, duration_text=None, text="evidence"):
    return Event(start=start, end=start + len(text), text=text, type=type, plover=plover, mode=mode,
                 participants=list(people), place_id=place, date=date, date_precision=precision if date else None,
                 duration=duration, duration_text=duration_text, status=status)


def meeting(text, date="2025-06-10", people=(MACRON, ZELENSKY), place="paris", start=0, **kw):
    return ev(start, type="meeting", mode="meeting", people=people, date=date, place=place, text=text, **kw)


def merge(items, published=None, **kw):
    return merge_events(items, published=published, vectors=False, **kw)


def groups(stories):
    return sorted(sorted({k for k, _, _ in s.sources}) for s in stories if len({k for k, _, _ in s.sources}) > 1)


def records(items, published):
    by_key: dict[str, list[Event]] = {}
    for key, event in items:
        by_key.setdefault(key, []).append(event)
    return [(key, ArticleRecords(article=Article(raw_text="", published=published.get(key)), clean_text="",
                                 boilerplate=[], events=events)) for key, events in by_key.items()]


# Three outlets, one meeting, three wordings; the third dates it a day later.
OUTLETS = [
    ("lemonde.txt", meeting("Emmanuel Macron a reçu Volodymyr Zelensky à l'Élysée pour un long entretien "
                            "consacré aux garanties de sécurité et à la reconstruction")),
    ("ouest.txt", meeting("Le président ukrainien s'est entretenu à Paris avec son homologue français des "
                          "garanties de sécurité, avant un dîner consacré à la reconstruction du pays")),
    ("agence.txt", meeting("Zelensky et Macron ont discuté mercredi soir à Paris de garanties de sécurité "
                           "et de reconstruction", date="2025-06-11")),
]
PUBLISHED = {"lemonde.txt": "2025-06-10", "ouest.txt": "2025-06-10", "agence.txt": "2025-06-11"}


def test_three_outlets_one_meeting_one_day_off_merge_and_the_date_conflict_is_listed():
    stories = merge(OUTLETS, PUBLISHED)
    assert groups(stories) == [["agence.txt", "lemonde.txt", "ouest.txt"]]
    story = next(s for s in stories if len(s.sources) == 3)
    assert story.date == "2025-06-10"  # two sources against one
    date = next(d for d in story.disagreements if d["attribute"] == "date")
    said = {v["value"]: sorted(k for k, _, _ in v["sources"]) for v in date["values"]}
    assert said == {"2025-06-10": ["lemonde.txt", "ouest.txt"], "2025-06-11": ["agence.txt"]}
    assert all("score" in line and "participants" in line for line in story.explanation)
    conflicts = [c for c in find_conflicts(records(OUTLETS, PUBLISHED), kb={}) if c.kind == "date"]
    assert len(conflicts) == 1 and conflicts[0].articles == ["agence.txt", "lemonde.txt", "ouest.txt"]
    assert "2025-06-10 per lemonde.txt, ouest.txt; 2025-06-11 per agence.txt" in conflicts[0].summary


def test_two_meetings_of_the_same_parties_on_consecutive_days_stay_apart():
    # one article tells both meetings apart; another outlet reports only the second one
    items = [
        ("recap.txt", meeting("Macron et Zelensky se sont vus lundi à Paris pour préparer le sommet", date="2025-06-09")),
        ("recap.txt", meeting("puis de nouveau mardi à Paris pour conclure le sommet", date="2025-06-10", start=80)),
        ("other.txt", meeting("Zelensky et Macron se sont revus mardi à Paris pour conclure le sommet", date="2025-06-10")),
    ]
    stories = merge(items, {"recap.txt": "2025-06-10", "other.txt": "2025-06-10"})
    dated = {s.date: sorted((k, i) for k, i, _ in s.sources) for s in stories}
    assert dated == {"2025-06-09": [("recap.txt", 0)], "2025-06-10": [("other.txt", 0), ("recap.txt", 1)]}


def test_a_background_event_of_ten_years_earlier_is_not_merged_with_the_story():
    published = {"a.txt": "2025-06-10", "b.txt": "2025-06-12"}
    annexation = dict(type="attack", plover="ASSAULT", mode=None, people=(RUSSIA, UKRAINE), place="crimea",
                      precision="year", date="2015")
    items = [
        ("a.txt", ev(text="la Russie a attaqué la Crimée ukrainienne en 2015", **annexation)),
        ("b.txt", ev(text="l'offensive russe contre la Crimée ukrainienne a repris ce mardi", **{
            **annexation, "date": "2025-06-10", "precision": "day"})),
    ]
    stories = merge(items, published)
    assert groups(stories) == []
    old = next(s for s in stories if s.date == "2015")
    assert old.background and not next(s for s in stories if s.date == "2025-06-10").background
    # two articles recalling the same history on the same date are one (background) event
    again = ("c.txt", ev(text="depuis l'attaque russe de 2015 contre la Crimée", **annexation))
    stories = merge(items + [again], {**published, "c.txt": "2025-06-12"})
    assert groups(stories) == [["a.txt", "c.txt"]]


def test_the_marker_of_the_events_stage_wins_over_the_date_rule():
    a = ev(text="la Russie a attaqué la Crimée ukrainienne", type="attack", plover="ASSAULT", mode=None,
           people=(RUSSIA, UKRAINE), place="crimea", date="2025-06-02")
    b = ev(text="l'attaque russe contre la Crimée ukrainienne", type="attack", plover="ASSAULT", mode=None,
           people=(RUSSIA, UKRAINE), place="crimea", date="2025-06-02")
    b.background = True  # what the events stage will set; merge reads it when present
    assert groups(merge([("a.txt", a), ("b.txt", b)], {"a.txt": "2025-06-03", "b.txt": "2025-06-03"})) == []


def test_the_same_groups_in_any_input_order():
    items = OUTLETS + [
        ("recap.txt", meeting("Macron et Zelensky se sont vus lundi à Paris pour préparer le sommet", date="2025-06-09")),
        ("b.txt", ev(40, text="Poutine et Trump se sont parlé au téléphone pendant deux heures")),
        ("a.txt", ev(5, text="un appel téléphonique de deux heures entre Poutine et Trump")),
        ("a.txt", ev(90, type="attack", plover="ASSAULT", mode=None, people=(RUSSIA,), date="2022-02-24",
                     text="l'invasion de février 2022")),
    ]
    published = {**PUBLISHED, "recap.txt": "2025-06-10", "a.txt": "2025-02-13", "b.txt": "2025-02-13"}
    expected = [(s.id, s.sources, s.date) for s in merge(items, published)]
    assert len(groups(merge(items, published))) == 2
    rng = random.Random(2)
    for _ in range(6):
        by_key: dict[str, list] = {}
        for key, event in items:
            by_key.setdefault(key, []).append((key, event))
        keys = list(by_key)
        rng.shuffle(keys)  # articles arrive in another order (each keeps its own event order)
        shuffled = [pair for key in keys for pair in by_key[key]]
        assert [(s.id, s.sources, s.date) for s in merge(shuffled, published)] == expected


def test_planned_for_the_day_it_was_held_is_one_event_else_linked():
    planned = meeting("Macron recevra Zelensky mardi à Paris", status="planned")
    held = meeting("Macron a reçu Zelensky mardi à Paris")
    stories = merge([("announce.txt", planned), ("report.txt", held)])
    assert groups(stories) == [["announce.txt", "report.txt"]] and stories[0].status == "held"
    moved = meeting("Macron recevra Zelensky la semaine prochaine à Paris", date=None, status="planned")
    stories = merge([("announce.txt", moved), ("report.txt", held)], {"announce.txt": "2025-06-01"})
    assert len(stories) == 2
    by_status = {s.status: s for s in stories}
    assert by_status["planned"].related == [by_status["held"].id]
    assert by_status["held"].related == [by_status["planned"].id]


CALL = "Poutine et Trump se sont parlé au téléphone pendant deux heures"


@pytest.mark.parametrize("a, b, merged", [
    (ev(text=CALL), ev(text=CALL, date="2025-02-20"), False),  # a week apart
    (ev(text=CALL), ev(text="Macron et Zelensky se sont parlé au téléphone pendant une heure",
                       people=(MACRON, ZELENSKY)), False),  # other people
    (ev(text=CALL), ev(text=CALL, type="meeting", mode="meeting"), False),  # a call is not a meeting
    (ev(text=CALL), ev(text=CALL, status="cancelled"), False),
    (ev(text=CALL, place="moscow"), ev(text=CALL, place="moscow"), True),
    (ev(text=CALL, date="2025-02", precision="month"), ev(text=CALL), True),  # a month contains its days
    (ev(text=CALL, date="2025-W07", precision="week"), ev(text=CALL), True),  # a week contains its days
    (ev(text=CALL), ev(text="un appel de deux heures entre les deux dirigeants", people=(RUSSIA, TRUMP)), True),
    # a country acting is its government; a head of state acts for it
    (meeting("la France a reçu le président ukrainien pour parler de sécurité", people=(FRANCE_COUNTRY, ZELENSKY)),
     meeting("Macron a reçu le président ukrainien pour parler de sécurité", people=(MACRON, ZELENSKY)), True),
    # one actor and nothing else in common
    (ev(people=(RUSSIA,), type="attack", plover="ASSAULT", mode=None, text="des frappes sur le port"),
     ev(people=(RUSSIA,), type="attack", plover="ASSAULT", mode=None, date="2025-02-13",
        text="une colonne blindée a franchi la frontière"), False),
])
def test_pairs(a, b, merged):
    assert (len(merge([("a.txt", a), ("b.txt", b)])) == 1) is merged


def test_an_undated_report_joins_a_dated_one_in_similar_words_within_its_week():
    dated = meeting("Macron a reçu Zelensky à l'Élysée pour parler des garanties de sécurité")
    undated = meeting("Zelensky reçu à l'Élysée par Macron : les garanties de sécurité au menu", date=None)
    for pub, merged in (("2025-06-11", True), ("2025-06-30", False), ("2025-06-05", False)):
        stories = merge([("a.txt", dated), ("b.txt", undated)], {"a.txt": "2025-06-10", "b.txt": pub})
        assert (len(stories) == 1) is merged, pub
    stories = merge([("a.txt", dated), ("b.txt", undated)], {"a.txt": "2025-06-10", "b.txt": "2025-06-11"})
    assert stories[0].date == "2025-06-10" and any("undated" in r for r in stories[0].explanation)


def test_undated_reports_merge_only_on_strong_evidence():
    a = meeting("Macron et Zelensky ont parlé de garanties de sécurité et de reconstruction à Paris", date=None)
    b = meeting("à Paris, Zelensky et Macron ont évoqué garanties de sécurité et reconstruction", date=None)
    weak = meeting("Macron a vu Zelensky", date=None, place=None)
    pub = {"a.txt": "2025-06-10", "b.txt": "2025-06-10"}
    assert len(merge([("a.txt", a), ("b.txt", b)], pub)) == 1
    assert len(merge([("a.txt", a), ("b.txt", weak)], pub)) == 2
    assert len(merge([("a.txt", a), ("b.txt", b)], {"a.txt": "2025-06-10", "b.txt": "2025-07-10"})) == 2


def test_articles_of_unknown_time_merge_only_in_the_same_words():
    # no publication day and no dated event: their time is unknown, so only their words tie them
    a = meeting("Macron et Zelensky ont parlé de garanties de sécurité et de reconstruction à Paris", date=None)
    b = meeting("à Paris, Zelensky et Macron ont évoqué garanties de sécurité et reconstruction", date=None)
    few = meeting("Macron et Zelensky ont parlé de garanties de sécurité", date=None)  # 3 words in common
    stories = merge([("a.txt", a), ("b.txt", b)])
    assert len(stories) == 1 and any("time is known" in r for r in stories[0].explanation)
    assert len(merge([("a.txt", a), ("b.txt", few)])) == 2  # the same people and place, not the same words
    # an article of unknown time and one whose time is known: the same words tie them too,
    # and nothing less (the same people and place do not)
    dated = dict(date="2025-06-10")
    stories = merge([("a.txt", meeting(a.text, **dated)), ("b.txt", b)], {"a.txt": "2025-06-10"})
    assert len(stories) == 1 and stories[0].date == "2025-06-10"
    assert any("one report's time is unknown" in r for r in stories[0].explanation)
    assert len(merge([("a.txt", meeting(a.text, **dated)), ("b.txt", few)], {"a.txt": "2025-06-10"})) == 2
    # an undated mention of a dated article: its time is that article's days, known too
    assert len(merge([("a.txt", a), ("b.txt", b)], {"a.txt": "2025-06-10"})) == 1


def test_a_publication_known_to_the_month_is_the_reference_of_its_undated_mentions():
    from dossier.events.merge import reference_values

    dated = meeting("Macron a reçu Zelensky à l'Élysée pour parler des garanties de sécurité", date="2025-06-18")
    undated = meeting("Zelensky reçu à l'Élysée par Macron : les garanties de sécurité au menu", date=None)
    truce = ev(type="other", plover="RETREAT", mode=None, people=(), date="2025-01-19", text="la trêve du 19 janvier")
    items = [("a.txt", dated), ("b.txt", truce), ("b.txt", undated)]
    # a day recalled from January is not the reference of an article of June
    assert reference_values(items, {"a.txt": "2025-06-18", "b.txt": "2025-06"}) == {
        "a.txt": "2025-06-18", "b.txt": "2025-06"}
    assert reference_values(items, {"b.txt": "2025"})["b.txt"] == "2025-01-19"  # a year is no reference
    assert reference_values([("b.txt", dated)], {"b.txt": "2025-06"})["b.txt"] == "2025-06-18"  # its day in the month
    stories = merge(items, {"a.txt": "2025-06-18", "b.txt": "2025-06"})
    assert [sorted(k for k, _, _ in s.sources) for s in stories if len(s.sources) > 1] == [["a.txt", "b.txt"]]
    assert len(merge(items, {"a.txt": "2025-06-18", "b.txt": "2025-04"})) == 3  # another month: apart


def test_dates_three_days_apart_stay_apart_and_are_a_date_conflict():
    a = meeting("Erdogan a accueilli Zelensky à Istanbul pour des pourparlers sur la mer Noire",
                people=(ERDOGAN, ZELENSKY), place="istanbul", date="2025-06-13")
    b = meeting("Zelensky reçu à Istanbul par Erdogan pour des pourparlers sur la mer Noire",
                people=(ERDOGAN, ZELENSKY), place="istanbul", date="2025-06-16")
    items = [("a.txt", a), ("b.txt", b)]
    pub = {"a.txt": "2025-06-13", "b.txt": "2025-06-16"}
    stories = merge(items, pub)
    assert len(stories) == 2 and all(len(s.date_conflicts) == 1 for s in stories)
    conflicts = [c for c in find_conflicts(records(items, pub), kb={}) if c.kind == "date"]
    assert len(conflicts) == 1 and conflicts[0].articles == ["a.txt", "b.txt"]
    assert {v.value for v in conflicts[0].values} == {"2025-06-13", "2025-06-16"}


def test_figures_of_one_event_disagreeing_across_sources_are_listed():
    strike = dict(type="attack", plover="ASSAULT", mode=None, people=(RUSSIA,), place="kyiv", date="2025-06-10")
    a = ev(text="la frappe russe sur Kyiv a fait 12 morts dans la nuit", **strike)
    b = ev(text="la frappe russe de la nuit sur Kyiv a fait 15 morts selon la mairie", **strike)
    stories = merge([("a.txt", a), ("b.txt", b)])
    assert len(stories) == 1
    dead = next(d for d in stories[0].disagreements if d["attribute"] == "figure:dead")
    assert {v["value"] for v in dead["values"]} == {"12", "15"}


def test_two_reports_of_one_call_keep_both_durations():
    a = ev(10, duration="PT2H30M", duration_text="environ deux heures et demie",
           text="Poutine et Trump se sont parlé au téléphone environ deux heures et demie")
    b = ev(50, duration="PT2H", duration_text="deux heures", text="Trump a parlé deux heures au téléphone avec Poutine")
    stories = merge([("a.txt", a), ("b.txt", b)])
    assert len(stories) == 1
    assert stories[0].details["duration"] == [("environ deux heures et demie", "a.txt"), ("deux heures", "b.txt")]
    assert [d["attribute"] for d in stories[0].disagreements] == ["duration"]
    assert stories[0].sources[0] == ("a.txt", 0, a.text)


def test_blocking_compares_far_fewer_than_all_pairs():
    rng = random.Random(4)
    people = [MACRON, ZELENSKY, PUTIN, TRUMP, ERDOGAN, RUSSIA, UKRAINE]
    verbs = ["a reçu", "a rencontré", "s'est entretenu avec", "a appelé", "a discuté avec"]
    topics = ["la sécurité", "le gaz", "les prisonniers", "les sanctions", "la reconstruction", "le blé"]
    items = []
    for n in range(2000):
        day = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(300))
        who = rng.sample(people, 2)
        text = f"{who[0].name} {rng.choice(verbs)} {who[1].name} au sujet de {rng.choice(topics)}"
        items.append((f"a{n // 5}.txt", meeting(text, date=day.isoformat(), people=who, place=None, start=n)))
    stats = MergeStats()
    merge(items, stats=stats)
    assert stats.mentions == 2000
    assert 0 < stats.comparisons < 0.05 * 2000 * 1999 / 2


def test_features_are_storable():
    (f, _), = features_of([("a.txt", OUTLETS[0][1])], {"a.txt": "2025-06-10"}, vectors=False)
    again = EventFeatures.from_dict(f.to_dict())
    assert again == f and compare(again, f).same


@pytest.mark.parametrize("value, interval", [
    ("2025-12-02", (dt.date(2025, 12, 2), dt.date(2025, 12, 2))),
    ("2025-W48", (dt.date(2025, 11, 24), dt.date(2025, 11, 30))),
    ("2025-02", (dt.date(2025, 2, 1), dt.date(2025, 2, 28))),
    ("2014", (dt.date(2014, 1, 1), dt.date(2014, 12, 31))),
    ("2025-12-02T17:00", (dt.date(2025, 12, 2), dt.date(2025, 12, 2))),
    (None, None),
    ("soon", None),
])
def test_date_interval(value, interval):
    assert date_interval(value) == interval


@pytest.mark.parametrize("entity_id, key", [
    ("vladimir_putin", "vladimir_putin"),
    ("local:vladimir_poutine", "local:poutine"),
    ("local:poutine", "local:poutine"),
])
def test_participant_key(entity_id, key):
    assert participant_key(Participant(entity_id, "x")) == key


def test_to_plover_fields():
    event = ev(5, type="meeting", mode="meeting", people=(Participant("emmanuel_macron", "Emmanuel Macron", "host"),
                                                          Participant("volodymyr_zelensky", "Zelensky", "visitor")),
               place="paris", text="Macron a reçu Zelensky")
    kb = {"emmanuel_macron": {"wikidata": "Q3052772"}}
    out = to_plover(event, {"key": "a.txt", "url": "https://example.org/a", "published": "2025-02-12"}, kb=kb)
    assert out["event_type"] == "CONSULT" and out["mode"] == "meeting"
    assert out["actor"] == {"id": "emmanuel_macron", "name": "Emmanuel Macron", "role": "host", "wikidata": "Q3052772"}
    assert out["recipient"]["id"] == "volodymyr_zelensky" and out["recipient"]["wikidata"] is None
    assert (out["start"], out["end"], out["event_text"]) == (5, 5 + len("Macron a reçu Zelensky"), "Macron a reçu Zelensky")
    assert out["url"] == "https://example.org/a" and out["location"]["id"] == "paris"
    assert out["id"] == to_plover(event, {"key": "a.txt"}, kb=False)["id"]


def test_an_undated_report_joins_the_act_its_anchor_article_tells_apart():
    # one article: an announcement of its day, then an undated acceptance; the second outlet's
    # acceptance shares words with the announcement but matches the first article's acceptance better
    deal = dict(type="agreement", plover="AGREE", mode=None, precision="day")
    items = [
        ("a.txt", ev(text="La Russie a annoncé jeudi qu'un compromis était trouvé sur le texte du traité de paix "
                          "avec l'Ukraine, points de frontière compris", people=(RUSSIA,), date="2025-05-15", **deal)),
        ("a.txt", ev(start=200, text="l'Ukraine a accepté les propositions russes sur les trois points de "
                                     "frontière encore ouverts du traité", people=(UKRAINE, RUSSIA), date=None, **deal)),
        ("b.txt", ev(text="Kiev accepte les propositions de Moscou sur les trois derniers points de frontière "
                          "ouverts du traité de paix", people=(UKRAINE, RUSSIA), date=None, **deal)),
    ]
    stories = merge(items, {"a.txt": "2025-05-15", "b.txt": "2025-05-15"})
    assert sorted(sorted((k, i) for k, i, _ in s.sources) for s in stories) == [[("a.txt", 0)], [("a.txt", 1), ("b.txt", 0)]]


JAPAN = Participant("japanese_government", "Government of Japan")
KOREA = Participant("south_korean_government", "Government of South Korea")
CHINA = Participant("chinese_government", "Government of China")


@pytest.mark.parametrize("others, trigger, one", [
    ((JAPAN, KOREA), "consulté", True),  # the same act word, the same actor: one consultation
    ((KOREA, CHINA), "consulté", False),  # the same word, no actor in common
    ((JAPAN, KOREA), None, False),  # no act word known: one shared word is not enough
])
def test_the_one_shared_word_naming_the_act_of_the_same_actor_ties_two_reports(others, trigger, one):
    undated = dataclasses.replace(meeting("Tokyo a confirmé avoir été consulté avant l'annonce", date=None,
                                          people=(JAPAN,), place=None), trigger=trigger)
    dated = dataclasses.replace(meeting("Séoul a consulté le gouvernement japonais", date="2025-06-09",
                                        people=others, place=None), trigger=trigger)
    stories = merge([("a.txt", undated), ("b.txt", dated)], {"a.txt": "2025-06-10", "b.txt": "2025-06-10"})
    assert (len(stories) == 1) is one
    if one:
        assert any("the same act word consul" in r for r in stories[0].explanation)


def test_a_mention_of_unknown_time_is_compared_only_with_reports_sharing_its_words():
    # it meets every report of its people whatever their dates (blocking by who), but a pair
    # with fewer than four words in common could only be refused: it is never decided
    timeless = meeting("Macron et Zelensky ont parlé de garanties de sécurité et de reconstruction à Paris", date=None)
    others = [meeting(f"Macron et Zelensky se sont vus au sujet du blé et des engrais, épisode {n}",
                      date=f"2025-0{2 + n}-10") for n in range(5)]  # months apart: never met by each other
    stats = MergeStats()
    items = [("a.txt", timeless)] + [(f"b{n}.txt", e) for n, e in enumerate(others)]
    merge(items, {f"b{n}.txt": f"2025-0{2 + n}-10" for n in range(5)}, stats=stats)
    assert stats.comparisons == 0
