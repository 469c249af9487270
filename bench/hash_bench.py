#!/usr/bin/env python3
"""Hashing benchmark for `repro hash` (issue 2): repro vs openssl, sha256sum, dvc and git-annex.

Generates deterministic data, reads it once so every timed run is hot (page
cache; "nothing cached" drops it first, where root may), times N repetitions per
tool (wall time and peak RSS from wait4), verifies the digests, prints the
issue's targets and writes them as JSON.
Exit status 0 even when a target fails; 1 when a tool fails or a digest disagrees.
"""

import argparse, datetime, hashlib, json, os, platform, random, re, shlex, shutil
import statistics, subprocess, sys, tempfile, time
from dataclasses import dataclass, field
from pathlib import Path

KIB, MIB, GIB = 1 << 10, 1 << 20, 1 << 30
BLOCK = 64 * MIB            # pseudo-random source block, sliced per file
WARMUP = 1                  # untimed runs before the timed ones, per tool
RACY_WAIT = 2.5             # repro distrusts cache entries for files changed < 2 s before hashing
REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
TOOL_ENV = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@localhost", "DVC_NO_ANALYTICS": "1",
            "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@localhost"}
# Linux carries the spawning process's peak RSS into the child's ru_maxrss at exec, so
# children spawned straight from this (large) process would all report its peak. Each
# command is therefore forked from this small launcher, which reports "seconds maxrss_kib".
LAUNCHER = """import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])   # if exec fails, the traceback ends this child
_, status, usage = os.wait4(pid, 0)
os.write(int(sys.argv[1]), f"{time.perf_counter() - start} {usage.ru_maxrss}".encode())
sys.exit(os.waitstatus_to_exitcode(status))
"""


class ToolError(RuntimeError):
    """A benchmarked command failed or printed a wrong digest."""


@dataclass
class Workload:
    """One data set: what repro hashes (a file or a folder) and the files it holds."""
    key: str
    title: str
    root: Path
    sizes: dict                       # Path -> size in bytes
    concat: Path | None = None        # the same bytes as one file, for a single openssl stream

    @property
    def nbytes(self) -> int:
        return sum(self.sizes.values())

    @property
    def files(self) -> list:
        return sorted(self.sizes)


@dataclass
class Run:
    seconds: float
    rss_kib: int
    stdout: str


@dataclass
class Tool:
    """A command to time; `before_each` and `setup` (commands, in a throw-away project) are untimed."""
    key: str
    label: str
    argv: list
    before_each: object = None
    after_all: object = None
    setup: list | None = None
    installed: bool = True
    runs: list = field(default_factory=list)
    error: str | None = None


def plan_workloads(work: Path, scale: float) -> list:
    """The three workloads, every size and count multiplied by `scale`."""
    n = lambda x: max(1, round(x * scale))
    big, small, large = work / "big.bin", work / "small", work / "large"
    count, size, lcount, lsize = n(20_000), max(64, n(50 * KIB)), n(8), n(512 * MIB)
    return [
        Workload("big-file", f"one file of {n(4 * GIB) / GIB:.3g} GiB", big, {big: n(4 * GIB)}),
        Workload("small-files", f"{count} files of {size / KIB:.3g} KiB in {(count + 199) // 200} folders",
                 small, {small / f"d{i // 200:03d}" / f"f{i:05d}.bin": size for i in range(count)},
                 concat=work / "small-concat.bin"),
        Workload("large-files", f"{lcount} files of {lsize / MIB:.4g} MiB", large,
                 {large / f"f{i}.bin": lsize for i in range(lcount)}),
    ]


def write_pseudo_random(path: Path, size: int, block: memoryview, key: str) -> None:
    """Write `size` bytes as slices of `block`, each chunk starting with a unique 32-byte header."""
    with open(path, "wb") as f:
        pos, chunk = 0, 0
        while pos < size:
            n = min(BLOCK, size - pos)
            header = hashlib.sha256(f"{key}/{chunk}".encode()).digest()[:n]
            start = int.from_bytes(header[:4], "little") % (BLOCK - n + 1)
            f.write(header)
            f.write(block[start + len(header):start + n])
            pos, chunk = pos + n, chunk + 1


