"""How a processed document travels back from an extraction worker (flows.isolation)."""

from __future__ import annotations

import pickle
from multiprocessing.reduction import ForkingPickler

import flows.isolation  # noqa: F401  (registers how a processed document is pickled between processes)
from tests.helpers import SAMPLES, processed


def test_a_processed_document_comes_back_from_a_worker_as_it_was_sent() -> None:
    docs = processed(list(SAMPLES))
    assert any(doc.facts for doc in docs)
    back = [pickle.loads(ForkingPickler.dumps(doc)) for doc in docs]
    assert back == docs
    assert [[type(fact) for fact in doc.facts] for doc in back] == [[type(fact) for fact in doc.facts] for doc in docs]
