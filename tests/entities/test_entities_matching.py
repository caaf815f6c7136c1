"""Across-article matching of names to known persons and places."""
from __future__ import annotations

import pytest

from dossier.entities import geocode, load_kb, match_name


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.mark.parametrize("name,expected", [
    ("Ushakov", "yuri_ushakov"), ("Ouchakov", "yuri_ushakov"), ("Oushakov", "yuri_ushakov"),
    ("Iouri Ouchakov", "yuri_ushakov"), ("Yury Ushakov", "yuri_ushakov"), ("Iouri Oushakov", "yuri_ushakov"),
    ("Zelensky", "volodymyr_zelensky"), ("Zelenskyy", "volodymyr_zelensky"),
    ("Zelenski", "volodymyr_zelensky"), ("Wolodymyr Selenskyj", "volodymyr_zelensky"),
    ("Dmitriev", "kirill_dmitriev"), ("Dmitriiev", "kirill_dmitriev"), ("Kirill Dmitriyev", "kirill_dmitriev"),
    ("Sergey Lavrov", "sergey_lavrov"), ("Sergueï Lavrov", "sergey_lavrov"),
    # one more given name in front of the known full name
    ("Muhammad Ishaq Dar", "ishaq_dar"), ("Vladimir Vladimirovitch Poutine", "vladimir_putin"),
])
def test_variants_link_to_one_person(kb, name, expected):
    entry, confidence, evidence = match_name(name, kb)
    assert entry is not None and entry.id == expected, evidence
    assert confidence >= 0.9


@pytest.mark.parametrize("name,not_expected", [
    ("Ivanka Trump", "donald_trump"),       # same surname, different given name
    ("Olena Zelenska", "volodymyr_zelensky"),
    ("Zelenska", "volodymyr_zelensky"),
    ("Lara Trump", "donald_trump"),
    ("Dmitri Ouchakov", "yuri_ushakov"),
    ("Medvedchuk", "dmitry_medvedev"),
    ("Melania Trump", "donald_trump"),
])
def test_never_merged_with_a_different_person(kb, name, not_expected):
    entry, _, evidence = match_name(name, kb)
    assert entry is None or entry.id != not_expected, evidence


def test_unknown_name_gives_evidence(kb):
    entry, confidence, evidence = match_name("Bertrand Quillebeuf", kb)
    assert entry is None and confidence < 0.9 and evidence


@pytest.mark.parametrize("name,context,country", [
    ("Pokrovsk", [], "UA"),
    ("Odessa", [], "UA"),
    ("Odessa", ["US"], "US"),
    ("Kupyansk", [], "UA"),
    ("Myrnohrad", [], "UA"),
    ("Lyon", [], "FR"),
])
def test_geocode_by_context(name, context, country):
    found = geocode(name, context)
    assert found is not None
    lat, lon, code, confidence = found
    assert code == country and 0 < confidence <= 1


def test_geocode_pokrovsk_is_in_donetsk_oblast():
    lat, lon, _, _ = geocode("Pokrovsk", [])
    assert 47.5 < lat < 48.8 and 36.5 < lon < 38.0


def test_geocode_unknown():
    assert geocode("Xyzzyville-sur-Plouf", []) is None


def test_remembered_matches_follow_the_knowledge_base():
    from dossier.entities.kb import KnowledgeBase

    kb = KnowledgeBase()
    kb.add_data({"entities": [{"id": "anna_exemplova", "name": "Anna Exemplova", "type": "person"}]})
    assert match_name("Exemplova", kb)[0].id == "anna_exemplova"
    assert match_name("Exemplova", kb) == match_name("Exemplova", kb)
    # a second person of that surname: the bare surname is ambiguous from now on
    kb.add_data({"entities": [{"id": "boris_exemplov", "name": "Boris Exemplov", "type": "person"}]})
    entry, _, evidence = match_name("Exemplova", kb)
    assert entry is None and "ambiguous" in evidence


def test_the_gazetteer_is_left_out_of_the_cycle_collectors_walks():
    """The gazetteer lives as long as the process: none of its ~200,000 entries may be a
    container the cycle collector tracks (each full collection would walk them all)."""
    import gc

    from dossier.entities import geo

    index, cities = geo._gazetteer()[:2]
    assert geocode("Pokrovsk", []) is not None  # (loaded and read)
    gc.collect()
    assert len(index) > 100_000
    assert not any(gc.is_tracked(found) for found in index.values())
    assert not any(gc.is_tracked(city) for city in cities)
