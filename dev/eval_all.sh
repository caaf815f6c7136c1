#!/bin/sh
# The four evaluations as JSON into OUTDIR (dev: development set with manifest, devnm: without,
# seeds: with --check-floors, held: held-out set). DOSSIER=command selects other code.
# Run from the project root. Compare two OUTDIRs with dev/cmp_eval.py.
set -u
out=${1:?usage: dev/eval_all.sh OUTDIR}
d=${DOSSIER:-.venv/bin/dossier}
mkdir -p "$out"
$d eval --json --gold ../shared/devset/gold.json --corpus build/devset/texts --manifest build/devset/manifest.jsonl > "$out/dev.json"
$d eval --json --gold ../shared/devset/gold.json --corpus build/devset/texts > "$out/devnm.json"
$d eval --json --gold ../shared/corpus/seeds.gold.json --manifest ../shared/corpus/seeds.jsonl --check-floors --complete all > "$out/seeds.json"; echo "seeds floors rc $?"
$d eval --json --gold tests/heldout/heldout.gold.json --corpus tests/heldout/corpus --complete quotes,dates,entities > "$out/held.json"
