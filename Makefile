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

# The long steps say what they are doing: a first install downloads about 150 MB (Qt).
$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "setup: $(PYTHON) is not installed (Debian: apt-get install python3 python3-venv)" >&2; exit 1; }
	@echo "setup: creating the virtual environment in $(VENV) with $(PYTHON)…"
	@$(PYTHON) -m venv $(VENV) || { echo "setup: $(PYTHON) cannot create a virtual environment; install its venv module (Debian: apt-get install python3-venv)" >&2; exit 1; }
	@echo "setup: updating pip…"
	@$(PY) -m pip install --quiet --upgrade pip
	@echo "setup: installing Concordia and its dependencies into $(VENV) (PySide6/Qt is large: a first install takes a few minutes)…"
	@$(PY) -m pip install --quiet -e ".[test]"
	@touch $(STAMP)
	@echo "setup: done; the command line is $(VENV)/bin/concordia (or run: . $(VENV)/bin/activate)"

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
