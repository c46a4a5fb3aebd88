"""Loading a batch: one transaction of set-based statements, leaving what loading each document alone leaves.

The documents are real: the bundled samples (and, when ../shared is beside the project, a
few reports and news from it), extracted and validated as a flow does.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from tests.fixtures.documents import partly_scanned_pdf, text_pdf_bytes
from tests.helpers import (
    SAMPLES,
    load_document,
    processed,
    run_data_tests,
    shared_texts,
    sync_indicators,
    sync_regions,
    table_counts,
)
from transforms.knowledge import lexicon, regions
from validation.batch import check_batch
from warehouse import Warehouse, open_warehouse
from warehouse.loads import BatchLoad, DocumentLoad, segments

SHARED_TEXTS = (
    "corpus-large/a_130607_2020.txt",
    "corpus-large/c_national_2009.txt",
    "corpus-news/g01_fujian_news_2022.txt",
    "corpus-news/n003_zhejiang_bulletin_2023.txt",
)
# Set by the database, not by what was loaded.
CLOCK_COLUMNS = {"loaded_at", "created_at", "first_seen_at", "last_seen_at", "retired_at"}
RUN_COLUMNS = {"run_id", "first_loaded_run", "first_seen_run", "last_seen_run", "retired_run"}
# A revision whose figures validation quarantines: an impossible rate and one figure given two values.
REVISION = "\n附:修订版。2024年全区城镇调查失业率为150%。全区地区生产总值增长5.5%、6.1%。\n"
TABLES = ("dim_document", "document_path", "dim_region", "fct_indicator_value", "quarantine",
          "document_warnings", "ingest_errors")


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, DocumentLoad]:
    """Real documents ready to load, by file name: the samples, texts of ../shared, and edited versions of two."""
    folder = tmp_path_factory.mktemp("inbox")
    files = [Path(p) for p in SAMPLES] + shared_texts(folder / "shared", SHARED_TEXTS)
    edited = []
    for source in (SAMPLES[0], SAMPLES[4]):  # the same names with other bytes: new versions of those paths
        target = folder / "edited" / source.name
        target.parent.mkdir(exist_ok=True)
        target.write_text(source.read_text(encoding="utf-8") + REVISION, encoding="utf-8")
        edited.append(target)
    checked = check_batch(processed(files + edited))
    assert not checked.rejected
    units = {f"edited/{Path(u.paths[0]).name}" if "edited" in u.paths[0] else Path(u.paths[0]).name: u
             for u in checked.units}
    assert sum(len(u.quarantine) for u in units.values()) > 0, "some real rows are quarantined"
    return units


def at(unit: DocumentLoad, *paths: str, warnings: list[tuple[str, str]] | None = None) -> DocumentLoad:
    """The document as read from other paths."""
    return replace(unit, paths=list(paths), warnings=list(warnings if warnings is not None else unit.warnings))


def snapshot(wh: Warehouse, *, runs: bool = True) -> dict[str, list[tuple]]:
    """Every loaded table's rows, sorted, without the clock (and, unless `runs`, without run ids)."""
    out = {}
    for table in TABLES:
        names = wh.query(f"select * from {table} limit 0")[0]
        keep = [n for n in names if n not in CLOCK_COLUMNS and (runs or n not in RUN_COLUMNS)]
        out[table] = sorted(wh.query(f"select {', '.join(keep)} from {table}")[1], key=repr)
    return out


def one_by_one(wh: Warehouse, run_id: str, units: list[DocumentLoad]) -> int:
    """Today's way before batches: a transaction per document, then its warnings."""
    facts = 0
    for unit in units:
        facts += load_document(wh, run_id, unit.document, unit.paths, unit.facts, unit.quarantine)
        for stage, message in unit.warnings:
            wh.record_warning(run_id, unit.paths[0], unit.doc_id, stage, message)
    return facts


@pytest.fixture(params=["regions synced", "regions not synced"])
def two(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Warehouse, Warehouse]]:
    """Two fresh warehouses with the lexicon, and the region list synced as a flow does or empty so that loads
    add regions."""
    with open_warehouse(tmp_path / "a.duckdb") as a, open_warehouse(tmp_path / "b.duckdb") as b:
        for wh in (a, b):
            sync_indicators(wh, pd.DataFrame(lexicon.indicator_rows()))
            if request.param == "regions synced":
                sync_regions(wh, pd.DataFrame(regions.region_rows()))
        yield a, b


