"""The pipeline's tasks: one call per stage per batch of documents.

Prefect's local API records only ~25-40 task runs a second here, so a task per
document would make orchestration cost more than the work; a task per batch
keeps it a small fraction (see bench/benchmark.py). Retries sit on the tasks
that touch the disk or the warehouse only: a pure transform that failed once
will fail again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from prefect import task
from prefect.cache_policies import NONE

from flows import dimensions
from flows.batch import Ledger, Parcel, Triage
from flows.isolation import WorkerTime, process_isolated
from ingest import sources
from transforms.records import Failure, Processed, SourceFile
from warehouse import WarehouseError, open_warehouse
from warehouse.digest import file_digest
from warehouse.loads import BatchLoad, BatchLoaded
from warehouse.publish import parquet_folder, publish

IO_RETRIES = dict(retries=2, retry_delay_seconds=[1, 5])

# The batches' writing tasks open the warehouse with `defer_checkpoint=True`: their commits stay
# in the write-ahead log and close_run folds them into the file once (or leaves them to the
# snapshot's publish, which folds them while it copies). open_run does not defer: what
# it writes to a new warehouse (the tables, the views and their comments, the dimensions) would
# otherwise be replayed by every batch's open until DuckDB folds the log in (50 ms an open).


@dataclass(slots=True)
class BatchResult:
    """A validated batch: the documents to load, in columns, and the documents validation rejected."""

    load: BatchLoad | None = None
    failures: list[Failure] = field(default_factory=list)


@dataclass(slots=True)
class Loaded:
    """What loading a batch committed, for the run's tally."""

    facts_loaded: int = 0
    rows_quarantined: int = 0
    docs_loaded: set[str] = field(default_factory=set)  # sha256 of every document committed
    failures: list[Failure] = field(default_factory=list)  # documents that failed to load
    orphans: int = 0  # files whose content failed under another name in this run


@dataclass(frozen=True, slots=True)
class Outcome:
    """How a run ended, as its `run_log` row records it: its status, its counts, and why if it did not complete."""

    status: str
    counts: dict
    message: str | None = None


@dataclass(slots=True)
class Found:
    """The files a run will read, the paths it could not take, the files it skipped (by suffix, or hidden), and
    the folders every file read must lie within (None: the run follows links anywhere)."""

    files: list[str]
    failures: list[Failure]
    skipped: list[str]
    within: list[str] | None = None


@task(cache_policy=NONE, **IO_RETRIES)
def discover_files(paths: list[str], follow_links: bool = False) -> Found:
    """Find the report files under the given paths."""
    found = sources.discover(paths, follow_links=follow_links)
    failures = [Failure.from_error(p, None, err) for p, err in found.errors]
    return Found([str(p) for p in found.files], failures, [sources.shown(p) for p in found.skipped],
                 None if follow_links else found.roots)


@task(cache_policy=NONE, **IO_RETRIES)
def open_run(db: str, wait_seconds: float, run_id: str, flow_run_id: str | None, params: dict) -> Ledger:
    """Record the run, refresh the indicator and region dimensions if their knowledge changed, and return
    what the warehouse holds."""
    with open_warehouse(Path(db), wait_seconds=wait_seconds) as wh:
        fingerprint = dimensions.knowledge_fingerprint()
        if wh.dimensions_fingerprint() != fingerprint:  # the lexicon is imported only when it changed
            wh.sync_dimensions(*dimensions.dimension_frames(), fingerprint)
        wh.start_run(run_id, flow_run_id, params)
        return Ledger(*wh.current_extractions())


@task(cache_policy=NONE, **IO_RETRIES)
def read_batch(paths: list[str], max_bytes: int, within: list[str] | None = None
               ) -> tuple[list[SourceFile], list[Failure]]:
    """Read a batch of files from disk (bytes and sha256)."""
    read, failures = [], []
    for p in paths:
        try:
            read.append(sources.read_source(Path(p), max_bytes, within))
        except sources.InputError as err:
            failures.append(Failure.from_error(p, None, err))
    return read, failures


@task(cache_policy=NONE)
def transform_batch(todo: Parcel, workers: int, doc_timeout: float
                    ) -> tuple[list[Processed], list[Failure], WorkerTime]:
    """Decode, clean and extract the new, changed and stale documents of a batch, each in a worker process.

    Returns the documents, the failures and the time the workers spent on them.
    """
    done, failures, spent = [], [], WorkerTime(0.0, 0.0)
    for out, took in process_isolated(todo.items, workers, doc_timeout, by_path=todo.at_home()):
        (failures if isinstance(out, Failure) else done).append(out)
        spent += took
    return done, failures, spent


@task(cache_policy=NONE)
def validate_batch(processed: list[Processed]) -> BatchResult:
    """Check documents and facts against the stage schemas (one pandera call for the documents, one for the
    facts); quarantine what fails."""
    from validation.batch import check_batch  # pandera, pandas and the lexicon: only when there is something to check

    checked = check_batch(processed)
    failures = [Failure(p.source.path, p.source.sha256, "validate", "SchemaError", reason)
                for p, reason in checked.rejected]
    return BatchResult(checked.load, failures)


