"""Synthetic French news articles for benchmarks: ``generate(n, seed)``.

Articles are assembled from this module's own sentence templates and a small list of public
actors and places, so they look like negotiation/conflict coverage (varied titles, leads, quotes,
dates, page furniture) without copying any real article. ``synthetic_records`` builds the matching
``ArticleRecords`` directly (mentions, timexes, events, quotes at known offsets) to fill a
database without running the NLP.
"""
from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from dossier.bench import realistic as long_templates
from dossier.models import (
    Article, ArticleRecords, EntityInfo, Event, Mention, Participant, Quote, Sentence, Timex,
)

# id, full name, surname, role phrase
PERSONS = [
    ("vladimir_putin", "Vladimir Poutine", "Poutine", "le président russe"),
    ("volodymyr_zelensky", "Volodymyr Zelensky", "Zelensky", "le président ukrainien"),
    ("donald_trump", "Donald Trump", "Trump", "le président américain"),
    ("emmanuel_macron", "Emmanuel Macron", "Macron", "le président français"),
    ("steve_witkoff", "Steve Witkoff", "Witkoff", "l'envoyé spécial américain"),
    ("marco_rubio", "Marco Rubio", "Rubio", "le secrétaire d'État américain"),
    ("sergei_lavrov", "Sergueï Lavrov", "Lavrov", "le chef de la diplomatie russe"),
    ("dmitry_peskov", "Dmitri Peskov", "Peskov", "le porte-parole du Kremlin"),
    ("andrii_sybiha", "Andriï Sybiha", "Sybiha", "le ministre ukrainien des Affaires étrangères"),
    ("recep_tayyip_erdogan", "Recep Tayyip Erdogan", "Erdogan", "le président turc"),
    ("friedrich_merz", "Friedrich Merz", "Merz", "le chancelier allemand"),
    ("keir_starmer", "Keir Starmer", "Starmer", "le Premier ministre britannique"),
    ("antonio_guterres", "António Guterres", "Guterres", "le secrétaire général de l'ONU"),
    ("ursula_von_der_leyen", "Ursula von der Leyen", "von der Leyen", "la présidente de la Commission européenne"),
    ("kaja_kallas", "Kaja Kallas", "Kallas", "la cheffe de la diplomatie européenne"),
    ("mohammed_bin_salman", "Mohammed ben Salmane", "ben Salmane", "le prince héritier saoudien"),
]
# id, name (as written after "à"), wikidata
PLACES = [
    ("geneva", "Genève"), ("istanbul", "Istanbul"), ("riyadh", "Riyad"), ("paris", "Paris"),
    ("berlin", "Berlin"), ("moscow", "Moscou"), ("kyiv", "Kiev"), ("washington_dc", "Washington"),
    ("brussels", "Bruxelles"), ("warsaw", "Varsovie"), ("budapest", "Budapest"), ("abu_dhabi", "Abou Dhabi"),
    ("doha", "Doha"), ("helsinki", "Helsinki"), ("kharkiv", "Kharkiv"), ("odesa", "Odessa"),
    ("zaporizhzhia", "Zaporijjia"), ("kursk", "Koursk"), ("london", "Londres"), ("rome", "Rome"),
]
ORGS = [
    ("nato", "l'OTAN"), ("european_union", "l'Union européenne"), ("united_nations", "l'ONU"),
    ("iaea", "l'AIEA"), ("icrc", "le Comité international de la Croix-Rouge"), ("g7", "le G7"),
    ("osce", "l'OSCE"),
]
OUTLETS = ["Le Courrier du Soir", "La Gazette de l'Est", "Info Continu", "Le Quotidien Libre", None]

