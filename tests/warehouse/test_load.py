"""Loading documents: atomic, idempotent, versioned by content and path."""

from __future__ import annotations

from typing import Any

import duckdb
import pandas as pd
import pytest

from tests.helpers import current_versions, load_document, run_data_tests, sync_regions, table_counts
from tests.warehouse.samples import document, fact, facts_frame, sample_text
from warehouse import Warehouse

Doc = tuple[dict[str, Any], pd.DataFrame]
P1 = "/corpus/wanzhou/001_4fe08f7bbbc0cf7d.txt"
P2 = "/corpus/copy/same_report.txt"


def count(wh: Warehouse, sql_text: str, params: list[Any] | None = None) -> int:
    return wh.query(sql_text, params)[1][0][0]


def test_load_document_writes_document_paths_facts_and_regions(wh: Warehouse, doc_001: Doc) -> None:
    doc, facts = doc_001
    assert load_document(wh, "run-1", doc, [P1], facts, None) == 4
    counts = table_counts(wh)
    assert (counts["dim_document"], counts["document_path"], counts["fct_indicator_value"]) == (1, 1, 4)
    # The fact's region is added; 全国, which no region list has, is there from the start (020_dim_region_rollup).
    assert wh.query("select region_key, name, adcode, level from dim_region order by region_key")[1] == [
        ("500101", "万州区", "500101", None), ("全国", "全国", None, "country")]
    assert current_versions(wh) == {P1: doc["doc_id"]}
    assert wh.loaded_documents([doc["doc_id"], "0" * 64]) == {doc["doc_id"]}
    assert set(run_data_tests(wh).values()) == {0}


def test_reload_is_idempotent(wh: Warehouse, doc_001: Doc) -> None:
    doc, facts = doc_001
    rejected = pd.DataFrame(
        {"check": ["isin"], "column": ["unit"], "failure_case": ["亿"], "row_json": [{"unit": "亿", "value": 3}]}
    )
    load_document(wh, "run-1", doc, [P1], facts, rejected)
    before = table_counts(wh)
    ids = wh.query("select fact_id from fct_indicator_value order by fact_id")[1]
    load_document(wh, "run-2", doc, [P1], facts, rejected)
    assert table_counts(wh) == before
    assert wh.query("select fact_id from fct_indicator_value order by fact_id")[1] == ids
    assert wh.query("select check_name, column_name, row_json->>'unit' from quarantine")[1] == [("isin", "unit", "亿")]


def test_failed_load_leaves_nothing_of_the_document(wh: Warehouse, doc_001: Doc) -> None:
    doc, facts = doc_001
    broken = facts.copy()
    broken.loc[2, "indicator"] = None  # violates NOT NULL after the document and paths were written
    with pytest.raises(duckdb.ConstraintException):
        load_document(wh, "run-1", doc, [P1], broken, None)
    counts = table_counts(wh)
    # Nothing of the document; dim_region holds only the country row every warehouse starts with.
    assert [counts[name] for name in ("dim_document", "document_path", "fct_indicator_value", "dim_region")] == [
        0,
        0,
        0,
        1,
    ]


def test_failed_reload_keeps_the_previous_load(wh: Warehouse, doc_001: Doc) -> None:
    doc, facts = doc_001
    load_document(wh, "run-1", doc, [P1], facts, None)
    before = table_counts(wh)
    broken = facts.assign(value=[1.0, None, 2.0, 3.0])
    with pytest.raises(duckdb.ConstraintException):
        load_document(wh, "run-2", {**doc, "extractor_version": "test-2"}, [P1], broken, None)
    assert table_counts(wh) == before
    assert wh.query("select distinct extractor_version from fct_indicator_value")[1] == [("test-1",)]


def test_changed_path_replaces_only_its_own_facts(wh: Warehouse, doc_001: Doc, doc_000: Doc) -> None:
    old, old_facts = doc_001
    other, other_facts = doc_000
    load_document(wh, "run-1", old, [P1], old_facts, None)
    load_document(wh, "run-1", other, ["/corpus/000.txt"], other_facts, None)
    # The same file edited: new bytes under the old path are a new version.
    text = sample_text("001_4fe08f7bbbc0cf7d.txt") + "\n附:修订版。"
    new = document(text, "001_4fe08f7bbbc0cf7d.txt")
    new_facts = facts_frame(new, [fact(text, "增长6.9%", indicator="gdp", measure="growth", value=6.9, unit="%")])
    load_document(wh, "run-2", new, [P1], new_facts, None)

    by_doc = dict(wh.query("select doc_id, count(*) from fct_indicator_value group by doc_id")[1])
    assert by_doc == {new["doc_id"]: 1, other["doc_id"]: 1}
    assert wh.query("select doc_id, is_current from document_path where path = ? order by is_current", [P1])[1] == [
        (old["doc_id"], False),
        (new["doc_id"], True),
    ]
    assert count(wh, "select count(*) from dim_document") == 3  # the old version stays for history
    assert current_versions(wh)[P1] == new["doc_id"]
    assert set(run_data_tests(wh).values()) == {0}


