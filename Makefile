# The edition's commands. Only python3 and make are needed; the first run creates .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SPHINXOPTS ?= -W --keep-going -n
JOBS ?= auto

.PHONY: html pdf test clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

html: $(STAMP)
	$(BIN)/sphinx-build -b html $(SPHINXOPTS) -j $(JOBS) docs _build/html

pdf: $(STAMP)
	$(BIN)/sphinx-build -M latexpdf docs _build $(SPHINXOPTS)
	mkdir -p _build/pdf
	cp _build/latex/*.pdf _build/pdf/

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf _build