# type, plover, templates (slots: {A} {B} actors, {P} place, {D} date expression, {O} organisation)
EVENTS = [
    ("meeting", "CONSULT", ["{A} a rencontré {B} {D} à {P} pour évoquer les conditions d'une trêve.",
                           "{A} et {B} se sont entretenus {D} à {P} pendant près de quatre heures.",
                           "{D}, {A} a reçu {B} à {P}, une rencontre préparée depuis plusieurs semaines."]),
    ("phone_call", "CONSULT", ["{A} s'est entretenu par téléphone avec {B} {D}.",
                               "{D}, {A} a appelé {B} pour évoquer la situation sur le front."]),
    ("proposal", "REQUEST", ["{A} a proposé {D} à {B} un plan de paix en plusieurs étapes.",
                             "{D}, {A} a invité {B} à {P} pour une nouvelle série de discussions."]),
    ("rejection", "REJECT", ["{A} a rejeté {D} les conditions posées par {B}.",
                             "{D}, {A} a refusé la proposition présentée par {B} à {P}."]),
    ("sanction", "SANCTION", ["{O} a adopté {D} un nouveau train de sanctions visant les proches de {A}.",
                              "{D}, {O} a annoncé le gel de nouveaux avoirs liés à l'entourage de {A}."]),
    ("aid", "AID", ["{A} a promis {D} une aide militaire supplémentaire, a confirmé {B}.",
                    "{D}, {O} a débloqué une enveloppe humanitaire destinée aux civils de {P}."]),
    ("exchange", "AGREE", ["{D}, un échange de prisonniers a eu lieu près de {P}, avec la médiation de {A}.",
                           "{A} et {B} se sont mis d'accord {D} sur un échange de prisonniers."]),
    ("attack", "ASSAULT", ["{D}, une frappe de drones a visé des infrastructures énergétiques à {P}.",
                           "Des bombardements ont touché le centre de {P} {D}, selon les autorités locales."]),
]
QUOTES = [
    "Nous ne signerons rien qui menace notre souveraineté",
    "La porte du dialogue reste ouverte, mais pas à n'importe quel prix",
    "Il faut des garanties de sécurité solides et vérifiables",
    "Les discussions ont été franches et constructives",
    "Personne ne veut d'un accord imposé par la force",
    "Nous attendons des actes concrets, pas seulement des promesses",
    "Cette rencontre marque une étape, pas une conclusion",
    "Le temps presse pour les populations civiles",
    "Aucun compromis territorial n'est à l'ordre du jour",
    "Nous travaillons jour et nuit pour obtenir une trêve durable",
]
CUES = ["a déclaré {A}", "a affirmé {A}", "a estimé {A} devant la presse", "a insisté {A}", "a résumé {A}"]
INDIRECT = ["Selon {A}, les négociations pourraient reprendre {D} à {P}.",
            "{A} a indiqué que les délégations se retrouveraient {D}.",
            "{A} estime que le calendrier proposé par {B} est irréaliste."]
FILLER = [
    "Les deux camps campent toutefois sur leurs positions concernant le tracé de la ligne de front.",
    "Plusieurs diplomates s'interrogent sur la solidité d'un éventuel accord.",
    "La question des garanties de sécurité reste au cœur des discussions.",
    "Sur le terrain, les combats se poursuivent dans plusieurs secteurs de l'est.",
    "Les marchés de l'énergie ont réagi avec prudence à ces annonces.",
    "Les observateurs restent partagés sur les chances d'une trêve avant l'hiver.",
    "{O} a appelé toutes les parties à la retenue.",
    "Les partenaires européens réclament d'être associés à toute négociation.",
]
TITLES = ["{A} et {B} se retrouvent à {P}", "Nouvelle rencontre à {P} autour d'un plan de paix",
          "{A} durcit le ton face à {B}", "Les pourparlers reprennent à {P}", "{O} hausse le ton",
          "Ce qu'il faut retenir de la journée de discussions à {P}"]
FURNITURE = ["Partager cet article", "Lire aussi : notre dossier spécial", "Publicité",
             "Abonnez-vous pour lire la suite", "Crédit photo : Agence Exemple", "Accueil > Monde > Europe"]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]

