"""Helpers shared by the tests: the bundled samples, running the real `gwr` command, and what tests ask of a
warehouse that the pipeline never does (counting rows, running the data tests, loading one document so that
its error is raised)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from settings import PROJECT_ROOT, SAMPLES_DIR

if TYPE_CHECKING:
    import pandas as pd

    from warehouse import Warehouse

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

    out = [process_document(read_source(path, 50 * 2**20), dt.date.today()) for path in files]
    assert all(isinstance(p, Processed) for p in out), [p for p in out if not isinstance(p, Processed)]
    return out


def shared_texts(dest: Path, names: tuple[str, ...]) -> list[Path]:
    """Copies of these texts of ../shared (e.g. "corpus-large/a_130607_2020.txt") in `dest`; none without it."""
    dest.mkdir(parents=True, exist_ok=True)
    found = [SHARED / name for name in names if (SHARED / name).is_file()]
    return [Path(shutil.copy(path, dest / path.name)) for path in found]


# -- the warehouse as tests read it --------------------------------------------------------


def table_counts(wh: Warehouse) -> dict[str, int]:
    """Rows in each table."""
    return dict(wh.read("table_counts")[1])


def current_versions(wh: Warehouse) -> dict[str, str]:
    """Path -> sha256 of the bytes last loaded from it, for every current path."""
    return dict(wh.read("current_versions")[1])


def run_data_tests(wh: Warehouse) -> dict[str, int]:
    """Failing rows of every `warehouse/tests/assert_*.sql`, by test name (all 0 = healthy)."""
    from warehouse.sqlfiles import data_tests

    return {name: len(wh.query(text)[1]) for name, text in data_tests().items()}


def load_document(wh: Warehouse, run_id: str, document: dict[str, Any], paths: list[str], facts: pd.DataFrame,
                  quarantine: pd.DataFrame | None = None) -> int:
    """Load one document in its own transaction and return its facts inserted, raising the loader's own error
    where `load_documents` would record it and go on: the tests see what DuckDB refused, and nothing is recorded."""
    from warehouse import frames, loads

    unit = loads.DocumentLoad(document, paths, facts, quarantine)
    loads.prepare(unit)
    frames.check_facts(facts, unit.doc_id)
    return wh._load(run_id, loads.BatchLoad.of([unit])[0])


def sync_indicators(wh: Warehouse, indicators: pd.DataFrame) -> None:
    """Upsert the indicator lexicon alone (`sync_dimensions` with no region rows)."""
    import pandas as pd

    wh.sync_dimensions(indicators, pd.DataFrame(columns=["name"]), "tests: the indicators alone")


def sync_regions(wh: Warehouse, regions: pd.DataFrame) -> None:
    """Upsert the region list alone (`sync_dimensions` with no indicator rows)."""
    import pandas as pd

    wh.sync_dimensions(pd.DataFrame(columns=["code", "name_zh"]), regions, "tests: the regions alone")
