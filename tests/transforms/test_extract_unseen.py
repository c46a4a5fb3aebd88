"""Extraction tables for the classes of error texts nobody had tuned on showed (issue 15).

Every sentence here is written for the test, in the way the genre writes (news roundups,
press-conference copies, bulletins, work reports); none is copied from a development text.
Expected facts are (region, year, period, indicator, measure, kind, value, unit, qualifier),
written by hand from ../shared/eval/README.md. Known misses are xfail(strict=True).
"""

from __future__ import annotations

import opencc
import pytest

from tests.transforms._helpers import dateline, extract, summary, work_report


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


ROUNDUP_HEAD = "多省份公布2025年经济增长目标\n2025-02-10 来源:财经日报\n"

TARGETS_IN_NEWS = [
    pytest.param(
        ROUNDUP_HEAD + "从经济增速目标看,西藏的目标定在7%以上。河北省的目标定在5.5%左右。",
        {fact("西藏自治区", 2025, "FY", "gdp", "growth", 7.0, "%", "ge", "target"),
         fact("河北省", 2025, "FY", "gdp", "growth", 5.5, "%", "approx", "target")},
        id="a-region-whose-goal-is-set-at-a-figure",
    ),
    pytest.param(
        ROUNDUP_HEAD + "海南提出增长5.5%以上的目标。浙江全省经济增长5.5%左右的预期目标。",
        {fact("海南省", 2025, "FY", "gdp", "growth", 5.5, "%", "ge", "target"),
         fact("浙江省", 2025, "FY", "gdp", "growth", 5.5, "%", "approx", "target")},
        id="a-figure-followed-by-its-goal-noun",
    ),
    pytest.param(
        ROUNDUP_HEAD + "甘肃确保完成全年增长5.5%的目标。天津今年提出增长5%左右。",
        {fact("甘肃省", 2025, "FY", "gdp", "growth", 5.5, "%", "eq", "target"),
         fact("天津市", 2025, "FY", "gdp", "growth", 5.0, "%", "approx", "target")},
        id="a-goal-to-be-met-and-a-goal-put-forward",
    ),
    pytest.param(
        ROUNDUP_HEAD + "重庆的增长目标定为“6%以上,力争7%”。",
        {fact("重庆市", 2025, "FY", "gdp", "growth", 6.0, "%", "ge", "target"),
         fact("重庆市", 2025, "FY", "gdp", "growth", 7.0, "%", "eq", "target")},
        id="two-goals-in-one-a-floor-and-a-striven-for-figure",
    ),
    pytest.param(
        ROUNDUP_HEAD + "开封、洛阳、许昌等市也将2025年GDP增速目标定为6%,濮阳、漯河则是6%以上。",
        {fact(r, 2025, "FY", "gdp", "growth", 6.0, "%", q, "target")
         for r, q in (("开封市", "eq"), ("洛阳市", "eq"), ("许昌市", "eq"), ("濮阳市", "ge"), ("漯河市", "ge"))},
        id="a-goal-each-of-a-list-of-cities-sets",
    ),
    pytest.param(
        ROUNDUP_HEAD + "南阳提出了“保7%、争8%”的目标。",
        {fact("南阳市", 2025, "FY", "gdp", "growth", 7.0, "%", "eq", "target"),
         fact("南阳市", 2025, "FY", "gdp", "growth", 8.0, "%", "eq", "target")},
        id="a-goal-to-secure-and-a-goal-to-strive-for",
    ),
]


@pytest.mark.parametrize(("raw", "expected"), TARGETS_IN_NEWS)
def test_targets_as_news_writes_them(raw: str, expected: set[tuple[object, ...]]) -> None:
    assert summary(extract(raw, doc="x_duosheng_news_2025.txt")) == expected


@pytest.mark.parametrize(("raw", "expected"), TARGETS_IN_NEWS)
def test_a_traditional_character_copy_reads_as_the_simplified(raw: str, expected: set[tuple[object, ...]]) -> None:
    """Big5 gateways mirror roundups in traditional characters (西藏的目標定在7%以上)."""
    traditional = opencc.OpenCC("s2t").convert(raw)
    assert traditional != raw
    assert summary(extract(traditional, doc="x_duosheng_news_2025.txt")) == expected


