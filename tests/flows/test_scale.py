"""All cores, a Dask cluster, and a time limit: results equal a serial run's, and no document holds its batch."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from flows.pipeline import gwr_pipeline
from ingest.sources import shown
from settings.options import RunOptions
from tests.helpers import SAMPLES, copy_samples, gwr, variants
from warehouse import open_warehouse

pytestmark = pytest.mark.slow  # runs the flow through Prefect, and worker processes

CONTENT = """
select 'fact' as what, doc_id, indicator, region, year, period, measure, kind, value, unit, qualifier,
       raw_start, raw_end, extractor_version
from fct_indicator_value
union all
select 'doc', doc_id, title, region, year, report_type, encoding, source_format, null, null, null,
       n_chars, null, extractor_version
from dim_document
union all
select 'quarantine', doc_id, check_name, column_name, null, null, null, null, null, null, null, null, null, null
from quarantine
order by all
"""


def content(db: Path) -> list[tuple]:
    with open_warehouse(db) as wh:
        return wh.query(CONTENT)[1]


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return variants(tmp_path_factory.mktemp("scale") / "reports", 12)


@pytest.fixture(scope="module")
def serial(inbox: Path, tmp_path_factory: pytest.TempPathFactory) -> list[tuple]:
    db = tmp_path_factory.mktemp("serial") / "gwr.duckdb"
    gwr_pipeline([str(inbox)], RunOptions(db=db, workers=1, batch_size=5))
    return content(db)


def test_parallel_processes_load_what_a_serial_run_loads(inbox: Path, serial: list[tuple], tmp_path: Path) -> None:
    db = tmp_path / "gwr.duckdb"
    gwr_pipeline([str(inbox)], RunOptions(db=db, workers=2, batch_size=3))
    assert len(serial) > 100 and content(db) == serial


def test_a_local_dask_cluster_of_two_workers_loads_what_a_serial_run_loads(inbox: Path, serial: list[tuple],
                                                                           tmp_path: Path) -> None:
    db = tmp_path / "gwr.duckdb"
    result = gwr("run", str(inbox), "--db", str(db), "--dask", "--workers", "2", "--batch-size", "3", timeout=400)
    assert result.returncode == 0, result.stderr[-2000:]
    assert content(db) == serial


def test_one_document_past_the_time_limit_fails_alone(tmp_path: Path) -> None:
    inbox = copy_samples(tmp_path / "in")
    # A report repeated to four and a half million characters: ordinary sentences within every bound of the
    # extractor, just far more of them than any report has; no extractor reads that in two seconds.
    report = max(SAMPLES, key=lambda p: p.stat().st_size).read_text(encoding="utf-8")
    (inbox / "endless.txt").write_text(report * (4_500_000 // len(report)), encoding="utf-8")
    gbk = inbox / os.fsdecode("报告".encode("gbk") + b".txt")
    gbk.write_text(SAMPLES[0].read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "gwr.duckdb"
    summary = gwr_pipeline([str(inbox)], RunOptions(db=db, doc_timeout=2, workers=2))
    failed = {Path(e["path"]).name: e for e in summary["errors"]}
    assert set(failed) == {"endless.txt", shown(gbk.name)}
    assert failed["endless.txt"]["error"] == "TimeLimitExceeded" and "2 s limit" in failed["endless.txt"]["message"]
    assert failed[shown(gbk.name)]["error"] == "UndecodableName"
    assert summary["docs_new"] == len(SAMPLES) and summary["facts_loaded"] > 0
