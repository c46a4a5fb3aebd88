"""Validating a batch at once gives what validating each document alone does; a frame-level failure fails one."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from schemas.documents import LAST_YEAR
from tests.helpers import SAMPLES, processed, shared_texts
from validation.batch import Checked, check_batch

SHARED_TEXTS = ("corpus-large/a_130636_2021.txt", "corpus-news/g04_kunshan_news_2022.txt")


# A revision whose figures validation quarantines: an impossible rate and one figure given two values.
REVISION = "\n附:修订版。2024年全区城镇调查失业率为150%。全区地区生产总值增长5.5%、6.1%。\n"


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> list:
    """The samples, one of them revised, and a few texts of ../shared (when present), decoded, cleaned and
    extracted."""
    folder = tmp_path_factory.mktemp("inbox")
    revised = folder / f"revised_{SAMPLES[1].name}"
    revised.write_text(SAMPLES[1].read_text(encoding="utf-8") + REVISION, encoding="utf-8")
    return processed([Path(p) for p in SAMPLES] + [revised] + shared_texts(folder / "shared", SHARED_TEXTS))


def records(frame: pd.DataFrame) -> list[dict]:
    """A frame's rows, comparable across indexes and dtypes (a missing value is None)."""
    plain = frame.reset_index(drop=True).astype(object)
    return plain.where(plain.notna(), None).to_dict("records")


def outcome(checked: Checked) -> list[tuple]:
    """Each document's id, paths, warnings, facts and quarantine rows."""
    return [(u.document["sha256"], u.paths, u.warnings, records(u.facts), records(u.quarantine))
            for u in checked.units]


def test_a_batch_validates_as_its_documents_do_one_by_one(documents: list) -> None:
    together = check_batch(documents)
    alone = Checked()
    for document in documents:
        alone.extend(check_batch([document]))
    assert together.rejected == [] and len(together.units) == len(documents)
    assert outcome(together) == outcome(alone)
    assert sum(len(u.facts) for u in together.units) > 100
    assert sum(len(u.quarantine) for u in together.units) > 0, "some real rows are quarantined"


def test_documents_back_from_a_worker_validate_as_they_were_made(documents: list) -> None:
    # Their facts arrive as rows (transforms.records.FactRows), which the facts frame reads as they are.
    import pickle
    from multiprocessing.reduction import ForkingPickler

    import flows.isolation  # noqa: F401  (registers how a processed document travels from a worker)

    shipped = [pickle.loads(ForkingPickler.dumps(doc)) for doc in documents]
    assert outcome(check_batch(shipped)) == outcome(check_batch(documents))


def test_a_frame_level_failure_rejects_only_the_document_it_comes_from(documents: list) -> None:
    # A string column pandera cannot coerce at all fails the frame as a whole, not a row.
    bad = documents[2]
    undecodable = replace(bad, facts=[replace(bad.facts[0], sentence=b"\xff\xfe"), *bad.facts[1:]])
    batch = [*documents[:2], undecodable, *documents[3:]]

    checked = check_batch(batch)
    assert [(p.source.path, reason.split(":")[0]) for p, reason in checked.rejected] == [
        (bad.source.path, "its rows do not have the shape validation expects")]
    assert "frame-level failure" in checked.rejected[0][1]
    assert outcome(checked) == outcome(check_batch([*documents[:2], *documents[3:]]))


def test_a_document_whose_metadata_fails_is_rejected_with_the_check(documents: list) -> None:
    first = documents[0]
    empty_file = replace(first, source=replace(first.source, size=0))  # a size below the schema's minimum
    checked = check_batch([empty_file, *documents[1:]])
    assert [p.source.path for p, _ in checked.rejected] == [first.source.path]
    assert "document metadata failed validation: greater_than_or_equal_to(1)" in checked.rejected[0][1]
    assert [u.paths for u in checked.units] == [[p.source.path] for p in documents[1:]]
    assert isinstance(checked.units[0].facts, pd.DataFrame)


def test_a_document_rejected_for_its_metadata_is_told_the_field_and_the_value(tmp_path: Path) -> None:
    """Issue 19: a report dated 2099 said only "less_than_or_equal_to(2027)", naming neither field nor value."""
    report = tmp_path / "北京市2099年政府工作报告.txt"
    report.write_text("北京市2099年政府工作报告\n2098年全市地区生产总值增长5.2%。\n", encoding="utf-8")
    (document,) = processed([report])
    ((_, reason),) = check_batch([document]).rejected
    assert reason == f"document metadata failed validation: less_than_or_equal_to({LAST_YEAR}) (year is 2099)"
