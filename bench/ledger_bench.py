#!/usr/bin/env python3
"""Scale benchmark for the ledger (issues 3 and 12): generated ledgers of 10,000 and
100,000 experiments (2,000 and 20,000 artifacts); times every reader and the write path
at both sizes (medians, peak RSS from wait4), prints the growth from the small ledger to
the large one and each target of issue 12 as met or not met.

Exit status 0 even when a target fails; 1 when a command fails.
"""

import argparse, json, os, shutil, statistics, subprocess, sys, tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hash_bench import LAUNCHER, OUT, REPO, ToolError, Run, machine_info  # noqa: E402

SIZES = {"10k": (10_000, 2_000), "100k": (100_000, 20_000)}


def size(label: str) -> tuple:
    """`10k` -> (10,000 experiments, 2,000 artifacts): one artifact per five runs, as in the issue."""
    if label in SIZES:
        return SIZES[label]
    experiments = int(float(label.rstrip("k")) * 1000)
    return experiments, experiments // 5
SCOPED_LIMIT_S = 0.100   # tag/run recording and disclaimer/checklist of one experiment or section
WHOLE_LIMIT_S = 5.0      # whole-ledger disclaimer, checklist, export, graph
GROWTH_LIMIT = 12.0      # 10k -> 100k for the whole-ledger readers
REINDEX_LIMIT_S = 10.0
LOOKUP_LIMIT_S = 0.050   # show / affected (issue 3)
RSS_LIMIT_MIB = 128


def commands(repro: str, experiments: int, artifacts: int) -> dict:
    """key -> (argv, kind). Kinds: 'reindex', 'write', 'scoped', 'whole', 'lookup', 'other'.

    At 100k the run and fine-tune are run-5000 and finetune-5000, as in the issue; smaller
    ledgers take the ones at the same relative place."""
    run = f"run-{experiments // 20}"
    finetune = f"finetune-{max(artifacts // 4, 220)}"  # repro-bench names fine-tunes from 220 on
    return {
        # reindex first: it builds the index the others read (its cost is the cold start).
        "reindex": ([repro, "reindex"], "reindex"),
        "tag": ([repro, "tag", "bench-new-run", "--uses", "base-1"], "write"),
        "disclaimer-one-latex": ([repro, "disclaimer", "--format", "latex", "--experiment", run], "scoped"),
        "disclaimer-section": ([repro, "disclaimer", "--format", "text", "--section", "tab:3"], "scoped"),
        "checklist-one": ([repro, "checklist", "--venue", "neurips", "--experiment", run], "scoped"),
        "checklist-neurips": ([repro, "checklist", "--venue", "neurips"], "whole"),
        "checklist-acl": ([repro, "checklist", "--venue", "acl"], "whole"),
        "checklist-aaai": ([repro, "checklist", "--venue", "aaai"], "whole"),
        "disclaimer-text": ([repro, "disclaimer", "--format", "text"], "whole"),
        "export-cyclonedx": ([repro, "export", "--format", "cyclonedx"], "whole"),
        "export-prov": ([repro, "export", "--format", "prov"], "whole"),
        "export-bibtex": ([repro, "export", "--format", "bibtex"], "whole"),
        "graph-mermaid": ([repro, "graph", "--format", "mermaid"], "whole"),
        "graph-dot": ([repro, "graph", "--format", "dot"], "whole"),
        # A typical artifact (a fine-tune: one producer, a few evaluations), then base-1,
        # the worst case, read by one run in twenty.
        "show": ([repro, "show", finetune], "lookup"),
        "affected": ([repro, "affected", finetune], "lookup"),
        "show-base": ([repro, "show", "base-1"], "other"),
        "affected-base": ([repro, "affected", "base-1"], "other"),
        "list-json": ([repro, "list", "experiments", "--json"], "other"),
    }


def generate(generator: str, work: Path, experiments: int, artifacts: int) -> None:
    """Write the synthetic ledger once; reuse it while its size matches."""
    stamp = work / "generated.json"
    wanted = {"experiments": experiments, "artifacts": artifacts}
    if stamp.exists() and json.loads(stamp.read_text()) == wanted:
        return
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(work)], check=True)
    subprocess.run([generator, str(work), "--experiments", str(experiments), "--artifacts", str(artifacts)], check=True)
    stamp.write_text(json.dumps(wanted))


