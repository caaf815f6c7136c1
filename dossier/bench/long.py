"""Cost of very long texts: time and peak memory of ``process_article`` on hostile lengths.

    python -m dossier.bench.long                 # the standard cases (a few minutes)
    python -m dossier.bench.long prose 100000 400000 1600000
    python -m dossier.bench.long --scaling prose 100000 400000 1600000   # one process, one model

Cases: ``oui`` ("Oui. " repeated), ``prose`` (this module's own French paragraphs, repeated) and
``oneline`` (the same prose with every line break replaced by a space). Each measurement runs in
its own process, so its peak RSS is its own. The prose was written for this module.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import time

PARAGRAPHS = [
    "Les délégations se sont retrouvées lundi matin à Genève pour une nouvelle session de "
    "discussions, la troisième depuis le début de l'année. Selon un diplomate présent sur place, "
    "les échanges ont porté sur le calendrier d'un éventuel cessez-le-feu et sur le sort des "
    "prisonniers.",
    "« Nous ne signerons rien qui ne garantisse pas notre sécurité », a déclaré Volodymyr Zelensky "
    "devant la presse, avant de rappeler que Kiev attendait des garanties écrites de ses alliés "
    "européens.",
    "À Moscou, le porte-parole du Kremlin, Dmitri Peskov, a estimé que ces exigences étaient "
    "irréalistes. Il a toutefois indiqué que Vladimir Poutine restait ouvert à une rencontre "
    "avant la fin du mois de mars.",
    "L'envoyé spécial américain Steve Witkoff doit se rendre jeudi à Riyad, où il s'entretiendra "
    "avec des responsables saoudiens. Washington espère obtenir un accord de principe d'ici "
    "l'été, a précisé le secrétaire d'État Marco Rubio.",
    "Sur le terrain, les combats se sont poursuivis dans la région de Donetsk. L'armée russe "
    "affirme avoir pris le contrôle d'un village près de Pokrovsk, ce que l'état-major ukrainien "
    "a démenti mardi soir.",
    "Le 14 février 2025, les ministres européens avaient déjà évoqué l'envoi d'une force de "
    "réassurance. Emmanuel Macron et Keir Starmer ont reparlé de ce projet au téléphone il y a "
    "deux semaines, sans annoncer de date.",
    "Plusieurs analystes jugent que les positions restent très éloignées. Pour l'un d'eux, la "
    "question des territoires occupés et celle de l'adhésion à l'OTAN bloqueront toute avancée "
    "tant qu'aucun des deux camps ne cédera.",
    "Les négociateurs prévoient de se revoir dans dix jours. D'ici là, des groupes techniques "
    "travailleront sur les échanges de prisonniers et sur la sécurité de la centrale de "
    "Zaporijjia, sous l'égide de l'AIEA.",
]


def prose(n_chars: int, line_break: str = "\n\n") -> str:
    """About ``n_chars`` characters of this module's paragraphs, repeated."""
    out, size, k = [], 0, 0
    while size < n_chars:
        p = PARAGRAPHS[k % len(PARAGRAPHS)]
        out.append(p)
        size += len(p) + len(line_break)
        k += 1
    return line_break.join(out)[:n_chars]


def oui(n_chars: int) -> str:
    return ("Oui. " * (n_chars // 5 + 1))[:n_chars]


def oneline(n_chars: int) -> str:
    return prose(n_chars, line_break=" ")


CASES = {"oui": oui, "prose": prose, "oneline": oneline}
STANDARD = [("oui", 250_000), ("prose", 1_000_000), ("oneline", 2_000_000),
            ("prose", 100_000), ("prose", 400_000), ("prose", 1_600_000)]


def _peak_mb() -> float:
    """This process's high-water RSS (VmHWM; ru_maxrss where /proc is missing)."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(case: str, n_chars: int) -> dict:
    """Run in this process: load the pipeline, then process one article of the case."""
    from dossier.config import Settings
    from dossier.models import Article
    from dossier.pipeline import build_nlp, process_article

    nlp = build_nlp(Settings())
    text = CASES[case](n_chars)
    article = Article(source=f"{case}-{n_chars}", raw_text=text, published="2025-03-10",
                      published_precision="day", language="fr")
    loaded = _peak_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    records = process_article(article, nlp)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {"case": case, "chars": len(text), "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
            "chars_per_s": round(len(text) / seconds) if seconds else None,
            "peak_rss_mb": round(_peak_mb()), "rss_after_load_mb": round(loaded),
            "sentences": len(records.sentences), "mentions": len(records.mentions),
            "timexes": len(records.timexes), "quotes": len(records.quotes)}


def scaling(case: str, sizes: list[int]) -> None:
    """Seconds per size with one pipeline loaded once (the ratio is what tells linear cost)."""
    from dossier.config import Settings
    from dossier.models import Article
    from dossier.pipeline import build_nlp, process_article

    nlp = build_nlp(Settings())
    for n in sizes:
        article = Article(source=f"{case}-{n}", raw_text=CASES[case](n), published="2025-03-10",
                          published_precision="day", language="fr")
        t0, c0 = time.perf_counter(), time.process_time()
        process_article(article, nlp)
        print(json.dumps({"case": case, "chars": n, "seconds": round(time.perf_counter() - t0, 2),
                          "cpu_seconds": round(time.process_time() - c0, 2)}), flush=True)


def main(argv: list[str]) -> None:
    if argv and argv[0] == "--one":
        print(json.dumps(measure(argv[1], int(argv[2]))))
        return
    if argv and argv[0] == "--scaling":
        scaling(argv[1], [int(n) for n in argv[2:]])
        return
    runs = [(argv[0], int(n)) for n in argv[1:]] if argv else STANDARD
    for case, n in runs:
        proc = subprocess.run([sys.executable, "-m", "dossier.bench.long", "--one", case, str(n)],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            print(json.dumps({"case": case, "chars": n, "error": proc.stderr.strip().splitlines()[-1:]}))
        else:
            print(proc.stdout.strip(), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
