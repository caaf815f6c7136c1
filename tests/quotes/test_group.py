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
    ],
)
def test_group_quotes(items, expected):
    assert group_quotes(items) == expected


def test_group_quotes_empty():
    assert group_quotes([]) == []


# -- blocking: the same groups as comparing every pair, at a fraction of the comparisons ----------
_SYLLABLES = "ba ce di fo gu la me ni po ru sa te vi zo an el in on ur ir tra pre con dé ré mon sel gar fin".split()
_GLUE = "nous ne pas la le les de des et que pour avec sans sur dans une un il est sont".split()


def _vocabulary(rng, size: int = 3000) -> list[str]:
    words = {"".join(rng.choice(_SYLLABLES) for _ in range(3)) for _ in range(size * 2)}
    return sorted(words)[:size]


def _synthetic_quotes(n_statements: int, seed: int) -> list[tuple[str, Quote]]:
    """Statements of invented words (Zipf-distributed), each reported up to four times: whole, trimmed at
    either end, with different typography, or by an unnamed source of the speaker's side."""
    import random

    rng = random.Random(seed)
    vocabulary = _vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]  # word frequencies fall off as in text
    speakers = [f"speaker_{i}" for i in range(40)]
    out = []
    for s in range(n_statements):
        content = rng.choices(vocabulary, weights, k=10)
        words = [content[k // 2] if k % 2 == 0 else rng.choice(_GLUE) for k in range(rng.randint(6, 16))]
        who = rng.choice(speakers)
        text = " ".join(words)
        variants = [q(text, speaker=who), q(" ".join(words[2:]), speaker=who),
                    q("« " + " ".join(words[:-2]).capitalize() + " »", speaker=who),
                    q(text, speaker=None, anonymous=True, affiliation=who)]
        for v in rng.sample(variants, rng.randint(1, 4)):
            out.append((f"article_{s % 97}", v))
    rng.shuffle(out)
    return out


def _all_pairs_groups(items):
    """Reference: the same decision over every pair."""
    from dossier.quotes.group import quote_key, same_words, speakers_compatible

    keys = [quote_key(quote) for _, quote in items]
    parent = list(range(len(items)))

    def find(i):
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if speakers_compatible(keys[i], keys[j]) and same_words(keys[i], keys[j]):
                parent[max(find(i), find(j))] = min(find(i), find(j))
    groups = {}
    for i in range(len(items)):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def test_blocking_gives_the_groups_of_comparing_every_pair():
    items = _synthetic_quotes(120, seed=1)
    assert group_quotes(items) == _all_pairs_groups(items)


def test_blocking_on_2000_quotes_compares_far_fewer_than_all_pairs():
    items = _synthetic_quotes(800, seed=2)[:2000]
    assert len(items) == 2000
    stats = {}
    groups = group_quotes(items, stats=stats)
    all_pairs = 2000 * 1999 // 2
    assert stats["comparisons"] < 0.05 * all_pairs  # decisions made (here 3.8 %, on real quotes 2.3 %)
    assert stats["probed"] < 0.2 * all_pairs  # set intersections in the index
    assert sum(len(g) > 1 for g in groups) > 300


def test_quote_groups_do_not_depend_on_input_order():
    import random

    items = _synthetic_quotes(150, seed=3)
    expected = {frozenset(id(items[i][1]) for i in g) for g in group_quotes(items)}
    shuffled = items[:]
    random.Random(4).shuffle(shuffled)
    assert {frozenset(id(shuffled[i][1]) for i in g) for g in group_quotes(shuffled)} == expected


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
