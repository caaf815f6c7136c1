"""Hostile requests get a 4xx with the one error shape, never a 500; nothing valid is lost."""
from __future__ import annotations

import pytest

pytest.importorskip("fastapi")

HUGE = "9223372036854775808"  # 2**63: past SQLite's integers


@pytest.mark.parametrize("url", [f"/articles?offset={HUGE}", f"/entities?offset={HUGE}",
                                 f"/api/articles?offset={HUGE}", f"/api/entities?offset={HUGE}",
                                 f"/api/timeline?offset={HUGE}", f"/articles/{HUGE}", f"/api/articles/{HUGE}"])
def test_huge_numbers_are_a_4xx(client, url):
    r = client.get(url)
    assert 400 <= r.status_code < 500, (r.status_code, r.text[:200])
    assert client.get("/api/articles").status_code == 200  # and the next request is served


@pytest.mark.parametrize("url", ["/", "/articles", "/entities", "/api/articles", "/api", "/static/style.css"])
def test_head_answers_like_get_without_a_body(client, url):
    get, head = client.get(url), client.head(url)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers.get("content-security-policy") == get.headers.get("content-security-policy")


@pytest.fixture()
def small_limit_client(tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    from dossier.config import Settings
    from dossier.web import app as web_app
    from dossier.web import create_app

    monkeypatch.setattr(web_app, "MAX_BODY", 1000)
    with TestClient(create_app(Settings(db=str(tmp_path / "w.db")), allow_ingest=True),
                    raise_server_exceptions=False) as c:
        yield c


def test_a_chunked_body_without_content_length_stops_at_the_limit(small_limit_client):
    sent = []

    def chunks():
        for _ in range(1000):  # 100 kB in 100-byte chunks, no Content-Length
            sent.append(1)
            yield b"x" * 100

    r = small_limit_client.post("/api/ingest", content=chunks(), headers={"content-type": "application/json"})
    assert r.request.headers.get("transfer-encoding") == "chunked" and "content-length" not in r.request.headers
    assert r.status_code == 413
    assert r.json() == {"error": {"code": "too_large", "message": "request body over 1000 bytes"}}


@pytest.fixture()
def writable_client(tmp_path):
    from fastapi.testclient import TestClient

    from dossier.config import Settings
    from dossier.web import create_app

    with TestClient(create_app(Settings(db=str(tmp_path / "w.db")), allow_ingest=True),
                    raise_server_exceptions=False) as c:
        yield c


VALID = {"text": "Genève, le 2 décembre 2025. La ministre fictive Claire Vautrin a rencontré mardi le "
                 "négociateur Paul Arnoux pour parler du cessez-le-feu.", "title": "Une rencontre inventée",
         "published": "2025-12-02"}


@pytest.mark.slow
@pytest.mark.parametrize("bad, reason", [
    ({"text": "Oui. " * 300_000}, "records[0].text: String should have at most 1000000 characters"),
    ({"text": "Un texte inventé assez long pour être un article.", "title": ["a", "b"]},
     "records[0].title: Input should be a valid string"),
    ({"text": "Un texte inventé assez long pour être un article.", "published": 2025},
     "records[0].published: Input should be a valid string"),
    ({"text": "Un texte inventé assez long pour être un article.", "published": "hier"},
     "records[0].published: not a date: 'hier' (expected YYYY, YYYY-MM or YYYY-MM-DD)"),
])
def test_one_bad_record_is_rejected_with_its_reason_and_the_valid_one_stored(writable_client, bad, reason):
    r = writable_client.post("/api/ingest", json=[bad, VALID])
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["rejected"] == [{"index": 0, "reason": reason}]
    assert body["new"] == 1 and body["failed"] == []
    assert writable_client.get("/api/articles").json()["total"] == 1


def test_a_record_without_real_text_is_skipped_with_a_reason(writable_client):
    r = writable_client.post("/api/ingest", json=[{"text": ""}, {"text": "&lol7;"}])
    assert r.status_code == 201, r.text
    assert r.json()["new"] == 0
    assert r.json()["rejected"] == [{"index": 0, "reason": "records[0].text: String should have at least 1 character"}]
    assert r.json()["skipped"] == [{"source": "records[1]",
                                    "reason": "no real text (only an unexpanded entity reference: '&lol7;')"}]


@pytest.mark.slow
def test_an_article_the_pipeline_fails_on_is_reported_and_the_other_stored(writable_client, monkeypatch):
    from dossier.timex.component import TimeComponent

    original = TimeComponent.__call__

    def failing(self, doc):
        if "Zorglub" in doc.text:
            raise RuntimeError("panne simulée")
        return original(self, doc)

    monkeypatch.setattr(TimeComponent, "__call__", failing)
    bad = {"text": "Le diplomate imaginaire Paul Zorglub a quitté jeudi la table des négociations."}
    r = writable_client.post("/api/ingest", json=[bad, VALID])
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["new"] == 1
    assert body["failed"] == [{"source": "records[0]", "component": "dossier_time", "error": "RuntimeError: panne simulée"}]
    assert writable_client.get("/api/articles").json()["total"] == 1
