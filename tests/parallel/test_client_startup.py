"""``dossier ingest --workers N``: the client process leaves the NLP to its workers. It must not
import spaCy (0.9 CPU-s, serial before the workers even start) to read the roles learned from
stored articles, and it builds its near-duplicate index once the first result is back."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Run in a fresh interpreter: this test process has spaCy loaded already. The workers are forked
# and their chunk function replaced (no model is loaded anywhere); every article comes back as a
# failure, which the client records.
SCRIPT = textwrap.dedent('''
    import json, sys
    import dask
    from dossier.config import Settings
    from dossier.ingest import ingest
    from dossier.models import ArticleFailure
    from dossier.parallel import tasks

    def chunk(articles, settings, write=False):
        return [ArticleFailure.from_exception(a, "test", RuntimeError("no model here")) for a in articles]

    tasks.run_chunk = chunk
    tasks.warm_up = lambda settings, write=False: None
    if __name__ == "__main__":
        with dask.config.set({"multiprocessing.context": "fork"}):
            summary = ingest([sys.argv[1]], Settings(db=sys.argv[2], n_process=2), rebuild=False)
        print(json.dumps({"spacy": "spacy" in sys.modules, "read": summary.read,
                          "failed": len(summary.failures)}))
''')


def run_client(tmp_path: Path, db: Path) -> dict:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for i in range(3):
        (folder / f"a{i}.txt").write_text(f"Titre {i}\n\nUn court texte numéro {i} pour l'essai du client.\n",
                                          encoding="utf-8")
    script = tmp_path / "client.py"
    script.write_text(SCRIPT, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script), str(folder), str(db)], capture_output=True, text=True,
                          cwd=tmp_path, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_the_client_of_a_parallel_ingest_does_not_load_spacy(tmp_path):
    out = run_client(tmp_path, tmp_path / "fresh.db")
    assert out == {"spacy": False, "read": 3, "failed": 3}


def test_nor_when_the_database_holds_learned_roles(tmp_path):
    """Learned roles are turned into KB data without the roles module (which needs spaCy)."""
    from dossier.config import Settings
    from dossier.models import RoleFact
    from dossier.store import open_store

    db = tmp_path / "roles.db"
    with open_store(Settings(db=str(db))) as store:
        from dossier.ingest import article_from_text
        from dossier.models import ArticleRecords

        article = article_from_text("Texte.", source="s0", title="t", published="2024-05-01")
        fact = RoleFact(person_id="p:x", person_name="Jean Essai", role="ministre de l'Essai", start=0, end=5,
                        text="Texte", date="2024-05-01")
        store.add_article(ArticleRecords(article=article, clean_text="Texte.", boilerplate=[], roles=[fact]))
        assert list(store.records("roles"))
    out = run_client(tmp_path, db)
    assert out["spacy"] is False and out["failed"] == 3
