# Two commands set up and run everything on a fresh machine:
#   make demo   create/reuse .venv, ingest a corpus into dossier.db, print the timeline
#   make test   create/reuse .venv and run the whole test suite
#   make fuzz   the long fuzz run: 5,000 generated documents through the pipeline, 500 inputs per reader
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
DB     ?= dossier.db
STAMP  := $(VENV)/.installed

.PHONY: demo test fuzz venv clean serve bench eval eval-dev mapdata

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@$(MAKE) --no-print-directory mapdata || echo "(map outlines not installed: the map shows places on a grid)"
	@touch $(STAMP)

# Country outlines for the offline map: Natural Earth 1:110m from the npm package world-atlas,
# installed from the registry at build time (never committed).
MAPDATA := dossier/web/data/countries-110m.json
mapdata: $(MAPDATA)
$(MAPDATA):
	@command -v npm >/dev/null || { echo "npm not found"; exit 1; }
	@mkdir -p dossier/web/data build/npm
	@cd build/npm && npm pack --silent world-atlas@2.0.2 >/dev/null 2>&1 && tar -xzf world-atlas-2.0.2.tgz
	@cp build/npm/package/countries-110m.json $(MAPDATA)
	@echo "map outlines installed (world-atlas, Natural Earth 1:110m)"

venv: $(STAMP)

demo: $(STAMP)
	@if [ -f $(SHARED)/corpus/seeds.jsonl ]; then \
		echo "== ingesting $(SHARED)/corpus/seeds (with its crawl manifest)"; \
		$(BIN)/dossier --db $(DB) ingest --quiet --manifest $(SHARED)/corpus/seeds.jsonl; \
	else \
		echo "== $(SHARED)/corpus not found: ingesting the small example corpus in examples/"; \
		$(BIN)/dossier --db $(DB) ingest --quiet examples/; \
	fi
	@echo; echo "== articles"; $(BIN)/dossier --db $(DB) articles
	@echo; echo "== timeline (dated events; 'dossier timeline --details' shows evidence, '--actor NAME' filters)"
	@$(BIN)/dossier --db $(DB) timeline --dated-only
	@echo; echo "Explore: $(BIN)/dossier --db $(DB) --help   (quotes, entity NAME, disputes, positions, search WORDS)"
	@echo "Web page: $(BIN)/dossier --db $(DB) serve   then open http://127.0.0.1:8000"

test: $(STAMP)
	$(BIN)/python -m pytest -q -ra

# FUZZ_ARGS="--documents 200 --inputs 50" for a shorter run
fuzz: $(STAMP)
	$(BIN)/python tests/fuzz/run.py $(FUZZ_ARGS)

eval: $(STAMP)
	$(BIN)/dossier eval --gold $(SHARED)/corpus/seeds.gold.json --manifest $(SHARED)/corpus/seeds.jsonl

# The development set (../shared/devset: real articles on other stories). Its texts are fetched
# into $(DEVSET)/texts as $(SHARED)/devset/README.md says (never committed). Its gold annotates
# quotes, dates and entities completely; events and claims only for news of the story (not
# background history), so they get recall and attribute accuracies, no precision (docs/eval.md).
# Extra options: make eval-dev EVAL_ARGS="--errors" (or "--json", "--errors --json").
DEVSET          ?= build/devset
DEVSET_COMPLETE ?= quotes,dates,entities
EVAL_ARGS       ?=
eval-dev: $(STAMP)
	@if [ ! -f $(SHARED)/devset/gold.json ]; then \
		echo "eval-dev: $(SHARED)/devset/gold.json not found (clone the shared folder beside the repository)"; exit 1; fi
	@if ! $(PYTHON) $(SHARED)/devset/check.py $(DEVSET)/texts >/dev/null 2>&1 || [ ! -f $(DEVSET)/manifest.jsonl ]; then \
		echo "eval-dev: the development-set texts are missing or incomplete in $(DEVSET)/texts (or $(DEVSET)/manifest.jsonl is absent)."; \
		echo "  Fetch them as $(SHARED)/devset/README.md says, then check: $(PYTHON) $(SHARED)/devset/check.py $(DEVSET)/texts"; \
		exit 1; fi
	$(BIN)/dossier eval --gold $(SHARED)/devset/gold.json --corpus $(DEVSET)/texts \
		--manifest $(DEVSET)/manifest.jsonl --complete $(DEVSET_COMPLETE) $(EVAL_ARGS)

bench: $(STAMP)
	$(BIN)/dossier bench

serve: $(STAMP)
	$(BIN)/dossier --db $(DB) serve

clean:
	rm -rf $(VENV) build *.egg-info $(DB) $(DB)-wal $(DB)-shm
