"""Furniture removal and the offset map back to the original text."""
from __future__ import annotations

import json

import pytest

from dossier.clean import Cleaned, clean_text

HEAD = "Les négociateurs se retrouvent à Genève pour un nouveau cycle"
P1 = "Les délégations russe et ukrainienne se sont retrouvées lundi à Genève pour une journée de discussions techniques."
P2 = "Selon un diplomate présent, les échanges ont porté sur les prisonniers et sur la sécurité de la centrale nucléaire."
P3 = "Aucune déclaration commune n'a été publiée à l'issue de la rencontre, qui doit reprendre la semaine prochaine."


def _doc(*parts: str) -> str:
    return "\n\n".join(parts) + "\n"


def _assert_round_trip(c: Cleaned) -> None:
    for i, ch in enumerate(c.text):
        assert c.original[c.to_original(i)] == ch, (i, ch)


def _removed_text(c: Cleaned) -> list[str]:
    return [c.original[a:b] for a, b in c.removed]


# (name, raw article, furniture lines that must go)
FURNITURE = [
    ("template token", _doc("{% endblock %}", HEAD, P1, P2), ["{% endblock %}"]),
    ("stray brace", _doc("#}", HEAD, P1, P2), ["#}"]),
    ("breadcrumb with separators", _doc("Accueil > Monde > Europe", HEAD, P1, P2), ["Accueil > Monde > Europe"]),
    ("glued breadcrumb", _doc("Home InternationalLes négociateurs se retrouvent", HEAD, P1, P2),
     ["Home InternationalLes négociateurs se retrouvent"]),
    ("english byline", _doc(HEAD, "by Sam Porter", P1, P2), ["by Sam Porter"]),
    ("french byline", _doc(HEAD, "Par Jeanne Martin", P1, P2), ["Par Jeanne Martin"]),
    ("labelled author and role", _doc(HEAD, "  • Author, Jeanne Martin\n  • Role, Correspondante à Genève", P1, P2),
     ["• Author, Jeanne Martin", "• Role, Correspondante à Genève"]),
    ("photo credit and alt text", _doc(HEAD, P1, "Deux diplomates se serrent la main devant un drapeau", "Crédit photo, Agence Exemple", P2),
     ["Deux diplomates se serrent la main devant un drapeau", "Crédit photo, Agence Exemple"]),
    ("caption label", _doc(HEAD, P1, "Légende image, Le palais des Nations lors d'une réunion précédente.", P2),
     ["Légende image, Le palais des Nations lors d'une réunion précédente."]),
    ("map caption", _doc(HEAD, P1, P2, "Carte montrant la ligne de front et les zones disputées au sud du pays."),
     ["Carte montrant la ligne de front et les zones disputées au sud du pays."]),
    ("media label", _doc(HEAD, P1, "Image", P2), ["Image"]),
    ("promo block", _doc(HEAD, P1, "Ignorer Promotion Telegram et continuer la lecture", "Le Quotidien est sur Telegram",
                          "Toute l'actualité dans votre poche", "Fin de Promotion Telegram", P2),
     ["Ignorer Promotion Telegram et continuer la lecture", "Le Quotidien est sur Telegram",
      "Toute l'actualité dans votre poche", "Fin de Promotion Telegram"]),
    ("newsletter prompt", _doc(HEAD, P1, "Inscrivez-vous à notre newsletter quotidienne", P2),
     ["Inscrivez-vous à notre newsletter quotidienne"]),
    ("related + comments footer", _doc(HEAD, P1, P2, "You may also like", "Ten things to know about the summit", "Leave a Comment"),
     ["You may also like", "Ten things to know about the summit", "Leave a Comment"]),
    ("lire aussi link", _doc(HEAD, P1, "Lire aussi : Le plan de paix en vingt points", P2),
     ["Lire aussi : Le plan de paix en vingt points"]),
    ("category tag in header", _doc(HEAD, "Europe", P1, P2), ["Europe"]),
    ("caption after headline", _doc(HEAD, "Le ministre suisse et son homologue turc au palais", P1, P2),
     ["Le ministre suisse et son homologue turc au palais"]),
    ("share buttons", _doc(HEAD, P1, P2, "Partager sur Facebook", "Copier le lien"), ["Partager sur Facebook", "Copier le lien"]),
    ("agency credit", _doc(HEAD, P1, P2, "(Avec AFP)"), ["(Avec AFP)"]),
    ("english image furniture", _doc(HEAD, P1, "Two envoys shake hands in a hotel lobby", "Image source, Example Agency",
                                     "Image caption, The envoys met for the first time in March.", P2),
     ["Two envoys shake hands in a hotel lobby", "Image source, Example Agency",
      "Image caption, The envoys met for the first time in March."]),
    ("english related footer", _doc(HEAD, P1, P2, "More on this story", "Related Topics", "Ukraine talks"),
     ["More on this story", "Related Topics", "Ukraine talks"]),
    ("caption under its credit", _doc(HEAD, P1, "Photo : Example Agency\nRelatives wait outside the reception centre", P2),
     ["Relatives wait outside the reception centre"]),
    ("agency photo credit", _doc(HEAD, P1, "Jeanne Doe / AFP", P2), ["Jeanne Doe / AFP"]),
    ("dateline line", _doc(HEAD, "Publié le 3 mars 2025 à 18h40", P1, P2), ["Publié le 3 mars 2025 à 18h40"]),
    # a caption closed by its photo credit carries a date that is not the article's and a credit name that is no actor
    ("caption with trailing agency credit", _doc(HEAD, P1, "Le médiateur salue la presse à Genève, le 4 mai 2019. AFP/Paul EXEMPLE.", P2),
     ["Le médiateur salue la presse à Genève, le 4 mai 2019. AFP/Paul EXEMPLE."]),
    ("caption with parenthesised photo credit",
     _doc(HEAD, P1, "FILE - Delegates leave a hotel in the capital, May 4, 2019. (AP Photo/Paul Example, File)", P2),
     ["FILE - Delegates leave a hotel in the capital, May 4, 2019. (AP Photo/Paul Example, File)"]),
    ("caption with name / agency credit", _doc(HEAD, P1, "Des secouristes devant un immeuble touché, le 4 mai 2019 - Paul EXEMPLE / AFP", P2),
     ["Des secouristes devant un immeuble touché, le 4 mai 2019 - Paul EXEMPLE / AFP"]),
    ("caption with licensors credit", _doc(HEAD, P1, "Le médiateur au siège de l'agence, le 4 mai 2019.. AFP or licensors", P2),
     ["Le médiateur au siège de l'agence, le 4 mai 2019.. AFP or licensors"]),
    ("caption closed by 'Photo Name'", _doc(HEAD, P1, "Le médiateur quitte le palais des Nations après trois jours. Photo Paul Exemple", P2),
     ["Le médiateur quitte le palais des Nations après trois jours. Photo Paul Exemple"]),
    ("caption with bracketed agency / name credit",
     _doc(HEAD, P1, "Le président du pays lors d'une fête à Lima ,le 4 mai 2019 ( AFP / Paul EXEMPLE )", P2),
     ["Le président du pays lors d'une fête à Lima ,le 4 mai 2019 ( AFP / Paul EXEMPLE )"]),
    ("wire credit paragraph in brackets",
     _doc(HEAD, P1, P2, "(Reportage Jeanne Exemple à Lima, Paul Exemple à Quito; rédigé par Jeanne Exemple; "
                        "version française Marc Exemple)"),
     ["(Reportage Jeanne Exemple à Lima, Paul Exemple à Quito; rédigé par Jeanne Exemple; version française Marc Exemple)"]),
    ("byline of a wire agency", _doc(HEAD, "Jeanne Exemple Associated Press", P1, P2), ["Jeanne Exemple Associated Press"]),
    ("site name line", _doc("Exemple.news", HEAD, P1, P2), ["Exemple.news"]),
    ("app store badge", _doc(HEAD, "Download on the App Store", P1, P2), ["Download on the App Store"]),
    ("paywall line", _doc(HEAD, P1, P2, "La suite est réservée aux abonnés."), ["La suite est réservée aux abonnés."]),
    ("live blog furniture", _doc("Ce direct est terminé. Suivez notre nouveau live sur les négociations par ici", HEAD, P1,
                                 "Fin du direct", P2),
     ["Ce direct est terminé. Suivez notre nouveau live sur les négociations par ici", "Fin du direct"]),
]


