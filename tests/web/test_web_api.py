"""The JSON API: every route, pagination, validation and the one error shape."""
from __future__ import annotations

import pytest

pytest.importorskip("fastapi")


def error_of(r, status):
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message"}
    assert body["error"]["message"]
    return body["error"]


@pytest.mark.parametrize("url, key, expected", [
    ("/api/articles", "total", 3),
    ("/api/articles?limit=2", "count", 2),
    ("/api/articles?limit=2&offset=2", "count", 1),
    ("/api/articles?since=2025-12-04", "total", 2),
    ("/api/articles?until=2025-12-03", "total", 1),
    ("/api/articles?outlet=Journal%20Imaginaire", "total", 1),
    ("/api/entities", "count", 8),
    ("/api/entities?type=place", "count", 2),
    ("/api/entities?q=Ouchakov", "count", 1),
    ("/api/timeline", "count", 2),
    ("/api/timeline?actor=Witkoff", "count", 1),
    ("/api/timeline?type=CONSULT", "count", 1),
    ("/api/timeline?from=2025-12-02&to=2025-12-02", "count", 2),  # S2 (2025-12, month) overlaps the day
    ("/api/timeline?from=2025-12-03&to=2025-12-31", "count", 1),
    ("/api/timeline?limit=1", "count", 1),
    ("/api/quotes", "count", 3),
    ("/api/quotes?speaker=Zelenski", "count", 1),
    ("/api/quotes?q=franchement", "count", 1),
    ("/api/quotes?since=2025-12-04&until=2025-12-04", "count", 1),
    ("/api/disputes", "total", 1),
    ("/api/conflicts", "total", 1),
    ("/api/positions", "total", 2),
    ("/api/positions?actor=Zelensky&issue=territorial_concessions", "total", 2),
    ("/api/positions?since=2025-12", "total", 1),
])
def test_lists(client, url, key, expected):
    r = client.get(url)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body[key] == expected
    assert len(body["items"]) == body["count"]


def test_pagination_next_offset(client):
    first = client.get("/api/articles?limit=2").json()
    assert first["next_offset"] == 2
    last = client.get(f"/api/articles?limit=2&offset={first['next_offset']}").json()
    assert last["next_offset"] is None
    seen = [a["id"] for a in first["items"] + last["items"]]
    assert sorted(seen) == [1, 2, 3]
    tl = client.get("/api/timeline?limit=1").json()
    assert tl["next_offset"] == 1
    assert client.get("/api/timeline?limit=1&offset=1").json()["next_offset"] is None


def test_article_with_records_points_into_text(client, ids):
    art = client.get(f"/api/articles/{ids['one']}").json()
    text = art["raw_text"]
    for table in ("mentions", "quotes", "events", "claims", "timexes"):
        assert art[table], table
        for rec in art[table]:
            assert text[rec["start"]:rec["end"]] == rec["text"]
    slim = client.get(f"/api/articles/{ids['one']}?records=false").json()
    assert "mentions" not in slim and slim["raw_text"] == text


def test_entity_by_alias_has_quotes_and_events(client):
    e = client.get("/api/entities/Ushakov").json()
    assert e["id"] == "yuri_ushakov"
    assert [q["text"] for q in e["quotes"]] == ["Nous avons parlé franchement de tous les points"]
    w = client.get("/api/entities/steve_witkoff").json()
    assert len(w["events"]) == 2
    z = client.get("/api/entities/Zelensky").json()
    assert [p["stance"] for p in z["positions"]] == ["conditional", "opposes"]


def test_search_spans_articles_quotes_events(client):
    body = client.get("/api/search?q=Moscou").json()
    assert {a["id"] for a in body["articles"]} == {1, 2}
    assert body["events"]
    assert client.get("/api/search?q=franchement").json()["quotes"]
    accentless = client.get("/api/search?q=dement").json()
    assert [a["id"] for a in accentless["articles"]] == [1]


