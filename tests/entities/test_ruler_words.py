"""The alias ruler reads each distinct token text's folded words once (a memo), with the same
words and breaks as before."""
from dossier.entities import ruler


def test_token_words_are_the_folded_words_or_a_break():
    assert ruler._token_words("l’Armée") == ("l", "armee")
    assert ruler._token_words("Maison-Blanche") == ("maison", "blanche")
    assert ruler._token_words("(") == (ruler._BREAK,)  # punctuation ends a name
    assert ruler._token_words("-") == () and ruler._token_words("’") == ()  # inside a name: nothing


def test_token_words_are_remembered():
    first = ruler._token_words("Zelensky")
    assert ruler._token_words("Zelensky") is first
    assert list(first) == ruler._words("Zelensky")


def test_institution_heads_are_tested_once_per_text():
    """The per-token scan for institution heads the NER missed remembers its answer per token
    text (a pure function of the text and the shipped lexicon)."""
    from dossier.entities.repair import may_head_institution

    assert may_head_institution("Forces") and may_head_institution("groupe")
    assert not may_head_institution("mardi")
    before = may_head_institution.cache_info().hits
    assert may_head_institution("Forces")
    assert may_head_institution.cache_info().hits == before + 1