@pytest.mark.parametrize("name,raw,furniture", FURNITURE, ids=[c[0] for c in FURNITURE])
def test_furniture_lines_removed_and_body_kept(name, raw, furniture):
    c = clean_text(raw)
    for line in furniture:
        assert line not in c.text, line
        start = raw.index(line)
        assert any(a <= start and start + len(line) <= b for a, b in c.removed), line
    for paragraph in (P1, P2):
        assert paragraph in c.text
    _assert_round_trip(c)


@pytest.mark.parametrize(
    "raw,kept",
    [
        (_doc(HEAD, P1, "Réaction à Kiev", P2, "Les prochaines étapes", P3), ["Réaction à Kiev", "Les prochaines étapes"]),
        (_doc(HEAD, P1, "Accueil des réfugiés en Pologne", P2, P3), ["Accueil des réfugiés en Pologne"]),
        (_doc(HEAD, P1, "Par ailleurs, le ministre a démenti.", P2), ["Par ailleurs, le ministre a démenti."]),
        (_doc(P1, "Thèmes de la négociation", P2, P3), ["Thèmes de la négociation"]),
        (_doc(HEAD, "Kiev dément.", P1, P2), ["Kiev dément."]),
        (_doc(HEAD, "Le ministre turc espère accueillir une quatrième session avant la fin du mois prochain à Istanbul", P1, P2),
         ["Le ministre turc espère accueillir une quatrième session avant la fin du mois prochain à Istanbul"]),
        (_doc(HEAD, P1, P2, "Il a refusé."), ["Il a refusé."]),
        # credits named inside a sentence, and "direct" as a plain word, are article text
        (_doc(HEAD, P1, "Le ministre a annoncé la reprise des discussions lundi (AFP).", P2),
         ["Le ministre a annoncé la reprise des discussions lundi (AFP)."]),
        (_doc(HEAD, P1, "Les pourparlers ont repris lundi à Doha, selon l'AFP.", P2), ["Les pourparlers ont repris lundi à Doha, selon l'AFP."]),
        (_doc(HEAD, P1, "Le direct de la conférence de presse a été interrompu.", P2), ["Le direct de la conférence de presse a été interrompu."]),
    ],
)
def test_subheadings_and_sentences_are_article_text(raw, kept):
    c = clean_text(raw)
    for line in kept:
        assert line in c.text


