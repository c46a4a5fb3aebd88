"""Per-document bounds of extraction: a pathological sentence fails its document with the bound named."""

from __future__ import annotations

import pytest

from tests.transforms._helpers import extract
from transforms.errors import ExtractLimitExceeded, InputError
from transforms.facts.sentences import MAX_SENTENCE_CHARS, MAX_SENTENCE_FIGURES

HEAD = "2024年万州区经济运行情况\n"


def test_a_sentence_longer_than_the_bound_fails_its_document_with_the_bound_named() -> None:
    line = "全区地区生产总值增长6%," * (MAX_SENTENCE_CHARS // 12 + 1)
    with pytest.raises(ExtractLimitExceeded, match=f"{MAX_SENTENCE_CHARS:,}-character limit") as err:
        extract(HEAD + line, doc="long.txt")
    assert isinstance(err.value, InputError) and err.value.stage == "extract"
    assert "long.txt" in str(err.value)


def test_a_sentence_of_more_figures_than_the_bound_fails_with_the_bound_named() -> None:
    sentence = "全区地区生产总值分别增长" + "、".join(f"{i % 9 + 1}%" for i in range(MAX_SENTENCE_FIGURES + 1)) + "。"
    assert len(sentence) < MAX_SENTENCE_CHARS
    with pytest.raises(ExtractLimitExceeded, match=f"{MAX_SENTENCE_FIGURES}-figure limit"):
        extract(HEAD + sentence)


def test_a_long_list_within_the_bounds_is_read() -> None:
    sentence = ("全区地区生产总值增长" + "、".join(f"{i % 9 + 1}.{i % 10}%" for i in range(MAX_SENTENCE_FIGURES))
                + "。")
    assert len(sentence) < MAX_SENTENCE_CHARS
    facts = extract(HEAD + sentence)
    # One statistic cannot take 300 values: the run's figures are all gdp growth of one key;
    # validation quarantines them as a conflict, extraction keeps each distinct value once.
    assert {f.indicator for f in facts} == {"gdp"} and len(facts) == len({f.value for f in facts})
