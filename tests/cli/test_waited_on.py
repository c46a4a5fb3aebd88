"""`gwr run` runs its flow without Prefect's flow-run heartbeats, unless the user set their frequency."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# The heartbeat frequency the flow would run with, outside and inside `waited_on`, as a `gwr run` process sees it.
FREQUENCY = """
from prefect.settings import get_current_settings
from gwr.runner import waited_on
def frequency():
    return {"frequency": get_current_settings().flows.heartbeat_frequency}
print(frequency()["frequency"], waited_on(frequency)["frequency"], frequency()["frequency"])
"""


def frequencies(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if "HEARTBEAT" not in k}
    done = subprocess.run([sys.executable, "-c", FREQUENCY], cwd=REPO, env={**clean, **env},
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.split("\n")[-2]


def test_a_run_this_process_waits_on_sends_no_heartbeats() -> None:
    assert frequencies() == "180 None 180"  # Prefect's default since 3.8; none for the call alone


@pytest.mark.parametrize("name", ["PREFECT_FLOWS_HEARTBEAT_FREQUENCY", "PREFECT_RUNNER_HEARTBEAT_FREQUENCY"])
def test_a_frequency_the_user_set_is_kept(name: str) -> None:
    assert frequencies(**{name: "60"}) == "60 60 60"