def test_title_headline_repeat_and_metadata():
    raw = _doc("#}", HEAD, HEAD, "Par Jeanne Martin", P1, P2)
    c = clean_text(raw)
    assert c.title == HEAD
    assert c.author == "Jeanne Martin"
    assert c.text.count(HEAD) == 1
    assert c.text.startswith(HEAD)


@pytest.mark.parametrize(
    "promo,outlet",
    [("Le Courrier du Soir est sur WhatsApp", "Le Courrier du Soir"), ("Morning Wire is now on Telegram", "Morning Wire"),
     ("Suivez-nous sur Instagram", None)],
)
def test_outlet_from_its_promo_line(promo, outlet):
    c = clean_text(_doc(HEAD, P1, promo, P2))
    assert promo not in c.text
    assert c.outlet == outlet


def test_site_name_and_app_badge_are_not_the_title():
    raw = _doc("Exemple.news", "Download on the App Store", HEAD, "Image", P1, P2)
    c = clean_text(raw)
    assert c.title == HEAD


def test_given_title_is_matched():
    raw = _doc("Rubrique", HEAD, P1, P2)
    assert clean_text(raw, title=HEAD).title == HEAD


def test_inline_date_prefix_removed_and_read():
    raw = " date 2025-02 " + P1 + "\n\n" + P2
    c = clean_text(raw)
    assert c.text.startswith(P1[:20])
    assert c.dateline == "2025-02"
    assert raw[c.removed[0][0]:c.removed[0][1]].strip() == "date 2025-02"
    _assert_round_trip(c)


