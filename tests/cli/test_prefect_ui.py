"""Prefect's UI, as a user opens it after `gwr server start` and a plain `gwr run`: the run and its log lines."""

from __future__ import annotations

import json
import shutil
import urllib.request
from pathlib import Path

import pytest

from tests.browser import chromium, screenshot_folder
from tests.helpers import SAMPLES, gwr

pytestmark = pytest.mark.slow  # starts a Prefect server


def test_the_ui_of_the_gwr_server_shows_the_last_run_with_its_log(tmp_path: Path) -> None:
    home = tmp_path / "prefect-home"
    home.mkdir()
    env = {"PREFECT_HOME": str(home), "PREFECT_API_URL": ""}
    started = gwr("server", "start", env=env)
    assert started.returncode == 0, started.stderr
    try:
        api_url = json.loads((home / "gwr-server.json").read_text(encoding="utf-8"))["api_url"]
        ui = api_url.removesuffix("/api")
        # The page asks the server where its API is: this server's, not Prefect's default port 4200.
        with urllib.request.urlopen(f"{ui}/ui-settings", timeout=30) as answer:
            assert json.load(answer)["api_url"] == api_url
        inbox = tmp_path / "inbox"
        inbox.mkdir()
        shutil.copy(SAMPLES[0], inbox)
        (inbox / "broken.pdf").write_bytes(b"%PDF-1.4 not a PDF after all")  # a file that fails alone
        run = gwr("run", str(inbox), "--db", str(tmp_path / "gwr.duckdb"), "--publish", "none", env=env)
        assert run.returncode == 0, run.stderr
        assert "facts loaded so far" not in run.stdout + run.stderr  # without -v the terminal shows the summary
        flow_run = json.loads(gwr("query", "select flow_run_id from run_log", "--db", str(tmp_path / "gwr.duckdb"),
                                  "-f", "json").stdout)["flow_run_id"]
        with chromium() as browser:
            page = browser.new_page(viewport={"width": 1400, "height": 1800})
            page.goto(f"{ui}/runs", wait_until="networkidle")
            page.get_by_text("gwr-pipeline").first.wait_for(timeout=60_000)
            assert "Can't connect" not in page.inner_text("body")
            page.goto(f"{ui}/runs/flow-run/{flow_run}", wait_until="networkidle")
            page.get_by_text(f"run {flow_run} completed").wait_for(timeout=60_000)  # the flow's last INFO line
            assert "facts loaded so far" in page.inner_text("body")
            assert "broken.pdf failed" in page.inner_text("body")  # and each failure, as a warning
            assert "This run didn't generate logs" not in page.inner_text("body")
            page.screenshot(path=str(screenshot_folder(tmp_path / "shots") / "prefect-ui-run.png"))
    finally:
        stopped = gwr("server", "stop", env=env)
        assert stopped.returncode == 0, stopped.stderr
