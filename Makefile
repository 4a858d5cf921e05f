# The PLN Handbook. Two commands matter:  make book  and  make test
# Both create .venv if it is missing and install what they need into it.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
BOOK_STAMP := $(VENV)/.book-installed
DEV_STAMP  := $(VENV)/.dev-installed
PORT   ?= 8000

.DEFAULT_GOAL := help
.PHONY: help book serve test lint format unit notebooks notebooks-refresh browser clean clean-all bench

help:
	@echo "make book    build the handbook into _build/html (warnings are errors)"
	@echo "make serve   serve the built book on http://127.0.0.1:$(PORT)"
	@echo "make test    lint, unit tests, notebook tests, book build and browser tests"
	@echo "make notebooks-refresh  re-run the tool notebooks and save their outputs"
	@echo "             (after changing a checklist or plnlib; the notebook tests compare them)"
	@echo "make bench   run the performance benchmarks"
	@echo "make pdf     print the whole handbook to _build/html/pln-handbook.pdf"
	@echo "make clean   remove the built book (keeps the execution cache and .venv)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(BOOK_STAMP): requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

$(DEV_STAMP): requirements-dev.txt $(BOOK_STAMP)
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

# The notebook execution cache keys on a notebook's own code only: scripts/notebook_cache.py
# empties it when plnlib's code or content changed, so the tool pages show current results
# (the Sphinx extension makes those pages depend on the same files).
book: $(BOOK_STAMP)
	@$(BIN)/python scripts/notebook_cache.py
	$(BIN)/jupyter-book build . --warningiserror --keep-going
	@echo "Open _build/html/index.html in a browser, or run: make serve"

serve:
	@test -f _build/html/index.html || { echo "No built book yet: run 'make book' first."; exit 1; }
	@echo "Serving the book on http://127.0.0.1:$(PORT) (Ctrl+C to stop)"
	$(PYTHON) -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/codespell
	$(BIN)/python scripts/check_notebooks.py book/tools/*.ipynb

format: $(DEV_STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

unit: $(DEV_STAMP)
	$(BIN)/pytest -q tests/unit plnlib

NBVAL := --nbval --nbval-sanitize-with tests/notebooks/sanitize.cfg book/tools

notebooks: $(DEV_STAMP)
	$(BIN)/pytest -q $(NBVAL) tests/notebooks

# Re-run every tool notebook and store its outputs: what nbval compares against.
# Run it after changing a checklist, a sample or plnlib's output, and commit the notebooks.
notebooks-refresh: $(DEV_STAMP)
	$(BIN)/python scripts/execute_notebooks.py book/tools/*.ipynb

# The Chromium or Chrome the browser tests drive: found, or installed if there is none
# (Playwright's own, else Debian's as root). Prints one line saying what to run if neither works.
browser: $(DEV_STAMP)
	@$(BIN)/python scripts/find_browser.py --install

# The whole suite: lint, a browser for the site tests, the -W book build, then every
# pytest test (unit + doctests, notebooks through nbval, the built site in Chromium).
test: lint browser book $(DEV_STAMP)
	$(BIN)/pytest tests plnlib $(NBVAL)

bench: $(DEV_STAMP)
	$(BIN)/python -m benchmarks

# The whole handbook as one PDF, printed offline from the single-page build with Chromium,
# published with the site as _build/html/pln-handbook.pdf (about 2 minutes).
.PHONY: pdf
pdf: book $(DEV_STAMP)
	$(BIN)/python scripts/build_pdf.py

# The PDF test reads the PDF with poppler's pdftotext and pdfinfo: found, or installed
# through apt-get as root on Debian/Ubuntu; otherwise one line says what to run.
.PHONY: pdf-tools
pdf-tools:
	@command -v pdftotext >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && { echo "== installing poppler-utils for the PDF test"; \
	       DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null 2>&1 \
	       || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null; }; }; } || true
	@command -v pdftotext >/dev/null || { echo "pdftotext is missing: install poppler-utils (Debian/Ubuntu: sudo apt-get install poppler-utils), then run make test again"; exit 1; }

# make test checks the PDF too (tests/site/test_pdf.py) and links to it from every page
test: pdf pdf-tools

clean:
	rm -rf _build/html _build/.doctrees

clean-all:
	rm -rf _build $(VENV)
