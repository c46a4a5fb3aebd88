"""A process keeps the DuckDB instance it writes a warehouse through between opens (warehouse.writers): the next
open reuses it, and closing still releases the file to other programs and checkpoints it as before."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.helpers import table_counts
from warehouse import open_warehouse, writers

REPO = Path(__file__).resolve().parents[2]

# Another program (a BI tool, the duckdb shell) opening the file for writing once gwr has closed it.
WRITE_FROM_ANOTHER_PROCESS = """
import sys, duckdb
con = duckdb.connect(sys.argv[1])
con.execute("create table written_elsewhere as select 1 as one")
con.close()
"""


def test_the_next_open_reuses_the_instance_and_the_file_is_free_between_opens(db_path: Path) -> None:
    with open_warehouse(db_path) as wh:
        first = wh._con
    idle = writers._idle[db_path.absolute()]
    # Between opens nothing is attached: DuckDB's lock on the file is released, another process writes it.
    assert [name for (name,) in idle.execute("select database_name from duckdb_databases() "
                                             "where not internal").fetchall()] == ["memory"]
    done = subprocess.run([sys.executable, "-c", WRITE_FROM_ANOTHER_PROCESS, str(db_path)], cwd=REPO,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    with open_warehouse(db_path) as wh:
        assert writers._idle.get(db_path.absolute()) is None  # in use, not idle
        assert wh.query("select one from written_elsewhere")[1] == [(1,)]
        assert "dim_document" in table_counts(wh)
    assert writers._idle[db_path.absolute()] is idle
    # A warehouse kept past its block cannot write anywhere: its cursor is closed.
    with pytest.raises(duckdb.ConnectionException):
        first.execute("create table stray as select 1")


def test_a_deferred_open_then_a_normal_one_folds_the_log_into_the_file(db_path: Path) -> None:
    """The instance's checkpoint setting is set by every open, not kept from the one before."""
    wal = db_path.with_name(db_path.name + ".wal")
    with open_warehouse(db_path, defer_checkpoint=True) as wh:
        wh._con.execute("create table scratch as select range as i from range(10)")
    assert wal.exists()
    with open_warehouse(db_path) as wh:
        assert wh._con.execute("select count(*) from scratch").fetchone() == (10,)
    assert not wal.exists()


def test_one_instance_is_kept_the_last_closed(tmp_path: Path) -> None:
    """Each idle instance holds memory: a process that writes many warehouses keeps one, not one a file."""
    paths = [tmp_path / f"w{i}.duckdb" for i in range(3)]
    for path in paths:
        with open_warehouse(path):
            pass
    assert list(writers._idle) == [paths[-1].absolute()]
