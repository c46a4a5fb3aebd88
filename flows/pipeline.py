"""The gwr pipeline: ingest -> clean -> extract -> validate -> load, a batch of documents at a time.

Batches are read and sorted in the flow, extracted concurrently (worker
processes here, or a Dask cluster with `DaskTaskRunner`), and validated and
loaded in submission order by this one process, the warehouse's only writer.
The flow's parameters carry all of its configuration (`RunOptions`): it reads no
environment, so a deployment's run does what its parameters say on any worker.
"""

# No `from __future__ import annotations` here: Prefect builds a pydantic model of the flow's
# signature to validate its parameters, and a deployment's runner loads this file under another
# module name, where the string "RunOptions" no longer resolves ("not fully defined").
import gc
import logging
import time
import uuid
from collections import deque
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger
from prefect.context import FlowRunContext
from prefect.futures import PrefectFuture
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from flows import isolation, progress
from flows.batch import Ledger, Parcel, Triage, triage
from flows.tasks import (
    BatchResult,
    Found,
    Loaded,
    Outcome,
    close_run,
    discover_files,
    find_missing,
    load_batch,
    open_run,
    publish_snapshot,
    read_batch,
    record_skipped,
    retire_missing,
    transform_batch,
    validate_batch,
)
from settings.options import RunOptions
from transforms import EXTRACTOR_VERSION
from transforms.records import Failure
from warehouse.run_counts import COUNTS
from warehouse.runlock import run_lock


@dataclass(slots=True)
class InFlight:
    """A batch whose extraction has been submitted and whose loading waits its turn."""

    size: int
    sorted_: Triage
    failures: list[Failure]
    extraction: PrefectFuture | None


