"""The sentences a report is read in are those the plain test of each sentence would read
(transforms/facts/sentences.py): found by one search of the text, and passed by where they name
no indicator. Checked on real sentences of the corpora and on arbitrary text, and on the limits,
which every sentence is still held to.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from tests.transforms._helpers import extract, work_report
from tests.transforms.test_fast_forms import TEXT
from transforms.clean import clean_text
from transforms.errors import ExtractLimitExceeded
from transforms.facts import sentences
from transforms.facts.numbers import find_numbers, may_hold_figure
from transforms.facts.subjects import find_mentions, may_name_indicator
from transforms.records import CleanText

# Sentences of ../shared/corpus-large (and of the news corpus's texts), one of each kind: a figure and
# a wording, a figure only, a wording only, neither, digits but no figure (a year, a numbered note).
CORPUS_SENTENCES = [
    "现代农业产业集群体系加快构建,农产品网络零售额、乡村旅游经营收入分别增长6.5%、10.1%。",
    "深入实施“千亿斤粮食”产能建设工程,粮食总产量达到871.6亿斤,稳居全国第4位,实现总产、单产、播种面积“三增长”。",
    "全国粮食总产量,在过去四年中共增加了一千九百零五亿斤,即从1955年的三千四百九十六亿斤,增加到了1959年的五千四百零一亿斤。",
    "实施渣土车“黑转白”,开展洗城降尘、秸秆垃圾禁烧等系列行动,PM2.5平均浓度同比下降17.7%,优良天数达到251天、同比增加32天。",
    "蔬菜出口量增长30%。",
    "加快发展数字经济,大力发展软件产业,培育数字智能产业集群,打造数据产业集聚区,数字经济核心产业营收增长10%以上。",
    "智能化煤矿达到400座,煤炭先进产能占比提高到84%。",
    "加强慢性病健康管理,重点人群家庭医生签约服务覆盖率达到95%。",
    "全面落实就业优先政策,失业率控制在4.5%以下。",
    "新增高新技术企业9家、科技型中小企业67家、“专精特新”企业5家,区域科技创新能力跃升至全省B类,创新动能不断增强。",
    "站在新起点:2012年工作回顾",
    "17.“招商一张图”:通过整合招商项目数据,推动全省招商信息互通共享。",
    "在提请这次大会审议第六个五年计划的同时,国务院也提出了1983年国民经济和社会发展的年度计划草案,请一并审议。",
    "十一是大型农贸批发市场完成不少于100万批次农产品快检。",
    "积极发展出口商品的生产,努力增加出口,是发展对外经济贸易的基础。",
    "控制固定资产投资规模,合理调整投资结构,要落实到正确确定建设项目上。",
    "农业生产持续地全面高涨,农村欣欣向荣,这是全国经济形势以至政治形势日益好转的重要基础。",
    "六是奋力推进文化振兴,大力发展特色文化旅游,繁荣发展文化事业和文化产业。",
    "上半年,全市地区生产总值同比增长5.5%,规模以上工业增加值增长6.1%。",
    "与上年同期持平。",
    "万元地区生产总值能耗下降3%。",
    "2、强力推进工业兴城战略,提升县域经济质量和水平。",  # a figure's only possible start is its first character
    "3、完成保沧路、保新路间的公路连接线。",
]


def _plain_figure_sentences(clean: CleanText) -> list[int]:
    """The sentences where `may_hold_figure` holds, each tested on its own (what the search stands for)."""
    return [i for i, s in enumerate(clean.sentences) if may_hold_figure(clean.text, s.start, s.end)]


def _searched(clean: CleanText) -> list[int]:
    return list(sentences._figure_sentences("t.txt", clean, [s.role == "front" for s in clean.sections]))


@pytest.mark.parametrize("sentence", CORPUS_SENTENCES)
def test_a_sentence_without_a_wording_written_has_no_mention(sentence: str) -> None:
    assert may_name_indicator(sentence) or find_mentions(sentence) == []


@pytest.mark.parametrize("sentence", CORPUS_SENTENCES)
def test_a_sentence_passed_by_yields_no_fact(sentence: str) -> None:
    """A report's sentence read alone in its review yields facts only where the search reads it."""
    clean = clean_text(work_report(review=sentence))
    read = [text for _, text, _ in sentences.sentences_to_read("t.txt", clean, every=False)]
    if sentence not in read:
        assert extract(work_report(review=sentence)) == []
        assert not (find_numbers(sentence) and find_mentions(sentence))


@pytest.mark.parametrize("joiner", ["", "\n", "  ", "\n\n 一、2023年工作回顾\n"])
def test_the_search_finds_the_sentences_each_tested_alone_finds(joiner: str) -> None:
    clean = clean_text(joiner.join(CORPUS_SENTENCES))
    assert _searched(clean) == _plain_figure_sentences(clean)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_the_search_finds_in_any_text_the_sentences_each_tested_alone_finds(text: str) -> None:
    clean = clean_text(text)
    assert _searched(clean) == _plain_figure_sentences(clean)


def test_a_reports_long_sentence_without_a_figure_is_still_refused() -> None:
    """A sentence the search passes by (it holds no figure) is held to the length limit."""
    line = "全区坚持稳中求进工作总基调," * (sentences.MAX_SENTENCE_CHARS // 14 + 1)
    with pytest.raises(ExtractLimitExceeded, match="character limit"):
        extract(work_report(review="地区生产总值增长6%。" + line + "。工业增加值增长5%。"))


def test_a_reports_sentence_of_too_many_figures_naming_no_indicator_is_still_refused() -> None:
    sentence = "建成" + "、".join(f"{i % 9 + 1}个" for i in range(sentences.MAX_SENTENCE_FIGURES + 1)) + "。"
    assert not may_name_indicator(sentence)
    with pytest.raises(ExtractLimitExceeded, match="figure limit"):
        extract(work_report(review=sentence))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_a_sentence_short_enough_cannot_hold_more_figures_than_the_limit(text: str) -> None:
    """What passing by a short sentence without a wording relies on: four kinds of figure, none
    of them two characters short, none overlapping another of its kind."""
    assert len(find_numbers(text)) <= 4 * (len(text) // 2)
    assert 4 * (sentences._FEW_FIGURES_CHARS // 2) <= sentences.MAX_SENTENCE_FIGURES
