"""`gwr run` over an upgraded checkout re-extracts what an older extractor loaded, and says so.

The older extractor is this one with one cue row changed, put ahead of the checkout on
PYTHONPATH: the same code a user would have run before pulling the change. The checkout itself
is put on PYTHONPATH too, so the command runs this tree's code whichever tree it was installed from.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from settings import PROJECT_ROOT
from tests.helpers import SAMPLES, gwr
from tests.transforms.test_version import copy_of_the_extractor
from transforms import EXTRACTOR_VERSION
from warehouse import open_warehouse

pytestmark = pytest.mark.slow  # two runs of the real command, each with its own Prefect server


def versions(db: Path) -> list[tuple[str, int]]:
    with open_warehouse(db, read_only=True) as wh:
        return wh.query("select extractor_version, count(*) from dim_document group by all order by 1")[1]


def test_a_changed_cue_row_makes_the_next_run_reextract_and_say_so(tmp_path: Path) -> None:
    older = copy_of_the_extractor(tmp_path / "older" / "transforms")
    cues = older / "knowledge" / "data" / "cues.csv"
    cues.write_text(cues.read_text(encoding="utf-8").replace("target,力争\n", "target,力求\n", 1), encoding="utf-8")
    db, inputs = tmp_path / "gwr.duckdb", [str(p) for p in SAMPLES[:2]]

    before = gwr("run", *inputs, "--db", str(db), env={"PYTHONPATH": f"{older.parent}{os.pathsep}{PROJECT_ROOT}"})
    assert before.returncode == 0, before.stderr
    (old_version, loaded), = versions(db)
    assert old_version != EXTRACTOR_VERSION and loaded == 2

    after = gwr("run", *inputs, "--db", str(db), env={"PYTHONPATH": str(PROJECT_ROOT)})
    assert after.returncode == 0, after.stderr
    assert f"re-extracted 2 document(s) loaded by an older extractor (now {EXTRACTOR_VERSION})" in after.stdout
    assert versions(db) == [(EXTRACTOR_VERSION, 2)]
