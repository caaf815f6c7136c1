"""The dateparser baseline: shape of its output and robustness to its failures."""

from __future__ import annotations

import pytest

from dossier.timex.baseline import dateparser_baseline

dateparser = pytest.importorskip("dateparser")


def test_finds_explicit_dates_at_their_precision():
    out = dateparser_baseline("Le sommet du 24 février 2022 a échoué. En 2014, la Crimée fut annexée.", "2025-12-03")
    assert all(isinstance(e, str) and (v is None or isinstance(v, str)) for e, v in out)
    values = dict(out)
    assert values.get("24 février 2022") == "2022-02-24" or "2022-02-24" in values.values()


def test_survives_dateparser_errors(monkeypatch):
    import dateparser.search

    def boom(*args, **kwargs):
        raise ValueError("broken")

    monkeypatch.setattr(dateparser.search, "search_dates", boom)
    assert dateparser_baseline("hier", "2025-12-03") == []


def test_no_anchor_is_accepted():
    assert isinstance(dateparser_baseline("Rien ici.", "n/a"), list)
