# newsetl - make run: set up and process seeds/ into warehouse/; make test: set up and run every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LANDING ?= seeds
WAREHOUSE ?= warehouse
# quieten library chatter for the commands make runs
export PYTHONWARNINGS ?= ignore
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
# pip's notes about index locations configured on a machine but absent there are not our output
PIP_QUIET := 2>&1 | { grep -v "is ignored: it is neither a file nor a directory" || true; }

.PHONY: run test lint setup clean-warehouse bench eval-quotes fuzz soak

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@echo "setting up $(VENV) from requirements.lock (the spaCy model included)"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock $(PIP_QUIET)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . $(PIP_QUIET)
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/newsetl run --landing $(LANDING) --warehouse $(WAREHOUSE)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean-warehouse:
	rm -rf $(WAREHOUSE)/tables $(WAREHOUSE)/news.duckdb $(WAREHOUSE)/news.duckdb.wal $(WAREHOUSE)/.news.duckdb.* \
		$(WAREHOUSE)/_state $(WAREHOUSE)/data_docs

# Quotes, attributions and speakers against human annotations, all three scorers on one warehouse.
# score_quotes.py grades quotation-mark spans, so it gets the rows that are one (bench/quotation_rows.py);
# score_attributions.py grades every attributed statement, reported speech included:
# make eval-quotes [ARTICLES=...] [GOLD=...] [ATTRIBUTIONS=...] [SPEAKERS=...]
SHARED ?= ../shared
CORPUS ?= $(SHARED)/corpora/polnear-dev
ARTICLES ?= $(CORPUS)/articles
GOLD ?= $(CORPUS)/gold.jsonl
ATTRIBUTIONS ?= $(CORPUS)/attributions.jsonl
SPEAKERS ?= $(CORPUS)/speakers.jsonl
TOOLS ?= $(SHARED)/tools
eval-quotes: $(STAMP)
	wh=$$(mktemp -d /tmp/newsetl-eval-XXXXXX) && trap 'rm -rf "$$wh"' EXIT && \
	$(BIN)/newsetl run --landing $(ARTICLES) --warehouse "$$wh" && \
	$(BIN)/python bench/quotation_rows.py "$$wh/news.duckdb" "$$wh/quotations.jsonl" && \
	$(BIN)/python $(TOOLS)/score_quotes.py $(GOLD) --jsonl "$$wh/quotations.jsonl" && \
	$(BIN)/python $(TOOLS)/score_attributions.py $(ATTRIBUTIONS) --duckdb "$$wh/news.duckdb" && \
	$(BIN)/python $(TOOLS)/score_speakers.py $(SPEAKERS) --duckdb "$$wh/news.duckdb"

# Benchmarks: make bench [SOURCE=folder of real articles] [BENCH_ARGS="--throughput-files 2000 --memory-files 1000 10000 ..."]
SOURCE ?= $(SHARED)/corpora/polnear-dev/articles
bench: $(STAMP)
	$(BIN)/python bench/bench.py $(SOURCE) --make-corpus $(TOOLS)/make_corpus.py $(BENCH_ARGS)

# Fuzzing the decoder and parser with atheris for FUZZ_SECONDS (not part of `make test`); the corpus starts
# from seeds/ and grows in FUZZ_CORPUS; a crash stops it with the input saved as fuzz/crash-*.
FUZZ_SECONDS ?= 600
FUZZ_CORPUS ?= /tmp/newsetl-fuzz-corpus
fuzz: $(STAMP)
	mkdir -p $(FUZZ_CORPUS) && cp -n seeds/*.txt $(FUZZ_CORPUS)/
	$(BIN)/python fuzz/decode_parse.py -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 \
		-artifact_prefix=fuzz/crash- -print_final_stats=1 $(FUZZ_CORPUS)

# The soak test: SOAK_RUNS runs on one warehouse over a landing folder changing at random, kills and
# vacuums included, the invariants checked after each (not part of `make test`). SOAK_SEED replays a run.
SOAK_RUNS ?= 30
SOAK_SEED ?=
soak: $(STAMP)
	$(BIN)/python bench/soak.py --runs $(SOAK_RUNS) $(if $(SOAK_SEED),--seed $(SOAK_SEED))