def test_a_batch_leaves_what_loading_each_document_alone_leaves(
    two: tuple[Warehouse, Warehouse], batch: dict[str, DocumentLoad]
) -> None:
    alone, together = two
    names = [name for name in batch if not name.startswith("edited/")]
    first = [at(batch[name], f"/in/{name}", warnings=[("decode", "PDF page 3 has no text layer")] if i == 1 else [])
             for i, name in enumerate(names)]
    facts = one_by_one(alone, "run-1", first)
    loaded = together.load_documents("run-1", first)
    assert loaded.failures == [] and loaded.loaded == [unit.doc_id for unit in first]
    assert loaded.facts == facts > 0
    assert loaded.quarantined == sum(len(unit.quarantine) for unit in first)
    assert snapshot(together) == snapshot(alone)

    # A second run: a path with new bytes, a document under a second name, a reload, one content
    # twice in the batch, and a path that changes and changes back within the batch.
    s0, s1, s2, s3, s4 = (sample.name for sample in SAMPLES)
    second = [
        at(batch[f"edited/{s0}"], f"/in/{s0}"),
        at(batch[s1], f"/in/{s1}", f"/in/copy/{s1}"),
        at(batch[s2], f"/in/{s2}"),
        at(batch[s3], f"/in/{s3}"),
        at(batch[s3], f"/in/again/{s3}"),
        at(batch[f"edited/{s4}"], f"/in/{s4}"),
        at(batch[s4], f"/in/{s4}"),
        *(at(batch[name], f"/in/{name}") for name in names[5:]),
    ]
    facts = one_by_one(alone, "run-2", second)
    loaded = together.load_documents("run-2", second)
    assert loaded.failures == [] and loaded.facts == facts
    assert loaded.quarantined == sum(len(unit.quarantine) for unit in second) > 0
    assert snapshot(together) == snapshot(alone)
    assert set(run_data_tests(together).values()) == {0}


def test_a_region_code_the_dimension_lacks_resolves_names_of_later_documents(
    two: tuple[Warehouse, Warehouse], batch: dict[str, DocumentLoad]
) -> None:
    # The first document names a region by a code dim_region does not hold; loading it adds the
    # region, after which the second document's bare name resolves to that code.
    s0, s1 = SAMPLES[0].name, SAMPLES[1].name
    coded = batch[s0].facts.assign(region="试验新区", region_code="999901")
    named = batch[s1].facts.assign(region="试验新区", region_code=None)
    units = [replace(at(batch[s0], f"/in/{s0}"), facts=coded), replace(at(batch[s1], f"/in/{s1}"), facts=named)]
    alone, together = two
    one_by_one(alone, "run-1", units)
    together.load_documents("run-1", units)
    assert snapshot(together) == snapshot(alone)
    assert together.query("select distinct region_key from fct_indicator_value")[1] == [("999901",)]


def test_a_flows_batch_is_one_segment(batch: dict[str, DocumentLoad]) -> None:
    units = [at(unit, f"/in/{name}") for name, unit in batch.items()]

    def parts(given: list[DocumentLoad], **how: bool) -> list[int]:
        return [len(s) for s in segments(BatchLoad.of(given)[0], **how)]

    assert parts(units) == [len(units)]
    s0 = SAMPLES[0].name
    twice = [units[0], at(batch[s0], f"/in/other/{s0}"), units[1], at(batch[s0], f"/in/{s0}")]
    assert parts(twice) == [1, 2, 1]
    assert parts(units[:3], one_by_one=True) == [1, 1, 1]


def broken(unit: DocumentLoad, **values: Any) -> DocumentLoad:
    """The document with its first fact's columns set to `values`."""
    facts = unit.facts.copy()
    for column, value in values.items():
        facts[column] = facts[column].astype(object)
        facts.iloc[0, facts.columns.get_loc(column)] = value
    return replace(unit, facts=facts)


def test_a_document_that_fails_in_a_batch_fails_alone(tmp_path: Path, batch: dict[str, DocumentLoad]) -> None:
    s0, s1, s2, s3, _ = (sample.name for sample in SAMPLES)
    good = [at(batch[s0], f"/in/{s0}"), at(batch[s3], f"/in/{s3}")]
    no_indicator = broken(at(batch[s1], f"/in/{s1}"), indicator=None)  # NOT NULL, found by the database
    malformed = replace(at(batch[s2], f"/in/{s2}"), facts=batch[s2].facts.drop(columns=["quote"]))
    with open_warehouse(tmp_path / "a.duckdb") as wh, open_warehouse(tmp_path / "b.duckdb") as reference:
        loaded = wh.load_documents("run-1", [good[0], no_indicator, malformed, good[1]])
        one_by_one(reference, "run-1", good)

        assert loaded.loaded == [unit.doc_id for unit in good]
        assert {(f.path, f.error_class) for f in loaded.failures} == {
            (f"/in/{s1}", "ConstraintException"), (f"/in/{s2}", "ValueError")}
        assert all("could not be loaded" in f.message and f.path in f.message for f in loaded.failures)
        errors = wh.query("select path, sha256, stage, error_class from ingest_errors order by path")[1]
        assert errors == [(f"/in/{s1}", batch[s1].doc_id, "load", "ConstraintException"),
                          (f"/in/{s2}", batch[s2].doc_id, "load", "ValueError")]
        # Nothing of the two failed documents, everything of the others.
        assert {k: v for k, v in snapshot(wh).items() if k != "ingest_errors"} == {
            k: v for k, v in snapshot(reference).items() if k != "ingest_errors"}
        assert loaded.facts == sum(len(wh.query("select 1 from fct_indicator_value where doc_id = ?",
                                                [unit.doc_id])[1]) for unit in good)

        # A reload that fails keeps that document's previous load; the rest of the batch reloads.
        before = snapshot(wh, runs=False)
        again = wh.load_documents("run-2", [good[0], broken(good[1], value=None)])
        assert again.loaded == [good[0].doc_id] and [f.path for f in again.failures] == [f"/in/{s3}"]
        after = snapshot(wh, runs=False)
        assert {k: v for k, v in after.items() if k != "ingest_errors"} == {
            k: v for k, v in before.items() if k != "ingest_errors"}


