"""The `gwr` command as a user runs it: help, run, query, export, and one-sentence errors."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from reports.tables import PAGE_ROWS
from tests.browser import chromium, screenshot_folder
from tests.helpers import SAMPLES, copy_samples, gwr, shared_texts
from tests.warehouse.legacy_ddl import build_legacy

pytestmark = pytest.mark.slow  # starts Prefect or the gwr command

EVAL_COLUMNS = ["doc", "region", "year", "period", "indicator", "measure", "kind", "value", "unit", "qualifier"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli")
    inbox = copy_samples(root / "报告 samples")  # a folder name with a space and Chinese
    db = root / "gwr.duckdb"
    build_legacy(db, with_rows=False)  # written by the release before schema versions: gwr run upgrades it
    result = gwr("run", str(inbox), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "facts loaded" in result.stdout and "documents seen" in result.stdout
    assert f"published for BI tools: {root / 'gwr_published.duckdb'}" in result.stdout.replace("\n", "")
    return db


@pytest.mark.parametrize("args", [[], ["run"], ["query"], ["export"], ["report"], ["serve"]], ids=" ".join)
def test_every_command_has_help(args: list[str]) -> None:
    result = gwr(*args, "--help")
    assert result.returncode == 0 and "Usage" in result.stdout


def test_query_prints_csv_and_json(db: Path) -> None:
    sql = "select doc, count(*) as n from v_facts group by doc order by doc"
    as_csv = list(csv.DictReader(gwr("query", sql, "--db", str(db), "--format", "csv").stdout.splitlines()))
    assert [r["doc"] for r in as_csv] == [s.name for s in SAMPLES]
    as_json = [json.loads(line) for line in gwr("query", sql, "--db", str(db), "-f", "json").stdout.splitlines()]
    assert [(r["doc"], str(r["n"])) for r in as_json] == [(r["doc"], r["n"]) for r in as_csv]
    table = gwr("query", sql, "--db", str(db))
    assert table.returncode == 0 and SAMPLES[0].name in table.stdout


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_export_facts_has_the_eval_columns_and_provenance(db: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"facts{suffix}"
    result = gwr("export", "facts", "--out", str(out), "--db", str(db))
    assert result.returncode == 0, result.stderr
    if suffix == ".csv":
        with out.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    elif suffix == ".jsonl":
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    else:
        rows = pq.read_table(out).to_pylist()
    assert len(rows) > 100
    assert set(EVAL_COLUMNS + ["quote", "sentence"]) <= set(rows[0])
    assert all(r["quote"] and r["sentence"] for r in rows)
    assert f"wrote {len(rows)} facts" in result.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["query", "select * from no_such_table"], "query failed"),
        (["export", "facts", "--out", "facts.xlsx"], ".xlsx"),
        (["query", "delete from fct_indicator_value"], "only reads"),
        (["query", "copy (select 1) to 'x.csv'"], "COPY statement is refused"),
        (["query", "select * from read_csv('/etc/passwd')"], "outside it"),
        (["serve", "--inbox", "x"], "exactly one of --cron or --interval"),
    ],
    ids=["bad-sql", "bad-export-format", "delete", "copy-to", "read-a-file", "serve-without-schedule"],
)
def test_errors_are_one_sentence_not_a_traceback(db: Path, tmp_path: Path, args: list[str], expected: str) -> None:
    args = [str(tmp_path / a) if a in ("facts.xlsx", "x") else a for a in args]
    result = gwr(*args, "--db", str(db))
    assert result.returncode != 0
    assert expected in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("db_path", "expected"),
    [("/proc/gwr.duckdb", "read-only"), ("{tmp}/a-file/gwr.duckdb", "is a file, not a folder")],
    ids=["read-only-folder", "parent-is-a-file"],
)
def test_an_unwritable_warehouse_is_refused_before_any_work(tmp_path: Path, db_path: str, expected: str) -> None:
    (tmp_path / "a-file").write_text("x")
    result = gwr("run", str(SAMPLES[0]), "--db", db_path.format(tmp=tmp_path))
    assert result.returncode == 1
    assert expected in result.stderr and "Traceback" not in result.stderr
    assert "starting Prefect" not in result.stderr


def test_query_without_a_warehouse_says_what_to_do(tmp_path: Path) -> None:
    result = gwr("query", "select 1", "--db", str(tmp_path / "none.duckdb"))
    assert result.returncode == 1 and "gwr run" in result.stderr


def test_refused_statements_change_nothing(db: Path, tmp_path: Path) -> None:
    count = ["query", "select count(*) as n from fct_indicator_value", "--db", str(db), "-f", "csv"]
    before = gwr(*count).stdout
    for sql in ("delete from fct_indicator_value", "drop table fct_indicator_value",
                "copy (select 1) to 'x.csv'", "attach 'other.duckdb' as other"):
        result = gwr("query", sql, "--db", str(db))
        assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
    assert gwr(*count).stdout == before and int(before.split()[1]) > 100
    assert not (Path.cwd() / "x.csv").exists()


def test_query_takes_sql_that_starts_with_a_comment(db: Path) -> None:
    shipped = Path(__file__).resolve().parents[2] / "warehouse" / "tests" / "assert_fact_unique.sql"
    result = gwr("query", shipped.read_text(encoding="utf-8"), "--db", str(db), "-f", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("doc_id,")  # a header and no failing row


def test_export_writes_every_table_and_view(db: Path, tmp_path: Path) -> None:
    result = gwr("export", str(tmp_path / "out"), "--format", "csv", "--excel", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "v_target_vs_actual.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert (tmp_path / "out" / "datapackage.json").is_file()


REPORT_SECTIONS = ("targets", "series", "regions", "documents", "conflicts")
# With ../shared beside the project, the report (and its screenshots in docs/) covers years of a province, one of
# its prefectures and the country: series with gaps, tables of many pages. Without it, the samples alone.
REPORT_TEXTS = tuple(f"corpus-large/a_hebei_{year}.txt" for year in range(2020, 2027)) + tuple(
    f"corpus-large/a_baoding_{year}.txt" for year in (2021, 2022, 2023, 2024, 2026)) + tuple(
    f"corpus-large/c_national_{year}.txt" for year in (2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025))


@pytest.fixture(scope="module")
def report_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("report")
    inbox = copy_samples(root / "inbox")
    shared_texts(inbox / "shared", REPORT_TEXTS)
    result = gwr("run", str(inbox), "--db", str(root / "gwr.duckdb"), "--publish", "none")
    assert result.returncode == 0, result.stderr
    return root / "gwr.duckdb"


def test_report_is_one_offline_page_whose_charts_draw_and_whose_tables_page(report_db: Path, tmp_path: Path) -> None:
    page_file = tmp_path / "report.html"
    result = gwr("report", "--out", str(page_file), "--db", str(report_db))
    assert result.returncode == 0, result.stderr
    text = page_file.read_text(encoding="utf-8")
    assert "<script src" not in text and "万州区" in text  # Plotly's JavaScript is inside the page
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        page.goto(page_file.as_uri(), wait_until="load")
        for chart in ("chart-pairs", "chart-series", "chart-regions"):  # Plotly drew each, bars or line points
            page.locator(f"#{chart} .main-svg").first.wait_for(timeout=60_000)
            assert page.locator(f"#{chart} .point, #{chart} .trace.scatter").count() > 0, chart
        # The axis names the indicator in Chinese (住宿业营业额增速 (%)), never by its code.
        assert re.search(r"[\u4e00-\u9fff]+增速 \(%\)", page.locator("#chart-series").inner_text())
        regions = page.locator("#chart-regions").inner_text()  # one measure an axis: facts and documents apart
        assert "事实数 facts" in regions and "文件数 documents" in regions
        rows = page.locator("#table-pairs tbody tr").count()
        shown = min(rows, PAGE_ROWS)  # a page at a time, not a scrolling box
        assert f"rows 1–{shown} of {rows}" in page.locator("#table-pairs + .pager").inner_text()
        assert page.locator("#table-pairs tbody tr:visible").count() == shown
        page.locator("#table-pairs th", has_text="gap").click()  # sorts by the gap, smallest first
        gaps = [float(v) for v in page.locator("#table-pairs tbody tr:visible td:nth-child(11)").all_inner_texts()
                if v]
        assert gaps == sorted(gaps)
        shots = screenshot_folder(tmp_path / "screenshots")
        for section in REPORT_SECTIONS:
            shot = shots / f"report-{section}.png"
            page.locator(f"section#{section}").screenshot(path=str(shot))
            assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 5_000


def test_the_report_never_writes_through_a_planted_link(db: Path, tmp_path: Path) -> None:
    """Issue 19: `gwr report --out d/r.html` wrote through a symlink planted at `d/.r.html.partial`."""
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (tmp_path / ".r.html.partial").symlink_to(victim)
    (tmp_path / "r.html").symlink_to(victim)  # the name itself: replaced, not followed
    result = gwr("report", "--out", str(tmp_path / "r.html"), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert victim.read_text() == "keep me"
    assert not (tmp_path / "r.html").is_symlink() and "万州区" in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert (tmp_path / "r.html").stat().st_mode & 0o044  # readable as any new file here is, not 0600
    assert sorted(p.name for p in tmp_path.iterdir()) == [".r.html.partial", "r.html", "victim.txt"]


def _sqlite(path: Path) -> None:
    import sqlite3

    with sqlite3.connect(path) as con:
        con.execute("create table t (x)")


def _other_duckdb(path: Path) -> None:
    import duckdb

    with duckdb.connect(str(path)) as con:
        con.execute("create table sales (region varchar, amount double)")


WRONG_FILES = {
    "sqlite": (_sqlite, "is a SQLite database: not a gwr warehouse"),
    "text": (lambda p: p.write_text("region,value\n万州区,1\n", encoding="utf-8"), "is a text file: not a gwr"),
    "empty": (lambda p: p.write_bytes(b""), "is an empty file, not a gwr warehouse"),
    "other-duckdb": (_other_duckdb, "is a DuckDB file with other tables: not a gwr warehouse"),
}


@pytest.mark.parametrize("command", ["run", "query"])
@pytest.mark.parametrize("kind", sorted(WRONG_FILES))
def test_a_db_that_is_no_gwr_warehouse_is_named_and_left_alone(tmp_path: Path, kind: str, command: str) -> None:
    make, expected = WRONG_FILES[kind]
    target = tmp_path / "mine.db"
    make(target)
    before = target.read_bytes()
    args = ["run", str(SAMPLES[0])] if command == "run" else ["query", "select 1"]
    result = gwr(*args, "--db", str(target))
    assert result.returncode == 1 and expected in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1 and "Prefect" not in result.stderr  # said before Prefect starts
    assert target.read_bytes() == before


def test_a_truncated_warehouse_is_called_corrupt(db: Path, tmp_path: Path) -> None:
    data = db.read_bytes()
    for size, sql in ((12_288, "select 1"), (len(data) // 2, "select count(*) from v_facts")):
        broken = tmp_path / f"cut-{size}" / "gwr.duckdb"
        broken.parent.mkdir()
        broken.write_bytes(data[:size])  # the header survives, the blocks after it are gone
        for args in (["query", sql], ["run", str(SAMPLES[0])]):
            result = gwr(*args, "--db", str(broken))
            assert result.returncode == 1 and "is corrupt" in result.stderr, (size, args, result.stderr)
            assert "Traceback" not in result.stderr
