"""Loading: the dimensions, a batch of documents in one transaction, the paths a run saw or found gone.

The frames a load registers and the checks of its input are `warehouse.loads` and
`warehouse.frames`; this module runs the statements, segment by segment, and decides
what a failure costs: the batch is retried one document at a time, and a document that
fails is recorded and skipped, never half-loaded.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING, Any

import duckdb

from warehouse import loads
from warehouse.loads import BatchLoad, BatchLoaded, DocumentLoad, LoadFailure
from warehouse.runbook import RunBook

if TYPE_CHECKING:  # pandas is imported by the loading methods only: `gwr query` never pays for it
    import pandas as pd


class Loader(RunBook):
    """The writing methods of a run; a failed document's `ingest_errors` row is the run book's."""

    def sync_dimensions(self, indicators: pd.DataFrame, regions: pd.DataFrame, fingerprint: str) -> None:
        """Upsert the indicator lexicon and the region list, and record the fingerprint of what they came from."""
        from warehouse import frames

        with (
            self._registered(incoming_indicators=frames.indicator_frame(indicators),
                             incoming_regions=frames.region_frame(regions)),
            self._transaction(),
        ):
            self._run("dml_upsert_indicators")
            self._run("dml_upsert_regions")
            self._run("dml_set_dimensions_fingerprint", fingerprint=fingerprint)

    def load_documents(self, run_id: str, units: list[DocumentLoad]) -> BatchLoaded:
        """`load_batch` for documents given one by one (each with its own facts): stacked into one batch first;
        a document whose input breaks the loader's contract fails alone, as one the warehouse refuses does."""
        batch, bad = loads.BatchLoad.of(units)
        return self.load_batch(run_id, batch, refused=[_load_failure(unit, exc) for unit, exc in bad])

    def load_batch(self, run_id: str, batch: BatchLoad, refused: list[LoadFailure] | None = None) -> BatchLoaded:
        """Load a batch of documents in one transaction of set-based statements; a bad document fails alone.

        The result is what loading the documents one at a time, in order, would leave.
        If the batch's transaction fails, it is rolled back and the documents are loaded one
        at a time: each that fails is rolled back alone, gets an `ingest_errors` row (stage
        `load`) and is returned in `failures`; the others load. Nothing is ever half-loaded.
        `refused` are documents of the batch already found unloadable: they are recorded so too.
        A warehouse that cannot be written at all raises `WarehouseUnavailable`.
        """
        result = BatchLoaded(failures=list(refused or []))
        ready = []
        for index, (unit, paths) in enumerate(zip(batch.documents, batch.paths, strict=True)):
            try:
                loads.prepare((unit, paths))
                ready.append(index)
            except ValueError as exc:  # a row that breaks the loader's contract: that document only
                result.failures.append(_row_failure(unit, paths, exc))
        if len(ready) < len(batch):
            batch = batch.select(ready)
        try:
            result.facts = self._load(run_id, batch)
            result.loaded = batch.doc_ids
        except duckdb.Error as exc:
            if _unusable(exc):
                raise
            self._load_one_by_one(run_id, batch, result, exc)
        loaded = set(result.loaded)
        if batch.quarantine is not None and len(batch.quarantine):
            result.quarantined = int(batch.quarantine["doc_id"].isin(loaded).sum())
        self.record_ingest_errors(run_id, [(f.path, f.sha256, "load", f.error_class, f.message)
                                           for f in result.failures])
        return result

    def _load_one_by_one(self, run_id: str, batch: BatchLoad, result: BatchLoaded, error: duckdb.Error) -> None:
        """The batch failed as a whole: load its documents one at a time, to find the one(s) it failed on."""
        if len(batch) < 2:
            result.failures += [_row_failure(row, paths, error) for row, paths in zip(batch.documents, batch.paths,
                                                                                      strict=True)]
            return
        for index in range(len(batch)):
            one = batch.select([index])
            try:
                result.facts += self._load(run_id, one)
                result.loaded += one.doc_ids
            except duckdb.Error as exc:
                if _unusable(exc):
                    raise
                result.failures.append(_row_failure(one.documents[0], one.paths[0], exc))

    def record_paths_seen(self, run_id: str, seen: list[tuple[str, str]]) -> None:
        """Note that each path holds its already loaded document, each (path, sha256): unchanged, or a second name.

        One set-based transaction for them all (a rerun over 10,000 files); raises ValueError, and records
        nothing, when a document is not loaded.
        """
        if not seen:
            return
        latest = dict(seen)
        with self._transaction():
            self._run("writer_incoming_paths", paths=list(latest), docs=[PurePath(path).name for path in latest],
                      doc_ids=list(latest.values()))
            missing = self._run("q_missing_documents").fetchall()
            if missing:  # the rollback takes the temp table back too
                path, sha256 = missing[0]
                raise ValueError(f"no document {sha256} in the warehouse; load it before recording {path}")
            # Set-based statements stream a row count that must be drained before the next one.
            self._run("dml_retire_replaced_paths").fetchall()
            self._run("dml_upsert_paths", run_id=run_id).fetchall()
            self._run("dml_delete_stale_facts").fetchall()
            self._run("writer_drop_incoming_paths")

    def retire_paths(self, run_id: str, paths: list[str]) -> int:
        """Mark files that are gone as no longer current (`gwr run --prune`); return how many were current.

        A document's facts leave `v_facts` (and the fact table) once none of its paths is current;
        its `dim_document` and `document_path` rows stay as history.
        """
        if not paths:
            return 0
        import pyarrow as pa

        incoming = pa.table({"path": sorted(set(map(str, paths)))})
        with self._registered(incoming_paths=incoming), self._transaction():
            retired = self._run("dml_retire_paths_gone", run_id=run_id).fetchall()[0][0]
            self._run("dml_delete_stale_facts")
        return int(retired)

    def _load(self, run_id: str, batch: BatchLoad) -> int:
        """Load a batch in one transaction, segment by segment (`warehouse.loads`); return facts inserted.

        Region names are resolved against `dim_region` as it stands before each segment, and
        loading a document adds the regions its facts name: when a fact names a region code
        `dim_region` lacks (never in a flow, which syncs the region list first), a document
        can change how a later one's names resolve, so each document is its own segment.
        """
        if not len(batch):
            return 0
        codes = loads.region_codes(batch)
        unknown = codes and self._run("q_unknown_region_codes", codes=codes).fetchall()
        parts = loads.segments(batch, one_by_one=bool(unknown))
        inserted = 0
        with self._registered_per_segment() as register, self._transaction():
            for part in parts:
                register(loads.segment_tables(batch if len(parts) == 1 else batch.select(part)))
                # Set-based statements stream a row count that must be drained before the next one.
                self._run("dml_update_documents").fetchall()
                self._run("dml_insert_documents", run_id=run_id).fetchall()
                self._run("dml_insert_document_spans", run_id=run_id).fetchall()
                self._run("dml_retire_replaced_paths").fetchall()
                self._run("dml_upsert_paths", run_id=run_id).fetchall()
                self._run("dml_delete_batch_facts").fetchall()
                inserted += self._run("dml_insert_facts", run_id=run_id).fetchone()[0]
                self._run("dml_ensure_regions").fetchall()
                self._run("dml_delete_batch_quarantine").fetchall()
                self._run("dml_insert_quarantine", run_id=run_id).fetchall()
                self._run("dml_insert_warnings", run_id=run_id).fetchall()
            # Once for the batch: a fact goes stale only when a path stops being current, and no
            # path of a document of this batch does so before the batch's last segment is loaded.
            self._run("dml_delete_stale_facts").fetchall()
        return int(inserted)


def _unusable(exc: duckdb.Error) -> bool:
    """Whether a failed statement means the warehouse itself cannot be written (no document is to blame)."""
    return isinstance(exc, duckdb.IOException | duckdb.FatalException)


def _load_failure(unit: DocumentLoad, exc: Exception) -> LoadFailure:
    """The one sentence a run summary and `ingest_errors` show for a document that did not load."""
    return _row_failure(unit.document, unit.paths, exc)


def _row_failure(document: dict[str, Any], paths: list[str], exc: Exception) -> LoadFailure:
    """`_load_failure` for a document given as its row and paths."""
    path = str(paths[0]) if paths else str(document.get("path") or document.get("doc") or "?")
    first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return LoadFailure(path, loads.document_id(document) or None, type(exc).__name__,
                       f"{path}: could not be loaded into the warehouse ({first_line}); "
                       "nothing of it was written, the rest of its batch loaded")
