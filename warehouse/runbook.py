"""Run bookkeeping: a run starts, records what it could not take or take whole, and ends with its outcome."""

from __future__ import annotations

import json
from typing import Any

from warehouse.run_counts import RUN_COUNTS
from warehouse.session import Session

RUN_STATUSES: tuple[str, ...] = ("completed", "failed", "interrupted")
# When a run's end compacts the warehouse: its writers' checkpoints leave each run's rows as row groups of
# their own (`warehouse.connection.NO_VACUUM`), one per load in every table it loads. Once the documents lie
# in more row groups than their count needs by more than this, the run merges them, where every run's
# checkpoint used to (at N = 1,000 a merge compresses every document's text again, about 0.3 s of CPU). A
# cold run writes a row group of 1,000 documents every two batches (3 at N = 3,000): twice what it needs.
COMPACT_AFTER = 32


class RunBook(Session):
    """The `run_log`, `ingest_errors` and `document_warnings` rows of a run."""

    def start_run(self, run_id: str, flow_run_id: str | None, params: dict[str, Any]) -> None:
        """Record a run as 'running'; a reused run id starts over.

        Only one run writes a warehouse at a time (the run lock), so any other run still
        'running' died without saying so (kill -9, a lost warehouse lock): it becomes 'failed'.
        """
        params_json = json.dumps(params, ensure_ascii=False, default=str, sort_keys=True)
        with self._transaction():
            self._run("dml_fail_abandoned_runs", run_id=run_id)
            self._run("dml_start_run", run_id=run_id, flow_run_id=flow_run_id, params=params_json)

    def finish_run(
        self, run_id: str, status: str, counts: dict[str, int | float], message: str | None = None
    ) -> None:
        """Set a run's outcome (one of `RUN_STATUSES`), its counts (keys of `RUN_COUNTS`; `seconds`
        defaults to wall time) and, for a run that did not complete, the sentence saying why."""
        unknown = set(counts) - set(RUN_COUNTS)
        if unknown:
            raise ValueError(f"unknown run counts {sorted(unknown)}; expected some of {list(RUN_COUNTS)}")
        if status not in RUN_STATUSES:
            raise ValueError(f"a finished run's status is one of {', '.join(RUN_STATUSES)}, not {status!r}")
        values = {name: counts.get(name) for name in RUN_COUNTS}
        with self._transaction():
            self._run("dml_finish_run", run_id=run_id, status=status, message=message, **values)

    def compact_if_due(self) -> bool:
        """Compact the warehouse (`compact`) once `dim_document` lies in more than `COMPACT_AFTER` row groups beyond
        what its rows need; say whether it was due. It is asked as a run closes: DuckDB merges the row groups of the
        tables the run changed, those its loads left (a run that loaded nothing leaves it to the next that does)."""
        (due,) = self._run("q_compaction_due", after=COMPACT_AFTER).fetchone() or (False,)
        if due:
            self.compact()
        return bool(due)

    def compact(self) -> None:
        """Fold the write-ahead log into the file with DuckDB's row-group vacuum, which merges the small row groups
        of the tables it changed and drops the rows they deleted; then checkpoint without it again."""
        self._run("writer_vacuum_on")
        try:
            self._run("writer_compact")
        finally:
            self._run("writer_vacuum_off")

    def record_warning(self, run_id: str, path: str, sha256: str | None, stage: str, message: str) -> None:
        """Note that a file loaded but not whole ("PDF pages 2–4 have no text layer"), or was skipped."""
        with self._transaction():
            self._run("dml_insert_warning", run_id=run_id, path=path, sha256=sha256, stage=stage, message=message)

    def record_ingest_errors(self, run_id: str, errors: list[tuple[str, str | None, str, str, str]]) -> None:
        """Log files that could not be read, decoded, extracted or loaded, each (path, sha256, stage, error_class,
        message), in one transaction."""
        if not errors:
            return
        with self._transaction():
            for path, sha256, stage, error_class, message in errors:
                self._run("dml_insert_ingest_error", run_id=run_id, path=path, sha256=sha256, stage=stage,
                          error_class=error_class, message=message)
