"""The review app through FastAPI's TestClient: pages, decisions, and what keeps it safe."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest
from fastapi.testclient import TestClient

from review.app import ReviewConfig, create_app
from review.security import Guard
from tests.helpers import load_document
from tests.review.helpers import rows
from tests.warehouse.samples import fact
from warehouse import open_warehouse

HOSTILE_TEXT = ("2024年万州区政府工作报告\n<script>alert('sentence')</script>去年地区生产总值增长6%"
                "<img src=x onerror=alert('img')>。\n")
HOSTILE_NAME = "<img src=x onerror=alert('name')>.txt"
HOSTILE_TITLE = "<script>alert('title')</script>"


def client_for(db: Path) -> TestClient:
    app = create_app(ReviewConfig(db, 10, "tester"), Guard(frozenset({"testserver"})))
    return TestClient(app)


@pytest.fixture
def client(samples_db: Path) -> TestClient:
    return client_for(samples_db)


def token(client: TestClient) -> dict[str, str]:
    return {"X-CSRF-Token": client.app.state.guard.token}


def a_fact(db: Path, quote: str) -> str:
    return rows(db, f"select fact_id from v_facts where quote = '{quote}'")[0][0]


def doc_id(db: Path, name: str) -> str:
    return rows(db, f"select doc_id from dim_document where doc = '{name}'")[0][0]


def test_the_pages_show_documents_facts_and_the_queue(client: TestClient, samples_db: Path) -> None:
    home = client.get("/")
    assert home.status_code == 200 and "001_4fe08f7bbbc0cf7d.txt" in home.text
    page = client.get(f"/doc/{doc_id(samples_db, '001_4fe08f7bbbc0cf7d.txt')}")
    assert page.status_code == 200
    assert 'class="fig k-actual"' in page.text and 'class="fig k-target"' in page.text
    assert 'data-facts="' in page.text and "地区生产总值1179.4亿元" in page.text
    queue = client.get("/queue")
    total = rows(samples_db, "select count(*) from v_facts")[0][0]
    assert queue.status_code == 200 and f"<strong>{total}</strong> reviewed" in queue.text
    assert queue.text.count('<li class="card') == 50  # one page
    assert client.get("/queue?kind=target&confidence=medium&status=all").status_code == 200


def test_a_decision_writes_and_the_queue_counts_it(client: TestClient, samples_db: Path) -> None:
    rejected = a_fact(samples_db, "税收收入44.6亿元")
    answer = client.post("/api/decide", json={"fact_id": rejected, "action": "reject"}, headers=token(client))
    assert answer.status_code == 200 and answer.json()["fact"]["state"] == "rejected"
    edited = a_fact(samples_db, "工业投资75亿元")
    fields = {"region": "500101", "year": "2022", "period": "FY", "indicator": "industrial_investment",
              "measure": "level", "kind": "actual", "value": "75", "value_high": "", "unit": "亿元", "qualifier": "eq"}
    answer = client.post("/api/decide", json={"fact_id": edited, "action": "edit", "fields": fields, "note": "年份"},
                         headers=token(client))
    assert answer.status_code == 200 and answer.json()["fact"]["year"] == 2022
    doc = doc_id(samples_db, "001_4fe08f7bbbc0cf7d.txt")
    text = rows(samples_db, f"select raw_text from dim_document where doc_id = '{doc}'")[0][0]
    start = text.index("本外币存贷款余额增长7.8%")
    added = client.post("/api/add", headers=token(client), json={
        "doc_id": doc, "raw_start": start, "raw_end": start + 16, "note": "",
        "fields": {**fields, "year": "2023", "indicator": "deposit_loan_balance", "measure": "growth", "value": "7.8",
                   "unit": "%"}})
    assert added.status_code == 200 and added.json()["fact"]["state"] == "edited"
    assert rows(samples_db, "select action, reviewer, via, note from review_decision order by decided_at") == [
        ("reject", "tester", "browser", None), ("edit", "tester", "browser", "年份"),
        ("add", "tester", "browser", None)]
    queue = client.get("/queue?status=reviewed")
    assert "<strong id=\"progress-reviewed\">3</strong>" in queue.text


@pytest.mark.parametrize(("body", "message"), [
    ({"action": "edit", "fields": {"year": "soon"}}, "year 'soon' is not a number"),
    ({"action": "approve"}, "'approve' is not a decision on a fact"),
    ({"action": "edit", "fields": {"region": "500101", "year": "2023", "period": "FY", "indicator": "tax_revenue",
                                   "measure": "level", "kind": "actual", "value": "44.6", "unit": "亿元",
                                   "qualifier": "eq"}}, "the edit changes nothing"),
])
def test_a_bad_decision_is_one_sentence_and_writes_nothing(client: TestClient, samples_db: Path, body: dict,
                                                           message: str) -> None:
    answer = client.post("/api/decide", json={"fact_id": a_fact(samples_db, "税收收入44.6亿元"), **body},
                         headers=token(client))
    assert answer.status_code == 400 and message in answer.json()["error"]
    assert rows(samples_db, "select count(*) from review_decision") == [(0,)]


def test_a_correction_that_would_give_one_figure_two_values_is_refused(client: TestClient, samples_db: Path) -> None:
    fields = {"region": "500101", "year": "2023", "period": "FY", "indicator": "fixed_asset_investment",
              "measure": "level", "kind": "actual", "value": "75", "unit": "亿元", "qualifier": "eq"}
    answer = client.post("/api/decide", headers=token(client), json={
        "fact_id": a_fact(samples_db, "工业投资75亿元"), "action": "edit", "fields": fields})
    assert answer.status_code == 400 and "already gives this figure as 256.9 亿元" in answer.json()["error"]


def test_state_changing_requests_need_the_token_and_the_apps_own_origin(client: TestClient, samples_db: Path) -> None:
    body = {"fact_id": a_fact(samples_db, "税收收入44.6亿元"), "action": "reject"}
    assert client.post("/api/decide", json=body).status_code == 403
    assert client.post("/api/decide", json=body, headers={"X-CSRF-Token": "guess"}).status_code == 403
    assert client.post("/api/decide", json=body, headers={**token(client), "Origin": "http://evil.example"}
                       ).status_code == 403
    assert client.post("/api/decide", json=body, headers={**token(client), "Sec-Fetch-Site": "cross-site"}
                       ).status_code == 403
    assert rows(samples_db, "select count(*) from review_decision") == [(0,)]
    assert client.post("/api/decide", json=body, headers={**token(client), "Origin": "http://testserver"}
                       ).status_code == 200


def test_it_answers_only_to_its_own_address_and_binds_loopback_by_default(samples_db: Path) -> None:
    guard = Guard.for_address("127.0.0.1", 8765)
    assert guard.hosts is not None and "127.0.0.1:8765" in guard.hosts and "localhost:8765" in guard.hosts
    app = create_app(ReviewConfig(samples_db, 10, "tester"))  # the default address
    assert ReviewConfig(samples_db, 10, "tester").host == "127.0.0.1"
    rebound = TestClient(app, base_url="http://evil.example:8765")  # DNS rebinding: a foreign name for 127.0.0.1
    assert rebound.get("/").status_code == 400
    assert TestClient(app, base_url="http://127.0.0.1:8765").get("/").status_code == 200
    assert Guard.for_address("0.0.0.0", 8765).hosts is None  # --host says otherwise: any name


def test_no_request_parameter_reaches_the_file_system(client: TestClient) -> None:
    for path in ("/doc/..%2F..%2F..%2Fetc%2Fpasswd", "/doc/" + "a" * 64, "/static/..%2F..%2Fpyproject.toml",
                 "/static/app.py", "/static/%2Fetc%2Fpasswd", "/doc/../../etc/passwd"):
        answer = client.get(path)
        assert answer.status_code == 404, path
        assert "root:" not in answer.text
    script = client.get("/static/review.js")
    assert script.status_code == 200 and script.headers["content-type"].startswith("text/javascript")
    assert "script-src 'self'" in script.headers["content-security-policy"]


def test_document_text_title_and_file_name_show_as_text(tmp_path: Path) -> None:
    from tests.helpers import sync_indicators
    from transforms.knowledge import lexicon

    db_path = tmp_path / "gwr.duckdb"

    document = {"doc_id": hashlib.sha256(HOSTILE_TEXT.encode()).hexdigest(), "doc": HOSTILE_NAME,
                "raw_text": HOSTILE_TEXT, "title": HOSTILE_TITLE, "region": "万州区", "region_code": "500101",
                "year": 2024, "report_type": "work_report", "encoding": "utf-8", "source_format": "text",
                "extractor_version": "test-1"}
    row = fact(HOSTILE_TEXT, "地区生产总值增长6%", indicator="gdp", measure="growth", value=6.0, unit="%",
               sentence=HOSTILE_TEXT.splitlines()[1])
    frame = pd.DataFrame([row]).assign(doc=HOSTILE_NAME, doc_id=document["doc_id"])
    with open_warehouse(db_path) as wh:
        sync_indicators(wh, pd.DataFrame(lexicon.indicator_rows()))
        load_document(wh, "run-1", document, [f"/corpus/{HOSTILE_NAME}"], frame)
    client = client_for(db_path)
    pages = [client.get("/").text, client.get(f"/doc/{document['doc_id']}").text, client.get("/queue").text]
    for page in pages:
        assert "<script>alert" not in page and "<img src=x" not in page and "</script><" not in page
    assert "&lt;img src=x onerror=alert(&#39;name&#39;)&gt;.txt" in pages[0]
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in pages[0]
    assert "&lt;script&gt;alert(&#39;sentence&#39;)&lt;/script&gt;" in pages[1]
    assert "onerror=alert(&#39;img&#39;)&gt;" in pages[2]  # the queue's sentence


def test_the_command_says_in_one_sentence_when_there_is_no_warehouse(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from gwr.cli import app

    result = CliRunner().invoke(app, ["review", "--db", str(tmp_path / "none.duckdb"), "--no-browser"])
    assert result.exit_code == 1 and "no warehouse at" in result.output and "Traceback" not in result.output
