"""How a processed document travels back from an extraction worker (flows.isolation)."""

from __future__ import annotations

import pickle
import time
from multiprocessing.reduction import ForkingPickler

import flows.isolation  # noqa: F401  (registers how a processed document is pickled between processes)
from tests.helpers import SAMPLES, processed
from transforms.records import FactRows, Processed


def test_a_processed_document_comes_back_from_a_worker_as_it_was_sent() -> None:
    docs = processed(list(SAMPLES))
    assert any(doc.facts for doc in docs)
    back = [pickle.loads(ForkingPickler.dumps(doc)) for doc in docs]
    assert back == docs
    assert [[type(fact) for fact in doc.facts] for doc in back] == [[type(fact) for fact in doc.facts] for doc in docs]
    # Its facts come as the rows they travelled in, made `Fact`s when read; sent on again, they stay rows.
    assert all(isinstance(doc.facts, FactRows) for doc in back)
    assert [pickle.loads(ForkingPickler.dumps(doc)) for doc in back] == docs


def test_workers_started_early_are_the_ones_the_run_extracts_with() -> None:
    """A run into a new warehouse starts the pool in the background (start_early); the run's first pool() call
    waits for those workers instead of starting others, and they extract."""
    from flows import isolation
    from ingest.sources import read_source

    isolation.shutdown()
    try:
        isolation.start_early(1)
        deadline = time.monotonic() + 120
        while isolation._pool is None and time.monotonic() < deadline:  # the background start has begun
            time.sleep(0.01)
        started = isolation._pool
        assert started is not None
        assert isolation.pool(1) is started and started.active
        [(out, took)] = isolation.process_isolated([read_source(SAMPLES[0], 2**26)], 1, 120)
        assert isinstance(out, Processed) and out.facts and took.cpu > 0
        assert isolation.pool(1) is started
    finally:
        isolation.shutdown()