@dataclass(slots=True)
class Tally:
    """What the run has committed so far: the counts `run_log` gets, the failures and warnings the summary shows."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    errors: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    done: int = 0
    # Wall seconds the flow spent in each stage's task calls (Prefect's overhead included),
    # and waiting for extraction that ran concurrently elsewhere: where a run's time went; and
    # the CPU seconds the flow's thread spent in each (`<stage>_cpu`), which other users of the
    # machine do not inflate; for publishing, which runs alone after the last batch and may write
    # with threads of its own, the whole process's.
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(
        ("ingest", "extract", "extract_cpu", "wait_for_extract", "validate", "load", "publish", "ingest_cpu",
         "validate_cpu", "load_cpu", "publish_cpu"), 0.0))

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        clock = time.process_time if stage == "publish" else time.thread_time
        started, cpu = time.perf_counter(), clock()
        try:
            yield
        finally:
            self.seconds[stage] += time.perf_counter() - started
            if f"{stage}_cpu" in self.seconds:
                self.seconds[f"{stage}_cpu"] += clock() - cpu

    @property
    def behind(self) -> bool:
        """Whether the run changed what a reader of the snapshot sees: it loaded or retired documents."""
        return any(self.counts[name] for name in ("docs_new", "docs_changed", "docs_reextracted", "docs_retired"))

    def add(self, batch: InFlight, failures: list[Failure], loaded: Loaded) -> None:
        s, c, loaded_ids = batch.sorted_, self.counts, loaded.docs_loaded
        failures = failures + loaded.failures
        c["docs_seen"] += batch.size
        c["docs_new"] += sum(src.sha256 in loaded_ids for src in s.new)
        c["docs_changed"] += sum(src.sha256 in loaded_ids for src in s.changed)
        c["docs_reextracted"] += sum(src.sha256 in loaded_ids for src in s.stale)
        c["docs_unchanged"] += len(s.unchanged)
        c["docs_duplicate"] += len(s.duplicates)
        c["docs_failed"] += len(failures) + loaded.orphans
        c["facts_loaded"] += loaded.facts_loaded
        c["rows_quarantined"] += loaded.rows_quarantined
        self.errors += [{"path": f.path, "stage": f.stage, "error": f.error_class, "message": f.message}
                        for f in failures]
        self.done += batch.size


@flow(name="gwr-pipeline", log_prints=False)
def gwr_pipeline(paths: list[str], options: RunOptions) -> dict:
    """Load report files (or folders of them) into the DuckDB warehouse and return the run summary."""
    db_path, wait = str(options.db), options.lock_timeout
    log = get_run_logger()
    started = time.monotonic()
    run_id = str(flow_run.get_id() or uuid.uuid4())
    # On a Dask cluster each worker extracts one document at a time; here the pool uses every core.
    remote = type(FlowRunContext.get().task_runner).__name__ == "DaskTaskRunner"
    pool_size, window = (1, max(2, options.workers)) if remote else (options.worker_count, 2)
    tally = Tally()
    status, reason = "failed", None

    with _heap_frozen(), run_lock(Path(db_path), wait, options.min_free_mb), ExitStack() as extracting:
        extracting.enter_context(isolation.held())  # the workers stop once the batches are done
        with tally.timed("ingest"):
            found = discover_files(paths, options.follow_links)
        if found.files and not remote and not Path(db_path).exists():
            isolation.start_early(pool_size)  # a new warehouse: every file will be extracted
        params = {"paths": paths, "db": db_path, "batch_size": options.batch_size,
                  "max_file_mb": options.max_file_mb, "workers": options.workers,
                  "doc_timeout": options.doc_timeout, "extractor_version": EXTRACTOR_VERSION}
        with tally.timed("load"):
            ledger = open_run(db_path, wait, run_id, flow_run.get_id(), params)
        stale_before = sum(version != EXTRACTOR_VERSION for version in ledger.extracted_by.values())
        total = len(found.files) + len(found.failures)
        try:
            if found.skipped:
                record_skipped(db_path, wait, run_id, found.skipped)
            _load_batches(Batches(found, ledger, options, db_path, run_id, pool_size, window, total, not remote),
                          tally, log)
            extracting.close()
            if not progress.stop_requested():
                with tally.timed("ingest"):
                    missing = find_missing(paths, quote(found.files), quote(list(ledger.paths)))
                if options.prune and missing:
                    with tally.timed("load"):
                        retire_missing(db_path, wait, run_id, missing)
                tally.counts["docs_missing"] = len(missing)
                tally.counts["docs_retired"] = len(missing) if options.prune else 0
            tally.counts["docs_skipped"] = len(found.skipped)
            status = "interrupted" if progress.stop_requested() else "completed"
        except BaseException as exc:
            reason = f"{type(exc).__name__}: {exc}"
            raise
        finally:
            counts_out = {**tally.counts, "seconds": round(time.monotonic() - started, 2)}
            if status == "interrupted":
                reason = f"interrupted after {tally.done} of {total} documents"
            target = options.publish if status == "completed" else None
            behind = tally.behind
            with tally.timed("load"):  # its write folds the run's write-ahead log into the file, or the publish will
                close_run(db_path, wait, run_id, Outcome(status, counts_out, reason if status != "completed" else None),
                          defer_checkpoint=target is not None and behind, changed=behind)
        with tally.timed("publish"):
            published = publish_snapshot(db_path, str(target), behind) if target is not None else None
    log.info("run %s %s: %s", run_id, status, counts_out)
    # finish(): whoever started the flow learns what it committed before Prefect records its end.
    return progress.finish({
            "run_id": run_id, "db": db_path, "status": status, "docs_total": total, "docs_done": tally.done,
            "stale_before": stale_before, "extractor_version": EXTRACTOR_VERSION, **counts_out,
            "errors": tally.errors, "warnings": tally.warnings, "skipped": found.skipped, "published": published,
            "stage_seconds": {k: round(v, 2) for k, v in tally.seconds.items()}})


@contextmanager
def _heap_frozen() -> Iterator[None]:
    """Keep what the process held before the run out of the garbage collector's full passes while it runs.

    A full collection walks every object the collector tracks, most of them the modules and the
    Prefect and pydantic objects that were there before the run: a cold 1,000-document run made
    three, 0.3 s of CPU, 0.07 s with those objects frozen. They are unfrozen after the run, so a
    long-lived process (`gwr serve`) still collects what it later drops.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@dataclass(frozen=True, slots=True)
class Batches:
    """What the batch loop needs: the files, the warehouse's ledger, the settings and where extraction runs."""

    found: Found
    ledger: Ledger
    options: RunOptions
    db: str
    run_id: str
    pool_size: int  # extraction processes per transform task
    window: int  # batches extracting while the flow validates and loads the oldest
    total: int
    local: bool  # extraction in this machine's pool (not on a Dask cluster)