@pytest.mark.parametrize("url, status, code", [
    ("/api/articles/999", 404, "not_found"),
    ("/api/articles/abc", 422, "invalid_parameter"),
    ("/api/articles/0", 422, "invalid_parameter"),
    ("/api/articles/99999999999999999999999", 422, "invalid_parameter"),
    ("/api/entities/Zzqxwv%20Kkjjh", 404, "not_found"),
    ("/api/timeline?actor=Zzqxwv%20Kkjjh", 404, "not_found"),
    ("/api/quotes?speaker=Zzqxwv%20Kkjjh", 404, "not_found"),
    ("/api/timeline?from=2025-13-01", 422, "bad_date"),
    ("/api/timeline?to=2025-02-30", 422, "bad_date"),
    ("/api/quotes?since=yesterday", 422, "bad_date"),
    ("/api/articles?until=12/03/2025", 422, "bad_date"),
    ("/api/positions?since=2025-1", 422, "bad_date"),
    ("/api/articles?limit=501", 422, "invalid_parameter"),
    ("/api/timeline?limit=100000", 422, "invalid_parameter"),
    ("/api/quotes?limit=0", 422, "invalid_parameter"),
    ("/api/articles?offset=-1", 422, "invalid_parameter"),
    ("/api/articles?limit=ten", 422, "invalid_parameter"),
    ("/api/entities?type=planet", 422, "invalid_parameter"),
    ("/api/articles/1?records=maybe", 422, "invalid_parameter"),
    ("/api/search", 422, "invalid_parameter"),
    ("/api/search?q=" + "x" * 300, 422, "invalid_parameter"),
    ("/api/nothing-here", 404, "not_found"),
])
def test_errors_have_one_shape(client, url, status, code):
    assert error_of(client.get(url), status)["code"] == code


def test_bad_date_message_names_the_parameter(client):
    err = error_of(client.get("/api/timeline?from=2025-13-01"), 422)
    assert err["message"].startswith("from: not a date")


def test_method_not_allowed_is_json(client):
    assert error_of(client.delete("/api/articles"), 405)["code"] == "method_not_allowed"


@pytest.mark.parametrize("body", [
    {"text": "Un texte inventé pour le test.", "title": "t"},
    [{"text": "Un autre texte inventé."}],
    {"path": "/etc/passwd"},
])
def test_ingest_disabled_by_default(client, body):
    err = error_of(client.post("/api/ingest", json=body), 403 if "text" in str(body) else 422)
    assert err["code"] in ("forbidden", "invalid_parameter")


@pytest.fixture()
def writable_client(tmp_path):
    from fastapi.testclient import TestClient

    from dossier.config import Settings
    from dossier.web import create_app

    with TestClient(create_app(Settings(db=str(tmp_path / "w.db")), allow_ingest=True),
                    raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("body, code", [
    ({"path": "/etc/passwd"}, "invalid_parameter"),
    ({"text": "Un texte.", "file": "/etc/passwd"}, "invalid_parameter"),
    ({"text": ""}, "invalid_parameter"),
    ({"text": "Un texte.", "published": "hier"}, "bad_date"),
    ([], "invalid_parameter"),
    ("not json", "invalid_parameter"),
])
def test_ingest_validates_records(writable_client, body, code):
    r = writable_client.post("/api/ingest", json=body)
    assert error_of(r, 422)["code"] == code


def test_ingest_rejects_malformed_json(writable_client):
    r = writable_client.post("/api/ingest", content=b"{not json", headers={"content-type": "application/json"})
    assert error_of(r, 422)["code"] == "invalid_parameter"


@pytest.mark.slow
def test_ingest_enabled_stores_records(writable_client):
    pytest.importorskip("dossier.dedup")
    body = [{"text": "Paris, le 3 mars 2026. Emmanuel Macron a reçu Volodymyr Zelensky à l'Élysée pour "
                     "parler d'un cessez-le-feu. « Nous avancerons ensemble », a affirmé le président français.",
             "title": "Une rencontre inventée", "published": "2026-03-03", "outlet": "Test"}]
    r = writable_client.post("/api/ingest", json=body)
    assert r.status_code == 201, r.text
    assert r.json()["new"] == 1
    assert writable_client.get("/api/articles").json()["total"] == 1


def test_openapi_lists_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/articles", "/api/articles/{article_id}", "/api/search", "/api/entities", "/api/entities/{name}",
            "/api/timeline", "/api/quotes", "/api/disputes", "/api/conflicts", "/api/positions",
            "/api/ingest"} <= paths
    assert not any(p.startswith("/articles") for p in paths)  # pages are not API


def test_docs_not_served_from_a_cdn(client):
    assert client.get("/docs").status_code == 404
    page = client.get("/api")
    assert page.status_code == 200
    assert "/api/timeline" in page.text and "/openapi.json" in page.text


def test_missing_database_is_503(tmp_path):
    from fastapi.testclient import TestClient

    from dossier.config import Settings
    from dossier.web import create_app

    with TestClient(create_app(Settings(db=str(tmp_path / "absent.db")))) as c:
        err = error_of(c.get("/api/articles"), 503)
    assert "no database" in err["message"]


def test_oversized_body_is_refused(writable_client, monkeypatch):
    from dossier.web import app as web_app

    monkeypatch.setattr(web_app, "MAX_BODY", 100)
    r = writable_client.post("/api/ingest", json={"text": "x" * 500})
    assert error_of(r, 413)["code"] == "too_large"
