# Two commands for a newcomer: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export DAGSTER_DISABLE_TELEMETRY := 1
export GX_ANALYTICS_ENABLED := false
export DAGSTER_HOME := $(CURDIR)/.dagster_home

.PHONY: setup run test test-fast ui lock bench bench-scale clean

setup: $(STAMP)

# The lock holds names, versions and hashes only; --require-hashes refuses anything else.
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $(STAMP)

run: setup
	$(VENV)/bin/pipeline run

test: setup
	$(PY) -m pytest -q

test-fast: setup
	$(PY) -m pytest -q -m "not slow and not browser"

ui: setup
	$(VENV)/bin/pipeline ui

bench: setup
	$(PY) benchmarks/extractor_speed.py

bench-scale: setup
	$(PY) benchmarks/run_scale.py

# Regenerate the lock after changing pyproject.toml dependencies.
lock:
	$(PY) -m piptools compile --extra dev --generate-hashes --no-emit-index-url \
	    --no-emit-find-links --allow-unsafe -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) .dagster_home warehouse/*.duckdb warehouse/*.tmp
