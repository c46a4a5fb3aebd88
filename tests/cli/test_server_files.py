"""The files gwr keeps in PREFECT_HOME for its Prefect server: never written through a link planted at their names."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from gwr.server import Server, _new_log, record, state_file


def test_the_servers_state_and_log_never_write_through_a_planted_link(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 19: temporary and log files followed planted symlinks (report, export, publish, logs)."""
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    state_file().symlink_to(victim)
    record(Server("http://127.0.0.1:1/api", 123, None))
    assert not state_file().is_symlink() and json.loads(state_file().read_text())["pid"] == 123

    log = tmp_path / "home" / "gwr-server-1.log"
    for plant in (lambda: log.symlink_to(victim), lambda: os.link(victim, log)):
        plant()
        os.close(_new_log(log))
        assert victim.read_text() == "keep me" and log.stat().st_size == 0 and not log.is_symlink()
        log.unlink()
