"""Helpers shared by the flow and CLI tests: the bundled samples and running the real `gwr` command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from settings import PROJECT_ROOT, SAMPLES_DIR

GWR = str(Path(sys.executable).with_name("gwr"))
SAMPLES = sorted(SAMPLES_DIR.glob("*.txt"))
# The material beside the project (eval set, corpora); absent on a clean clone, where tests that
# need it skip with a reason.
SHARED = PROJECT_ROOT.parent / "shared"


def copy_samples(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for s in SAMPLES:
        shutil.copy(s, dest / s.name)
    return dest


def gwr(*args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run the installed `gwr` command as a user would."""
    return subprocess.run([GWR, *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def task_runs(flow_run_id: str) -> list:
    """The task runs Prefect's API recorded for a flow run (name, run_count, state), read through its client."""
    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId
    from prefect.client.schemas.sorting import TaskRunSort

    with get_client(sync_client=True) as client:
        return client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])),
                                     sort=TaskRunSort.EXPECTED_START_TIME_ASC, limit=200)


def variants(folder: Path, n: int) -> Path:
    """n distinct reports: the samples with a line that makes each copy's content unique."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        src = SAMPLES[i % len(SAMPLES)]
        (folder / f"{i:03d}_{src.name}").write_text(src.read_text(encoding="utf-8") + f"\n副本{i}\n",
                                                    encoding="utf-8")
    return folder


def processed(files: list[Path]) -> list:
    """Each file read and taken through decode, clean and extract, as a flow's worker does (`Processed`)."""
    from ingest.sources import read_source
    from transforms import process_document
    from transforms.records import Processed

    out = [process_document(read_source(path, 50 * 2**20)) for path in files]
    assert all(isinstance(p, Processed) for p in out), [p for p in out if not isinstance(p, Processed)]
    return out


def shared_texts(dest: Path, names: tuple[str, ...]) -> list[Path]:
    """Copies of these texts of ../shared (e.g. "corpus-large/a_130607_2020.txt") in `dest`; none without it."""
    dest.mkdir(parents=True, exist_ok=True)
    found = [SHARED / name for name in names if (SHARED / name).is_file()]
    return [Path(shutil.copy(path, dest / path.name)) for path in found]
