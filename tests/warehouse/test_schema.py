"""The schema: migrations applied once each and in order, views declared, every SQL file accounted for."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import duckdb
import pytest

from tests.helpers import table_counts
from warehouse import NotAWarehouse, WarehouseOutdated, open_warehouse
from warehouse.migrate import RENUMBERED, migrations
from warehouse.sqlfiles import VIEWS, data_tests, index, sql, sql_files

STATEMENT_PREFIXES = ("dml_", "q_", "export_", "reader_", "writer_", "publish_")
VIEW_PREFIXES = ("v_", "int_")
FOLDER_PREFIXES = {"views": VIEW_PREFIXES, "dml": ("dml_",), "queries": ("q_",),
                   "io": ("export_", "publish_", "reader_", "writer_")}
TABLE_CHANGED = re.compile(r"\b(?:create|alter)\s+table\s+(?:if\s+not\s+exists\s+)?(\w+)", re.IGNORECASE)
TABLES = {"dim_document", "document_path", "dim_region", "dim_indicator", "dim_period", "fct_indicator_value",
          "quarantine", "ingest_errors", "document_warnings", "run_log", "schema_version", "schema_views",
          "dimension_sync", "unit_conversion", "review_decision", "decision_span"}
SEEDED = {"dim_period", "dim_region", "unit_conversion"}


def objects(wh_path: Path) -> set[str]:
    with open_warehouse(wh_path, read_only=True) as wh:
        return {name for (name,) in wh.query("select table_name from information_schema.tables")[1]}


def test_a_new_warehouse_gets_every_migration_once(db_path: Path) -> None:
    with open_warehouse(db_path) as wh:
        first = table_counts(wh)
        versions = wh.query("select version from schema_version order by version")[1]
    with open_warehouse(db_path) as wh:
        assert table_counts(wh) == first
        assert wh.query("select version from schema_version order by version")[1] == versions
    assert [v for (v,) in versions] == [m.version for m in migrations()]
    assert objects(db_path) == TABLES | set(VIEWS)
    # Seeded by their migrations: the closed set of periods, the country (全国), which no region list has,
    # and the rates between base units.
    assert first["dim_period"] > 0 and first["dim_region"] == 1
    assert all(n == 0 for name, n in first.items() if name not in SEEDED)


def test_migrations_are_numbered_files_applied_in_number_order() -> None:
    numbers = [m.version for m in migrations()]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    assert all(m.name.startswith(f"{m.version:03d}_") for m in migrations())
    assert numbers[:9] == list(range(1, 10)), "001-009 are the tables as released before versions"


def test_migrations_follow_the_numbering_rule() -> None:
    # After the first release's 001-009: a change to run_log takes 100-199, any other 010-099.
    for migration in migrations():
        tables = {name.lower() for name in TABLE_CHANGED.findall(migration.text)}
        if migration.version >= 100:
            assert migration.version < 200 and tables == {"run_log"}, migration.name
        elif migration.version >= 10:
            assert "run_log" not in tables, migration.name
    names = {m.name for m in migrations()}
    assert set(RENUMBERED.values()) <= names and not set(RENUMBERED) & names, "RENUMBERED names old -> current"


def test_every_sql_file_is_a_view_or_a_named_statement() -> None:
    folders = {
        entry.name.removesuffix(".sql"): folder.name
        for folder in resources.files("warehouse").joinpath("sql").iterdir()
        for entry in folder.iterdir()
        if entry.name.endswith(".sql")
    }
    files = set(folders)
    assert files == set(sql_files()), "sql() finds every file, by its name alone"
    views = {name for name in files if name.startswith(VIEW_PREFIXES)}
    assert views == set(VIEWS), "a view must be placed in VIEWS"
    others = files - views - {"schema_version"}
    assert all(name.startswith(STATEMENT_PREFIXES) for name in others), sorted(others)
    misplaced = {name: folder for name, folder in folders.items()
                 if not name.startswith(FOLDER_PREFIXES[folder]) and (name, folder) != ("schema_version", "dml")}
    assert misplaced == {}, "each statement sits in the folder of its kind (warehouse/README.md)"


def test_a_statement_name_is_unique_across_the_folders(tmp_path: Path) -> None:
    for folder in ("dml", "io"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "dml_same.sql").write_text("select 1", encoding="utf-8")
    with pytest.raises(ValueError, match=r"two SQL files are named dml_same\.sql"):
        index(tmp_path)  # type: ignore[arg-type]
    assert sql("dml_insert_facts") == (resources.files("warehouse") / "sql" / "dml" / "dml_insert_facts.sql"
                                       ).read_text(encoding="utf-8")


def test_periods_cover_the_fact_spellings(db_path: Path) -> None:
    with open_warehouse(db_path) as wh:
        _, rows = wh.query("select period, label_zh, start_month, end_month from dim_period")
    periods = {row[0]: row[1:] for row in rows}
    assert periods["FY"] == ("全年", 1, 12)
    assert periods["Q1-Q3"] == ("前三季度", 1, 9)
    assert periods["M1-M10"] == ("1-10月", 1, 10)
    assert {"H1", "H2", "Q1", "Q1-Q2", "M1-M1", "M1-M12"} <= set(periods)


def test_data_tests_are_found() -> None:
    assert len(data_tests()) >= 8
    assert all(name.startswith("assert_") for name in data_tests())


def test_a_lost_migration_makes_readers_ask_for_an_upgrade(db_path: Path) -> None:
    with open_warehouse(db_path):
        pass
    con = duckdb.connect(str(db_path))
    con.execute("delete from schema_version where version = (select max(version) from schema_version)")
    con.close()
    with (
        pytest.raises(WarehouseOutdated, match=r"run `gwr run` to upgrade it"),
        open_warehouse(db_path, read_only=True),
    ):
        pass
    with open_warehouse(db_path):  # the writer re-applies it (every migration is safe to repeat)
        pass
    assert "schema_version" in objects(db_path)


def test_a_schema_newer_than_this_gwr_is_refused(db_path: Path) -> None:
    with open_warehouse(db_path):
        pass
    con = duckdb.connect(str(db_path))
    con.execute("insert into schema_version values (999, '999_future.sql', 'x', now())")
    con.close()
    for read_only in (True, False):
        with pytest.raises(WarehouseOutdated, match="newer gwr"), open_warehouse(db_path, read_only=read_only):
            pass


def test_another_programs_duckdb_file_is_refused_before_anything_is_written(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    con = duckdb.connect(str(db_path))
    con.execute("create table sales (region varchar, amount double)")
    con.execute("insert into sales values ('万州区', 1.5)")
    con.close()
    before = db_path.read_bytes()
    for read_only in (False, True):
        with (
            pytest.raises(NotAWarehouse, match="is a DuckDB file with other tables: not a gwr warehouse"),
            open_warehouse(db_path, read_only=read_only),
        ):
            pass
    assert db_path.read_bytes() == before
