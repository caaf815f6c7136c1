"""What an analyst sees over the real seed articles, in Chromium: the Pokrovsk dispute side by
side with working links to its sentences, no raw field name, a timeline that opens on the story,
issue labels in words, keyboard navigation, and axe-core's checks (no serious or critical
violation). Screenshots go to build/screenshots/seeds-*.png."""
from __future__ import annotations

import json
import re

import pytest
from browser_support import SHOTS, shot

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = {"timeline": "/", "disputes": "/disputes", "conflicts": "/conflicts", "positions": "/positions",
         "articles": "/articles", "actors": "/entities", "actor": "/entities/vladimir_putin", "map": "/map",
         "article": "/articles/1", "search": "/search?q=Pokrovsk", "most-reported": "/?sort=sources"}
RAW_NAMES = ("claimant_id", "claimant_name", "index", "proposition", "predicate", "settled_by_kb", "_id")
# what the page says, without the articles' own words (quotes, evidence, headlines, the reader's text)
OWN_TEXT = """() => { const c = document.body.cloneNode(true);
  c.querySelectorAll('blockquote, q, .evidence, #text, .cite, .summary-text, .snippet, option').forEach(e => e.remove());
  return c.innerText; }"""
SERIOUS = ("serious", "critical")


def _sentence_of(page, link) -> str:
    """Follow a link to a sentence; the text of the sentence it lands on."""
    href = link.get_attribute("href")
    assert re.fullmatch(r"/articles/\d+#s\d+", href), href
    link.click()
    page.wait_for_url("**" + href)
    target = page.locator(":target")
    assert target.count() == 1 and target.get_attribute("id") == href.split("#")[1]
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < 900  # scrolled into view
    return " ".join(target.inner_text().split())


def test_pokrovsk_dispute_is_one_card_with_two_columns(page, seeds_server):
    page.goto(seeds_server + "/disputes")
    cards = page.locator("article.card.dispute").filter(has=page.locator("h2", has_text="Pokrovsk"))
    assert cards.count() == 1
    card = cards.first
    assert card.locator("h2").inner_text().startswith("Pokrovsk est sous contrôle")
    asserts, denies = card.locator("section.side-asserts"), card.locator("section.side-denies")
    assert asserts.locator("h3").inner_text().startswith("affirment")
    assert denies.locator("h3").inner_text().startswith("démentent")
    shot(page, "seeds-disputes")
    for column in ("side-asserts", "side-denies"):
        page.goto(seeds_server + "/disputes")
        entry = page.locator("article.card.dispute").filter(has=page.locator("h2", has_text="Pokrovsk")) \
            .locator(f"section.{column} li").first
        evidence = " ".join(entry.locator("blockquote").inner_text().split()).rstrip("…")
        assert entry.locator("a.actor, span.actor").count() == 1 and entry.locator(".date").inner_text()
        sentence = _sentence_of(page, entry.locator("a.cite"))
        assert evidence[:25] in sentence, (column, evidence[:40], sentence[:120])


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_raw_field_name_on_any_page(page, seeds_server, name):
    response = page.goto(seeds_server + PAGES[name])
    assert response.status == 200
    text = page.evaluate(OWN_TEXT)
    for raw in RAW_NAMES:
        assert raw not in text, (name, raw)
    assert "article #" not in text.lower()
    assert page.dialogs == [] and page.external == []
    shot(page, f"seeds-{name}")


def test_timeline_opens_on_the_story(page, seeds_server):
    page.goto(seeds_server + "/")
    first_screen = [e for e in page.locator("ol.timeline li.entry").all()
                    if (box := e.bounding_box()) is not None and box["y"] < 900]
    dates = [e.locator(".head .date").first.inner_text() for e in first_screen]
    assert any(d.startswith("2025") for d in dates), dates
    assert all(d >= "2024" for d in dates), dates  # the history the articles recall is folded
    background = page.locator("details#background")
    assert background.count() == 1 and background.get_attribute("open") is None
    assert re.search(r"\d+ earlier event", background.locator("summary").inner_text())
    sources = page.locator("ol.timeline li.entry ul.sources li").first
    assert re.search(r"\d{4}-\d{2}-\d{2}", sources.locator(".source").inner_text())  # headline and date
    shot(page, "seeds-timeline-first-screen", full_page=False)


def test_positions_show_issue_labels_in_words(page, seeds_server):
    page.goto(seeds_server + "/positions")
    text = page.locator("main").inner_text()
    assert "adhésion de l'Ukraine à l'OTAN" in text
    assert "nato_membership" not in text
    assert page.locator("table.strips a.stance").count() >= 1


def test_keyboard_reaches_a_sentence_link_and_opens_it(page, seeds_server):
    page.goto(seeds_server + "/disputes")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    target = page.locator("article.card.dispute section.side-denies a.cite").first
    href = target.get_attribute("href")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == href \
                and page.evaluate("document.activeElement.closest('section.side-denies') !== null"):
            break
    else:
        pytest.fail(f"Tab never reached {href}")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + href)
    assert page.evaluate("document.querySelector(':target').id") == href.split("#")[1]


def test_axe_finds_no_serious_violation(axe_page, seeds_server, axe_script, capsys):
    report = {}
    for name, path in sorted(PAGES.items()):
        axe_page.goto(seeds_server + path)
        axe_page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")  # folded lines too
        axe_page.add_script_tag(content=axe_script)
        result = axe_page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        report[name] = [{"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"]), "help": v["help"],
                         "first": v["nodes"][0]["target"] if v["nodes"] else None} for v in result["violations"]]
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / "axe-seeds.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    with capsys.disabled():
        print("\naxe-core over the seeds (violations by impact):")
        for name, found in report.items():
            counts = {i: sum(v["nodes"] for v in found if v["impact"] == i)
                      for i in ("critical", "serious", "moderate", "minor")}
            print(f"  {name:14} " + " ".join(f"{k} {n}" for k, n in counts.items()))
    serious = {name: [v for v in found if v["impact"] in SERIOUS] for name, found in report.items()}
    assert not any(serious.values()), json.dumps(serious, indent=1)