def test_a_second_goal_after_a_floor_in_a_work_report() -> None:
    raw = work_report(plan="今年主要预期目标是:地区生产总值增长6%以上,力争7%;一般公共预算收入增长5%左右。")
    assert summary(extract(raw)) == {
        fact("万州区", 2024, "FY", "gdp", "growth", 6.0, "%", "ge", "target"),
        fact("万州区", 2024, "FY", "gdp", "growth", 7.0, "%", "eq", "target"),
        fact("万州区", 2024, "FY", "general_budget_revenue", "growth", 5.0, "%", "approx", "target"),
    }


def test_a_threshold_over_named_regions_is_still_a_groups() -> None:
    raw = dateline("上半年,深圳和广州的GDP都超过了1.3万亿元,南京、长沙的GDP增速均为2.2%。", "2021-08-08 13:34")
    assert summary(extract(raw)) == {
        fact("南京市", 2021, "H1", "gdp", "growth", 2.2, "%"),
        fact("长沙市", 2021, "H1", "gdp", "growth", 2.2, "%"),
    }


def test_a_county_named_only_by_its_file_name_and_in_passing_others() -> None:
    """A county paper's news says 全县 and names other counties once, in a ranking: the file name
    places it (the pinyin of 房县), not the first county it names in passing."""
    raw = ("本报讯 前三季度,全县主要指标持续增长。全县完成生产总值56.7亿,增长7.5%。"
           "三季度经济指标综合排名全市第四,位居郧阳区、丹江口市之后。")
    assert summary(extract(raw, doc="x_fangxian_news_2018.txt")) == {
        fact("房县", 2018, "Q1-Q3", "gdp", "level", 56.7, "亿元"),
        fact("房县", 2018, "Q1-Q3", "gdp", "growth", 7.5, "%"),
    }


def test_money_without_its_yuan() -> None:
    raw = dateline("上半年全市GDP5123.45亿,同比增长5.5%。邻近的德阳,其经济总量接近900亿。", "2024-07-28 10:00")
    found = summary(extract(raw, doc="x_chengdu_news_2024.txt"))
    assert fact("成都市", 2024, "H1", "gdp", "level", 5123.45, "亿元") in found
    assert ("gdp", 900.0, "亿元", "approx") in {(f[3], f[6], f[7], f[8]) for f in found}


def test_the_quarter_that_ends_a_releases_period_is_that_period() -> None:
    """A county's half-year release: "二季度" GDP is through June, the release's H1."""
    raw = ("上半年,全县经济运行小幅回升。\n根据地区生产总值统一核算结果,二季度全县地区生产总值为1437936万元,"
           "比上年同期增长-8.7%。\n上半年,全县规模以上工业增加值同比下降15.4%。")
    assert summary(extract(raw, doc="x_liulin_bulletin_2024.txt")) == {
        fact("柳林县", 2024, "H1", "gdp", "level", 1437936, "万元"),
        fact("柳林县", 2024, "H1", "gdp", "growth", -8.7, "%"),
        fact("柳林县", 2024, "H1", "industry_va_above_scale", "growth", -15.4, "%"),
    }


def test_a_headlines_rounded_level_beside_the_exact_one() -> None:
    raw = page_like("广东前三季度GDP达8.8万亿", "前三季度,广东实现地区生产总值88009.86亿元,同比增长9.7%。")
    assert summary(extract(raw)) == {
        fact("广东省", 2021, "Q1-Q3", "gdp", "level", 88009.86, "亿元"),
        fact("广东省", 2021, "Q1-Q3", "gdp", "growth", 9.7, "%"),
    }


def page_like(title: str, body: str) -> str:
    return f"---\ntitle: '{title}'\ndate: Mon, 25 Oct 2021 08:00:00 GMT\n---\n\n<p>{title}</p>\n<p>{body}</p>\n"