def data_present(wl: Workload) -> bool:
    """True when exactly the expected files exist with the expected sizes."""
    if wl.root.is_dir():
        return {p: p.stat().st_size for p in wl.root.rglob("*") if p.is_file()} == wl.sizes
    return wl.root.is_file() and {wl.root: wl.root.stat().st_size} == wl.sizes


def ensure_data(workloads: list) -> None:
    """Generate missing or wrong-sized data (and the concatenated copy) deterministically."""
    block = None
    for wl in workloads:
        fresh = data_present(wl)
        if not fresh:
            block = block or memoryview(random.Random(20240602).randbytes(BLOCK))
            print(f"generating {wl.key}: {wl.title} ...", flush=True)
            if wl.root.is_dir():
                shutil.rmtree(wl.root)
            else:
                wl.root.unlink(missing_ok=True)
            for i, path in enumerate(wl.files):
                path.parent.mkdir(parents=True, exist_ok=True)
                write_pseudo_random(path, wl.sizes[path], block, f"{wl.key}/{i}")
        if wl.concat and (not fresh or not wl.concat.is_file() or wl.concat.stat().st_size != wl.nbytes):
            with open(wl.concat, "wb") as out:
                for path in wl.files:
                    with open(path, "rb") as f:
                        shutil.copyfileobj(f, out, 8 * MIB)


def read_all(paths: list) -> int:
    """Read every file once so the timed runs come from the page cache; returns bytes read."""
    buf, total = bytearray(8 * MIB), 0
    for path in paths:
        with open(path, "rb", buffering=0) as f:
            while n := f.readinto(buf):
                total += n
    return total


def settle(paths: list) -> None:
    """Sleep until every file last changed at least RACY_WAIT seconds ago (no racy cache entries)."""
    newest = max(max(st.st_mtime, st.st_ctime) for st in map(os.stat, paths))
    time.sleep(max(0.0, newest + RACY_WAIT - time.time()))


def run_timed(argv: list, env: dict | None = None, cwd: Path | None = None) -> Run:
    """Run a command through LAUNCHER: wall time of fork..wait4 and the child's peak RSS (KiB)."""
    read_end, write_end = os.pipe()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, os.fdopen(read_end) as report:
        proc = subprocess.Popen([sys.executable, "-I", "-S", "-c", LAUNCHER, str(write_end), *map(str, argv)],
                                stdout=out, stderr=err, env=env, cwd=cwd, pass_fds=(write_end,))
        os.close(write_end)
        measured = report.read().split()
        if proc.wait() != 0 or len(measured) != 2:
            err.seek(0)
            tail = err.read().decode(errors="replace").strip()[-500:]
            raise ToolError(f"`{shlex.join(map(str, argv))}` exited with {proc.returncode}: {tail}")
        out.seek(0)
        return Run(float(measured[0]), int(measured[1]), out.read().decode(errors="replace"))


DROP_CACHES = Path("/proc/sys/vm/drop_caches")


def drop_page_cache() -> None:
    """Evict file data from memory (root only), so the next read comes from the disk."""
    os.sync()
    DROP_CACHES.write_text("3\n")


