"""Loading: the dimensions, a batch of documents in one transaction, the paths a run saw or found gone.

The frames a load registers and the checks of its input are `warehouse.loads` and
`warehouse.frames`; this module runs the statements, segment by segment, and decides
what a failure costs: the batch is retried one document at a time, and a document that
fails is recorded and skipped, never half-loaded.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING

import duckdb

from warehouse import loads
from warehouse.loads import BatchLoaded, DocumentLoad, LoadFailure, Prepared
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
        """Load a batch of documents in one transaction of set-based statements; a bad document fails alone.

        The result is what loading the documents one at a time, in order, would leave.
        If the batch's transaction fails, it is rolled back and the documents are loaded one
        at a time: each that fails is rolled back alone, gets an `ingest_errors` row (stage
        `load`) and is returned in `failures`; the others load. Nothing is ever half-loaded.
        A warehouse that cannot be written at all raises `WarehouseUnavailable`.
        """
        result, ready = BatchLoaded(), []
        for unit in units:
            try:
                ready.append(loads.prepare(unit))
            except ValueError as exc:  # a frame that breaks the loader's contract: that document only
                result.failures.append(_load_failure(unit, exc))
        try:
            result.facts = self._load(run_id, ready)
            result.loaded = [item.doc_id for item in ready]
        except duckdb.Error as exc:
            if _unusable(exc):
                raise
            if len(ready) < 2:
                result.failures += [_load_failure(item.unit, exc) for item in ready]
            else:
                for item in ready:  # the batch failed: find the document(s) it failed on
                    try:
                        result.facts += self._load(run_id, [item])
                        result.loaded.append(item.doc_id)
                    except duckdb.Error as one:
                        if _unusable(one):
                            raise
                        result.failures.append(_load_failure(item.unit, one))
        loaded = set(result.loaded)
        result.quarantined = sum(len(item.unit.quarantine) for item in ready
                                 if item.doc_id in loaded and item.unit.quarantine is not None)
        self.record_ingest_errors(run_id, [(f.path, f.sha256, "load", f.error_class, f.message)
                                           for f in result.failures])
        return result

    def record_paths_seen(self, run_id: str, seen: list[tuple[str, str]]) -> None:
        """Note that each path holds its already loaded document, each (path, sha256): unchanged, or a second name.

        One set-based transaction for them all (a rerun over 10,000 files); raises ValueError, and records
        nothing, when a document is not loaded.
        """
        if not seen:
            return
        import pyarrow as pa  # not pandas: a rerun over an unchanged inbox imports nothing it need not

        latest = dict(seen)
        incoming = pa.table({"path": list(latest), "doc": [PurePath(path).name for path in latest],
                             "doc_id": list(latest.values())})
        with self._registered(incoming_paths=incoming), self._transaction():
            missing = self._run("q_missing_documents").fetchall()
            if missing:
                path, sha256 = missing[0]
                raise ValueError(f"no document {sha256} in the warehouse; load it before recording {path}")
            # Set-based statements stream a row count that must be drained before the next one.
            self._run("dml_retire_replaced_paths").fetchall()
            self._run("dml_upsert_paths", run_id=run_id).fetchall()
            self._run("dml_delete_stale_facts")

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

    def _load(self, run_id: str, batch: list[Prepared]) -> int:
        """Load prepared documents in one transaction, segment by segment (`warehouse.loads`); return facts inserted.

        Region names are resolved against `dim_region` as it stands before each segment, and
        loading a document adds the regions its facts name: when a fact names a region code
        `dim_region` lacks (never in a flow, which syncs the region list first), a document
        can change how a later one's names resolve, so each document is its own segment.
        """
        if not batch:
            return 0
        codes = loads.region_codes(batch)
        unknown = codes and self._run("q_unknown_region_codes", codes=codes).fetchall()
        inserted = 0
        with self._registered_per_segment() as register, self._transaction():
            for segment in loads.segments(batch, one_by_one=bool(unknown)):
                register(loads.segment_frames(segment))
                # Set-based statements stream a row count that must be drained before the next one.
                self._run("dml_upsert_documents", run_id=run_id).fetchall()
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
    path = str(unit.paths[0]) if unit.paths else str(unit.document.get("path") or unit.document.get("doc") or "?")
    first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return LoadFailure(path, unit.doc_id or None, type(exc).__name__,
                       f"{path}: could not be loaded into the warehouse ({first_line}); "
                       "nothing of it was written, the rest of its batch loaded")
