"""extract_metadata: the document's own region, year and type."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transforms._helpers import TODAY
from transforms.clean import clean_text
from transforms.describe import extract_metadata, placement_warning

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"


def meta(raw: str):
    return extract_metadata("t.txt", clean_text(raw), TODAY)


def test_session_line_names_region_and_year() -> None:
    m = meta("2024年重庆市万州区政府工作报告\n——2024年2月2日在重庆市万州区第六届人民代表大会第五次会议上\n各位代表:")
    assert (m.region, m.region_code, m.year, m.report_type) == ("万州区", "500101", 2024, "work_report")


def test_aggregator_date_does_not_override_title_year() -> None:
    m = meta("工作报告\n高唐县2024年政府工作报告\n时间:2024-02-06 来源:高唐县政府网\n各位代表:")
    assert (m.region, m.year) == ("高唐县", 2024)


def test_review_heading_gives_the_delivery_year() -> None:
    m = meta("各位代表:\n现在,我代表徐水县人民政府向大会报告工作。\n一、关于2014年政府工作\n2014年,全县上下")
    assert m.year == 2015


def test_years_compared_with_do_not_date_the_report() -> None:
    body = "各位代表:\n现在,我代表国务院,向大会报告过去五年的政府工作。\n一、过去五年工作回顾\n"
    body += "补贴资金从2007年的639亿元增加到2012年的1923亿元,比2007年增加3倍。" * 2
    assert (meta(body).report_type, meta(body).year) == ("work_report", 2013)


def test_a_ratio_to_a_base_year_does_not_date_the_report() -> None:
    # a_130633_2017: the five-year review compares 2016 with 2011 six times
    body = "各位代表:\n现在,我代表易县人民政府,向大会报告政府工作。\n一、过去五年工作回顾\n"
    body += "2016年,全县生产总值完成119.8亿元,是2011年的1.6倍;财政收入是2011年的2.3倍,城镇居民收入是2011年的1.8倍。"
    assert meta(body).year == 2017


def test_a_news_text_looking_back_since_a_year_was_written_after_it() -> None:
    # n049: no dateline; "2015年以来的最高" in 2016
    body = ("自2014年一季度以来,吉林省GDP增速首次超过全国平均水平。"
            "今年前三季度,规模以上工业增加值同比增长6.4%,增速为2015年以来的最高。")
    assert extract_metadata("page.txt", clean_text(body), TODAY).year == 2016


def test_a_dated_page_about_a_county_city_is_news_and_keeps_its_code() -> None:
    # n043: no title, no news furniture; 北京 named once, Hunan only through its counties
    body = ("2023-07-27 09:13:31,正文:7月25日,赛迪顾问县域经济研究中心在北京发布“2023赛迪百强县”榜单。"
            "我省长沙县、浏阳市、宁乡市、醴陵市上榜,其中醴陵市位列第70位。醴陵2022年实现地区生产总值875.7亿元。"
            "今年以来,该市全力推进“项目攻坚年”活动。当前,醴陵市正加速迈进县域经济“千亿时代”。")
    m = extract_metadata("page.txt", clean_text(body), TODAY)
    assert (m.report_type, m.region, m.region_code) == ("news", "醴陵市", "430281")


def test_a_file_names_year_beats_the_years_a_dateless_page_names() -> None:
    # n046: "8月16日电" without a year; the page names 2022's results and 今年上半年
    body = ("来源:人民网-重庆频道人民网重庆8月16日电 (陈琦、刘敏)8月15日,渝中区召开工作推进会。"
            "2022年,渝中区实现社会消费品零售总额1360亿元。今年上半年,全区地区生产总值765.9亿元。")
    m = extract_metadata("n046_yuzhong_news_2023.txt", clean_text(body), TODAY)
    assert (m.year, str(m.published)) == (2023, "2023-08-16")
    assert extract_metadata("page.txt", clean_text(body), TODAY).year == 2022  # no name: the latest year named


def test_a_span_of_years_in_the_title_does_not_date_the_report() -> None:
    # c_national_1960: "关于1956年到1967年全国农业发展纲要的执行情况"
    body = "各位代表:\n我受国务院的委托,向大会作关于1956年到1967年全国农业发展纲要的执行情况的报告。\n"
    assert extract_metadata("c_national_1960.txt", clean_text(body), TODAY).year == 1960


def test_a_text_naming_no_place_or_year_is_dated_and_placed_by_its_file_name() -> None:
    body = "上半年全市经济运行情况分析\n今年以来,全市上下攻坚克难,GDP实现1.5%的正增长。"
    pinyin = extract_metadata("daqing_h1_2016.html", clean_text(body), TODAY)
    assert (pinyin.region, pinyin.year) == ("大庆市", 2016)
    named = extract_metadata("大庆市2016年上半年.txt", clean_text(body), TODAY)
    assert (named.region, named.region_code, named.year) == ("大庆市", "230600", 2016)
    # The text wins over the name; a pinyin word shared by two regions (台州, 泰州) gives nothing.
    assert meta(body.replace("全市", "沅陵县")).region == "沅陵县"
    assert extract_metadata("taizhou_2016.txt", clean_text(body), TODAY).region is None


def test_a_national_report_to_a_new_congress_is_dated_by_its_first_session() -> None:
    m = meta("各位代表:\n现在,我代表国务院,向第五届全国人民代表大会作政府工作报告。\n一九七七年,我国工业总产值")
    assert (m.region, m.year, m.report_type) == ("全国", 1978, "work_report")


def test_national_report() -> None:
    m = meta("现在,我代表国务院,向十四届全国人民代表大会第二次会议报告工作。")
    assert m.region == "全国"


@pytest.mark.parametrize(
    ("name", "region", "year", "report_type"),
    [
        ("001_4fe08f7bbbc0cf7d.txt", "万州区", 2024, "work_report"),
        ("002_2c312d7c51b5f66f.txt", "重庆市", 2023, "news"),
        ("003_a115d6290d2d88f2.txt", "万州区", 2023, "progress_report"),
        ("004_1e31b28fa2d96c08.txt", "西城区", 2024, "news"),
    ],
)
def test_bundled_samples(name: str, region: str, year: int, report_type: str) -> None:
    m = extract_metadata(name, clean_text((SAMPLES / name).read_text(encoding="utf-8")), TODAY)
    assert (m.region, m.year, m.report_type) == (region, year, report_type)


def test_luohe_xicheng_gets_no_beijing_code() -> None:
    raw = (SAMPLES / "004_1e31b28fa2d96c08.txt").read_text(encoding="utf-8")
    assert extract_metadata("004.txt", clean_text(raw), TODAY).region_code is None


def test_shared_county_name_resolved_from_the_text() -> None:
    m = meta("政府工作报告\n——2024年1月5日在鼓楼区第十八届人民代表大会第四次会议上\n各位代表:福州市委、福州全市上下")
    assert (m.region, m.region_code) == ("鼓楼区", "350102")


# Heads of real pages of ../shared/corpus-news and corpus-large, as their copies hold them.
@pytest.mark.parametrize(
    ("raw", "published", "report_type", "year", "region"),
    [
        pytest.param("---\ntitle: '1-8月江苏外贸同增17.1%,民企拉动进出口增长9.6个百分点'\n"
                     "date: Fri, 17 Sep 2021 11:05:53 GMT\n---\n\n21世纪经济报道记者 王海平 南京报道 "
                     "据南京海关9月17日通报,1-8月江苏省外贸进出口值32878.4亿元。",
                     "2021-09-17", "news", 2021, "江苏省", id="front-matter-rfc2822-date"),
        pytest.param("2023-07-21 17:05，正文：7月21日，据天津市统计局消息，上半年，天津市地区生产总值为7842.83亿元。",
                     "2023-07-21", "bulletin", 2023, "天津市", id="dateline-and-a-statistics-bureau"),
        pytest.param("人民网 人民网>>四川频道  四川省政府工作报告丨2024年四川地区生产总值预期增长6%左右  "
                     "2024年01月22日14:31 | 来源:人民网-四川频道 小字号  人民网成都1月22日电",
                     "2024-01-22", "work_report", 2024, "四川省", id="date-before-its-source"),
        pytest.param("1 月 23 日上午,江苏省第十四届人民代表大会第二次会议开幕,"
                     "省长许昆林代表江苏省人民政府向大会报告工作。",
                     None, "news", None, "江苏省", id="news-of-a-session-is-no-work-report"),
        pytest.param("各位代表:\n现在,我代表国务院,向大会作政府工作报告,请予审议。\n一、2004年工作回顾\n2004年,全国各族人民",
                     None, "work_report", 2005, "全国", id="national-report-reviews-the-year-before"),
        pytest.param("各位代表：\n我代表国务院向第一届全国人民代表大会第五次会议,提出关于一九五八年度国民经济计划(草案)的报告。",
                     None, "work_report", 1958, "全国", id="national-session-names-its-year"),
    ],
)
def test_heads_of_pages(raw: str, published: str | None, report_type: str, year: int | None, region: str) -> None:
    m = meta(raw)
    assert (m.published.isoformat() if m.published else None, m.report_type, m.region) == (published, report_type,
                                                                                           region)
    if year is not None:
        assert m.year == year


def test_a_byline_is_no_title() -> None:
    m = meta("■文/娄晓榕 包宇涵 图/本报记者 焦海洋\n月湾湖公园\n核心提示\n2024年,西城区在市委、市政府的坚强引领下")
    assert m.title == "月湾湖公园"


def test_a_district_named_far_more_often_than_its_city_is_the_documents() -> None:
    raw = ("2023-08-17 23:31，正文：深圳新闻网2023年8月17日讯 坪山,以“产”为基、强产兴城。"
           "今年上半年,坪山交出一份亮眼成绩单,地区生产总值达564.63亿元,增速为全市各行政区第一。"
           "坪山产业…坪山新能源汽车…坪山生物医药。")
    assert meta(raw).region == "坪山区"


def test_a_document_that_cannot_place_its_figures_says_so() -> None:
    body = "上半年全市经济运行情况分析\n今年以来,全市上下攻坚克难,GDP实现1.5%的正增长。"
    assert placement_warning(extract_metadata("x.txt", clean_text(body), TODAY)) == (
        "x.txt: names no region and no year of its own, and its file name gives none; figures whose own "
        "sentence names no region or year were not loaded (rename the file with the region and year, "
        "e.g. 大庆市2016年上半年.txt, and run again)")
    assert placement_warning(extract_metadata("大庆市2016年上半年.txt", clean_text(body), TODAY)) is None
