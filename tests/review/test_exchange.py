"""`gwr review export` / `import`: the review as a CSV file, checked whole, applied whole or not at all."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from review.exchange import ImportRejected, export_csv, import_csv
from tests.helpers import gwr
from tests.review.helpers import rows, store

TAX = "税收收入44.6亿元"
RETAIL = "社会消费品零售总额470.6亿元"
JOBS = "城镇新增就业2.8万人"
INVESTMENT = "工业投资75亿元"


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def write(path: Path, table: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(table[0]))
        writer.writeheader()
        writer.writerows(table)


def fill(table: list[dict[str, str]], quote: str, decision: str, **fields: str) -> int:
    """Fill the decision of the row quoted `quote`; return its line in the file (the header is line 1)."""
    index = next(i for i, row in enumerate(table) if row["quote"] == quote)
    table[index].update(decision=decision, **fields)
    return index + 2


def with_one_bad_row(path: Path) -> int:
    """The exported file with three good decisions and one bad row; return the bad row's line."""
    table = read(path)
    fill(table, TAX, "reject")
    fill(table, RETAIL, "edit", year="2022", note="上年")
    fill(table, JOBS, "accept")
    bad = fill(table, INVESTMENT, "edit", year="soon")
    write(path, table)
    return bad


def test_export_then_import_round_trips_and_one_bad_row_applies_nothing(samples_db: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "review.csv"
    n = export_csv(store(samples_db), sheet)
    assert n == rows(samples_db, "select count(*) from v_facts")[0][0] == len(read(sheet))
    assert sheet.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads the Chinese
    assert {row["decision"] for row in read(sheet)} == {""}
    bad = with_one_bad_row(sheet)

    with pytest.raises(ImportRejected) as rejected:
        import_csv(store(samples_db), sheet, "tester")
    assert rejected.value.problems == [f"review.csv line {bad}: year 'soon' is not a number"]
    assert rows(samples_db, "select count(*) from review_decision") == [(0,)]  # nothing half-applied

    table = read(sheet)
    fill(table, INVESTMENT, "")
    write(sheet, table)
    done = import_csv(store(samples_db), sheet, "tester")
    assert done.decisions == 3 and done.rows == n
    assert rows(samples_db, "select action, changed, note, via from review_decision order by action") == [
        ("accept", "", None, "import"), ("edit", "year", "上年", "import"), ("reject", "", None, "import")]
    assert rows(samples_db, f"select count(*) from v_facts where quote = '{TAX}'") == [(0,)]
    assert rows(samples_db, f"select year, review from v_facts where quote = '{RETAIL}'") == [(2022, "edit")]
    again = tmp_path / "again.csv"
    export_csv(store(samples_db), again)
    assert len(read(again)) == n - 1  # the rejected fact is gone; the edit shows corrected
    assert next(r for r in read(again) if r["quote"] == RETAIL)["year"] == "2022"


@pytest.mark.parametrize(("change", "problem"), [
    ({"decision": "approve"}, "decision 'approve' is not one of accept, reject, edit"),
    ({"decision": "reject", "fact_id": "f" * 64}, "is not a fact of the warehouse"),
    ({"decision": "accept", "value": "44.7"}, "accept, but value changed: write edit"),
    ({"decision": "edit"}, "the edit changes nothing"),
    ({"decision": "edit", "unit": "斤斤"}, "unit '斤斤' is not one of the units gwr knows"),
    ({"decision": "edit", "region": "鼓楼区"}, "region '鼓楼区' names"),
])
def test_each_bad_row_is_one_line(samples_db: Path, tmp_path: Path, change: dict[str, str], problem: str) -> None:
    sheet = tmp_path / "review.csv"
    export_csv(store(samples_db), sheet)
    table = read(sheet)
    line = fill(table, "税收收入44.6亿元", **change)
    write(sheet, table)
    with pytest.raises(ImportRejected) as rejected:
        import_csv(store(samples_db), sheet, "tester")
    assert len(rejected.value.problems) == 1
    assert rejected.value.problems[0].startswith(f"review.csv line {line}: ") and problem in rejected.value.problems[0]


def test_a_file_that_is_not_an_export_is_refused_in_one_line(samples_db: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "other.csv"
    sheet.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as rejected:
        import_csv(store(samples_db), sheet, "tester")
    assert rejected.value.problems == ["other.csv: no column fact_id, decision, region, year, period, indicator, "
                                       "measure, kind, value, value_high, unit, qualifier; start from "
                                       "`gwr review export`"]


@pytest.mark.slow  # runs the gwr command
def test_the_commands_round_trip_on_the_samples_reporting_the_bad_row(samples_db: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "review.csv"
    exported = gwr("review", "export", "--out", str(sheet), "--db", str(samples_db))
    assert exported.returncode == 0, exported.stderr
    assert "wrote 157 facts" in exported.stdout
    bad = with_one_bad_row(sheet)
    refused = gwr("review", "import", str(sheet), "--db", str(samples_db))
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[0] == f"review.csv line {bad}: year 'soon' is not a number"
    assert "1 bad row(s); nothing was imported" in refused.stderr and "Traceback" not in refused.stderr
    assert rows(samples_db, "select count(*) from review_decision") == [(0,)]
    table = read(sheet)
    fill(table, INVESTMENT, "")
    write(sheet, table)
    imported = gwr("review", "import", str(sheet), "--db", str(samples_db))
    assert imported.returncode == 0 and "imported 3 decisions" in imported.stdout, imported.stderr
    status = gwr("review", "status", "--db", str(samples_db))
    assert status.stdout.startswith("3 decisions: 3 applied"), status.stdout
    facts = tmp_path / "facts.csv"
    assert gwr("export", "facts", "--out", str(facts), "--db", str(samples_db)).returncode == 0
    exported_facts = read(facts)
    assert not [r for r in exported_facts if r["quote"] == TAX]
    assert [(r["year"], r["reviewed"], r["review_changed"]) for r in exported_facts if r["quote"] == RETAIL] == [
        ("2022", "true", "year=2023")]
