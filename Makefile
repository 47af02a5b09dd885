# The targets here are exactly what the README and CI run.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup system-deps demo test lint typecheck unit clean

# One-time setup: a virtual environment with Parallax, its models and the test tools, and
# the development tools (devtools/: the parallax-dev command) beside it.
$(STAMP): pyproject.toml devtools/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,postgres,ray]' -e ./devtools
	touch $(STAMP)

setup: $(STAMP)

# The main job: analyse and compare the bundled sample articles, write the reports.
demo: setup
	$(BIN)/parallax demo --out parallax-report

lint: setup
	$(BIN)/ruff check src tests devtools
	$(BIN)/ruff format --check src tests devtools
	$(BIN)/lint-imports --no-cache

typecheck: setup
	$(BIN)/mypy

# Programs from Debian's packages that the tests drive for real: Chromium for the browser
# tests, a PostgreSQL server for the PostgreSQL store. Each step skips what is present.
system-deps:
	bash scripts/install-system-deps.sh
	bash scripts/postgres.sh install

# Two worker processes, each given whole test files (module fixtures are built once): the
# slow evaluations spend much of their time in single-threaded parsing, so two of them at
# once finish well before the same two one after the other.
unit: setup system-deps
	$(BIN)/pytest -n 2 --dist loadfile

# Everything CI checks: lint, types, and the whole test suite (with the quality floors).
test: lint typecheck unit

clean:
	rm -rf $(VENV) parallax-report .pytest_cache .mypy_cache .ruff_cache
