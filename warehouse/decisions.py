"""A reviewer's decisions: the one write besides a run's loads (`gwr review`, `gwr review import`).

A decision is one row of `review_decision`, never updated or deleted: the table is the history,
and the views apply the latest decision on each figure (warehouse/sql/views/int_reviewed_facts.sql).
What a row holds and why it holds the whole corrected fact is `review.decisions`' business; this
module only writes the rows it is given, all in one short transaction, so a review holds the
warehouse for milliseconds and an import is applied whole or not at all.
"""

from __future__ import annotations

from typing import Any

from warehouse.session import Session

# The columns `dml_insert_decisions` reads from the registered frame, besides `seq` (its order).
DECISION_COLUMNS: tuple[str, ...] = (
    "decision_id", "figure_id", "doc_id", "raw_start", "raw_end", "quote", "figure_indicator", "action", "changed",
    "region", "region_key", "region_code", "year", "period", "indicator", "measure", "kind", "value", "value_high",
    "unit", "value_base", "base_unit", "qualifier", "sentence", "sentence_raw_start", "sentence_raw_end", "note",
    "reviewer", "via",
)


class Decisions(Session):
    """Writing a reviewer's decisions."""

    def record_decisions(self, rows: list[dict[str, Any]]) -> int:
        """Insert the decisions, in order, in one transaction (all or none); return how many.

        Raises ValueError for a row that lacks a column of `DECISION_COLUMNS`, before writing anything.
        """
        if not rows:
            return 0
        import pyarrow as pa

        lacking = sorted({column for row in rows for column in DECISION_COLUMNS if column not in row})
        if lacking:
            raise ValueError(f"a decision lacks {', '.join(lacking)}")
        columns = {column: [row[column] for row in rows] for column in DECISION_COLUMNS}
        columns["seq"] = list(range(len(rows)))
        with self._registered(incoming_decisions=pa.table(columns)), self._transaction():
            self._run("dml_insert_decisions").fetchall()
            self._run("dml_insert_decision_spans").fetchall()  # whether each finds its quote, decided once
        return len(rows)
