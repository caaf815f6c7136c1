"""Hostile inputs, each hand-made: one clear line for what is refused, nothing lost of the rest."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.config import Settings
from dossier.errors import InputError
from dossier.models import Article
from dossier.read import iter_articles

BODY = ("La ministre fictive Claire Vautrin a reçu mardi à Genève son homologue pour évoquer une trêve.\n\n"
        "Les deux délégations ont promis de se revoir avant la fin du mois.\n")


def run(inputs, settings=None, manifest=None):
    items = list(iter_articles([str(i) for i in inputs], settings or Settings(db="unused.db"),
                               manifest=str(manifest) if manifest else None))
    return [i for i in items if isinstance(i, Article)], [str(i) for i in items if isinstance(i, InputError)]


# -- manifests stay in their folder --------------------------------------------------------------
@pytest.fixture()
def crawl(tmp_path):
    root = tmp_path / "crawl"
    (root / "texts").mkdir(parents=True)
    (root / "texts" / "ok.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "secret.txt").write_text(BODY.replace("Genève", "Berne"), encoding="utf-8")
    return root


@pytest.mark.parametrize("name", ["../secret.txt", "texts/../../secret.txt", "/etc/hostname", "../../../../etc/passwd"])
def test_manifest_files_stay_under_the_manifest_folder(crawl, name):
    manifest = crawl / "manifest.jsonl"
    manifest.write_text(json.dumps({"file": "texts/ok.txt", "published": "2025-12-02"}) + "\n"
                        + json.dumps({"file": name, "published": "2025-12-03"}) + "\n", encoding="utf-8")
    articles, errors = run([], manifest=manifest)
    assert [Path(a.source).name for a in articles] == ["ok.txt"]
    assert articles[0].published == "2025-12-02"
    assert errors == [f"{manifest}:2: file {name!r} is outside the manifest's folder "
                      "(allow another folder with DOSSIER_ALLOWED_ROOTS)"]


def test_an_allowed_root_lets_a_manifest_name_files_elsewhere(crawl, tmp_path):
    manifest = crawl / "manifest.jsonl"
    manifest.write_text(json.dumps({"file": "../secret.txt"}) + "\n", encoding="utf-8")
    articles, errors = run([], Settings(db="unused.db", allowed_roots=(str(tmp_path),)), manifest=manifest)
    assert errors == [] and [Path(a.source).name for a in articles] == ["secret.txt"]


def test_manifest_fields_of_the_wrong_type_are_refused(crawl):
    manifest = crawl / "manifest.jsonl"
    manifest.write_text(json.dumps({"file": "texts/ok.txt", "outlet": ["a", "b"]}) + "\n"
                        + json.dumps({"url": ["https://example.org/a"]}) + "\n", encoding="utf-8")
    articles, errors = run([], manifest=manifest)
    assert errors == [f"{manifest}:1: manifest field 'outlet' must be a string, not list",
                      f"{manifest}:2: manifest field 'url' must be a string, not list"]


# -- extensionless files ------------------------------------------------------------------------
def test_extensionless_files_are_text_only_when_named(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "hostname").write_text("une-machine\n", encoding="utf-8")
    (folder / "a.txt").write_text(BODY, encoding="utf-8")
    articles, errors = run([folder])
    assert [Path(a.source).name for a in articles] == ["a.txt"]
    assert errors == [f"{folder / 'hostname'}: no file extension (not read as text: name it .txt, "
                      "or give it on the command line)"]
    (folder / "NOTES").write_text(BODY, encoding="utf-8")
    articles, errors = run([folder / "NOTES"])
    assert errors == [] and articles[0].raw_text == BODY


# -- junk is not an article ---------------------------------------------------------------------
LOL = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(2, 8))
BOMB = (f'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol1 "lol">{LOL}]>\n<rss version="2.0"><channel>'
        "<title>Fil</title><item><title>Titre</title><description>&lol7;</description></item>"
        f"<item><title>Vrai</title><description>{BODY.strip()}</description></item></channel></rss>\n")


@pytest.mark.parametrize("name, content, message", [
    ("bomb.xml", BOMB, "#1: no real text (only an unexpanded entity reference: '&lol7')"),
    ("entity.txt", "&lol7;\n", ": no real text (only an unexpanded entity reference: '&lol7;')"),
    ("nav.html", '<html><head><title>Accueil du site</title></head><nav><a href="/">Accueil</a> '
                 '<a href="/r">Rubriques</a></nav></html>', ": no real text (fewer than 3 words)"),
    ("link.html", '<html><body><a href="/">Accueil</a></body></html>', ": no real text (fewer than 3 words)"),
    ("wrong.jsonl", json.dumps({"text": ["Un paragraphe.", {"a": 1}]}),
     ":1: field 'text' is a list, expected a string or a list of strings"),
    ("author.jsonl", json.dumps({"text": BODY, "author": True}),
     ":1: field 'author' is a boolean, expected a string, {\"name\": ...} or a list of them"),
    ("title.json", json.dumps({"text": BODY, "title": ["x", "y"]}), ": field 'title' is a list, expected a string"),
    ("date.json", json.dumps({"text": BODY, "published": {"y": 2025}}),
     ": field 'published' is an object, expected a date string"),
    ("number.jsonl", json.dumps({"text": 12345}), ":1: field 'text' is a number, expected a string or a list of strings"),
])
def test_junk_is_skipped_with_a_reason_and_the_rest_goes_in(tmp_path, name, content, message):
    bad = tmp_path / name
    bad.write_text(content, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    articles, errors = run([bad, good])
    assert errors == [f"{bad}{message}"]
    assert str(good) in [a.source for a in articles]
    for a in articles:  # nothing stored as a Python repr
        assert not any(isinstance(v, str) and v.startswith(("[", "{", "True", "False"))
                       for v in (a.title, a.author, a.outlet, a.raw_text))


def test_json_lists_of_strings_and_named_authors_are_read(tmp_path):
    p = tmp_path / "ok.jsonl"
    p.write_text(json.dumps({"text": BODY.split("\n\n"), "author": [{"name": "J. Martin"}, "P. Durand"],
                             "outlet": {"name": "Le Quotidien inventé"}, "published": "2025-12-02"}), encoding="utf-8")
    (article,), errors = run([p])
    assert errors == []
    assert (article.author, article.outlet) == ("J. Martin, P. Durand", "Le Quotidien inventé")
    assert article.raw_text == "\n\n".join(BODY.split("\n\n"))


def test_nul_characters_are_dropped_from_text_and_metadata(tmp_path):
    """A NUL is junk in an article, and PostgreSQL text cannot hold one: the article still goes in."""
    p = tmp_path / "nul.jsonl"
    p.write_text(json.dumps({"text": BODY.replace("mardi", "mar\x00di"), "title": "Une trêve\x00 inventée",
                             "author": "J.\x00 Martin"}), encoding="utf-8")
    (article,), errors = run([p])
    assert errors == []
    assert (article.raw_text, article.title, article.author) == (BODY, "Une trêve inventée", "J. Martin")
    txt = tmp_path / "ok.txt"
    txt.write_text(BODY, encoding="utf-8")
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text(json.dumps({"file": "ok.txt", "outlet": "Le\x00 Quotidien", "title": "Tr\x00êve"}) + "\n",
                        encoding="utf-8")
    (article,), errors = run([txt], manifest=manifest)
    assert errors == [] and (article.outlet, article.title) == ("Le Quotidien", "Trêve")


# -- feeds cut short keep their complete entries -----------------------------------------------
FEED = ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Fil</title>\n'
        "<item><title>Un</title><link>https://example.org/1</link>"
        f"<description>{BODY.strip()}</description></item>\n"
        "<item><title>Deux</title><description>Le sommet prévu jeudi est reporté à une date ")


@pytest.mark.parametrize("cut", [len(FEED), len(FEED) - 20, FEED.index("<item><title>Deux") + 8])
def test_a_truncated_feed_keeps_its_complete_items(tmp_path, cut):
    p = tmp_path / "feed.xml"
    p.write_bytes(FEED[:cut].encode("utf-8"))
    articles, errors = run([p])
    assert [(a.title, a.url) for a in articles] == [("Un", "https://example.org/1")]
    assert "Claire Vautrin" in articles[0].raw_text and "sommet" not in articles[0].raw_text
    assert errors in ([], [f"{p}#2: feed entry is incomplete (the feed is truncated)"])
    if cut == len(FEED):  # the second item is there, unfinished: said so
        assert errors == [f"{p}#2: feed entry is incomplete (the feed is truncated)"]


# -- encodings, URL schemes ---------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_decoded(tmp_path, encoding):
    p = tmp_path / "u16.txt"
    p.write_bytes(BODY.encode(encoding))
    (article,), errors = run([p])
    assert errors == [] and article.raw_text == BODY


def test_binary_with_zero_bytes_is_still_binary(tmp_path):
    p = tmp_path / "blob.txt"
    p.write_bytes(bytes(range(256)) * 8)
    articles, errors = run([p])
    assert articles == [] and errors == [f"{p}: binary file (not text)"]


@pytest.mark.parametrize("url", ["file:///etc/hostname", "ftp://example.org/a.txt", "FILE:///tmp/x.txt"])
def test_other_url_schemes_are_not_supported(url):
    articles, errors = run([url])
    scheme = url.split(":")[0].lower()
    assert articles == [] and errors == [f"{url}: {scheme}:// URLs are not supported (give a file path, "
                                         "or an http(s) URL)"]
