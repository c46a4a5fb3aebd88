"""The SQL statements of the warehouse, read from the package's `.sql` files.

Python never writes SQL: it loads a file by its bare name (`sql("dml_insert_facts")`) and binds
parameters. Which folder of `sql/` a file sits in does not change its name; a name is unique
across the folders:

- `views/`: `v_*.sql`, the views BI tools and readers use, and `int_*.sql`, the intermediate views
  they are built from (schema `intermediate`, internal), one file each, installed in `VIEWS` order;
  tables are created and changed by `migrations/NNN_*.sql` (see `warehouse.migrate`);
- `dml/`: `dml_*.sql`, the statements the loader and the migration runner write with, and
  `schema_version.sql`, the runner's own table;
- `queries/`: `q_*.sql`, reads;
- `io/`: `export_*.sql` and `publish_*.sql`, what reads or writes other files; `reader_*.sql` and
  `writer_*.sql`, settings of a reading or writing connection;
- `tests/assert_*.sql` (beside `sql/`), data tests that must return zero rows.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

# Declared, not globbed: a new view must be placed deliberately after the views it reads.
VIEWS: tuple[str, ...] = (
    "int_latest_decisions",
    "int_reviewed_facts",
    "v_facts",
    "v_latest_facts",
    "int_latest_targets",
    "int_latest_results",
    "v_target_vs_actual",
    "v_targets_without_result",
    "v_results_without_target",
    "v_indicator_series",
    "v_conflicts",
    "v_cube",
    "v_documents",
    "v_review_decisions",
    "v_target_cascade",
    "v_revisions",
    "v_targets_absent",
)


@cache
def sql(name: str) -> str:
    """The text of `warehouse/sql/<folder>/<name>.sql`."""
    found = sql_files().get(name)
    if found is None:
        raise FileNotFoundError(f"no warehouse/sql/*/{name}.sql")
    return found.read_text(encoding="utf-8")


@cache
def sql_files() -> dict[str, Traversable]:
    """Every `.sql` file under `warehouse/sql/` by its bare name, in name order."""
    return index(resources.files("warehouse").joinpath("sql"))


def index(root: Traversable) -> dict[str, Traversable]:
    """The `.sql` files under `root`, in any folder, by file name without `.sql`; a name used twice is refused."""
    found: dict[str, tuple[str, Traversable]] = {}
    folders: list[tuple[str, Traversable]] = [("", root)]
    while folders:
        where, folder = folders.pop()
        for entry in folder.iterdir():
            if entry.is_dir():
                folders.append((f"{where}{entry.name}/", entry))
            elif entry.name.endswith(".sql"):
                name = entry.name.removesuffix(".sql")
                if name in found:
                    raise ValueError(f"two SQL files are named {entry.name}: {found[name][0]} and {where}{entry.name}")
                found[name] = (f"{where}{entry.name}", entry)
    return {name: found[name][1] for name in sorted(found)}


@cache
def data_tests() -> dict[str, str]:
    """Every `warehouse/tests/assert_*.sql`, by name without suffix, in name order."""
    folder = resources.files("warehouse").joinpath("tests")
    files = sorted(
        (entry for entry in folder.iterdir() if entry.name.startswith("assert_") and entry.name.endswith(".sql")),
        key=lambda entry: entry.name,
    )
    return {entry.name.removesuffix(".sql"): entry.read_text(encoding="utf-8") for entry in files}

