# KEK-Portal. `make run` serves the site the way production does; `make test` runs every test.
PY_SYS ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000
KERN   := kek/core/static/vendor/kern
export KEK_VAR_DIR ?= $(CURDIR)/var

.PHONY: run demo worker dev test test-fast lint format bench bench-load bench-pdf bench-forms deploy-smoke export-static lighthouse messages setup clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PY_SYS) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# KERN's CSS is cut down to the `kern-` classes our sources name, so it is rebuilt when they change.
KERN_USERS := $(shell find kek content -path '*/static/vendor' -prune -o -type f \( -name '*.html' -o -name '*.xsl' \
                -o -name '*.js' -o -name '*.py' -o -name '*.css' -o -name '*.yaml' -o -name '*.txt' -o -name '*.md' \) -print)
$(KERN)/kern.min.css: node_modules/.package-lock.json scripts/build_assets.py $(VENV)/.installed $(KERN_USERS)
	$(PY) scripts/build_assets.py

MO := kek/locale/en/LC_MESSAGES/django.mo
$(MO): kek/locale/en/LC_MESSAGES/django.po $(VENV)/.installed
	$(PY) manage.py compilemessages -v0 --ignore=.venv --ignore=node_modules

setup: $(VENV)/.installed $(KERN)/kern.min.css $(MO)

var/secret_key:
	mkdir -p var
	$(PY_SYS) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	chmod 600 $@

# Production-like: DEBUG off, gunicorn (threaded, gunicorn.conf.py) beside the task worker (scripts/serve.py stops
# both together),
# static files through WhiteNoise, SQLite by default.
run: setup var/secret_key
	DJANGO_SETTINGS_MODULE=kek.settings.production SECRET_KEY=$$(cat var/secret_key) KEK_HTTP_ONLY=1 \
	  sh -c '$(PY) manage.py migrate --noinput -v0 && \
	         $(PY) manage.py setup_site && \
	         $(PY) manage.py collectstatic --noinput -v0 && \
	         echo "KEK-Portal läuft auf http://127.0.0.1:$(PORT)/ (Beenden mit Strg+C)" && \
	         exec $(PY) scripts/serve.py $(PORT)'

# A demonstration with an invented implementation history, on a database of its own (var/demo), every page
# stamped "Beispieldaten". `make run` never shows these data.
demo: setup var/secret_key
	mkdir -p var/demo
	DJANGO_SETTINGS_MODULE=kek.settings.production SECRET_KEY=$$(cat var/secret_key) KEK_HTTP_ONLY=1 \
	  KEK_DEMO=1 KEK_VAR_DIR=$(CURDIR)/var/demo \
	  env -u DATABASE_URL sh -c '$(PY) manage.py migrate --noinput -v0 && \
	         $(PY) manage.py setup_site && \
	         $(PY) manage.py load_demo && \
	         $(PY) manage.py collectstatic --noinput -v0 && \
	         echo "Vorführung mit Beispieldaten auf http://127.0.0.1:$(PORT)/ (Beenden mit Strg+C)" && \
	         exec $(PY) scripts/serve.py $(PORT)'

# The task worker alone (e-mail, search index), for a server started some other way.
worker: setup var/secret_key
	DJANGO_SETTINGS_MODULE=kek.settings.production SECRET_KEY=$$(cat var/secret_key) KEK_HTTP_ONLY=1 \
	  $(PY) manage.py db_worker

# Development server with autoreload and debug pages.
dev: setup
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py setup_site
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: setup
	@echo "Datenbank für die Tests: $${DATABASE_URL:-SQLite (Standard)}"
	@$(PY) scripts/deploy_smoke.py --status
	$(VENV)/bin/ruff check kek tests scripts conftest.py
	$(VENV)/bin/ruff format --check kek tests scripts conftest.py
	DJANGO_SETTINGS_MODULE=kek.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# The tests that need neither the whole KEK 2030 nor a browser (docs/architecture.md, "Tests").
test-fast: setup
	$(VENV)/bin/ruff check kek tests scripts conftest.py
	$(VENV)/bin/pytest -m "not kek2030 and not browser" $(PYTEST_ARGS)

# After changing UI texts: update the English catalogue, translate, then `make setup` compiles it.
messages: $(VENV)/.installed
	$(PY) manage.py makemessages -l en --ignore=.venv --ignore=node_modules --ignore=staticfiles --no-location

lint: setup
	$(VENV)/bin/ruff check kek tests scripts conftest.py

format: setup
	$(VENV)/bin/ruff format kek tests scripts
	$(VENV)/bin/ruff check --fix kek tests scripts

bench: setup
	$(PY) scripts/bench.py
	$(PY) scripts/bench_search.py

# wrk against the app uncached, the app behind nginx's cache and nginx serving the static export
# (docs/scaling.md). SOAK=1: ten minutes at moderate load, memory per worker checked.
bench-load: setup
	$(PY) scripts/bench_load.py $(if $(SOAK),--soak)

# The recipe of deploy/ started on this machine (PostgreSQL, gunicorn, worker, nginx), smoke tests
# through nginx; `make test` runs the same tests where nginx and PostgreSQL are available.
deploy-smoke: setup
	$(PY) scripts/deploy_smoke.py

# The public site as files (docs/operations.md): make export-static OUT=export LIVE=https://kek.example.de
export-static: setup var/secret_key
	DJANGO_SETTINGS_MODULE=kek.settings.production SECRET_KEY=$$(cat var/secret_key) KEK_HTTP_ONLY=1 \
	  sh -c '$(PY) manage.py collectstatic --noinput -v0 && \
	         $(PY) manage.py export_static $(or $(OUT),export) $(if $(LIVE),--live-url $(LIVE)) $(if $(RELATIVE),--relative)'

# Cold generation time of the concept PDF for the whole KEK 2030.
bench-pdf: setup
	$(PY) scripts/bench_pdf.py

# 50 people sending the proposal form for 30 s against a server of its own (scripts/bench_forms.py).
bench-forms: setup
	$(PY) scripts/bench_forms.py

clean:
	rm -rf $(VENV) node_modules $(KERN) staticfiles

lighthouse: setup
	$(PY) scripts/lighthouse.py http://127.0.0.1:$(PORT)
