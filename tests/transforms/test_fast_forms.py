"""The extractor's fast forms find what the plain forms they replace find (issue 18, item 4).

Each was written for speed only: a finder with a few extra words, the fold done as one
replacement per distinct character, patterns that open on a class of first characters, a
prefilter that opens on its first characters. Each is checked here against the plain form on
arbitrary and on tricky text.
"""

from __future__ import annotations

import re
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms.clean import normalize
from transforms.clean import text as clean_text_module
from transforms.facts import numbers, runs
from transforms.knowledge import regions, wordfinder
from transforms.knowledge.lexicon import cue_words, section_cues
from transforms.knowledge.patterns import initials_guard, last_break, window_start
from transforms.knowledge.wordfinder import WordFinder
from transforms.records import Section, Sentence

WORDS = st.lists(st.text(alphabet="abcd重庆市万州区", min_size=1, max_size=4), max_size=12)
SHORT_TEXT = st.text(alphabet="abcd重庆市万州区 ,", max_size=40)
PIECES = st.sampled_from([
    "1179.4亿元", "增长6.9%", "近2万户", "不低于", "百分之七点三", "零增长", "同比持平", "万亿", "突破千亿大关",
    "2.3:1", "6%—6.5%", "(-0.7%)", "五千亿", "约", "控制在3%以内", "。", "\n", " ", "、", "1 2", "一九八一年",
    "<p>", "&nbsp;", "\\r\\n", "经(jīng)济", "<!-- x -->", "data:image/png;base64,AA", "&#12290;", "％", "１２",
    "٣", "\U0001d7ce", "𝟗", "\ufeff", "\u200b", "上半年", "(?<!前)三季度", "1—10月", "前11个月", "2023年",
])
TEXT = st.lists(st.one_of(st.text(max_size=6), PIECES), max_size=30).map("".join)
FEW = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FEW
@given(WORDS, WORDS, SHORT_TEXT)
def test_a_finder_with_extra_words_finds_what_one_finder_of_all_words_finds(base: list[str], extra: list[str],
                                                                            text: str) -> None:
    whole = list(WordFinder([*base, *extra]).finditer(text))
    assert list(WordFinder(base).with_words(extra).finditer(text)) == whole
    assert WordFinder(base).with_words(extra).findall(text) == whole == WordFinder([*base, *extra]).findall(text)


@pytest.mark.parametrize(("words", "text", "found"), [
    (["c", "aca"], "ac", [(1, 2, "c")]),
    (["知识产权", "国家知识产权局"], "国家知识产权", [(2, 6, "知识产权")]),
    (["万州", "万州区", "州区政府"], "万州区政", [(0, 3, "万州区")]),
])
def test_a_finder_finds_a_word_inside_a_longer_words_unmatched_prefix(words: list[str], text: str,
                                                                      found: list[tuple[int, int, str]]) -> None:
    """pyahocorasick's iter_long returned nothing for the first two (its issue #133): a finder must not use it."""
    assert [tuple(f) for f in WordFinder(words).finditer(text)] == found


@FEW
@given(WORDS, st.text(alphabet="abcd重庆市万州区", max_size=30))
def test_a_finder_finds_what_a_longest_first_alternation_finds(words: list[str], text: str) -> None:
    """The module's promise: what a regex alternation of the words, longest first, finds."""
    ordered = sorted(set(words), key=len, reverse=True)
    expected = [(m.start(), m.end(), m.group()) for m in re.finditer("|".join(map(re.escape, ordered)), text)
                ] if ordered else []
    assert [tuple(f) for f in WordFinder(words).finditer(text)] == expected


@FEW
@given(TEXT)
def test_the_fold_by_replacements_is_the_fold_by_the_table(text: str) -> None:
    assert normalize._fold(text) == text.translate(normalize._TABLE)


def test_the_fold_leaves_what_it_gives_as_it_is() -> None:
    """What `_fold`'s replacements rely on: no replacement makes a character another would change, and
    the characters it looks for are those the fold changes (and any beyond the BMP, looked up)."""
    for code in [*range(0x10000), 0x1D7CE, 0x104A0, 0x1F600]:
        folded = chr(code).translate(normalize._TABLE)
        assert folded.translate(normalize._TABLE) == folded, hex(code)
        if not 0xD800 <= code < 0xE000:
            assert bool(normalize._FOLDS.match(chr(code))) == (folded != chr(code) or code > 0xFFFF), hex(code)


@FEW
@given(TEXT)
def test_junk_is_found_as_the_plain_pattern_finds_it(text: str) -> None:
    assert [m.span() for m in normalize._junk(text)] == [m.span() for m in normalize._JUNK.finditer(text)]


PLAIN_ANY_FIGURE = re.compile(r"\d|[零〇一二两三四五六七八九十百千][万亿元人户家头吨天]|零增长|持平|百分之|万亿")