def test_reloading_a_batch_changes_nothing(tmp_path: Path, batch: dict[str, DocumentLoad]) -> None:
    units = [at(unit, f"/in/{name}") for name, unit in batch.items() if not name.startswith("edited/")]
    with open_warehouse(tmp_path / "gwr.duckdb") as wh:
        sync_regions(wh, pd.DataFrame(regions.region_rows()))
        first = wh.load_documents("run-1", units)
        before, counts, plain = snapshot(wh), table_counts(wh), snapshot(wh, runs=False)
        assert wh.load_documents("run-1", units).facts == first.facts
        assert snapshot(wh) == before
        # Another run changes no row but marks the paths as seen by it.
        again = wh.load_documents("run-2", units)
        assert (again.facts, again.quarantined, again.failures) == (first.facts, first.quarantined, [])
        assert table_counts(wh) == counts
        assert snapshot(wh, runs=False) == plain
        assert wh.query("select distinct last_seen_run from document_path")[1] == [("run-2",)]


def test_a_warning_is_recorded_with_the_stage_that_found_it(tmp_path: Path) -> None:
    """A PDF's pages without text are found by decoding; figures with no region or year to go to, by extracting."""
    unplaced = tmp_path / "x.txt"
    unplaced.write_text("上半年全市经济运行情况分析\n今年以来,全市上下攻坚克难,GDP实现1.5%的正增长。\n",
                        encoding="utf-8")
    scanned = tmp_path / "scanned.pdf"
    scanned.write_bytes(partly_scanned_pdf(text_pdf_bytes(SAMPLES[0].read_text(encoding="utf-8"))[0]))
    checked = check_batch(processed([unplaced, scanned]))
    with open_warehouse(tmp_path / "gwr.duckdb") as wh:
        wh.load_documents("run-1", checked.units)
        rows = wh.query("select path, stage, message from document_warnings")[1]
    stages = {(Path(path).name, stage) for path, stage, message in rows}
    assert ("x.txt", "extract") in stages and ("scanned.pdf", "decode") in stages
    for path, stage, message in rows:
        assert stage == ("decode" if "no text layer" in message else "extract"), (path, stage, message)
    assert [m for p, _, m in rows if p == str(unplaced)] == [
        "x.txt: names no region and no year of its own, and its file name gives none; figures whose own sentence "
        "names no region or year were not loaded (rename the file with the region and year, e.g. "
        "大庆市2016年上半年.txt, and run again)"]


def test_a_text_given_as_utf8_bytes_loads_as_the_text_does(tmp_path: Path, batch: dict[str, DocumentLoad]) -> None:
    """An extraction worker's document brings its text as UTF-8 bytes (flows.shipping.ShippedText), with or without
    its length: the warehouse holds what the text gives."""
    units = [batch[name] for name in batch if not name.startswith("edited/")][:3]
    as_bytes = [replace(u, document={**u.document, "raw_text": u.document["raw_text"].encode("utf-8")}) for u in units]
    uncounted = [replace(u, document={k: v for k, v in u.document.items() if k != "n_chars"}) for u in as_bytes]
    tables = []
    for name, given in (("text", units), ("bytes", as_bytes), ("uncounted", uncounted)):
        with open_warehouse(tmp_path / f"{name}.duckdb") as wh:
            sync_indicators(wh, pd.DataFrame(lexicon.indicator_rows()))
            sync_regions(wh, pd.DataFrame(regions.region_rows()))
            loaded = wh.load_documents("run-1", given)
            assert not loaded.failures and len(loaded.loaded) == 3
            tables.append(snapshot(wh))
    assert tables[0] == tables[1] == tables[2]
    with open_warehouse(tmp_path / "bytes.duckdb", read_only=True) as wh:
        texts = dict(wh.query("select doc_id, raw_text from dim_document")[1])
    assert texts == {u.doc_id: u.document["raw_text"] for u in units}
