"""Exports for tools: every table and view to Parquet, CSV or JSON lines, and v_facts to one file.

`gwr export DIR --format parquet|csv|jsonl` writes one file per table and view, and a
`datapackage.json` (a Frictionless Data Package) that gives every column's type and
description, so a tool that guesses types from CSV (pandas reads 130607 as a number) can be
told that a code is text. Rows come in a stable order; source paths are relative to the folder
the documents were loaded from, which the package names. `--excel` writes CSV with a
byte-order mark, without which Excel reads UTF-8 Chinese as mojibake.

The package validates with frictionless (`frictionless validate datapackage.json`, which
tests/warehouse/test_export.py runs on every format). Three things make that so: a list
(v_documents.current_paths) is written to CSV as JSON text, as Table Schema's `array` reads
it, where DuckDB would write `[a, b]`; in Parquet it stays a list, which frictionless reads
as a NumPy array, not a JSON one, so it is declared `any` there (`gwr_type` keeps the type),
and an integer column counts pandas' NaN as missing, which is how a null reaches frictionless;
and an empty table of a JSON-lines export is described by its header, inline, because
frictionless cannot read an empty JSON-lines file (the empty file is written all the same).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from warehouse.errors import OutputUnwritable
from warehouse.excel import excel_safe
from warehouse.files import atomic_file, ensure_folder, private_folder, publish_file
from warehouse.sqlfiles import sql

if TYPE_CHECKING:
    import pyarrow as pa

FORMATS: dict[str, str] = {"parquet": ".parquet", "csv": ".csv", "jsonl": ".jsonl"}
UTF8_BOM = b"\xef\xbb\xbf"
# DuckDB types -> Table Schema types (https://specs.frictionlessdata.io/table-schema/).
TABLE_SCHEMA_TYPES: dict[str, str] = {
    "VARCHAR": "string", "INTEGER": "integer", "BIGINT": "integer", "DOUBLE": "number", "BOOLEAN": "boolean",
    "TIMESTAMP": "datetime", "JSON": "object", "VARCHAR[]": "array", "DATE": "date",
}
FACT_EXPORTS: dict[str, str] = {".csv": "csv", ".jsonl": "jsonl", ".parquet": "parquet"}
LIST_TYPE = "VARCHAR[]"
# frictionless reads Parquet through pandas, where a null in an integer column becomes NaN.
PARQUET_MISSING = ["", "nan"]


@dataclass(frozen=True, slots=True)
class Writing:
    """How every file of one export is written: its format, the folder source paths are made relative to, and
    whether Excel's byte-order mark leads a CSV."""

    fmt: str
    root: str
    excel: bool = False


def export_all(
    con: duckdb.DuckDBPyConnection, folder: Path, fmt: str, *, excel: bool = False, only: list[str] | None = None
) -> dict[str, int]:
    """Write every table and view (or those in `only`) to `folder` in `fmt`; return rows written by name."""
    if fmt not in FORMATS:
        raise ValueError(f"cannot export as {fmt!r}: formats are {', '.join(FORMATS)}")
    if excel and fmt != "csv":
        raise ValueError("--excel writes CSV for Excel: use it with --format csv")
    relations = {name: (kind, comment) for name, kind, comment in con.execute(sql("q_relations")).fetchall()}
    chosen = only or list(relations)
    unknown = [name for name in chosen if name not in relations]
    if unknown:
        raise ValueError(f"no table or view named {', '.join(unknown)}; there are {', '.join(relations)}")
    ensure_folder(folder)
    how = Writing(fmt, source_root(con), excel)
    columns = _columns(con)
    written = {name: _write(con, name, columns[name], folder / f"{name}{FORMATS[fmt]}", how) for name in chosen}
    package = data_package(relations, columns, written, fmt, how.root)
    with atomic_file(folder / "datapackage.json") as fh:
        fh.write(json.dumps(package, ensure_ascii=False, indent=2).encode("utf-8"))
    return written


def export_facts(con: duckdb.DuckDBPyConnection, out: Path) -> int:
    """Write `v_facts` to one file in the format its suffix names; return rows written."""
    fmt = FACT_EXPORTS.get(out.suffix.lower())
    if fmt is None:
        raise ValueError(f"cannot export to {out.name}: supported suffixes are {', '.join(FACT_EXPORTS)}")
    if out.is_dir():
        raise OutputUnwritable(f"cannot export to {out}: it is a folder; give a file name, e.g. {out / 'facts.csv'}")
    return _write(con, "v_facts", _columns(con)["v_facts"], out, Writing(fmt, source_root(con)))


