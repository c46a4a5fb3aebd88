"""The warehouse as the pipeline and the CLI see it: loads, run bookkeeping, reads.

Every statement is a `.sql` file (see `warehouse.sqlfiles`); this module binds parameters
and draws transaction boundaries. Obtain a `Warehouse` from `open_warehouse`, which holds
the one-writer lock for as long as the `with` block lasts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

import duckdb

from warehouse import loads
from warehouse.errors import WarehouseUnavailable
from warehouse.loads import BatchLoaded, DocumentLoad, LoadFailure, Prepared
from warehouse.readonly import guarded_query
from warehouse.run_counts import RUN_COUNTS
from warehouse.sqlfiles import data_tests, sql

if TYPE_CHECKING:  # pandas is imported by the loading methods only: `gwr query` never pays for it
    import pandas as pd
    import pyarrow as pa

RUN_STATUSES: tuple[str, ...] = ("completed", "failed", "interrupted")
_PARAMETER = re.compile(r"\$([a-z_][a-z0-9_]*)")


class Warehouse:
    """An open, locked warehouse connection. All timestamps are UTC."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, *, read_only: bool = False) -> None:
        self._con = con
        self.path = path
        self.read_only = read_only

    # -- what is already loaded -------------------------------------------------------------

    def current_versions(self) -> dict[str, str]:
        """Path -> sha256 of the bytes last loaded from it, for every current path."""
        return dict(self._run("q_current_versions").fetchall())

    def current_extractions(self) -> tuple[dict[str, str], dict[str, str | None]]:
        """(path -> sha256 of every current path, sha256 -> extractor version that loaded it), in one read."""
        rows = self._run("q_current_extractions").fetchall()
        return {path: sha for path, sha, _ in rows}, {sha: version for _, sha, version in rows}

    def has_document(self, sha256: str) -> bool:
        """Whether a document with these bytes is loaded (under any name)."""
        # fetchall drains the result: DuckDB 2 refuses new work on a connection with one pending
        return bool(self._run("q_has_document", doc_id=sha256).fetchall()[0][0])

    def loaded_documents(self, sha256s: list[str]) -> set[str]:
        """Which of these contents are loaded (under any name), in one read."""
        if not sha256s:
            return set()
        return {doc_id for (doc_id,) in self._run("q_loaded_documents", doc_ids=sorted(set(sha256s))).fetchall()}

    # -- run bookkeeping --------------------------------------------------------------------

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

    def record_warning(self, run_id: str, path: str, sha256: str | None, stage: str, message: str) -> None:
        """Note that a file loaded but not whole ("PDF pages 2–4 have no text layer"), or was skipped."""
        with self._transaction():
            self._run("dml_insert_warning", run_id=run_id, path=path, sha256=sha256, stage=stage, message=message)

    def record_ingest_error(
        self, run_id: str, path: str, sha256: str | None, stage: str, error_class: str, message: str
    ) -> None:
        """Log a file that could not be read, decoded, extracted or loaded."""
        self.record_ingest_errors(run_id, [(path, sha256, stage, error_class, message)])

    def record_ingest_errors(self, run_id: str, errors: list[tuple[str, str | None, str, str, str]]) -> None:
        """`record_ingest_error` for many files, each (path, sha256, stage, error_class, message), at once."""
        if not errors:
            return
        with self._transaction():
            for path, sha256, stage, error_class, message in errors:
                self._run("dml_insert_ingest_error", run_id=run_id, path=path, sha256=sha256, stage=stage,
                          error_class=error_class, message=message)

    # -- dimensions -------------------------------------------------------------------------

    def sync_indicators(self, df: pd.DataFrame) -> None:
        """Upsert the indicator lexicon (code, name_zh, name_en, category, level_unit, scored, direction)."""
        from warehouse import frames

        with self._registered(incoming_indicators=frames.indicator_frame(df)), self._transaction():
            self._run("dml_upsert_indicators")

    def sync_regions(self, df: pd.DataFrame) -> None:
        """Upsert the region list (name, adcode, level, parent_adcode, parent_name)."""
        from warehouse import frames

        with self._registered(incoming_regions=frames.region_frame(df)), self._transaction():
            self._run("dml_upsert_regions")

    def dimensions_fingerprint(self) -> str | None:
        """The fingerprint `sync_dimensions` last recorded, or None if the dimensions were never synced so."""
        rows = self._run("q_dimensions_fingerprint").fetchall()
        return rows[0][0] if rows else None

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

    # -- documents and facts ----------------------------------------------------------------

    def load_document(
        self,
        run_id: str,
        document: dict[str, Any],
        paths: list[str],
        facts: pd.DataFrame,
        quarantine: pd.DataFrame | None = None,
    ) -> int:
        """Load one document, its paths, facts and rejected rows in one transaction; return facts inserted.

        The one-document case of `load_documents`, except that a failure is raised, not recorded:
        `document` is described by `warehouse.loads.DocumentLoad`. The document's facts and
        quarantine rows are replaced, so loading it again is a no-op, and facts of earlier
        versions of these paths are dropped once no path holds them.
        """
        return self._load(run_id, [loads.prepare(DocumentLoad(document, paths, facts, quarantine))])

    def load_documents(self, run_id: str, units: list[DocumentLoad]) -> BatchLoaded:
        """Load a batch of documents in one transaction of set-based statements; a bad document fails alone.

        The result is what loading each document with `load_document`, in order, would leave.
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

    def record_path_seen(self, run_id: str, path: str, sha256: str) -> None:
        """Note that `path` holds the already loaded document `sha256` (unchanged, or a second name)."""
        self.record_paths_seen(run_id, [(path, sha256)])

    def record_paths_seen(self, run_id: str, seen: list[tuple[str, str]]) -> None:
        """`record_path_seen` for many paths in one set-based transaction (a rerun over 10,000 files)."""
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

    # -- reads ------------------------------------------------------------------------------

    def query(self, sql_text: str, params: list[Any] | None = None) -> tuple[list[str], list[tuple]]:
        """Run one analyst's statement (`gwr query`) that only reads; return column names and rows.

        Raises `QueryRefused` for a statement that would write or reach a file.
        """
        return guarded_query(self._con, sql_text, params)

    def read(self, name: str, **params: Any) -> tuple[list[str], list[tuple]]:
        """Run the named read `sql/q_<name>.sql` with bound parameters; return column names and rows."""
        cursor = self._run(f"q_{name}", **params)
        return [column[0] for column in cursor.description or []], cursor.fetchall()

    def export_facts(self, out: Path) -> int:
        """Write `v_facts` to `out` (.csv, .jsonl or .parquet); return rows written."""
        from warehouse.export import export_facts

        return export_facts(self._con, Path(out))

    def export(self, folder: Path, fmt: str, *, excel: bool = False, only: list[str] | None = None) -> dict[str, int]:
        """Write every table and view (or `only` those) to `folder` as parquet, csv or jsonl; rows by name."""
        from warehouse.export import export_all

        return export_all(self._con, Path(folder), fmt, excel=excel, only=only)

    def run_data_tests(self) -> dict[str, int]:
        """Failing rows of every `warehouse/tests/assert_*.sql`, by test name (all 0 = healthy)."""
        return {name: len(self._con.execute(text).fetchall()) for name, text in data_tests().items()}

    def table_counts(self) -> dict[str, int]:
        """Rows in each table."""
        return dict(self._run("q_table_counts").fetchall())

    # -- plumbing ---------------------------------------------------------------------------

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

    def _run(self, name: str, **params: Any) -> duckdb.DuckDBPyConnection:
        """Execute `sql/<name>.sql`, binding the named parameters it mentions (`$now` is supplied)."""
        text = sql(name)
        params.setdefault("now", datetime.now(UTC).replace(tzinfo=None))
        wanted = set(_PARAMETER.findall(text))
        return self._con.execute(text, {key: _plain(value) for key, value in params.items() if key in wanted})

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """Commit everything in the block or nothing; a failed write leaves the previous state."""
        self._con.begin()
        try:
            yield
            self._con.commit()
        except BaseException as exc:
            with suppress(duckdb.Error):
                self._con.rollback()
            if isinstance(exc, duckdb.IOException):
                raise WarehouseUnavailable(f"warehouse {self.path} could not be written: {exc}") from exc
            raise

    @contextmanager
    def _registered_per_segment(self) -> Iterator[Callable[[dict[str, pd.DataFrame | pa.Table]], None]]:
        """`_registered` for frames that change inside one transaction: each call replaces the views.

        Enter it outside `_transaction`, for the same reason: they are unregistered after the rollback.
        """
        names: set[str] = set()

        def register(views: dict[str, pd.DataFrame | pa.Table]) -> None:
            for name, frame in views.items():
                self._con.register(name, frame)
                names.add(name)

        try:
            yield register
        finally:
            for name in names:
                self._con.unregister(name)

    @contextmanager
    def _registered(self, **views: pd.DataFrame | pa.Table) -> Iterator[None]:
        """Expose DataFrames (or Arrow tables) to SQL under fixed names for the block, so inserts are set-based.

        Enter it outside `_transaction`: DuckDB refuses to unregister inside an aborted
        transaction, so the rollback must come first.
        """
        with self._registered_per_segment() as register:
            register(views)
            yield


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


def _plain(value: Any) -> Any:
    """A Python value DuckDB can bind: numpy scalars (a year read by pandas) and NA become plain."""
    if value is None or isinstance(value, str | bytes | datetime | list | tuple):
        return value
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    if hasattr(value, "item"):
        value = value.item()
    return None if isinstance(value, float) and value != value else value