def test_a_breakdown_paragraph_goes_on_with_the_city_before() -> None:
    """A roundup: a paragraph on one city, then one that breaks it down by industry without naming
    it; a city ranked 在全国 is not the nation's subject. The copy lost its title: its lead is no title."""
    raw = ("17个万亿GDP城市公布上半年成绩单。南京、长沙增速最高。\n"
           "上半年南京地区生产总值6612.35亿元,同比增长2.2%。南京在全国排名中晋升2位。\n"
           "分产业看,第一产业增加值89.76亿元,同比下降0.9%。")
    assert summary(extract(raw, doc="x_duoshi_news_2020.txt")) == {
        fact("南京市", 2020, "H1", "gdp", "level", 6612.35, "亿元"),
        fact("南京市", 2020, "H1", "gdp", "growth", 2.2, "%"),
        fact("南京市", 2020, "H1", "primary_industry_va", "level", 89.76, "亿元"),
        fact("南京市", 2020, "H1", "primary_industry_va", "growth", -0.9, "%"),
    }


def test_a_ranking_of_cities_with_borrowed_growth() -> None:
    """A bureau's quarter roundup: the cities name no indicator, the sentence before names the growth."""
    raw = ("省统计局日前发布一季度全省经济运行情况通报。一季度全省生产总值10347.7亿元,同比增长5.2%。\n"
           "从经济增速来看,滁州以7.4%的增速居全省第一;池州、芜湖分列二三位,增速分别为7.2%、7%;"
           "安庆为5.8%,阜阳、宣城增速同为5.6%。此外,合肥为5.3%。")
    found = summary(extract(raw, doc="x_anhui_news_2022.txt"))
    assert {(f[0], f[6]) for f in found if f[3] == "gdp" and f[4] == "growth"} == {
        ("安徽省", 5.2), ("滁州市", 7.4), ("池州市", 7.2), ("芜湖市", 7.0), ("安庆市", 5.8),
        ("阜阳市", 5.6), ("宣城市", 5.6), ("合肥市", 5.3)}


def test_a_citys_bulletin_names_its_districts_by_their_stems() -> None:
    raw = ("珠海市统计局\n2012年3月19日\n初步核算,2011年全市实现地区生产总值(GDP)1403.24亿元,比上年增长11.3%。\n"
           "分区域看,香洲、金湾和斗门三个行政区分别实现地区生产总值863.48亿元、351.27亿元和188.49亿元,"
           "分别增长10.8%、14.2%和9.0%。")
    found = summary(extract(raw, doc="x_zhuhai_bulletin_2012.txt"))
    assert {(f[0], f[4], f[6]) for f in found} == {
        ("珠海市", "level", 1403.24), ("珠海市", "growth", 11.3),
        ("香洲区", "level", 863.48), ("金湾区", "level", 351.27), ("斗门区", "level", 188.49),
        ("香洲区", "growth", 10.8), ("金湾区", "growth", 14.2), ("斗门区", "growth", 9.0)}


def test_a_provinces_bulletin_of_the_1990s_says_guonei_of_itself() -> None:
    raw = "广西壮族自治区统计局\n1992年,全区国民经济高速增长。初步统计,全年国内生产总值561亿元,比上年增长18.2%。"
    assert summary(extract(raw, doc="x_guangxi_bulletin_1993.txt")) == {
        fact("广西壮族自治区", 1992, "FY", "gdp", "level", 561, "亿元"),
        fact("广西壮族自治区", 1992, "FY", "gdp", "growth", 18.2, "%"),
    }


def test_the_national_bureaus_press_conference_is_the_nations() -> None:
    raw = ("国务院新闻办公室定于2010年10月21日上午10时举行新闻发布会,"
           "请国家统计局新闻发言人介绍今年前三季度国民经济运行情况。\n"
           "初步测算,前三季度国内生产总值268660亿元,同比增长10.6%。分产业看,第一产业增加值25600亿元,增长4.0%。")
    found = summary(extract(raw, doc="x_quanguo_news_2010.txt"))
    assert fact("全国", 2010, "Q1-Q3", "primary_industry_va", "level", 25600, "亿元") in found