def run_timed(argv: list, cwd: Path) -> Run:
    """Like hash_bench.run_timed, but exit status 1 of `disclaimer` and `checklist` (a lint
    error in the generated ledger: its fine-tunes do not carry their base's name) is a result."""
    read_end, write_end = os.pipe()
    env = dict(os.environ, REPRO_USER="bench", REPRO_HOST="bench-host")
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, os.fdopen(read_end) as report:
        proc = subprocess.Popen([sys.executable, "-I", "-S", "-c", LAUNCHER, str(write_end), *map(str, argv)],
                                stdout=out, stderr=err, cwd=cwd, env=env, pass_fds=(write_end,))
        os.close(write_end)
        measured = report.read().split()
        allowed = (0, 1) if argv[1] in ("disclaimer", "checklist") else (0,)
        if proc.wait() not in allowed or len(measured) != 2:
            err.seek(0)
            raise ToolError(f"`{' '.join(map(str, argv))}` exited with {proc.returncode}: "
                            f"{err.read().decode(errors='replace').strip()[-500:]}")
        out.seek(0)
        return Run(float(measured[0]), int(measured[1]), out.read().decode(errors="replace"))


def experiment_files(work: Path) -> set:
    folder = work / "ledgers" / "main" / "experiments"
    return {entry.path for fan in os.scandir(folder) if fan.is_dir() for entry in os.scandir(fan.path)}


def time_sizes(repro: str, ledgers: dict, repeat: int, only=None) -> dict:
    """Times each command at every size, the sizes alternating run by run (10k, 100k, 10k, ...):
    this machine's speed drifts by a third over minutes, and timing one size after the other
    put that drift into the growth ratios. `ledgers` maps a label to (folder, experiments,
    artifacts); returns label -> key -> result."""
    chosen = {label: commands(repro, experiments, artifacts) for label, (_, experiments, artifacts) in ledgers.items()}
    if only:
        for label, (work, _, _) in ledgers.items():
            if "reindex" not in only:
                # Untimed: bring the index up to date (a new schema step, records added since)
                # so the timed commands measure reading, not indexing.
                run_timed([repro, "show", "base-1"], cwd=work)
            chosen[label] = {key: value for key, value in chosen[label].items() if key in only}
    results = {label: {} for label in ledgers}
    keys = list(next(iter(chosen.values())))
    for key in keys:
        runs = {label: [] for label in ledgers}
        failures = {}
        # reindex too: its first run may read the record files from disk, the others from
        # the page cache, as every other command here does.
        for _ in range(repeat):
            for label, (work, _, _) in ledgers.items():
                if label in failures:
                    continue
                argv, kind = chosen[label][key]
                before = experiment_files(work) if kind == "write" else None
                try:
                    runs[label].append(run_timed(argv, cwd=work))
                except ToolError as error:
                    failures[label] = str(error)
                if before is not None:
                    # Leave the ledger as generated: the recorded run goes again.
                    for path in experiment_files(work) - before:
                        os.remove(path)
        for label in ledgers:
            argv, kind = chosen[label][key]
            if label in failures:
                print(f"  {label:>5} {key}: FAILED: {failures[label]}")
                results[label][key] = {"failed": failures[label]}
                continue
            timed = runs[label]
            seconds = statistics.median(r.seconds for r in timed)
            rss = max(r.rss_kib for r in timed) / 1024
            results[label][key] = {"argv": argv[1:], "kind": kind, "median_s": seconds,
                                   "runs_s": [r.seconds for r in timed], "peak_rss_mib": rss,
                                   "stdout_bytes": len(timed[-1].stdout.encode())}
            print(f"  {label:>5} {' '.join(argv[1:]):<58} {seconds:9.3f} s  {rss:7.1f} MiB", flush=True)
    return results


