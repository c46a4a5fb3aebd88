"""Speed and memory figures for gwr; prints them, asserts nothing.

    .venv/bin/python bench/benchmark.py [FOLDER]

FOLDER defaults to ../shared/corpus-large beside the project when present,
else the bundled samples. Three figures:

1. the pure transforms (decode -> clean -> extract) per document, in one process;
2. Prefect's cost per task run against the local API, which is why documents
   travel in batches (one task per stage per batch);
3. the whole flow into a fresh DuckDB file, with batch size 50 and 1, and peak memory.
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gwr.config import PROJECT_ROOT, SAMPLES_DIR, apply_prefect_defaults  # noqa: E402

apply_prefect_defaults()
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


def corpus() -> Path:
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    large = PROJECT_ROOT.parent / "shared" / "corpus-large"
    return large if large.is_dir() else SAMPLES_DIR


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_transforms(files: list[Path]) -> None:
    from transforms import process_text
    from transforms.decode import decode

    process_text("warmup.txt", "2024年全区地区生产总值增长6%。")  # jieba and lexicon load once
    times, facts, chars = [], 0, 0
    for f in files:
        data = f.read_bytes()
        t = time.perf_counter()
        decoded = decode(data, f.name)
        _, _, found = process_text(f.name, decoded.text)
        times.append(time.perf_counter() - t)
        facts += len(found)
        chars += len(decoded.text)
    total = sum(times)
    print(f"transforms: {len(files)} docs, {chars / 1e6:.2f} M chars, {facts} facts in {total:.2f} s "
          f"= {1000 * total / len(files):.1f} ms/doc mean, {1000 * statistics.median(times):.1f} ms median, "
          f"{1000 * max(times):.0f} ms max, {chars / total / 1e6:.2f} M chars/s")


def bench_task_overhead() -> None:
    from prefect import flow, task
    from prefect.cache_policies import NONE

    @task(cache_policy=NONE)
    def noop(i: int) -> int:
        return i

    @flow
    def many(n: int) -> int:
        return sum(noop(i) for i in range(n))

    t = time.perf_counter()
    many(1)
    print(f"prefect: first flow run (starts the local API) {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    many(200)
    per = (time.perf_counter() - t) / 200
    print(f"prefect: {1000 * per:.1f} ms per task run = {1 / per:.0f} task runs/s")


def bench_flow(folder: Path, n_files: int) -> None:
    from flows.pipeline import gwr_pipeline

    for batch in (50, 1):
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            s = gwr_pipeline(paths=[str(folder)], db=str(Path(tmp) / "bench.duckdb"), batch_size=batch)
            secs = time.perf_counter() - t
            print(f"flow (batch {batch:>2}): {s['docs_seen']} docs, {s['facts_loaded']} facts, "
                  f"{s['docs_failed']} failed in {secs:.1f} s = {secs / max(n_files, 1) * 1000:.0f} ms/doc")
    print(f"peak RSS of this process: {peak_rss_mb():.0f} MB")


def main() -> None:
    folder = corpus()
    files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in {".txt", ".html", ".docx", ".pdf", ".md"})
    print(f"corpus: {folder} ({len(files)} files, {sum(p.stat().st_size for p in files) / 1e6:.1f} MB)")
    bench_transforms(files)
    bench_task_overhead()
    bench_flow(folder, len(files))


if __name__ == "__main__":
    main()
