# Every target sets itself up: a fresh clone needs only Python >= 3.11, pip and make.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test wheel-check lint types schemas bench docs clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m bizenv_cli.output.report.font_cut  # report --pdf's TrueType cut, once
	touch $(STAMP)

# Quick start 1: the main job on the shipped example data, then targets computed from cases.
demo: $(STAMP)
	$(BIN)/bizenv validate --strict measures  # the reviewed warnings are acknowledged in the files
	$(BIN)/bizenv check examples/2021-Q2 --waivers examples/waivers.yaml --as-of 2021-06-30 \
		|| test $$? -eq 1  # exit 1: some targets fail, as the example quarter means them to
	$(BIN)/bizenv cases examples/cases --period 2021-Q2 --as-of 2021-06-30  # targets from case records

# Quick start 2: the whole test suite, lint and type checks.
test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy src
	$(BIN)/lint-imports  # the layers of docs/architecture.md ([tool.importlinter] in pyproject.toml)
	$(BIN)/python -m pytest -n auto  # one worker per core (pytest-xdist)
	scripts/wheel-check.sh $(BIN)/python  # installed from the wheel, outside the checkout

# The wheel installed in a clean environment, `bizenv init`, validate and check (README).
wheel-check: $(STAMP)
	scripts/wheel-check.sh $(BIN)/python

schemas: $(STAMP)
	$(BIN)/bizenv schema

# bench_cases.py's yardstick needs pandas: the 'bench' extra, installed here only (it brings
# numpy, which bench_startup.py shows check --format xlsx does not import).
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python -m bizenv_cli.output.report.font_cut
	$(BIN)/python benchmarks/bench_startup.py
	$(BIN)/python benchmarks/bench_cli.py
	$(BIN)/python benchmarks/bench_cases.py
	$(BIN)/python benchmarks/bench_xlsx_bombs.py
	$(BIN)/python benchmarks/bench_gc.py
	$(BIN)/python benchmarks/bench_returns.py
	$(BIN)/python benchmarks/bench_extract.py --misses

# The README's picture: `bizenv report` on the example quarter (header and chapter view).
docs: $(STAMP)
	$(BIN)/bizenv report examples/2021-Q2 --waivers examples/waivers.yaml --as-of 2021-06-30 \
		--lang zh --width 100 --by chapter --svg docs/report.svg > /dev/null

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
