"""find_numbers: figures with units, qualifiers and ranges, as written in real reports."""

from __future__ import annotations

import pytest

from transforms.facts.numbers import find_numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("实现地区生产总值1179.4亿元、增长6.9%", [(1179.4, None, "亿元", "eq"), (6.9, None, "%", "eq")],
                     id="amount-and-rate"),
        pytest.param("城乡居民人均可支配收入比缩小至2.3:1", [(2.3, None, "倍", "eq")], id="ratio-as-times"),
        pytest.param("新增经营主体近2万户", [(2, None, "万户", "approx")], id="approx-before"),
        pytest.param("3.5万余户、1000多万元", [(3.5, None, "万户", "ge"), (1000, None, "万元", "ge")], id="yu-and-duo"),
        pytest.param("增长6%—6.5%", [(6, 6.5, "%", "eq")], id="range-em-dash"),
        pytest.param("增长4.5%至5%", [(4.5, 5, "%", "eq")], id="range-zhi"),
        pytest.param("增长5%-5.5%", [(5, 5.5, "%", "eq")], id="range-hyphen"),
        pytest.param("提高0.3个百分点以上", [(0.3, None, "个百分点", "ge")], id="percentage-points"),
        pytest.param("首次突破3万亿元大关", [(3, None, "万亿元", "ge")], id="tupo"),
        pytest.param("控制在5.5%以内", [(5.5, None, "%", "le")], id="le"),
        pytest.param("控制在5.5%左右", [(5.5, None, "%", "approx")], id="word-after-wins"),
        pytest.param("粮食总产762亿斤", [(762, None, "亿斤", "eq")], id="jin"),
        pytest.param("1,179.4亿元", [(1179.4, None, "亿元", "eq")], id="thousands-separator"),
        pytest.param("增长4.8%,13.1%", [(4.8, None, "%", "eq"), (13.1, None, "%", "eq")], id="comma-list-not-a-number"),
        pytest.param("三千万元", [(3000, None, "万元", "eq")], id="chinese-numeral-span"),
        pytest.param("比一九七八年增长百分之三十二点六,平均每年增长百分之七点三以上",
                     [(32.6, None, "%", "eq"), (7.3, None, "%", "ge")], id="per-cent-in-words"),
        pytest.param("工业总产值计划达到六百四十三亿七千万元", [(643.7, None, "亿元", "eq")],
                     id="chinese-numerals-across-yi-and-wan"),
        pytest.param("地区生产总值跃上两万亿大关,迈上千亿台阶,突破1万亿关口", [(2, None, "万亿元", "ge"),
                     (1000, None, "亿元", "ge"), (1, None, "万亿元", "ge")], id="milestones-without-yuan"),
        pytest.param("突破亿大关,两万亿级产业集群", [], id="no-amount-without-a-numeral-or-a-milestone"),
        pytest.param("连续44个月位列全市第1", [], id="streak-and-rank"),
        pytest.param("一带一路", [], id="no-numerals-in-running-text"),
    ],
)
def test_find_numbers(text: str, expected: list[tuple[float, float | None, str, str]]) -> None:
    assert [(n.value, n.value_high, n.unit, n.qualifier) for n in find_numbers(text)] == expected
