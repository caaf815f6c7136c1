"""A small hand-made dossier database for the web and export tests (invented French text).

Offsets are computed from the text, so the records always point at what they name. One article
is hostile: its text, title and metadata carry HTML/JS that must be shown as text, never run.
"""
from __future__ import annotations

from dossier.models import (Article, ArticleRecords, Claim, EntityInfo, Event, Mention, Participant, Position,
                            Quote, Sentence, Timex)

ENTITIES = {
    "vladimir_putin": EntityInfo("vladimir_putin", "Vladimir Poutine", "person", "Q7747",
                                 aliases=["Poutine", "Vladimir Poutine", "Putin"]),
    "steve_witkoff": EntityInfo("steve_witkoff", "Steve Witkoff", "person", aliases=["Witkoff"]),
    "yuri_ushakov": EntityInfo("yuri_ushakov", "Iouri Ouchakov", "person", aliases=["Ouchakov", "Ushakov"]),
    "volodymyr_zelensky": EntityInfo("volodymyr_zelensky", "Volodymyr Zelensky", "person", "Q3881739",
                                     aliases=["Zelensky", "Zelenski"]),
    "moscow": EntityInfo("moscow", "Moscou", "place", "Q649", 55.7558, 37.6173, "RU", aliases=["Moscou", "Moscow"]),
    "pokrovsk": EntityInfo("pokrovsk", "Pokrovsk", "place", "Q163838", 48.2833, 37.1833, "UA", aliases=["Pokrovsk"]),
    "russian_armed_forces": EntityInfo("russian_armed_forces", "Forces armées russes", "organization",
                                       aliases=["armée russe"]),
    "ukrainian_government": EntityInfo("ukrainian_government", "Gouvernement ukrainien", "organization",
                                       aliases=["Kiev"]),
}

TEXT_1 = (
    "Accueil > International > Europe\n"
    "Partager sur les réseaux\n"
    "Un long entretien au Kremlin sans percée\n"
    "Moscou, 3 décembre 2025. Vladimir Poutine a reçu Steve Witkoff mardi soir à Moscou pour une "
    "discussion de cinq heures sur le plan de paix. "
    "« Nous avons parlé franchement de tous les points », a déclaré Iouri Ouchakov devant la presse. "
    "Selon le ministère russe, l'armée russe contrôle désormais Pokrovsk. "
    "Kiev dément fermement et assure que ses troupes tiennent toujours la ville.\n"
    "Abonnez-vous à notre lettre quotidienne\n"
)

TEXT_2 = (
    "Kiev, 4 décembre 2025. Volodymyr Zelensky a jugé que toute cession de territoire serait inacceptable. "
    "La veille, l'envoyé américain Steve Witkoff avait rencontré Vladimir Poutine à Moscou pendant quatre heures. "
    "En novembre, le président ukrainien se disait prêt à discuter du tracé du front sous conditions.\n"
)

HOSTILE = (
    "Dépêche piégée du 5 décembre 2025. <script>alert(1)</script> Un texte contenant "
    "<img src=x onerror=alert(2)> et Poutine au milieu. "
    "Le Kremlin n'a pas commenté cette dépêche.\n"
)


def span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(needle, pos + 1)
    return pos, pos + len(needle)


def sentences(text: str, starts: list[str]) -> list[Sentence]:
    """Sentences beginning at each needle and ending at the next '.' followed by space/newline."""
    out = []
    for needle in starts:
        s, _ = span(text, needle)
        e = s
        while True:
            e = text.index(".", e + 1)
            if e + 1 >= len(text) or text[e + 1] in " \n":
                break
        out.append(Sentence(s, e + 1, text[s:e + 1]))
    return out


def mention(text: str, needle: str, eid: str, nth: int = 0, sentence: int | None = None) -> Mention:
    s, e = span(text, needle, nth)
    info = ENTITIES[eid]
    label = {"person": "PER", "place": "LOC"}.get(info.type, "ORG")
    return Mention(s, e, needle, label, eid, info.name, info.type, resolution="kb-alias", sentence=sentence)


