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

import pandas as pd
from prefect import task
from prefect.cache_policies import NONE

from flows.batch import Failure, Ledger, Parcel, Processed, Triage
from flows.isolation import process_isolated
from ingest import sources
from schemas.documents import DocumentRecord, RawDocument
from transforms import EXTRACTOR_VERSION, lexicon, regions
from transforms.records import SourceFile
from validation.facts import validate_facts
from validation.frames import document_row, fact_frame, source_row
from validation.split import split_valid
from warehouse import WarehouseError, open_warehouse
from warehouse.publish import publish

IO_RETRIES = dict(retries=2, retry_delay_seconds=[1, 5])


@dataclass(slots=True)
class LoadUnit:
    """One document ready for the warehouse: its row, its paths, its facts and its quarantined rows."""

    document: dict
    paths: list[str]
    facts: pd.DataFrame
    quarantine: pd.DataFrame
    warnings: list[str] = field(default_factory=list)  # parts of the file that were not read


@dataclass(slots=True)
class BatchResult:
    units: list[LoadUnit] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


@dataclass(slots=True)
class Found:
    """The files a run will read, the paths it could not take, and the files it skipped by suffix."""

    files: list[str]
    failures: list[Failure]
    skipped: list[str]


@task(cache_policy=NONE, **IO_RETRIES)
def discover_files(paths: list[str]) -> Found:
    """Find the report files under the given paths."""
    found = sources.discover(paths)
    failures = [Failure.from_error(p, None, err) for p, err in found.errors]
    return Found([str(p) for p in found.files], failures, [sources.shown(p) for p in found.skipped])


@task(cache_policy=NONE, **IO_RETRIES)
def open_run(db: str, wait_seconds: float, run_id: str, flow_run_id: str | None, params: dict) -> Ledger:
    """Record the run, refresh the indicator and region dimensions, and return what the warehouse holds."""
    with open_warehouse(Path(db), wait_seconds=wait_seconds) as wh:
        wh.sync_indicators(pd.DataFrame(lexicon.indicator_rows()))
        wh.sync_regions(pd.DataFrame(regions.region_rows()))
        wh.start_run(run_id, flow_run_id, params)
        return Ledger(*wh.current_extractions())


@task(cache_policy=NONE, **IO_RETRIES)
def read_batch(paths: list[str], max_bytes: int) -> tuple[list[SourceFile], list[Failure]]:
    """Read a batch of files from disk (bytes and sha256)."""
    read, failures = [], []
    for p in paths:
        try:
            read.append(sources.read_source(Path(p), max_bytes))
        except sources.InputError as err:
            failures.append(Failure.from_error(p, None, err))
    return read, failures


@task(cache_policy=NONE)
def transform_batch(todo: Parcel, workers: int, doc_timeout: float) -> tuple[list[Processed], list[Failure], float]:
    """Decode, clean and extract the new, changed and stale documents of a batch, each in a worker process.

    Returns the documents, the failures and the seconds the workers spent on them.
    """
    done, failures, seconds = [], [], 0.0
    for out, took in process_isolated(todo.items, workers, doc_timeout):
        (failures if isinstance(out, Failure) else done).append(out)
        seconds += took
    return done, failures, seconds


@task(cache_policy=NONE)
def validate_batch(processed: list[Processed]) -> BatchResult:
    """Check documents and facts against the stage schemas; quarantine what fails.

    The whole batch is validated as one frame per schema: pandera's cost is per
    call, not per row, so a call per document would cost more than extraction.
    """
    result = BatchResult()
    if not processed:
        return result
    rows = {p.source.sha256: document_row(p) for p in processed}
    docs = pd.DataFrame(list(rows.values()))
    _, raw_bad = split_valid(RawDocument, docs[list(source_row(processed[0].source))], stage="ingest")
    _, doc_bad = split_valid(DocumentRecord, docs, stage="extract")
    bad_docs = pd.concat([raw_bad, doc_bad], ignore_index=True)
    rejected = set(bad_docs["doc_id"])
    good = [p for p in processed if p.source.sha256 not in rejected]
    for p in processed:
        if p.source.sha256 in rejected:
            checks = "; ".join(bad_docs.loc[bad_docs["doc_id"] == p.source.sha256, "check_name"])
            result.failures.append(Failure(p.source.path, p.source.sha256, "validate", "SchemaError",
                                           f"document metadata failed validation: {checks}"))
    if not good:
        return result
    facts = pd.concat([fact_frame(p) for p in good], ignore_index=True)
    loadable, quarantine = validate_facts(facts)
    ready = loadable.drop(columns=["doc_n_chars"])
    facts_of = dict(tuple(ready.groupby("doc_id", sort=False)))
    rejected_of = dict(tuple(quarantine.groupby("doc_id", sort=False)))
    for p in good:
        sha = p.source.sha256
        doc = {**rows[sha], "extractor_version": EXTRACTOR_VERSION}
        own_facts = facts_of.get(sha, ready.iloc[0:0])
        mine = rejected_of.get(sha, quarantine.iloc[0:0]).assign(path=p.source.path).reset_index(drop=True)
        result.units.append(LoadUnit(doc, [p.source.path], own_facts, mine, p.warnings))
    return result