def core_tools(wl: Workload, repro: str, cache_dir: Path) -> list:
    """repro in its modes, then openssl and sha256sum over the same bytes.

    "cold cache" starts without a hash cache but with the data in the page cache (the
    strict comparison); "nothing cached" also drops the page cache first, as on a first
    run after a reboot, and is timed only where /proc/sys/vm/drop_caches is writable."""
    target = str(wl.root)
    reset = lambda: shutil.rmtree(cache_dir, ignore_errors=True)
    over_files = lambda cmd: ["sh", "-c", f'find "$1" -type f -print0 | xargs -0 {cmd}', "sh", target]
    tools = [Tool("repro-nocache", "repro hash --no-cache", [repro, "hash", "--no-cache", target]),
             Tool("repro-cold", "repro hash, cold cache", [repro, "hash", target], before_each=reset)]
    if os.access(DROP_CACHES, os.W_OK):
        tools.append(Tool("repro-uncached", "repro hash, nothing cached", [repro, "hash", target],
                          before_each=lambda: (reset(), drop_page_cache()),
                          after_all=lambda: read_all(wl.files + ([wl.concat] if wl.concat else []))))
    tools.append(Tool("repro-warm", "repro hash, warm cache", [repro, "hash", target]))
    if wl.root.is_file():
        return tools + [Tool("openssl", "openssl dgst -sha256", ["openssl", "dgst", "-sha256", target]),
                        Tool("sha256sum", "sha256sum", ["sha256sum", target])]
    if wl.concat:
        tools += [Tool("openssl", "openssl, one stream (concat file)", ["openssl", "dgst", "-sha256", wl.concat]),
                  Tool("openssl-files", "openssl over the files (xargs)", over_files("openssl dgst -sha256"))]
    else:
        tools.append(Tool("openssl", "openssl over the files (one stream)", over_files("openssl dgst -sha256")))
    return tools + [Tool("sha256sum", "sha256sum over the files (xargs)", over_files("sha256sum"))]


def optional_tools() -> list:
    """dvc add and git annex add, each timed in a throw-away project, when installed."""
    return [Tool("dvc", "dvc add", ["dvc", "add", "-q"], setup=[["dvc", "init", "--no-scm", "-q"]],
                 installed=bool(shutil.which("dvc"))),
            Tool("git-annex", "git annex add", ["git", "annex", "add", "--quiet"],
                 setup=[["git", "init", "-q"], ["git", "annex", "init", "-q", "bench"]],
                 installed=bool(shutil.which("git-annex")))]


def run_in_workspace(wl: Workload, scratch: Path, tool: Tool) -> Run:
    """Time `tool.argv NAME` in a fresh project holding hard links to the workload's files."""
    modes = {p: p.stat().st_mode for p in wl.files}
    try:
        for path in wl.files:
            dest = scratch / wl.root.name / (path.relative_to(wl.root) if wl.root.is_dir() else "")
            dest.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(path, dest)
            except OSError:
                shutil.copy2(path, dest)
        env = {**os.environ, **TOOL_ENV}
        for argv in tool.setup:
            run_timed(argv, env, scratch)
        return run_timed(tool.argv + [wl.root.name], env, scratch)
    finally:
        for path, mode in modes.items():   # dvc and git-annex make their objects read-only
            os.chmod(path, mode)
        subprocess.run(["chmod", "-R", "u+w", str(scratch)], capture_output=True)
        shutil.rmtree(scratch, ignore_errors=True)


def parse_digests(text: str) -> dict:
    """Path -> hex from sha256sum (`hex  path`) or openssl (`SHA2-256(path)= hex`) output."""
    found = {}
    for line in text.splitlines():
        if m := re.fullmatch(r"([0-9a-f]{64}) [ *](.*)", line):
            found[m[2]] = m[1]
        elif m := re.fullmatch(r"\S+\((.*)\)= ([0-9a-f]{64})", line):
            found[m[1]] = m[2]
    return found


def expected_digest(wl: Workload, per_file: dict) -> str:
    """The digest repro must print: the file's, or the folder's canonical-manifest digest."""
    if wl.root.is_file():
        return "sha256:" + per_file[str(wl.root)]
    rel = {Path(p).relative_to(wl.root).as_posix(): h for p, h in per_file.items()}
    manifest = "".join(f"{rel[r]}  {r}\n" for r in sorted(rel, key=lambda s: s.encode()))
    return "sha256:" + hashlib.sha256(manifest.encode()).hexdigest()


