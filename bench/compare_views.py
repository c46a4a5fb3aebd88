"""Prove a change to the views changed no row: compare every view of two warehouses, per view.

usage: python bench/compare_views.py BEFORE.duckdb AFTER.duckdb [--strict]

Load the same files into two warehouses, one with gwr before the change and one after it (or
let the new gwr upgrade a copy of the old file), then run this. For every view of BEFORE it
prints the rows of each side and how many rows one side has that the other lacks, counted as
multisets (`except all` both ways), and whether the column names, types and order are the same;
views only AFTER has are listed as new. It also checks that every table has the same columns in
the same order and, counted as multisets too, the same rows. Exit status 1 when anything differs.

Two loads of the same files differ in what says when and by which run a row was loaded; those
columns (RUN_DEPENDENT, and for tables TABLE_RUN_DEPENDENT) are left out of the row comparison,
and a table's run ids are compared as the run's place in `run_log` (first, second, ...), unless
`--strict` is given, which suits an upgraded copy of one file.
"""

from __future__ import annotations

import argparse
import sys

import duckdb

RUN_DEPENDENT = ("first_loaded_run", "loaded_at", "last_seen_at")
# A table's columns that say when, or with which settings, a run wrote a row, and those naming a run.
TABLE_RUN_DEPENDENT = ("loaded_at", "first_seen_at", "last_seen_at", "retired_at", "created_at", "synced_at",
                       "applied_at", "decided_at", "started_at", "finished_at", "seconds", "params", "flow_run_id")
RUN_IDS = ("run_id", "first_loaded_run", "first_seen_run", "last_seen_run", "retired_run")

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


def table_rows(db: str, name: str, columns: list[str], strict: bool) -> str:
    """A query of a table's rows as compared: run ids as the run's place in run_log, run-dependent columns left out."""
    if strict:
        return f"select * from {db}.main.{name}"
    shown = [f"(select n from runs_{db} where runs_{db}.run_id = t.{column}) as {column}"
             if column in RUN_IDS else f"t.{column}"
             for column in columns if column not in TABLE_RUN_DEPENDENT]
    return f"select {', '.join(shown)} from {db}.main.{name} as t"


def compare_table(con: duckdb.DuckDBPyConnection, name: str, strict: bool) -> tuple[bool, str]:
    """(same?, one line) for one table of the main schema present in both files."""
    before, after = columns(con, "before", "main", name), columns(con, "after", "main", name)
    if before != after:
        return False, "columns differ"
    names = [column for column, _ in before]
    a, b = table_rows("before", name, names, strict), table_rows("after", name, names, strict)
    rows = (count(con, f"select count(*) from before.main.{name}", {}),
            count(con, f"select count(*) from after.main.{name}", {}))
    only = (count(con, f"select count(*) from ({a} except all {b})", {}),
            count(con, f"select count(*) from ({b} except all {a})", {}))
    skipped = [column for column in names if column in TABLE_RUN_DEPENDENT and not strict]
    note = f"; not compared: {', '.join(skipped)}" if skipped else ""
    return only == (0, 0) and rows[0] == rows[1], (f"rows {rows[0]} / {rows[1]}, only before {only[0]}, only after "
                                                    f"{only[1]}, columns in the same order{note}")


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
    for db in ("before", "after"):
        con.execute(f"create temp table runs_{db} as "
                    f"select run_id, row_number() over (order by started_at) as n from {db}.main.run_log")
    for schema, name in relations(con, "before", "table"):
        same, line = compare_table(con, name, args.strict) if schema == "main" else (
            columns(con, "before", schema, name) == columns(con, "after", schema, name), "columns compared")
        all_same &= same
        print(f"{'same' if same else 'DIFFERENT':9} table {schema}.{name}: {line}")
    print("every view and table holds the same rows" if all_same else "SOMETHING DIFFERS")
    return 0 if all_same else 1


if __name__ == "__main__":
    sys.exit(main())
