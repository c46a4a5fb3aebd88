"""Runs and reviews side by side: DuckDB has one writer, and neither may hurt the other.

A decision is one short transaction under the lock a run's batches take one at a time (review/store.py):
while `gwr run` re-extracts and loads, a reviewer keeps deciding; no decision waits more than a few
seconds, the run completes, and every decision is there and applies afterwards.
"""

from __future__ import annotations

import json
import re
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.helpers import GWR, copy_samples, variants
from tests.review.browser import review_server
from tests.review.helpers import load_folder, rows

pytestmark = pytest.mark.slow  # a review server and a `gwr run`, at once

MOST_SECONDS = 10  # what a reviewer may wait for a decision while a run loads (a batch, then the insert)


def token(url: str) -> str:
    with urllib.request.urlopen(url + "/", timeout=30) as answer:
        return re.search(r'name="csrf-token" content="([^"]+)"', answer.read().decode())[1]


def post(url: str, csrf: str, body: dict) -> tuple[int, float]:
    """POST a decision as the page's script does; return (status, seconds it took)."""
    request = urllib.request.Request(url + "/api/decide", data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", "X-CSRF-Token": csrf})
    started = time.monotonic()
    with urllib.request.urlopen(request, timeout=120) as answer:
        return answer.status, time.monotonic() - started


def test_a_review_and_a_run_at_once_lose_nothing_and_wait_seconds(tmp_path: Path) -> None:
    inbox, db = copy_samples(tmp_path / "inbox"), tmp_path / "gwr.duckdb"
    load_folder(db, inbox, version="0.0-old")  # so the run re-extracts the documents under review
    variants(inbox, 10)  # and loads new ones: several batches
    facts = [fact_id for (fact_id,) in rows(db, "select fact_id from v_facts order by doc, raw_start")]

    with review_server(db) as url:
        csrf = token(url)
        run = subprocess.Popen([GWR, "run", str(inbox), "--db", str(db), "--batch-size", "5", "--publish", "none"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        waits, decided = [], []
        try:
            while run.poll() is None and len(decided) < len(facts):
                fact_id = facts[len(decided)]
                action = "reject" if len(decided) % 5 == 0 else "accept"
                status, seconds = post(url, csrf, {"fact_id": fact_id, "action": action})
                assert status == 200
                waits.append(seconds)
                decided.append((fact_id, action))
                time.sleep(0.1)
            out, err = run.communicate(timeout=600)
        finally:
            run.kill()
    print(f"{len(decided)} decisions during the run; longest wait {max(waits):.2f} s, median "
          f"{sorted(waits)[len(waits) // 2]:.2f} s")
    assert run.returncode == 0, err
    assert re.search(r"failed\s*│\s*0", out)
    assert re.search(r"re-extracted \(loaded by an older extractor\)\s*│\s*5", out)
    assert len(decided) >= 10, "the run ended before the review got going"
    assert max(waits) < MOST_SECONDS, sorted(waits)[-5:]
    # Every decision made during the run is kept and applies to the re-extracted facts.
    assert rows(db, "select count(*) from review_decision") == [(len(decided),)]
    assert rows(db, "select status, count(*) from v_review_decisions group by all") == [("applied", len(decided))]
    rejected = {fact_id for fact_id, action in decided if action == "reject"}
    left = {fact_id for (fact_id,) in rows(db, "select fact_id from v_facts")}
    assert not rejected & left and {f for f, a in decided if a == "accept"} <= left
    assert rows(db, "select status from run_log order by started_at desc limit 1") == [("completed",)]
