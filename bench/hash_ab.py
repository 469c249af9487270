#!/usr/bin/env python3
"""A/B timing of two `repro` binaries on bench/hash_bench.py's data, alternating run by run.

Usage: bench/hash_ab.py BEFORE AFTER [ROUNDS]. On a shared, loaded machine the absolute
figures drift; alternating the two binaries puts both under the same load. Each case
gets one untimed run per binary first (which also fills its own hash cache for the warm
case); the digests of both must agree. Medians of ROUNDS (default 5) timed runs.
"""
import os, statistics, subprocess, sys, tempfile, time
from pathlib import Path

data = Path(__file__).resolve().parent / "out" / "data"
if len(sys.argv) < 3:
    sys.exit(__doc__)
bins = {"before": os.path.abspath(sys.argv[1]), "after": os.path.abspath(sys.argv[2])}
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
caches = {k: tempfile.mkdtemp(prefix=f"hash-ab-{k}-") for k in bins}
cases = [("4 GiB no-cache", ["--no-cache", "big.bin"]),
         ("20k small no-cache", ["--no-cache", "small"]),
         ("20k small warm", ["small"]),
         ("8x512MiB no-cache", ["--no-cache", "large"])]


def run(which, args):
    env = dict(os.environ, REPRO_CACHE_DIR=caches[which])
    start = time.perf_counter()
    result = subprocess.run([bins[which], "hash"] + args, cwd=data, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{which} {args}: {result.stderr}")
    return seconds, result.stdout


for name, args in cases:
    digests = {which: run(which, args)[1] for which in bins}
    if digests["before"] != digests["after"]:
        sys.exit(f"{name}: the digests differ: {digests}")
    times = {which: [] for which in bins}
    for _ in range(rounds):
        for which in bins:
            times[which].append(run(which, args)[0])
    median = {which: statistics.median(values) for which, values in times.items()}
    print(f"{name:22} before {median['before']:.3f} s  after {median['after']:.3f} s  "
          f"(after/before {median['after'] / median['before']:.3f}; runs before "
          f"{['%.3f' % x for x in times['before']]}, after {['%.3f' % x for x in times['after']]})", flush=True)
