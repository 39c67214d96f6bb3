# Two commands for a newcomer: `make run` and `make test`. Everything else is optional.
#
# Python 3.11, 3.12 or 3.13 (one lock, resolved under 3.11, installs on all three). The Makefile
# takes the newest of python3.13, python3.12, python3.11 that actually runs (a version manager's
# shim for a version that is not selected answers "command not found" and does not count), else
# python3 if it is one of those versions. PYTHON=/path/to/python overrides; VENV=.venv-3.13 builds
# a second environment beside .venv (.ci/run builds one per Python).
SUPPORTED := 3.11 3.12 3.13
OLDEST := 3.11
CANDIDATES := python3.13 python3.12 python3.11 python3
# Prints "3.12" for a Python that runs and can make a venv; nothing (and exit != 0) otherwise.
PYVER_CMD := -c 'import sys, venv, ensurepip; print("%d.%d" % sys.version_info[:2])'

ifeq ($(origin PYTHON),undefined)
PYTHON := $(shell for c in $(CANDIDATES); do \
    v=$$($$c $(PYVER_CMD) 2>/dev/null) && case " $(SUPPORTED) " in (*" $$v "*) echo $$c; exit 0;; esac; \
  done)
NOPYTHON = no Python 3.11, 3.12 or 3.13 found (tried $(CANDIDATES)): this project runs on Python 3.11, 3.12 or 3.13; install one, or name it with PYTHON=/path/to/python3.13
else
NOPYTHON = PYTHON=$(PYTHON) is not a working Python 3.11, 3.12 or 3.13 (it is $(or $(PYVER),not runnable)); this project runs on Python 3.11, 3.12 or 3.13
endif
PYVER := $(if $(PYTHON),$(shell $(PYTHON) $(PYVER_CMD) 2>/dev/null))

VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(PYVER)
export DAGSTER_DISABLE_TELEMETRY := 1
export GX_ANALYTICS_ENABLED := false
export DAGSTER_HOME := $(CURDIR)/.dagster_home

.PHONY: setup run test test-fast ui lock bench bench-scale clean

setup: $(STAMP)

# The lock holds names, versions and hashes only; --require-hashes refuses anything else.
# A venv made by another Python version is rebuilt (--clear) rather than mixed.
$(STAMP): requirements.lock pyproject.toml
	$(if $(filter $(SUPPORTED),$(PYVER)),,$(error $(NOPYTHON)))
	@echo "Python $(PYVER): $(PYTHON) -> $(VENV)"
	@if [ -f $(VENV)/pyvenv.cfg ] && [ "$$($(PY) $(PYVER_CMD) 2>/dev/null)" != "$(PYVER)" ]; then \
	    echo "$(VENV) was made by another Python: rebuilding it with Python $(PYVER)"; \
	    $(PYTHON) -m venv --clear $(VENV); fi
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.installed*
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

# Regenerate the lock after changing pyproject.toml dependencies. pip-compile pins for the Python
# it runs under, so it runs under the oldest supported one: `make setup lock PYTHON=python3.11`.
# Then check that the lock still installs on 3.12 and 3.13 (CI installs it on 3.11 and 3.13).
lock:
	@v=$$($(PY) $(PYVER_CMD) 2>/dev/null); [ "$$v" = "$(OLDEST)" ] || { \
	    echo "make lock runs pip-compile under Python $(OLDEST), the oldest supported; $(VENV) has $${v:-no Python}: run make setup lock PYTHON=python$(OLDEST)" >&2; exit 1; }
	$(PY) -m piptools compile --extra dev --generate-hashes --no-emit-index-url \
	    --no-emit-find-links --allow-unsafe -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) .dagster_home warehouse/*.duckdb warehouse/*.tmp
