"""What a person sees over the hand-made dossier: a real Chromium (see browser_support.py).
Screenshots of the main pages go to build/screenshots/."""
from __future__ import annotations

import pytest
from browser_support import shot

pytestmark = pytest.mark.browser


def test_timeline_loads(page, server):
    page.goto(server + "/")
    assert page.locator("h1").inner_text() == "Timeline"
    assert page.locator("li.entry").count() == 2
    assert page.locator("li.entry.disputed .conflict-marker").count() == 1
    assert page.locator("svg.axis circle.dot").count() >= 1
    assert page.external == []
    shot(page, "timeline")


def test_source_link_opens_the_sentence(page, server, ids):
    page.goto(server + "/")
    link = page.locator(f'a.cite[href="/articles/{ids["two"]}#s1"]').first
    link.click()
    page.wait_for_url(f"**/articles/{ids['two']}#s1")
    target = page.locator("#s1")
    assert target.is_visible()
    assert page.evaluate("document.querySelector(':target').id") == "s1"
    assert "La veille" in target.inner_text()
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < 900  # scrolled into the viewport
    shot(page, "article")


def test_actor_page_lists_quotes(page, server):
    page.goto(server + "/entities?q=Ouchakov")
    page.wait_for_url("**/entities/yuri_ushakov")
    quotes = page.locator("#quotes li.quote-item")
    assert quotes.count() == 1
    assert "franchement" in quotes.first.inner_text()
    shot(page, "actor")


def test_hostile_article_renders_inert(page, server, ids):
    page.goto(server + f"/articles/{ids['hostile']}")
    page.wait_for_timeout(300)
    assert page.dialogs == []
    text = page.locator("#text").inner_text()
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(2)>" in text
    assert page.locator("#text img").count() == 0 and page.locator("#text script").count() == 0
    assert page.title().startswith("<script>alert('titre')</script>")
    shot(page, "hostile")


def test_removed_text_toggle(page, server, ids):
    page.goto(server + f"/articles/{ids['one']}")
    removed = page.locator("#text .removed").first
    assert removed.is_visible()
    page.click("#toggle-removed")
    assert not removed.is_visible()


@pytest.mark.parametrize("path, name", [("/map", "map"), ("/positions", "positions"), ("/disputes", "disputes"),
                                        ("/search?q=Moscou", "search"), ("/api", "api")])
def test_other_pages_render(page, server, path, name):
    response = page.goto(server + path)
    assert response.status == 200
    assert page.dialogs == [] and page.external == []
    shot(page, name)


def test_brief_html_reads_well(page, sample_db, tmp_path):
    from dossier.export import build_brief, to_html
    from dossier.store.sqlite import SQLiteStore

    store = SQLiteStore(str(sample_db[0]), readonly=True)
    try:
        html = to_html(build_brief(store, "2025-12-01", base_url="http://127.0.0.1:8000"))
    finally:
        store.close()
    path = tmp_path / "brief.html"
    path.write_text(html, encoding="utf-8")
    page.goto(path.as_uri())
    assert page.locator("h2").all_inner_texts() == ["What happened", "Most reported", "Who said what",
                                                    "What is disputed", "Conflicting reports", "Whose position moved"]
    assert page.dialogs == []
    assert page.locator("li .cites a").count() >= 6
    assert page.locator(".dispute .side-asserts h4").inner_text() == "affirment"
    assert page.locator(".dispute .side-denies h4").inner_text() == "démentent"
    shot(page, "brief")
