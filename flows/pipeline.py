"""The gwr pipeline: ingest -> clean -> extract -> validate -> load, a batch of documents at a time."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from flows.tasks import (
    close_run,
    discover_files,
    load_batch,
    open_run,
    publish_snapshot,
    read_batch,
    transform_batch,
    validate_batch,
)
from gwr import progress
from gwr.batch import triage
from gwr.config import settings
from gwr.runlock import run_lock
from warehouse.publish import snapshot_path

COUNTS = ("docs_seen", "docs_new", "docs_unchanged", "docs_changed", "docs_duplicate", "docs_failed",
          "facts_loaded", "rows_quarantined")


@flow(name="gwr-pipeline", log_prints=False)
def gwr_pipeline(
    paths: list[str],
    db: str | None = None,
    batch_size: int | None = None,
    max_file_mb: float | None = None,
    lock_timeout: float | None = None,
    publish: str | None = None,
) -> dict:
    """Load report files (or folders of them) into the DuckDB warehouse and return the run summary."""
    cfg = settings(db)
    batch_size = batch_size or cfg.batch_size
    max_bytes = int((max_file_mb or cfg.max_file_mb) * 1024 * 1024)
    wait = lock_timeout if lock_timeout is not None else cfg.lock_timeout
    db_path = str(cfg.db)
    log = get_run_logger()
    started = time.monotonic()
    run_id = str(flow_run.get_id() or uuid.uuid4())
    counts = dict.fromkeys(COUNTS, 0)
    errors: list[dict] = []

    with run_lock(Path(db_path), wait):
        files, failures = discover_files(paths)
        params = {"paths": paths, "db": db_path, "batch_size": batch_size, "max_bytes": max_bytes}
        versions = open_run(db_path, wait, run_id, flow_run.get_id(), params)
        status = "failed"
        try:
            total = len(files)
            progress.report(0, total)
            for start in range(0, max(total, 1), batch_size):
                batch = files[start:start + batch_size]
                sources, read_failures = read_batch(batch, max_bytes)
                sorted_ = triage(sources, versions)
                # quote(): Prefect would otherwise walk every element of these
                # payloads (bytes, offset maps) to track dependencies, which
                # cost more than the work itself.
                processed, bad = transform_batch(quote(sorted_.to_process))
                checked = validate_batch(quote(processed))
                batch_failures = failures + read_failures + bad + checked.failures
                loaded = load_batch(db_path, wait, run_id, quote(checked.units), quote(sorted_),
                                    quote(batch_failures))
                counts["docs_seen"] += len(batch) + len(failures)
                loaded_ids = {u.document["sha256"] for u in checked.units}
                counts["docs_new"] += sum(s.sha256 in loaded_ids for s in sorted_.new)
                counts["docs_changed"] += sum(s.sha256 in loaded_ids for s in sorted_.changed)
                counts["docs_unchanged"] += len(sorted_.unchanged)
                counts["docs_duplicate"] += len(sorted_.duplicates)
                counts["docs_failed"] += len(batch_failures) + loaded["docs_failed"]
                counts["facts_loaded"] += loaded["facts_loaded"]
                counts["rows_quarantined"] += loaded["rows_quarantined"]
                errors += [{"path": f.path, "stage": f.stage, "error": f.error_class, "message": f.message}
                           for f in batch_failures]
                failures = []  # discovery failures are recorded with the first batch only
                progress.report(min(start + batch_size, total), total)
                log.info("batch %d: %d files, %d facts loaded", start // batch_size + 1, len(batch),
                         loaded["facts_loaded"])
            status = "completed"
        finally:
            counts_out = {**counts, "seconds": round(time.monotonic() - started, 2)}
            close_run(db_path, wait, run_id, status, counts_out)
        target = snapshot_path(Path(db_path), publish)
        published = publish_snapshot(db_path, str(target)) if target is not None else None
    log.info("run %s: %s", run_id, counts_out)
    return {"run_id": run_id, "db": db_path, **counts_out, "errors": errors, "published": published}
