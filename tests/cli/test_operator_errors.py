"""An operator's mistake is one sentence on stderr and exit 1, said before Prefect starts (so within seconds)."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from tests.helpers import copy_samples, gwr

pytestmark = pytest.mark.slow  # runs the gwr command


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize(("args", "env", "said"), [
    (["--batch-size", "-1"], {}, "--batch-size must be a whole number from 1"),
    ([], {"GWR_MAX_FILE_MB": "inf"}, "GWR_MAX_FILE_MB must be a number from 0.001 to 100000, got 'inf'"),
    ([], {"GWR_LOCK_TIMEOUT": "soon"}, "GWR_LOCK_TIMEOUT must be a number"),
    (["--workers", "-1"], {}, "--workers must be a whole number from 0 to 1024"),
    (["--workers", "1000"], {}, "--workers must be at most"),  # issue 19: accepted, then 86 s and 15 GB a document
    (["--doc-timeout", "0"], {}, "--doc-timeout must be a number from 1"),
    ([], {"PREFECT_HOME": "/proc/gwr-prefect-home"}, "PREFECT_HOME /proc/gwr-prefect-home is not writable"),
    ([], {"PREFECT_API_URL": "http://127.0.0.1:{port}/api"}, "does not answer"),
], ids=["batch-size", "max-file-mb-inf", "lock-timeout-word", "workers-negative", "workers-1000", "doc-timeout-zero",
        "prefect-home-read-only", "api-url-dead"])
def test_run_refuses_a_bad_setting_in_one_sentence(tmp_path: Path, args: list[str], env: dict[str, str],
                                                    said: str) -> None:
    inbox = copy_samples(tmp_path / "in")
    env = {k: v.format(port=free_port()) for k, v in env.items()}
    result = gwr("run", str(inbox), "--db", str(tmp_path / "gwr.duckdb"), *args, env=env, timeout=60)
    assert result.returncode == 1
    assert said in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 2 and "Traceback" not in result.stderr  # one (wrapped) sentence
    assert not (tmp_path / "gwr.duckdb").exists()  # nothing started, nothing written


@pytest.mark.parametrize("command", [
    ["query", "select 1"], ["export", "{tmp}/out"], ["report", "--out", "{tmp}/report.html"],
    ["serve", "--inbox", "{tmp}/inbox", "--interval", "60"], ["server", "start"],
], ids=["query", "export", "report", "serve", "server-start"])
def test_every_command_says_a_bad_setting_in_one_sentence(tmp_path: Path, command: list[str]) -> None:
    db = [] if command[0] == "server" else ["--db", str(tmp_path / "gwr.duckdb")]
    result = gwr(*(arg.format(tmp=tmp_path) for arg in command), *db, env={"GWR_LOCK_TIMEOUT": "soon"}, timeout=60)
    assert result.returncode == 1
    assert "GWR_LOCK_TIMEOUT must be a number from 0 to 86400, got 'soon'" in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 2 and "Traceback" not in result.stderr
    assert "starting a Prefect server" not in result.stderr


def test_serve_refuses_a_cron_that_is_not_one_before_starting_a_server(tmp_path: Path) -> None:
    result = gwr("serve", "--inbox", str(tmp_path / "inbox"), "--cron", "every tuesday", timeout=60)
    assert result.returncode == 1
    assert "--cron 'every tuesday' is not a cron schedule" in result.stderr and "Traceback" not in result.stderr
    assert "starting a Prefect server" not in result.stderr


def test_server_status_says_what_a_run_would_use(tmp_path: Path) -> None:
    result = gwr("server", "status", env={"PREFECT_HOME": str(tmp_path)})
    assert result.returncode == 0 and "gwr server start" in result.stdout
    assert os.listdir(tmp_path) == []  # asking writes nothing


@pytest.mark.parametrize(("named", "said"), [
    (["{tmp}/no-such-folder"], "nothing gwr can read was named: no such file or directory: {tmp}/no-such-folder"),
    (["{tmp}/table.csv"], ".csv files are not read"),
    (["{tmp}/pipe.txt", "{tmp}/typo"], "a pipe (FIFO)"),
    (["--prune", "{tmp}/moved-away"], "no such file or directory: {tmp}/moved-away"),
], ids=["missing-folder", "unsupported-file", "pipe-and-typo", "prune-a-folder-moved-away"])
def test_a_run_that_names_nothing_readable_fails_before_writing_anything(tmp_path: Path, named: list[str],
                                                                          said: str) -> None:
    """Issue 19: a missing path or one unsupported file exited 0 after making and publishing an empty warehouse."""
    (tmp_path / "table.csv").write_text("a,b\n")
    os.mkfifo(tmp_path / "pipe.txt")
    result = gwr("run", *(arg.format(tmp=tmp_path) for arg in named), "--db", str(tmp_path / "w" / "gwr.duckdb"),
                 timeout=60)
    assert result.returncode == 1
    assert said.format(tmp=tmp_path) in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 2 and "Traceback" not in result.stderr
    assert not (tmp_path / "w").exists()  # no warehouse, no snapshot, no lock file