def test_a_breakdown_by_quarter_then_by_industry() -> None:
    raw = dateline("国家统计局新闻发言人介绍前三季度国民经济运行情况。"
                   "初步测算,前三季度国内生产总值268660亿元,同比增长10.6%。"
                   "分季度看,一季度增长11.9%,二季度增长10.3%,三季度增长9.6%。分产业看,第一产业增加值25600亿元,增长4.0%。",
                   "2010-10-21 10:00")
    found = summary(extract(raw, doc="x_quanguo_bulletin_2010.txt"))
    assert {(f[2], f[3], f[6]) for f in found} == {
        ("Q1-Q3", "gdp", 268660), ("Q1-Q3", "gdp", 10.6), ("Q1", "gdp", 11.9), ("Q2", "gdp", 10.3),
        ("Q3", "gdp", 9.6), ("Q1-Q3", "primary_industry_va", 25600), ("Q1-Q3", "primary_industry_va", 4.0)}


def test_noise_inside_words_and_numbers() -> None:
    raw = work_report(review="地方一 般公共预算收入111.16亿元,增长3.2%;社会消费品零售总额781.71亿元,下 降0.3%,"
                             "全县生产总值同比增长15℅,第三产业增加值增长15. 4%。")
    assert summary(extract(raw)) == {
        fact("万州区", 2023, "FY", "general_budget_revenue", "level", 111.16, "亿元"),
        fact("万州区", 2023, "FY", "general_budget_revenue", "growth", 3.2, "%"),
        fact("万州区", 2023, "FY", "retail_sales", "level", 781.71, "亿元"),
        fact("万州区", 2023, "FY", "retail_sales", "growth", -0.3, "%"),
        fact("万州区", 2023, "FY", "gdp", "growth", 15.0, "%"),
        fact("万州区", 2023, "FY", "tertiary_industry_va", "growth", 15.4, "%"),
    }


def test_an_increment_is_no_level_and_a_bare_share_word() -> None:
    raw = dateline("前三季度,广西完成地区生产总值20351.72亿元,GDP增量为697.47亿元,同比实际增速为3.6%;"
                   "第二产业增加值比重为36.6%。", "2023-10-30 10:00")
    assert summary(extract(raw, doc="x_guangxi_news_2023.txt")) == {
        fact("广西壮族自治区", 2023, "Q1-Q3", "gdp", "level", 20351.72, "亿元"),
        fact("广西壮族自治区", 2023, "Q1-Q3", "gdp", "growth", 3.6, "%"),
        fact("广西壮族自治区", 2023, "Q1-Q3", "secondary_industry_va", "share", 36.6, "%"),
    }


def test_a_roundup_whose_lead_names_the_indicator() -> None:
    """The headline names no indicator (增速目标); the lead does (经济增长目标); the paragraphs after it
    speak of it by region alone, with a goal quoted whole and a superlative before it."""
    raw = ("31省份今年增速目标揭晓\n2025-01-21 13:13 来源:财经日报\n"
           "从经济增长目标来看,各地普遍确定在5%以上。\n"
           "除了青海省的目标在4.5%左右,其他省份都在5%左右。其中,西藏预期增长目标最高,为“7%以上,力争达到8%”。\n"
           "辽宁2024年增长5.1%,今年提出增长5%以上。")
    found = summary(extract(raw, doc="x_duosheng_news_2025.txt"))
    assert found == {
        fact("青海省", 2025, "FY", "gdp", "growth", 4.5, "%", "approx", "target"),
        fact("西藏自治区", 2025, "FY", "gdp", "growth", 7.0, "%", "ge", "target"),
        fact("西藏自治区", 2025, "FY", "gdp", "growth", 8.0, "%", "eq", "target"),
        fact("辽宁省", 2024, "FY", "gdp", "growth", 5.1, "%"),
        fact("辽宁省", 2025, "FY", "gdp", "growth", 5.0, "%", "ge", "target"),
    }


