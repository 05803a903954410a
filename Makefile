# Two commands do all set-up: `make run` launches Concordia, `make test` runs the tests.
VENV     ?= .venv
PYTHON   ?= python3
PY       := $(VENV)/bin/python
STAMP    := $(VENV)/.installed
export QT_QPA_PLATFORM_TEST := offscreen

.PHONY: run test setup system-deps lint bench screenshot clean

run: setup
	$(PY) -m app $(ARGS)

test: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

setup: system-deps $(STAMP)

system-deps:
	@bash packaging/check-system-deps.sh

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

lint: setup
	$(VENV)/bin/ruff check app tests benchmarks

bench: setup
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run_all.py

screenshot: setup
	PY=$(PY) bash packaging/screenshot.sh

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache

# Message catalogs: extract UI and export strings (keywords and `UNVERIFIED:` comment tags are in
# babel.cfg), merge them into the Spanish catalog without fuzzy guesses, drop obsolete entries and
# list what is left to translate. See translations/README.md.
.PHONY: i18n
i18n:  # needs only Babel from the venv: no reinstall just because pyproject.toml changed
	@test -x $(VENV)/bin/pybabel || $(MAKE) setup
	$(VENV)/bin/pybabel extract -F babel.cfg --project=Concordia --no-location --sort-output \
		-o translations/messages.pot .
	$(VENV)/bin/pybabel update -i translations/messages.pot -d translations -l es \
		--no-fuzzy-matching --ignore-obsolete
	$(PY) translations/todo.py
