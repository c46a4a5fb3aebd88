"""The SQL statements of the warehouse, read from the package's `.sql` files.

Python never writes SQL: it loads a file by name and binds parameters. Files in `sql/`:

- DDL, one per table or view, run in `DDL_ORDER` (dimensions before the facts that reference
  them, tables before the views that read them);
- `dml_*.sql`, the statements the loader runs; `q_*.sql`, reads; `export_*.sql`, COPY statements;
- `tests/assert_*.sql`, data tests that must return zero rows.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

# Declared, not globbed: a new table must be placed deliberately relative to its dependencies.
DDL_ORDER: tuple[str, ...] = (
    "dim_document",
    "document_path",
    "dim_region",
    "dim_indicator",
    "dim_period",
    "fct_indicator_value",
    "quarantine",
    "ingest_errors",
    "run_log",
    "v_facts",
    "v_target_vs_actual",
    "v_documents",
)

TABLES: tuple[str, ...] = tuple(name for name in DDL_ORDER if not name.startswith("v_"))
VIEWS: tuple[str, ...] = tuple(name for name in DDL_ORDER if name.startswith("v_"))


@cache
def sql(name: str) -> str:
    """The text of `warehouse/sql/<name>.sql`."""
    return resources.files("warehouse").joinpath("sql", f"{name}.sql").read_text(encoding="utf-8")


@cache
def data_tests() -> dict[str, str]:
    """Every `warehouse/tests/assert_*.sql`, by name without suffix, in name order."""
    folder = resources.files("warehouse").joinpath("tests")
    files = sorted(
        (entry for entry in folder.iterdir() if entry.name.startswith("assert_") and entry.name.endswith(".sql")),
        key=lambda entry: entry.name,
    )
    return {entry.name.removesuffix(".sql"): entry.read_text(encoding="utf-8") for entry in files}
