"""The house a reader walks into, checked: no function past grade C, no module past 300 lines, settings in one place.

CONVENTIONS.md ("Size and hygiene"): a long module or a tangled function is a stage hiding
inside another. ruff checks the finer limits (C901 at 15, six parameters); the package
layers are checked by `lint-imports` (.importlinter), both in `make lint`.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from radon.complexity import cc_rank, cc_visit

from settings import PROJECT_ROOT

PACKAGES = ("gwr", "flows", "reports", "review", "validation", "warehouse", "schemas", "ingest", "transforms",
            "settings", "bench")
MAX_COMPLEXITY = 20  # radon's grade C ends here; D and worse is a function to split
MAX_LINES = 300
# The environment read for a GWR_* variable, by its name ("GWR_…") or through settings' names for it
# (`LOCK_TIMEOUT.env`, `DB_ENV`): os.environ[…], os.environ.get(…), os.getenv(…).
READS_GWR_VARIABLE = re.compile(r"""\b(environ|getenv)\b[^\n]*(["']GWR_|\.env\b|_ENV\b)""")


def modules() -> Iterator[Path]:
    """Every .py file of the project outside tests/."""
    for package in PACKAGES:
        yield from sorted((PROJECT_ROOT / package).rglob("*.py"))


def blocks(path: Path) -> Iterator[tuple[str, int]]:
    """(name, complexity) of every function, method, closure and class in `path`, as `radon cc` lists them."""
    todo = list(cc_visit(path.read_text(encoding="utf-8")))
    while todo:
        block = todo.pop()
        todo += getattr(block, "methods", []) + getattr(block, "closures", [])
        yield block.fullname, block.complexity


def test_every_package_is_walked() -> None:
    found = {path.relative_to(PROJECT_ROOT).parts[0] for path in modules()}
    assert found == set(PACKAGES)
    top = {path.name for path in PROJECT_ROOT.iterdir() if (path / "__init__.py").is_file()}
    assert top - {"tests"} <= set(PACKAGES), "a new package: add it to PACKAGES and to .importlinter"


def test_no_function_is_past_grade_c() -> None:
    tangled = [f"{path.relative_to(PROJECT_ROOT)}: {name} ({complexity}, grade {cc_rank(complexity)})"
               for path in modules() for name, complexity in blocks(path) if complexity > MAX_COMPLEXITY]
    assert tangled == []


def test_no_module_is_past_300_lines() -> None:
    long = [f"{path.relative_to(PROJECT_ROOT)}: {n} lines" for path in modules()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES]
    assert long == []


def test_only_settings_reads_a_gwr_variable() -> None:
    readers = [str(path.relative_to(PROJECT_ROOT)) for path in modules()
               if READS_GWR_VARIABLE.search(path.read_text(encoding="utf-8"))]
    assert readers == ["settings/environment.py"]


def test_the_flow_reads_no_environment_and_takes_required_typed_parameters() -> None:
    pytest.importorskip("prefect")
    from flows.pipeline import gwr_pipeline
    from settings.options import RunOptions

    assert [path for path in sorted((PROJECT_ROOT / "flows").rglob("*.py"))
            if re.search(r"\bos\.environ\b|\bgetenv\(", path.read_text(encoding="utf-8"))] == []
    parameters = inspect.signature(gwr_pipeline.fn).parameters.values()
    assert [(p.name, p.annotation, p.default is inspect.Parameter.empty) for p in parameters] == [
        ("paths", list[str], True), ("options", RunOptions, True)]
