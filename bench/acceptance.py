"""What bench/benchmark.py prints about a run's CPU and the acceptance lines of issue 18 (printed, never asserted).

Each line is a ratio of figures measured in the same run, so the load other users put on
the shared machine enters both sides; the load average is printed beside them.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

FLOW_SHARE_TARGET = 0.25  # flow-process CPU (validate + load + orchestration) against the workers' CPU, cold
COMMAND_TARGET = 3.0  # seconds for the unchanged `gwr run` command at N = 1,000
CHANGED_TARGET = 2.0  # a 10 %-changed run against the extraction time of its changed documents
LINEAR_WITHIN, RSS_WITHIN = 0.15, 0.20  # wall time per document and peak RSS, N against N = 1,000


@dataclass(frozen=True, slots=True)
class Run:
    """One flow run as measured: wall and CPU seconds, where the flow's thread spent its CPU, memory."""

    label: str
    documents: int
    extracted: int
    wall: float
    flow_cpu: float  # the flow process (the meter's sampling apart)
    workers_cpu: float  # the extraction processes (or Dask workers) it started
    peak_rss: int
    stage_cpu: dict[str, float]  # CPU of the flow's thread in ingest / validate / load, of the process in publish
    extract_wall: float
    extract_cpu: float
    load_average: tuple[float, ...] = field(default_factory=os.getloadavg)

    @property
    def orchestration_cpu(self) -> float:
        """The flow process's CPU outside its stages' own work: Prefect's task and flow-run bookkeeping, the batch
        loop, its event and worker-pool threads, and DuckDB's threads beside the flow's."""
        return max(self.flow_cpu - sum(self.stage_cpu.values()), 0.0)

    @property
    def flow_work_cpu(self) -> float:
        """Validate + load + orchestration: the flow process's CPU less reading files and publishing the snapshot."""
        return self.flow_cpu - self.stage_cpu.get("ingest", 0.0) - self.stage_cpu.get("publish", 0.0)


def cpu_lines(run: Run) -> str:
    """Where the flow process's CPU went."""
    s = run.stage_cpu
    return (f"  flow process CPU {run.flow_cpu:.1f} s: validate {s.get('validate', 0):.2f}, "
            f"load {s.get('load', 0):.2f}, ingest {s.get('ingest', 0):.2f} (the flow's thread), "
            f"publish {s.get('publish', 0):.2f} (the process), orchestration "
            f"and the process's other threads {run.orchestration_cpu:.2f}; extraction processes {run.workers_cpu:.1f} s"
            f"  [load average {', '.join(f'{x:.1f}' for x in run.load_average)}]")


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def print_acceptance(cold: Run, changed: Run, command_median: float, workers: int) -> None:
    """Issue 18's acceptance lines that do not depend on extraction speed."""
    share = cold.flow_work_cpu / cold.workers_cpu if cold.workers_cpu else float("inf")
    print(f"\nAcceptance (issue 18), N = {cold.documents:,}; load average now "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}:")
    print(f"  flow-process CPU (validate + load + orchestration) / extraction workers' CPU, cold: "
          f"{cold.flow_work_cpu:.1f} / {cold.workers_cpu:.1f} s = {share:.0%} (target <= {FLOW_SHARE_TARGET:.0%}): "
          f"{verdict(share <= FLOW_SHARE_TARGET)}; all of the flow process, reading and publishing included: "
          f"{cold.flow_cpu / cold.workers_cpu:.0%}")
    print(f"  unchanged `gwr run` command against the running server: median {command_median:.2f} s "
          f"(target < {COMMAND_TARGET:g} s): {verdict(command_median < COMMAND_TARGET)}")
    # The extraction time of the changed documents: the CPU seconds the workers spent on them (what
    # extracting them takes on one free core), and their wall time spread over the workers.
    spread = changed.extract_wall / max(workers, 1)
    ratio = changed.wall / changed.extract_cpu if changed.extract_cpu else float("inf")
    print(f"  10 % changed run: {changed.wall:.1f} s wall against {changed.extract_cpu:.1f} s of extraction CPU "
          f"for its {changed.extracted} changed documents = {ratio:.1f}x (target < {CHANGED_TARGET:g}x): "
          f"{verdict(ratio < CHANGED_TARGET)}; against their extraction wall time over {workers} workers "
          f"({spread:.1f} s): {changed.wall / spread if spread else float('inf'):.1f}x")


def save(path: Path, runs: list[Run], extra: dict) -> None:
    path.write_text(json.dumps({"runs": [asdict(run) for run in runs], **extra}, indent=1), encoding="utf-8")


def print_scale(now: Run, baseline_file: Path) -> None:
    """Wall time per document and peak RSS of this cold run against a smaller one saved with `--json`."""
    base = Run(**json.loads(baseline_file.read_text(encoding="utf-8"))["runs"][0])
    per_doc, per_doc_base = now.wall / now.documents, base.wall / base.documents
    linear = per_doc / per_doc_base - 1
    rss = now.peak_rss / base.peak_rss - 1
    print(f"\nScale, cold run at N = {now.documents:,} against N = {base.documents:,} ({baseline_file}):")
    print(f"  wall per document {1000 * per_doc:.1f} ms against {1000 * per_doc_base:.1f} ms: {linear:+.0%} "
          f"(linear within {LINEAR_WITHIN:.0%}: {verdict(abs(linear) <= LINEAR_WITHIN)}); CPU per document "
          f"{1000 * (now.flow_cpu + now.workers_cpu) / now.documents:.1f} ms against "
          f"{1000 * (base.flow_cpu + base.workers_cpu) / base.documents:.1f} ms")
    print(f"  peak RSS {now.peak_rss / 2**20:,.0f} MB against {base.peak_rss / 2**20:,.0f} MB: {rss:+.0%} "
          f"(within {RSS_WITHIN:.0%}: {verdict(rss <= RSS_WITHIN)}); load averages {now.load_average} / "
          f"{tuple(base.load_average)}")
