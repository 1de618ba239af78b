# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: serve run test install browser pdf-libs vnu lint format migrations-check deploy-check messages bench clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt ".[test]"
	touch $(STAMP)

install: $(STAMP)

# Debian's Chromium for the browser tests (Playwright cannot download its own browser here).
browser:
	@test -x /usr/bin/chromium || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q chromium; }

# WeasyPrint's system libraries (Pango) and the DejaVu fonts the PDF documents are set in.
PDF_LIBS := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core

pdf-libs:
	@dpkg-query -W -f='$${Status}\n' $(PDF_LIBS) 2>/dev/null | grep -c '^install ok installed' \
	  | grep -qx "$(words $(PDF_LIBS))" || { \
	  echo "Installing Pango and the DejaVu fonts for the PDF documents"; \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $(PDF_LIBS); }

# The Nu Html Checker for the HTML validity tests: npm package vnu-jar (pinned in
# package-lock.json), run by the system's Java; its postinstall script (which downloads a Java
# runtime) is skipped.
VNU_JAR := node_modules/vnu-jar/build/dist/vnu.jar

$(VNU_JAR): package.json package-lock.json
	@command -v java >/dev/null && command -v npm >/dev/null || { \
	  echo "Installing Java and npm for the HTML checker"; \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q \
	    default-jre-headless npm; }
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(VNU_JAR)

vnu: $(VNU_JAR)

# The portal's own links (canonical, feeds, e-mails) name the address it is served at, unless
# SITE_URL says otherwise: with PORT=8766 alone they named port 8000, where nothing answered.
LINK_HOST := $(if $(filter 0.0.0.0,$(HOST)),127.0.0.1,$(HOST))

run: install pdf-libs
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py seed_demo
	@echo "Serving the portal at http://$(HOST):$(PORT)/"
	DEBUG=1 SITE_URL=$${SITE_URL:-http://$(LINK_HOST):$(PORT)} $(PY) manage.py runserver $(HOST):$(PORT)

# Production-like: gunicorn with config/gunicorn.conf.py; needs SECRET_KEY, ALLOWED_HOSTS (and
# DATABASE_URL, REDIS_URL) in the environment, as README's "Production" says.
serve: install pdf-libs
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput -v0
	$(VENV)/bin/gunicorn config.wsgi -c config/gunicorn.conf.py

test: install browser pdf-libs vnu
	# CONN_MAX_AGE=0: the live server's request threads must not keep database sessions open,
	# or PostgreSQL refuses to drop the test database at the end.
	CONN_MAX_AGE=$${CONN_MAX_AGE:-0} DJANGO_ALLOW_ASYNC_UNSAFE=true $(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: install
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

migrations-check: install
	$(PY) manage.py makemigrations --check --dry-run

# Django's deployment checklist with the production settings (DEBUG off, a long random key,
# a host name): no warning may remain.
deploy-check: install
	env -u DEBUG SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" \
	  ALLOWED_HOSTS=medborgarloften.example CSRF_TRUSTED_ORIGINS=https://medborgarloften.example \
	  SITE_OPERATOR="Exempelkommunen" CONTACT_EMAIL=kontakt@medborgarloften.example \
	  ACCESSIBILITY_CONTACT_EMAIL=tillganglighet@medborgarloften.example \
	  $(PY) manage.py check --deploy --fail-level WARNING

# Update the Swedish catalogue after changing UI strings (needs GNU gettext).
messages: install
	SECRET_KEY=messages $(PY) manage.py makemessages --locale sv --ignore "$(VENV)/*" --ignore "tests/*"
	SECRET_KEY=messages $(PY) manage.py compilemessages --locale sv --ignore "$(VENV)/*"

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles node_modules

# Public pages timed against our own static file through gunicorn, as ratios (prints a table).
bench: install
	$(PY) scripts/benchmark.py

# National scale (PostgreSQL, 1M logs; Redis, wrk): pages vs the static file, exports, writes.
.PHONY: bench-national crawl-national bench-floor fault-test
bench-national: install
	$(PY) scripts/bench_national.py $(BENCH_ARGS)

# Every public page of the national dataset once (after bench-national built it): failures,
# dead links, the slowest pages (about 2 minutes; CRAWL_ARGS="--pdf" adds every PDF).
crawl-national: install
	$(PY) scripts/crawl_national.py $(CRAWL_ARGS)

# Each uncached page beside a stand-in that runs only its SQL (after bench-national built the
# dataset): the most the page can reach with its present queries (about 2 minutes).
bench-floor: install
	$(PY) scripts/bench_floor.py $(FLOOR_ARGS)

# Logs over HTTP while a gunicorn worker is killed and the local PostgreSQL restarts (loopback,
# about 1.5 minutes; restarts the cluster: not beside CI or the test suite).
fault-test: install
	$(PY) scripts/fault_test.py $(FAULT_ARGS)
