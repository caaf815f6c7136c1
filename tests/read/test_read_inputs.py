"""Reading inputs into Articles; every bad input is one InputError value and the batch goes on."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.config import Settings
from dossier.errors import InputError
from dossier.models import Article
from dossier.read import iter_articles, read_manifest

BODY = (
    "Le ministre des Affaires étrangères a reçu mardi son homologue à Ankara pour évoquer un échange de prisonniers.\n\n"
    "Les deux hommes ont promis de se revoir avant la fin du mois, selon un communiqué publié dans la soirée.\n"
)


def _run(inputs, settings, manifest=None):
    items = list(iter_articles([str(i) for i in inputs], settings, manifest=manifest))
    errors = [str(i) for i in items if isinstance(i, InputError)]
    articles = [i for i in items if isinstance(i, Article)]
    return articles, errors


@pytest.fixture()
def good(tmp_path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(BODY, encoding="utf-8")
    return path


def _make_bad(tmp_path: Path, kind: str) -> tuple[Path, str]:
    """Write one bad input; return (path, exact expected message)."""
    if kind == "missing":
        p = tmp_path / "nowhere.txt"
        return p, f"{p}: no such file or directory"
    if kind == "empty":
        p = tmp_path / "empty.txt"
        p.write_bytes(b"")
        return p, f"{p}: empty file"
    if kind == "blank":
        p = tmp_path / "blank.txt"
        p.write_bytes(b"  \n\n \n")
        return p, f"{p}: empty file"
    if kind == "binary":
        p = tmp_path / "image.txt"
        p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
        return p, f"{p}: binary file (not text)"
    if kind == "too-large":
        p = tmp_path / "large.txt"
        p.write_text(BODY * 40, encoding="utf-8")
        return p, f"{p}: file too large ({p.stat().st_size} bytes, limit 2000)"
    if kind == "bad-json":
        p = tmp_path / "broken.json"
        p.write_text('{"text": "Un texte", ', encoding="utf-8")
        return p, f"{p}: malformed JSON (Expecting property name enclosed in double quotes at line 1 column 22)"
    if kind == "json-no-text":
        p = tmp_path / "notext.json"
        p.write_text(json.dumps({"title": "Un titre sans corps", "url": "https://example.org/a"}), encoding="utf-8")
        return p, f"{p}: JSON record has no text (expected a 'text', 'content' or 'body' field)"
    if kind == "feed-not-xml":
        p = tmp_path / "feed.rss"
        p.write_text("ceci n'est pas un flux, juste une phrase.\n", encoding="utf-8")
        return p, f"{p}: not an RSS/Atom feed (not XML)"
    if kind == "unsupported":
        p = tmp_path / "report.pdf"
        p.write_bytes(b"%PDF-1.7 something")
        return p, f"{p}: unsupported file type '.pdf'"
    raise AssertionError(kind)


@pytest.mark.parametrize(
    "kind", ["missing", "empty", "blank", "binary", "too-large", "bad-json", "json-no-text", "feed-not-xml", "unsupported"]
)
def test_bad_input_is_reported_and_batch_goes_on(tmp_path, good, kind):
    bad, message = _make_bad(tmp_path, kind)
    settings = Settings(db=str(tmp_path / "t.db"), max_bytes=2000)
    articles, errors = _run([bad, good], settings)
    assert errors == [message]
    assert "\n" not in message
    assert [a.source for a in articles] == [str(good)]
    assert articles[0].raw_text == BODY


ACCENTED = "Brève rencontre à Genève : le négociateur a évoqué une trêve « très fragile » et des élèves déplacés.\n"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-8", "utf-8-sig", "utf-16"])
def test_encodings_are_decoded(tmp_path, settings, encoding):
    p = tmp_path / "latin.txt"
    p.write_bytes(ACCENTED.encode(encoding))
    (article,), errors = _run([p], settings)
    assert errors == []
    assert article.raw_text == ACCENTED
    assert article.language == "fr"


def test_mostly_utf8_with_one_broken_byte(tmp_path, settings):
    p = tmp_path / "scrape.txt"
    p.write_bytes((ACCENTED * 3).encode("utf-8") + b"fin \xff.\n")
    (article,), errors = _run([p], settings)
    assert article.raw_text == ACCENTED * 3 + "fin \ufffd.\n"


def test_jsonl_with_one_bad_line(tmp_path, settings):
    p = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"text": BODY, "title": "Premier", "published": "2025-03-04", "source": "Le Courrier"}),
        "{oops",
        json.dumps({"content": BODY.upper(), "date": "2025-03", "author": ["A. Dupont", "B. Durand"]}),
        json.dumps({"title": "sans texte"}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, errors = _run([p], settings)
    assert errors == [
        f"{p}:2: malformed JSON (Expecting property name enclosed in double quotes at column 2)",
        f"{p}:4: JSON record has no text (expected a 'text', 'content' or 'body' field)",
    ]
    first, second = articles
    assert (first.source, first.title, first.outlet, first.published, first.published_precision, first.published_basis) == (
        f"{p}:1", "Premier", "Le Courrier", "2025-03-04", "day", "metadata")
    assert (second.source, second.author, second.published, second.published_precision) == (
        f"{p}:3", "A. Dupont, B. Durand", "2025-03", "month")


def test_json_list_of_records(tmp_path, settings):
    p = tmp_path / "list.json"
    p.write_text(json.dumps([{"body": BODY, "url": "https://example.org/x"}, {"text": BODY + "Fin."}]), encoding="utf-8")
    articles, errors = _run([p], settings)
    assert errors == []
    assert [a.source for a in articles] == [f"{p}[0]", f"{p}[1]"]
    assert articles[0].url == "https://example.org/x"


def test_folder_is_read_recursively_sorted_without_hidden(tmp_path, settings):
    root = tmp_path / "news"
    (root / "b" / "deep").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "z.txt").write_text(BODY, encoding="utf-8")
    (root / "b" / "deep" / "a.txt").write_text(BODY + "Encore.", encoding="utf-8")
    (root / "a.txt").write_text(BODY + "Aussi.", encoding="utf-8")
    (root / ".hidden.txt").write_text(BODY, encoding="utf-8")
    (root / ".git" / "config.txt").write_text(BODY, encoding="utf-8")
    articles, errors = _run([root], settings)
    assert errors == []
    assert [Path(a.source).relative_to(root).as_posix() for a in articles] == ["a.txt", "b/deep/a.txt", "z.txt"]


def test_manifest_metadata_wins_and_paths_are_relative(tmp_path, settings):
    (tmp_path / "texts").mkdir()
    text = "Un titre de démonstration\n\nPar Paul Durand\n\n date 2024-11 " + BODY
    (tmp_path / "texts" / "one.txt").write_text(text, encoding="utf-8")
    (tmp_path / "texts" / "two.txt").write_text(BODY, encoding="utf-8")
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text(
        json.dumps({"file": "texts/one.txt", "published": "2025-01-15", "outlet": "La Gazette", "language": "fr",
                    "author": "Claire Moreau", "url": "https://example.org/one"}) + "\n"
        + json.dumps({"file": "texts/missing.txt", "published": "2025-01-16"}) + "\n",
        encoding="utf-8",
    )
    entries = read_manifest(str(manifest))
    assert entries[str((tmp_path / "texts" / "one.txt").resolve())]["outlet"] == "La Gazette"

    articles, errors = _run([], settings, manifest=str(manifest))
    assert errors == [f"{(tmp_path / 'texts' / 'missing.txt').resolve()}: no such file or directory"]
    (one,) = articles
    assert (one.published, one.published_precision, one.published_basis) == ("2025-01-15", "day", "manifest")
    assert (one.outlet, one.author, one.url, one.title) == (
        "La Gazette", "Claire Moreau", "https://example.org/one", "Un titre de démonstration")

    # inputs given: the manifest only adds metadata to the inputs it lists
    articles, errors = _run([tmp_path / "texts"], settings, manifest=str(manifest))
    assert errors == []
    by_name = {Path(a.source).name: a for a in articles}
    assert by_name["one.txt"].published_basis == "manifest"
    assert by_name["two.txt"].published_basis == "unknown"


def test_several_manifests_each_date_their_own_files(tmp_path, settings):
    """Two story folders, each with its manifest, in one run: both manifests apply (a second
    --manifest used to replace the first silently, leaving its articles undated)."""
    for story, day in (("a", "2025-03-02"), ("b", "2025-07-19")):
        (tmp_path / story / "texts").mkdir(parents=True)
        (tmp_path / story / "texts" / f"{story}.txt").write_text(BODY + f" Article {story}.", encoding="utf-8")
        (tmp_path / story / "m.jsonl").write_text(json.dumps({"file": f"texts/{story}.txt", "published": day}) + "\n",
                                                   encoding="utf-8")
    manifests = [str(tmp_path / "a" / "m.jsonl"), str(tmp_path / "b" / "m.jsonl")]
    for inputs in ([], [tmp_path / "a" / "texts", tmp_path / "b" / "texts"]):
        articles, errors = _run(inputs, settings, manifest=manifests)
        assert errors == []
        assert sorted((Path(a.source).name, a.published, a.published_basis) for a in articles) == [
            ("a.txt", "2025-03-02", "manifest"), ("b.txt", "2025-07-19", "manifest")]
    # one unreadable manifest among them: reported, and nothing goes in undated
    articles, errors = _run([tmp_path / "a" / "texts"], settings, manifest=[manifests[0], str(tmp_path / "none.jsonl")])
    assert (articles, errors) == ([], [f"{tmp_path / 'none.jsonl'}: no such file or directory"])


def test_missing_manifest_is_one_error(tmp_path, settings):
    articles, errors = _run([], settings, manifest=str(tmp_path / "none.jsonl"))
    assert (articles, errors) == ([], [f"{tmp_path / 'none.jsonl'}: no such file or directory"])


@pytest.mark.parametrize(
    "head,title,author,published,precision,basis",
    [
        ("Un titre de démonstration\n\nPar Jeanne Martin\n\nPublié le 12 février 2025 à 10h05\n\n",
         "Un titre de démonstration", "Jeanne Martin", "2025-02-12", "day", "dateline"),
        ("A demonstration headline about talks\n\nby Sam Porter\n\n", "A demonstration headline about talks", "Sam Porter",
         None, "unknown", "unknown"),
        (" date 2025-02 ", None, None, "2025-02", "month", "dateline"),
        (" date 2025-02-12\n\n", None, None, "2025-02-12", "day", "dateline"),
        ("Rubrique\n\nUn titre de démonstration\n\n    • Author, Claire Moreau\n    • Role, Envoyée spéciale\n\n",
         "Un titre de démonstration", "Claire Moreau", None, "unknown", "unknown"),
        ("", None, None, None, "unknown", "unknown"),
    ],
)
def test_text_header_parsing(tmp_path, settings, head, title, author, published, precision, basis):
    p = tmp_path / "article.txt"
    p.write_text(head + BODY, encoding="utf-8")
    (a,), errors = _run([p], settings)
    assert errors == []
    assert (a.title, a.author, a.published, a.published_precision, a.published_basis) == (
        title, author, published, precision, basis)
    assert a.raw_text == head + BODY


def test_rss_file(tmp_path, settings, samples):
    RSS = samples['rss']
    p = tmp_path / "news.rss"
    p.write_text(RSS, encoding="utf-8")
    articles, errors = _run([p], settings)
    assert errors == []
    first, second = articles
    assert (first.source, first.title, first.url, first.outlet, first.published, first.published_basis, first.language) == (
        f"{p}#1", "Premier titre inventé", "https://example.org/a", "Le Courrier du Soir", "2025-02-12", "metadata", "fr")
    assert first.raw_text == ("Le ministre a reçu mardi son homologue pour évoquer un échange de prisonniers.\n\n"
                              "Les deux hommes doivent se revoir.")
    assert (second.title, second.published) == ("Second titre inventé", None)


def test_atom_file(tmp_path, settings, samples):
    ATOM = samples['atom']
    p = tmp_path / "wire.atom"
    p.write_text(ATOM, encoding="utf-8")
    (a,), errors = _run([p], settings)
    assert errors == []
    assert (a.title, a.url, a.author, a.outlet, a.published, a.published_precision) == (
        "Talks resume in Geneva", "https://example.org/geneva", "Sam Porter", "Morning Wire", "2025-03-01", "day")
    assert a.raw_text.startswith("Negotiators met again on Saturday")
    assert a.language == "en"


def test_html_file(tmp_path, settings, samples):
    PAGE = samples['page']
    p = tmp_path / "page.html"
    p.write_text(PAGE, encoding="utf-8")
    (a,), errors = _run([p], settings)
    assert errors == []
    assert "Selon un participant, un texte commun" in a.raw_text
    assert "Tous droits réservés" not in a.raw_text
    assert (a.published, a.published_precision, a.published_basis) == ("2025-02-12", "day", "metadata")
    assert (a.author, a.outlet, a.language) == ("Jeanne Martin", "Le Courrier du Soir", "fr")
    assert a.title.startswith("Accord en vue")


@pytest.mark.parametrize("raw, expected", [
    ("Les pourparlers reprennent\n\nJeanne Martin | 06.11.2025 - Mise à jour : 07.11.2025\n\n"
     "Les délégations se sont retrouvées jeudi à Oslo pour une nouvelle session.\n", ("2025-11-06", "day", "dateline")),
    # a date in a photo caption is not the article's
    ("Les pourparlers reprennent\n\nPhoto : le ministre à Oslo le 3 mars 2019.\n\n"
     "Les délégations se sont retrouvées jeudi à Oslo pour une nouvelle session.\n", (None, "unknown", "unknown")),
])
def test_a_date_on_a_header_line_is_the_publication_date(raw, expected):
    from dossier.read.build import make_article

    art = make_article(raw, "mem://x")
    assert (art.published, art.published_precision, art.published_basis) == expected
