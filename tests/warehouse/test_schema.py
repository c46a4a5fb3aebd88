"""The DDL: declared order, idempotent, every SQL file accounted for."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from warehouse import open_warehouse
from warehouse.sqlfiles import DDL_ORDER, TABLES, VIEWS, data_tests

STATEMENT_PREFIXES = ("dml_", "q_", "export_")


def test_ddl_applies_twice_without_change(db_path: Path) -> None:
    with open_warehouse(db_path) as wh:
        first = wh.table_counts()
        objects = wh.query("select table_name from information_schema.tables order by table_name")[1]
    with open_warehouse(db_path) as wh:
        assert wh.table_counts() == first
    assert {name for (name,) in objects} == set(DDL_ORDER)
    assert set(first) == set(TABLES)
    assert first["dim_period"] > 0 and all(first[name] == 0 for name in TABLES if name != "dim_period")


def test_every_sql_file_is_declared_or_a_named_statement() -> None:
    files = {
        entry.name.removesuffix(".sql")
        for entry in resources.files("warehouse").joinpath("sql").iterdir()
        if entry.name.endswith(".sql")
    }
    ddl = {name for name in files if not name.startswith(STATEMENT_PREFIXES)}
    assert ddl == set(DDL_ORDER), "a DDL file must be placed in DDL_ORDER"
    assert DDL_ORDER.index("dim_document") < DDL_ORDER.index("fct_indicator_value")
    assert all(DDL_ORDER.index(view) > DDL_ORDER.index(table) for view in VIEWS for table in TABLES)


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


def test_an_older_run_log_gains_new_columns(db_path: Path) -> None:
    with open_warehouse(db_path) as wh:
        wh.query("alter table run_log drop column docs_duplicate")
    with open_warehouse(db_path) as wh:
        wh.start_run("run-1", None, {})
        wh.finish_run("run-1", "completed", {"docs_duplicate": 2})
        assert wh.query("select docs_duplicate from run_log")[1] == [(2,)]
