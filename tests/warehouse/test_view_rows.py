"""The views' rows computed once each, in a database of their own, for the snapshot's Parquet files of views."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.helpers import copy_samples
from tests.review.helpers import decide, load_folder
from warehouse.sqlfiles import sql
from warehouse.view_rows import materialise_views, one_create_view

RELATIONS = """
select schema_name, {kind}_name from duckdb_{kind}s() where database_name = $db and not internal order by all
"""


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples loaded, with a rejected fact and an edited one."""
    root = tmp_path_factory.mktemp("view_rows")
    db = root / "gwr.duckdb"
    load_folder(db, copy_samples(root / "inbox"))
    decide(db, "税收收入44.6亿元", "reject")
    decide(db, "社会消费品零售总额470.6亿元", "edit", year=2022)
    return db


def test_every_view_of_the_warehouse_becomes_a_table_of_the_same_rows(reviewed: Path) -> None:
    with duckdb.connect() as con:
        con.execute(sql("publish_attach_warehouse"), {"path": str(reviewed)})
        con.execute(sql("publish_attach_view_rows"))
        materialise_views(con)
        views = con.execute(RELATIONS.format(kind="view"), {"db": "gwr"}).fetchall()
        assert len(views) == 17
        assert con.execute(RELATIONS.format(kind="table"), {"db": "view_rows"}).fetchall() == views
        assert con.execute(RELATIONS.format(kind="view"), {"db": "view_rows"}).fetchall() == []
        for schema, name in views:
            rows, view = f"view_rows.{schema}.{name}", f"gwr.{schema}.{name}"
            columns = "select column_name, column_type from (describe select * from query_table($r))"
            assert con.execute(columns, {"r": rows}).fetchall() == con.execute(columns, {"r": view}).fetchall()
            for first, second in ((rows, view), (view, rows)):
                extra = con.execute("select count(*) from (select * from query_table($a) except all "
                                    "select * from query_table($b))", {"a": first, "b": second}).fetchall()
                assert extra == [(0,)], (first, second)
        # base tables are the warehouse's, found through the search path
        assert con.execute("select count(*) from query_table('dim_document')").fetchall() == [(5,)]


@pytest.mark.parametrize("text", ["CREATE VIEW v AS SELECT 1; DROP TABLE t;", "CREATE TABLE t AS SELECT 1;",
                                  "COPY (SELECT 1) TO '/tmp/x.csv';"])
def test_a_definition_is_run_only_when_it_is_one_create_view_statement(text: str) -> None:
    with duckdb.connect() as con, pytest.raises(ValueError, match="not one CREATE VIEW"):
        one_create_view(con, text)
