# Two entry points (see README): `make demo` and `make test`. Both set everything up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test eval install clean-state clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Debian's chromium for the wires that need a browser (scrapy-playwright drives it;
# `playwright install` cannot download a browser here).
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else \
		echo "This needs Debian's chromium: sudo apt-get install chromium"; exit 1; \
	fi

## Crawl the bundled offline mirror with the production spiders; feeds go to output/.
demo: $(STAMP) $(CHROMIUM)
	$(BIN)/python -m newswire.demo

## Lint, then the whole offline test suite.
test: $(STAMP) $(CHROMIUM)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

## Body extraction scored against trafilatura on the shared dev set (F1, precision,
## recall, ms/page), then page metadata (title, date, authors, language) on the real
## wire pages against their stored expectations.
eval: $(STAMP)
	$(BIN)/python ../shared/tools/eval_extraction.py --data ../shared/datasets/article-extraction-dev \
		--extractor trafilatura --extractor newswire.extraction.body:extract_body_text
	$(BIN)/python -m newswire.extraction.evaluate_wire_pages --data ../shared/datasets/wire-pages

## Speed and memory figures (printed, not asserted).
bench: $(STAMP) $(CHROMIUM)
	$(BIN)/python -m newswire.bench crawl --articles 1000 10000 --repeat 5 3
	$(BIN)/python -m newswire.bench store --stories 1000000

## Forget what demo runs delivered (the next `make demo` delivers everything again).
clean-state:
	rm -rf .state

clean:
	rm -rf $(VENV) build *.egg-info
