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

## Crawl the bundled offline mirror with the production spiders; feeds go to output/.
demo: $(STAMP)
	$(BIN)/python -m newswire.demo

## The whole offline test suite.
test: $(STAMP)
	$(BIN)/python -m pytest

## Body extraction scored against trafilatura on the shared dev set (F1, precision,
## recall, ms/page), then page metadata (title, date, authors, language) on the real
## wire pages against their stored expectations.
eval: $(STAMP)
	$(BIN)/python ../shared/tools/eval_extraction.py --data ../shared/datasets/article-extraction-dev \
		--extractor trafilatura --extractor newswire.extraction.body:extract_body_text
	$(BIN)/python -m newswire.extraction.evaluate_wire_pages --data ../shared/datasets/wire-pages

## Speed and memory figures (printed, not asserted).
bench: $(STAMP)
	$(BIN)/python -m newswire.bench store --stories 1000000

## Forget what demo runs delivered (the next `make demo` delivers everything again).
clean-state:
	rm -rf .state

clean:
	rm -rf $(VENV) build *.egg-info
