"""Fixtures for the review tests: a warehouse of the bundled samples, loaded without Prefect, copied per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import copy_samples
from tests.review.helpers import load_folder


@pytest.fixture(scope="session")
def samples_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples decoded, extracted, validated and loaded as a run loads them (once per session)."""
    root = tmp_path_factory.mktemp("review_samples")
    load_folder(root / "gwr.duckdb", copy_samples(root / "inbox"))
    return root


@pytest.fixture
def samples_db(samples_template: Path, tmp_path: Path) -> Path:
    """A copy of the samples' warehouse for one test."""
    root = Path(shutil.copytree(samples_template, tmp_path / "samples"))
    return root / "gwr.duckdb"
