"""How long readers and the publish step take on a loaded warehouse: the figures in README's table.

usage: python bench/reader_timings.py [WAREHOUSE]   (default: data/gwr.duckdb; load it first with gwr run)

- `gwr query` on a small query, as a user runs it (a new process each time): the goal is well
  under 0.5 s, which is why the query path imports neither pandas nor Prefect;
- publishing the snapshot and its Parquet folder (what every successful run adds);
- `gwr export` of every table and view, and `gwr report`.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from warehouse.publish import publish  # noqa: E402

GWR = str(Path(sys.executable).with_name("gwr"))
QUERY = "select region, count(*) as n from v_facts group by region order by n desc limit 3"


def timed(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    db = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "data" / "gwr.duckdb").resolve()
    runs = [timed([GWR, "query", QUERY, "--db", str(db), "-f", "csv"]) for _ in range(10)]
    print(f"gwr query (10 runs): median {statistics.median(runs):.3f} s, min {min(runs):.3f} s, max {max(runs):.3f} s")
    with tempfile.TemporaryDirectory() as tmp:
        done = publish(db, Path(tmp) / "gwr_published.duckdb")
        print(f"publish snapshot + {done.relations} Parquet files: {done.seconds:.2f} s")
        for fmt in ("parquet", "csv", "jsonl"):
            seconds = timed([GWR, "export", str(Path(tmp) / fmt), "--format", fmt, "--db", str(db)])
            print(f"gwr export --format {fmt}: {seconds:.2f} s")
        print(f"gwr report: {timed([GWR, 'report', '--out', str(Path(tmp) / 'r.html'), '--db', str(db)]):.2f} s")


if __name__ == "__main__":
    main()