def verify(wl: Workload, tools: list) -> str:
    """Check every repro run and openssl against sha256sum; returns the digest or raises ToolError."""
    last = {t.key: parse_digests(t.runs[-1].stdout) for t in tools if t.runs and not t.key.startswith("repro")}
    reference = last.get("sha256sum", {})
    if len(reference) != len(wl.sizes):
        raise ToolError(f"{wl.key}: sha256sum listed {len(reference)} of {len(wl.sizes)} files")
    for key in ["openssl-files"] if wl.concat else ["openssl"]:   # the concat file has no per-file lines
        if key in last and last[key] != reference:
            raise ToolError(f"{wl.key}: {key} and sha256sum disagree")
    want, repro_tools = expected_digest(wl, reference), [t for t in tools if t.key.startswith("repro")]
    if not any(t.runs for t in repro_tools):
        raise ToolError(f"{wl.key}: no repro output to verify")
    for tool in repro_tools:
        for run in tool.runs:
            got = (run.stdout.split() or ["(nothing)"])[0]
            if got != want:
                raise ToolError(f"{wl.key}: {tool.label} printed {got}, sha256sum gives {want}")
    return want


def summarize(tool: Tool, nbytes: int) -> dict:
    """Median seconds, throughput and peak RSS of a tool's runs (JSON-ready)."""
    if not tool.installed:
        return {"label": tool.label, "status": "not installed"}
    if tool.error or not tool.runs:
        return {"label": tool.label, "status": "failed", "error": tool.error}
    times = [r.seconds for r in tool.runs]
    median = statistics.median(times)
    return {"label": tool.label, "status": "ok", "times_s": [round(t, 5) for t in times],
            "median_s": median, "gib_per_s": nbytes / median / GIB,
            "peak_rss_mib": max(r.rss_kib for r in tool.runs) / 1024}


def time_tool(tool: Tool, repeat: int, env: dict, cache_dir: Path) -> list:
    """Time `repeat` runs of one core tool; returns the peak RSS (KiB) of every repro run."""
    rss = []
    if tool.key == "repro-warm":   # populate once, then let the racy window pass
        shutil.rmtree(cache_dir, ignore_errors=True)
        rss.append(run_timed(tool.argv, env).rss_kib)
        time.sleep(RACY_WAIT)
    # One untimed run first, as hyperfine's --warmup: on a shared VM the first run after
    # an idle pause (the racy wait, a page-cache warm-up) is slower for reasons not its own.
    # Not for "nothing cached", whose every run starts cold by design.
    for index in range(repeat + (0 if tool.key == "repro-uncached" else WARMUP)):
        if tool.before_each:
            tool.before_each()
        run = run_timed(tool.argv, env)
        if index < WARMUP and tool.key != "repro-uncached":
            rss.append(run.rss_kib)
        else:
            tool.runs.append(run)
    if tool.after_all:
        tool.after_all()
    return rss + [r.rss_kib for r in tool.runs] if tool.key.startswith("repro") else []


