# make serve  – Vorschau der Seite auf http://127.0.0.1:8000
# make test   – Lint, Typprüfung, Tests (inkl. aller Doku-Beispiele) und strikter Build
#
# Beim ersten Aufruf entsteht .venv mit den Versionen aus constraints.txt, und npm ci legt
# node_modules/ nach package-lock.json an. Beides wird neu installiert, sobald sich
# pyproject.toml, constraints.txt oder package*.json ändern.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# The site's toolchain (mkdocs-jupyter 0.27) needs Python 3.12 or newer: the first of these that
# runs is taken, also from pyenv when its shims do not expose the version. Set PYTHON to choose.
# The library itself supports 3.11 (tests/browser/test_downloads.py installs the wheel there).
PYTHON ?= $(shell for candidate in python3.13 python3.12 python3 \
	$(wildcard $(HOME)/.pyenv/versions/3.1[2-9]*/bin/python3); do \
	$$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	&& { echo $$candidate; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
VENV_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

# As devtools/site_build.BUILD_ENV: no MkDocs 2 notice; nbconvert (imported by mkdocs-jupyter)
# does not look for exporters in every installed package, half a second of each build and start.
export NO_MKDOCS_2_WARNING := 1
export NBCONVERT_DISABLE_CONFIG_EXPORTERS := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# Python may cache compiled modules in __pycache__/ (ignored by git): every pytest worker, the
# build and the server would otherwise compile the library, the hooks and ~150 test modules
# again (and rewrite the tests' asserts) on each start, about 4 s per process where the
# environment sets PYTHONDONTWRITEBYTECODE.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: help install _install serve build lint pytest test bench lock notebook-css clean

help:
	@echo "make serve   Vorschau auf http://127.0.0.1:8000 (lädt bei Änderungen neu)"
	@echo "make test    ruff, mypy --strict, pytest (mit Doku-Beispielen), mkdocs build --strict"
	@echo "make build   statische Seite nach site/"
	@echo "make lint    nur ruff und mypy"
	@echo "make bench   Performance-Budget: Seitengewicht, Lighthouse, Build-Zeit (nicht Teil von test)"
	@echo "make lock    Python-Abhängigkeiten neu auflösen und in constraints.txt festschreiben"
	@echo "make notebook-css  docs/assets/stylesheets/notebook.css neu aus den gebauten Notebook-Seiten"
	@echo "make clean   entfernt .venv, node_modules, site/ und Caches"

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Python 3.12 oder neuer fehlt (oder PYTHON=… setzen)."; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV_STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[docs,dev]'
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# The Python packages and node_modules are installed side by side (both wait mostly on the
# network and the disk): on a fresh clone, npm ci no longer waits for pip.
install:
	@$(MAKE) --no-print-directory -j2 --output-sync=target _install

_install: $(VENV_STAMP) $(NODE_STAMP)
	@:

# Not strict: a broken link shows up as a warning in the terminal instead of stopping the
# preview. `make build` and `make test` build strictly. devtools/serve.py restarts the server
# when a file in src/ or hooks/ changes, so the tools answer with the changed code.
serve: install
	$(BIN)/python -m devtools.serve --no-strict -a 127.0.0.1:8000

build: install
	$(BIN)/mkdocs build --strict

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy --strict

# The browser tests (tests/browser) visit the site that `build` just wrote. pytest-xdist spreads
# the tests over every core (PYTEST_WORKERS=0 runs them in this one process), with work
# stealing (pyproject.toml).
PYTEST_WORKERS ?= auto
PYTEST := INMAIL_SITE_DIR=site $(BIN)/pytest -n $(PYTEST_WORKERS)

pytest: build
	$(PYTEST)

# Lint and the strict build side by side (one core each), then every test over both cores.
test: install
	$(MAKE) --no-print-directory -j2 --output-sync=target lint build
	$(PYTEST)

# A benchmark, not a test: prints a report with PASS/FAIL per target and exits 0. It builds the
# site into a temporary folder (cold and warm), never into site/.
# Quicker, without Lighthouse: make bench BENCH_ARGS=--no-lighthouse
# Compare with the site built without the palette toggle and Material features:
#   make bench BENCH_ARGS=--features-off
bench: install
	$(BIN)/python -m scripts.bench $(BENCH_ARGS)

# Resolve afresh (no constraints) and pin what the project installs; the project itself and the
# venv's own bootstrap tools (pip, setuptools, wheel) are left out.
lock:
	rm -rf $(VENV)
	$(MAKE) $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[docs,dev]'
	{ echo "# Exact versions of every package the project installs; regenerate with: make lock"; \
	  $(BIN)/python -m pip freeze --exclude-editable | grep -viE '^(pip|setuptools|wheel)=='; \
	} > constraints.txt
	touch $(VENV_STAMP)

# The notebook pages' style sheet is generated and committed: after a change of the notebooks,
# templates/notebook.html.j2 or mkdocs-jupyter, tests/browser/test_notebook_pages.py asks for this.
notebook-css: build
	$(BIN)/python scripts/notebook_css.py site

clean:
	rm -rf $(VENV) node_modules site .cache .pytest_cache .mypy_cache .ruff_cache .hypothesis .coverage
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
