"""Shared pytest fixtures. Keep this small: stage-specific fixtures live beside their tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.bad_inputs import Case, build_many_files, build_matrix

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


@pytest.fixture(scope="session")
def sample_text() -> str:
    """The smallest bundled report, as text: enough for every case, quick to render to PDF."""
    smallest = min(sorted(SAMPLES.glob("*.txt")), key=lambda p: p.stat().st_size)
    return smallest.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory, sample_text: str) -> dict[str, Case]:
    """The bad-input matrix (tests/fixtures/bad_inputs.py), written once per session, by case id."""
    cases = build_matrix(tmp_path_factory.mktemp("bad_inputs"), sample_text)
    return {case.id: case for case in cases}


@pytest.fixture(scope="session")
def many_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of 10,000 tiny files, built only when a test asks for it."""
    return build_many_files(tmp_path_factory.mktemp("many_files"))
