# evalkit: `make demo` sets everything up and runs the whole flow on the synthetic demo data;
# `make test` runs the test suite. Both create .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.evalkit-installed

.PHONY: help install sysdeps demo test test-fast bench doctor demo-data clean-outputs lab

help:
	@echo "make demo       install (first time) and run the whole flow on data_raw/demo/ into reports/demo/"
	@echo "make test       install (first time) and run the tests"
	@echo "make bench      run the benchmarks in benchmarks/"
	@echo "make doctor     check the environment (packages, PDF engine, Jupyter kernel)"
	@echo "make demo-data  regenerate data_raw/demo/ from evalkit/demo (byte-identical unless the generator changed)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Only the benchmark's baseline (the shell loop's WeasyPrint CLI) needs Pango; evalkit prints PDFs with the
# typst wheel, which needs no system library. Installed through apt when missing and we are root.
sysdeps:
	@$(PYTHON) -c "import ctypes.util as u,sys; sys.exit(0 if all(u.find_library(n) for n in ('pango-1.0','pangoft2-1.0','harfbuzz-subset')) else 1)" \
	 || { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	        echo "Installing Pango and HarfBuzz for the benchmark's WeasyPrint baseline (apt-get)"; \
	        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	          libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libfontconfig1 fonts-dejavu-core >/dev/null; \
	      else echo "Pango not found: the benchmark's shell-loop baseline cannot print PDFs (evalkit's reports do not need it)."; \
	        echo "  Debian/Ubuntu: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libfontconfig1"; \
	        echo "  macOS: brew install pango    any system: conda install -c conda-forge weasyprint"; \
	        echo "  Windows and details: run 'evalkit doctor' after 'make install'."; fi; }

$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/evalkit demo

test: install
	$(BIN)/python -m pytest

test-fast: install
	$(BIN)/python -m pytest -m "not slow"

# Presidio (the redaction benchmark's baseline) is a benchmark-only extra, never a runtime dependency.
bench: install sysdeps
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[test,bench]'
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/redact.py
	$(BIN)/python benchmarks/batch.py

doctor: install
	$(BIN)/evalkit doctor

# JupyterLab on notebooks/, with the demo's artifacts ready (the demo runs first when they are missing).
# LAB_ARGS passes options on, e.g. make lab LAB_ARGS="--no-browser --port 8890".
lab: install
	@test -f reports/demo/C1/artifacts/facts.json || $(BIN)/evalkit demo
	$(BIN)/jupyter lab --notebook-dir=notebooks --LabApp.extension_manager=readonly \
	  $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root) $(LAB_ARGS)

demo-data: install
	$(BIN)/python -m evalkit.demo.generate data_raw/demo

clean-outputs:
	rm -rf data_processed/demo reports/demo
