"""The HTML pages: every route renders, links point at sentences, untrusted text stays inert."""
from __future__ import annotations

import re

import pytest

pytest.importorskip("fastapi")


@pytest.mark.parametrize("url, must_contain", [
    ("/", "Poutine reçoit Witkoff"),
    ("/?group=week", "2025-W49"),
    ("/?group=month", "2025-12"),
    ("/?actor=Witkoff", "Steve Witkoff"),
    ("/?type=ASSAULT&from=2025-12&to=2025-12-31", "Pokrovsk"),
    ("/articles", "Zelensky refuse toute cession"),
    ("/articles/1", 'id="s3"'),
    ("/entities", "Iouri Ouchakov"),
    ("/entities?type=place", "Pokrovsk"),
    ("/entities/yuri_ushakov", "Nous avons parlé franchement"),
    ("/entities/volodymyr_zelensky", "conditional"),
    ("/entities/moscow", "meeting"),
    ("/disputes", "Pokrovsk est sous contrôle russe"),
    ("/disputes?place=Pokrovsk&actor=Kiev&from=2025-12", "démentent"),
    ("/conflicts", "4 h"),
    ("/positions", "contre"),
    ("/positions?actor=Zelenski", "concessions territoriales"),
    ("/positions?issue=territorial_concessions", "sous conditions"),
    ("/?sort=sources&min_sources=2", "Poutine reçoit Witkoff"),
    ("/search?q=Pokrovsk", "contrôle désormais"),
    ("/search", "Type words"),
    ("/map", "Pokrovsk"),
    ("/api", "/api/quotes"),
])
def test_pages_render(client, url, must_contain):
    r = client.get(url)
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"].startswith("text/html")
    assert must_contain in r.text


@pytest.mark.parametrize("url", ["/", "/articles/1", "/api/articles", "/static/style.css", "/nowhere"])
def test_security_headers(client, url):
    r = client.get(url)
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_pages_load_nothing_external(client):
    for url in ("/", "/articles/1", "/entities/yuri_ushakov", "/map", "/api"):
        html = client.get(url).text
        for ref in re.findall(r'(?:src|href)="([^"]+)"', html):
            assert not ref.startswith(("http://", "https://", "//")) or ref.startswith("https://example."), (url, ref)
        assert "<style" not in html and " style=" not in html  # CSP: no inline style
        assert "<script>" not in html.replace("&lt;script&gt;", "")


def test_timeline_links_to_sentences(client, ids):
    html = client.get("/").text
    assert f'href="/articles/{ids["one"]}#s1"' in html
    assert f'href="/articles/{ids["two"]}#s1"' in html


def test_article_reader_marks(client, ids):
    html = client.get(f"/articles/{ids['one']}").text
    assert re.search(r'class="removed"[^>]*>Accueil &gt; International', html)
    assert 'title="date = 2025-12-02 (day)"' in html  # resolved value in the tooltip
    assert re.search(r'<a href="/entities/yuri_ushakov" class="ent[^"]*"', html)
    assert 'class="quote quote-direct"' in html
    assert "claim-denies" in html
    for n in range(5):
        assert f'id="s{n}"' in html


def test_reader_keeps_the_original_text(client, ids, sample):
    html = client.get(f"/articles/{ids['two']}").text
    text = re.search(r'<div class="text" id="text"[^>]*>(.*?)</div>', html, re.S).group(1)
    plain = re.sub(r"<[^>]+>", "", text).replace("&#39;", "'").replace("&amp;", "&")
    assert plain == sample.TEXT_2


def test_hostile_article_is_escaped(client, ids):
    html = client.get(f"/articles/{ids['hostile']}").text
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "<b>Agence</b>" not in html and "&lt;b&gt;Agence&lt;/b&gt;" in html
    assert "javascript:" not in html  # an unsafe article URL is not linked


@pytest.mark.parametrize("url", ["/", "/articles", "/search?q=script", "/entities/vladimir_putin"])
def test_hostile_metadata_escaped_everywhere(client, url):
    html = client.get(url).text
    assert "<script>alert" not in html
    assert "<b>Agence</b>" not in html


@pytest.mark.parametrize("url, target", [
    ("/entities?q=Ouchakov", "/entities/yuri_ushakov"),
    ("/entities/Ushakov", "/entities/yuri_ushakov"),
    ("/entities/Zelenski", "/entities/volodymyr_zelensky"),
])
def test_alias_redirects_to_actor_page(client, url, target):
    r = client.get(url, follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == target


@pytest.mark.parametrize("url, status, text", [
    ("/articles/999", 404, "no article with id 999"),
    ("/entities/Zzqxwv%20Kkjjh", 404, "no entity known"),
    ("/?from=2025-13-01", 422, "from: not a date"),
    ("/?group=year", 422, "group"),
    ("/?actor=Zzqxwv%20Kkjjh", 404, "no actor known"),
    ("/nowhere", 404, "no such page"),
])
def test_page_errors_are_html(client, url, status, text):
    r = client.get(url)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("text/html")
    assert text in r.text


@pytest.mark.parametrize("path", ["/static/style.css", "/static/app.js", "/static/favicon.svg"])
def test_static_files(client, path):
    r = client.get(path)
    assert r.status_code == 200 and len(r.content) > 50


def test_markup_cuts_overlapping_marks():
    from dossier.web.markup import article_regions

    art = {"raw_text": "abc def ghi", "sentences": [{"start": 0, "end": 11}],
           "mentions": [{"start": 4, "end": 7, "entity_id": "x", "entity_name": "X"}],
           "quotes": [{"start": 0, "end": 7, "kind": "direct"}], "boilerplate": [[8, 11]]}
    (region,) = article_regions(art)
    assert region.sentence == 0
    assert [(s.text, "ent" in s.classes, "quote" in s.classes, "removed" in s.classes) for s in region.segments] == [
        ("abc ", False, True, False), ("def", True, True, False), (" ", False, False, False), ("ghi", False, False, True)]


@pytest.mark.parametrize("value, by, key", [
    ("2025-12-02", "day", "2025-12-02"), ("2025-12-02", "week", "2025-12-01"), ("2025-12-02", "month", "2025-12"),
    ("2025-12", "day", "2025-12"), ("2025-W49", "day", "2025-12-01"), ("2025", "month", "2025"),
    (None, "day", "~undated"), ("garbage", "day", "~undated"),
])
def test_group_keys(value, by, key):
    from dossier.web.charts import group_key

    assert group_key(value, by)[0] == key


def test_map_projection_keeps_west_east_and_north_south():
    from dossier.web.charts import project

    view = project([{"id": "a", "name": "A", "lat": 55.0, "lon": 37.0, "events": 2},
                    {"id": "b", "name": "B", "lat": 48.0, "lon": 30.0, "events": 1}])
    a, b = view.points
    assert a.x > b.x and a.y < b.y  # east is right, north is up
    assert all(0 <= p.x <= view.width and 0 <= p.y <= view.height for p in view.points)
    assert a.r > b.r


def test_map_draws_country_borders_offline():
    from dossier.web.charts import COUNTRIES, project

    if not COUNTRIES.exists():
        pytest.skip("country outline data not shipped")
    view = project([{"id": "kyiv", "name": "Kyiv", "lat": 50.45, "lon": 30.52, "events": 1}])
    assert len(view.outlines) >= 3  # Ukraine and its neighbours
    assert all(d.startswith("M") and d.endswith("Z") for d in view.outlines)
