# Signal Scout: the two commands of the README are `make sample` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
SCOUT  := $(BIN)/scout

.PHONY: docs install sample test unit integration check bench services-up services-down services-status lock clean

PIP := $(BIN)/python -m pip --disable-pip-version-check

$(VENV)/.installed: pyproject.toml requirements.lock deploy/python/bootstrap.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is required; set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	# 1. A pinned, hash-checked installer (pip, setuptools, wheel) replaces the stock pip first.
	$(PIP) install -q --require-hashes -r deploy/python/bootstrap.lock
	# 2. Exactly the locked set, each file checked by sha256 (the spaCy model included);
	#    --no-deps: nothing outside the lock is ever resolved, whatever upstream publishes.
	$(PIP) install -q --require-hashes --no-deps -r requirements.lock
	# 3. The lock must be complete: every installed package's requirements are met.
	$(PIP) check
	# 4. The project, built with the pinned setuptools (no isolated, unpinned build env).
	$(PIP) install -q --no-deps --no-build-isolation -e .
	@touch $@

install: $(VENV)/.installed

services-up: $(VENV)/.installed
	$(SCOUT) services up

services-down:
	@if [ -x $(SCOUT) ]; then $(SCOUT) services down; fi

services-status: $(VENV)/.installed
	$(SCOUT) services status

## Set up everything and run the scout on the built-in sample (services stay up).
sample: services-up
	$(SCOUT) sample
	@echo 'The scout command is in $(VENV)/bin: `source $(VENV)/bin/activate` puts it on your PATH.'

## All tests: unit, then integration against the real Kafka and Elasticsearch.
test: services-up
	$(BIN)/python -m pytest -ra $(PYTEST_ARGS)

unit: $(VENV)/.installed
	$(BIN)/python -m pytest -ra tests/unit $(PYTEST_ARGS)

check: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy streams models

bench: services-up
	$(BIN)/python -m bench.ingest_throughput

## Regenerate the README's settings table from the settings model.
docs: $(VENV)/.installed
	$(BIN)/python deploy/update_readme.py

## Re-lock dependencies (needs pip-tools); keeps only the pinned wheel hash of the model.
lock:
	$(BIN)/pip install -q pip-tools
	$(BIN)/pip-compile -q --generate-hashes --extra dev --strip-extras -o requirements.lock pyproject.toml
	$(BIN)/python deploy/pin_model_hash.py requirements.lock

clean: services-down
	rm -rf $(VENV) .scout-data