def source_root(con: duckdb.DuckDBPyConnection) -> str:
    """The folder every loaded path lies under (with a trailing separator), or '' when there is none."""
    paths = [path for (path,) in con.execute(sql("q_source_paths")).fetchall()]
    if not paths:
        return ""
    root = os.path.commonpath(paths)
    if len(paths) == 1 or root in paths:  # one file: its folder is the root
        root = os.path.dirname(root)
    return root.rstrip(os.sep) + os.sep if root and root != os.sep else ""


def data_package(
    relations: dict[str, tuple[str, str | None]], columns: dict[str, list[tuple[str, str, str | None]]],
    written: dict[str, int], fmt: str, root: str,
) -> dict:
    """A Frictionless Data Package describing the exported files."""
    return {
        "name": "gwr-warehouse",
        "description": "gwr warehouse export: indicator figures from government work reports",
        "gwr_source_root": root,
        "resources": [_resource(name, relations[name], columns[name], rows, fmt) for name, rows in written.items()],
    }


def _resource(name: str, relation: tuple[str, str | None], columns: list[tuple[str, str, str | None]], rows: int,
              fmt: str) -> dict:
    """One table or view of the package: its file (or, empty in JSON lines, its header inline) and schema."""
    path = f"{name}{FORMATS[fmt]}"
    where: dict = {"data": [[column for column, _, _ in columns]], "gwr_path": path} if fmt == "jsonl" and not rows \
        else {"path": path, "format": fmt}
    fields = [_field(column, data_type, comment, fmt) for column, data_type, comment in columns]
    return {"name": name, **where, "description": relation[1] or "", "gwr_kind": relation[0], "gwr_rows": rows,
            "schema": {"fields": fields}}


def _field(column: str, data_type: str, comment: str | None, fmt: str) -> dict:
    """A column as a Table Schema field; `gwr_type` is DuckDB's type."""
    field_type = TABLE_SCHEMA_TYPES.get(data_type, "any")
    field: dict = {"name": column, "type": field_type, "description": comment or "", "gwr_type": data_type}
    if fmt == "parquet" and data_type == LIST_TYPE:
        field["type"] = "any"
    elif fmt == "parquet" and field_type == "integer":
        field["missingValues"] = PARQUET_MISSING
    return field


def _write(
    con: duckdb.DuckDBPyConnection, name: str, columns: list[tuple[str, str, str | None]], out: Path, how: Writing
) -> int:
    """One relation to `out`, built beside it and renamed into place; return rows written."""
    names = {column for column, _, _ in columns}
    statement = ("export_relation" if "path" in names else
                 "export_relation_paths" if "current_paths" in names else "export_relation_plain")
    params = {"relation": name, "root": how.root} if statement != "export_relation_plain" else {"relation": name}
    table = con.sql(sql(statement), params=params).to_arrow_table()
    if how.fmt == "jsonl":
        table = _types_up_front(table)
    elif how.fmt == "csv":
        table = _lists_as_json(table)
    if how.excel:
        table = excel_safe(table)
    con.register("incoming_export", table)
    # DuckDB names the file it writes: it writes in a folder made for this file alone (see warehouse.files).
    try:
        with private_folder(out) as work:
            built = work / out.name
            con.execute(sql(f"export_incoming_{how.fmt}"), {"out": str(built)})
            if how.excel:
                _prepend_bom(built)
            publish_file(built, out)
    finally:
        con.unregister("incoming_export")
    return table.num_rows


def _types_up_front(table: pa.Table) -> pa.Table:
    """Move, for every column, its first row with a value to the top.

    Tools that infer a JSON-lines schema from the first rows (polars reads 100) otherwise
    take a column null in all of them for a null column and fail on its first value.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    first = set()
    for column in table.columns:
        valid = pc.is_valid(column)
        index = pc.index(valid, True).as_py()
        if index >= 0:
            first.add(index)
    order = sorted(first) + [i for i in range(table.num_rows) if i not in first]
    return table.take(pa.array(order, type=pa.int64()))


def _lists_as_json(table: pa.Table) -> pa.Table:
    """Every list column as JSON text (["a.txt", "b.txt"]): how a CSV cell holds an array for Table Schema."""
    import pyarrow as pa

    for index, field in enumerate(table.schema):
        if pa.types.is_list(field.type):
            text = [None if value is None else json.dumps(value, ensure_ascii=False)
                    for value in table.column(index).to_pylist()]
            table = table.set_column(index, field.name, pa.array(text, type=pa.string()))
    return table


def _prepend_bom(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(UTF8_BOM + data)


def _columns(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[str, str, str | None]]]:
    out: dict[str, list[tuple[str, str, str | None]]] = {}
    for table, column, data_type, comment in con.execute(sql("q_columns")).fetchall():
        out.setdefault(table, []).append((column, data_type, comment))
    return out
