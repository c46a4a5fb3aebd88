"""Settings resolved from flags and GWR_* variables: each bad value is one sentence naming where it came from."""

from __future__ import annotations

import pytest

from settings import SettingsError, from_environment
from settings.options import RunOptions
from settings.variables import WORKERS_PER_CORE, cores, most_workers


def test_workers_are_capped_at_a_few_per_core(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """Issue 19: --workers 1000 was accepted; one document then took 86 s and 15 GB of memory."""
    monkeypatch.delenv("GWR_WORKERS", raising=False)
    most = WORKERS_PER_CORE * cores()
    assert from_environment(tmp_path / "w.duckdb", workers=most).workers == most
    with pytest.raises(SettingsError, match=rf"^--workers must be at most {most} \(4 per core, and this machine "
                                            rf"has {cores()}\), got 1000$"):
        from_environment(tmp_path / "w.duckdb", workers=1000)
    monkeypatch.setenv("GWR_WORKERS", str(most + 1))
    with pytest.raises(SettingsError, match=rf"^GWR_WORKERS must be at most {most} "):
        from_environment(tmp_path / "w.duckdb")
    # A deployment's parameters were checked on no machine in particular: its run starts no more than the cap.
    assert RunOptions(db=tmp_path / "w.duckdb", workers=1000).worker_count == most_workers()
    assert RunOptions(db=tmp_path / "w.duckdb").worker_count == cores()
