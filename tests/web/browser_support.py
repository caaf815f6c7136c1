"""A real Chromium for the browser tests: Debian's /usr/bin/chromium driven by Playwright against
uvicorn on 127.0.0.1, and axe-core (from the npm registry, fetched at test time like the Makefile
does, never committed) for the accessibility checks.

The browser is installed with apt when missing (as root); otherwise the browser tests skip,
unless DOSSIER_REQUIRE_BROWSER=1 makes a missing browser (or axe-core) a failure.
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

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "build" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE = ROOT / "build" / "npm" / "axe-core" / "axe.min.js"


def unavailable(reason: str):
    if os.environ.get("DOSSIER_REQUIRE_BROWSER") == "1":
        pytest.fail(f"DOSSIER_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


def install_chromium() -> str | None:
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


def axe_source() -> str:
    """axe.min.js, installed with ``make axe`` (npm pack axe-core) when missing."""
    if not AXE.exists():
        if shutil.which("make") is None or shutil.which("npm") is None:
            unavailable("axe-core is not installed and make or npm is missing (run: make axe)")
        done = subprocess.run(["make", "--no-print-directory", "axe"], cwd=ROOT, capture_output=True, text=True,
                              timeout=600)
        if done.returncode != 0 or not AXE.exists():
            unavailable(f"make axe failed: {(done.stdout + done.stderr).strip()[-300:]}")
    return AXE.read_text(encoding="utf-8")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(settings):
    """uvicorn on 127.0.0.1 in a thread over the app of ``settings``; yields its base URL."""
    import uvicorn

    from dossier.web import create_app

    port = free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
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


def new_page(browser, **options):
    """A page that records dialogs and any request leaving 127.0.0.1."""
    context = browser.new_context(viewport={"width": 1200, "height": 900}, **options)
    p = context.new_page()
    p.dialogs = []
    p.on("dialog", lambda d: (p.dialogs.append(d.message), d.dismiss()))
    p.external = []
    p.on("request", lambda r: p.external.append(r.url)
         if not r.url.startswith(("http://127.0.0.1", "data:", "file:")) else None)
    return context, p


def shot(page, name: str, full_page: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)
