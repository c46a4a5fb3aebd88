"""`gwr review export` and `gwr review import`: the review as a CSV file, for those who review in Excel.

The export writes one row per fact of v_facts as reviewed so far, with an empty `decision`
column. A reviewer fills it with `accept`, `reject` or `edit` (changing the fields of that row)
and imports the file: every row is checked first and each bad one is reported on its own line;
if any is bad, nothing is written. Otherwise all its decisions are written in one transaction.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from review import decisions
from review.decisions import FIELDS, DecisionError, Vocabulary
from review.store import Store
from warehouse.files import atomic_file

COLUMNS: tuple[str, ...] = ("fact_id", "doc", "region", "year", "period", "indicator", "indicator_name_zh", "measure",
                            "kind", "value", "value_high", "unit", "qualifier", "confidence", "review", "quote",
                            "sentence", "decision", "note")
DECISIONS = ("accept", "reject", "edit")


class ImportRejected(ValueError):
    """A file with bad rows: one sentence per row, and nothing applied."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} bad row(s); nothing was imported")
        self.problems = problems


@dataclass(frozen=True, slots=True)
class Imported:
    decisions: int  # rows with a decision, all written
    rows: int  # rows read


def export_csv(store: Store, out: Path) -> int:
    """Write the facts to review to `out` (UTF-8 with a byte-order mark, so Excel reads the Chinese); return rows."""
    rows = store.rows("review_export")
    # Built under a name nobody can have planted, then renamed over `out` (warehouse.files).
    with atomic_file(out) as raw, io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return len(rows)


def import_csv(store: Store, path: Path, reviewer: str) -> Imported:
    """Check every row of `path`, then write its decisions in one transaction; ImportRejected if any is bad."""
    rows = _read(path)
    wanted = [(line, row) for line, row in rows if (row.get("decision") or "").strip()]
    with store.reading() as reader:
        vocab = Vocabulary.from_rows(reader.rows("review_vocabulary"))
        ids = sorted({(row.get("fact_id") or "").strip() for _, row in wanted})
        figures = {f["fact_id"]: f for f in reader.rows("review_figure", fact_ids=ids)}
        docs = {figure["doc_id"] for figure in figures.values()}
        facts = {doc: reader.rows("review_document_facts", doc_id=doc) for doc in docs}
    made, problems = [], []
    for line, row in wanted:
        try:
            decision = _decision(row, figures, vocab, reviewer)
            decisions.check_consistent(decision, facts[decision["doc_id"]], row["fact_id"].strip())
            made.append(decision)
        except DecisionError as exc:
            problems.append(f"{path.name} line {line}: {exc}")
    if problems:
        raise ImportRejected(problems)
    store.record(made)
    return Imported(len(made), len(rows))


def _read(path: Path) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) of every row; raises ImportRejected for a file that is not such a CSV."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in ("fact_id", "decision", *FIELDS) if c not in (reader.fieldnames or [])]
            if missing:
                raise ImportRejected([f"{path.name}: no column {', '.join(missing)}; "
                                      "start from `gwr review export`"])
            return [(reader.line_num, row) for row in reader]
    except UnicodeDecodeError:
        raise ImportRejected([f"{path.name}: not UTF-8 text; save it as CSV UTF-8"]) from None
    except csv.Error as exc:
        raise ImportRejected([f"{path.name}: not a readable CSV file ({exc})"]) from None


def _decision(row: dict[str, str], figures: dict[str, dict[str, Any]], vocab: Vocabulary,
              reviewer: str) -> dict[str, Any]:
    """The decision of one row, or DecisionError saying what is wrong with it."""
    action = (row.get("decision") or "").strip().lower()
    if action not in DECISIONS:
        raise DecisionError(f"decision {row.get('decision')!r} is not one of accept, reject, edit")
    figure = figures.get((row.get("fact_id") or "").strip())
    if figure is None:
        raise DecisionError(f"fact_id {row.get('fact_id')!r} is not a fact of the warehouse (re-export and try again)")
    note = (row.get("note") or "").strip()
    if action == "reject":
        return decisions.decide(figure, "reject", None, note, (reviewer, "import"))
    given = {name: row.get(name) for name in FIELDS}
    if (given["region"] or "").strip() == figure["region"]:  # unchanged: its key, even where names are shared
        given["region"] = figure["region_key"]
    fields = decisions.parse_fields(given, vocab)
    changed = decisions.changed_fields(fields, figure)
    if action == "accept" and changed:
        raise DecisionError(f"accept, but {', '.join(changed)} changed: write edit to correct the fact")
    return decisions.decide(figure, action, fields if action == "edit" else None, note, (reviewer, "import"))
