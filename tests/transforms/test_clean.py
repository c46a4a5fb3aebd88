"""clean_text: normalisation, furniture removal, sections, sentences and the raw-offset map."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms import process_text
from transforms.clean.text import clean_text


def _roundtrip_ok(raw: str) -> None:
    clean = clean_text(raw)
    assert len(clean.raw_offsets) == len(clean.text) + 1
    assert list(clean.raw_offsets[:-1]) == sorted(clean.raw_offsets[:-1])


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("增长６．９％，", "增长6.9%,", id="full-width-digits-and-punctuation"),
        pytest.param("一般公共預算收入", "一般公共预算收入", id="traditional-to-simplified"),
        pytest.param("各位代表：\\r\\n现在", "各位代表:\n现在", id="literal-escape-sequences"),
        pytest.param("<p>地区生产总值</p>&nbsp;增长", "地区生产总值\n增长", id="html-remnants"),
        pytest.param("平湖万州 摄/付作侨 |\n岁序更替", "岁序更替", id="photo-caption"),
        pytest.param("下载\n打印\n全屏\n正文", "正文", id="aggregator-menu"),
        # a_130633_2017, c_national_1998: web copies that break numbers with spaces
        pytest.param("收入达到 74 76 元,完成40.8 2 亿元", "收入达到 7476 元,完成40.82 亿元",
                     id="number-broken-by-spaces"),
        pytest.param("1 9 9 3 年粮食产量达到4 9 2 5 0 万吨", "1993 年粮食产量达到49250 万吨",
                     id="year-broken-by-spaces"),
        pytest.param("推进“1 10 100”工程,119.8 125.3亿元", "推进“1 10 100”工程,119.8 125.3亿元",
                     id="numbers-side-by-side-stay-apart"),
    ],
)
def test_normalisation(raw: str, expected: str) -> None:
    assert clean_text(raw).text == expected
    _roundtrip_ok(raw)


@pytest.mark.parametrize("written", [
    pytest.param("١٢٣٤٫٥", id="arabic-indic-with-its-decimal-separator"),  # issue 19: loaded as 5.0
    pytest.param("۱۲۳۴٫۵", id="persian"),
    pytest.param("१२३४.५", id="devanagari"),
    pytest.param("١٬٢٣٤٫٥", id="arabic-thousands-separator"),
    pytest.param("1\u202f234.5", id="narrow-no-break-space-between-groups"),
])
def test_a_number_in_any_scripts_digits_reads_whole(written: str) -> None:
    raw = f"北京市2024年政府工作报告\n2024年全市地区生产总值完成{written}亿元。"
    _, _, facts = process_text("x.txt", raw, dt.date(2025, 1, 1))
    assert [(f.value, f.unit) for f in facts] == [(1234.5, "亿元")]
    assert facts[0].quote.endswith(f"{written}亿元")  # the quote is the raw text, in its own digits
    _roundtrip_ok(raw)


def test_offsets_point_at_the_raw_characters() -> None:
    raw = "<b>增长</b>６．９％"
    clean = clean_text(raw)
    for i, ch in enumerate(clean.text):
        assert raw[clean.raw_offsets[i]] in (ch, chr(ord(ch) + 0xFEE0))
    start, end = clean.to_raw(0, len(clean.text))
    assert raw[start:end].endswith("％")


def test_sections_from_numbered_headings_on_one_line() -> None:
    raw = "报告 一、2023年工作回顾 增长6.9%。 二、2024年工作安排 增长7%。 三、加强政府自身建设 廉洁。"
    roles = [(s.title, s.role) for s in clean_text(raw).sections]
    assert roles[-3:] == [
        ("一、2023年工作回顾", "review"), ("二、2024年工作安排", "plan"), ("三、加强政府自身建设", "other"),
    ]


def test_review_cue_outranks_year_work_words() -> None:
    raw = "一、2025年工作及“十四五”时期发展回顾\n增长。\n三、2026年工作安排\n目标。"
    assert [s.role for s in clean_text(raw).sections] == ["review", "plan"]


def test_list_of_industries_is_not_a_heading() -> None:
    raw = "一、2025年工作回顾\n一、二、三产业增加值分别增长4.2%、5%、5.3%。"
    assert [s.role for s in clean_text(raw).sections] == ["review"]


def test_sentences_split_on_full_stops_and_lines() -> None:
    clean = clean_text("第一句。第二句!\n第三句")
    assert [clean.text[s.start : s.end] for s in clean.sentences] == ["第一句。", "第二句!", "第三句"]


def test_empty_and_whitespace() -> None:
    assert clean_text("").text == ""
    assert clean_text(" \n\t ").sentences == ()


def test_numbered_heading_without_cue_continues_the_section_before() -> None:
    raw = ("一、2020年工作回顾\n一、防疫情稳增长\n增长。\n2021年经济社会发展目标任务和重点工作\n"
           "一、坚定不移抓高效投入\n目标。\n八、加强政府自身建设\n廉洁。")
    assert [s.role for s in clean_text(raw).sections] == ["review", "review", "plan", "plan", "other"]
