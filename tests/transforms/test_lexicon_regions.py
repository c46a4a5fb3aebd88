"""Knowledge tables and region resolution."""

from __future__ import annotations

import csv

import pytest

from tests.helpers import SHARED
from transforms.knowledge import lexicon, regions, segmenter

EVAL_CODES = SHARED / "eval" / "indicators.csv"


def test_every_scored_code_has_a_known_level_unit() -> None:
    for ind in lexicon.indicators().values():
        assert ind.level_unit in lexicon.units(), ind.code


@pytest.mark.skipif(not EVAL_CODES.exists(), reason="../shared/eval is not beside the project")
def test_eval_codes_are_all_scored_rows() -> None:
    with EVAL_CODES.open(encoding="utf-8") as fh:
        codes = {row["code"] for row in csv.DictReader(fh)}
    scored = {i.code for i in lexicon.indicators().values() if i.scored}
    assert codes == scored


def test_longest_wording_wins() -> None:
    finder, form_of = lexicon.indicator_finder()
    m = finder.search("规上工业增加值增长")
    assert m and form_of[m.word] == "规上工业增加值"


def test_private_tokenizer_knows_the_lexicon() -> None:
    assert "社会消费品零售总额" in segmenter.tokenizer().lcut("社会消费品零售总额增长")


def test_unit_rows_give_base_units() -> None:
    rows = {r["unit"]: r for r in lexicon.unit_rows()}
    assert rows["亿元"]["base_unit"] == "元" and rows["亿元"]["factor"] == 1e8


@pytest.mark.parametrize(
    ("form", "context", "name", "code"),
    [("四川", "", "四川省", "510000"), ("重庆", "", "重庆市", "500000"), ("万州区", "", "万州区", "500101"),
     ("双城经济圈", "", "成渝地区双城经济圈", None)],
)
def test_resolve(form: str, context: str, name: str, code: str | None) -> None:
    r = regions.resolve(form, context)
    assert r is not None and (r.name, r.adcode) == (name, code)


def test_region_rows_have_levels_and_parents() -> None:
    rows = {r["adcode"]: r for r in regions.region_rows() if r["adcode"]}
    assert rows["500101"]["parent_name"] == "重庆市" and rows["500101"]["level"] == "county"
    assert rows["510000"]["level"] == "province"
    assert not any(r["name"] == "重庆市" and r["level"] == "city" for r in rows.values())