_SLOT = re.compile(r"\{([ABPDO])\}")


@dataclass
class _Ann:
    start: int
    end: int
    kind: str  # person | place | organization | date
    value: str  # entity id or ISO date


@dataclass
class _Draft:
    text: str = ""
    anns: list[_Ann] = field(default_factory=list)
    events: list[tuple[int, int, str, str, list[str], str | None, str | None]] = field(default_factory=list)
    quotes: list[tuple[int, int, str, str]] = field(default_factory=list)  # start, end, kind, speaker
    sentences: list[tuple[int, int]] = field(default_factory=list)
    title: str = ""
    published: str = ""
    outlet: str | None = None


def _date_expression(rng: random.Random, published: dt.date) -> tuple[str, str]:
    """A French date expression and its ISO value relative to ``published``."""
    choice = rng.randrange(5)
    if choice == 0:
        back = rng.randrange(1, 7)
        day = published - dt.timedelta(days=back)
        return WEEKDAYS[day.weekday()], day.isoformat()
    if choice == 1:
        return "hier", (published - dt.timedelta(days=1)).isoformat()
    if choice == 2:
        day = published - dt.timedelta(days=rng.randrange(2, 40))
        return f"le {day.day} {MONTHS[day.month - 1]}", day.isoformat()
    if choice == 3:
        month = (published.replace(day=1) - dt.timedelta(days=1))
        return f"en {MONTHS[month.month - 1]}", f"{month.year}-{month.month:02d}"
    return "la semaine dernière", "{}-W{:02d}".format(*(published - dt.timedelta(days=7)).isocalendar()[:2])


class _Writer:
    def __init__(self, rng: random.Random, published: dt.date):
        self.rng, self.published, self.d = rng, published, _Draft()

    def person(self) -> tuple[str, str]:
        pid, full, surname, role = self.rng.choice(PERSONS)
        courtesy = full if role.startswith("la ") else f"M. {surname}"
        form = self.rng.choice([full, full, surname, f"{role} {full}", courtesy])
        return pid, form

    def fill(self, template: str, roles: dict[str, tuple[str, str]]) -> tuple[str, list[_Ann]]:
        """Fill {A}{B}{P}{D}{O}; returns the text and annotations relative to its start."""
        out, anns, pos = [], [], 0
        for m in _SLOT.finditer(template):
            out.append(template[pos:m.start()])
            offset = sum(len(x) for x in out)
            slot = m.group(1)
            value, text = roles[slot]
            kind = {"A": "person", "B": "person", "P": "place", "D": "date", "O": "organization"}[slot]
            if offset == 0:
                text = text[0].upper() + text[1:]
            out.append(text)
            anns.append(_Ann(offset, offset + len(text), kind, value))
            pos = m.end()
        out.append(template[pos:])
        return "".join(out), anns

    def roles(self) -> dict[str, tuple[str, str]]:
        a = self.person()
        b = self.person()
        while b[0] == a[0]:
            b = self.person()
        pid, pname = self.rng.choice(PLACES)
        oid, oname = self.rng.choice(ORGS)
        expr, value = _date_expression(self.rng, self.published)
        return {"A": a, "B": b, "P": (pid, pname), "D": (value, expr), "O": (oid, oname)}

    def add(self, text: str, anns: list[_Ann] = (), sentence: bool = True) -> int:
        start = len(self.d.text)
        self.d.text += text
        for a in anns:
            self.d.anns.append(_Ann(a.start + start, a.end + start, a.kind, a.value))
        if sentence:
            self.d.sentences.append((start, start + len(text)))
        return start

    def pick_event(self) -> tuple[str, str, list[str]]:
        """(type, PLOVER code, sentence templates) of the next event."""
        return self.rng.choice(EVENTS)

    def event(self, roles) -> None:
        etype, plover, templates = self.pick_event()
        text, anns = self.fill(self.rng.choice(templates), roles)
        start = self.add(text, anns)
        ids = [a.value for a in anns if a.kind in ("person", "organization")]
        place = next((a.value for a in anns if a.kind == "place"), None)
        date = next((a.value for a in anns if a.kind == "date"), None)
        self.d.events.append((start, start + len(text), etype, plover, ids, place, date))

    def quote(self, roles) -> None:
        words = self.rng.choice(QUOTES)
        cue, cue_anns = self.fill(self.rng.choice(CUES), roles)
        opening = self.rng.choice(["« ", '"'])
        closing = " »" if opening == "« " else '"'
        start = len(self.d.text)
        self.add(f"{opening}{words}{closing}, {cue}.", [])
        shift = start + len(opening) + len(words) + len(closing) + 2
        for a in cue_anns:
            self.d.anns.append(_Ann(a.start + shift, a.end + shift, a.kind, a.value))
        self.d.quotes.append((start + len(opening), start + len(opening) + len(words), "direct", roles["A"][0]))

    def indirect(self, roles) -> None:
        text, anns = self.fill(self.rng.choice(INDIRECT), roles)
        start = self.add(text, anns)
        self.d.quotes.append((start, start + len(text), "indirect", roles["A"][0]))


