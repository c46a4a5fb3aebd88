"""Schema versions: numbered `.sql` migrations, applied in order, each once, recorded in the file.

`warehouse/migrations/NNN_<what>.sql` hold every table's DDL and every later change to it.
001–009 are the tables as released before versions existed (f2ef4ed), written with
`if not exists`, so a warehouse of that release takes them as no-ops and then the later
changes. After them a migration that changes `run_log`, the record of runs, takes the next
free number of 100–199, and any other the next free number of 010–099 (warehouse/README.md
says why); the runner applies whatever numbers exist in ascending order. A migration
renumbered to follow that rule is listed in RENUMBERED: a file that recorded its old name has
applied it. Views are not migrated: they are derived, so the writer re-creates them from
`warehouse/sql/views/` (and the data dictionary's comments) whenever they differ from what the
file holds (a fingerprint in `schema_views`).
Write each migration so that running it twice changes nothing (`if not exists`).

Only `gwr run` upgrades. A reader of a file that lacks a migration says
"run `gwr run` to upgrade it" instead of failing later on a missing column.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from pathlib import Path

import duckdb

from warehouse.dictionary import apply_comments
from warehouse.errors import NotAWarehouse, WarehouseOutdated
from warehouse.sqlfiles import VIEWS, sql

MIGRATION_NAME = re.compile(r"^(?P<number>\d{3})_(?P<what>[a-z0-9_]+)\.sql$")
VERSION_TABLE = "schema_version"
# Tables every gwr warehouse has had since the first release: how an unversioned file is recognised.
BASELINE_TABLES = frozenset({"dim_document", "document_path", "fct_indicator_value", "run_log"})
# Migrations given a new number to follow the numbering rule, by the name an older gwr recorded ->
# their name now; the text is byte for byte the same. Never remove a row: a file written before
# the renumbering may be upgraded by any later gwr.
RENUMBERED: dict[str, str] = {
    "013_run_log_message.sql": "100_run_log_message.sql",
    "201_dim_document_published.sql": "017_dim_document_published.sql",
}


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    text: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@cache
def migrations() -> tuple[Migration, ...]:
    """Every `migrations/NNN_*.sql`, in number order; two files with one number are refused."""
    folder = resources.files("warehouse").joinpath("migrations")
    found: dict[int, Migration] = {}
    for entry in folder.iterdir():
        match = MIGRATION_NAME.match(entry.name)
        if not match:
            continue
        number = int(match["number"])
        if number in found:
            raise ValueError(f"two migrations are numbered {number:03d}: {found[number].name} and {entry.name}")
        found[number] = Migration(number, entry.name, entry.read_text(encoding="utf-8"))
    return tuple(found[number] for number in sorted(found))


def views_text() -> str:
    """The view definitions the writer installs, in dependency order."""
    return "\n;\n".join(sql(name) for name in VIEWS)


def upgrade(con: duckdb.DuckDBPyConnection, path: Path) -> list[str]:
    """Apply missing migrations, then views and the data dictionary, in one transaction; return migrations applied.

    Refuses a file that holds someone else's tables before writing anything to it.
    """
    check_is_gwr(con, path)
    now = datetime.now(UTC).replace(tzinfo=None)
    con.begin()
    try:
        con.execute(sql(VERSION_TABLE))
        _renumber(con)
        applied = _applied(con)
        _refuse_newer(applied, path)
        done = []
        for migration in migrations():
            if migration.version in applied:
                continue
            con.execute(migration.text)
            con.execute(sql("dml_record_migration"), {"version": migration.version, "name": migration.name,
                                                       "sha256": migration.sha256, "now": now})
            done.append(migration.name)
        fingerprint = derived_fingerprint()
        if done or _stored_fingerprint(con) != fingerprint:
            con.execute(views_text())
            apply_comments(con)  # after the views: re-creating a view drops its comments
            con.execute(sql("dml_set_views_fingerprint"), {"fingerprint": fingerprint, "now": now})
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return done


def check_is_gwr(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Raise `NotAWarehouse` when the file holds tables and none of them says it is a gwr warehouse."""
    tables = _tables(con)
    if VERSION_TABLE not in tables and tables and not tables >= BASELINE_TABLES:
        raise NotAWarehouse(f"{path} is a DuckDB file with other tables: not a gwr warehouse")


def derived_fingerprint() -> str:
    """sha256 of what the writer derives rather than migrates: view definitions, the data dictionary
    and the migrations they sit on."""
    dictionary = resources.files("warehouse").joinpath("dictionary.csv").read_text(encoding="utf-8")
    parts = [views_text(), dictionary, *(m.name for m in migrations())]
    return hashlib.sha256("\n\x00".join(parts).encode("utf-8")).hexdigest()


def _stored_fingerprint(con: duckdb.DuckDBPyConnection) -> str | None:
    rows = con.execute(sql("q_views_fingerprint")).fetchall()
    return rows[0][0] if rows else None


def check_current(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """For readers: raise unless every migration this gwr knows is applied to the file."""
    tables = _tables(con)
    if VERSION_TABLE not in tables:
        if tables >= BASELINE_TABLES:
            raise WarehouseOutdated(
                f"warehouse {path} was written by an older gwr (no schema version); run `gwr run` to upgrade it"
            )
        if tables:
            raise NotAWarehouse(f"{path} is a DuckDB file with other tables: not a gwr warehouse")
        raise NotAWarehouse(f"{path} is an empty DuckDB file: no gwr warehouse yet; run `gwr run PATH` first")
    applied = _applied(con)
    _refuse_newer(applied, path)
    missing = [m.name for m in migrations() if m.version not in applied]
    if missing:
        raise WarehouseOutdated(
            f"warehouse {path} was written by an older gwr (lacks {', '.join(missing)}); run `gwr run` to upgrade it"
        )


def _refuse_newer(applied: dict[int, str], path: Path) -> None:
    known = {m.version for m in migrations()}
    newer = sorted(set(applied) - known)
    if newer:
        raise WarehouseOutdated(
            f"warehouse {path} was written by a newer gwr (schema versions {', '.join(map(str, newer))}); "
            "upgrade gwr to use it"
        )


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {name for (name,) in con.execute(sql("q_user_tables")).fetchall()}


def _applied(con: duckdb.DuckDBPyConnection) -> dict[int, str]:
    """Applied migrations by number, a renumbered one under its number now (a reader may hold a file
    no writer has renumbered yet)."""
    applied = {}
    for version, name, _ in con.execute(sql("q_schema_versions")).fetchall():
        if name in RENUMBERED:
            name = RENUMBERED[name]
            version = _number(name)
        applied[version] = name
    return applied


def _renumber(con: duckdb.DuckDBPyConnection) -> None:
    """Record renumbered migrations under their number and name now, keeping when they were applied."""
    for old, new in RENUMBERED.items():
        con.execute(sql("dml_renumber_migration"),
                    {"old_version": _number(old), "old_name": old, "version": _number(new), "name": new})


def _number(name: str) -> int:
    """The number of a migration's file name.

    >>> _number("100_run_log_message.sql")
    100
    """
    return int(name[:3])
