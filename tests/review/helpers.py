"""What the review tests do to a warehouse: load a folder as a run would (without Prefect), decide as a reviewer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flows.dimensions import dimension_frames, knowledge_fingerprint
from review import decisions
from review.store import Store
from tests.helpers import processed
from validation.batch import check_batch
from warehouse import open_warehouse

WHO = ("tester", "browser")


def load_folder(db: Path, folder: Path, *, version: str | None = None, run_id: str = "review-tests") -> None:
    """Decode, extract, validate and load every .txt of `folder` (as `gwr run` does, in this process);
    `version` stands for the extractor version the documents are recorded as extracted by."""
    checked = check_batch(processed(sorted(folder.glob("*.txt"))))
    assert not checked.rejected, checked.rejected
    for unit in checked.units:
        if version is not None:
            unit.document["extractor_version"] = version
    with open_warehouse(db) as wh:
        wh.sync_dimensions(*dimension_frames(), knowledge_fingerprint())
        wh.start_run(run_id, None, {})
        wh.load_documents(run_id, checked.units)
        wh.finish_run(run_id, "completed", {})


def store(db: Path) -> Store:
    made = Store(db, 10)
    made.prepare()
    return made


def fact_by_quote(db: Path, quote: str, **where: Any) -> dict[str, Any]:
    """The one fact (as reviewed, a rejected one too, as the document page lists it) quoted `quote`, with `where`."""
    with store(db).reading() as reader:
        columns, found = reader.wh.query("select * from intermediate.int_reviewed_facts")
        facts = [dict(zip(columns, row, strict=True)) for row in found]
        ids = [f["fact_id"] for f in facts if f["quote"] == quote and all(f[k] == v for k, v in where.items())]
        assert len(ids) == 1, (quote, where, ids)
        return reader.one("review_figure", fact_ids=ids)


def vocabulary(db: Path) -> decisions.Vocabulary:
    return decisions.Vocabulary.from_rows(store(db).rows("review_vocabulary"))


def decide(db: Path, quote: str, action: str, *, where: dict[str, Any] | None = None, **changes: Any) -> dict:
    """Make and write one decision on the fact quoted `quote`: accept, reject, or edit with `changes`."""
    figure = fact_by_quote(db, quote, **(where or {}))
    fields = None
    if action == "edit":
        given = {name: figure[name] for name in decisions.FIELDS} | {"region": figure["region_key"]} | changes
        fields = decisions.parse_fields(given, vocabulary(db))
    row = decisions.decide(figure, action, fields, f"test {action}", WHO)
    store(db).record([row])
    return row


def add(db: Path, doc: str, quote: str, **fields: Any) -> dict:
    """Add a missed fact at the first occurrence of `quote` in the document named `doc`."""
    with store(db).reading() as reader:
        doc_id = next(d["doc_id"] for d in reader.rows("review_documents") if d["doc"] == doc)
        document = reader.one("review_document", doc_id=doc_id)
    start = document["raw_text"].index(quote)
    parsed = decisions.parse_fields(fields, vocabulary(db))
    row = decisions.add(document, (start, start + len(quote)), parsed, "test add", WHO)
    store(db).record([row])
    return row


def rows(db: Path, sql: str) -> list[tuple]:
    with open_warehouse(db, read_only=True) as wh:
        return wh.query(sql)[1]


def statuses(db: Path) -> dict[str, str]:
    """decision_id -> status, from v_review_decisions."""
    return dict(rows(db, "select decision_id, status from v_review_decisions"))