@FEW
@given(TEXT)
def test_the_figure_prefilter_says_what_the_plain_one_says(text: str) -> None:
    assert numbers.may_hold_figure(text) == bool(PLAIN_ANY_FIGURE.search(text))


@FEW
@given(TEXT)
def test_figures_are_found_as_without_the_lookahead(text: str) -> None:
    """The lookahead on first characters changes no match of the figure patterns."""
    for fast in (numbers.NUMBER, numbers._BARE_MILESTONE, numbers._BARE_YUAN):
        plain = re.compile(re.sub(r"\(\?=\[[^\]]*\]\)", "", fast.pattern, count=1), fast.flags)
        assert plain.pattern != fast.pattern
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == \
            [(m.span(), m.groupdict()) for m in plain.finditer(text)]


def test_initials_guard_gives_up_where_a_first_character_cannot_be_told() -> None:
    assert initials_guard(["全年", "(?<![上下])半年"]) == "(?=[全半])"
    for fragment in ("[一二]季度", "(?:上|下)半年", "半?年", "甲|乙", ".年"):
        assert initials_guard(["全年", fragment]) == ""


BYTES_TEXT = st.text(alphabet=st.sampled_from([*"abcd重庆市万州区 ,·é", "\U0001d7ce", "\ud800", "\udc00"]), max_size=30)


@FEW
@given(WORDS, BYTES_TEXT)
def test_a_finder_reading_utf8_finds_what_one_reading_characters_finds(words: list[str], text: str) -> None:
    """A finder of words of many first characters reads text as UTF-8 bytes (wordfinder._Automaton):
    mixed widths (a, é, 重, 𝟎) and lone surrogates keep their character offsets."""
    plain = [tuple(f) for f in WordFinder(words).finditer(text)]
    with patch.object(wordfinder, "_WIDE_ROOT", -1):
        as_bytes = WordFinder(words)
        assert as_bytes._automaton._bytes
        assert [tuple(f) for f in as_bytes.finditer(text)] == plain
        assert as_bytes.findall(text, 2, 20) == WordFinder(words).findall(text, 2, 20)
        assert as_bytes.holds_any(text) == bool(plain)  # without checks, any word written is found


@pytest.mark.parametrize("sentence", [
    "重庆市万州区地区生产总值增长6.9%,其中万州经开区增长8%。",
    "江苏、浙江、广东三省GDP总量超过10万亿元,苏州、杭州分列第二、第三。",
    "2024年1至9月,福州市实现地区生产总值9658.6亿元,比上年同期增长5.6%,高于全省平均水平0.8个百分点。",
    "全疆规模以上工业增加值增长7.3%,乌鲁木齐、昌吉回族自治州分别增长6.1%、9.8%。",
])
def test_the_region_names_are_found_in_utf8_as_in_characters(sentence: str) -> None:
    """The region finder (thousands of first characters) reads bytes; it finds what reading characters finds."""
    finder = regions.mention_finder()
    assert finder._automaton._bytes
    with patch.object(wordfinder, "_WIDE_ROOT", 10**6):
        plain = WordFinder(regions.mention_words())
    assert not plain._automaton._bytes
    assert finder.findall(sentence) == plain.findall(sentence) != []


SPACED_TEXT = st.lists(st.one_of(st.text(alphabet="12.。,、;一般同比 \t", max_size=5), PIECES, st.sampled_from([
    "增长15. 4%", "一 般公共预算收入", "同 比增长", "1 9 9 7 年", "7 4 7 7 2 亿元", "江苏,、山东", "揭晓,。", "  \t ",
])), max_size=20).map("".join)


@FEW
@given(SPACED_TEXT)
def test_the_patterns_opening_on_a_space_or_comma_find_what_the_plain_ones_find(text: str) -> None:
    """Each looks for its rarest character first (a space, a comma) and behind it from there."""
    plain = {r"(?<=[ \t])[ \t]": clean_text_module._EXTRA_SPACE, r"(?<=\d\.) (?=\d)": clean_text_module._DECIMAL_SPACE,
             r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])": clean_text_module._CJK_SPACE}
    for pattern, fast in plain.items():
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in re.finditer(pattern, text)]
    assert bool(clean_text_module._DIGIT_SPACE_DIGIT.search(text)) == bool(re.search(r"\d \d", text))
    assert bool(normalize._DIGIT_SPACE_DIGIT.search(text)) == bool(re.search(r"\d \d", text))
    assert bool(normalize._COMMA_BEFORE_MARK.search(text)) == bool(normalize._DOUBLED_MARK.search(text))


@pytest.mark.parametrize("title", ["一、2023年工作回顾", "2025年工作及“十四五”时期发展回顾", "二、2024年主要目标任务",
                                   "三、政府自身建设", "各位代表", "过去五年工作回顾和今后五年目标任务", "附件"])
