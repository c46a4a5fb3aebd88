"""Property tests: nothing raises on arbitrary Unicode, and every quote is the raw text at its offsets."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.transforms._helpers import TODAY
from transforms import process_text

# Arbitrary text, enriched with the pieces the extractor reacts to so that facts do occur.
PIECES = st.sampled_from([
    "地区生产总值", "增长", "6.9%", "1179.4亿元", "分别", "、", ",", "。", "\\r\\n", "<p>", "&nbsp;", "％", "预计",
    "一、2023年工作回顾", "二、2024年工作安排", "城乡居民人均可支配收入", "2.3:1", "左右", "以上", "(年度目标6%以上)",
    "重庆", "四川", "規上工業增加值", "\n", "约", "近", "占GDP比重", "个百分点", "1—10月", "上半年",
    "\udc80", "\x00", "\ufeff", "２０２３年", "<br/>", "&#12290;",
])
# Every code point, lone surrogates included (a lenient decode can leave them).
ANY_CHAR = st.characters(blacklist_categories=())
TEXT = st.lists(st.one_of(st.text(alphabet=ANY_CHAR, max_size=8), PIECES), max_size=40).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_never_raises_and_quotes_match(raw: str) -> None:
    clean, _meta, facts = process_text("p.txt", raw, TODAY)
    assert len(clean.raw_offsets) == len(clean.text) + 1
    for f in facts:
        assert raw[f.raw_start : f.raw_end] == f.quote
        assert 0 <= f.sentence_raw_start <= f.raw_start <= f.raw_end <= f.sentence_raw_end <= len(raw)
