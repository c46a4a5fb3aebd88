"""How long publishing the snapshot takes, and how much memory: wall and CPU seconds, peak RSS.

usage: python bench/publish_speed.py WAREHOUSE [--previous SNAPSHOT] [--repeat N]

Each publish runs in a fresh process (its peak RSS is then the publish's own, with gwr imported),
into a fresh folder: cold, or over a copy of `--previous` and its Parquet folder, as a run that
changed something publishes over the snapshot of the run before it. Prints every repeat and
the minimum and median of each figure. On a shared machine compare CPU seconds; wall time is
the goal, so take the minimum of several repeats.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from warehouse.publish import publish
wall, cpu = time.perf_counter(), time.process_time()
done = publish(Path(sys.argv[2]), Path(sys.argv[3]))
print(json.dumps({"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "relations": done.relations}))
"""


def one_publish(db: Path, previous: Path | None) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="gwr-publish-speed-") as tmp:
        target = Path(tmp) / "gwr_published.duckdb"
        if previous is not None:
            shutil.copyfile(previous, target)
            shutil.copytree(previous.with_name(f"{previous.stem}-parquet"), Path(tmp) / f"{target.stem}-parquet")
        out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(db), str(target)],
                             capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit(f"the publish failed:\n{out.stderr[-3000:]}")
        return json.loads(out.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--previous", type=Path, help="a snapshot to publish over (its Parquet folder beside it)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    runs = []
    for i in range(args.repeat):
        runs.append(one_publish(args.warehouse.resolve(), args.previous.resolve() if args.previous else None))
        print(f"{i + 1}: wall {runs[-1]['wall']:.3f} s, CPU {runs[-1]['cpu']:.3f} s, "
              f"peak RSS {runs[-1]['rss_mb']:.0f} MB, {runs[-1]['relations']} relations")
    for key, unit in (("wall", "s"), ("cpu", "s"), ("rss_mb", "MB")):
        values = [run[key] for run in runs]
        print(f"{key}: min {min(values):.3f} {unit}, median {statistics.median(values):.3f} {unit}")


if __name__ == "__main__":
    main()
