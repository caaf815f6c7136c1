"""What a person sees: a real Chromium (Debian's /usr/bin/chromium) driven by Playwright against
uvicorn on 127.0.0.1. Screenshots of the main pages go to build/screenshots/.

The browser is installed with apt when missing (as root); otherwise these tests skip, unless
DOSSIER_REQUIRE_BROWSER=1 makes a missing browser a failure.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _unavailable(reason: str):
    if os.environ.get("DOSSIER_REQUIRE_BROWSER") == "1":
        pytest.fail(f"DOSSIER_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


def _install_chromium() -> str | None:
    """Install Debian's chromium when missing; returns why it could not be done."""
    if CHROMIUM.exists():
        return None
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        return f"{CHROMIUM} is missing and apt-get cannot be run here (not root or no apt)"
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for cmd in (["apt-get", "update"], ["apt-get", "install", "-y", "--no-install-recommends", "chromium"]):
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            return f"'{' '.join(cmd)}' failed: {done.stderr.strip()[-300:]}"
    return None if CHROMIUM.exists() else f"chromium installed but {CHROMIUM} is absent"


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install playwright)")
    reason = _install_chromium()
    if reason:
        _unavailable(reason)
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(app_settings):
    import uvicorn

    from dossier.web import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(app_settings), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start within 15 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    p = context.new_page()
    p.dialogs = []
    p.on("dialog", lambda d: (p.dialogs.append(d.message), d.dismiss()))
    p.external = []
    p.on("request", lambda r: p.external.append(r.url)
         if not r.url.startswith(("http://127.0.0.1", "data:", "file:")) else None)
    yield p
    context.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_timeline_loads(page, server):
    page.goto(server + "/")
    assert page.locator("h1").inner_text() == "Timeline"
    assert page.locator("li.entry").count() == 2
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
    assert page.locator("h2").all_inner_texts() == ["What happened", "Who said what", "What is disputed",
                                                    "Whose position moved"]
    assert page.dialogs == []
    assert page.locator("li .cites a").count() >= 6
    shot(page, "brief")
