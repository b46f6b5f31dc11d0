# armswatch — two commands for a fresh machine:
#   make demo   venv, install, ingest the bundled demo corpus, serve it
#   make test   run the test suite
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= armswatch-demo.db
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test install bench fuzz clean lint

$(BIN)/armswatch: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	@touch $@

install: $(BIN)/armswatch

demo: install
	$(BIN)/armswatch ingest examples/corpus --db $(DB) --embed
	$(BIN)/armswatch timeline --db $(DB) --since 2019
	@echo "open http://$(HOST):$(PORT)/  (API docs: /docs) — Ctrl-C to stop"
	$(BIN)/armswatch serve --db $(DB) --host $(HOST) --port $(PORT)

test: install
	$(BIN)/python -m pytest tests

fuzz: install
	$(BIN)/python bench/fuzz.py $(FUZZ_N)

bench: install
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) demo-extract.jsonl $(DB) .pytest_cache

# --- PostgreSQL for the store tests (owner: store; scripts/pg_test_server.sh) -------------
# make pg-start   start a throwaway cluster on 127.0.0.1:54329 and print ARMSWATCH_TEST_PG
# make pg-stop    stop it and delete its directory
PG_TEST_DIR ?= /tmp/armswatch-pg
.PHONY: pg-start pg-stop test-pg
pg-start:
	@echo "export ARMSWATCH_TEST_PG=$$(bash scripts/pg_test_server.sh start $(PG_TEST_DIR))"
pg-stop:
	@bash scripts/pg_test_server.sh stop $(PG_TEST_DIR)
test-pg: install
	ARMSWATCH_TEST_PG=$$(bash scripts/pg_test_server.sh start $(PG_TEST_DIR)) $(BIN)/python -m pytest tests/test_store_pg.py; \
	  rc=$$?; bash scripts/pg_test_server.sh stop $(PG_TEST_DIR); exit $$rc
# -------------------------------------------------------------------------------------------
