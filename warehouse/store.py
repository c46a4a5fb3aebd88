"""The warehouse as the pipeline and the CLI see it: loads, run bookkeeping, reads.

Obtain a `Warehouse` from `open_warehouse`, which holds the one-writer lock for as long as
the `with` block lasts. Its methods live by what they do:

- `warehouse.session`, the plumbing: `_run` (a named `.sql` statement, its parameters bound),
  `_transaction`, frames registered for set-based statements;
- `warehouse.runbook`: `start_run`, `finish_run`, `record_warning`, `record_ingest_errors`;
- `warehouse.loader`: `sync_dimensions`, `load_documents`, `record_paths_seen`, `retire_paths`;
- `warehouse.reads`: `current_extractions`, `loaded_documents`, `dimensions_fingerprint`, `query`,
  `read` (a named `q_*.sql` read), `export_facts`, `export`;
- `warehouse.decisions`: `record_decisions`, a reviewer's decisions (`gwr review`).
"""

from __future__ import annotations

from warehouse.decisions import Decisions
from warehouse.loader import Loader
from warehouse.reads import Reads


class Warehouse(Loader, Reads, Decisions):
    """An open, locked warehouse connection. All timestamps are UTC."""


__all__ = ["Warehouse"]
