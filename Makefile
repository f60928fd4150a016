# Every target with a "##" comment is listed by `make help`.
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-from-lock
# Material prints a notice about MkDocs 2 on every build; the pin to mkdocs<2 is deliberate.
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: MkDocs stamps this date (sitemap) instead of the clock; so does the zip.
LAST_COMMIT := $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(LAST_COMMIT),)
export SOURCE_DATE_EPOCH ?= $(LAST_COMMIT)
endif

# The Korean edition is published at SITE_URL/ko/ (ko/mkdocs.yml reads SITE_URL_KO).
ifdef SITE_URL
export SITE_URL_KO ?= $(patsubst %/,%,$(SITE_URL))/ko/
endif

$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Python 3.11 or newer is needed (found $$($(PYTHON) --version))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $@

.PHONY: install
install: $(STAMP) ## Create .venv with the exact versions pinned in requirements.lock

.PHONY: serve
# --dirty: after an edit only the pages it changed are rebuilt (the hook keeps search,
# listings and deleted pages right); plain `mkdocs serve` rebuilds everything.
serve: $(STAMP) ## Set up, build the pages and serve the site (both editions: /ko/ is Korean) on http://127.0.0.1:8000 with live reload
	$(BIN)/python scripts/build.py
	$(BIN)/mkdocs serve --dirty --livereload --dev-addr 127.0.0.1:8000

.PHONY: build
build: $(STAMP) ## Validate the data, build the site into site/, with its offline zip
	$(BIN)/python scripts/build.py
	$(BIN)/mkdocs build --strict
	$(BIN)/mkdocs build --strict -f ko/mkdocs.yml
	$(BIN)/python scripts/offline.py

.PHONY: build-zensical
# Zensical reads mkdocs.yml; scripts/zensical_build.py says what it needs otherwise.
build-zensical: $(STAMP) ## Build both editions with Zensical, the second builder, into site-zensical/ (Korean in site-zensical/ko/)
	$(BIN)/python scripts/zensical_build.py

.PHONY: check
check: $(STAMP) ## Validate the data only; write nothing (exit 1 on any problem)
	$(BIN)/python scripts/build.py --check

.PHONY: messages
messages: $(STAMP) ## Collect the interface strings of the templates and code into the translators' catalogues (.po)
	$(BIN)/python scripts/messages.py

.PHONY: test
test: $(STAMP) ## Run the whole test suite
	$(BIN)/python -m pytest

.PHONY: test-fast
test-fast: $(STAMP) ## The quick tests only (no MkDocs builds, servers or browser): for the edit-test loop
	$(BIN)/python -m pytest -m "not slow" -q

node_modules/.installed: package-lock.json
	npm ci
	touch $@

.PHONY: audit
audit: build node_modules/.installed ## Lighthouse on home, timeline, an event, the states, a state and an embedded view, both editions (reports in test-results/)
	$(BIN)/python scripts/audit.py

.PHONY: bench
bench: $(STAMP) ## Measure build speed, memory and page weight at 100/1,000/10,000 events
	PYTHONPATH=scripts $(BIN)/python -m bench.run

.PHONY: lock
lock: $(STAMP) ## Re-resolve requirements.lock from pyproject.toml (needs network)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --extra test --strip-extras \
		--no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

.PHONY: clean
clean: ## Remove the environment, the built site and the generated pages
	rm -rf $(VENV) site site-zensical
	$(PYTHON) -c 'import pathlib; [pathlib.Path("docs", p.strip()).unlink(missing_ok=True) for p in pathlib.Path("docs/.generated-pages").read_text().split()]' 2>/dev/null || true

.PHONY: help
help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'
