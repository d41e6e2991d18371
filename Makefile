# Crosscheck: `make run` serves the API, `make test` runs the whole suite. Both install first.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
DATA_DIR ?= ./data
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.DEFAULT_GOAL := help
.PHONY: help install run test test-fast lint typecheck openapi bench accuracy judge clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

install: $(VENV)/.installed  ## create .venv and install the pinned, hashed dependencies

run: install  ## serve the API on $(HOST):$(PORT) with data in $(DATA_DIR)
	$(BIN)/crosscheck serve --host $(HOST) --port $(PORT) --data-dir $(DATA_DIR)

SHARED_DATA ?= $(or $(CROSSCHECK_SHARED_DATA),../shared/data)

test: install  ## lint, type-check, accuracy floors, then every test (fast, real-model, API fuzzing)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	@if [ -d "$(SHARED_DATA)" ]; then \
		$(BIN)/python bench/accuracy.py --ci --shared-data "$(SHARED_DATA)"; \
	else \
		echo "accuracy floors skipped: no shared data at $(SHARED_DATA)"; \
	fi
	$(BIN)/pytest

test-fast: install  ## the fast suite only (fake encoder, no real models)
	$(BIN)/pytest -m "not slow"

lint: install  ## ruff and mypy
	$(BIN)/ruff check .
	$(BIN)/mypy

openapi: install  ## regenerate openapi.yaml from the code
	$(BIN)/crosscheck openapi --output openapi.yaml

bench: install  ## time indexing the five seeds and one check
	$(BIN)/python bench/index_and_check.py

accuracy: install  ## score the comparison engine on gold and public sets
	$(BIN)/python bench/accuracy.py

judge: install  ## retrain the pair judge: comparison/data/pair_judge.json and PAIR_JUDGE.md
	$(BIN)/python -m training.train_judge --shared-data "$(SHARED_DATA)"

clean:  ## remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
