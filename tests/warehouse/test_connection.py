"""Opening the warehouse: the one-writer lock, bounded waits and clear refusals."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from tests.helpers import load_document, table_counts
from warehouse import WarehouseBusy, WarehouseUnavailable, open_warehouse

REPO = Path(__file__).resolve().parents[2]

# Holds the warehouse the way a running gwr process does, until killed.
HOLD_WITH_GWR = """
import sys, time
from pathlib import Path
from warehouse import open_warehouse
with open_warehouse(Path(sys.argv[1])) as wh:
    print("ready", flush=True)
    time.sleep(60)
"""

# Holds DuckDB's own lock without gwr's, like a BI tool or the duckdb shell.
HOLD_WITH_DUCKDB = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("ready", flush=True)
time.sleep(60)
"""

# Dies by SIGKILL in the middle of a transaction that has deleted every fact.
DIE_MID_TRANSACTION = """
import sys, time
from pathlib import Path
import pandas as pd
from warehouse import open_warehouse
with (open_warehouse(Path(sys.argv[1])) as wh,
      wh._registered(incoming_documents=pd.DataFrame({"doc_id": [sys.argv[2]]})), wh._transaction()):
    wh._run("dml_delete_batch_facts")
    print("ready", flush=True)
    time.sleep(60)
"""


@contextmanager
def holder(script: str, *args: str) -> Iterator[subprocess.Popen[str]]:
    """Run `script` in another Python process until it prints 'ready'; SIGKILL it on exit."""
    proc = subprocess.Popen(
        [sys.executable, "-c", script, *args], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        assert line.strip() == "ready", proc.stderr.read() if proc.stderr else ""
        yield proc
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)


@pytest.mark.slow
def test_busy_when_another_gwr_process_holds_it(db_path: Path) -> None:
    with holder(HOLD_WITH_GWR, str(db_path)):
        started = time.monotonic()
        with (
            pytest.raises(WarehouseBusy, match=r"is busy: another gwr process holds it \(waited 1 s\)"),
            open_warehouse(db_path, wait_seconds=1),
        ):
            pass
        assert 0.9 <= time.monotonic() - started < 3
        with (
            pytest.raises(WarehouseBusy, match="GWR_LOCK_TIMEOUT"),
            open_warehouse(db_path, wait_seconds=0.2, read_only=True),
        ):
            pass
    # SIGKILL released the flock: the warehouse opens at once.
    with open_warehouse(db_path, wait_seconds=1) as wh:
        assert table_counts(wh)["dim_period"] > 0


@pytest.mark.slow
def test_busy_when_another_program_holds_duckdb(db_path: Path) -> None:
    with open_warehouse(db_path):
        pass
    with (
        holder(HOLD_WITH_DUCKDB, str(db_path)),
        pytest.raises(WarehouseBusy, match="another program"),
        open_warehouse(db_path, wait_seconds=1),
    ):
        pass


@pytest.mark.slow
def test_kill_mid_transaction_leaves_the_previous_state(
    db_path: Path, doc_001: tuple[dict[str, Any], pd.DataFrame]
) -> None:
    doc, facts = doc_001
    with open_warehouse(db_path) as wh:
        load_document(wh, "run-1", doc, ["/corpus/001.txt"], facts, None)
        before = table_counts(wh)
    with holder(DIE_MID_TRANSACTION, str(db_path), doc["doc_id"]):
        pass
    with open_warehouse(db_path, wait_seconds=5) as wh:
        assert table_counts(wh) == before


def test_folder_that_is_a_file_is_unavailable(tmp_path: Path) -> None:
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("x")
    with pytest.raises(WarehouseUnavailable, match="cannot be created"), open_warehouse(blocker / "gwr.duckdb"):
        pass


def test_read_only_file_system_is_unavailable() -> None:
    # /proc refuses new files even to root, which chmod-based read-only folders do not.
    with pytest.raises(WarehouseUnavailable, match="cannot be"), open_warehouse(Path("/proc/gwr/gwr.duckdb")):
        pass


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into chmod 0555 folders; /proc test covers this")
def test_read_only_folder_is_unavailable(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(WarehouseUnavailable, match="read-only"), open_warehouse(folder / "gwr.duckdb"):
            pass
    finally:
        folder.chmod(0o755)


def test_too_little_free_space_is_unavailable(db_path: Path) -> None:
    with pytest.raises(WarehouseUnavailable, match="MB free"), open_warehouse(db_path, min_free_mb=2**40):
        pass


def test_read_only_open_needs_an_existing_warehouse_and_refuses_writes(db_path: Path) -> None:
    with pytest.raises(WarehouseUnavailable, match="does not exist"), open_warehouse(db_path, read_only=True):
        pass
    with open_warehouse(db_path):
        pass
    with open_warehouse(db_path, read_only=True) as wh:
        assert wh.query("select count(*) from v_facts")[1] == [(0,)]
        with pytest.raises(Exception, match="read-only"):
            wh.start_run("run-1", None, {})


def test_reads_work_where_writes_cannot_on_a_full_disk(db_path: Path) -> None:
    with open_warehouse(db_path):
        pass
    # Asking for a terabyte free is as good as a full disk.
    with pytest.raises(WarehouseUnavailable, match="MB free"), open_warehouse(db_path, min_free_mb=2**40):
        pass
    with open_warehouse(db_path, read_only=True) as wh:
        assert wh.query("select count(*) from dim_period")[1][0][0] > 0


def test_no_connection_installs_or_loads_extensions(db_path: Path) -> None:
    settings = ("select current_setting('autoinstall_known_extensions'), "
                "current_setting('autoload_known_extensions'), current_setting('enable_external_access')")
    with open_warehouse(db_path) as wh:
        writer = wh.query(settings)[1][0]
    with open_warehouse(db_path, read_only=True) as wh:
        reader = wh.query(settings)[1][0]
    assert writer[:2] == (False, False) and reader == (False, False, False)


def test_a_writer_keeps_row_groups_of_2048_rows_and_spills_beside_the_file(db_path: Path) -> None:
    # A checkpoint writes a table's last row group again whole (in dim_document, every document's text in it):
    # row groups of 2,048 rows keep that bounded as the warehouse grows; DuckDB's default is 122,880.
    with open_warehouse(db_path) as wh:
        con = wh._con  # the writer's own connection, as the loader uses it
        con.execute("create table scratch as select range as i from range(5000)")
        con.execute("checkpoint")
        groups = con.execute("select count(distinct row_group_id) from pragma_storage_info('scratch')").fetchone()
        spill = con.execute("select current_setting('temp_directory')").fetchone()[0]
    assert groups == (3,)
    assert Path(spill) == Path(f"{db_path}.tmp").absolute()
