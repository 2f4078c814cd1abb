# Two entry points, both self-contained on a fresh machine with Python 3.11, bash and make:
#   make build   set up .venv and build the graph of seeds/ into output/
#   make test    set up .venv (and the browser/tools the tests drive) and run the test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: build test setup clean

$(BIN)/kg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(BIN)/kg

setup: $(BIN)/kg

build: setup
	$(BIN)/kg build seeds/ --out output/

test: setup
	bash scripts/test-setup.sh
	$(BIN)/ruff check kg tests scripts
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV)
	find output -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
