"""Speed and memory of the whole pipeline; prints figures, asserts nothing (see BENCHMARKS.md).

    .venv/bin/python bench/benchmark.py [-n 1000] [--workers 0] [--batch-size 200] [--corpus DIR ...]
        [--dask] [--cold-only] [--json FILE] [--scale-against FILE] [--no-steady-state]

Builds N unique documents from ../shared/corpus-large and corpus-news, starts a local Prefect
server (its start reported apart), and runs the real flow into a fresh warehouse: cold,
unchanged, then the `gwr run` command on the unchanged inbox and one `gwr query`, then with 10 %
of the files changed. For each run: documents/s, M chars/s, peak RSS and CPU of its processes (the
server apart), where the wall time went (orchestration, ingest, validate, load, publish; extract
in worker processes, concurrent with the rest) and the flow process's CPU by stage. Then issue
18's acceptance lines (printed, never asserted). `--dask` adds a cold run on a local Dask
cluster of as many processes as the pool; `--json` saves the figures, `--scale-against` a saved
smaller N prints wall time per document and peak RSS against it. Last, on the distinct texts:
the extractor's steady state and start against a bare `jieba.lcut` pass and a bare jieba start.
"""

from __future__ import annotations

import argparse
import datetime
import logging
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.acceptance import Run, cpu_lines, print_acceptance, print_scale, save  # noqa: E402
from bench.meter import RunMeter, process_tree, task_seconds, warm_imports  # noqa: E402
from settings import BATCH_SIZE, PROJECT_ROOT, apply_prefect_defaults  # noqa: E402
from settings.options import RunOptions  # noqa: E402

apply_prefect_defaults()
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "CRITICAL")
TEXT_SUFFIXES = {".txt", ".md", ".html", ".htm"}
GWR = str(Path(sys.executable).with_name("gwr"))
INGEST_TASKS = ("discover_files", "read_batch", "find_missing")
LOAD_TASKS = ("load_batch", "open_run", "retire_missing", "close_run")
# Every task the flow calls itself (transform_batch runs beside it: its time is the wait for extraction).
FLOW_TASKS = (*INGEST_TASKS, "validate_batch", *LOAD_TASKS, "record_skipped", "publish_snapshot")
# What a process pays before it extracts anything, each in a fresh interpreter (the time to start
# Python itself apart): bare jieba's dictionary, and the extractor's start as a worker pays it
# (flows._warm: jieba's dictionary with the lexicon, the POS tagger, the region tables, one report).
TIMED = "import time; t = time.perf_counter(); {}; print(time.perf_counter() - t)"
START_BARE_JIEBA = TIMED.format("import jieba; jieba.initialize()")
START_EXTRACTOR = TIMED.format("import flows._warm")


def corpus_texts(corpora: list[Path]) -> list[tuple[Path, str]]:
    """The distinct source texts, in a stable order."""
    sources = sorted(p for c in corpora for p in c.iterdir() if p.suffix.lower() in TEXT_SUFFIXES)
    return [(p, p.read_text(encoding="utf-8", errors="replace")) for p in sources]


def build_inbox(folder: Path, n: int, corpora: list[Path]) -> tuple[list[Path], int]:
    """N unique documents cycled from the corpora; returns the files and their total characters."""
    texts = corpus_texts(corpora)
    folder.mkdir(parents=True)
    files, chars = [], 0
    for i in range(n):
        src, text = texts[i % len(texts)]
        text = text + f"\n（副本 {i}）\n"
        path = folder / f"{i:05d}_{src.stem}{src.suffix}"
        path.write_text(text, encoding="utf-8")
        files.append(path)
        chars += len(text)
    return files, chars


@dataclass(frozen=True, slots=True)
class Bench:
    """What every flow run of the benchmark shares: the inbox and its characters, the flow's options, the server."""

    inbox: Path
    chars: int
    options: RunOptions
    server_pid: int