def test_same_content_under_two_names_is_one_document(wh: Warehouse, doc_001: Doc) -> None:
    doc, facts = doc_001
    load_document(wh, "run-1", doc, [P1], facts, None)
    wh.record_paths_seen("run-1", [(P2, doc["doc_id"])])
    counts = table_counts(wh)
    assert (counts["dim_document"], counts["document_path"], counts["fct_indicator_value"]) == (1, 2, 4)
    assert count(wh, "select count(*) from v_facts") == 4  # not double counted
    assert current_versions(wh) == {P1: doc["doc_id"], P2: doc["doc_id"]}

    # The first name gets other bytes; the content is still current under its second name.
    text = sample_text("001_4fe08f7bbbc0cf7d.txt") + "\n附:修订版。"
    new = document(text, "001_4fe08f7bbbc0cf7d.txt")
    load_document(wh, "run-2", new, [P1], facts_frame(new, []), None)
    assert count(wh, "select count(*) from fct_indicator_value where doc_id = ?", [doc["doc_id"]]) == 4
    assert wh.query("select distinct doc, path from v_facts")[1] == [("same_report.txt", P2)]


def test_two_paths_in_one_load(wh: Warehouse, doc_001: Doc) -> None:
    doc, facts = doc_001
    load_document(wh, "run-1", doc, [P1, P2], facts, None)
    load_document(wh, "run-1", doc, [P1, P2], facts, None)
    assert count(wh, "select count(*) from document_path where is_current") == 2
    assert wh.query("select distinct doc from v_facts")[1] == [("001_4fe08f7bbbc0cf7d.txt",)]


def test_unchanged_document_only_touches_last_seen(wh: Warehouse, doc_001: Doc) -> None:
    doc, facts = doc_001
    load_document(wh, "run-1", doc, [P1], facts, None)
    before = table_counts(wh)
    wh.record_paths_seen("run-2", [(P1, doc["doc_id"])])
    assert table_counts(wh) == before
    assert wh.query("select first_seen_run, last_seen_run from document_path")[1] == [("run-1", "run-2")]


def test_record_path_seen_needs_a_loaded_document(wh: Warehouse) -> None:
    with pytest.raises(ValueError, match="load it before"):
        wh.record_paths_seen("run-1", [(P1, "f" * 64)])


def test_facts_of_another_document_are_refused(wh: Warehouse, doc_001: Doc, doc_000: Doc) -> None:
    doc, _ = doc_001
    _, other_facts = doc_000
    with pytest.raises(ValueError, match="mixes documents"):
        load_document(wh, "run-1", doc, [P1], other_facts, None)


def test_region_without_code_gets_a_name_keyed_row(wh: Warehouse, doc_001: Doc) -> None:
    doc, facts = doc_001
    facts = facts.copy()
    facts.loc[0, ["region", "region_code"]] = ["成渝地区双城经济圈", None]
    load_document(wh, "run-1", doc, [P1], facts, None)
    assert ("成渝地区双城经济圈", None) in wh.query("select region_key, adcode from dim_region")[1]
    assert run_data_tests(wh)["assert_fact_region_in_dimension"] == 0


def test_run_log_records_start_and_finish(wh: Warehouse) -> None:
    wh.start_run("run-1", "flow-9", {"corpus": "/corpus", "batch": 8})
    assert wh.query("select status, params->>'batch' from run_log")[1] == [("running", "8")]
    wh.finish_run("run-1", "completed", {"docs_seen": 3, "docs_new": 2, "facts_loaded": 10})
    status, docs_seen, seconds = wh.query("select status, docs_seen, seconds from run_log")[1][0]
    assert (status, docs_seen) == ("completed", 3) and seconds >= 0
    with pytest.raises(ValueError, match="unknown run counts"):
        wh.finish_run("run-1", "completed", {"docs_sene": 3})


