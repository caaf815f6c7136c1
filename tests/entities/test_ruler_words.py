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
