#!/usr/bin/env python3
"""Overhead of `repro run --trace` on a training-like workload.

Workload: a Python loop reading a large file in small chunks (as a data loader does), plus
opening many small files (a sharded dataset). Compares `repro run` with `repro run --trace`
in a throwaway git repository; prints the median of --repeat runs of each.

    python3 bench/trace_overhead.py --repro .build/debug/repro --size-mib 1024 --files 2000
"""
import argparse, os, statistics, subprocess, sys, tempfile, time

WORKLOAD = r'''
import os, sys
chunk, total = int(sys.argv[1]), 0
with open("data/big.bin", "rb", buffering=0) as f:
    while True:
        block = f.read(chunk)
        if not block:
            break
        total += len(block)
for name in sorted(os.listdir("data/shards")):
    with open("data/shards/" + name, "rb") as f:
        total += len(f.read())
print(total)
'''


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repro", default=".build/debug/repro")
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--chunk", type=int, default=4096, help="bytes per read() call")
    parser.add_argument("--files", type=int, default=2000, help="small files opened")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    repro = os.path.abspath(args.repro)
    with tempfile.TemporaryDirectory(prefix="trace-bench-") as top:
        run = lambda *cmd, **kw: subprocess.run(cmd, cwd=top, check=True, **kw)
        run("git", "init", "-q")
        run(repro, "init", stdout=subprocess.DEVNULL)
        os.makedirs(f"{top}/data/shards")
        with open(f"{top}/data/big.bin", "wb") as f:
            block = os.urandom(1 << 20)
            for _ in range(args.size_mib):
                f.write(block)
        for i in range(args.files):
            with open(f"{top}/data/shards/{i:06d}.bin", "wb") as f:
                f.write(os.urandom(1024))
        with open(f"{top}/work.py", "w") as f:
            f.write(WORKLOAD)
        run(repro, "track", "data/shards", "--name", "shards", "--kind", "dataset", stdout=subprocess.DEVNULL)
        times = {"plain": [], "trace": []}
        for i in range(args.repeat):
            for mode in ("plain", "trace"):
                extra = ["--trace", "--large-file-mib", "100000"] if mode == "trace" else []
                start = time.monotonic()
                run(repro, "run", f"bench-{mode}-{i}", *extra, "--", sys.executable, "work.py", str(args.chunk),
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                times[mode].append(time.monotonic() - start)
        plain, trace = statistics.median(times["plain"]), statistics.median(times["trace"])
        reads = args.size_mib * (1 << 20) // args.chunk
        print(f"workload: {args.size_mib} MiB read in {args.chunk}-byte reads ({reads} read calls), {args.files} files opened")
        print(f"repro run          median {plain:.2f} s  {sorted(round(t, 2) for t in times['plain'])}")
        print(f"repro run --trace  median {trace:.2f} s  {sorted(round(t, 2) for t in times['trace'])}")
        print(f"overhead: {trace - plain:+.2f} s ({(trace / plain - 1) * 100:+.1f} %)")


if __name__ == "__main__":
    main()