def test_a_proposed_goal_and_a_restated_one() -> None:
    raw = dateline("杭州市代市长作政府工作报告时介绍,建议2020年GDP增长目标为增长6.5%左右。"
                   "2019年杭州GDP同比增长6.8%。6.5%左右的增长目标是积极的安排。", "2020-04-27 10:00")
    assert summary(extract(raw, doc="x_hangzhou_news_2020.txt")) == {
        fact("杭州市", 2020, "FY", "gdp", "growth", 6.5, "%", "approx", "target"),
        fact("杭州市", 2019, "FY", "gdp", "growth", 6.8, "%"),
    }


def test_the_private_economys_industries_are_no_regions() -> None:
    raw = ("根据地区生产总值统一核算结果,全县实现地区生产总值201.2亿元,增长6.5%。\n二、民营经济\n"
           "全年民营经济增加值122.64亿元,比上年增长5.8%,占GDP的比重为61.0%。其中,第一产业增加值44.56亿元,增长2.6%。")
    assert summary(extract(raw, doc="x_pingchang_bulletin_2025.txt")) == {
        fact("平昌县", 2024, "FY", "gdp", "level", 201.2, "亿元"),
        fact("平昌县", 2024, "FY", "gdp", "growth", 6.5, "%"),
    }


WORK_REPORT_CLASSES = [
    pytest.param(
        "预计全年地区生产总值完成52.4亿元,增长6.1%(年度目标6%以上)。",
        {fact("万州区", 2023, "FY", "gdp", "level", 52.4, "亿元", kind="forecast"),
         fact("万州区", 2023, "FY", "gdp", "growth", 6.1, "%", kind="forecast"),
         fact("万州区", 2023, "FY", "gdp", "growth", 6.0, "%", "ge", "target")},
        id="a-bracketed-target-after-a-level-and-growth-pair",
    ),
    pytest.param(
        "全年地区生产总值完成52.4亿元,增长6.1%（年度目标6%以上）。",
        {fact("万州区", 2023, "FY", "gdp", "level", 52.4, "亿元"),
         fact("万州区", 2023, "FY", "gdp", "growth", 6.1, "%"),
         fact("万州区", 2023, "FY", "gdp", "growth", 6.0, "%", "ge", "target")},
        id="the-same-with-full-width-brackets-and-no-forecast",
    ),
    pytest.param(
        "建筑业总产值、规上工业增加值、服务业增加值分别增长3.2%、8.8%、6.1%。",
        {fact("万州区", 2023, "FY", "industry_va_above_scale", "growth", 8.8, "%"),
         fact("万州区", 2023, "FY", "tertiary_industry_va", "growth", 6.1, "%")},
        id="a-list-item-that-is-no-indicator-keeps-the-others-in-place",
    ),
    pytest.param(
        "地区生产总值增速突破8%大关,达到8.4%。",
        {fact("万州区", 2023, "FY", "gdp", "growth", 8.4, "%")},
        id="a-milestone-passed-then-the-figure",
    ),
    pytest.param(
        "粮食总产连续6年稳定在430亿斤以上;批发业、零售业、住宿业、餐饮业增加值分别增长3.1%、4.2%、5.3%、6.4%。",
        set(),
        id="a-streaks-threshold-and-sectors-value-added-are-no-facts",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), WORK_REPORT_CLASSES)
def test_work_report_classes(sentence: str, expected: set[tuple[object, ...]]) -> None:
    assert summary(extract(work_report(review=sentence))) == expected


BULLETIN_HEAD = "无锡市统计局\n2023-10-25 10:00 来源:无锡市统计局\n"

