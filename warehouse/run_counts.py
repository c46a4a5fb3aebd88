"""The counters a run keeps, in the order a summary shows them: one list for the flow, the loader and the CLI.

`run_log` has one column per counter; `tests/flows/test_run_counts.py` checks the
table and `dml_finish_run.sql` against this list, so a counter added here and
not there fails a test instead of going silently unrecorded.
"""

from __future__ import annotations

#: (column of run_log and key of a run summary, label the summary prints)
RUN_COUNTERS: tuple[tuple[str, str], ...] = (
    ("docs_seen", "documents seen"),
    ("docs_new", "  new"),
    ("docs_unchanged", "  unchanged"),
    ("docs_changed", "  changed"),
    ("docs_reextracted", "  re-extracted (loaded by an older extractor)"),
    ("docs_duplicate", "  same content as another file"),
    ("docs_failed", "  failed"),
    ("docs_skipped", "files skipped by their suffix"),
    ("docs_missing", "files gone since loaded"),
    ("docs_retired", "  retired (--prune)"),
    ("facts_loaded", "facts loaded"),
    ("rows_quarantined", "rows quarantined"),
)
#: What a flow counts; `seconds` is the run's wall time, filled in when it ends.
COUNTS: tuple[str, ...] = tuple(name for name, _ in RUN_COUNTERS)
RUN_COUNTS: tuple[str, ...] = (*COUNTS, "seconds")
