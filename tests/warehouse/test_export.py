"""Exports: v_facts to one file, every table and view to a folder, in the shapes tools read."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
import pytest

from tests.helpers import load_document
from warehouse import open_warehouse
from warehouse.errors import OutputUnwritable

FACT_FIELDS = ["doc", "region", "year", "period", "indicator", "measure", "kind", "value", "unit", "qualifier", "quote"]
Doc = tuple[dict[str, Any], pd.DataFrame]


@pytest.fixture
def loaded(db_path: Path, doc_001: Doc, doc_000: Doc) -> Path:
    with open_warehouse(db_path) as wh:
        for (doc, facts), where in ((doc_001, "wanzhou/2024"), (doc_000, "wanzhou/2025")):
            load_document(wh, "run-1", doc, [f"/corpus/{where}/{doc['doc']}"], facts, None)
        wh.start_run("run-1", None, {"paths": ["/corpus"]})
    return db_path


def export_facts(db: Path, out: Path) -> int:
    with open_warehouse(db, read_only=True, allowed_dirs=[out.parent]) as wh:
        return wh.export_facts(out)


def export(db: Path, folder: Path, fmt: str, **options: Any) -> dict[str, int]:
    with open_warehouse(db, read_only=True, allowed_dirs=[folder]) as wh:
        return wh.export(folder, fmt, **options)


def test_facts_csv_reads_back_with_dictreader(loaded: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "facts.csv"
    assert export_facts(loaded, out) == 5
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 5 and set(FACT_FIELDS) <= set(rows[0])
    gdp = next(row for row in rows if row["quote"] == "实现地区生产总值1179.4亿元")
    assert (gdp["doc"], gdp["region"], gdp["year"], gdp["value"], gdp["unit"]) == (
        "001_4fe08f7bbbc0cf7d.txt", "万州区", "2023", "1179.4", "亿元"
    )
    assert gdp["path"] == "2024/001_4fe08f7bbbc0cf7d.txt"  # relative to the folder loaded, /corpus/wanzhou
    assert not list(out.parent.glob(".*partial*"))


def test_facts_parquet_keeps_types(loaded: Path, tmp_path: Path) -> None:
    out = tmp_path / "facts.parquet"
    assert export_facts(loaded, out) == 5
    frame = pd.read_parquet(out)
    assert set(FACT_FIELDS) <= set(frame.columns)
    assert frame["year"].dtype.kind == "i" and frame["value"].dtype.kind == "f"
    assert frame["region_code"].map(type).eq(str).all()  # a code is text, not 500101.0


def test_unknown_suffix_names_the_supported_ones(loaded: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.csv, \.jsonl, \.parquet"):
        export_facts(loaded, tmp_path / "facts.xlsx")


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_every_table_and_view_is_exported_with_a_data_package(loaded: Path, tmp_path: Path, fmt: str) -> None:
    folder = tmp_path / fmt
    written = export(loaded, folder, fmt)
    with open_warehouse(loaded, read_only=True) as wh:
        names = {name for (name,) in wh.query(
            "select table_name from information_schema.tables where table_schema = 'main'")[1]}
    assert set(written) == names
    assert {p.name for p in folder.iterdir()} == {f"{name}.{fmt}" for name in names} | {"datapackage.json"}
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["gwr_source_root"] == "/corpus/wanzhou/"
    fields = {(r["name"], f["name"]): f["type"] for r in package["resources"] for f in r["schema"]["fields"]}
    assert fields[("v_facts", "region_code")] == "string" and fields[("v_facts", "value")] == "number"
    assert {r["name"]: r["gwr_rows"] for r in package["resources"]}["fct_indicator_value"] == 5


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_frictionless_validates_the_data_package_of_every_format(loaded: Path, tmp_path: Path, fmt: str) -> None:
    frictionless = pytest.importorskip("frictionless", reason="frictionless is not installed: `make install`")
    written = export(loaded, tmp_path / fmt, fmt)
    assert written["ingest_errors"] == 0 and written["v_documents"] == 2  # an empty table; a list per row
    report = frictionless.validate(str(tmp_path / fmt / "datapackage.json"))
    assert report.valid, [(task.name, error.note) for task in report.tasks for error in task.errors][:5]
    package = json.loads((tmp_path / fmt / "datapackage.json").read_text(encoding="utf-8"))
    resources = {resource["name"]: resource for resource in package["resources"]}
    if fmt == "csv":  # a list is JSON text, as Table Schema's array reads it
        with (tmp_path / fmt / "v_documents.csv").open(encoding="utf-8", newline="") as fh:
            paths = json.loads(next(csv.DictReader(fh))["current_paths"])
        assert len(paths) == 1 and paths[0].endswith(".txt")
    if fmt == "jsonl":  # frictionless cannot read an empty JSON-lines file: the empty table's header is inline
        empty = resources["ingest_errors"]
        assert empty["data"] == [[field["name"] for field in empty["schema"]["fields"]]]
        assert (tmp_path / fmt / empty["gwr_path"]).read_bytes() == b""


def test_codes_are_text_in_every_format(loaded: Path, tmp_path: Path) -> None:
    for fmt in ("parquet", "csv", "jsonl"):
        export(loaded, tmp_path / fmt, fmt)
    assert pq.read_table(tmp_path / "parquet" / "dim_region.parquet").schema.field("adcode").type == "string"
    lines = (tmp_path / "jsonl" / "v_facts.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["region_code"] for line in lines} == {"500101"}
    # CSV carries no types; the data package tells pandas which columns are text.
    package = json.loads((tmp_path / "csv" / "datapackage.json").read_text(encoding="utf-8"))
    facts = next(r for r in package["resources"] if r["name"] == "v_facts")
    text = {f["name"]: "string" for f in facts["schema"]["fields"] if f["type"] == "string"}
    frame = pd.read_csv(tmp_path / "csv" / "v_facts.csv", dtype=text)
    assert frame["region_code"].tolist() == ["500101"] * 5


def test_excel_csv_starts_with_a_byte_order_mark(loaded: Path, tmp_path: Path) -> None:
    export(loaded, tmp_path / "x", "csv", excel=True, only=["v_facts"])
    data = (tmp_path / "x" / "v_facts.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfdoc,region,") and "万州区".encode() in data


def test_jsonl_is_typed_with_every_column_valued_early(loaded: Path, tmp_path: Path) -> None:
    export(loaded, tmp_path, "jsonl", only=["v_facts", "fct_indicator_value"])
    rows = [json.loads(line) for line in (tmp_path / "v_facts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {type(row["value"]) for row in rows} == {float} and {type(row["year"]) for row in rows} == {int}
    # Schema-inferring readers (polars reads the first 100 lines) must see a value of every column that has one.
    valued = {key for row in rows for key, value in row.items() if value is not None}
    early = {key for row in rows[: len(rows[0])] for key, value in row.items() if value is not None}
    assert valued == early and "value_base" in valued


def test_an_unknown_relation_or_format_is_refused(loaded: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no table or view named v_nothing"):
        export(loaded, tmp_path, "csv", only=["v_nothing"])
    with pytest.raises(ValueError, match="formats are parquet, csv, jsonl"):
        export(loaded, tmp_path, "xlsx")


def test_excel_neutralises_cells_a_spreadsheet_would_run(db_path: Path, doc_001: Doc, tmp_path: Path) -> None:
    """Issue 19: a title `=cmd|' /C calc'!A0` went verbatim into the --excel CSV (OWASP: prefix a ')."""
    doc, facts = doc_001
    with open_warehouse(db_path) as wh:
        load_document(wh, "run-1", {**doc, "title": "=cmd|' /C calc'!A0"}, ["/corpus/=HYPERLINK(1).txt"], facts, None)
    export(db_path, tmp_path / "excel", "csv", excel=True, only=["dim_document", "v_facts"])
    export(db_path, tmp_path / "plain", "csv", only=["dim_document"])
    for_excel = next(csv.DictReader((tmp_path / "excel" / "dim_document.csv").read_text("utf-8-sig").splitlines()))
    plain = next(csv.DictReader((tmp_path / "plain" / "dim_document.csv").read_text("utf-8").splitlines()))
    assert for_excel["title"] == "'=cmd|' /C calc'!A0" and plain["title"] == "=cmd|' /C calc'!A0"
    facts_rows = list(csv.DictReader((tmp_path / "excel" / "v_facts.csv").read_text("utf-8-sig").splitlines()))
    assert {row["path"] for row in facts_rows} == {"'=HYPERLINK(1).txt"}  # relative to /corpus/, then made safe
    assert {row["value"] for row in facts_rows} >= {"6.9"}  # numbers stay numbers
    every_cell = [cell for row in facts_rows for cell in row.values()]
    assert not [cell for cell in every_cell if cell[:1] in ("=", "+", "@")]


def test_an_export_never_writes_through_a_planted_link(loaded: Path, tmp_path: Path) -> None:
    """Issue 19: the fixed temporary name `.v_facts.csv.partial` could be a symlink the export wrote through."""
    out, victim = tmp_path / "out", tmp_path / "victim.txt"
    out.mkdir()
    victim.write_text("keep me")
    for name in (".v_facts.csv.partial", ".datapackage.json.partial", "dim_period.csv"):
        (out / name).symlink_to(victim)
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / ".facts.csv.partial").symlink_to(victim)
    export(loaded, out, "csv", only=["v_facts", "dim_period"])
    export_facts(loaded, tmp_path / "one" / "facts.csv")
    assert victim.read_text() == "keep me"
    assert not (out / "dim_period.csv").is_symlink()  # a link at the target's own name is replaced, not followed
    assert sorted(p.name for p in out.iterdir() if not p.is_symlink()) == ["datapackage.json", "dim_period.csv",
                                                                           "v_facts.csv"]  # nothing left behind


def test_an_export_onto_a_file_is_one_sentence(loaded: Path, tmp_path: Path) -> None:
    """Issue 19: `gwr export FILE` said "[Errno 17] File exists"."""
    (tmp_path / "taken").write_text("x")
    with pytest.raises(OutputUnwritable, match=f"^cannot write into {tmp_path / 'taken'}: it is a file, not a folder$"):
        export(loaded, tmp_path / "taken", "csv")
    with pytest.raises(OutputUnwritable, match=f"{tmp_path / 'taken'} is a file, not a folder$"):
        export(loaded, tmp_path / "taken" / "sub", "csv")
    (tmp_path / "facts.csv").mkdir()
    with pytest.raises(OutputUnwritable, match="it is a folder; give a file name"):
        export_facts(loaded, tmp_path / "facts.csv")
    assert (tmp_path / "taken").read_text() == "x"