TIME_IN_BULLETINS = [
    pytest.param("上半年,该市实现GDP2512亿元。该市去年的经济总量为6210.4亿元。",
                 {fact("无锡市", 2023, "H1", "gdp", "level", 2512, "亿元"),
                  fact("无锡市", 2022, "FY", "gdp", "level", 6210.4, "亿元")},
                 id="last-years-total-in-a-half-year-article-is-the-whole-year"),
    pytest.param("一季度,全市地区生产总值增长5.1%。2018年增速回落至4%。",
                 {fact("无锡市", 2023, "Q1", "gdp", "growth", 5.1, "%"),
                  fact("无锡市", 2018, "Q1", "gdp", "growth", 4.0, "%")},
                 id="a-past-year-in-a-quarters-article-is-the-same-quarter"),
    pytest.param("截至9月末,全市经营主体总量突破25万户。1—10月,全市固定资产投资累计下降2.3%。",
                 {fact("无锡市", 2023, "M9", "market_entities", "level", 25, "万户", "ge"),
                  fact("无锡市", 2023, "M1-M10", "fixed_asset_investment", "growth", -2.3, "%")},
                 id="a-stock-at-a-months-end-and-a-running-total"),
]


@pytest.mark.parametrize(("body", "expected"), TIME_IN_BULLETINS)
def test_time_in_bulletins(body: str, expected: set[tuple[object, ...]]) -> None:
    assert summary(extract(BULLETIN_HEAD + body, doc="x_wuxi_bulletin_2023.txt")) == expected


HISTORICAL = [
    pytest.param(
        "全年地区生产总值计划达到120亿元,进出口总额安排为15亿元,比上年增长8%。",
        "",
        {fact("万州区", 2024, "FY", "gdp", "level", 120, "亿元", kind="target"),
         fact("万州区", 2024, "FY", "import_export", "level", 15, "亿元", kind="target"),
         fact("万州区", 2024, "FY", "import_export", "growth", 8, "%", kind="target")},
        id="a-plans-verb-sets-a-goal-even-in-the-review",
    ),
    pytest.param(
        "全社会固定资产投资完成380亿元,比“十二五”增长45%;单位地区生产总值能耗五年下降16%。",
        "",
        set(),
        id="a-plan-periods-sum-and-a-change-over-five-years-are-no-years",
    ),
    pytest.param(
        "",
        "以2020年为基数,粮食产量要增长12%。在去年较快增长的基础上,地区生产总值增长6%。",
        {fact("万州区", 2024, "FY", "gdp", "growth", 6.0, "%", kind="target")},
        id="a-base-year-of-a-plan-and-last-years-base-in-a-goal",
    ),
]


@pytest.mark.parametrize(("review", "plan", "expected"), HISTORICAL)
def test_historical_reports(review: str, plan: str, expected: set[tuple[object, ...]]) -> None:
    assert summary(extract(work_report(review=review, plan=plan))) == expected


def test_a_heading_that_reviews_one_year_and_plans_the_next_opens_on_the_review() -> None:
    heading = "一、2023年工作的回顾和2024年工作的基本方针\n地区生产总值增长6.2%。"
    raw = work_report().replace("一、2023年工作回顾", heading)
    assert summary(extract(raw)) == {fact("万州区", 2023, "FY", "gdp", "growth", 6.2, "%")}


# Classes a second blind set (kept outside the repository) showed after the fixes above; the
# sentences are written for the test.
def test_a_bulletins_title_names_the_year_it_reports_and_footnote_marks_go() -> None:
    raw = ("麻城市2022年国民经济和社会发展统计公报\n麻城市统计局\n一、综合\n"
           "全年地区生产总值(GDP)[2]完成452.6亿元,比上年增长4.1%。\n二、农业\n全年粮食产量51.3万吨,比上年下降2%。")
    assert summary(extract(raw, doc="x_macheng_bulletin_2022.txt")) == {
        fact("麻城市", 2022, "FY", "gdp", "level", 452.6, "亿元"),
        fact("麻城市", 2022, "FY", "gdp", "growth", 4.1, "%"),
        fact("麻城市", 2022, "FY", "grain_output", "level", 51.3, "万吨"),
        fact("麻城市", 2022, "FY", "grain_output", "growth", -2.0, "%"),
    }


