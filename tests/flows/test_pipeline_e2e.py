"""The real flow on the bundled samples, into a real DuckDB file, through Prefect's real local API."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from flows.pipeline import gwr_pipeline
from settings.options import RunOptions
from tests.helpers import SAMPLES, copy_samples, run_data_tests, table_counts
from warehouse import open_warehouse

pytestmark = pytest.mark.slow  # starts Prefect or the gwr command


def counts(db: Path) -> dict[str, int]:
    with open_warehouse(db) as wh:
        return table_counts(wh)


def rows(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with open_warehouse(db) as wh:
        return wh.query(sql, params)[1]


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict]:
    root = tmp_path_factory.mktemp("e2e")
    inbox = copy_samples(root / "reports")
    db = root / "gwr.duckdb"
    summary = gwr_pipeline([str(inbox)], RunOptions(db=db, batch_size=2))
    return inbox, db, summary


def test_first_run_loads_every_sample(loaded: tuple[Path, Path, dict]) -> None:
    _, db, summary = loaded
    assert summary["docs_seen"] == len(SAMPLES) == summary["docs_new"]
    assert summary["docs_failed"] == 0, summary["errors"]
    assert summary["facts_loaded"] > 100
    (n_facts,) = rows(db, "select count(*) from fct_indicator_value")[0]
    assert n_facts == summary["facts_loaded"]
    docs = rows(db, "select doc, region, year from dim_document order by doc")
    assert [d[0] for d in docs] == [s.name for s in SAMPLES]


def test_warehouse_data_tests_return_zero_rows(loaded: tuple[Path, Path, dict]) -> None:
    _, db, _ = loaded
    with open_warehouse(db) as wh:
        failing = {name: n for name, n in run_data_tests(wh).items() if n}
    assert failing == {}


def test_run_log_records_the_flow_run_id(loaded: tuple[Path, Path, dict]) -> None:
    _, db, summary = loaded
    status, flow_run_id, facts = rows(
        db, "select status, flow_run_id, facts_loaded from run_log where run_id = ?", [summary["run_id"]])[0]
    assert status == "completed" and flow_run_id == summary["run_id"] and facts == summary["facts_loaded"]


def test_every_quote_is_the_raw_text_at_its_offsets(loaded: tuple[Path, Path, dict]) -> None:
    _, db, _ = loaded
    bad = rows(db, """select count(*) from fct_indicator_value f join dim_document d using (doc_id)
                      where substr(d.raw_text, f.raw_start + 1, f.raw_end - f.raw_start) <> f.quote""")
    assert bad == [(0,)]


def test_rerun_changes_no_row_count(loaded: tuple[Path, Path, dict]) -> None:
    inbox, db, _ = loaded
    before = counts(db)
    again = gwr_pipeline([str(inbox)], RunOptions(db=db))
    after = counts(db)
    assert again["docs_unchanged"] == len(SAMPLES) and again["facts_loaded"] == 0
    assert {k: v for k, v in after.items() if k != "run_log"} == {k: v for k, v in before.items() if k != "run_log"}
    assert after["run_log"] == before["run_log"] + 1


def test_changed_file_replaces_only_its_own_facts(tmp_path: Path) -> None:
    inbox = copy_samples(tmp_path / "reports")
    db = tmp_path / "gwr.duckdb"
    gwr_pipeline([str(inbox)], RunOptions(db=db))
    target = inbox / SAMPLES[3].name
    others_before = rows(db, "select fact_id from v_facts where doc <> ? order by fact_id", [target.name])
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("固定资产投资同比增长7.3%", "固定资产投资同比增长7.9%"), encoding="utf-8")
    summary = gwr_pipeline([str(inbox)], RunOptions(db=db))
    assert summary["docs_changed"] == 1 and summary["docs_unchanged"] == len(SAMPLES) - 1
    assert rows(db, "select fact_id from v_facts where doc <> ? order by fact_id", [target.name]) == others_before
    values = [r[0] for r in rows(db, "select value from v_facts where doc = ? and indicator = "
                                     "'fixed_asset_investment' and measure = 'growth'", [target.name])]
    assert 7.9 in values and 7.3 not in values
    (n_docs,) = rows(db, "select count(*) from dim_document d join document_path p using (doc_id) "
                         "where p.is_current")[0]
    assert n_docs == len(SAMPLES)


def test_same_content_under_two_names_loads_once_with_both_paths(tmp_path: Path) -> None:
    inbox = tmp_path / "reports"
    inbox.mkdir()
    shutil.copy(SAMPLES[0], inbox / "a.txt")
    shutil.copy(SAMPLES[0], inbox / "副本 b.txt")
    db = tmp_path / "gwr.duckdb"
    summary = gwr_pipeline([str(inbox)], RunOptions(db=db))
    assert summary["docs_new"] == 1 and summary["docs_duplicate"] == 1
    assert rows(db, "select count(*) from dim_document") == [(1,)]
    paths = sorted(r[0] for r in rows(db, "select path from document_path"))
    assert paths == sorted(str(p) for p in inbox.iterdir())


def test_bad_files_are_reported_and_the_rest_loads(tmp_path: Path) -> None:
    inbox = copy_samples(tmp_path / "reports")
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "junk.txt").write_bytes(bytes(range(256)) * 64)
    db = tmp_path / "gwr.duckdb"
    summary = gwr_pipeline([str(inbox)], RunOptions(db=db))
    assert summary["docs_new"] == len(SAMPLES)
    assert summary["docs_failed"] == 2
    errors = rows(db, "select path, error_class, message from ingest_errors order by path")
    assert [(Path(p).name, cls) for p, cls, _ in errors] == [("empty.txt", "EmptyFile"), ("junk.txt", "BinaryContent")]
    assert all(str(inbox) in msg or Path(p).name in msg for p, _, msg in errors)
    assert rows(db, "select count(distinct doc_id) from fct_indicator_value") == [(len(SAMPLES),)]
