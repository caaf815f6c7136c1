"""URLs, against a local http.server on 127.0.0.1 (no external network)."""
from __future__ import annotations

import pytest

from dossier.config import Settings
from dossier.errors import InputError
from dossier.models import Article
from dossier.read import iter_articles

TEXT = "Le porte-parole a confirmé jeudi la tenue d'une nouvelle réunion des négociateurs la semaine prochaine.\n"


@pytest.fixture()
def site(http_server, samples):
    base, routes = http_server
    PAGE, RSS, ATOM = samples['page'], samples['rss'], samples['atom']
    routes.update({
        "/article": (200, "text/html; charset=utf-8", PAGE.encode("utf-8"), 0.0),
        "/feed": (200, "application/rss+xml", RSS.encode("utf-8"), 0.0),
        "/atom-as-xml": (200, "text/xml", ATOM.encode("utf-8"), 0.0),
        "/sniffed-feed": (200, "application/octet-stream", RSS.encode("utf-8"), 0.0),
        "/plain": (200, "text/plain; charset=utf-8", TEXT.encode("utf-8"), 0.0),
        "/broken-feed": (200, "application/rss+xml", b"pas du XML du tout", 0.0),
        "/gone": (410, "text/plain", b"gone", 0.0),
        "/slow": (200, "text/plain", TEXT.encode("utf-8"), 2.0),
    })
    return base


def _run(urls, timeout=5.0):
    settings = Settings(db=":memory:", timeout=timeout)
    items = list(iter_articles(urls, settings))
    return ([i for i in items if isinstance(i, Article)], [str(i) for i in items if isinstance(i, InputError)])


def test_html_page(site):
    (a,), errors = _run([f"{site}/article"])
    assert errors == []
    assert (a.source, a.url, a.published, a.author) == (f"{site}/article", f"{site}/article", "2025-02-12", "Jeanne Martin")
    assert "un texte commun pourrait" in a.raw_text


@pytest.mark.parametrize("path,count,title", [("/feed", 2, "Premier titre inventé"), ("/atom-as-xml", 1, "Talks resume in Geneva"),
                                              ("/sniffed-feed", 2, "Premier titre inventé")])
def test_feeds_by_content_type_or_sniffing(site, path, count, title):
    articles, errors = _run([f"{site}{path}"])
    assert errors == []
    assert len(articles) == count
    assert articles[0].title == title
    assert articles[0].source == f"{site}{path}#1"


def test_plain_text_url(site):
    (a,), errors = _run([f"{site}/plain"])
    assert (a.raw_text, errors) == (TEXT, [])


def test_bad_urls_are_reported_and_batch_goes_on(site, closed_port):
    unreachable = f"http://127.0.0.1:{closed_port}/x"
    articles, errors = _run([unreachable, f"{site}/gone", f"{site}/missing", f"{site}/broken-feed", f"{site}/plain"])
    assert errors == [
        f"{unreachable}: unreachable (cannot connect)",
        f"{site}/gone: HTTP error 410 Gone",
        f"{site}/missing: HTTP error 404 Not Found",
        f"{site}/broken-feed: not an RSS/Atom feed (not XML)",
    ]
    assert [a.source for a in articles] == [f"{site}/plain"]


def test_timeout(site):
    articles, errors = _run([f"{site}/slow", f"{site}/plain"], timeout=0.3)
    assert errors == [f"{site}/slow: timed out after 0.3 s"]
    assert len(articles) == 1