def article_1() -> ArticleRecords:
    t = TEXT_1
    sents = sentences(t, ["Moscou, 3", "Vladimir Poutine a reçu", "« Nous", "Selon le", "Kiev dément"])
    head_end = span(t, "Un long entretien")[0]
    tail = span(t, "Abonnez-vous à notre lettre quotidienne\n")
    q = span(t, "Nous avons parlé franchement de tous les points")
    cl = span(t, "l'armée russe contrôle désormais Pokrovsk")
    dn = span(t, "Kiev dément fermement")
    ev = sents[1]
    return ArticleRecords(
        article=Article(t, source="mem://one.txt", url="https://example.org/entretien", outlet="Le Quotidien Test",
                        title="Un long entretien au Kremlin sans percée", published="2025-12-03",
                        published_precision="day", published_basis="manifest", language="fr"),
        clean_text=t[head_end:tail[0]],
        boilerplate=[(0, head_end), tail],
        sentences=sents,
        mentions=[mention(t, "Moscou", "moscow", 0, 0), mention(t, "Vladimir Poutine", "vladimir_putin", 0, 1),
                  mention(t, "Steve Witkoff", "steve_witkoff", 0, 1), mention(t, "Moscou", "moscow", 1, 1),
                  mention(t, "Iouri Ouchakov", "yuri_ushakov", 0, 2), mention(t, "Pokrovsk", "pokrovsk", 0, 3)],
        entities={k: ENTITIES[k] for k in ("moscow", "vladimir_putin", "steve_witkoff", "yuri_ushakov", "pokrovsk",
                                            "russian_armed_forces", "ukrainian_government")},
        timexes=[Timex(*span(t, "3 décembre 2025"), "3 décembre 2025", "date", "2025-12-03", "day", sentence=0),
                 Timex(*span(t, "mardi soir"), "mardi soir", "date", "2025-12-02", "day", sentence=1)],
        quotes=[Quote(q[0], q[1], t[q[0]:q[1]], "direct", "yuri_ushakov", "Iouri Ouchakov", "Iouri Ouchakov",
                      cue="déclarer", date="2025-12-03", date_precision="day", sentence=2, confidence=0.9)],
        events=[Event(ev.start, ev.end, ev.text, "meeting", "CONSULT", mode="visit", context="diplomatic",
                      trigger="reçu", participants=[Participant("vladimir_putin", "Vladimir Poutine", "host"),
                                                    Participant("steve_witkoff", "Steve Witkoff", "visitor")],
                      place_id="moscow", place_name="Moscou", date="2025-12-02", date_precision="day",
                      duration="PT5H", duration_text="cinq heures", sentence=1, confidence=0.8),
                Event(cl[0], cl[1], t[cl[0]:cl[1]], "military_claim", "ASSAULT", context="territory",
                      participants=[Participant("russian_armed_forces", "Forces armées russes", "source")],
                      place_id="pokrovsk", place_name="Pokrovsk", date="2025-12-03", date_precision="day",
                      sentence=3)],
        claims=[Claim(cl[0], cl[1], t[cl[0]:cl[1]], "CONTROLS", ["russian_armed_forces", "pokrovsk"],
                      "CONTROLS(russian_armed_forces,pokrovsk)", None, "ministère russe de la Défense", "asserts",
                      date="2025-12-03", sentence=3),
                Claim(dn[0], dn[1], t[dn[0]:dn[1]], "CONTROLS", ["russian_armed_forces", "pokrovsk"],
                      "CONTROLS(russian_armed_forces,pokrovsk)", "ukrainian_government", "Kiev", "denies",
                      date="2025-12-03", sentence=4)],
        pipeline_version="test",
    )


def article_2() -> ArticleRecords:
    t = TEXT_2
    sents = sentences(t, ["Kiev, 4", "La veille", "En novembre"])
    z = span(t, "toute cession de territoire serait inacceptable")
    nov = sents[2]
    return ArticleRecords(
        article=Article(t, source="mem://two.txt", url="https://example.net/cession", outlet="Journal Imaginaire",
                        title="Zelensky refuse toute cession", published="2025-12-04", published_precision="day",
                        published_basis="manifest", language="fr"),
        clean_text=t, boilerplate=[], sentences=sents,
        mentions=[mention(t, "Volodymyr Zelensky", "volodymyr_zelensky", 0, 0),
                  mention(t, "Steve Witkoff", "steve_witkoff", 0, 1), mention(t, "Vladimir Poutine", "vladimir_putin", 0, 1),
                  mention(t, "Moscou", "moscow", 0, 1), mention(t, "le président ukrainien", "volodymyr_zelensky", 0, 2)],
        entities={k: ENTITIES[k] for k in ("volodymyr_zelensky", "steve_witkoff", "vladimir_putin", "moscow")},
        timexes=[Timex(*span(t, "4 décembre 2025"), "4 décembre 2025", "date", "2025-12-04", "day", sentence=0),
                 Timex(*span(t, "La veille"), "La veille", "date", "2025-12-03", "day", sentence=1),
                 Timex(*span(t, "En novembre"), "En novembre", "date", "2025-11", "month", sentence=2)],
        quotes=[Quote(z[0], z[1], t[z[0]:z[1]], "indirect", "volodymyr_zelensky", "Volodymyr Zelensky",
                      "Volodymyr Zelensky", cue="juger", date="2025-12-04", date_precision="day", sentence=0)],
        events=[Event(sents[1].start, sents[1].end, sents[1].text, "meeting", "CONSULT", mode="visit",
                      context="diplomatic", participants=[Participant("steve_witkoff", "Steve Witkoff", "visitor"),
                                                          Participant("vladimir_putin", "Vladimir Poutine", "host")],
                      place_id="moscow", place_name="Moscou", date="2025-12-03", date_precision="day",
                      duration="PT4H", duration_text="quatre heures", sentence=1)],
        positions=[Position("volodymyr_zelensky", "Volodymyr Zelensky", "territorial_concessions", "conditional",
                            nov.start, nov.end, nov.text, date="2025-11", sentence=2, said="2025-11"),
                   Position("volodymyr_zelensky", "Volodymyr Zelensky", "territorial_concessions", "opposes",
                            z[0], z[1], t[z[0]:z[1]], date="2025-12-04", sentence=0, said="2025-12-04")],
        pipeline_version="test",
    )