def _draft(rng: random.Random, index: int, long: bool = False, span: tuple[dt.date, int] | None = None) -> _Draft:
    first, days = span or (dt.date(2025, 1, 1), 365)
    published = first + dt.timedelta(days=rng.randrange(days))
    w = _Writer(rng, published)
    w.d.published, w.d.outlet = published.isoformat(), rng.choice(OUTLETS)
    if rng.random() < 0.5:
        w.add(rng.choice(long_templates.TOP if long else FURNITURE) + "\n", sentence=False)
    lead = w.roles()
    title, title_anns = w.fill(rng.choice(TITLES), lead)
    w.d.title = title
    w.add(title, title_anns, sentence=False)
    w.add("\n\n", sentence=False)
    if long:
        long_templates.body(w, rng, lead)
        w.add("\n", sentence=False)
        return w.d
    w.event(lead)
    for _ in range(rng.randrange(3, 8)):  # paragraphs
        w.add("\n\n" if rng.random() < 0.6 else " ", sentence=False)
        roles = lead if rng.random() < 0.5 else w.roles()
        kind = rng.choices(["event", "quote", "indirect", "filler"], weights=[4, 3, 2, 3])[0]
        if kind == "event":
            w.event(roles)
        elif kind == "quote":
            w.quote(roles)
        elif kind == "indirect":
            w.indirect(roles)
        else:
            text, anns = w.fill(rng.choice(FILLER), roles)
            w.add(text, anns)
    for _ in range(rng.randrange(0, 3)):
        w.add("\n" + rng.choice(FURNITURE), sentence=False)
    w.add("\n", sentence=False)
    return w.d


FLOWS = ("one-story", "stories")


def _drafts(n: int, seed: int, long: bool = False, span: tuple[dt.date, int] | None = None,
            flow: str = "one-story") -> Iterator[_Draft]:
    rng = random.Random(seed)
    if flow == "stories":
        from dossier.bench import stories

        first, days = span or (dt.date(2025, 1, 1), 365)
        for _ in range(n):
            yield stories.draft(rng, first + dt.timedelta(days=rng.randrange(days)))
        return
    if flow != "one-story":
        raise ValueError(f"unknown flow {flow!r} (one of {', '.join(FLOWS)})")
    for i in range(n):
        yield _draft(rng, i, long, span)


def _article(d: _Draft, seed: int, i: int) -> Article:
    return Article(raw_text=d.text, source=f"synthetic:{seed}:{i}", title=d.title, outlet=d.outlet,
                   published=d.published, published_precision="day", published_basis="manifest",
                   published_confidence=1.0, language="fr")


