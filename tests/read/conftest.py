"""Hand-written feed/page samples and a tiny local HTTP server (127.0.0.1, random port) for URL tests: no external network needed."""
from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

# path -> (status, content type, body bytes, delay seconds)
ROUTES: dict[str, tuple[int, str, bytes, float]] = {}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server API)
        status, ctype, body, delay = ROUTES.get(self.path, (404, "text/plain", b"missing", 0.0))
        if delay:
            time.sleep(delay)
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def http_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", ROUTES
    server.shutdown()
    server.server_close()


@pytest.fixture()
def closed_port() -> int:
    """A local port nobody listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Le Courrier du Soir</title><link>https://example.org/</link>
<language>fr-FR</language><description>Actualités</description>
<item><title>Premier titre inventé</title><link>https://example.org/a</link>
<pubDate>Wed, 12 Feb 2025 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Le ministre a reçu mardi son homologue pour évoquer un échange de prisonniers.&lt;/p&gt;&lt;p&gt;Les deux hommes doivent se revoir.&lt;/p&gt;</description></item>
<item><title>Second titre inventé</title><link>https://example.org/b</link>
<description>Une seconde dépêche assez courte, mais qui contient une phrase entière.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Morning Wire</title><id>urn:x</id><updated>2025-03-01T00:00:00Z</updated>
<entry><title>Talks resume in Geneva</title><link href="https://example.org/geneva"/><id>urn:1</id>
<published>2025-03-01T08:30:00Z</published><author><name>Sam Porter</name></author>
<content type="html">&lt;p&gt;Negotiators met again on Saturday to discuss a prisoner exchange and a partial truce.&lt;/p&gt;</content></entry>
</feed>"""

PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Accord en vue | Le Courrier du Soir</title>
<meta property="og:site_name" content="Le Courrier du Soir"><meta name="author" content="Jeanne Martin">
<meta property="article:published_time" content="2025-02-12T09:00:00+01:00"></head>
<body><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<article><h1>Accord en vue entre les deux délégations</h1>
<p>Les délégations se sont retrouvées mardi soir dans un hôtel de la capitale pour une longue séance de travail consacrée aux prisonniers.</p>
<p>Selon un participant, un texte commun pourrait être présenté avant la fin de la semaine, si les dernières objections sont levées.</p>
<p>Les observateurs restent prudents, rappelant que plusieurs annonces similaires ont déjà échoué au cours des derniers mois.</p>
</article><footer>Tous droits réservés. Abonnez-vous à notre lettre.</footer></body></html>"""


@pytest.fixture(scope="session")
def samples() -> dict[str, str]:
    """Hand-written RSS, Atom and HTML documents."""
    return {"rss": RSS, "atom": ATOM, "page": PAGE}
