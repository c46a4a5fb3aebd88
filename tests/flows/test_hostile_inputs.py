"""Every input of the bad-input matrix through the real flow: loaded, or one `ingest_errors` row saying why."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.pipeline import gwr_pipeline
from ingest.sources import shown
from settings.options import RunOptions
from tests.fixtures.bad_inputs import MATRIX_MAX_BYTES, Case, build_many_files
from tests.helpers import SAMPLES, copy_samples, run_data_tests
from warehouse import open_warehouse

pytestmark = pytest.mark.slow  # starts Prefect or the gwr command


@pytest.fixture(scope="module")
def matrix_run(bad_inputs: dict[str, Case], tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    db = tmp_path_factory.mktemp("hostile") / "gwr.duckdb"
    folders = {str(c.path.parent) for c in bad_inputs.values() if not c.named}
    named = {str(c.path) for c in bad_inputs.values() if c.named} | {str(bad_inputs["missing"].path)}
    summary = gwr_pipeline(sorted(folders | named), RunOptions(db=db, max_file_mb=MATRIX_MAX_BYTES / 1024 / 1024))
    return summary, db


def outcome(db: Path, path: Path) -> tuple[set[str], bool]:
    """(error classes recorded for the path or, for a folder, below it; whether a document is current under it)."""
    path = shown(path)  # a name that is not UTF-8 is recorded with its bytes escaped
    with open_warehouse(db) as wh:
        errors = {r[0] for r in wh.query("select error_class from ingest_errors where path = ? or path like ?",
                                          [str(path), f"{path}/%"])[1]}
        loaded = bool(wh.query("select 1 from document_path where path = ? and is_current", [str(path)])[1])
    return errors, loaded


def test_every_case_is_accounted_for(bad_inputs: dict[str, Case], matrix_run: tuple[dict, Path]) -> None:
    summary, db = matrix_run
    wrong = {}
    for case in bad_inputs.values():
        if case.skip:
            continue
        errors, loaded = outcome(db, case.path)
        if case.expected == "loaded":
            ok = loaded and not errors
        else:
            assert not isinstance(case.expected, str)
            ok = errors == {case.expected.__name__} and not loaded
        if not ok:
            wrong[case.id] = (case.expected, errors, loaded)
    assert wrong == {}
    assert summary["docs_failed"] == len({str(c.path) for c in bad_inputs.values()
                                          if c.expected != "loaded" and not c.skip})


def test_partial_results_are_never_silent(bad_inputs: dict[str, Case], matrix_run: tuple[dict, Path]) -> None:
    summary, db = matrix_run
    with open_warehouse(db) as wh:
        recorded = wh.query("select path, message from document_warnings")[1]
        stages = dict(wh.query("select message, stage from document_warnings")[1])
    for case in bad_inputs.values():
        if case.warns:
            assert any(case.path.name in w and case.warns in w for w in summary["warnings"]), summary["warnings"]
            assert any(p == str(case.path) and case.warns in m for p, m in recorded), recorded
            assert {stages[m] for p, m in recorded if p == str(case.path) and case.warns in m} == {"decode"}
    assert {Path(p).name for p, m in recorded if "skipped" in m} == {"report.rtf", "report.json"}
    assert {Path(p).suffix for p in summary["skipped"]} >= {".rtf", ".json"}  # walked past in named/, and counted
    assert summary["docs_skipped"] == len(summary["skipped"])


def test_the_rest_of_the_batch_still_loads(matrix_run: tuple[dict, Path]) -> None:
    summary, db = matrix_run
    with open_warehouse(db) as wh:
        failing = {k: v for k, v in run_data_tests(wh).items() if v}
        (facts,) = wh.query("select count(*) from fct_indicator_value")[1][0]
    assert failing == {}
    assert facts > 0 and summary["facts_loaded"] == facts


def test_error_messages_name_the_file_and_the_reason(
    bad_inputs: dict[str, Case], matrix_run: tuple[dict, Path]
) -> None:
    _, db = matrix_run
    with open_warehouse(db) as wh:
        rows = wh.query("select path, message from ingest_errors")[1]
    assert rows
    for path, message in rows:
        assert Path(path).name in message, message  # also for the GBK name: escaped alike in both
    messages = dict(rows)
    assert "no text layer" in messages[str(bad_inputs["pdf-scan"].path)]
    assert "GWR_MAX_FILE_MB" in messages[str(bad_inputs["too-large"].path)]
    assert "1,000-level limit" in messages[str(bad_inputs["html-deep"].path)]
    assert "64 MB limit" in messages[str(bad_inputs["docx-bomb"].path)]
    assert "\\xd5\\xfe" in messages[shown(bad_inputs["gbk-file-name"].path)]  # 政 in GBK, escaped


def test_ten_thousand_tiny_files_load_in_one_run(tmp_path: Path) -> None:
    folder = build_many_files(tmp_path / "many")
    db = tmp_path / "gwr.duckdb"
    summary = gwr_pipeline([str(folder)], RunOptions(db=db, batch_size=500))
    assert summary["docs_seen"] == 10_000
    assert summary["docs_new"] + summary["docs_duplicate"] + summary["docs_failed"] == 10_000


def test_a_link_out_of_the_inbox_is_refused_and_read_only_when_asked(tmp_path: Path) -> None:
    """Issue 19: inbox/report.txt -> a private file: its text landed in dim_document.raw_text and the snapshot."""
    inbox, private = copy_samples(tmp_path / "inbox"), tmp_path / "private"
    private.mkdir()
    secret = private / "secret.txt"
    secret.write_text(SAMPLES[0].read_text(encoding="utf-8") + "\n机密标记\n", encoding="utf-8")
    secret.chmod(0o600)
    (inbox / "report.txt").symlink_to(secret)

    summary = gwr_pipeline([str(inbox)], RunOptions(db=tmp_path / "gwr.duckdb", publish=None))
    (error,) = summary["errors"]
    assert error["path"] == str(inbox / "report.txt") and error["error"] == "OutsideLink"
    assert "--follow-links" in error["message"] and str(secret) in error["message"]
    with open_warehouse(tmp_path / "gwr.duckdb") as wh:
        assert wh.query("select count(*) from dim_document where raw_text like '%机密标记%'")[1] == [(0,)]
        assert wh.query("select error_class from ingest_errors")[1] == [("OutsideLink",)]
        assert wh.query("select count(*) from dim_document")[1] == [(len(SAMPLES),)]

    followed = gwr_pipeline([str(inbox)], RunOptions(db=tmp_path / "followed.duckdb", publish=None,
                                                     follow_links=True))
    assert followed["errors"] == [] and followed["docs_new"] == len(SAMPLES) + 1
