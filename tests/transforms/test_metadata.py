"""extract_metadata: the document's own region, year and type."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.clean import clean_text
from transforms.metadata import extract_metadata

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"


def meta(raw: str):
    return extract_metadata("t.txt", clean_text(raw))


def test_session_line_names_region_and_year() -> None:
    m = meta("2024年重庆市万州区政府工作报告\n——2024年2月2日在重庆市万州区第六届人民代表大会第五次会议上\n各位代表:")
    assert (m.region, m.region_code, m.year, m.report_type) == ("万州区", "500101", 2024, "work_report")


def test_aggregator_date_does_not_override_title_year() -> None:
    m = meta("工作报告\n高唐县2024年政府工作报告\n时间:2024-02-06 来源:高唐县政府网\n各位代表:")
    assert (m.region, m.year) == ("高唐县", 2024)


def test_review_heading_gives_the_delivery_year() -> None:
    m = meta("各位代表:\n现在,我代表徐水县人民政府向大会报告工作。\n一、关于2014年政府工作\n2014年,全县上下")
    assert m.year == 2015


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
    m = extract_metadata(name, clean_text((SAMPLES / name).read_text(encoding="utf-8")))
    assert (m.region, m.year, m.report_type) == (region, year, report_type)


def test_luohe_xicheng_gets_no_beijing_code() -> None:
    raw = (SAMPLES / "004_1e31b28fa2d96c08.txt").read_text(encoding="utf-8")
    assert extract_metadata("004.txt", clean_text(raw)).region_code is None


def test_shared_county_name_resolved_from_the_text() -> None:
    m = meta("政府工作报告\n——2024年1月5日在鼓楼区第十八届人民代表大会第四次会议上\n各位代表:福州市委、福州全市上下")
    assert (m.region, m.region_code) == ("鼓楼区", "350102")