def _load_batches(run: Batches, tally: Tally, log: logging.Logger | logging.LoggerAdapter) -> None:
    """Read and sort each batch, submit its extraction, and load the oldest batches in order; stop when asked."""
    files, size = run.found.files, run.options.batch_size
    progress.report(0, run.total)
    pending: deque[InFlight] = deque()
    # Files are read `size` at a time, but extracted and loaded in batches of `size` documents to
    # extract: what a read batch has nothing to do for (unchanged files, duplicates, failures) rides
    # with the next batch that has, so a rerun where 10 % changed extracts and loads a batch or two,
    # not one sliver per read batch, and an unchanged inbox costs one write, not one a batch.
    failed = run.found.failures  # discovery failures: recorded with the first batch
    gathered = InFlight(len(failed), Triage(), list(failed), None)
    for start in range(0, len(files) or 1, size):
        if progress.stop_requested():
            return
        batch = files[start:start + size]
        with tally.timed("ingest"):  # quote(): Prefect walks a list argument's items, twice a call
            sources, read_failures = read_batch(quote(batch), int(run.options.max_file_mb * 2**20), run.found.within)
            sorted_ = triage(sources, run.ledger)
        if sorted_.to_process and run.local:
            # The workers start now, while the other files are read, not once the batch is submitted: a
            # pool's start (0.06 s, in a fresh process the forkserver's 1.5 s) no longer waits for the reads.
            isolation.start_early(run.pool_size)
        if len(gathered.sorted_.to_process) + len(sorted_.to_process) > size:  # a batch extracts `size` at most
            pending.append(_submitted(gathered, run))
            gathered = InFlight(0, Triage(), [], None)
        _gather(gathered, len(batch), sorted_, read_failures)
        last = start + size >= len(files)
        if last or len(gathered.sorted_.to_process) >= size or gathered.size >= 100 * size:
            pending.append(_submitted(gathered, run))
            gathered = InFlight(0, Triage(), [], None)
        while len(pending) >= run.window or (pending and last):
            if progress.stop_requested():
                return
            failed_before = len(tally.errors)
            _finish(pending.popleft(), run.db, run.options.lock_timeout, run.run_id, tally)
            progress.report(tally.done, run.total)
            log.info("%d of %d documents: %d facts loaded so far", tally.done, run.total,
                     tally.counts["facts_loaded"])
            for error in tally.errors[failed_before:]:  # the UI shows the run's failures beside its counts
                log.warning("%s failed (%s): %s", error["path"], error["stage"], error["message"])


def _gather(into: InFlight, files: int, sorted_: Triage, failures: list[Failure]) -> None:
    """Add a read batch's files to the batch being gathered; a file already loaded keeps its path and sha256 only
    (its bytes are not needed again, and up to 100 read batches of them may wait here)."""
    into.size += files
    into.failures += failures
    for mine, theirs in ((into.sorted_.new, sorted_.new), (into.sorted_.changed, sorted_.changed),
                         (into.sorted_.stale, sorted_.stale)):
        mine += theirs
    into.sorted_.unchanged += [replace(src, data=b"") for src in sorted_.unchanged]
    into.sorted_.duplicates += [replace(src, data=b"") for src in sorted_.duplicates]


def _submitted(batch: InFlight, run: Batches) -> InFlight:
    """`batch` with its extraction submitted, if it has documents to extract."""
    if batch.sorted_.to_process:
        # Parcel and quote(): Prefect (and Dask) would otherwise walk every
        # element of these payloads (bytes, offset maps) to track dependencies.
        batch.extraction = transform_batch.submit(Parcel(batch.sorted_.to_process), run.pool_size,
                                                  run.options.doc_timeout)
    return batch


def _finish(batch: InFlight, db: str, wait: float, run_id: str, tally: Tally) -> None:
    """Validate and load one extracted batch, then add what it committed to the tally."""
    if not batch.size and not batch.failures:
        return
    with tally.timed("wait_for_extract"):
        processed, bad, took = batch.extraction.result() if batch.extraction is not None else ([], [], None)
    if took is not None:  # worker time, concurrent with the flow's own stages
        tally.seconds["extract"] += took.wall
        tally.seconds["extract_cpu"] += took.cpu
    if progress.stop_requested():
        return  # extraction was cut short: load nothing of it, record nothing about it
    with tally.timed("validate"):
        checked = validate_batch(quote(processed)) if processed else BatchResult()
    failures = batch.failures + bad + checked.failures
    with tally.timed("load"):
        loaded = load_batch(db, wait, run_id, quote(checked.load), quote(batch.sorted_), quote(failures))
    tally.add(batch, failures, loaded)
    tally.warnings += [warning.message for p in processed for warning in p.warnings]
