# The two commands of the README: `make demo` and `make test`. Both install what
# is missing first (scripts/install-deps.sh), so they work on a fresh Debian machine with Swift.

SWIFT ?= swift
RELEASE_BUILD := .build-release

.PHONY: deps build test demo bench clean-demo

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

# Build once (tests included), then run without rebuilding.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

demo: build
	$(MAKE) -C examples/finetune-ablation REPRO=$(CURDIR)/.build/debug/repro

bench: deps
	$(SWIFT) build -c release --scratch-path $(RELEASE_BUILD) --product repro
	python3 bench/hash_bench.py --repro $(RELEASE_BUILD)/release/repro
