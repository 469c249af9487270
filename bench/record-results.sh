#!/usr/bin/env bash
# Records a benchmark run in this repository's own `benchmarks` ledger, with repro itself:
# the scripts and binary that ran (code), the generated inputs (datasets), and the
# results JSON (which carries the machine, tool versions and every figure).
# Usage: bench/record-results.sh REPRO_BINARY   (after hash_bench.py and ledger_bench.py)
set -euo pipefail
cd "$(dirname "$0")/.."
repro=${1:-.build-release/release/repro}
day=$(date -u +%Y-%m-%d)
mkdir -p bench/results
cp bench/out/hash-results.json "bench/results/hash-$day.json"
cp bench/out/ledger-results.json "bench/results/ledger-$day.json"

$repro init --ledger benchmarks >/dev/null
track() { $repro track "$1" --ledger benchmarks --name "$2" --kind "$3" ${4:+--license "$4"} >/dev/null; }
track bench/hash_bench.py hash-bench-script code
track bench/ledger_bench.py ledger-bench-script code
track "$repro" "repro-release-$day" code
# The generated inputs are deterministic: the same digest on every machine is itself a check.
track bench/out/data/small hash-bench-20k-small-files dataset
track bench/out/data/large hash-bench-8x512MiB dataset
track bench/out/data/big.bin hash-bench-4GiB-file dataset

$repro tag "hash-bench-$day" --ledger benchmarks --section perf:hashing \
  --uses hash-bench-script "repro-release-$day" hash-bench-20k-small-files hash-bench-8x512MiB hash-bench-4GiB-file \
  --produces "hash-results-$day=bench/results/hash-$day.json" \
  --note "python3 bench/hash_bench.py; figures in the results file"
$repro tag "ledger-bench-$day" --ledger benchmarks --section perf:ledger \
  --uses ledger-bench-script "repro-release-$day" \
  --produces "ledger-results-$day=bench/results/ledger-$day.json" \
  --note "python3 bench/ledger_bench.py (100,000 experiments over 20,000 artifacts)"
$repro fsck
