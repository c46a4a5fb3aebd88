"""Stopping `gwr run` as a supervisor (SIGTERM) or a person (Ctrl-C) would: quick, one line, no process left behind."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from pathlib import Path

import psutil
import pytest

from tests.helpers import GWR, run_data_tests, variants
from warehouse import open_warehouse

pytestmark = pytest.mark.slow


def run_until_loading(inbox: Path, db: Path) -> subprocess.Popen:
    """A `gwr run` that has committed at least one batch and has more to do.

    Its own PREFECT_HOME: a server another test recorded in the session's (`gwr serve`) would
    otherwise serve this run, and the run would have no server child of its own to stop."""
    env = {**os.environ, "PREFECT_HOME": str(db.parent / "prefect-home")}
    env.pop("PREFECT_API_URL", None)
    proc = subprocess.Popen([GWR, "run", str(inbox), "--db", str(db), "--batch-size", "2", "--workers", "1",
                             "--verbose"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True, env=env)
    assert proc.stdout is not None
    deadline = time.monotonic() + 300
    for line in proc.stdout:
        if " of 40 documents:" in line:
            return proc
        assert time.monotonic() < deadline, "the run never loaded a batch"
    raise AssertionError("the run ended before it loaded a batch")


def descendants(pid: int) -> list[psutil.Process]:
    return psutil.Process(pid).children(recursive=True)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_stops_the_run_cleanly(tmp_path: Path, sig: signal.Signals) -> None:
    inbox, db = variants(tmp_path / "reports", 40), tmp_path / "gwr.duckdb"
    proc = run_until_loading(inbox, db)
    children = descendants(proc.pid)
    assert children, "a run has child processes (a Prefect server, extraction workers)"
    sent = time.monotonic()
    os.kill(proc.pid, sig)  # the process only, as `kill` or a supervisor would
    try:
        rest, _ = proc.communicate(timeout=30)
    finally:  # a failed test leaves nothing running (psutil checks a pid still names the same process)
        proc.kill()
        for child in children:
            with contextlib.suppress(psutil.Error):
                child.kill()
    assert time.monotonic() - sent < 30
    assert proc.returncode == 128 + sig
    assert "interrupted after" in rest and "run again to finish" in rest
    assert "Traceback" not in rest
    gone, alive = psutil.wait_procs(children, timeout=5)
    assert [p.pid for p in alive if p.status() != psutil.STATUS_ZOMBIE] == []

    with open_warehouse(db) as wh:
        (status, seen, facts_counted), = wh.query("select status, docs_seen, facts_loaded from run_log")[1]  # fmt: skip
        (facts,), = wh.query("select count(*) from fct_indicator_value")[1]  # fmt: skip
        (docs,), = wh.query("select count(*) from dim_document")[1]  # fmt: skip
        assert {k: v for k, v in run_data_tests(wh).items() if v} == {}
    assert status == "interrupted"
    assert facts_counted == facts and seen == docs  # the counts are what was committed
    assert 0 < docs < 40
    assert f"interrupted after {seen} of 40 documents" in rest
