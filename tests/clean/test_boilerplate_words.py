"""clean.boilerplate.words and norm: a line's words and its comparison key, remembered per text."""
from dossier.clean import boilerplate as b


def test_words_and_key_of_a_line_are_remembered():
    b.words.cache_clear()
    b.norm.cache_clear()
    line = "Accueil > Monde > Europe — l'accord de cessez-le-feu"
    assert b.words(line) == ("Accueil", "Monde", "Europe", "l'accord", "de", "cessez-le-feu")
    assert b.norm(line) == "accueil monde europe l'accord de cessez-le-feu"
    assert b.words(line) is b.words(line)  # the furniture tests ask several times per line
    assert b.words.cache_info().hits >= 1 and b.norm(line) == b.norm(line.upper())
    assert b.words("") == () and b.norm(" — ") == ""
