PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: install demo test test-postgres lint format check messages clean bench e2e audit translations-complete

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

demo: install ## Migrate, load the demo content and serve on 127.0.0.1:8000
	DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=1 $(PY) manage.py load_demo
	DJANGO_DEBUG=1 DJANGO_DEBUG_SITE_ERROR_PAGES=1 $(PY) manage.py runserver $(HOST)

test: install ## The whole suite on SQLite
	$(PY) -m pytest --create-db -q -n 2

test-postgres: install ## The whole suite on PostgreSQL (DATABASE_URL, default: local server)
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/hamleh} $(PY) -m pytest --create-db -q -n 2

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: install ## Django's checks, migrations and translations up to date
	DJANGO_DEBUG=1 $(PY) manage.py check
	DJANGO_DEBUG=1 $(PY) manage.py makemigrations --check --dry-run
	DJANGO_DEBUG=1 $(PY) manage.py compilemessages --ignore=.venv >/dev/null
	git diff --exit-code -- locale/ || (echo "compiled messages are out of date: run compilemessages and commit"; exit 1)
	$(MAKE) --no-print-directory translations-complete

translations-complete: ## Fails when any string is untranslated or fuzzy in Arabic or Hebrew
	@status=0; for lang in ar he; do \
	  po=locale/$$lang/LC_MESSAGES/django.po; \
	  if msgfmt --statistics -o /dev/null $$po 2>&1 | grep -Eq 'untranslated|fuzzy'; then \
	    echo "$$po: strings without a translation (fill them, then make messages):"; \
	    msgattrib --untranslated $$po | grep -E '^msg(ctxt|id) '; msgattrib --only-fuzzy --clear-obsolete $$po | grep -E '^msg(ctxt|id) ' | sed 1d; \
	    status=1; \
	  fi; \
	done; exit $$status

messages: install ## Refresh the .po files from the code and compile them
	DJANGO_DEBUG=1 $(PY) manage.py makemessages -l ar -l en -l he --ignore=.venv --no-obsolete --no-location
	DJANGO_DEBUG=1 $(PY) manage.py compilemessages --ignore=.venv

e2e: install ## Browser journeys with Debian's Chromium (tests marked e2e); screenshots in artifacts/screenshots/
	$(PY) -m pytest --create-db -q -m e2e tests/e2e

audit: install ## Lighthouse and axe-core on the demo site; fails below the targets
	$(PY) scripts/audit.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache

bench: install ## Page benchmark on PostgreSQL (hamleh_bench), 1,000 and 100,000 items; writes docs/performance.md
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(PY) bench/run.py $(BENCH_ARGS)
