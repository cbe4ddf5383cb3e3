# The two commands of README.md:
#   make serve   set up, build (strict) and serve the site on http://127.0.0.1:8000
#   make test    set up everything (Python, Node packages, Debian's Chromium, Java) and run all tests
# Everything is installed into the project (.venv/, node_modules/) except the two Debian packages.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve serve-fast build test lint browser-setup published-urls benchmark clean

setup: $(STAMP)

# A changed requirements.txt gives a new .venv, so that it holds exactly what is pinned there.
$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv --clear $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $@

build: setup
	$(BIN)/mkdocs build --strict

# Both languages, strict as the build. A saved page shows at once (only that page, and the
# listings when its front matter changed, are rendered again); the whole site is then built
# again in a second process, on both cores, while the site served meanwhile stays whole
# (hooks/samen/preview.py; `mkdocs serve` would build in one process and hold requests back).
# Its first build is strict as `make build` (mkdocs.yml: strict), into a folder of its own.
serve: setup
	$(BIN)/python -m samen.preview -a 127.0.0.1:8000

# While editing Dutch pages: the Dutch site only. Starts in half the time and catches up
# sooner after a save; a saved page shows as quickly as under `make serve`. English pages
# need `make serve`: the site's own links assume Dutch at / and English at /en/.
serve-fast: setup
	SAMEN_ONLY_LANGUAGE=nl $(BIN)/python -m samen.preview -a 127.0.0.1:8000

browser-setup:
	bash scripts/install-system-deps.sh

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: setup browser-setup lint
	node --test tests/browser/
	$(BIN)/python -m pytest

# After adding a page: record its URLs (both languages) as published.
published-urls: build
	$(BIN)/python tests/published_urls.py site

# Performance: build time, memory, output, search at N products against stock MkDocs, and the
# instructions our hooks add, counted under valgrind (Debian's package, installed here if
# missing). Not a test; about 20 minutes on a quiet machine. Results: a table here and JSON in
# benchmarks/results/.
benchmark: setup browser-setup
	command -v valgrind >/dev/null 2>&1 || { apt-get update && apt-get install -y --no-install-recommends valgrind; }
	$(BIN)/python benchmarks/run.py $(BENCHMARK_ARGS)

clean:
	rm -rf site build-reports .pytest_cache