def article_hostile() -> ArticleRecords:
    t = HOSTILE
    sents = sentences(t, ["Dépêche", "Un texte", "Le Kremlin"])
    return ArticleRecords(
        article=Article(t, source="mem://hostile.txt", url="javascript:alert(3)", outlet="<b>Agence</b>",
                        title="<script>alert('titre')</script> Titre piégé", published="2025-12-05",
                        published_precision="day", published_basis="metadata", language="fr"),
        clean_text=t, boilerplate=[], sentences=sents,
        mentions=[mention(t, "Poutine", "vladimir_putin", 0, 1)],
        entities={"vladimir_putin": ENTITIES["vladimir_putin"]},
        timexes=[Timex(*span(t, "5 décembre 2025"), "5 décembre 2025", "date", "2025-12-05", "day", sentence=0)],
        quotes=[Quote(*span(t, "<script>alert(1)</script>"), "<script>alert(1)</script>", "direct",
                      "vladimir_putin", "Vladimir Poutine", sentence=0)],
        pipeline_version="test",
    )


def dispute(one: int) -> dict:
    """The payload the cross-article step stores for the Pokrovsk claims of article one."""
    t = TEXT_1
    refs = {}
    for index, (side, claimant_id, name, needle, sentence) in enumerate([
            ("asserts", None, "ministère russe de la Défense", "l'armée russe contrôle désormais Pokrovsk", 3),
            ("denies", "ukrainian_government", "Kiev", "Kiev dément fermement", 4)]):
        refs[side] = [{"key": str(one), "index": index, "claimant_id": claimant_id, "claimant_name": name,
                       "stance": side, "date": "2025-12-03", "evidence": t[slice(*span(t, needle))],
                       "proposition": "CONTROLS(russian_armed_forces,pokrovsk)", "value": None,
                       "article_id": one, "sentence": sentence}]
    return {"id": 0, "proposition": "CONTROLS(russian_armed_forces,pokrovsk)", "predicate": "CONTROLS",
            "arguments": ["russian_armed_forces", "pokrovsk"], "sides": refs,
            "evolution": refs["asserts"] + refs["denies"], "summary": "asserted -> denied", "articles": [str(one)]}


def conflicts(one: int, two: int) -> list[dict]:
    """What the sources of the Moscow meeting (storyline S1) say differently: its length."""
    first, second = sentences(TEXT_1, ["Vladimir Poutine a reçu"])[0], sentences(TEXT_2, ["La veille"])[0]
    return [{"id": 0, "kind": "duration", "subject": "S1", "attribute": "duration",
             "values": [{"value": "PT5H", "sources": [[str(one), first.text]]},
                        {"value": "PT4H", "sources": [[str(two), second.text]]}],
             "settled_by_kb": None, "articles": [str(one), str(two)], "entities": ["vladimir_putin", "steve_witkoff", "moscow"],
             "summary": "duration of the meeting: PT5H per 1; PT4H per 2"}]


def build(store) -> dict[str, int]:
    """Fill ``store`` with the three articles, two storylines and the cross-article payloads."""
    ids = {"one": store.add_article(article_1()), "two": store.add_article(article_2()),
           "hostile": store.add_article(article_hostile())}
    rows = {v: k for k, v in store.event_row_ids().items()}  # (article, idx) -> event row id
    one, two = ids["one"], ids["two"]
    store.replace_storylines(
        [{"id": "S1", "type": "meeting", "plover": "CONSULT", "date": "2025-12-02", "date_precision": "day",
          "place_id": "moscow", "place_name": "Moscou", "status": "held",
          "participants": [{"entity_id": "vladimir_putin", "name": "Vladimir Poutine", "role": "host"},
                           {"entity_id": "steve_witkoff", "name": "Steve Witkoff", "role": "visitor"}],
          "details": {"duration": [["PT5H", "1"], ["PT4H", "2"]], "date": [["2025-12-02", "1"], ["2025-12-03", "2"]]},
          "explanation": ["same participants and place"], "summary": "Poutine reçoit Witkoff à Moscou",
          "event_ids": [rows[(one, 0)], rows[(two, 0)]], "n_articles": 2},
         {"id": "S2", "type": "military_claim", "plover": "ASSAULT", "date": "2025-12", "date_precision": "month",
          "place_id": "pokrovsk", "place_name": "Pokrovsk", "status": "held",
          "participants": [{"entity_id": "russian_armed_forces", "name": "Forces armées russes", "role": "source"}],
          "details": {}, "explanation": [], "summary": None, "event_ids": [rows[(one, 1)]], "n_articles": 1}],
        {"disputes": [dispute(one)], "conflicts": conflicts(one, two), "positions": []},
    )
    return ids
