"""The review in a real browser (headless Chromium): reject, correct, add by selecting text; the export shows all
three, and after an extractor upgrade and `gwr run` they still apply. Takes the README's two screenshots."""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

import pandas as pd
import pytest

from settings import PROJECT_ROOT
from tests.browser import screenshot_folder
from tests.helpers import copy_samples, gwr, load_document, sync_indicators
from tests.review.browser import SELECT_TEXT, browser_page, chromium, review_server
from tests.review.helpers import load_folder, rows
from tests.warehouse.samples import fact
from transforms.knowledge import lexicon
from warehouse import open_warehouse

pytestmark = pytest.mark.slow  # a browser, a review server, the flow and `gwr run`

REPORT = "001_4fe08f7bbbc0cf7d.txt"
REJECT = "税收收入44.6亿元"
CORRECT = "社会消费品零售总额470.6亿元"
MISSED = "本外币存贷款余额增长7.8%"
DOCS = PROJECT_ROOT / "docs"


def exported(db: Path, out: Path) -> list[dict[str, str]]:
    done = gwr("export", "facts", "--out", str(out), "--db", str(db))
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def assert_three_apply(facts: list[dict[str, str]]) -> None:
    assert [f for f in facts if f["quote"] == REJECT and f["doc"] == REPORT] == []
    [corrected] = [f for f in facts if f["quote"] == CORRECT]
    assert (corrected["year"], corrected["reviewed"], corrected["review"]) == ("2022", "true", "edit")
    [added] = [f for f in facts if f["quote"] == MISSED]
    assert (added["indicator"], added["measure"], added["year"], added["value"], added["unit"], added["review"]) == (
        "deposit_loan_balance", "growth", "2023", "7.8", "%", "add")


def pick(page, quote: str) -> None:  # noqa: ANN001 - a Playwright page
    """Show the fact quoted exactly `quote` in the side panel, as a click on it in the fact list does."""
    page.locator("#fact-list a.pick", has_text=re.compile(f"^{re.escape(quote)}$")).click()
    page.wait_for_selector("#panel:not([hidden])")


def test_review_in_the_browser_survives_an_extractor_upgrade(tmp_path: Path) -> None:
    executable = chromium()
    inbox, db = copy_samples(tmp_path / "inbox"), tmp_path / "gwr.duckdb"
    load_folder(db, inbox, version="0.0-old")  # the warehouse as an older extractor left it
    doc_id = rows(db, f"select doc_id from dim_document where doc = '{REPORT}'")[0][0]

    with review_server(db) as url, browser_page(executable) as page:
        page.goto(url + "/")
        page.get_by_role("link", name=REPORT).click()
        page.wait_for_selector("#text mark")

        pick(page, REJECT)
        with page.expect_navigation():
            page.keyboard.press("x")
        assert "s-rejected" in page.locator(f"#fact-list tr:has(a:text-is('{REJECT}'))").get_attribute("class")

        pick(page, CORRECT)
        page.keyboard.press("e")
        page.fill("#editor-form input[name=year]", "2022")
        with page.expect_navigation():
            page.press("#editor-form input[name=year]", "Enter")

        assert page.evaluate(SELECT_TEXT, MISSED)
        page.click("#add-button")
        page.select_option("#editor-form select[name=indicator]", "deposit_loan_balance")
        page.select_option("#editor-form select[name=measure]", "growth")
        page.fill("#editor-form input[name=year]", "2023")
        assert page.input_value("#editor-form input[name=value]") == "7.8"
        with page.expect_navigation():
            page.click("#editor-save")
        page.locator("#text mark.s-edited", has_text=MISSED).first.click()
        page.wait_for_selector("#panel:not([hidden])")
        page.evaluate("() => window.scrollTo(0, 0)")
        page.screenshot(path=str(screenshot_folder(tmp_path / "shots", DOCS) / "review-document.png"))

        page.goto(f"{url}/queue?doc_id={doc_id}")
        assert page.inner_text("#progress-reviewed") == "3"
        page.keyboard.press("j")
        page.keyboard.press("k")
        page.keyboard.press("a")  # accept the first fact of the queue
        page.wait_for_function("() => document.getElementById('progress-reviewed').textContent === '4'")
        page.screenshot(path=str(screenshot_folder(tmp_path / "shots", DOCS) / "review-queue.png"))
        assert page.problems == []

    assert_three_apply(exported(db, tmp_path / "facts.csv"))

    upgrade = gwr("run", str(inbox), "--db", str(db), "--publish", "none")  # this gwr's extractor is newer
    assert upgrade.returncode == 0, upgrade.stderr
    assert re.search(r"re-extracted \(loaded by an older extractor\)\s*│\s*5", upgrade.stdout), upgrade.stdout
    assert rows(db, "select distinct extractor_version from dim_document") != [("0.0-old",)]
    assert_three_apply(exported(db, tmp_path / "after.csv"))
    assert rows(db, "select status, count(*) from v_review_decisions group by all order by 1") == [
        ("added", 1), ("applied", 3)]


def test_hostile_text_shows_as_text_in_the_browser(tmp_path: Path) -> None:
    executable = chromium()
    text = ("2024年万州区政府工作报告\n<script>alert('s')</script>去年地区生产总值增长6%"
            "<img src=x onerror=alert('i')>。\n")
    name = "<img src=x onerror=alert('n')>.txt"
    document = {"doc_id": hashlib.sha256(text.encode()).hexdigest(), "doc": name, "raw_text": text,
                "title": "<script>alert('t')</script>", "region": "万州区", "region_code": "500101", "year": 2024,
                "report_type": "work_report", "encoding": "utf-8", "source_format": "text",
                "extractor_version": "test-1"}
    row = fact(text, "地区生产总值增长6%", indicator="gdp", measure="growth", value=6.0, unit="%")
    db = tmp_path / "gwr.duckdb"
    with open_warehouse(db) as wh:
        sync_indicators(wh, pd.DataFrame(lexicon.indicator_rows()))
        load_document(wh, "run-1", document, [f"/corpus/{name}"],
                      pd.DataFrame([row]).assign(doc=name, doc_id=document["doc_id"]))
    with review_server(db) as url, browser_page(executable) as page:
        page.goto(url + "/")
        assert name in page.inner_text("main") and "<script>alert('t')</script>" in page.inner_text("main")
        page.goto(f"{url}/doc/{document['doc_id']}")
        assert "<script>alert('s')</script>" in page.inner_text("#text")
        assert page.locator("#text img, #text script").count() == 0
        page.goto(url + "/queue")
        assert "<img src=x onerror=alert('i')>" in page.inner_text("#cards")
        assert page.problems == []  # no alert ran, no script failed


def test_the_screenshots_are_in_the_docs() -> None:
    """The README shows them; the browser test above writes them with GWR_SCREENSHOTS=1 (`make screenshots`)."""
    for name in ("review-document.png", "review-queue.png"):
        assert (DOCS / name).is_file() and (DOCS / name).stat().st_size > 10_000
        assert f"docs/{name}" in (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
