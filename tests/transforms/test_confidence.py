"""Each fact says how much of it its own words state (transforms/facts/confidence.py)."""

from __future__ import annotations

from tests.transforms._helpers import extract, news, work_report
from transforms.records import Fact


def graded(facts: list[Fact]) -> dict[tuple[str, str, float], tuple[str, str]]:
    return {(f.region, f.indicator, f.value): (f.confidence, f.evidence) for f in facts}


def test_a_work_reports_own_figure_is_high() -> None:
    facts = graded(extract(work_report(review="全区地区生产总值增长6.1%。")))
    assert facts == {("万州区", "gdp", 6.1): (
        "high", "region=self year=document period=default kind=section indicator=named")}


def test_news_is_high_only_where_its_sentence_writes_region_and_time() -> None:
    facts = graded(extract(news("前三季度,涪陵区地区生产总值增长6.3%。其增速高于全市。永川区也增长6.3%。"
                                "2023年,江北区规模以上工业增加值增长8.1%。")))
    assert facts[("涪陵区", "gdp", 6.3)][0] == "high"
    assert facts[("江北区", "industry_va_above_scale", 8.1)] == (
        "high", "region=clause year=stated period=stated kind=default indicator=named")
    # 永川区也增长6.3%: the indicator is the one the sentence before named.
    assert facts[("永川区", "gdp", 6.3)][0] == "low"
    assert "indicator=borrowed" in facts[("永川区", "gdp", 6.3)][1]


def test_a_year_carried_from_the_paragraph_is_low() -> None:
    facts = graded(extract(news("2022年,荣昌区地区生产总值增长4.8%。荣昌区社会消费品零售总额增长5.2%。")))
    assert facts[("荣昌区", "gdp", 4.8)][0] == "high"
    assert facts[("荣昌区", "retail_sales", 5.2)] == (
        "low", "region=clause year=paragraph period=default kind=default indicator=named")


def test_a_figure_leaning_on_a_guessed_document_region_or_year_is_no_higher_than_medium() -> None:
    # No session line, no title: the region is the one the text names most, the year the file's.
    raw = ("各位代表:\n一、过去一年的工作\n全县地区生产总值增长5.2%。"
           "涪陵区在重庆市东部,全县上下奋发图强。涪陵区发展良好。")
    facts = extract(raw, doc="x_report_2024.txt")
    assert [(f.region, f.confidence) for f in facts] == [("涪陵区", "medium")]
