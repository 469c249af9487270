#!/usr/bin/env python3
"""Scale benchmark for the ledger (issue 3): a generated ledger of 100,000 experiments
over 20,000 artifacts; times `show`, `affected`, `list --json`, `reindex` and `fsck`
(medians, peak RSS from wait4) and prints them against the issue's targets.

Exit status 0 even when a target fails; 1 when a command fails.
"""

import argparse, json, shutil, statistics, subprocess, sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hash_bench import OUT, REPO, ToolError, machine_info, run_timed  # noqa: E402

TARGETS = {  # command key -> (seconds, description)
    "show": (0.050, "show <artifact> <= 50 ms"),
    "affected": (0.050, "affected <artifact> <= 50 ms"),
    "reindex": (30.0, "reindex <= 30 s"),
    "fsck": (60.0, "fsck <= 60 s"),
}
RSS_LIMIT_MIB = 256


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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repro", default=str(REPO / ".build-release/release/repro"))
    parser.add_argument("--generator", default=str(REPO / ".build-release/release/repro-bench"))
    parser.add_argument("--work", default=str(OUT / "ledger-repo"))
    parser.add_argument("--experiments", type=int, default=100_000)
    parser.add_argument("--artifacts", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json-out", default=str(OUT / "ledger-results.json"))
    args = parser.parse_args(argv)

    work = Path(args.work)
    generate(args.generator, work, args.experiments, args.artifacts)
    records = sum(1 for _ in (work / "ledgers").rglob("*.json"))
    info = machine_info(args.repro)
    print("repro ledger scale benchmark")
    for key, value in info.items():
        print(f"  {key:<13} {value}")
    print(f"  ledger        {args.experiments} experiments, {args.artifacts} artifacts, {records} record files in {work}\n")

    repro = args.repro
    commands = {
        # reindex first: it builds the index the others read (its cost is the cold start).
        "reindex": [repro, "reindex"],
        # A typical artifact (a fine-tune: one producer, a few evaluations) is what the
        # targets are about; base-1 is the worst case, read by 5,000 of the 100,000 runs.
        "show": [repro, "show", "finetune-5000"],
        "affected": [repro, "affected", "finetune-5000"],
        "show-dataset": [repro, "show", "dataset-7"],
        "affected-dataset": [repro, "affected", "dataset-7"],
        "show-base": [repro, "show", "base-1"],
        "affected-base": [repro, "affected", "base-1"],
        "list-json": [repro, "list", "experiments", "--json"],
        "fsck": [repro, "fsck"],
    }
    results, failed = {}, False
    for key, argv in commands.items():
        repeat = 1 if key in ("reindex", "fsck") and args.repeat > 1 else args.repeat
        runs = []
        try:
            for _ in range(max(repeat, 1)):
                runs.append(run_timed(argv, cwd=work))
        except ToolError as error:
            print(f"  {key}: FAILED: {error}")
            failed = True
            continue
        seconds = statistics.median(r.seconds for r in runs)
        rss = max(r.rss_kib for r in runs) / 1024
        lines = runs[-1].stdout.count("\n")
        results[key] = {"argv": argv[1:], "median_s": seconds, "runs_s": [r.seconds for r in runs],
                        "peak_rss_mib": rss, "stdout_lines": lines}
        print(f"  {' '.join(argv[1:]):<32} {seconds:9.3f} s  {rss:7.1f} MiB  ({len(runs)} run{'s' * (len(runs) > 1)}, {lines} lines out)")

    print("\n== targets ==")
    verdicts = []
    for key, (limit, label) in TARGETS.items():
        if key in results:
            ok = results[key]["median_s"] <= limit
            verdicts.append({"target": label, "value_s": results[key]["median_s"], "pass": ok})
            print(f"[{'PASS' if ok else 'FAIL'}] {label}: {results[key]['median_s']:.3f} s")
    peak = max((r["peak_rss_mib"] for r in results.values()), default=0)
    verdicts.append({"target": f"peak RSS <= {RSS_LIMIT_MIB} MiB", "value_mib": peak, "pass": peak <= RSS_LIMIT_MIB})
    print(f"[{'PASS' if peak <= RSS_LIMIT_MIB else 'FAIL'}] peak RSS of every command <= {RSS_LIMIT_MIB} MiB: {peak:.1f} MiB")
    if "list-json" in results:
        print(f"(list --json streamed {results['list-json']['stdout_lines']} lines at {results['list-json']['peak_rss_mib']:.1f} MiB peak)")

    Path(args.json_out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json_out).write_text(json.dumps({"machine": info, "records": records, "results": results,
                                               "targets": verdicts}, indent=2) + "\n")
    print(f"results written to {args.json_out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
