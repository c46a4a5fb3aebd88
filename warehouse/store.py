"""The warehouse as the pipeline and the CLI see it: loads, run bookkeeping, reads.

Every statement is a `.sql` file (see `warehouse.sqlfiles`); this module binds parameters
and draws transaction boundaries. Obtain a `Warehouse` from `open_warehouse`, which holds
the one-writer lock for as long as the `with` block lasts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

import duckdb

from warehouse.errors import WarehouseUnavailable
from warehouse.readonly import guarded_query
from warehouse.run_counts import RUN_COUNTS
from warehouse.sqlfiles import data_tests, sql

if TYPE_CHECKING:  # pandas is imported by the loading methods only: `gwr query` never pays for it
    import pandas as pd

DOCUMENT_FIELDS: tuple[str, ...] = (
    "title",
    "region",
    "region_code",
    "year",
    "report_type",
    "published",
    "encoding",
    "source_format",
    "extractor_version",
)
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
        """Log a file that could not be read, decoded or extracted."""
        with self._transaction():
            self._run(
                "dml_insert_ingest_error",
                run_id=run_id,
                path=path,
                sha256=sha256,
                stage=stage,
                error_class=error_class,
                message=message,
            )

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

        `document` needs `doc_id` (or `sha256`) and `raw_text`; `doc`, `path` and `n_chars`
        default from `paths[0]` and the text; other keys are `DOCUMENT_FIELDS`. The
        document's facts and quarantine rows are replaced, so loading it again is a no-op,
        and facts of earlier versions of these paths are dropped once no path holds them.
        """
        from warehouse import frames

        if not paths:
            raise ValueError("load_document needs at least one path the document was read from")
        doc_id = document.get("doc_id") or document.get("sha256")
        raw_text = document.get("raw_text")
        if not doc_id or raw_text is None:
            raise ValueError("document needs 'doc_id' (sha256 of its bytes) and 'raw_text'")
        fact_rows = frames.fact_frame(facts, doc_id)
        rejected = frames.quarantine_frame(quarantine)
        first = str(paths[0])
        doc_params = {name: document.get(name) for name in DOCUMENT_FIELDS}
        doc_params.update(
            doc_id=doc_id,
            doc=document.get("doc") or PurePath(first).name,
            path=document.get("path") or first,
            n_chars=document.get("n_chars", len(raw_text)),
            raw_text=raw_text,
            run_id=run_id,
        )
        with self._registered(incoming_facts=fact_rows, incoming_quarantine=rejected), self._transaction():
            self._run("dml_upsert_document", **doc_params)
            for path in paths:
                self._mark_current(run_id, str(path), doc_id)
            self._run("dml_delete_doc_facts", doc_id=doc_id)
            inserted = self._run(
                "dml_insert_facts",
                doc_id=doc_id,
                run_id=run_id,
                extractor_version=document.get("extractor_version"),
            ).fetchone()[0]
            self._run("dml_ensure_regions", doc_id=doc_id)
            self._run("dml_delete_stale_facts")
            self._run("dml_delete_doc_quarantine", doc_id=doc_id)
            self._run("dml_insert_quarantine", run_id=run_id, doc_id=doc_id, path=first)
        return int(inserted)

    def record_path_seen(self, run_id: str, path: str, sha256: str) -> None:
        """Note that `path` holds the already loaded document `sha256` (unchanged, or a second name)."""
        self.record_paths_seen(run_id, [(path, sha256)])

    def record_paths_seen(self, run_id: str, seen: list[tuple[str, str]]) -> None:
        """`record_path_seen` for many paths in one set-based transaction (a rerun over 10,000 files)."""
        if not seen:
            return
        import pandas as pd

        incoming = pd.DataFrame(
            [(path, PurePath(path).name, sha256) for path, sha256 in dict(seen).items()],
            columns=["path", "doc", "doc_id"],
        )
        with self._registered(incoming_paths=incoming), self._transaction():
            missing = self._run("q_missing_documents").fetchall()
            if missing:
                path, sha256 = missing[0]
                raise ValueError(f"no document {sha256} in the warehouse; load it before recording {path}")
            # Set-based statements stream a row count that must be drained before the next one.
            self._run("dml_retire_paths_seen").fetchall()
            self._run("dml_upsert_paths_seen", run_id=run_id).fetchall()
            self._run("dml_delete_stale_facts")

    def retire_paths(self, run_id: str, paths: list[str]) -> int:
        """Mark files that are gone as no longer current (`gwr run --prune`); return how many were current.

        A document's facts leave `v_facts` (and the fact table) once none of its paths is current;
        its `dim_document` and `document_path` rows stay as history.
        """
        if not paths:
            return 0
        import pandas as pd

        incoming = pd.DataFrame({"path": sorted(set(map(str, paths)))})
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

    def _mark_current(self, run_id: str, path: str, doc_id: str) -> None:
        self._run("dml_retire_path", path=path, doc_id=doc_id)
        self._run("dml_upsert_path", path=path, doc=PurePath(path).name, doc_id=doc_id, run_id=run_id)

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
    def _registered(self, **views: pd.DataFrame) -> Iterator[None]:
        """Expose DataFrames to SQL under fixed names for the block, so inserts are set-based.

        Enter it outside `_transaction`: DuckDB refuses to unregister inside an aborted
        transaction, so the rollback must come first.
        """
        for name, frame in views.items():
            self._con.register(name, frame)
        try:
            yield
        finally:
            for name in views:
                self._con.unregister(name)


def _plain(value: Any) -> Any:
    """A Python value DuckDB can bind: numpy scalars (a year read by pandas) and NA become plain."""
    if value is None or isinstance(value, str | bytes | datetime | list | tuple):
        return value
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    if hasattr(value, "item"):
        value = value.item()
    return None if isinstance(value, float) and value != value else value
