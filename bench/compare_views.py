"""Prove a change to the views changed no row: compare every view of two warehouses, per view.

usage: python bench/compare_views.py BEFORE.duckdb AFTER.duckdb [--strict]

Load the same files into two warehouses, one with gwr before the change and one after it (or
let the new gwr upgrade a copy of the old file), then run this. For every view of BEFORE it
prints the rows of each side and how many rows one side has that the other lacks, counted as
multisets (`except all` both ways), and whether the column names, types and order are the same;
views only AFTER has are listed as new. It also checks that every table has the same columns in
the same order. Exit status 1 when anything differs.

Two loads of the same files differ in what says when and by which run a row was loaded; those
columns (RUN_DEPENDENT) are left out of the row comparison unless `--strict` is given, which
suits an upgraded copy of one file.
"""

from __future__ import annotations

import argparse
import sys

import duckdb

RUN_DEPENDENT = ("first_loaded_run", "loaded_at", "last_seen_at")

RELATIONS = """
select schema_name, view_name as name, 'view' as kind from duckdb_views()
where database_name = $db and not internal
union all
select schema_name, table_name, 'table' from duckdb_tables()
where database_name = $db
order by kind, schema_name, name
"""
COLUMNS = """
select column_name, data_type from duckdb_columns()
where database_name = $db and schema_name = $schema and table_name = $name
order by column_index
"""
ONE_SIDE_ONLY = """
select count(*) from (
    select columns(lambda c: not list_contains($skip, c)) from query_table($a)
    except all
    select columns(lambda c: not list_contains($skip, c)) from query_table($b)
)
"""
ROWS = "select count(*) from query_table($relation)"


def relations(con: duckdb.DuckDBPyConnection, db: str, kind: str) -> list[tuple[str, str]]:
    return [(schema, name) for schema, name, k in con.execute(RELATIONS, {"db": db}).fetchall() if k == kind]


def columns(con: duckdb.DuckDBPyConnection, db: str, schema: str, name: str) -> list[tuple[str, str]]:
    return con.execute(COLUMNS, {"db": db, "schema": schema, "name": name}).fetchall()


def count(con: duckdb.DuckDBPyConnection, statement: str, params: dict[str, object]) -> int:
    return con.execute(statement, params).fetchall()[0][0]


def compare_view(con: duckdb.DuckDBPyConnection, schema: str, name: str, skip: list[str]) -> tuple[bool, str]:
    """(same?, one line) for one view present in both files."""
    before, after = columns(con, "before", schema, name), columns(con, "after", schema, name)
    a, b = f"before.{schema}.{name}", f"after.{schema}.{name}"
    rows = (count(con, ROWS, {"relation": a}), count(con, ROWS, {"relation": b}))
    if before != after:
        return False, f"rows {rows[0]} / {rows[1]}; COLUMNS DIFFER: {before} vs {after}"
    skipped = [column for column, _ in before if column in skip]
    only = (count(con, ONE_SIDE_ONLY, {"a": a, "b": b, "skip": skip}),
            count(con, ONE_SIDE_ONLY, {"a": b, "b": a, "skip": skip}))
    same = only == (0, 0) and rows[0] == rows[1]
    note = f"; not compared: {', '.join(skipped)}" if skipped else ""
    return same, (f"rows {rows[0]} / {rows[1]}, only before {only[0]}, only after {only[1]}, "
                  f"{len(before)} columns same{note}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--strict", action="store_true", help="compare every column, run-dependent ones too")
    args = parser.parse_args()
    skip = [] if args.strict else list(RUN_DEPENDENT)
    con = duckdb.connect()
    con.execute("attach $path as before (read_only)", {"path": args.before})
    con.execute("attach $path as after (read_only)", {"path": args.after})
    all_same = True
    after_views = set(relations(con, "after", "view"))
    for schema, name in relations(con, "before", "view"):
        if (schema, name) not in after_views:
            same, line = False, "MISSING after the change"
        else:
            same, line = compare_view(con, schema, name, skip)
        all_same &= same
        print(f"{'same' if same else 'DIFFERENT':9} view  {schema}.{name}: {line}")
    for schema, name in sorted(after_views - set(relations(con, "before", "view"))):
        print(f"{'new':9} view  {schema}.{name}: rows {count(con, ROWS, {'relation': f'after.{schema}.{name}'})}")
    for schema, name in relations(con, "before", "table"):
        same = columns(con, "before", schema, name) == columns(con, "after", schema, name)
        all_same &= same
        print(f"{'same' if same else 'DIFFERENT':9} table {schema}.{name}: columns in the same order"
              if same else f"DIFFERENT table {schema}.{name}: columns differ")
    print("every view returns the same rows" if all_same else "SOMETHING DIFFERS")
    return 0 if all_same else 1


if __name__ == "__main__":
    sys.exit(main())
