# armswatch — two commands for a fresh machine:
#   make demo   venv, install, ingest the bundled demo corpus, serve it
#   make test   run the test suite
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= armswatch-demo.db

.PHONY: demo test install bench fuzz clean lint

$(BIN)/armswatch: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	@touch $@

install: $(BIN)/armswatch

demo: install
	$(BIN)/armswatch extract examples/corpus --out demo-extract.jsonl
	$(BIN)/armswatch extract examples/corpus --format table

test: install
	$(BIN)/python -m pytest tests

fuzz: install
	$(BIN)/python bench/fuzz.py $(FUZZ_N)

bench: install
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) demo-extract.jsonl $(DB) .pytest_cache
