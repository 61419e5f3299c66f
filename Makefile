# Developer shortcuts; CI runs .ci/run.
PYTHON ?= python3
DOCS ?= 100000
JOBS ?= $(shell $(PYTHON) -c "import os; print(os.cpu_count() or 1)")

.PHONY: fuzz fuzz-atheris

# The long fuzz run: DOCS documents from the bundled glossary, every invariant checked.
fuzz:
	$(PYTHON) -m fuzz --docs $(DOCS) --jobs $(JOBS) --findings artifacts/fuzz-findings.jsonl

# Coverage-guided, where atheris installs (pip install '.[fuzz]').
fuzz-atheris:
	mkdir -p artifacts
	$(PYTHON) -m fuzz.atheris_target -atheris_runs=$(DOCS) -max_len=512 -len_control=0 -artifact_prefix=artifacts/