def run_once(bench: Bench, label: str, extracted_chars: int, flow: Any = None) -> Run:
    from flows.pipeline import gwr_pipeline
    from gwr.runner import waited_on  # as `gwr run` runs the flow

    chars = bench.chars
    with RunMeter(exclude=set(process_tree(bench.server_pid))) as meter:
        started = time.perf_counter()
        summary = waited_on(lambda: (flow or gwr_pipeline)([str(bench.inbox)], bench.options))
        wall = time.perf_counter() - started
    tasks = task_seconds(summary["run_id"])
    stage = summary["stage_seconds"]
    in_flow = stage["ingest"] + stage["wait_for_extract"] + stage["validate"] + stage["load"] + stage["publish"]
    # Task calls made by the flow cost their run time plus Prefect's overhead around them.
    overhead = (in_flow - stage["wait_for_extract"]) - sum(tasks.get(t, 0.0) for t in FLOW_TASKS)
    orchestration = (wall - in_flow) + max(overhead, 0.0)
    processed = summary["docs_new"] + summary["docs_changed"] + summary["docs_reextracted"]
    run = Run(label, summary["docs_seen"], processed, wall, meter.own_cpu, meter.cpu - meter.own_cpu, meter.peak,
              {name: stage[f"{name}_cpu"] for name in ("ingest", "validate", "load", "publish")},
              stage["extract"], stage["extract_cpu"])
    print(f"\n[{label}] {summary['docs_seen']} documents ({processed} extracted), {summary['facts_loaded']} facts "
          f"in {wall:.1f} s = {summary['docs_seen'] / wall:.1f} documents/s, {chars / wall / 1e6:.2f} M chars/s; "
          f"peak RSS {meter.peak / 2**20:,.0f} MB; CPU {meter.cpu:.1f} s (the server apart)")
    print(cpu_lines(run))
    print(f"  wall time: orchestration {orchestration:.1f} s ({100 * orchestration / wall:.0f} %), "
          f"ingest {sum(tasks.get(t, 0) for t in INGEST_TASKS):.1f} s, "
          f"validate {tasks.get('validate_batch', 0):.1f} s, "
          f"load {sum(tasks.get(t, 0) for t in LOAD_TASKS):.1f} s, publish {stage['publish']:.1f} s, "
          f"waiting for extraction {stage['wait_for_extract']:.1f} s; snapshot: {summary['published']}")
    if stage["extract"]:
        print(f"  extract (decode + clean + extract in {bench.options.worker_count} worker processes, "
              f"concurrent with the rest): {stage['extract']:.1f} s of worker wall time, {stage['extract_cpu']:.1f} s "
              f"of worker CPU = {extracted_chars / stage['extract_cpu'] / 1e6:.3f} M chars/s of CPU per process")
    return run