@task(cache_policy=NONE, **IO_RETRIES)
def load_batch(
    db: str, wait_seconds: float, run_id: str, batch: BatchLoad | None, seen: Triage, failures: list[Failure]
) -> Loaded:
    """Load the batch's documents in one transaction (a document that fails, alone), then record seen paths
    and failures."""
    with open_warehouse(Path(db), wait_seconds=wait_seconds, defer_checkpoint=True) as wh:
        done = wh.load_batch(run_id, batch) if batch is not None else BatchLoaded()
        out = Loaded(done.facts, done.quarantined, set(done.loaded),
                     [Failure(f.path, f.sha256, "load", f.error_class, f.message) for f in done.failures])
        # An unchanged path's document is loaded by definition; a duplicate's twin may have
        # failed in this run, so duplicates are looked up (one query for the batch).
        loaded = wh.loaded_documents([src.sha256 for src in seen.duplicates])
        loaded |= {src.sha256 for src in seen.unchanged}
        wh.record_paths_seen(run_id, [(s.path, s.sha256) for s in seen.seen if s.sha256 in loaded])
        orphans = [Failure(src.path, src.sha256, "ingest", "DuplicateOfFailed",
                           f"{src.path}: same content as another file of this run that failed")
                   for src in seen.seen if src.sha256 not in loaded]
        wh.record_ingest_errors(run_id, [(f.path, f.sha256, f.stage, f.error_class, f.message)
                                         for f in [*orphans, *failures]])
    out.orphans = len(orphans)
    return out


@task(cache_policy=NONE)
def publish_snapshot(db: str, target: str, behind: bool = False) -> str:
    """Publish the read-only snapshot and Parquet files BI tools open, unless they already hold what the warehouse
    holds; say where, or why not.

    A run that changed nothing a reader sees (its `run_log` row and the paths' last-seen time
    apart) leaves the snapshot as it is: nothing to do, nothing done. A run that loaded documents
    or retired paths says so (`behind`), and publishes without comparing the two files' contents
    first (0.15 s of digests at N = 1,000, for an answer known); its `close_run` left the run's
    write-ahead log to this publish, which folds it into the file while it copies
    (`warehouse.publish`). The run's documents are committed by now: a snapshot that cannot be
    written (a full disk) is reported, and the previous snapshot stays, but the run does not fail
    for it (a log not folded is the next writer's to fold; every opener reads it meanwhile).
    """
    try:
        if not behind and _still_current(Path(db), Path(target)):
            return f"{target} not published again: it holds every row the warehouse holds (run_log apart)"
        done = publish(Path(db), Path(target), fold_log=behind)
    except (OSError, WarehouseError) as exc:
        return f"not published to {target}: {str(exc).splitlines()[0]}; the previous snapshot stays"
    return f"{done.snapshot} and {done.relations} Parquet files in {done.parquet}/ ({done.seconds:g} s)"


def _still_current(db: Path, target: Path) -> bool:
    """Whether the snapshot at `target` and its Parquet folder hold what the warehouse holds (`warehouse.digest`)."""
    if not parquet_folder(target).is_dir():
        return False
    published = file_digest(target)
    if published is None:
        return False
    with open_warehouse(db, read_only=True) as wh:
        current = wh.content_digest()
    return current is not None and current == published


@task(cache_policy=NONE, **IO_RETRIES)
def find_missing(roots: list[str], found: list[str], current: list[str]) -> list[str]:
    """Current paths under the run's roots whose files are gone.

    `current` is every path the warehouse held as current when the run opened it (its ledger) and
    every path the run found: the run holds the run lock, so no other writer changed them since, and
    the warehouse need not be read again.
    """
    return sources.missing(current, roots, set(found))


@task(cache_policy=NONE, **IO_RETRIES)
def retire_missing(db: str, wait_seconds: float, run_id: str, missing: list[str]) -> None:
    """Retire the current paths whose files are gone (`gwr run --prune`)."""
    with open_warehouse(Path(db), wait_seconds=wait_seconds, defer_checkpoint=True) as wh:
        wh.retire_paths(run_id, missing)


@task(cache_policy=NONE, **IO_RETRIES)
def record_skipped(db: str, wait_seconds: float, run_id: str, skipped: list[str]) -> None:
    """Record a warning for each file a folder walk passed over: gwr does not read its format, or it is hidden."""
    with open_warehouse(Path(db), wait_seconds=wait_seconds, defer_checkpoint=True) as wh:
        for path in skipped:
            wh.record_warning(run_id, path, None, "discover", sources.skip_reason(path))


@task(cache_policy=NONE, **IO_RETRIES)
def close_run(db: str, wait_seconds: float, run_id: str, outcome: Outcome, defer_checkpoint: bool = False,
              changed: bool = False) -> None:
    """Write the run's outcome to `run_log`, folding the run's write-ahead log into the file unless the snapshot's
    publish will (`defer_checkpoint`: see `publish_snapshot`). A run that `changed` the warehouse and finds its row
    groups past `COMPACT_AFTER` folds it itself, compacting them (`warehouse.runbook`); one that changed nothing
    would merge nothing, and does not look (10 ms at 2,000 documents)."""
    with open_warehouse(Path(db), wait_seconds=wait_seconds, defer_checkpoint=defer_checkpoint) as wh:
        wh.finish_run(run_id, outcome.status, outcome.counts, outcome.message)
        if changed:
            wh.compact_if_due()
