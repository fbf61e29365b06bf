# The edition's commands. Only python3 and make are needed; the first run creates .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SPHINXOPTS ?= -W --keep-going -n
JOBS ?= auto
BUILDDIR ?= _build

.PHONY: html pdf test check clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

html: $(STAMP)
	$(BIN)/sphinx-build -b html $(SPHINXOPTS) -j $(JOBS) docs $(BUILDDIR)/html

pdf: $(STAMP)
	$(BIN)/sphinx-build -M latexpdf docs $(BUILDDIR) $(SPHINXOPTS)
	rm -rf $(BUILDDIR)/pdf && mkdir -p $(BUILDDIR)/pdf
	cp $(BUILDDIR)/latex/*.pdf $(BUILDDIR)/pdf/

check: $(STAMP)
	$(BIN)/python -m annotated_edition.check docs

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf $(BUILDDIR)
