# The two commands of the README: `make demo` and `make test`. Both install what
# is missing first (scripts/install-deps.sh), so they work on a fresh Debian machine with Swift.

SWIFT ?= swift
RELEASE_BUILD := .build-release

.PHONY: deps build test demo release bench fuzz

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

# libFuzzer targets (fuzz/, a package of its own) under the address sanitizer, each
# run FUZZ_SECONDS from its committed seeds in fuzz/corpus/NAME/. New inputs go to
# $(FUZZ_BUILD)/corpus/NAME/ and crashes to $(FUZZ_BUILD)/crashes/; a crash fails.
FUZZ_SECONDS ?= 60
FUZZ_BUILD := $(CURDIR)/.build-fuzz
FUZZ_TARGETS := FuzzRecord FuzzExperimentReader FuzzArtifactReader FuzzLicense FuzzLFSPointer FuzzHFSnapshot FuzzPaper

fuzz: deps
	cd fuzz && $(SWIFT) build --scratch-path $(FUZZ_BUILD) -Xswiftc -sanitize=fuzzer,address
	@for target in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$target $(FUZZ_BUILD)/crashes; \
	  log=$(FUZZ_BUILD)/$$target.log; \
	  $(FUZZ_BUILD)/debug/$$target -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	    -artifact_prefix=$(FUZZ_BUILD)/crashes/$$target- \
	    $(FUZZ_BUILD)/corpus/$$target fuzz/corpus/$$target > $$log 2>&1; \
	  status=$$?; \
	  echo "fuzz: $$target: $$(grep -h '^stat::number_of_executed_units' $$log | tr -s ' ' | cut -d' ' -f2) executions in $(FUZZ_SECONDS)s, exit $$status"; \
	  if [ $$status -ne 0 ]; then tail -n 60 $$log; echo "fuzz: $$target crashed; the input is in $(FUZZ_BUILD)/crashes/"; exit 1; fi; \
	done
