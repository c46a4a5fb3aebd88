"""Speed and memory of the whole pipeline; prints figures, asserts nothing (see BENCHMARKS.md).

    .venv/bin/python bench/benchmark.py [-n 1000] [--workers 0] [--batch-size 50] [--corpus DIR ...]

Builds N documents from ../shared/corpus-large and ../shared/corpus-news (each
copy made unique, so every sha256 differs), starts a local Prefect server (its
start is reported on its own line), then runs the real flow three times into a
fresh warehouse: cold, unchanged, and with 10 % of the files changed. For each
run: documents/s, M chars/s, peak RSS of the run's processes, and where the wall
time went: orchestration (Prefect and the flow itself), ingest (discover, read,
hash, triage), extract (decode + clean + extract, in worker processes), validate,
load. Then one bare `jieba.lcut` pass over the same texts, and the ratio of the
extract stage's speed to it.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gwr.config import PROJECT_ROOT, apply_prefect_defaults  # noqa: E402

apply_prefect_defaults()
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "CRITICAL")
TEXT_SUFFIXES = {".txt", ".md", ".html", ".htm"}


def build_inbox(folder: Path, n: int, corpora: list[Path]) -> tuple[list[Path], int]:
    """N unique documents cycled from the corpora; returns the files and their total characters."""
    sources = sorted(p for c in corpora for p in c.iterdir() if p.suffix.lower() in TEXT_SUFFIXES)
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sources]
    folder.mkdir(parents=True)
    files, chars = [], 0
    for i in range(n):
        src, text = sources[i % len(sources)], texts[i % len(texts)]
        text = text + f"\n（副本 {i}）\n"
        path = folder / f"{i:05d}_{src.stem}{src.suffix}"
        path.write_text(text, encoding="utf-8")
        files.append(path)
        chars += len(text)
    return files, chars


class PeakRss:
    """Peak resident memory of this process plus all its children (workers, Dask), sampled every 0.2 s."""

    def __init__(self, exclude: set[int]) -> None:
        self.peak, self._exclude, self._stop = 0, exclude, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.wait(0.2):
            total = 0
            for proc in [me, *me.children(recursive=True)]:
                if proc.pid in self._exclude:
                    continue
                with contextlib.suppress(psutil.Error):
                    total += proc.memory_info().rss
            self.peak = max(self.peak, total)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def task_seconds(flow_run_id: str) -> dict[str, float]:
    """Run time of each task, summed by task name, from Prefect's API."""
    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId
    from prefect.client.schemas.sorting import TaskRunSort

    out: dict[str, float] = {}
    with get_client(sync_client=True) as client:
        offset = 0
        while True:
            runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])),
                                         sort=TaskRunSort.EXPECTED_START_TIME_ASC, limit=200, offset=offset)
            for run in runs:
                name = run.name.rsplit("-", 1)[0]
                out[name] = out.get(name, 0.0) + run.total_run_time.total_seconds()
            if len(runs) < 200:
                return out
            offset += 200