def bench_workload(wl: Workload, repro: str, work: Path, repeat: int) -> tuple:
    """Warm the page cache, time every tool, verify; returns (summary, repro peak RSS list, errors)."""
    cache_dir, errors, repro_rss = work / ".repro-cache", [], []
    hot = read_all(wl.files + ([wl.concat] if wl.concat else []))
    print(f"\n== {wl.key}: {wl.title}, {wl.nbytes / GIB:.3f} GiB "
          f"(hot: {hot / GIB:.3f} GiB{' incl. the concat copy' if wl.concat else ''} read just before timing) ==",
          flush=True)
    settle(wl.files)
    env = {**os.environ, "REPRO_CACHE_DIR": str(cache_dir)}
    tools = core_tools(wl, repro, cache_dir)
    for tool in tools:
        try:
            repro_rss += time_tool(tool, repeat, env, cache_dir)
        except ToolError as e:
            tool.error = str(e)
            errors.append(tool.error)
    try:
        digest = verify(wl, tools)
    except (ToolError, KeyError) as e:
        digest = None
        errors.append(f"digest check failed: {e}")
    for tool in optional_tools():   # last: their hard links change the files' ctime (cache keys)
        tools.append(tool)
        try:
            tool.runs = [run_in_workspace(wl, work / ".scratch", tool) for _ in range(repeat)] if tool.installed else []
        except ToolError as e:
            tool.error = str(e)
            errors.append(tool.error)
    summary = {t.key: summarize(t, wl.nbytes) for t in tools}
    ref = summary["openssl"].get("gib_per_s")
    for s in summary.values():
        if ref and "gib_per_s" in s:
            s["vs_openssl"] = s["gib_per_s"] / ref
    print(f"{'tool':<36}{'median s':>10}{'GiB/s':>9}{'RSS MiB':>9}{'vs openssl':>12}")
    for s in summary.values():
        ratio = f"{s['vs_openssl']:.2f}x" if "vs_openssl" in s else "-"
        print(f"{s['label']:<36}" + (f"{s['median_s']:>10.4f}{s['gib_per_s']:>9.2f}{s['peak_rss_mib']:>9.1f}"
                                      f"{ratio:>12}" if s["status"] == "ok" else f"{s['status']:>10}"))
    print(f"digest {digest or 'NOT VERIFIED'}" + (" (repro = sha256sum)" if digest else ""))
    return ({"title": wl.title, "path": str(wl.root), "files": len(wl.sizes), "bytes": wl.nbytes,
             "digest": digest, "verified": digest is not None, "tools": summary}, repro_rss, errors)


def targets(results: dict, repro_rss: list) -> list:
    """The issue's four target figures with PASS/FAIL (value None = could not be measured)."""
    get = lambda wl, tool, k: results[wl]["tools"].get(tool, {}).get(k)
    ratio = lambda a, b: a / b if a and b else None
    warm, cold = get("small-files", "repro-warm", "median_s"), get("small-files", "repro-cold", "median_s")
    uncached = get("small-files", "repro-uncached", "median_s")
    rows = [("large file: repro --no-cache / openssl throughput", ">= 0.95", lambda v: v >= 0.95,
             ratio(get("big-file", "repro-nocache", "gib_per_s"), get("big-file", "openssl", "gib_per_s"))),
            ("20,000 small files: repro --no-cache / one openssl stream", ">= 1.7 (2 cores)", lambda v: v >= 1.7,
             ratio(get("small-files", "repro-nocache", "gib_per_s"), get("small-files", "openssl", "gib_per_s"))),
            ("warm cache, 20,000 files: median s, cold/warm", "<= 0.3 s and >= 20x",
             lambda v: v["median_s"] <= 0.3 and v["cold_over_warm"] >= 20,
             {"median_s": warm, "cold_over_warm": ratio(cold, warm), "uncached_over_warm": ratio(uncached, warm)}
             if warm and cold else None),
            ("peak RSS of every repro run, MiB", "<= 64", lambda v: v <= 64,
             max(repro_rss) / 1024 if repro_rss else None)]
    return [{"target": name, "threshold": th, "value": v, "pass": v is not None and ok(v)} for name, th, ok, v in rows]


def first_line(argv: list) -> str:
    """First line of a command's output, or 'unavailable'."""
    try:
        return subprocess.run(argv, capture_output=True, text=True).stdout.strip().splitlines()[0]
    except (OSError, IndexError):
        return "unavailable"


