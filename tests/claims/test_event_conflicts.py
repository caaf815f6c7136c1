"""Conflicts read from merged events and what their articles say around them: the place a
sentence gives, the clock time, the format of talks, an event denied by a later report, and a
dispute joined by the events that report it as fact. Hand-built records, our own sentences."""
from __future__ import annotations

from dossier.claims.conflicts import find_conflicts
from dossier.models import Article, ArticleRecords, Claim, Event, Mention, Participant

TRUMP = Participant("donald_trump", "Donald Trump")
RSF = Participant("rapid_support_forces", "Forces de soutien rapide")
SAF = Participant("sudanese_armed_forces", "Armée soudanaise")
US = Participant("us_government", "United States government")
IRAN = Participant("iranian_government", "Government of Iran")


def event(text, people, type="agreement", plover="AGREE", date="2025-10-13", place=None, start=0, sentence=0,
          status="held"):
    return Event(start=start, end=start + len(text), text=text, type=type, plover=plover, participants=list(people),
                 place_id=place, date=date, date_precision="day" if date else None, sentence=sentence, status=status)


def claim(text, claimant, date, start=500, sentence=1, predicate="SAYS", arguments=(), stance="asserts"):
    args = list(arguments)
    return Claim(start=start, end=start + len(text), text=text, predicate=predicate, arguments=args,
                 proposition=f"{predicate}({','.join(args)})", claimant_id=claimant, claimant_name=claimant,
                 stance=stance, date=date, sentence=sentence)


def place_mention(text, word, entity_id, start=0):
    at = text.index(word)
    return Mention(start=start + at, end=start + at + len(word), text=word, label="LOC", entity_id=entity_id,
                   entity_name=word, entity_type="place")


def records(key, published, events=(), claims=(), mentions=()):
    return (key, ArticleRecords(article=Article(raw_text="", published=published), clean_text="", boilerplate=[],
                                events=list(events), claims=list(claims), mentions=list(mentions)))


def kinds(conflicts, kind):
    return [c for c in conflicts if c.kind == kind]


SIGNED_A = "Donald Trump a paraphé lundi au Caire le texte de paix, en marge d'un sommet international"


def test_the_place_a_sentence_gives_conflicts_with_the_place_of_the_record():
    for text, expected in (
            ("Donald Trump a paraphé lundi le texte de paix lors d'un sommet international organisé à Charm el-Cheikh",
             [["cairo"], ["local:charm_el_cheikh"]]),
            # "sur Gaza" is what the summit was about, not where it was held
            ("Donald Trump a paraphé lundi le texte de paix lors d'un sommet international sur Charm el-Cheikh", None)):
        b = event(text, (TRUMP,), date=None)
        items = [records("a.txt", "2025-10-13", [event(SIGNED_A, (TRUMP,), place="cairo")]),
                 records("b.txt", "2025-10-13", [b], mentions=[place_mention(text, "Charm el-Cheikh", "local:charm_el_cheikh")])]
        found = kinds(find_conflicts(items, kb={}), "place")
        if expected is None:
            assert found == []
        else:
            assert len(found) == 1 and found[0].articles == ["a.txt", "b.txt"]
            assert sorted([v.value] for v in found[0].values) == expected


ACCEPT_A = "Les Forces de soutien rapide acceptent la trêve humanitaire proposée par les médiateurs"
ACCEPT_B = "Les FSR annoncent avoir accepté la trêve humanitaire des médiateurs"


def test_an_event_denied_by_a_later_report_of_one_of_its_parties():
    for text, found in (("ni l'armée ni les FSR n'ont formellement accepté le texte de la trêve", True),
                        ("les FSR démentent avoir bombardé le marché de la ville", False)):
        items = [records("a.txt", "2025-11-06", [event(ACCEPT_A, (RSF,), date="2025-11-06")]),
                 records("b.txt", "2025-11-06", [event(ACCEPT_B, (RSF,), date=None)]),
                 records("c.txt", "2025-11-25", [event(text, (SAF, RSF), type="military_denial", plover="REJECT",
                                                       date="2025-11-25")])]
        status = kinds(find_conflicts(items, kb={}), "status")
        assert bool(status) is found
        if found:
            assert status[0].articles == ["a.txt", "b.txt", "c.txt"]
            assert [v.value for v in status[0].values] == ["held", "denied"]
            assert "rapid_support_forces" in status[0].entities


ANNOUNCE = "Donald Trump a annoncé lundi un cessez-le-feu complet entre les deux pays"


def test_the_clock_times_articles_give_an_announcement():
    for times, conflict in ((("2025-06-23T17:02", "2025-06-23T16:02"), True), (("2025-06-23T17:02",) * 2, False)):
        items = [records(key, "2025-06-23", [event(ANNOUNCE, (TRUMP, IRAN), date="2025-06-23")],
                         claims=[claim("Trump a écrit sur son réseau que la trêve commencerait dans six heures",
                                       "donald_trump", when)])
                 for key, when in zip(("a.txt", "b.txt"), times)]
        found = kinds(find_conflicts(items, kb={}), "time")
        assert bool(found) is conflict
        if conflict:
            assert sorted(v.value for v in found[0].values) == ["16:02", "17:02"]


def test_talks_called_direct_by_one_source_and_indirect_by_another():
    talks = "Les délégations américaine et iranienne se sont retrouvées samedi à Mascate"
    items = [records("a.txt", "2025-04-12", [event(talks, (US, IRAN), type="meeting", plover="CONSULT",
                                                   date="2025-04-12", place="muscat")],
                     claims=[claim("le président a parlé de discussions directes avec Téhéran", "donald_trump",
                                   "2025-04-08")]),
             records("b.txt", "2025-04-12", [event(talks, (US, IRAN), type="meeting", plover="CONSULT",
                                                   date="2025-04-12", place="muscat")],
                     claims=[claim("le ministre a décrit des pourparlers « indirects » menés par l'intermédiaire "
                                   "d'Oman", "abbas_araghchi", "2025-04-12")])]
    found = kinds(find_conflicts(items, kb={}), "format")
    assert len(found) == 1 and [v.value for v in found[0].values] == ["direct", "indirect"]
    assert found[0].articles == ["a.txt", "b.txt"]


def test_a_disputed_agreement_is_joined_by_the_events_that_report_it_as_fact():
    agreed = ("AGREED", ("iranian_government+us_government", "ceasefire"))
    items = [records("a.txt", "2025-06-23", [event(ANNOUNCE, (TRUMP, IRAN, US), date="2025-06-23")],
                     claims=[claim("les deux pays ont convenu d'un cessez-le-feu", "donald_trump", "2025-06-23",
                                   predicate=agreed[0], arguments=agreed[1])]),
             records("b.txt", "2025-06-24", claims=[claim("il n'y a aucun accord de cessez-le-feu", "abbas_araghchi",
                                                          "2025-06-24", predicate=agreed[0], arguments=agreed[1],
                                                          stance="denies")]),
             records("c.txt", "2025-06-23", [event(ANNOUNCE, (TRUMP, IRAN, US), date="2025-06-23")])]
    disputes = [c for c in find_conflicts(items, kb={}) if c.kind == "dispute"]
    assert len(disputes) == 1
    assert disputes[0].articles == ["a.txt", "b.txt", "c.txt"]
    assert {"iranian_government", "us_government", "donald_trump", "abbas_araghchi"} <= set(disputes[0].entities)
