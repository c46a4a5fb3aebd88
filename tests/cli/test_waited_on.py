"""`gwr run` runs its flow without Prefect's flow-run heartbeats, unless the user set their frequency."""

from __future__ import annotations

import pytest
from prefect.settings import get_current_settings

from gwr.runner import waited_on


def heartbeat() -> dict:
    return {"frequency": get_current_settings().flows.heartbeat_frequency}


def test_a_run_this_process_waits_on_sends_no_heartbeats(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PREFECT_FLOWS_HEARTBEAT_FREQUENCY", "PREFECT_RUNNER_HEARTBEAT_FREQUENCY"):
        monkeypatch.delenv(name, raising=False)
    assert heartbeat()["frequency"] == 180  # Prefect's default since 3.8
    assert waited_on(heartbeat) == {"frequency": None}
    assert heartbeat()["frequency"] == 180  # only for the call


@pytest.mark.parametrize("name", ["PREFECT_FLOWS_HEARTBEAT_FREQUENCY", "PREFECT_RUNNER_HEARTBEAT_FREQUENCY"])
def test_a_frequency_the_user_set_is_kept(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setenv(name, "60")
    assert waited_on(heartbeat) == heartbeat()
