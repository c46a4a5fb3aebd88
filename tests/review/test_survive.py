"""Corrections survive: a rerun, a re-extraction by a new extractor, the same content under another path.

A decision names its figure by the document's sha256 and the quote's raw span; these tests reload
the samples as a run would (tests/review/helpers.py) and change what the "new extractor" yields.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from review import decisions
from tests.helpers import processed, run_data_tests
from tests.review.helpers import WHO, add, decide, load_folder, rows, statuses, store, vocabulary
from validation.batch import check_batch
from warehouse import open_warehouse
from warehouse.sqlfiles import data_tests

WORK_REPORT = "001_4fe08f7bbbc0cf7d.txt"
MISSED = "本外币存贷款余额增长7.8%"  # a figure the extractor does not yield (deposit_loan_balance growth)


def reextract(db: Path, change: Callable[[pd.DataFrame], pd.DataFrame], version: str = "9.9-new") -> None:
    """Load the work report again as extracted by a new extractor whose facts are `change(old facts)`."""
    inbox = db.parent / "inbox"
    checked = check_batch(processed([inbox / WORK_REPORT]))
    unit = checked.units[0]
    unit.document["extractor_version"] = version
    unit.facts = change(unit.facts.copy()).reset_index(drop=True)
    with open_warehouse(db) as wh:
        wh.start_run("upgrade", None, {})
        assert not wh.load_documents("upgrade", [unit]).failures
        wh.finish_run("upgrade", "completed", {})


def fact(db: Path, quote: str) -> list[tuple]:
    """(indicator, year, value, reviewed, review, extracted_value) of the v_facts rows quoted `quote`."""
    return rows(db, "select indicator, year, value, reviewed, review, extracted_value from v_facts "
                    f"where quote = '{quote}' order by indicator")


def three_decisions(db: Path) -> dict[str, dict]:
    """The acceptance's three: reject one fact, correct another's year, add a missed one."""
    return {
        "reject": decide(db, "税收收入44.6亿元", "reject"),
        "edit": decide(db, "社会消费品零售总额470.6亿元", "edit", year=2022),
        "add": add(db, WORK_REPORT, MISSED, region="万州区", year=2023, period="FY", indicator="deposit_loan_balance",
                   measure="growth", kind="actual", value="7.8", unit="%", qualifier="eq"),
    }


def assert_three_apply(db: Path, extracted_year: int = 2023) -> None:
    assert fact(db, "税收收入44.6亿元") == []
    assert fact(db, "社会消费品零售总额470.6亿元") == [("retail_sales", 2022, 470.6, True, "edit", None)]
    assert fact(db, MISSED) == [("deposit_loan_balance", 2023, 7.8, True, "add", None)]
    assert rows(db, "select review_changed from v_facts where quote = '社会消费品零售总额470.6亿元'") == [
        (f"year={extracted_year}",)]


def test_decisions_apply_to_every_view(samples_db: Path) -> None:
    before = rows(db := samples_db, "select count(*) from v_facts")[0][0]
    made = three_decisions(db)
    assert_three_apply(db)
    assert rows(db, "select count(*) from v_facts")[0][0] == before  # one rejected, one added
    assert statuses(db) == {made["reject"]["decision_id"]: "applied", made["edit"]["decision_id"]: "applied",
                            made["add"]["decision_id"]: "added"}
    # The views built on v_facts read the corrected facts: the added figure reaches the cube.
    assert rows(db, "select value from v_cube where indicator = 'deposit_loan_balance' and measure = 'growth' "
                    "and year = 2023 and period = 'FY'") == [(7.8,)]
    assert rows(db, "select count(*) from v_latest_facts where indicator = 'tax_revenue' and measure = 'level' "
                    f"and year = 2023 and doc = '{WORK_REPORT}'") == [(0,)]
    with open_warehouse(db, read_only=True) as wh:
        assert run_data_tests(wh) == dict.fromkeys(data_tests(), 0)


def test_a_rerun_keeps_every_decision(samples_db: Path) -> None:
    three_decisions(samples_db)
    reextract(samples_db, lambda facts: facts, version="same")  # the same facts loaded again
    assert_three_apply(samples_db)
    assert set(statuses(samples_db).values()) == {"applied", "added"}


def test_an_extractor_upgrade_keeps_decisions_and_what_it_no_longer_yields_stands_added(samples_db: Path) -> None:
    db = samples_db
    made = three_decisions(db)
    accepted = decide(db, "城镇新增就业2.8万人", "accept")
    value_fixed = decide(db, "工业投资75亿元", "edit", value=76)

    def new_extractor(facts: pd.DataFrame) -> pd.DataFrame:
        gone = facts["quote"].isin(["税收收入44.6亿元", "城镇新增就业2.8万人"])  # no longer extracted
        facts = facts[~gone].copy()
        # It reads the year of the retail sales otherwise (a new fact_id on the same span), and gives the
        # industrial investment another indicator code.
        facts.loc[facts["quote"] == "社会消费品零售总额470.6亿元", "year"] = 2021
        facts.loc[facts["quote"] == "工业投资75亿元", "indicator"] = "secondary_industry_investment"
        return facts

    reextract(db, new_extractor)
    found = statuses(db)
    assert found[made["reject"]["decision_id"]] == "moot"  # nothing left to reject
    assert found[made["edit"]["decision_id"]] == "applied"  # found again by its span: the reviewer's year wins
    assert found[made["add"]["decision_id"]] == "added"
    assert found[accepted["decision_id"]] == "added"  # an accepted figure the extractor dropped stays, as added
    assert found[value_fixed["decision_id"]] == "applied"
    assert_three_apply(db, extracted_year=2021)
    assert fact(db, "城镇新增就业2.8万人") == [("urban_new_jobs", 2023, 2.8, True, "add", None)]
    # Only the value was the reviewer's: the new indicator code comes from the new extraction.
    assert fact(db, "工业投资75亿元") == [("secondary_industry_investment", 2023, 76.0, True, "edit", 75.0)]
    with open_warehouse(db, read_only=True) as wh:
        assert run_data_tests(wh) == dict.fromkeys(data_tests(), 0)


def test_a_decision_whose_span_cannot_be_found_is_orphaned_never_dropped(samples_db: Path) -> None:
    db = samples_db
    made = three_decisions(db)
    path = rows(db, f"select path from document_path where doc = '{WORK_REPORT}'")[0][0]
    with open_warehouse(db) as wh:
        wh.retire_paths("prune", [path])  # the file is gone: `gwr run --prune`
    assert set(statuses(db).values()) == {"orphaned"}
    assert rows(db, "select distinct orphan_reason from v_review_decisions") == [
        ("document no longer current under any path",)]
    assert rows(db, "select count(*) from review_decision")[0][0] == 3  # kept, listed, not applied
    sha = rows(db, f"select doc_id from dim_document where doc = '{WORK_REPORT}'")[0][0]
    with open_warehouse(db) as wh:
        wh.record_paths_seen("back", [(path, sha)])  # the file is back
    # Facts of a retired document are deleted, so only the added fact shows until a rerun re-extracts it.
    assert statuses(db)[made["add"]["decision_id"]] == "added"


def test_a_decision_on_text_that_is_no_longer_there_is_orphaned(samples_db: Path) -> None:
    """A decision whose span here does not hold its quote (made against another decoding of the document, in another
    warehouse, and imported) is orphaned: whether its span holds its quote is decided as it is recorded."""
    db = samples_db
    with store(db).reading() as reader:
        doc_id = next(d["doc_id"] for d in reader.rows("review_documents") if d["doc"] == WORK_REPORT)
        document = reader.one("review_document", doc_id=doc_id)
    start = document["raw_text"].index(MISSED) + 1  # as if the other decoding had moved the text by one character
    fields = {"region": "万州区", "year": 2023, "period": "FY", "indicator": "deposit_loan_balance",
              "measure": "growth", "kind": "actual", "value": "7.8", "unit": "%", "qualifier": "eq"}
    parsed = decisions.parse_fields(fields, vocabulary(db))
    moved = decisions.add(document, (start, start + len(MISSED)), parsed, "imported", WHO) | {"quote": MISSED}
    store(db).record([moved])
    assert rows(db, "select status, orphan_reason from v_review_decisions") == [
        ("orphaned", "the text at the span is no longer the quote")]
    assert fact(db, MISSED) == []
    with open_warehouse(db, read_only=True) as wh:
        assert run_data_tests(wh) == dict.fromkeys(data_tests(), 0)


def test_a_decision_recorded_before_its_document_loads_is_decided_when_it_loads(samples_db: Path,
                                                                                 tmp_path: Path) -> None:
    """Decisions imported into a warehouse that has not loaded their document yet wait, orphaned; the run that
    loads it decides their spans from the text it loads, and they apply."""
    made = add(samples_db, WORK_REPORT, MISSED, region="万州区", year=2023, period="FY",
               indicator="deposit_loan_balance", measure="growth", kind="actual", value="7.8", unit="%",
               qualifier="eq")
    other = tmp_path / "other" / "gwr.duckdb"
    with open_warehouse(other) as wh:
        wh.record_decisions([made])
    assert rows(other, "select status, orphan_reason from v_review_decisions") == [
        ("orphaned", "document not loaded")]
    assert rows(other, "select count(*) from decision_span") == [(0,)]
    load_folder(other, samples_db.parent / "inbox")
    assert rows(other, "select status from v_review_decisions") == [("added",)]
    assert fact(other, MISSED) == [("deposit_loan_balance", 2023, 7.8, True, "add", None)]
    with open_warehouse(other, read_only=True) as wh:
        assert run_data_tests(wh) == dict.fromkeys(data_tests(), 0)


def test_the_same_content_under_another_path_keeps_its_decisions(samples_db: Path) -> None:
    db = samples_db
    three_decisions(db)
    old = rows(db, f"select path, doc_id from document_path where doc = '{WORK_REPORT}'")[0]
    renamed = str(Path(old[0]).with_name("wanzhou_2024.txt"))
    with open_warehouse(db) as wh:
        wh.record_paths_seen("rename", [(renamed, old[1])])
        wh.retire_paths("rename", [old[0]])
    assert_three_apply(db)
    assert rows(db, f"select distinct doc from v_facts where quote = '{MISSED}'") == [("wanzhou_2024.txt",)]


def test_the_latest_decision_on_a_figure_wins_and_the_history_stays(samples_db: Path) -> None:
    db = samples_db
    first = decide(db, "工业投资75亿元", "accept")
    second = decide(db, "工业投资75亿元", "reject")
    assert fact(db, "工业投资75亿元") == []
    # A rejected figure is not in v_facts, but the reviewer can still find it (the document page lists it).
    third = decide(db, "工业投资75亿元", "edit", year=2022)
    assert fact(db, "工业投资75亿元") == [("industrial_investment", 2022, 75.0, True, "edit", None)]
    assert statuses(db) == {first["decision_id"]: "superseded", second["decision_id"]: "superseded",
                            third["decision_id"]: "applied"}
    with open_warehouse(db, read_only=True) as wh:
        assert run_data_tests(wh) == dict.fromkeys(data_tests(), 0)


def test_figures_sharing_one_span_are_decided_apart(samples_db: Path) -> None:
    """城乡居民收入增长7%: one quote, an urban and a rural fact; rejecting one keeps the other."""
    db = samples_db

    def two_on_one_span(facts: pd.DataFrame) -> pd.DataFrame:
        one = facts[facts["quote"] == "城镇新增就业2.8万人"]
        twin = one.assign(indicator="urban_employment")
        return pd.concat([facts, twin])

    reextract(db, two_on_one_span)
    decide(db, "城镇新增就业2.8万人", "reject", where={"indicator": "urban_employment"})
    assert [r[0] for r in fact(db, "城镇新增就业2.8万人")] == ["urban_new_jobs"]
    reextract(db, two_on_one_span, version="9.9-newer")  # and again after a reload
    assert [r[0] for r in fact(db, "城镇新增就业2.8万人")] == ["urban_new_jobs"]
