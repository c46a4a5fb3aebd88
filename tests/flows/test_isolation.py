"""How a processed document travels back from an extraction worker (flows.isolation)."""

from __future__ import annotations

import contextlib
import gc
import pickle
import time
from multiprocessing.reduction import ForkingPickler

import psutil

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
    # Its text comes as the UTF-8 bytes the loader stores, counted as the text is, and read as it was.
    for doc, sent in zip(back, docs, strict=True):
        assert doc.decoded.loadable == sent.decoded.text.encode("utf-8")
        assert (doc.decoded.n_chars, doc.decoded.text) == (len(sent.decoded.text), sent.decoded.text)
    # A Dask worker sends it on with the plain pickler.
    assert pickle.loads(pickle.dumps(back)) == docs


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


def test_a_worker_sent_a_path_reads_the_same_document_and_refuses_a_file_changed_since(tmp_path) -> None:
    """With by_path the worker reads the file's bytes itself (the flow sends none): the same document as when
    sent the bytes; a file written after the run read it fails in the read stage, naming the change."""
    import shutil

    from flows import isolation
    from ingest.sources import read_source
    from transforms.records import Failure

    copy = tmp_path / SAMPLES[0].name
    shutil.copyfile(SAMPLES[0], copy)
    src = read_source(copy, 2**26)
    try:
        [(sent_bytes, _)] = isolation.process_isolated([src], 1, 120)
        [(sent_path, took)] = isolation.process_isolated([src], 1, 120, by_path=True)
        assert isinstance(sent_path, Processed) and sent_path.facts and took.cpu > 0
        assert sent_path == sent_bytes
        copy.write_bytes(copy.read_bytes() + "\n二〇二四年新增内容。\n".encode())
        [(changed, _)] = isolation.process_isolated([src], 1, 120, by_path=True)
        assert isinstance(changed, Failure)
        assert (changed.stage, changed.error_class, changed.sha256) == ("read", "ChangedWhileRead", src.sha256)
        assert "changed while the run read it" in changed.message and str(copy) in changed.message
        copy.unlink()
        [(gone, _)] = isolation.process_isolated([src], 1, 120, by_path=True)
        assert isinstance(gone, Failure) and gone.error_class == "ReadError" and "no such file" in gone.message
        # Sent its bytes, the worker never looks at the file.
        [(from_bytes, _)] = isolation.process_isolated([src], 1, 120)
        assert from_bytes == sent_bytes
    finally:
        isolation.shutdown()


def _at_home(parcel: object) -> bool:
    return parcel.at_home()  # type: ignore[attr-defined]


def test_a_parcel_is_at_home_only_in_the_process_that_read_its_files() -> None:
    """An extraction task run elsewhere (a Dask worker, maybe on another machine) is sent the bytes: only the
    process that made the parcel may send its workers paths."""
    import multiprocessing

    from flows.batch import Parcel
    from ingest.sources import read_source

    parcel = Parcel([read_source(SAMPLES[0], 2**26)])
    assert parcel.at_home()
    with multiprocessing.get_context("spawn").Pool(1) as other:
        assert other.apply(_at_home, (parcel,)) is False
    assert pickle.loads(pickle.dumps(parcel)).items == parcel.items


def test_the_workers_stop_when_the_last_run_holding_them_ends() -> None:
    """A run holds the pool while it may extract (held); its idle workers do not stay through publishing, unless
    another run of the process still holds them."""
    from flows import isolation
    from ingest.sources import read_source

    src = read_source(SAMPLES[0], 2**26)
    try:
        with isolation.held():
            with isolation.held():
                [(out, _)] = isolation.process_isolated([src], 1, 120)
                assert isinstance(out, Processed)
                workers = isolation._pool
                assert workers is not None and workers.active
                pids = list(workers._pool_manager.worker_manager.workers)
            assert isolation._pool is workers and workers.active  # the other run still holds them
        assert isolation._pool is None and not workers.active
        # Stopped in the background, the processes end within pebble's next look at its pool.
        assert psutil.wait_procs(_processes(pids), timeout=5)[1] == []
        [(again, _)] = isolation.process_isolated([src], 1, 120)  # a later run starts them again
        assert again == out
    finally:
        isolation.shutdown()


def _processes(pids: list[int]) -> list[psutil.Process]:
    """The processes of `pids` still running."""
    running = []
    for pid in pids:
        with contextlib.suppress(psutil.NoSuchProcess):
            running.append(psutil.Process(pid))
    return running


def test_a_worker_leaves_what_its_forkserver_loaded_out_of_its_garbage_collections() -> None:
    """The forkserver freezes what it loaded (flows._warm): a worker's collections never walk, and so never copy,
    the pages it shares with it."""
    from flows import isolation

    try:
        frozen = isolation.outcome(isolation.pool(1).schedule(gc.get_freeze_count))
    finally:
        isolation.shutdown()
    assert frozen > 100_000  # jieba's dictionary alone holds some 350,000 words