def machine_info(repro: str) -> dict:
    """CPU, cores, SHA extensions, memory, load, versions, date and the launcher's RSS floor."""
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = re.search(r"^model name\s*:\s*(.*)$", cpuinfo, re.M)
    mem = re.search(r"^MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text(), re.M)
    return {"date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "cpu": model[1] if model else platform.processor(), "nproc": first_line(["nproc"]),
            "sha_ni": bool(re.search(r"\bsha_ni\b", cpuinfo)), "mem_gib": round(int(mem[1]) / MIB, 1),
            "loadavg": " ".join(Path("/proc/loadavg").read_text().split()[:3]), "kernel": platform.release(),
            "repro": first_line([repro, "--version"]), "openssl": first_line(["openssl", "version"]),
            "sha256sum": first_line(["sha256sum", "--version"]), "python": platform.python_version(),
            "rss_floor_mib": round(run_timed(["true"]).rss_kib / 1024, 1)}


def wait_for(path: Path, seconds: float) -> None:
    """Poll until the repro binary exists and is 5 s old, i.e. the linker is done (never build it here)."""
    deadline = time.time() + seconds
    ready = lambda: path.is_file() and os.access(path, os.X_OK) and time.time() - path.stat().st_mtime > 5
    if not ready():
        print(f"waiting up to {seconds:.0f} s for {path} ...", flush=True)
    while not ready():
        if time.time() > deadline:
            sys.exit(f"error: {path} not found; build it with "
                     "swift build -c release --scratch-path .build-release --product repro")
        time.sleep(5)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repro", type=Path, default=REPO / ".build-release/release/repro", help="repro binary")
    p.add_argument("--work", type=Path, default=OUT / "data", help="data folder (default bench/out/data)")
    p.add_argument("--json-out", type=Path, default=OUT / "hash-results.json", help="results as JSON")
    p.add_argument("--repeat", type=int, default=5, help="repetitions per tool; medians are reported")
    p.add_argument("--scale", type=float, default=1.0, help="multiply every size and count (0.01 = smoke run)")
    p.add_argument("--wait", type=float, default=3600, help="seconds to wait for the repro binary")
    args = p.parse_args(argv)
    missing = [exe for exe in ("openssl", "sha256sum", "find", "xargs") if not shutil.which(exe)]
    if missing:
        sys.exit(f"error: required: {', '.join(missing)}")
    wait_for(args.repro, args.wait)
    repro, work = str(args.repro.resolve()), args.work.resolve()
    machine = machine_info(repro)
    print("repro hash benchmark\n" + "".join(f"  {k:<14}{v}\n" for k, v in machine.items()) +
          f"  scale {args.scale}, {WARMUP} untimed + {args.repeat} timed runs per tool (medians), "
          f"every run but 'nothing cached' hot "
          f"(page cache); data in {work}")
    workloads = plan_workloads(work, args.scale)
    work.mkdir(parents=True, exist_ok=True)
    ensure_data(workloads)
    results, repro_rss, errors = {}, [], []
    for wl in workloads:
        results[wl.key], rss, errs = bench_workload(wl, repro, work, args.repeat)
        repro_rss, errors = repro_rss + rss, errors + errs
    checks = targets(results, repro_rss)
    print("\n== targets" + ("" if args.scale == 1 else f" (scale {args.scale}: only meaningful at 1.0)") + " ==")
    for t in checks:
        v = t["value"]
        shown = ("n/a" if v is None else f"{v['median_s']:.3f} s, {v['cold_over_warm']:.1f}x"
                 + (f" ({v['uncached_over_warm']:.1f}x against nothing cached)" if v.get("uncached_over_warm") else "")
                 if isinstance(v, dict) else f"{v:.2f}")
        print(f"[{'PASS' if t['pass'] else 'FAIL'}] {t['target']}: {shown} (target {t['threshold']})")
    for e in errors:
        print(f"ERROR: {e}", file=sys.stderr)
    args.json_out.parent.mkdir(parents=True, exist_ok=True)
    doc = {"machine": machine, "settings": {"scale": args.scale, "repeat": args.repeat, "warmup": WARMUP,
                                            "work": str(work), "hot_page_cache": True, "racy_wait_s": RACY_WAIT},
           "workloads": results, "targets": checks, "errors": errors}
    args.json_out.write_text(json.dumps(doc, indent=2) + "\n")
    print(f"\nresults written to {args.json_out}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