def test_paragraph_breaks_are_kept():
    c = clean_text(_doc(HEAD, P1, P2) .replace("\n\n", "\n"))
    assert c.text.split("\n\n") == [HEAD, P1, P2]


def test_hard_wrapped_lines_stay_one_paragraph():
    raw = "Les délégations se sont retrouvées lundi à Genève pour\nune journée de discussions techniques sans résultat.\n"
    c = clean_text(raw)
    assert "\n\n" not in c.text
    _assert_round_trip(c)


def test_repeated_paragraph_is_kept_and_flagged():
    raw = _doc(HEAD, P1, P2, P1)
    c = clean_text(raw)
    assert c.text.count(P1) == 2
    second = raw.rindex(P1)
    assert c.duplicates == [(second, second + len(P1))]


@pytest.mark.parametrize("raw", ["", "\n\n", "Image\n", P1, _doc(HEAD, P1, P2), "a\r\nb\r\n"])
def test_round_trip_and_spans(raw):
    c = clean_text(raw)
    _assert_round_trip(c)
    if c.text:
        start, end = c.span_to_original(0, len(c.text))
        assert 0 <= start <= end <= len(raw)


def test_seeds_gold_boilerplate_removed_and_title_found(seeds_dir, gold_file):
    gold = json.loads(gold_file.read_text(encoding="utf-8"))["articles"]
    for name, g in gold.items():
        raw = (seeds_dir / name).read_text(encoding="utf-8")
        c = clean_text(raw)
        gold_spans = []
        for line in g["boilerplate"]:
            start = 0
            while (start := raw.find(line, start)) >= 0:
                gold_spans.append((start, start + len(line)))
                assert all(
                    raw[p].isspace() or any(a <= p < b for a, b in c.removed) for p in range(start, start + len(line))
                ), (name, line)
                start += len(line)
        assert c.title == g["title"], name
        # nothing else goes, except copies of the headline
        for a, b in c.removed:
            inside = any(s <= a and b <= e + 1 for s, e in gold_spans)
            assert inside or raw[a:b] == c.title, (name, raw[a:b])
        _assert_round_trip(c)


@pytest.mark.parametrize("line, credited", [
    ("Des manifestants devant le parlement. (Photo AFP / Jean Exemple)", True),
    ("Des manifestants devant le parlement. Photo : Jean Exemple Martin", True),
    ("Le port de la ville au matin Reuters / Marie Exemple", True),
    ("Image d'archives AFP or licensors", True),
    ("Des soldats près du pont, le 4 mai 2019 ( AFP / Jean Exemple )", True),
    ("Le ministre a parlé de la réforme ( qui sera votée )", False),
    ("Le conseil se réunira de nouveau la semaine prochaine pour en discuter.", False),
    ("Une réunion sans photo ni communiqué", False),
])
def test_trailing_credit_pre_test_never_hides_a_match(line, credited):
    from dossier.clean import boilerplate as b

    assert bool(b._TRAILING_CREDIT_RE.search(line)) == credited
    assert b._may_trail_credit(line) or not credited  # the cheap test keeps every match
    assert not b._may_trail_credit("Le conseil se réunira la semaine prochaine.")
    assert b._may_trail_credit("Une légende PHOTO")  # case-insensitive, like the regex
