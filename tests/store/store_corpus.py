"""Forty short French articles written for the concurrency tests: eight meetings, each reported
by five outlets in five different wordings (so the cross-article merge has real work to do)."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

MEETINGS = [  # (first person, second person, place)
    ("Vladimir Poutine", "Steve Witkoff", "Moscou"),
    ("Marco Rubio", "Roustem Oumerov", "Genève"),
    ("Emmanuel Macron", "Volodymyr Zelensky", "Paris"),
    ("Recep Tayyip Erdogan", "Vladimir Poutine", "Istanbul"),
    ("Keir Starmer", "Volodymyr Zelensky", "Londres"),
    ("Steve Witkoff", "Kirill Dmitriev", "Riyad"),
    ("Marco Rubio", "Emmanuel Macron", "Bruxelles"),
    ("Iouri Ouchakov", "Steve Witkoff", "Abou Dhabi"),
]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]
OUTLETS = ["La Vigie du Matin", "Le Relais Européen", "Dépêches de l'Est", "Le Témoin", "Horizon Hebdo"]
TITLES = ["{a} et {b} réunis à {p}", "Rencontre à {p} entre {a} et {b}", "À {p}, {a} reçoit {b}",
          "{b} s'entretient avec {a}", "Diplomatie : {a} et {b} se parlent à {p}"]
EVENT = ["{a} a rencontré {b} le {d} à {p}.",
         "Le {d}, {a} et {b} se sont réunis à {p} pour discuter d'un cessez-le-feu.",
         "{a} s'est entretenu avec {b} à {p} le {d}, selon plusieurs sources diplomatiques.",
         "Une réunion entre {a} et {b} s'est tenue à {p} le {d}.",
         "{a} a reçu {b} à {p} le {d} pour des discussions sur la paix."]
QUOTE = ["« Nous avons beaucoup avancé », a déclaré {a} après la rencontre.",
         "« Rien n'est encore réglé », a prévenu {b} devant la presse.",
         "{a} a affirmé que les échanges avaient été « francs et utiles ».",
         "« Le dialogue doit continuer », a estimé {b} à la sortie.",
         "Selon {a}, « une nouvelle étape est possible dans les prochains jours »."]
FILLER = ["Les discussions doivent reprendre dans les prochaines semaines.",
          "Aucun accord n'a été annoncé à l'issue de la séance.",
          "Les deux délégations ont refusé de commenter les détails du texte.",
          "Des observateurs y voient un signe de désescalade prudente.",
          "La question des garanties de sécurité reste au cœur des échanges.",
          "Plusieurs capitales européennes suivent ces pourparlers de près.",
          "Un communiqué commun pourrait être publié plus tard.",
          "Les marchés ont réagi avec prudence à cette annonce."]


def articles() -> list[dict]:
    out = []
    for m, (a, b, p) in enumerate(MEETINGS):
        day = dt.date(2025, 2, 10) + dt.timedelta(days=23 * m)
        d = f"{day.day} {MONTHS[day.month - 1]}"
        for r in range(5):
            slots = {"a": a, "b": b, "p": p, "d": d}
            body = " ".join([EVENT[r].format(**slots), QUOTE[(r + m) % 5].format(**slots),
                             FILLER[(r + m) % 8], FILLER[(r + 2 * m + 3) % 8]])
            title = TITLES[(r + m) % 5].format(**slots)
            out.append({"text": f"{title}\n\n{body}\n", "title": title, "outlet": OUTLETS[r],
                        "published": (day + dt.timedelta(days=r % 3)).isoformat(),
                        "url": f"https://exemple.invalid/{m}/{r}", "language": "fr"})
    return out


def write(path: Path) -> Path:
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles()), encoding="utf-8")
    return path
