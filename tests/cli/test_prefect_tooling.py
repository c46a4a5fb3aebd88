"""Prefect's own CLI works against the server `gwr serve` starts, and the UI its links point at is served."""

from __future__ import annotations

import io
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from rich.console import Console

from gwr.server import start_server, stop_process_group

pytestmark = pytest.mark.slow
PREFECT = str(Path(sys.executable).with_name("prefect"))


def test_prefect_cli_and_ui_against_the_gwr_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "prefect-home").mkdir()
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect-home"))
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    said = io.StringIO()
    server = start_server(Console(file=said), 180)  # what `gwr serve`, `gwr server start` and `gwr run` start
    try:
        api_url = server.api_url
        env = {"PREFECT_API_URL": api_url, "PREFECT_HOME": str(tmp_path / "prefect-home"), "PATH": "/usr/bin:/bin"}
        # FastAPI >= 0.151 answered these with HTTP 422 under Prefect 3.8.
        for command in (["flow-run", "ls"], ["deployment", "ls"]):
            result = subprocess.run([PREFECT, *command], env=env, capture_output=True, text=True, timeout=120)
            assert result.returncode == 0, result.stdout + result.stderr
            assert "422" not in result.stdout + result.stderr
        ui = api_url.removesuffix("/api")
        request = urllib.request.Request(f"{ui}/deployments", headers={"Accept": "text/html"})
        with urllib.request.urlopen(request, timeout=30) as page:
            assert page.status == 200 and b"<html" in page.read(2000).lower()
    finally:
        stop_process_group(server.pid)
    assert f"Prefect UI: {ui}" in said.getvalue()
