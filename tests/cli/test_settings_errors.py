"""A bad GWR_* value is one sentence and exit 1 from every command that reads settings, checked in-process (fast)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from gwr.cli import app
from settings import NUMBERS, SettingsError

COMMANDS = {
    "run": ["run", "{tmp}"], "query": ["query", "select 1"], "export": ["export", "{tmp}/out"],
    "export-facts": ["export", "--out", "{tmp}/facts.csv"], "report": ["report", "--out", "{tmp}/r.html"],
    "serve": ["serve", "--inbox", "{tmp}/inbox", "--interval", "60"], "server-start": ["server", "start"],
}


def said(variable: str) -> str:
    """What the settings say of `variable`=nan, in the words of its own check."""
    number = next(number for number in NUMBERS.values() if number.env == variable)
    with pytest.raises(SettingsError) as refused:
        number.check("nan", variable)
    return str(refused.value)


@pytest.mark.parametrize("variable", [number.env for number in NUMBERS.values()])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_says_a_bad_variable_in_one_sentence(tmp_path: Path, command: str, variable: str) -> None:
    """Issue 19: `gwr query` / `export` / `report` printed a traceback (ValueError: GWR_LOCK_TIMEOUT must be…)."""
    args = [arg.format(tmp=tmp_path) for arg in COMMANDS[command]]
    db = [] if command == "server-start" else ["--db", str(tmp_path / "gwr.duckdb")]
    result = CliRunner().invoke(app, [*args, *db], env={variable: "nan", "PREFECT_HOME": str(tmp_path / "home")})
    assert (result.exit_code, result.stderr.strip()) == (1, f"error: {said(variable)}")
    assert isinstance(result.exception, SystemExit)  # typer's exit, no traceback
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # nothing made: no warehouse, no Prefect home
