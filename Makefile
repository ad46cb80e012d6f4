# Two commands on a fresh machine:
#   make demo   set up, build the graph of corpus/, print and chart the timeline (out/)
#   make test   set up, then run the whole test suite (ruff, mypy, pytest)
# Both create .venv and install the project (not editable: tests run against the installed
# package) with the dependency versions pinned in pyproject.toml.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: demo test install lint typecheck unit benchmarks clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check ".[dev]"

demo: install
	$(BIN)/ptkg build corpus/manifest.yaml --out $(OUT)
	$(BIN)/ptkg timeline --store $(OUT)/store --chart $(OUT)/timeline.png --output $(OUT)/timeline.txt
	@cat $(OUT)/timeline.txt
	$(BIN)/ptkg state --store $(OUT)/store --chart $(OUT)/states.png > $(OUT)/states.txt
	@echo "wrote $(OUT)/timeline.txt $(OUT)/timeline.png $(OUT)/timeline.svg $(OUT)/states.txt $(OUT)/states.png $(OUT)/graph.trig"

lint: install
	$(BIN)/ruff check extract kg queries ptkg tests benchmarks

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest

test: install
	$(BIN)/ruff check extract kg queries ptkg tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest

clean:
	rm -rf $(VENV) $(OUT) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