def generate(n: int, seed: int = 0, long: bool = False, span: tuple[dt.date, int] | None = None,
             flow: str = "one-story") -> list[Article]:
    """``n`` synthetic French articles, the same for the same (n, seed). Short ones (about 115
    tokens) by default; ``long``: real length, 500 to 900 tokens (:mod:`dossier.bench.realistic`).
    ``span``: (first day, days) over which they are published (default: the 365 days of 2025).
    ``flow``: ``one-story`` (this module's 16 persons and 20 places in every article) or
    ``stories`` (:mod:`dossier.bench.stories`: many stories of the knowledge base's states and
    persons, each article about one of them; always real length)."""
    return [_article(d, seed, i) for i, d in enumerate(_drafts(n, seed, long, span, flow))]


_ALIASES = {pid: [full, surname, f"M. {surname}"] for pid, full, surname, _ in PERSONS}
_NAMES = {pid: (full, "person") for pid, full, _, _ in PERSONS}
_NAMES.update({pid: (name, "place") for pid, name in PLACES})
_NAMES.update({oid: (name, "organization") for oid, name in ORGS})
_LABELS = {"person": "PER", "place": "LOC", "organization": "ORG"}


def _precision(value: str | None) -> str | None:
    """The precision of one of the generator's ISO dates (as the time stage gives it)."""
    if not value:
        return None
    return "week" if "-W" in value else ("day" if len(value) == 10 else "month")


def _entity(entity_id: str) -> tuple[str, str, list[str]]:
    """Name, type and aliases of an entity the generator writes (its own lists, else the KB's)."""
    if entity_id in _NAMES:
        name, etype = _NAMES[entity_id]
        return name, etype, _ALIASES.get(entity_id, [name])
    from dossier.entities.kb import load_kb

    e = load_kb().get(entity_id)
    return e.name, e.type, e.all_aliases("fr")


def synthetic_records(n: int, seed: int = 0, version: str = "synthetic", long: bool = False,
                      span: tuple[dt.date, int] | None = None, flow: str = "one-story") -> Iterator[ArticleRecords]:
    """ArticleRecords for ``generate(n, seed, long, span, flow)`` built from the generator's own annotations."""
    for i, d in enumerate(_drafts(n, seed, long, span, flow)):
        text = d.text
        sents = [Sentence(s, e, text[s:e]) for s, e in d.sentences]

        def sentence_of(pos: int) -> int | None:
            return next((k for k, (s, e) in enumerate(d.sentences) if s <= pos < e), None)

        mentions, timexes, entities = [], [], {}
        for a in d.anns:
            if a.kind == "date":
                timexes.append(Timex(a.start, a.end, text[a.start:a.end], "date", a.value, _precision(a.value),
                                     anchor=d.published, sentence=sentence_of(a.start)))
                continue
            name, etype, aliases = _entity(a.value)
            mentions.append(Mention(a.start, a.end, text[a.start:a.end], _LABELS[etype], a.value, name, etype,
                                    resolution="kb-alias", sentence=sentence_of(a.start)))
            entities.setdefault(a.value, EntityInfo(a.value, name, etype, aliases=aliases))
        events = [Event(s, e, text[s:e], etype, plover,
                        participants=[Participant(p, _entity(p)[0]) for p in ids],
                        place_id=place, place_name=_entity(place)[0] if place else None,
                        date=date, date_precision=_precision(date), sentence=sentence_of(s))
                  for s, e, etype, plover, ids, place, date in d.events]
        quotes = [Quote(s, e, text[s:e], kind, speaker, _entity(speaker)[0], sentence=sentence_of(s))
                  for s, e, kind, speaker in d.quotes]
        yield ArticleRecords(article=_article(d, seed, i), clean_text=text, boilerplate=[],
                             sentences=sents, mentions=mentions, entities=entities, timexes=timexes,
                             events=events, quotes=quotes, pipeline_version=version)
