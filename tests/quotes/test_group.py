"""Grouping the same statement reported by several articles."""
from __future__ import annotations

import pytest

from dossier.models import Quote
from dossier.quotes.group import group_quotes


def q(text: str, speaker: str | None = "vladimir_putin", kind: str = "direct", anonymous: bool = False,
      affiliation: str | None = None) -> Quote:
    return Quote(start=0, end=len(text), text=text, kind=kind, speaker_id=speaker, speaker_name=speaker,
                 anonymous=anonymous, affiliation=affiliation)


@pytest.mark.parametrize(
    "items, expected",
    [
        # the same words, trimmed differently by two outlets
        ([("a", q("Si l'Occident choisit l'escalade, nous saurons répondre fermement")),
          ("b", q("nous saurons répondre fermement"))], [[0, 1]]),
        # typographic differences only
        ([("a", q("La balle est dans leur camp.")), ("b", q("« la balle est dans leur camp »"))], [[0, 1]]),
        # same words, different speakers
        ([("a", q("Nous sommes prêts à négocier sans conditions")),
          ("b", q("Nous sommes prêts à négocier sans conditions", speaker="volodymyr_zelensky"))], [[0], [1]]),
        # different statements of the same speaker
        ([("a", q("Les discussions ont été constructives et utiles")),
          ("b", q("Aucun compromis territorial n'a été trouvé"))], [[0], [1]]),
        # an anonymous source of the same side, same statement
        ([("a", q("Les échanges ont été francs et très directs", speaker="russian_government")),
          ("b", q("Les échanges ont été francs et très directs", speaker=None, anonymous=True,
                  affiliation="russian_government"))], [[0, 1]]),
        # an anonymous source of the other side does not match
        ([("a", q("Les échanges ont été francs et très directs", speaker="russian_government")),
          ("b", q("Les échanges ont été francs et très directs", speaker=None, anonymous=True,
                  affiliation="us_government"))], [[0], [1]]),
        # a single quoted word matches only the same word from the same speaker
        ([("a", q("productives", speaker="kirill_dmitriev")), ("b", q("productives", speaker="kirill_dmitriev")),
          ("c", q("productives", speaker="donald_trump"))], [[0, 1], [2]]),
        # transitive grouping across three outlets
        ([("a", q("Il faut finir ce conflit de façon durable et juste")),
          ("b", q("finir ce conflit de façon durable et juste")),
          ("c", q("Il faut finir ce conflit de façon durable"))], [[0, 1, 2]]),
        # identical statements are one: compared once, grouped with what matches any of them
        ([("a", q("Nous ne céderons aucun territoire")), ("b", q("nous ne céderons aucun territoire !")),
          ("c", q("Rien n'est décidé")), ("d", q("« Nous ne céderons aucun territoire »")),
          ("e", q("ne céderons aucun territoire, jamais"))], [[0, 1, 3, 4], [2]]),
        # two identical words are not a statement (no quote of fewer than three words matches)
        ([("a", q("très utile")), ("b", q("très utile"))], [[0], [1]]),
        # a single word without a speaker never matches, even identical
        ([("a", q("productives", speaker=None)), ("b", q("productives", speaker=None))], [[0], [1]]),
    ],
)
def test_group_quotes(items, expected):
    assert group_quotes(items) == expected


def test_group_quotes_empty():
    assert group_quotes([]) == []


def test_group_quotes_agrees_with_every_pair_compared():
    """The grouping is the connected components of ``speakers_compatible and same_statement``
    over all pairs, whatever the duplicates."""
    from dossier.quotes.group import same_statement, speakers_compatible

    texts = ["Nous ne céderons aucun territoire", "ne céderons aucun territoire", "Rien n'est décidé",
             "très utile", "productives", "Rien n'est encore décidé à ce stade"]
    speakers = ["vladimir_putin", None, "donald_trump"]
    items = [(str(k), q(texts[k % 6], speaker=speakers[k % 3], anonymous=k % 5 == 0)) for k in range(30)]
    parent = list(range(len(items)))

    def find(i):
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            a, b = items[i][1], items[j][1]
            if speakers_compatible(a, b) and same_statement(a, b):
                parent[find(j)] = find(i)
    groups = {}
    for i in range(len(items)):
        groups.setdefault(find(i), []).append(i)
    assert group_quotes(items) == sorted(groups.values(), key=lambda g: g[0])