def test_a_province_in_brackets_before_its_county_qualifies_it() -> None:
    raw = "(湖北省)通城县人民政府工作报告\n二、2025年重点工作\n2025年主要预期目标是:地区生产总值增长6%左右。"
    assert summary(extract(raw, doc="x_report.txt")) == {
        fact("通城县", 2025, "FY", "gdp", "growth", 6.0, "%", "approx", "target")}


def test_the_set_a_rank_is_counted_in_is_no_region() -> None:
    raw = "襄阳市2023年经济运行情况\n初步核算,全市实现地区生产总值5843亿元,居全省第2位,增长3.9%。"
    assert summary(extract(raw, doc="x_xiangyang_bulletin_2023.txt")) == {
        fact("襄阳市", 2023, "FY", "gdp", "level", 5843, "亿元"),
        fact("襄阳市", 2023, "FY", "gdp", "growth", 3.9, "%"),
    }


NEWS_ROUNDUPS = [
    pytest.param("上海市长在政府工作报告中透露:2025年上海市生产总值增长的预期目标为5%。",
                 {fact("上海市", 2025, "FY", "gdp", "growth", 5.0, "%", kind="target")},
                 id="a-growth-named-as-the-goals-noun-phrase"),
    pytest.param("一季度,江苏全省地区生产总值增长5.9%。2024年江苏全省实现生产总值137008亿元。",
                 {fact("江苏省", 2025, "Q1", "gdp", "growth", 5.9, "%"),
                  fact("江苏省", 2024, "FY", "gdp", "level", 137008, "亿元")},
                 id="a-past-years-level-in-a-quarters-article-is-that-years-total"),
    pytest.param("上半年各省GDP增速:湖北增长6.2%,领跑;四川和安徽并列第二,同比增长均为5.8%。"
                 "东部省份经济增长平稳,GDP增速都在5%以上。上半年中国GDP同比增长5.3%。",
                 {fact("湖北省", 2025, "H1", "gdp", "growth", 6.2, "%"),
                  fact("四川省", 2025, "H1", "gdp", "growth", 5.8, "%"),
                  fact("安徽省", 2025, "H1", "gdp", "growth", 5.8, "%"),
                  fact("全国", 2025, "H1", "gdp", "growth", 5.3, "%")},
                 id="tied-ranks-a-groups-threshold-and-china-as-the-nation"),
    pytest.param("上半年,陜西GDP增長4.9%。吉林,、黑龍江,、遼寧增速分別為3.1%,、2.9%,、4.6%,。",
                 {fact("陕西省", 2025, "H1", "gdp", "growth", 4.9, "%"),
                  fact("吉林省", 2025, "H1", "gdp", "growth", 3.1, "%"),
                  fact("黑龙江省", 2025, "H1", "gdp", "growth", 2.9, "%"),
                  fact("辽宁省", 2025, "H1", "gdp", "growth", 4.6, "%")},
                 id="a-mirrors-variant-characters-and-doubled-marks"),
    pytest.param("专家测算,中国经济增速在“十五五”时期保持4.5%左右的年均增长率。",
                 set(), id="an-average-over-years-named-after-its-figure"),
]


@pytest.mark.parametrize(("body", "expected"), NEWS_ROUNDUPS)
def test_news_roundups_as_mirrors_keep_them(body: str, expected: set[tuple[object, ...]]) -> None:
    raw = "各地经济数据观察\n2025-07-25 10:00 来源:经济日报\n" + body
    assert summary(extract(raw, doc="x_duosheng_news_2025.txt")) == expected


def test_an_autonomous_county_known_only_by_its_file_names_pinyin() -> None:
    raw = "一季度,全县实现地区生产总值48.3亿元,增长5.2%。"
    assert summary(extract(raw, doc="x_xiushan_progress_2025.txt")) == {
        fact("秀山土家族苗族自治县", 2025, "Q1", "gdp", "level", 48.3, "亿元"),
        fact("秀山土家族苗族自治县", 2025, "Q1", "gdp", "growth", 5.2, "%"),
    }


