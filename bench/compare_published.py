"""Prove a change to publishing changed nothing a reader sees: compare two snapshots of one warehouse.

usage: python bench/compare_published.py BEFORE.duckdb AFTER.duckdb

Publish the same warehouse twice, with gwr before the change and after it, then run this on the two
snapshot files. It compares:

- the snapshot files: every table and view of every schema (`intermediate` too), as multisets of
  rows (`except all` both ways), with their column names, types and order; the catalog around them:
  view definitions, constraints (primary and foreign keys), and the comments on tables, views and
  columns;
- the Parquet folders beside them (`<stem>-parquet/`): the same file names, and for each file the
  same columns (names, types, order) and the same multiset of rows.

Prints one line per relation and per file; exit status 1 when anything differs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

RELATIONS = """
select schema_name, view_name as name from duckdb_views() where database_name = $db and not internal
union all
select schema_name, table_name from duckdb_tables() where database_name = $db
order by all
"""
COLUMNS = """
select column_name, data_type, comment from duckdb_columns()
where database_name = $db and schema_name = $schema and table_name = $name
order by column_index
"""
CATALOG = {
    "views": "select schema_name, view_name, sql, comment from duckdb_views() "
             "where database_name = $db and not internal order by all",
    "tables": "select schema_name, table_name, comment, has_primary_key from duckdb_tables() "
              "where database_name = $db order by all",
    "constraints": "select schema_name, table_name, constraint_type, constraint_text from duckdb_constraints() "
                   "where database_name = $db order by all",
}
ONE_SIDE_ONLY = "select count(*) from (select * from query_table($a) except all select * from query_table($b))"
ROWS = "select count(*) from query_table($relation)"
PARQUET_ONLY = "select count(*) from (select * from read_parquet($a) except all select * from read_parquet($b))"
PARQUET_ROWS = "select count(*) from read_parquet($path)"
PARQUET_DESCRIBE = "select column_name, column_type from (describe select * from read_parquet($path))"


def one(con: duckdb.DuckDBPyConnection, statement: str, params: dict[str, object]) -> int:
    return con.execute(statement, params).fetchall()[0][0]


def compare_relation(con: duckdb.DuckDBPyConnection, schema: str, name: str) -> tuple[bool, str]:
    before, after = (con.execute(COLUMNS, {"db": db, "schema": schema, "name": name}).fetchall()
                     for db in ("before", "after"))
    a, b = f"before.{schema}.{name}", f"after.{schema}.{name}"
    rows = (one(con, ROWS, {"relation": a}), one(con, ROWS, {"relation": b}))
    if before != after:
        return False, f"rows {rows[0]} / {rows[1]}; COLUMNS DIFFER: {before} vs {after}"
    only = (one(con, ONE_SIDE_ONLY, {"a": a, "b": b}), one(con, ONE_SIDE_ONLY, {"a": b, "b": a}))
    same = only == (0, 0) and rows[0] == rows[1]
    return same, f"rows {rows[0]} / {rows[1]}, only before {only[0]}, only after {only[1]}, {len(before)} columns"


def compare_parquet(con: duckdb.DuckDBPyConnection, a: Path, b: Path) -> tuple[bool, str]:
    before, after = (con.execute(PARQUET_DESCRIBE, {"path": str(p)}).fetchall() for p in (a, b))
    rows = (one(con, PARQUET_ROWS, {"path": str(a)}), one(con, PARQUET_ROWS, {"path": str(b)}))
    if before != after:
        return False, f"rows {rows[0]} / {rows[1]}; COLUMNS DIFFER: {before} vs {after}"
    only = (one(con, PARQUET_ONLY, {"a": str(a), "b": str(b)}), one(con, PARQUET_ONLY, {"a": str(b), "b": str(a)}))
    same = only == (0, 0) and rows[0] == rows[1]
    return same, f"rows {rows[0]} / {rows[1]}, only before {only[0]}, only after {only[1]}, {len(before)} columns"


def compare_files(con: duckdb.DuckDBPyConnection) -> bool:
    ok = True
    for part, statement in CATALOG.items():
        same = con.execute(statement, {"db": "before"}).fetchall() == con.execute(statement, {"db": "after"}).fetchall()
        ok &= same
        print(f"{'same' if same else 'DIFFERENT':9s} catalog: {part}")
    names = [con.execute(RELATIONS, {"db": db}).fetchall() for db in ("before", "after")]
    if names[0] != names[1]:
        before, after = set(names[0]), set(names[1])
        print(f"DIFFERENT relations: only before {before - after}, only after {after - before}")
        ok = False
    for schema, name in sorted(set(names[0]) & set(names[1])):
        same, line = compare_relation(con, schema, name)
        ok &= same
        print(f"{'same' if same else 'DIFFERENT':9s} {schema}.{name}: {line}")
    return ok


def compare_folders(con: duckdb.DuckDBPyConnection, before: Path, after: Path) -> bool:
    files = [sorted(p.name for p in folder.glob("*.parquet")) for folder in (before, after)]
    ok = files[0] == files[1]
    if not ok:
        print(f"DIFFERENT Parquet files: only before {set(files[0]) - set(files[1])}, "
              f"only after {set(files[1]) - set(files[0])}")
    for name in sorted(set(files[0]) & set(files[1])):
        same, line = compare_parquet(con, before / name, after / name)
        ok &= same
        print(f"{'same' if same else 'DIFFERENT':9s} parquet {name}: {line}")
    return ok


def main() -> int:
    before, after = (Path(arg).resolve() for arg in sys.argv[1:3])
    con = duckdb.connect()
    con.execute("attach $path as before (read_only)", {"path": str(before)})
    con.execute("attach $path as after (read_only)", {"path": str(after)})
    ok = compare_files(con)
    ok &= compare_folders(con, *(p.with_name(f"{p.stem}-parquet") for p in (before, after)))
    print("SAME: every relation, catalog entry and Parquet file" if ok else "DIFFERENCES FOUND")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
