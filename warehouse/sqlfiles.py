"""The SQL statements of the warehouse, read from the package's `.sql` files.

Python never writes SQL: it loads a file by name and binds parameters. Files in `sql/`:

- `v_*.sql`, one per view, installed in `VIEWS` order (a view after the views it reads);
  tables are created and changed by `migrations/NNN_*.sql` (see `warehouse.migrate`);
- `dml_*.sql`, the statements the loader runs; `q_*.sql`, reads; `export_*.sql`, COPY statements;
  `reader_*.sql` and `writer_*.sql`, settings of a reading or writing connection;
- `tests/assert_*.sql`, data tests that must return zero rows.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

# Declared, not globbed: a new view must be placed deliberately after the views it reads.
VIEWS: tuple[str, ...] = (
    "v_facts",
    "v_latest_facts",
    "v_target_vs_actual",
    "v_targets_without_result",
    "v_results_without_target",
    "v_indicator_series",
    "v_conflicts",
    "v_cube",
    "v_documents",
)


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
