"""Readers beside the loader: an old DuckDB client on the published snapshot, a program on the main file.

The old client is DuckDB 1.1.3 (what many BI drivers still ship), installed at test time into a
throwaway folder; without a reachable package registry the test says so and skips.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import SAMPLES, gwr
from warehouse import open_warehouse

pytestmark = pytest.mark.slow

OLD_DUCKDB = "1.1.3"
# Opens the snapshot read-only, answers, and holds it open until told to look again.
OLD_CLIENT = """
import sys
sys.path.insert(0, sys.argv[1])
import duckdb
held = duckdb.connect(sys.argv[2], read_only=True)
count = "select count(*) from v_facts"
print(duckdb.__version__, held.execute(count).fetchall()[0][0], flush=True)
sys.stdin.readline()
still = held.execute(count).fetchall()[0][0]
held.close()  # one process shares one instance per file: close it to open the new snapshot
fresh = duckdb.connect(sys.argv[2], read_only=True)
# qualified: the intermediate views sit in schema `intermediate`, the others in `main`
views = [f"{s}.{n}" for s, n in fresh.execute(
    "select schema_name, view_name from duckdb_views() where not internal").fetchall()]
rows = {name: fresh.execute(f"select count(*) from {name}").fetchall()[0][0] for name in views}
print(still, fresh.execute(count).fetchall()[0][0], len(rows), flush=True)
"""


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with an inbox of one sample, its warehouse and published snapshot.

    Loaded by the flow in this process (Prefect's in-process API, which the flow tests share)
    rather than by a `gwr run` that would start a server of its own; the tests' runs are real.
    """
    from flows.pipeline import gwr_pipeline
    from settings.options import RunOptions

    root = tmp_path_factory.mktemp("template")
    (root / "inbox").mkdir()
    shutil.copy(SAMPLES[0], root / "inbox")
    summary = gwr_pipeline([str(root / "inbox")], RunOptions(db=root / "gwr.duckdb"))
    assert summary["docs_new"] == 1 and "gwr_published.duckdb" in summary["published"]
    return root


@pytest.fixture
def loaded(template: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the template: (inbox, warehouse)."""
    root = Path(shutil.copytree(template, tmp_path / "copy"))
    return root / "inbox", root / "gwr.duckdb"


@pytest.fixture(scope="module")
def old_duckdb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("duckdb-old")
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
         f"duckdb=={OLD_DUCKDB}"], capture_output=True, text=True, timeout=300,
    )
    if install.returncode != 0:
        pytest.skip(f"cannot install duckdb {OLD_DUCKDB} from the package registry: {install.stderr[-300:]}")
    return target


def test_an_old_client_reads_the_snapshot_while_a_run_loads_new_files(
    loaded: tuple[Path, Path], old_duckdb: Path
) -> None:
    inbox, db = loaded
    snapshot = db.with_name("gwr_published.duckdb")

    client = subprocess.Popen([sys.executable, "-c", OLD_CLIENT, str(old_duckdb), str(snapshot)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        version, before = client.stdout.readline().split()
        assert version == OLD_DUCKDB, client.stderr.read()
        for sample in SAMPLES[1:]:
            shutil.copy(sample, inbox)
        second = gwr("run", str(inbox), "--db", str(db))  # the old client holds the snapshot all along
        assert second.returncode == 0, second.stderr
        out, err = client.communicate("again\n", timeout=60)
    finally:
        client.kill()
    held, fresh, n_views = map(int, out.split())
    assert held == int(before)  # the held file is the snapshot it opened
    assert fresh > held  # a new connection sees the run's documents
    assert n_views >= 9, err  # every view binds in DuckDB 1.1


def test_a_program_holding_the_main_file_makes_a_run_wait_then_stop_saying_why(loaded: tuple[Path, Path]) -> None:
    inbox, db = loaded
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=True); "
                               "print('ready', flush=True); time.sleep(120)", str(db)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        started = time.monotonic()
        blocked = gwr("run", str(inbox), "--db", str(db), env={"GWR_LOCK_TIMEOUT": "2"})
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert blocked.returncode == 1
    assert "another program has it open" in blocked.stderr and "published snapshot" in blocked.stderr
    assert "Traceback" not in blocked.stderr + blocked.stdout
    assert waited >= 2
    with open_warehouse(db, read_only=True) as wh:  # the run that could not start left no 'running' row
        assert wh.query("select status, count(*) from run_log group by status")[1] == [("completed", 1)]


def test_reads_work_where_writes_cannot(loaded: tuple[Path, Path]) -> None:
    """A warehouse beside which no file can be made (as on read-only media) is still read."""
    _, db = loaded
    lock = db.with_name("gwr.duckdb.lock")
    lock.unlink()
    lock.mkdir()  # the lock file's name is taken by a folder: no lock file can be made
    read = gwr("query", "select count(*) as n from v_facts", "--db", str(db), "-f", "csv")
    assert read.returncode == 0 and int(read.stdout.splitlines()[1]) > 0
