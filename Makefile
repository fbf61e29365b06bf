# The edition's commands. Only python3 and make are needed; the first run creates .venv and installs
# the project from the lock file of this Python (requirements/py3.X.txt), so every machine resolves
# the same versions.  System programs (TeX, xindy, Chromium) are listed in .ci/packages.toml.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYVER := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])')
LOCK := requirements/py$(PYVER).txt
LOCK_PYTHONS ?= python3.11 python3.12 python3.13
SPHINXOPTS ?= -W --keep-going -n
JOBS ?= auto
BUILDDIR ?= _build
DOCTREES = $(BUILDDIR)/doctrees
PREFLIGHT ?= $(PYTHON) .ci/preflight.py
EPUBCHECK ?= java -jar /usr/share/java/epubcheck.jar
# The checkers the tests run that come from npm (the Nu HTML Checker, DAISY Ace), at the versions of
# package-lock.json; without npm (a laptop) the tests that need them are skipped, under CI=true they fail.
NODE_STAMP := node_modules/.package-lock.json
NPM := $(shell command -v npm 2>/dev/null)

.PHONY: html pdf epub test check release-check lock dist clean

$(STAMP): pyproject.toml $(wildcard $(LOCK))
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(if $(wildcard $(LOCK)),,@echo "No lock file for Python $(PYVER): installing the newest versions pyproject.toml allows." >&2)
	$(BIN)/python -m pip install --quiet $(if $(wildcard $(LOCK)),--constraint $(LOCK)) -e '.[edition,test]'
	touch $(STAMP)

# Doctrees are kept beside the output, never inside it: _build/html is what gets published.  Quiet: a line
# of progress, then only problems, each on a line of its own (no configuration dump, no progress bar).
html: $(STAMP)
	@$(PREFLIGHT) html
	@echo "Building the HTML edition in $(BUILDDIR)/html ..."
	@$(BIN)/sphinx-build -b html $(SPHINXOPTS) -q -j $(JOBS) -d $(DOCTREES) docs $(BUILDDIR)/html \
	  || { echo "The build found problems (above). 'make check' lists them all as file:line: message." >&2; exit 1; }
	@echo "Done: open $(BUILDDIR)/html/index.html"

# latexmk -gg: a failed run (a missing xindy, say) is forgotten, so the next `make pdf` starts afresh.
pdf: $(STAMP)
	@$(PREFLIGHT) pdf
	LATEXMKOPTS=-gg $(BIN)/sphinx-build -M latexpdf docs $(BUILDDIR) $(SPHINXOPTS)
	rm -rf $(BUILDDIR)/pdf && mkdir -p $(BUILDDIR)/pdf
	cp $(BUILDDIR)/latex/*.pdf $(BUILDDIR)/pdf/

# EPUB 3, validated: a book epubcheck rejects is not published.
epub: $(STAMP)
	@$(PREFLIGHT) epub
	$(BIN)/sphinx-build -b epub $(SPHINXOPTS) -d $(DOCTREES) docs $(BUILDDIR)/epub
	$(EPUBCHECK) --quiet $(BUILDDIR)/epub/*.epub

check: $(STAMP)
	$(BIN)/python -m annotated_edition.cli.check docs

# Before a release (CI runs it on main and for tags): every problem `make check` finds, and no provisional
# note, i.e. none still awaiting its blind second reading (a pull request's preview shows them as provisional).
release-check: $(STAMP)
	$(BIN)/python -m annotated_edition.cli.check docs --release

# --ignore-scripts: nothing is downloaded beyond the locked packages (vnu-jar carries its jar; Ace uses
# the system's Chromium, not one of puppeteer's).
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

test: $(STAMP) $(if $(NPM),$(NODE_STAMP))
	$(BIN)/python -m pytest

# Refresh every lock file (one per supported Python found on PATH), from a clean resolution.
lock:
	@for py in $(LOCK_PYTHONS); do \
	  command -v $$py >/dev/null || { echo "skipping $$py: not on PATH" >&2; continue; }; \
	  ver=$$($$py -c 'import sys; print("%d.%d" % sys.version_info[:2])'); \
	  rm -rf $(BUILDDIR)/lock-$$ver && $$py -m venv $(BUILDDIR)/lock-$$ver && \
	  $(BUILDDIR)/lock-$$ver/bin/python -m pip install --quiet --upgrade pip && \
	  $(BUILDDIR)/lock-$$ver/bin/python -m pip install --quiet '.[edition,test]' && \
	  { echo "# make lock: the versions Python $$ver resolves for .[edition,test]; do not edit by hand"; \
	    $(BUILDDIR)/lock-$$ver/bin/python -m pip freeze --exclude sphinx-annotated-edition; } > requirements/py$$ver.txt && \
	  echo "wrote requirements/py$$ver.txt"; \
	done

# The extension's wheel and sdist, for the package index (the maintainer then runs
# `python -m twine upload $(BUILDDIR)/dist/*`); nothing is written into the source tree.
dist: $(STAMP)
	rm -rf $(BUILDDIR)/dist
	$(BIN)/python -m build --outdir $(BUILDDIR)/dist .

clean:
	rm -rf $(BUILDDIR)
