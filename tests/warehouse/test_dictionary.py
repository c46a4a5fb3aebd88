"""The data dictionary: every table, view and column described, every row used, the page up to date."""

from __future__ import annotations

from pathlib import Path

import duckdb

from warehouse import open_warehouse
from warehouse.dictionary import ANY, catalog, comment_statements, describe, descriptions
from warehouse.docs import page
from warehouse.sqlfiles import VIEWS

DOCS = Path(__file__).resolve().parents[2] / "docs" / "warehouse.md"


def fresh_catalog() -> list[tuple[str, str, list[tuple[str, str]]]]:
    con = duckdb.connect()
    try:
        from warehouse.migrate import upgrade

        upgrade(con, Path(":memory:"))
        return catalog(con)
    finally:
        con.close()


def test_every_table_view_and_column_is_described() -> None:
    missing = [name for name, _, _ in fresh_catalog() if not describe(name)]
    missing += [f"{name}.{column}" for name, _, columns in fresh_catalog() for column, _ in columns
                if not describe(name, column)]
    assert missing == [], "describe these in warehouse/dictionary.csv"


def test_every_dictionary_row_describes_something_that_exists() -> None:
    relations = fresh_catalog()
    names = {name for name, _, _ in relations}
    columns = {(name, column) for name, _, cols in relations for column, _ in cols}
    column_names = {column for _, column in columns}
    unused = [key for key in descriptions()
              if not (key[1] == "" and key[0] in names)
              and not (key[0] == ANY and key[1] in column_names)
              and key not in columns]
    assert unused == [], "warehouse/dictionary.csv rows that describe nothing"


def test_descriptions_are_on_the_columns_a_bi_tool_reads(db_path: Path) -> None:
    with open_warehouse(db_path):
        pass
    with open_warehouse(db_path, read_only=True) as wh:
        _, rows = wh.query("select table_name, column_name, comment from duckdb_columns() "
                           "where database_name = current_database() and schema_name = 'main'")
        views = dict(wh.query("select view_name, comment from duckdb_views() where not internal")[1])
    assert all(comment for _, _, comment in rows)
    assert ("v_target_vs_actual", "met") in {(t, c) for t, c, _ in rows}
    assert views["v_target_vs_actual"] == describe("v_target_vs_actual")


def test_the_intermediate_views_are_described_in_their_schema(db_path: Path) -> None:
    with open_warehouse(db_path):
        pass
    with open_warehouse(db_path, read_only=True) as wh:
        views = dict(wh.query("select view_name, comment from duckdb_views() where schema_name = 'intermediate'")[1])
        _, rows = wh.query("select comment from duckdb_columns() where schema_name = 'intermediate'")
    assert views == {name: describe(f"intermediate.{name}") for name in VIEWS if name.startswith("int_")}
    assert rows and all(comment for (comment,) in rows)


def test_a_quote_in_a_description_stays_text() -> None:
    statements = comment_statements([("t", "table", [("c", "VARCHAR")])])
    assert statements == []  # nothing describes t
    assert comment_statements([("v_facts", "view", [("quote", "VARCHAR")])])[1].endswith(
        "is 'The words the figure was read from, exactly as in the raw text.'"
    )


def test_the_docs_page_is_rendered_from_the_dictionary() -> None:
    assert DOCS.read_text(encoding="utf-8") == page(), "run: python -m warehouse.docs docs/warehouse.md"
