"""Real-length synthetic articles (500 to 900 tokens) for ``dossier bench``.

A real news article on a negotiation is several paragraphs of several sentences: a byline and a
dateline, a lead, background, analysis, figures, long quotes over two sentences, indirect
speech, subheadings, and page furniture above, inside and below the text (related links,
newsletter and subscription prompts, share buttons, tags). The short generator of
:mod:`dossier.bench.synth` writes about 115 tokens per article, a fifth of that; this module
writes the body of a real-length one with the same ``_Writer`` (so every person, place, date,
event and quote is annotated at its offset) and these templates, all written for this project.

Slots: {A} {B} actors, {P} place, {D} date expression, {O} organisation, {N} a number.
"""
from __future__ import annotations

import re

BACKGROUND = [
    "Depuis le début de l'année, {O} multiplie les initiatives pour relancer un dialogue au point mort.",
    "Les précédentes rencontres, organisées à {P}, n'avaient débouché sur aucun engagement écrit.",
    "{A} avait déjà évoqué {D} la possibilité d'un gel des hostilités le long de la ligne actuelle.",
    "Le dossier des garanties de sécurité empoisonne les discussions depuis plusieurs mois.",
    "La dernière trêve négociée sous l'égide de {O} n'avait tenu que quelques jours.",
    "Les deux délégations ne s'étaient plus retrouvées dans la même pièce depuis l'automne.",
    "À {P}, les diplomates se montrent prudents et évitent tout pronostic sur l'issue des pourparlers.",
    "Le calendrier reste flou : aucune date n'a été fixée pour un sommet réunissant {A} et {B}.",
    "Les équipes techniques travaillent en parallèle sur un mécanisme de surveillance de la trêve.",
    "{B} avait posé {D} trois conditions préalables à toute reprise des discussions.",
]
ANALYSIS = [
    "Pour plusieurs analystes, ce changement de ton traduit surtout une volonté de gagner du temps.",
    "Un chercheur spécialiste de la région estime que la marge de manœuvre de {A} s'est réduite.",
    "Reste à savoir si les promesses faites à {P} seront suivies d'effets sur le terrain.",
    "Les capitales européennes redoutent d'être mises devant le fait accompli.",
    "À Bruxelles, on souligne que rien n'est acquis tant que les armes ne se sont pas tues.",
    "Le principal point de blocage concerne le sort des territoires occupés et le contrôle des frontières.",
    "La séquence diplomatique intervient alors que l'opinion publique se lasse d'un conflit sans issue visible.",
    "Dans l'entourage de {A}, on assure que la priorité reste la protection des civils.",
]
FIGURES = [
    "Selon un bilan provisoire, au moins {N} personnes ont été blessées et plusieurs bâtiments détruits.",
    "{O} évalue à {N} millions d'euros le coût des réparations les plus urgentes.",
    "Près de {N} prisonniers pourraient être concernés par le prochain échange, d'après une source proche du dossier.",
    "Plus de {N} civils ont été évacués des localités proches du front au cours de la semaine.",
    "L'enveloppe annoncée s'élève à {N} millions d'euros, versés en plusieurs tranches.",
]
LONG_QUOTES = [
    "Nous sommes prêts à discuter de tout, sauf de notre indépendance. Ceux qui imaginent le contraire se trompent lourdement",
    "Il n'y aura pas de paix durable sans justice pour les victimes. Nous le répéterons à chaque rencontre",
    "Le texte sur la table est une base de travail, rien de plus. Chaque ligne devra être négociée",
    "Nous avons entendu beaucoup de déclarations ces derniers mois. Nous jugerons désormais sur les actes",
    "La situation humanitaire ne peut plus attendre. Chaque jour perdu se compte en vies humaines",
    "Personne ne nous dictera le tracé de nos frontières. C'est une question de principe",
]
SUBHEADS = ["Des garanties encore floues", "Un calendrier incertain", "La pression des alliés",
            "Sur le terrain, la guerre continue", "Des divergences persistantes", "Un rôle accru pour les médiateurs"]
BYLINES = ["Par Julie Marchand", "Par Antoine Lefèvre, correspondant régional", "Par la rédaction internationale",
           "Par Sofia Benali et Hugo Renaud", "Par notre envoyée spéciale"]
TOP = ["Accueil > International > Europe", "Article réservé aux abonnés", "Écouter cet article (5 min)",
       "Publicité", "Lire plus tard"]
INSIDE = ["Lire aussi : les scénarios d'un cessez-le-feu durable", "À lire aussi : les coulisses d'une négociation au long cours",
          "Publicité", "Notre décryptage : ce que contient vraiment le plan de paix"]
BOTTOM = ["Newsletter : recevez chaque matin l'essentiel de l'actualité internationale",
          "Vous avez déjà un compte ? Connectez-vous", "Mots-clés : diplomatie, Europe, sécurité",
          "Réagir à cet article", "Partager sur les réseaux sociaux", "Tous droits réservés",
          "Cet article vous a été offert par la rédaction"]

