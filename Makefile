# Two commands do everything on a fresh machine:
#   make demo   install, then load the bundled sample reports into data/gwr.duckdb
#   make test   install, then lint and run the whole test suite
VENV    ?= .venv
PYTHON  ?= python3
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed

.PHONY: install demo test test-fast lint format bench clean screenshots

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: install
	$(BIN)/gwr run data/samples
	$(BIN)/gwr query "select region, year, indicator, measure, target_value, target_qualifier, actual_value, met from v_target_vs_actual order by region, indicator, measure"

# ruff, then the package layers (.importlinter): an upward import fails the build like a lint error.
lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-logo --no-cache

# Two workers, a test file each: the slow tests wait on Prefect servers and subprocesses.
test: lint
	$(BIN)/pytest -q -n 2 --dist loadfile

# Everything that starts no Prefect server and no subprocess: seconds, for the edit-test loop.
test-fast: lint
	$(BIN)/pytest -q -m "not slow"

# The browser tests again, saving their screenshots into docs/ (the README's pictures) instead of a scratch folder.
screenshots: install
	GWR_SCREENSHOTS=1 $(BIN)/pytest -q tests/cli/test_cli.py tests/cli/test_prefect_ui.py tests/review/test_browser.py

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install
	$(BIN)/python bench/benchmark.py

clean:
	rm -rf $(VENV) data/gwr.duckdb data/gwr.duckdb.wal data/*.lock .pytest_cache .ruff_cache .import_linter_cache