# Classes a third blind set (kept outside the repository) showed; sentences written for the test.
def test_a_heading_line_names_the_region_of_the_paragraph_under_it() -> None:
    raw = ("各省前三季度GDP出炉\n2024-10-25 来源:经济网\n上海、福建的数据尚未公布。\n★直辖市:\n"
           "重庆 23000亿元 6.1%\n前三季度,全市实现地区生产总值23000亿元,比上年同期增长6.1%。\n"
           "江西 24000亿元 5.1%\n前三季度,全省实现地区生产总值24000亿元,比上年同期增长5.1%。")
    assert summary(extract(raw, doc="x_duosheng_news_2024.txt")) == {
        fact("重庆市", 2024, "Q1-Q3", "gdp", "level", 23000, "亿元"),
        fact("重庆市", 2024, "Q1-Q3", "gdp", "growth", 6.1, "%"),
        fact("江西省", 2024, "Q1-Q3", "gdp", "level", 24000, "亿元"),
        fact("江西省", 2024, "Q1-Q3", "gdp", "growth", 5.1, "%"),
    }


def test_a_plans_report_read_from_its_older_wordings() -> None:
    raw = ("江门市2009年国民经济和社会发展计划执行情况\n一、2009年计划执行情况\n"
           "全年实现本地生产总值(GDP)突破千亿元,达1051.3亿元,比上年增长7.1%。"
           "财政一般预算收入突破百亿元,达102.6亿元,增长8.8%。全口径税收收入达131.2亿元。")
    assert summary(extract(raw, doc="x_jiangmen_progress_2010.txt")) == {
        fact("江门市", 2009, "FY", "gdp", "level", 1051.3, "亿元"),
        fact("江门市", 2009, "FY", "gdp", "growth", 7.1, "%"),
        fact("江门市", 2009, "FY", "general_budget_revenue", "level", 102.6, "亿元"),
        fact("江门市", 2009, "FY", "general_budget_revenue", "growth", 8.8, "%"),
        fact("江门市", 2009, "FY", "tax_revenue", "level", 131.2, "亿元"),
    }


def test_amounts_in_chinese_numerals_with_decimals_and_a_round_class_is_no_figure() -> None:
    raw = work_report(review="全区生产总值达到一万二千三百四十五点六七亿元。经济总量超千亿元的县达到5个。")
    assert summary(extract(raw)) == {fact("万州区", 2023, "FY", "gdp", "level", 12345.67, "亿元")}


def test_a_news_pages_title_quoting_the_targets_does_not_make_the_review_a_plan() -> None:
    raw = ("今年预期目标:地区生产总值增长5%以上\n2024-01-24 来源:大众网\n"
           "山东省第十四届人民代表大会第二次会议开幕,省长作政府工作报告。\n"
           "刚刚过去的2023年,我们完成了主要目标任务。全省生产总值比上年增长6%。\n"
           "2024年主要预期目标是:地区生产总值增长5%以上。")
    assert summary(extract(raw, doc="x_shandong_report_2024.txt")) == {
        fact("山东省", 2023, "FY", "gdp", "growth", 6.0, "%"),
        fact("山东省", 2024, "FY", "gdp", "growth", 5.0, "%", "ge", "target"),
    }


def test_members_of_a_group_given_their_figures_one_each() -> None:
    body = "烟台、潍坊、临沂等3市的GDP总量也突破2000亿元大关,分别实现2676.8亿元、2118.9亿元、2035.1亿元。"
    assert summary(extract("山东各市上半年经济数据\n2016-08-05 来源:大众网\n" + body,
                           doc="x_shandong_news_2016.txt")) == {
        fact("烟台市", 2016, "H1", "gdp", "level", 2676.8, "亿元"),
        fact("潍坊市", 2016, "H1", "gdp", "level", 2118.9, "亿元"),
        fact("临沂市", 2016, "H1", "gdp", "level", 2035.1, "亿元"),
    }