@task(cache_policy=NONE, **IO_RETRIES)
def load_batch(
    db: str, wait_seconds: float, run_id: str, units: list[LoadUnit], seen: Triage, failures: list[Failure]
) -> dict[str, int]:
    """Load each document in its own transaction, then record seen paths and failures."""
    facts = quarantined = 0
    with open_warehouse(Path(db), wait_seconds=wait_seconds) as wh:
        for unit in units:
            facts += wh.load_document(run_id, unit.document, unit.paths, unit.facts, unit.quarantine)
            quarantined += len(unit.quarantine)
            for warning in unit.warnings:
                wh.record_warning(run_id, unit.paths[0], unit.document["sha256"], "decode", warning)
        # An unchanged path's document is loaded by definition; a duplicate's twin may have
        # failed in this run, so only duplicates are looked up (one query each).
        loaded = {sha: wh.has_document(sha) for sha in {src.sha256 for src in seen.duplicates}}
        loaded |= dict.fromkeys((src.sha256 for src in seen.unchanged), True)
        wh.record_paths_seen(run_id, [(s.path, s.sha256) for s in seen.seen if loaded[s.sha256]])
        orphans = [src for src in seen.seen if not loaded[src.sha256]]
        for src in orphans:  # its twin under another name failed in this batch: the same failure applies
            wh.record_ingest_error(run_id, src.path, src.sha256, "ingest", "DuplicateOfFailed",
                                   f"{src.path}: same content as another file of this run that failed")
        for f in failures:
            wh.record_ingest_error(run_id, f.path, f.sha256, f.stage, f.error_class, f.message)
    return {"facts_loaded": facts, "rows_quarantined": quarantined, "docs_failed": len(orphans)}


@task(cache_policy=NONE)
def publish_snapshot(db: str, target: str) -> str:
    """Publish the read-only snapshot and Parquet files BI tools open; say where, or why not.

    The run's documents are committed by now: a snapshot that cannot be written (a full disk)
    is reported, and the previous snapshot stays, but the run does not fail for it.
    """
    try:
        done = publish(Path(db), Path(target))
    except (OSError, WarehouseError) as exc:
        return f"not published to {target}: {str(exc).splitlines()[0]}; the previous snapshot stays"
    return f"{done.snapshot} and {done.relations} Parquet files in {done.parquet}/ ({done.seconds:g} s)"


@task(cache_policy=NONE, **IO_RETRIES)
def retire_missing(db: str, wait_seconds: float, run_id: str, roots: list[str], found: list[str],
                   prune: bool) -> list[str]:
    """Find current paths under the run's roots whose files are gone; with `prune`, retire them."""
    with open_warehouse(Path(db), wait_seconds=wait_seconds) as wh:
        current = wh.current_extractions()[0]
        missing = sources.missing(current, roots, set(found))
        if prune:
            wh.retire_paths(run_id, missing)
    return missing


@task(cache_policy=NONE, **IO_RETRIES)
def record_skipped(db: str, wait_seconds: float, run_id: str, skipped: list[str]) -> None:
    """Record a warning for each file a folder walk passed over because gwr does not read its format."""
    with open_warehouse(Path(db), wait_seconds=wait_seconds) as wh:
        for path in skipped:
            wh.record_warning(run_id, path, None, "discover",
                              f"{path}: skipped, gwr does not read {Path(path).suffix or 'suffix-less'} files")


@task(cache_policy=NONE, **IO_RETRIES)
def close_run(db: str, wait_seconds: float, run_id: str, status: str, counts: dict, message: str | None) -> None:
    """Write the run's outcome to `run_log`."""
    with open_warehouse(Path(db), wait_seconds=wait_seconds) as wh:
        wh.finish_run(run_id, status, counts, message)