def test_ingest_errors_and_dimension_syncs(wh: Warehouse) -> None:
    wh.record_ingest_errors("run-1", [("/corpus/bad.pdf", None, "decode", "DecodeError", "no text layer")])
    regions = pd.DataFrame(
        {
            "name": ["万州区", "重庆市"],
            "adcode": ["500101", "500000"],
            "level": ["district", "province"],
            "parent_adcode": ["500000", None],
            "parent_name": ["重庆市", None],
        }
    )
    sync_regions(wh, regions)
    sync_regions(wh, regions)
    assert table_counts(wh)["dim_region"] == 2 + 1 and table_counts(wh)["ingest_errors"] == 1  # and 全国
    rollup = wh.query("select region_key, level, province_name, prefecture_code, name_pinyin from dim_region "
                      "order by region_key")[1]
    assert rollup == [("500000", "province", "重庆市", None, "Chongqing"),
                      ("500101", "district", "重庆市", None, "Wanzhou"),
                      ("全国", "country", None, None, "Quanguo")]
    codes = {row[0] for row in wh.query("select code from dim_indicator where scored")[1]}
    assert {"gdp", "retail_sales"} <= codes


def test_target_beside_actual(wh: Warehouse, doc_001: Doc, doc_000: Doc) -> None:
    for doc, facts in (doc_001, doc_000):
        load_document(wh, "run-1", doc, [f"/corpus/{doc['doc']}"], facts, None)
    columns, rows = wh.query(
        "select target_value, actual_value, met from v_target_vs_actual "
        "where indicator = 'retail_sales' and year = 2024"
    )
    assert rows == [(8.0, 5.5, False)]
    assert wh.query("select count(*) from v_target_vs_actual where indicator = 'gdp' and year = 2024")[1] == [(0,)]
    assert wh.query("select target_value from v_targets_without_result where indicator = 'gdp'")[1] == [(7.0,)]


def test_retired_paths_drop_facts_once_no_other_name_holds_them(wh: Warehouse, doc_001: Doc) -> None:
    doc, facts = doc_001
    load_document(wh, "run-1", doc, [P1, P2], facts, None)
    assert wh.retire_paths("run-2", [P1]) == 1
    assert count(wh, "select count(*) from v_facts") == 4
    assert wh.retire_paths("run-2", [P2, "/corpus/never-loaded.txt"]) == 1
    assert wh.retire_paths("run-3", [P1, P2]) == 0  # already retired
    assert current_versions(wh) == {}
    assert count(wh, "select count(*) from v_facts") == 0
    assert count(wh, "select count(*) from fct_indicator_value") == 0
    assert wh.query("select path, retired_run from document_path order by path")[1] == [(P2, "run-2"), (P1, "run-2")]
    assert set(run_data_tests(wh).values()) == {0}
    # The file comes back: it is current again and its facts load again.
    load_document(wh, "run-4", doc, [P1], facts, None)
    assert count(wh, "select count(*) from v_facts") == 4


def test_a_warning_is_recorded_per_document(wh: Warehouse) -> None:
    wh.record_warning("run-1", "/corpus/scan.pdf", "c" * 64, "decode", "PDF pages 2–4 have no text layer")
    wh.record_warning("run-1", "/corpus", None, "ingest", "skipped 3 files by extension (.doc, .wps, .xlsx)")
    rows = wh.query("select path, sha256, stage, message from document_warnings order by path")[1]
    assert rows == [
        ("/corpus", None, "ingest", "skipped 3 files by extension (.doc, .wps, .xlsx)"),
        ("/corpus/scan.pdf", "c" * 64, "decode", "PDF pages 2–4 have no text layer"),
    ]


def test_a_run_ends_completed_failed_or_interrupted_with_its_reason(wh: Warehouse) -> None:
    wh.start_run("run-1", None, {})
    wh.finish_run("run-1", "interrupted", {"docs_seen": 4, "facts_loaded": 9},
                  message="interrupted after 4 of 9 documents")
    assert wh.query("select status, facts_loaded, message from run_log")[1] == [
        ("interrupted", 9, "interrupted after 4 of 9 documents")
    ]
    with pytest.raises(ValueError, match="completed, failed, interrupted"):
        wh.finish_run("run-1", "paused", {})


def test_a_run_left_running_is_failed_by_the_next(wh: Warehouse) -> None:
    wh.start_run("run-killed", None, {})
    wh.start_run("run-2", None, {})
    rows = wh.query("select run_id, status, finished_at is not null, message is not null from run_log order by 1")[1]
    assert rows == [("run-2", "running", False, False), ("run-killed", "failed", True, True)]


def test_quarantine_row_that_is_not_json_is_kept_as_text(wh: Warehouse, doc_001: Doc) -> None:
    doc, facts = doc_001
    rejected = pd.DataFrame({"stage": ["validate"], "check_name": ["unit"], "row_json": ["{broken"]})
    load_document(wh, "run-1", doc, [P1], facts, rejected)
    assert wh.query("select row_json ->> '$' from quarantine")[1] == [("{broken",)]
