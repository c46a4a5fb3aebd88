"""`gwr serve` with a short interval really fires a scheduled run that loads a file dropped in the inbox."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

from tests.helpers import GWR, SAMPLES
from warehouse import open_warehouse
from warehouse.errors import WarehouseError

pytestmark = pytest.mark.slow


def facts_in(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with open_warehouse(db, wait_seconds=2) as wh:
            return int(wh.query("select count(*) from fct_indicator_value")[1][0][0])
    except WarehouseError:
        return 0  # a scheduled run is loading right now


def port_open(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def test_serve_fires_a_scheduled_run_that_loads_the_inbox(tmp_path: Path) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "gwr.duckdb"
    log = (tmp_path / "serve.log").open("w+")
    proc = subprocess.Popen([GWR, "serve", "--inbox", str(inbox), "--interval", "5", "--db", str(db)],
                            stdout=log, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while not inbox.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        shutil.copy(SAMPLES[1], inbox / SAMPLES[1].name)
        deadline = time.monotonic() + 360
        while facts_in(db) == 0:
            assert proc.poll() is None, Path(log.name).read_text()
            assert time.monotonic() < deadline, "no scheduled run loaded the inbox:\n" + Path(log.name).read_text()
            time.sleep(2)
        with open_warehouse(db, wait_seconds=60) as wh:
            docs = wh.query("select doc from dim_document")[1]
            runs = wh.query("select count(*) from run_log where flow_run_id is not null")[1]
        assert docs == [(SAMPLES[1].name,)]
        assert runs[0][0] >= 1
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            raise
    match = re.search(r"127\.0\.0\.1:(\d+)", Path(log.name).read_text())
    assert match, "serve did not say where its Prefect server listens"
    deadline = time.monotonic() + 30
    while port_open(int(match.group(1))):
        assert time.monotonic() < deadline, "the Prefect server outlived gwr serve"
        time.sleep(0.5)