_TOKEN = re.compile(r"\w+|[^\w\s]")
TOKENS = (560, 840)  # target regex tokens; spaCy counts a few more (elisions), so 500 to 900 tokens


def tokens(text: str) -> int:
    return len(_TOKEN.findall(text))


def _number(rng) -> str:
    return str(rng.choice([rng.randrange(12, 99), rng.randrange(100, 950), rng.randrange(1000, 9000, 50)]))


def _fresh(w, rng, pool: list[str]) -> str:
    """A template of ``pool`` this article has not used yet (any, once all are used)."""
    used = w.__dict__.setdefault("used", set())
    choices = [t for t in pool if t not in used] or pool
    template = rng.choice(choices)
    used.add(template)
    return template


def _sentence(w, rng, template: str, roles) -> None:
    template = template.replace("{N}", _number(rng))
    text, anns = w.fill(template, roles)
    w.add(text, anns)


def _long_quote(w, rng, roles, pool: list[str] = LONG_QUOTES) -> None:
    """A two-sentence direct quote with its cue, annotated as one quote."""
    from dossier.bench.synth import CUES, _Ann

    if hasattr(w, "said"):  # the many-story flow's writer: a statement of the speaker's own
        words = w.said(roles["A"][0], long=True)
    else:
        words = _fresh(w, rng, pool).replace("{S}", roles.get("S", ""))
    cue, cue_anns = w.fill(rng.choice(CUES), roles)
    start = len(w.d.text)
    w.add(f"« {words} », {cue}.", [])
    shift = start + 2 + len(words) + 4
    for a in cue_anns:
        w.d.anns.append(_Ann(a.start + shift, a.end + shift, a.kind, a.value))
    w.d.quotes.append((start + 2, start + 2 + len(words), "direct", roles["A"][0]))
    if hasattr(w, "statement"):  # the many-story flow's writer also records the quote's statement event
        w.statement(start, len(w.d.text), roles["A"][0], None)


def body(w, rng, lead, pools: dict[str, list[str]] | None = None, length: tuple[int, int] = TOKENS) -> None:
    """Byline, dateline and lead, then paragraphs of 2 to 5 sentences up to a real length.
    ``pools``: other sentence templates for some of the kinds (background, analysis, figures,
    filler, long_quotes), as :mod:`dossier.bench.stories` gives; ``length``: the range of regex
    tokens to reach."""
    from dossier.bench.synth import FILLER, MONTHS, _Ann

    target = rng.randint(*length)
    pub = w.published
    if rng.random() < 0.7:
        w.add(rng.choice(BYLINES) + "\n", sentence=False)
        w.add(f"Publié le {pub.day} {MONTHS[pub.month - 1]} {pub.year} à {rng.randrange(6, 23)}h"
              f"{rng.randrange(60):02d}\n\n", sentence=False)
    start = len(w.d.text)  # the dateline: "Place, de notre correspondant – " before the lead
    w.add(f"{lead['P'][1]}, de notre correspondant – ", sentence=False)
    w.d.anns.append(_Ann(start, start + len(lead["P"][1]), "place", lead["P"][0]))
    w.event(lead)
    w.add(" ", sentence=False)
    pools = {"background": BACKGROUND, "analysis": ANALYSIS, "figures": FIGURES, "filler": FILLER,
             "long_quotes": LONG_QUOTES, **(pools or {})}
    _sentence(w, rng, _fresh(w, rng, pools["background"]), lead)
    kinds = ["event", "quote", "long_quote", "indirect", "background", "analysis", "figures", "filler"]
    weights = [4, 2, 2, 2, 3, 3, 1, 2]
    while tokens(w.d.text) < target:
        w.add("\n\n", sentence=False)
        if rng.random() < 0.15:
            w.add(rng.choice(SUBHEADS) + "\n\n", sentence=False)
        elif rng.random() < 0.1:
            w.add(rng.choice(INSIDE) + "\n\n", sentence=False)
        roles = lead if rng.random() < 0.5 else w.roles()
        for k in range(rng.randrange(2, 6)):
            if k:
                w.add(" ", sentence=False)
            kind = rng.choices(kinds, weights=weights)[0]
            if kind == "event":
                w.event(roles)
            elif kind == "quote":
                w.quote(roles)
            elif kind == "long_quote":
                _long_quote(w, rng, roles, pools["long_quotes"])
            elif kind == "indirect":
                w.indirect(roles)
            else:
                _sentence(w, rng, _fresh(w, rng, pools[kind]), roles)
    w.add("\n", sentence=False)
    for line in rng.sample(BOTTOM, rng.randrange(1, 4)):
        w.add("\n" + line, sentence=False)
