# The two commands of the README: `make demo` and `make test`. Both install what
# is missing first (scripts/install-deps.sh), so they work on a fresh Debian machine with Swift.

SWIFT ?= swift
RELEASE_BUILD := .build-release

.PHONY: deps build test demo release bench

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

# The binary to install and to benchmark. The Swift runtime is linked in statically:
# no dynamic symbol binding at start, which is a third of a warm `repro hash`.
release: deps
	$(SWIFT) build -c release --scratch-path $(RELEASE_BUILD) --static-swift-stdlib --product repro
	$(SWIFT) build -c release --scratch-path $(RELEASE_BUILD) --static-swift-stdlib --product repro-bench

bench: release
	python3 bench/hash_bench.py --repro $(RELEASE_BUILD)/release/repro