def test_a_headings_role_is_that_of_its_first_cue_by_role(title: str) -> None:
    """heading_role's patterns (one per role) against the plain reading of section_cues.csv."""
    plain = next((role for wanted in ("review", "plan", "other") for cue, role in section_cues()
                  if role == wanted and cue in title), None)
    assert clean_text_module.heading_role(title) == plain


FILLER_TEXT = st.lists(st.one_of(st.sampled_from([
    *cue_words("filler", "growth", "decline", "ge_before", "approx_after", "milestone_noun"),
    "占全市的比重", "(年度目标", "(GDP)", "(扣除留抵退税因素)", ")", ",", "、", " ", "“", "”",
    "地区生产总值", "亿元", "6.9%",
]), st.text(max_size=3)), max_size=14).map("".join)


@FEW
@given(FILLER_TEXT, st.integers(0, 10))
def test_filler_runs_are_found_as_without_the_lookahead(text: str, start: int) -> None:
    """The lookahead on a filler's first characters (facts/runs.py) changes no run of fillers found."""
    plain_tail = re.compile(rf"(?:{runs._FILLER})*$", re.VERBOSE)
    plain_run = re.compile(rf"(?:{runs._FILLER})*", re.VERBOSE)
    for end in (len(text), len(text) // 2):
        fast, plain = runs._FILLER_TAIL.search(text, start, end), plain_tail.search(text, start, end)
        assert (fast and fast.span()) == (plain and plain.span())
    assert [m.span() for m in runs._FILLER_RUN.finditer(text)] == [m.span() for m in plain_run.finditer(text)]


# The sentence split as it was written first: pieces up to each run of full stops (with a closing
# quote) or of line breaks, each stripped of whitespace.
PLAIN_SENTENCE_END = re.compile(r"[。!?！？\n](?:(?<=\n)\n*|[。!?！？]*[”’\"」』)]?)")


def _plain_sentences(text: str, sections: tuple[Section, ...]) -> tuple[Sentence, ...]:
    out, sec, start = [], 0, 0
    for end in [*(m.end() for m in PLAIN_SENTENCE_END.finditer(text)), len(text)]:
        piece = text[start:end]
        if piece.strip():
            a = start + len(piece) - len(piece.lstrip())
            while sec + 1 < len(sections) and sections[sec + 1].start <= a:
                sec += 1
            out.append(Sentence(a, a + len(piece.strip()), sec))
        start = end
    return tuple(out)


SENTENCE_TEXT = st.lists(st.one_of(st.sampled_from([
    "。", "!", "?", "！", "？", "\n", " ", "\u3000", "\x85", "\x1c", "\t", "”", "’", "\"", "」", "』", ")", "增长6.9%",
    "全市地区生产总值", "。”", "!?", "\n\n", "\u2028",
]), st.text(max_size=3)), max_size=25).map("".join)


@FEW
@given(SENTENCE_TEXT, st.lists(st.integers(0, 40), max_size=4))
def test_sentences_are_found_whole_as_the_stripped_pieces_between_their_ends(text: str, cuts: list[int]) -> None:
    """clean/text.py finds each sentence's stripped span with one pattern; the pieces between sentence
    ends, stripped, are what it stands for (any whitespace, runs of marks, closing quotes, line breaks)."""
    starts = sorted({0, *(min(c, len(text)) for c in cuts)})
    sections = tuple(Section("", a, b, "other") for a, b in zip(starts, [*starts[1:], len(text)], strict=True))
    assert clean_text_module._sentences(text, sections) == _plain_sentences(text, sections)


def test_the_sentence_pattern_strips_what_str_strip_strips() -> None:
    """What the pattern relies on: \\s is every character str.strip takes for whitespace."""
    assert all(bool(re.match(r"\s", chr(c))) == chr(c).isspace() for c in range(0x10000) if not 0xD800 <= c < 0xE000)


def _plain_last_break(text: str, end: int, breaks: str, floor: int = 0) -> int:
    start = window_start(end, floor)
    return max([text.rfind(ch, start, end) + 1 for ch in breaks] + [start])


@FEW
@given(st.text(alphabet="甲乙,;:。!?()", max_size=40), st.integers(-50, 45), st.integers(0, 45),
       st.sampled_from([",;:。", ",;:。!?()", ";。", ",", ",;:"]))
def test_the_last_break_is_read_from_the_positions_after_the_breaks(text: str, end: int, floor: int,
                                                                  breaks: str) -> None:
    """last_break keeps each text's break positions and bisects them; the plain form looks for each break."""
    assert last_break(text, end, breaks, floor) == _plain_last_break(text, end, breaks, floor)
    long = text * 40  # past the 600-character context window
    assert last_break(long, len(long) - 3, breaks) == _plain_last_break(long, len(long) - 3, breaks)
