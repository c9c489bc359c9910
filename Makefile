# make serve  – Vorschau der Seite auf http://127.0.0.1:8000
# make test   – Lint, Typprüfung, Tests (inkl. aller Doku-Beispiele) und strikter Build
#
# Beim ersten Aufruf entsteht .venv mit den Versionen aus constraints.txt, und npm ci legt
# node_modules/ nach package-lock.json an. Beides wird neu installiert, sobald sich
# pyproject.toml, constraints.txt oder package*.json ändern.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
VENV_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
JUPYTER_CACHE := .cache/mkdocs-jupyter

export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help install serve build lint pytest test bench lock clean

help:
	@echo "make serve   Vorschau auf http://127.0.0.1:8000 (lädt bei Änderungen neu)"
	@echo "make test    ruff, mypy --strict, pytest (mit Doku-Beispielen), mkdocs build --strict"
	@echo "make build   statische Seite nach site/"
	@echo "make lint    nur ruff und mypy"
	@echo "make bench   Performance-Budget: Seitengewicht, Lighthouse, Build-Zeit (nicht Teil von test)"
	@echo "make lock    Python-Abhängigkeiten neu auflösen und in constraints.txt festschreiben"
	@echo "make clean   entfernt .venv, node_modules, site/ und Caches"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV_STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[docs,dev]'
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

install: $(VENV_STAMP) $(NODE_STAMP)

# Not strict: a broken link shows up as a warning in the terminal instead of stopping the
# preview. `make build` and `make test` build strictly. devtools/serve.py restarts the server
# when a file in src/ or hooks/ changes, so the tools answer with the changed code.
serve: install
	$(BIN)/python -m devtools.serve --no-strict -a 127.0.0.1:8000

# mkdocs-jupyter caches executed notebooks keyed on the notebook file alone; a change in src/
# would not re-run them, so every build starts without that cache.
build: install
	rm -rf $(JUPYTER_CACHE)
	$(BIN)/mkdocs build --strict

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy --strict

# The browser tests (tests/browser) visit the site that `build` just wrote.
pytest: build
	INMAIL_SITE_DIR=site $(BIN)/pytest

test: lint pytest

# A benchmark, not a test: prints a report with PASS/FAIL per target and exits 0. It builds the
# site into a temporary folder (cold and warm), never into site/.
# Quicker, without Lighthouse: make bench BENCH_ARGS=--no-lighthouse
# Compare with the site built without the palette toggle and Material features:
#   make bench BENCH_ARGS=--features-off
bench: install
	$(BIN)/python -m scripts.bench $(BENCH_ARGS)

# Resolve afresh (no constraints) and pin every installed package; the project itself is left out.
lock:
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[docs,dev]'
	{ echo "# Exact versions of every package in .venv; regenerate with: make lock"; \
	  $(BIN)/python -m pip freeze --all --exclude-editable; } > constraints.txt
	touch $(VENV_STAMP)

clean:
	rm -rf $(VENV) node_modules site .cache .pytest_cache .mypy_cache .ruff_cache .hypothesis .coverage
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
