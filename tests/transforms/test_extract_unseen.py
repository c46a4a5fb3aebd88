"""Extraction tables for the classes of error texts nobody had tuned on showed (issue 15).

Every sentence here is written for the test, in the way the genre writes (news roundups,
press-conference copies, bulletins, work reports); none is copied from a development text.
Expected facts are (region, year, period, indicator, measure, kind, value, unit, qualifier),
written by hand from ../shared/eval/README.md. Known misses are xfail(strict=True).
"""

from __future__ import annotations

import pytest

from tests.transforms._helpers import extract, summary


def fact(region: str, year: int, period: str, ind: str, measure: str, value: float, unit: str,
         q: str = "eq", kind: str = "actual") -> tuple[object, ...]:
    return (region, year, period, ind, measure, kind, value, unit, q)


OUTLET_AND_REVIEW_YEAR = [
    pytest.param(
        "“南昌新闻广播”优秀微刊推荐\n2025年江西地区生产总值达35012.6亿元,同比增长5.1%。\n"
        "据介绍,过去一年江西工业稳步提质,规模以上工业增加值增长7.1%,全省固定资产投资增长3.0%。",
        "n_nanchang_news.txt",
        {fact("江西省", 2025, "FY", "gdp", "level", 35012.6, "亿元"),
         fact("江西省", 2025, "FY", "gdp", "growth", 5.1, "%"),
         fact("江西省", 2025, "FY", "industry_va_above_scale", "growth", 7.1, "%"),
         fact("江西省", 2025, "FY", "fixed_asset_investment", "growth", 3.0, "%")},
        id="an-outlets-city-is-not-the-subject-and-the-past-year-is-the-year-reported",
    ),
    pytest.param(
        "省政府新闻办举行发布会\n1月20日上午,省十四届人大三次会议开幕。报告回顾了2024年工作。"
        "过去一年,全省地区生产总值增长5.3%。今年地区生产总值预期增长5%以上。",
        "x_hunan_news_2025.txt",
        {fact("湖南省", 2024, "FY", "gdp", "growth", 5.3, "%"),
         fact("湖南省", 2025, "FY", "gdp", "growth", 5.0, "%", "ge", "target")},
        id="the-past-year-of-a-page-dated-by-its-file-name-is-the-year-before",
    ),
]


@pytest.mark.parametrize(("raw", "doc", "expected"), OUTLET_AND_REVIEW_YEAR)
def test_outlets_and_the_year_under_review(raw: str, doc: str, expected: set[tuple[object, ...]]) -> None:
    assert summary(extract(raw, doc=doc)) == expected