def command_runs_of(inbox: Path, db: Path, times: int) -> float:
    """`gwr run` on the unchanged inbox and one `gwr query`, as a user runs them; returns the median of the runs
    that publish (by default; the snapshot is current, so they publish nothing)."""

    cpu: list[float] = []

    def timed(*argv: str) -> float:
        started, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run([GWR, *argv], capture_output=True, text=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        if done.returncode:
            print(f"  gwr {argv[0]} exited {done.returncode}: {done.stderr.strip()[:300]}")
        return time.perf_counter() - started

    walls = [timed("run", str(inbox), "--db", str(db)) for _ in range(times)]
    unpublished = timed("run", str(inbox), "--db", str(db), "--publish", "none")
    query = timed("query", "select count(*) from fct_indicator_value", "--db", str(db))
    print(f"\n[the command] `gwr run` over the unchanged inbox, against the running server: "
          f"{', '.join(f'{w:.2f}' for w in walls)} s (median {statistics.median(walls):.2f} s; the snapshot it would "
          f"publish is current, so it is not published again); with --publish none: {unpublished:.2f} s; "
          f"`gwr query` of one number: {query:.2f} s  [load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}]")
    print(f"  CPU of each command process (user + system): {', '.join(f'{c:.2f}' for c in cpu)} s, which is what "
          f"its wall time comes down to on an idle machine")
    return statistics.median(walls)


def fresh_process_seconds(code: str, repeats: int = 2) -> float:
    """The least of `repeats` timings `code` prints in a fresh interpreter started in the project."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT_ROOT),
                                                                      os.environ.get("PYTHONPATH")]))}
    timings = []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT_ROOT, env=env)
        timings.append(float(out.stdout.strip().splitlines()[-1]))
    return min(timings)


def steady_state(texts: list[tuple[Path, str]]) -> tuple[float, float, int]:
    """CPU seconds of decode + clean + extract and of a bare `jieba.lcut` pass over `texts`, each in this
    process once warm, and the texts' characters."""
    import jieba

    from transforms import process_document
    from transforms.records import SourceFile

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    sources = [SourceFile(str(p), p.name, t.encode("utf-8"), "0" * 64, len(t.encode("utf-8")), 0.0) for p, t in texts]
    today = datetime.date.today()
    process_document(sources[0], today)  # the extractor's tables that load on first use
    started = time.process_time()
    for src in sources:
        process_document(src, today)
    extract = time.process_time() - started
    started = time.process_time()
    for _, text in texts:
        jieba.lcut(text)
    return extract, time.process_time() - started, sum(len(t) for _, t in texts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=1000, help="documents to build (default 1000)")
    ap.add_argument("--workers", type=int, default=0, help="extraction processes (0 = one per core)")
    ap.add_argument("--batch-size", type=int, default=int(BATCH_SIZE.default))
    ap.add_argument("--command-runs", type=int, default=3, help="`gwr run` commands over the unchanged inbox")
    ap.add_argument("--dask", action="store_true", help="also a cold run on a local Dask cluster")
    ap.add_argument("--json", type=Path, help="write the runs' figures to this file (for --scale-against)")
    ap.add_argument("--scale-against", type=Path, help="a --json file of a smaller N: linearity and peak RSS")
    ap.add_argument("--cold-only", action="store_true", help="the cold run alone (and --dask's)")
    ap.add_argument("--no-steady-state", action="store_true", help="skip the extractor against bare jieba")
    shared = PROJECT_ROOT.parent / "shared"
    ap.add_argument("--corpus", type=Path, nargs="*", default=[shared / "corpus-large", shared / "corpus-news"])
    args = ap.parse_args()
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GB; "
          f"python {platform.python_version()}; load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    from rich.console import Console

    from gwr.server import start_server, stop_process_group

    with tempfile.TemporaryDirectory(prefix="gwr-bench-") as tmp:
        inbox = Path(tmp) / "inbox"
        files, chars = build_inbox(inbox, args.n, args.corpus)
        print(f"inbox: {len(files)} documents, {chars / 1e6:.1f} M chars, "
              f"built from {', '.join(map(str, args.corpus))}")
        os.environ["PREFECT_HOME"] = str(Path(tmp) / "prefect")
        server = start_server(Console(stderr=True), 300)
        os.environ["PREFECT_API_URL"] = server.api_url
        print(f"Prefect server start (paid once; `gwr server start` keeps one running): {server.started_in:.1f} s")
        # After PREFECT_API_URL is set: Prefect reads its settings when it is imported, and without
        # the URL a flow runs against a temporary server of its own.
        print(f"what a run's process pays once (imports, a first flow run over an empty folder): "
              f"{warm_imports(Path(tmp)):.1f} s of CPU, left out of the runs below")
        try:
            db = Path(tmp) / "bench.duckdb"
            options = RunOptions(db=db, batch_size=args.batch_size, workers=args.workers)
            bench = Bench(inbox, chars, options, server.pid or 0)
            cold = run_once(bench, "cold", chars)
            ten, command = (None, 0.0) if args.cold_only else rerun(bench, files, db, args.command_runs)
            dask = dask_run(bench, Path(tmp), cold) if args.dask else None
        finally:
            stop_process_group(server.pid or 0)
    if ten is not None:
        print_acceptance(cold, ten, command, options.worker_count)
    if args.scale_against:
        print_scale(cold, args.scale_against)
    if args.json:
        save(args.json, [run for run in (cold, ten, dask) if run is not None], {"command_median": command})
    if not args.no_steady_state:
        extractor_against_jieba(args.corpus, cold, chars)


def rerun(bench: Bench, files: list[Path], db: Path, command_runs: int) -> tuple[Run, float]:
    """The unchanged run, the `gwr run` commands, then 10 % of the files changed and run again."""
    run_once(bench, "unchanged", 0)
    command = command_runs_of(bench.inbox, db, command_runs)
    changed = 0
    for f in files[:: 10]:
        text = f.read_text(encoding="utf-8") + "\n（修订）\n"
        f.write_text(text, encoding="utf-8")
        changed += len(text)
    return run_once(bench, "10 % changed", changed), command


def dask_run(bench: Bench, tmp: Path, local: Run) -> Run:
    """The cold run again, into a fresh warehouse, with extraction on a local Dask cluster of as many worker
    processes as the pool had (`gwr run --dask`)."""
    from flows.pipeline import gwr_pipeline
    from gwr.runner import _dask_runner

    options = bench.options.model_copy(update={"db": tmp / "dask.duckdb", "publish": tmp / "dask-published.duckdb"})
    flow = gwr_pipeline.with_options(task_runner=_dask_runner(None, options))
    run = run_once(Bench(bench.inbox, bench.chars, options, bench.server_pid), "cold, on Dask", bench.chars, flow)
    print(f"\n[Dask against the worker pool] {options.worker_count} Dask worker processes: {run.wall:.1f} s wall, "
          f"{run.flow_cpu + run.workers_cpu:.1f} s CPU; --workers {options.worker_count}: {local.wall:.1f} s wall, "
          f"{local.flow_cpu + local.workers_cpu:.1f} s CPU; Dask / pool wall = {run.wall / local.wall:.2f}x")
    return run


def extractor_against_jieba(corpora: list[Path], cold: Run, chars: int) -> None:
    """The extractor's steady state and start against bare jieba, on the distinct texts, in this process."""
    texts = corpus_texts(corpora)
    extract_cpu, jieba_cpu, distinct = steady_state(texts)
    start_extractor, start_jieba = fresh_process_seconds(START_EXTRACTOR), fresh_process_seconds(START_BARE_JIEBA)
    jieba_speed = distinct / jieba_cpu
    workers_speed = chars / cold.extract_cpu
    print(f"\nOn the {len(texts)} distinct texts ({distinct / 1e6:.2f} M chars), in this run:")
    print(f"  bare jieba.lcut, one warm process: {jieba_cpu:.1f} s of CPU = {jieba_speed / 1e6:.3f} M chars/s")
    print(f"  extract steady state, one warm process: {extract_cpu:.1f} s of CPU = {distinct / extract_cpu / 1e6:.3f} "
          f"M chars/s = {jieba_cpu / extract_cpu:.2f}x bare jieba.lcut")
    print(f"  extract steady state per worker in the cold run: {workers_speed / 1e6:.3f} M chars/s of CPU "
          f"= {workers_speed / jieba_speed:.2f}x bare jieba.lcut "
          f"(by worker wall time: {chars / cold.extract_wall / 1e6:.3f} M chars/s)")
    print(f"  start per process: extractor {start_extractor:.2f} s, bare jieba {start_jieba:.2f} s "
          f"= {start_extractor / start_jieba:.1f}x")
    alone = chars / (distinct / extract_cpu)
    print(f"\nEnd to end, the cold run: {chars / cold.wall / 1e6:.3f} M chars/s of wall time "
          f"= {chars / cold.wall / jieba_speed:.2f}x bare jieba.lcut in one process; its CPU (flow + workers) "
          f"{cold.flow_cpu + cold.workers_cpu:.1f} s = {(cold.flow_cpu + cold.workers_cpu) / alone:.2f}x the "
          f"transforms alone on the same characters ({alone:.1f} s)")


if __name__ == "__main__":
    main()
