# Two entry points for a newcomer on a fresh Debian machine (as root):
#   make demo   set up, then render, extract and index the built-in samples
#   make test   set up (with test packages), then run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie poppler-utils libreoffice-writer-nogui fonts-liberation2 qpdf \
                python3-uno chromium chromium-driver \
                fonts-dkg-handwriting fonts-breip fonts-bwht fonts-humor-sans fonts-kristi \
                fonts-rufscript fonts-dancingscript

.PHONY: demo test system venv bench clean

demo: system venv
	$(BIN)/docgen demo --out demo-out

test: system venv
	$(BIN)/python -m pytest -q

bench: system venv
	$(BIN)/python benchmarks/extract.py
	$(BIN)/python benchmarks/render.py
	$(BIN)/python benchmarks/corpus.py
	$(BIN)/python benchmarks/web.py
	$(BIN)/python benchmarks/targets.py

# System packages: installed through apt only when one is missing.
system:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" != 0 ]; then SUDO=sudo; else SUDO=; fi; \
	  $$SUDO apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends $$missing; \
	fi

venv: $(VENV)/.installed

$(VENV)/.installed: setup.cfg pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[corpus,web,test]'
	touch $@

clean:
	rm -rf $(VENV) demo-out bench-out *.egg-info
