# Two commands on a fresh machine:
#   make demo   set up, build the graph of corpus/, print and chart the timeline, write the
#               timeline page as one file (out/)
#   make test   set up, then run the whole test suite (ruff, mypy, pytest)
# Both create .venv and install the project (not editable: tests run against the installed
# package) with the dependency versions pinned in pyproject.toml, after the timeline page's
# third-party assets (web/package-lock.json: vis-timeline, checked against its integrity
# hash by `npm ci`) are copied into queries/web/vendor/. `make test` also needs a Chromium
# for the page's tests: Debian's, installed when missing and make runs as root.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

VENDOR := queries/web/vendor
VIS    := node_modules/vis-timeline

.PHONY: demo test install assets browser lint typecheck unit benchmarks clean

# A program the build needs, from Debian's package when it is missing and make runs as root;
# else a message naming the package. $(1): the program, $(2): the Debian package.
define need_program
	@command -v $(1) >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's $(2) (for $(1))"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null; \
	  else \
	    echo "make: $(1) is needed and missing: install it (Debian: apt-get install $(2))" >&2; \
	    exit 1; \
	  fi; }
endef

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

install: $(BIN)/python assets
	$(BIN)/python -m pip install --quiet --disable-pip-version-check ".[dev]"

# The page's assets: the versions of web/package-lock.json, checked against their integrity
# hashes by `npm ci`; only the two standalone files (and the licence) are shipped.
assets: $(VENDOR)/vis-timeline-graph2d.min.js

$(VENDOR)/vis-timeline-graph2d.min.js: web/package.json web/package-lock.json
	$(call need_program,npm,npm)
	npm ci --prefix web --silent
	mkdir -p $(VENDOR)
	cp web/$(VIS)/standalone/umd/vis-timeline-graph2d.min.js \
	   web/$(VIS)/styles/vis-timeline-graph2d.min.css $(VENDOR)/
	cp web/$(VIS)/LICENSE.md $(VENDOR)/vis-timeline-LICENSE.md
	cp web/$(VIS)/LICENSE.MIT.txt $(VENDOR)/vis-timeline-LICENSE.MIT.txt

browser:
	$(call need_program,chromium,chromium)

demo: install
	$(BIN)/ptkg build corpus/manifest.yaml --out $(OUT)
	$(BIN)/ptkg timeline --store $(OUT)/store --chart $(OUT)/timeline.png --output $(OUT)/timeline.txt
	@cat $(OUT)/timeline.txt
	$(BIN)/ptkg state --store $(OUT)/store --chart $(OUT)/states.png > $(OUT)/states.txt
	$(BIN)/ptkg export --format html --store $(OUT)/store --output $(OUT)/story.html
	@echo "wrote $(OUT)/timeline.txt $(OUT)/timeline.png $(OUT)/timeline.svg $(OUT)/states.txt $(OUT)/states.png $(OUT)/story.html $(OUT)/graph.trig"
	@echo "the timeline page and SPARQL endpoint: $(BIN)/ptkg serve --store $(OUT)/store"

lint: install
	$(BIN)/ruff check extract kg queries ptkg tests benchmarks

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest

test: install browser
	$(BIN)/ruff check extract kg queries ptkg tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest

clean:
	rm -rf $(VENV) $(OUT) build *.egg-info .pytest_cache .mypy_cache .ruff_cache \
	       web/node_modules $(VENDOR)
