"""Measuring a flow run for bench/benchmark.py: memory and CPU of its processes, and its tasks' run time."""

from __future__ import annotations

import contextlib
import importlib
import os
import threading
import time
from pathlib import Path

import psutil


class RunMeter:
    """Peak resident memory (sampled every 0.2 s) and CPU time of this process and its children, the server apart
    (the processes of `exclude` and every process of their sessions)."""

    def __init__(self, exclude: set[int]) -> None:
        self.peak, self.cpu, self.own_cpu, self._exclude, self._stop = 0, 0.0, 0.0, exclude, threading.Event()
        self.sampling_cpu = 0.0  # what the sampling thread itself cost the flow process (left out of own_cpu)
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._cpu_before: dict[int, tuple[float, float]] = {}

    def _processes(self) -> list[psutil.Process]:
        me = psutil.Process()
        return [p for p in [me, *me.children(recursive=True)] if p.pid not in self._exclude and not self._server(p)]

    def _server(self, proc: psutil.Process) -> bool:
        """Whether `proc` belongs to the Prefect server: its session. The server's API process (uvicorn) is this
        process's child, not the server command's, so the server command's process tree does not find it; it
        runs in the session `gwr.server` starts the server in."""
        try:
            return any(os.getsid(proc.pid) == os.getsid(pid) for pid in self._exclude)
        except OSError:
            return False

    def _cpu(self) -> dict[int, tuple[float, float]]:
        """Each process's CPU seconds: its own, and those of its children it has reaped. A worker stopped during a
        run (the pool stops once the batches are done) is gone by the end; its CPU is then in the children's
        time of the forkserver that forked it."""
        out = {}
        for proc in self._processes():
            with contextlib.suppress(psutil.Error):
                times = proc.cpu_times()
                out[proc.pid] = (times.user + times.system, times.children_user + times.children_system)
        return out

    def _sample(self) -> None:
        while not self._stop.wait(0.2):
            total = 0
            for proc in self._processes():
                with contextlib.suppress(psutil.Error):
                    total += proc.memory_info().rss
            self.peak = max(self.peak, total)
        self.sampling_cpu = time.thread_time()

    def __enter__(self) -> RunMeter:
        self._cpu_before = self._cpu()
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
        # What each process spent during the run, the processes that were there before it or are there after it
        # (a worker stopped and reaped meanwhile: its whole CPU is now its parent's children's, less what it had
        # spent before the run).
        after, before, none = self._cpu(), self._cpu_before, (0.0, 0.0)
        spent = {pid: sum(after.get(pid, none)) - sum(before.get(pid, none)) for pid in after.keys() | before.keys()}
        own = after.get(os.getpid(), none)[0] - before.get(os.getpid(), none)[0]
        self.cpu, self.own_cpu = sum(spent.values()) - self.sampling_cpu, own - self.sampling_cpu


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


def process_tree(pid: int) -> list[int]:
    try:
        proc = psutil.Process(pid)
        return [pid, *(p.pid for p in proc.children(recursive=True))]
    except psutil.Error:
        return []


def warm_imports(scratch: Path) -> float:
    """Pay before the cold run what a run's process pays once (imports, pandera's first validation, Prefect's
    first flow run: its lazy imports, client and event stream; a new warehouse's dimension imports), so that the
    cold run's CPU is the run's, not the process's start (0.4-0.5 s was counted there); returns its CPU seconds.
    The flow runs over an empty folder: no extraction process starts, so their start stays in the cold run."""
    started = time.process_time()
    for name in ("prefect.flow_engine", "prefect.results", "prefect.task_engine", "flows.pipeline", "validation.batch",
                 "warehouse.loader", "pandera.pandas"):
        importlib.import_module(name)
    import pandas as pd
    import pandera.pandas as pa

    from flows.pipeline import gwr_pipeline
    from settings.options import RunOptions

    pa.DataFrameSchema({"n": pa.Column(int, pa.Check.ge(0))}).validate(pd.DataFrame({"n": [1]}))
    (scratch / "empty").mkdir()
    gwr_pipeline([str(scratch / "empty")], RunOptions(db=scratch / "warm-up.duckdb", publish=None))
    return time.process_time() - started
