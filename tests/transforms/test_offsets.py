"""The clean text's offset map (transforms/clean/offsets.py) reads as the list of one offset per
character it stands for: its runs are a way of storing it, never a change of what it says."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.clean import clean_text
from transforms.clean import text as text_module
from transforms.clean.offsets import OffsetMap

OFFSETS = st.lists(st.integers(min_value=0, max_value=40), max_size=30)


@settings(max_examples=300, deadline=None)
@given(OFFSETS, st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=6))
def test_the_map_reads_as_its_list(offsets: list[int], spans: list[tuple[int, int]]) -> None:
    m = OffsetMap.of(offsets)
    assert len(m) == len(offsets) and list(m) == offsets and m == OffsetMap.of(list(offsets))
    assert [m[i] for i in range(-len(offsets), len(offsets))] == offsets[-len(offsets):] + offsets
    assert m[2:-1] == tuple(offsets[2:-1]) and m[::2] == tuple(offsets[::2])
    ordered = sorted((min(a, b, len(offsets)), min(max(a, b), len(offsets))) for a, b in spans)
    assert list(m.select(ordered)) == [x for a, b in ordered for x in offsets[a:b]]
    assert list(m.then(99)) == [*offsets, 99]
    with pytest.raises(IndexError):
        m[len(offsets)]


def test_runs_that_continue_each_other_are_one() -> None:
    assert OffsetMap.of([3, 4, 5, 9, 10]) == OffsetMap.of([3, 4]).then(5).then(9).then(10)
    assert hash(OffsetMap.of([1, 2, 3])) == hash(OffsetMap.of([1]).then(2).then(3))


@pytest.mark.parametrize("raw", [
    "2023年全市地区生产总值增长6.9%。\n\n  一 般公共预算收入&nbsp;增长15. 4%,、税收 收入增长 1 9 9 7 年\r\n摄影:某某\n",
    "<p>规模以上工业增加值增长</p><p>7 4 7 7 2 亿元</p>经(jīng)济&lt;",
])
def test_a_clean_texts_offsets_point_at_its_characters(raw: str) -> None:
    clean = clean_text(raw)
    assert len(clean.raw_offsets) == len(clean.text) + 1
    offsets = list(clean.raw_offsets)
    assert offsets[:-1] == sorted(offsets[:-1]) and all(0 <= o <= len(raw) for o in offsets)
    for i, ch in enumerate(clean.text):
        if ch not in "\n ":
            assert raw[offsets[i]] in (ch, chr(ord(ch) + 0xFEE0)) or raw[offsets[i]] == "&", (i, ch)


def _plain_drop_furniture(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """The furniture step as it was written first, on a list of one offset per character."""
    out: list[str] = []
    kept_offsets: list[int] = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        furniture = len(stripped) <= text_module._FURNITURE_MAX_CHARS and text_module._FURNITURE.search(stripped)
        if not stripped or furniture:
            continue
        base = start + len(line) - len(line.lstrip())
        kept = 0
        for drop in text_module._dropped_spaces(stripped):
            out.append(stripped[kept:drop])
            kept_offsets.extend(offsets[base + kept : base + drop])
            kept = drop + 1
        out.append(stripped[kept:])
        kept_offsets.extend(offsets[base + kept : base + len(stripped)])
        out.append("\n")
        kept_offsets.append(offsets[base + len(stripped) - 1])
    if out:
        out.pop()
        kept_offsets.pop()
    return "".join(out), kept_offsets


LINES = st.lists(st.sampled_from([
    "全市地区生产总值增长6.9%。", "  一 般公共预算收入增长15. 4%", "1 9 9 7 年", "摄影:张三", "【打印】【关闭】", "|",
    "   ", "\t同 比增长\t\t5%  ", "", "图片来源:网络", "x" * 70 + " 摄影:某", "font-size: 18px;",
]), max_size=12).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(LINES, st.integers(0, 5))
def test_the_furniture_step_keeps_the_characters_and_offsets_the_plain_one_keeps(text: str, shift: int) -> None:
    offsets = [shift + 2 * i for i in range(len(text))]  # gaps, so that every offset is its own run
    kept, kept_offsets = text_module._drop_furniture(text, OffsetMap.of(offsets))
    assert (kept, list(kept_offsets)) == _plain_drop_furniture(text, offsets)
