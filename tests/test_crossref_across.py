"""Results that join records of two event units (or a claim unit and event units) are stored as a
whole-corpus run finds them, in whatever order the articles arrive: an event held per two
reports and denied by a third (a deny event of another unit, in another article).

Before ``dossier.crossref.across`` the incremental path read, for such a denial, only the
records of the held event's own unit, so the stored conflicts lacked it while ``find_conflicts``
(what ``dossier eval`` runs fresh) found it. The articles are written for this test."""
from __future__ import annotations

import itertools

import pytest

from dossier.crossref import rebuild_cross_article, update_cross_article
from dossier.store import open_store

HELD_AND_DENIED = [
    ("2025-05-02", "Kiev, 2 mai 2025. L'armée russe a pris jeudi le contrôle du village de Kostiantynivka, dans la "
     "région de Donetsk, a affirmé le ministère russe de la Défense dans un communiqué."),
    ("2025-05-03", "Moscou, 3 mai 2025. Les forces russes ont pris jeudi le contrôle de Kostiantynivka, selon le "
     "ministère russe de la Défense, qui évoque une avancée décisive."),
    ("2025-05-06", "Kiev, 6 mai 2025. L'état-major ukrainien a démenti lundi la prise de Kostiantynivka par l'armée "
     "russe, assurant que ses soldats tiennent toujours le village."),
]


@pytest.fixture(scope="module")
def records(nlp):
    from dossier.models import Article, ArticleRecords
    from dossier.pipeline import process_many

    articles = [Article(raw_text=text, source=f"mem://across/{i}", published=day)
                for i, (day, text) in enumerate(HELD_AND_DENIED)]
    out = [r for r in process_many(articles, nlp) if isinstance(r, ArticleRecords)]
    assert len(out) == len(articles)
    return out


def _conflicts(store) -> list[tuple[str, tuple[str, ...]]]:
    """(kind, sources' article sources) of every stored conflict."""
    source = {r["id"]: r["source"] for r in store.article_index()}
    return sorted((c["kind"], tuple(sorted(source[int(a)] for a in c["articles"]))) for c in store.crossref("conflicts"))


def _whole_run(records) -> list[tuple[str, tuple[str, ...]]]:
    from dossier.claims.conflicts import find_conflicts

    return sorted((c.kind, tuple(sorted(c.articles))) for c in find_conflicts([(r.article.source, r) for r in records]))


@pytest.mark.slow
@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_a_denial_in_a_later_batch_is_stored_as_the_whole_run_finds_it(records, order, tmp_path):
    from dossier.config import Settings

    whole = _whole_run(records)
    everyone = tuple(sorted(r.article.source for r in records))
    assert ("status", everyone) in whole  # held per the first two, denied per the third
    with open_store(Settings().with_(db=str(tmp_path / "x.db"))) as store:
        for i in order:  # one article per update: the held storyline and the denial meet only in the store
            store.add_article(records[i])
            update_cross_article(store)
        incremental = _conflicts(store)
        rebuild_cross_article(store)
        assert _conflicts(store) == incremental
    assert incremental == whole


@pytest.mark.slow
def test_the_denial_is_stored_in_both_backends(records, db_url):
    from dossier.config import Settings

    with open_store(Settings().with_(db=db_url)) as store:
        for rec in reversed(records):
            store.add_article(rec)
            update_cross_article(store)
        assert _conflicts(store) == _whole_run(records)


@pytest.mark.parametrize("date, near", [
    ("2025-05-02", True), ("2025-05-04", True),  # the day, one day after the changed days
    ("2025-05-06", False), ("2025-04-29", False),
    ("2025-05", True), ("2025-W18", True), ("2025-W20", False), ("2025", True), ("202", False),  # a decade has no days: never a support, as in the whole run
    ("2024-12-31", False), ("2024", False), ("2025-09-01", False), (None, False),
])
def test_claims_near_changed_days_read_from_the_database(db_url, date, near):
    """The claims whose disputes a storyline changed on 1-3 May 2025 may now be supported: their
    date (a day, a month, a week, a year, a decade) meets those days widened by one day."""
    import datetime as dt

    from dossier.config import Settings
    from dossier.crossref.across import _claims_near
    from dossier.models import Article, ArticleRecords, Claim

    claim = Claim(start=0, end=5, text="texte", predicate="CONTROLS", arguments=["russia", "x"],
                  proposition="CONTROLS(russia,x)", claimant_id=None, claimant_name=None, stance="asserts",
                  date=date)
    other = Claim(start=0, end=5, text="texte", predicate="SAYS", arguments=["russia", "y"],
                  proposition="SAYS(russia,y)", claimant_id=None, claimant_name=None, stance="asserts", date=date)
    rec = ArticleRecords(article=Article(raw_text="texte écrit pour le test", source="mem://near"),
                         clean_text="texte écrit pour le test", boilerplate=[], claims=[claim, other])
    with open_store(Settings().with_(db=db_url)) as store:
        store.add_article(rec)
        found = _claims_near(store, [("2025-05-01", "2025-05-03")], dt.timedelta(days=1))
        ids = [rid for rid, _, _, c in store.record_rows("claims", article_ids=[a["id"] for a in store.article_index()])
               if c.predicate == "CONTROLS"]
    assert (found == ids) == near and len(found) <= 1