def run_once(label: str, inbox: Path, db: Path, chars: int, args: argparse.Namespace, server_pid: int) -> None:
    from flows.pipeline import gwr_pipeline

    with PeakRss(exclude=set(_tree(server_pid))) as rss:
        started = time.perf_counter()
        summary = gwr_pipeline(paths=[str(inbox)], db=str(db), batch_size=args.batch_size, workers=args.workers)
        wall = time.perf_counter() - started
    tasks = task_seconds(summary["run_id"])
    stage = summary["stage_seconds"]
    extract = stage["extract"]  # seconds the worker processes spent decoding, cleaning and extracting
    in_flow = stage["ingest"] + stage["wait_for_extract"] + stage["validate"] + stage["load"]
    # Task calls made by the flow cost their run time plus Prefect's overhead around them.
    overhead = (in_flow - stage["wait_for_extract"]) - sum(
        tasks.get(t, 0.0) for t in ("discover_files", "read_batch", "validate_batch", "load_batch", "open_run",
                                    "retire_missing", "record_skipped", "close_run"))
    orchestration = (wall - in_flow) + max(overhead, 0.0)
    processed = summary["docs_new"] + summary["docs_changed"] + summary["docs_reextracted"]
    print(f"\n[{label}] {summary['docs_seen']} documents ({processed} extracted), {summary['facts_loaded']} facts "
          f"in {wall:.1f} s = {summary['docs_seen'] / wall:.1f} documents/s, {chars / wall / 1e6:.2f} M chars/s; "
          f"peak RSS {rss.peak / 2**20:,.0f} MB (flow + workers; the server apart)")
    print(f"  wall time: orchestration {orchestration:.1f} s ({100 * orchestration / wall:.0f} %), "
          f"ingest {tasks.get('read_batch', 0) + tasks.get('discover_files', 0):.1f} s, "
          f"validate {tasks.get('validate_batch', 0):.1f} s, "
          f"load {sum(tasks.get(t, 0) for t in ('load_batch', 'open_run', 'retire_missing', 'close_run')):.1f} s, "
          f"waiting for extraction {stage['wait_for_extract']:.1f} s")
    if extract:
        extracted_chars = chars * processed / max(summary["docs_seen"], 1)
        print(f"  extract (decode + clean + extract in {args.workers or os.cpu_count()} worker processes, "
              f"overlapping the rest): {extract:.1f} s of worker time = "
              f"{extracted_chars / extract / 1e6:.3f} M chars/s per process")
    return extract, summary


def jieba_pass(files: list[Path]) -> tuple[float, int]:
    import jieba

    jieba.initialize()
    texts = [f.read_text(encoding="utf-8") for f in files]
    started = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return time.perf_counter() - started, sum(map(len, texts))


def _tree(pid: int) -> list[int]:
    try:
        proc = psutil.Process(pid)
        return [pid, *(p.pid for p in proc.children(recursive=True))]
    except psutil.Error:
        return []


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=1000, help="documents to build (default 1000)")
    ap.add_argument("--workers", type=int, default=0, help="extraction processes (0 = one per core)")
    ap.add_argument("--batch-size", type=int, default=50)
    shared = PROJECT_ROOT.parent / "shared"
    ap.add_argument("--corpus", type=Path, nargs="*", default=[shared / "corpus-large", shared / "corpus-news"])
    args = ap.parse_args()
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GB; "
          f"python {platform.python_version()}")
    from rich.console import Console

    from gwr.server import start_server, stop_process_group

    with tempfile.TemporaryDirectory(prefix="gwr-bench-") as tmp:
        files, chars = build_inbox(Path(tmp) / "inbox", args.n, args.corpus)
        print(f"inbox: {len(files)} documents, {chars / 1e6:.1f} M chars, "
              f"built from {', '.join(map(str, args.corpus))}")
        os.environ["PREFECT_HOME"] = str(Path(tmp) / "prefect")
        server = start_server(Console(stderr=True), 300)
        os.environ["PREFECT_API_URL"] = server.api_url
        print(f"Prefect server start (paid once; `gwr server start` keeps one running): {server.started_in:.1f} s")
        try:
            db = Path(tmp) / "bench.duckdb"
            extract, _ = run_once("cold", Path(tmp) / "inbox", db, chars, args, server.pid or 0)
            run_once("unchanged", Path(tmp) / "inbox", db, chars, args, server.pid or 0)
            for f in files[:: 10]:
                f.write_text(f.read_text(encoding="utf-8") + "\n（修订）\n", encoding="utf-8")
            run_once("10 % changed", Path(tmp) / "inbox", db, chars, args, server.pid or 0)
        finally:
            stop_process_group(server.pid or 0)
        seconds, jchars = jieba_pass(files)
        print(f"\nbare jieba.lcut over the same texts, one process: {seconds:.1f} s "
              f"= {jchars / seconds / 1e6:.3f} M chars/s")
        if extract:
            print(f"extract stage speed per process / bare jieba.lcut: {seconds / extract:.2f}x")


if __name__ == "__main__":
    main()