def verdicts(by_size: dict) -> list:
    """Each target of the issue against the large ledger's figures (and growth from the small)."""
    small, large = by_size.get("10k", {}), by_size.get("100k", {})
    out = []

    def check(label, value, limit, unit):
        out.append({"target": label, "value": value, "limit": limit, "unit": unit,
                    "pass": value is not None and value <= limit})

    for key, result in large.items():
        if "failed" in result:
            out.append({"target": f"{key} runs", "pass": False})
            continue
        kind, seconds = result["kind"], result["median_s"]
        if kind in ("write", "scoped"):
            check(f"{key} <= {SCOPED_LIMIT_S * 1000:.0f} ms", seconds, SCOPED_LIMIT_S, "s")
        elif kind == "whole":
            check(f"{key} <= {WHOLE_LIMIT_S:.0f} s", seconds, WHOLE_LIMIT_S, "s")
            base = small.get(key, {}).get("median_s")
            check(f"{key} growth 10k->100k <= {GROWTH_LIMIT:.0f}x", seconds / base if base else None, GROWTH_LIMIT, "x")
        elif kind == "reindex":
            check(f"reindex <= {REINDEX_LIMIT_S:.0f} s", seconds, REINDEX_LIMIT_S, "s")
        elif kind == "lookup":
            check(f"{key} <= {LOOKUP_LIMIT_S * 1000:.0f} ms", seconds, LOOKUP_LIMIT_S, "s")
        check(f"{key} peak RSS <= {RSS_LIMIT_MIB} MiB", result["peak_rss_mib"], RSS_LIMIT_MIB, "MiB")
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repro", default=str(REPO / ".build-release/release/repro"))
    parser.add_argument("--generator", default=str(REPO / ".build-release/release/repro-bench"))
    parser.add_argument("--work", default=str(OUT), help="folder holding ledger-10k/ and ledger-100k/")
    parser.add_argument("--sizes", default="10k,100k",
                        help="comma-separated ledger sizes (`2k`, `10k`, `100k`, ...); the targets are judged at 100k")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json-out", default=str(OUT / "ledger-results.json"))
    parser.add_argument("--only", default="",
                        help="comma-separated command keys to time (e.g. `tag,show,list-json`); all when empty. "
                             "Without `reindex` the index the ledger folder already holds is used (refreshed)")
    args = parser.parse_args(argv)
    known = set(commands("repro", 10, 2))
    only = [key for key in args.only.split(",") if key]
    unknown = [key for key in only if key not in known]
    if unknown:
        parser.error(f"unknown command key(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")

    # Commands run in the ledger's folder: relative paths would not resolve there.
    args.repro = str(Path(args.repro).resolve())
    args.generator = str(Path(args.generator).resolve())
    info = machine_info(args.repro)
    print("repro ledger scale benchmark")
    for key, value in info.items():
        print(f"  {key:<13} {value}")
    ledgers = {}
    for label in args.sizes.split(","):
        experiments, artifacts = size(label)
        work = Path(args.work) / f"ledger-{label}"
        generate(args.generator, work, experiments, artifacts)
        print(f"  {'ledger ' + label:<13} {experiments} experiments, {artifacts} artifacts in {work}")
        ledgers[label] = (work, experiments, artifacts)
    print("\n== timings (sizes alternate run by run) ==", flush=True)
    by_size = time_sizes(args.repro, ledgers, args.repeat, only)
    failed = any("failed" in r for results in by_size.values() for r in results.values())

    labels = list(by_size)
    if len(labels) >= 2:
        first, last = labels[0], labels[-1]
        print(f"\n== growth {first} -> {last} ==")
        print(f"  {'command':<22} {first + ' s':>9} {last + ' s':>9} {'growth':>7} {'RSS ' + last:>10}")
        for key, large in by_size[last].items():
            small = by_size[first].get(key, {})
            if "median_s" in large and "median_s" in small:
                print(f"  {key:<22} {small['median_s']:9.3f} {large['median_s']:9.3f} "
                      f"{large['median_s'] / small['median_s']:6.1f}x {large['peak_rss_mib']:8.1f} MiB")

    print("\n== targets (100k ledger) ==")
    results = verdicts(by_size)
    for verdict in results:
        value = verdict.get("value")
        shown = "n/a" if value is None else f"{value:.3f} {verdict['unit']}"
        print(f"[{'met' if verdict['pass'] else 'NOT MET'}] {verdict['target']}: {shown}")
    met = sum(v["pass"] for v in results)
    print(f"{met} of {len(results)} targets met")

    Path(args.json_out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json_out).write_text(json.dumps({"machine": info, "results": by_size, "targets": results}, indent=2) + "\n")
    print(f"results written to {args.json_out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
