"""What a figure measures of an indicator, and the figures that are no facts at all.

`measure_of` reads the words just before a figure (增长, 下降, 占…比重, 提高…个百分点)
and the figure's unit; `is_start_or_count` and `narrowed` reject span start values,
counts of things and sub-statistics.
"""

from __future__ import annotations

import re
from functools import lru_cache

from transforms.facts.elliptic import is_bare
from transforms.facts.numbers import Number
from transforms.facts.place import strip_regions
from transforms.knowledge.lexicon import cue_alternation, cue_regex, indicators, surface_forms, units
from transforms.knowledge.patterns import FIVE_YEAR_PLAN, GROWTH_NOUN, SCOPE_NOTE, SPAN_TO, YEAR_DIGITS, strip_neutral
from transforms.knowledge.segmenter import pos_cut
from transforms.knowledge.wordfinder import WordFinder

_GROWTH = cue_regex("growth", "decline")
# A rate's own growth is said with 增长/增速 (城镇化率增长); 提高0.5个百分点 moves its level.
_RATE_GROWTH = re.compile(r"增长|增速")
# A level reached (达到, 突破, 实现), not an increment (增加500亿元).
_REACHED = re.compile(r"达到|达|突破|实现|完成")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_NOT_CJK = re.compile(r"[^\u4e00-\u9fff]")
_NEGATIVE = cue_regex("decline")
# 提高到, 下降至: the level reached, not a change.
_TO_LEVEL = re.compile(SPAN_TO)
# A wording that names the change (涨幅, 增速), then a verb to the figure: the change reached.
_CHANGE_REACHED = re.compile(rf"(?:{GROWTH_NOUN}|涨幅)[^,;。]{{0,8}}{SPAN_TO}$")
# A comparison with another region, or a change against the previous month (环比), is not
# the year-on-year figure of the indicator.
_COMPARISON = cue_regex("comparison")
_SHARE = cue_regex("share")
# 从/由 right before a figure, or before the year the span starts in ("从2021年的46503元",
# "由“十二五”末的29.1亿元"): the figure is where a span starts, not a result. A start that names
# its year, with nothing between 从 and the year (group `year`, no `about`), is that year's level.
_SPAN_START = re.compile(
    rf"""
    (?:从|由) \s* (?P<about>不到|不足|近|约|超过)?
    (?: (?P<year>{YEAR_DIGITS} 年 (?:末|底)?)
      | [“"]? {FIVE_YEAR_PLAN} [”"]? (?:末|期末)
      | (?:去|上|前)年 (?:末|底)? )?
    (?:的)? \s*
    (?: [\d.]+ [万亿]{{0,2}} [^\d,;。和、]{{0,3}} [和、] )?   # the second start of a list: 从46503元和16935元
    \s* $
    """,
    re.VERBOSE,
)


def is_start_or_count(text: str, number: Number) -> bool:
    """A span's start value (从7248亿元提高到…), a count of things (48家企业) or the threshold of a
    class of things (5000万元以上项目) is no fact; a start that names its own year (从2002年的422.5亿元)
    is that year's fact."""
    start = _SPAN_START.search(text[max(0, number.start - 28) : number.start])
    if start and not (start.group("year") and not start.group("about")):
        return True
    if number.qualifier in ("ge", "le") and _THRESHOLD_NOUN.match(text, number.end):
        return True
    after = text[number.end : number.end + 1]
    kind = units()[number.unit].kind
    return kind in ("entities", "count") and bool(_CJK.match(after))


# A noun right after a bound (5000万元以上项目, 亿元以上企业): the figure defines a class of them.
_THRESHOLD_NOUN = re.compile(rf"(?:的)?(?:{cue_alternation('threshold_noun')})")


# Words that always narrow an indicator: a net change, a per-capita or per-unit figure,
# or a route ("经西部陆海新通道货运量": freight via one corridor; 经 not of 经济/经营…).
_NARROWING = re.compile(rf"{cue_alternation('narrowing')}|(?!{cue_alternation('not_a_route')})经")
# Parts of speech that end a phrase without modifying the noun after them: a verb or
# adverb ("经济实力稳步增强|全年地区生产总值") leaves the indicator as it is.
_NON_MODIFIER_TAGS = frozenset({"v", "d", "ad", "c", "u", "uj", "ul", "y", "x"})
# Words that stand between a modifier and the indicator without ending the phrase (分别, 等, 的).
_PASSING_TAGS = frozenset({"d"})


@lru_cache(maxsize=512)
def narrowed(prefix: str, form: str = "", regions: WordFinder | None = None) -> bool:
    """Whether the words before an indicator make it a sub-statistic (see `knowledge.patterns.strip_neutral`).

    jieba (the lexicon's private tokenizer) tags the last word of what is left: a noun or
    adjective there modifies the indicator (民营经济|经营主体), a verb does not. The last answers are
    kept: every figure of a run asks about its slot's words (6,216 questions, 2,471 distinct, a pass).
    """
    rest = strip_regions(strip_neutral(SCOPE_NOTE.sub("", prefix)), regions)
    cjk = _NOT_CJK.sub("", rest)
    if len(cjk) < 2 or is_bare(cjk):  # 许昌等市也将|GDP: particles and list closers narrow nothing
        return False
    # "城镇实现新增就业": the words left over complete a longer name of the same indicator.
    if form and any(cjk[i:] + form in surface_forms() for i in range(len(cjk) - 1)):
        return False
    # A list closed by 等 names the things the figure is of (铝及铝材等合计进口): regions are gone by now.
    if _NARROWING.search(cjk) or cjk.endswith("等"):
        return True
    words = pos_cut(cjk + form[:2])
    # The wording starts inside a longer word: 农副产品加工业 is no 工业.
    ends, at = 0, len(cjk)
    for i, w in enumerate(words):
        if ends < at < ends + len(w.word):
            return True
        ends += len(w.word)
        if ends == at:
            # An adverb or particle passes on the word before it: 太阳能电池分别出口, 铝材等(合计)进口.
            last = i
            while last >= 0 and words[last].flag in _PASSING_TAGS:
                last -= 1
            if last >= 1 and words[last].word == "的" and prefix.rstrip().endswith("的"):
                return words[last - 1].flag.startswith("n")  # 锂离子蓄电池的出口额: a thing's own figure
            return last >= 0 and words[last].flag not in _NON_MODIFIER_TAGS
    return True


def measure_of(code: str, number: Number, predicate: str, zone: str) -> tuple[str | None, float]:
    """The measure a figure gives of indicator `code`, and its signed value."""
    level_kind = units()[indicators()[code].level_unit].kind if code in indicators() else ""
    unit_kind = units()[number.unit].kind
    words = zone or predicate
    if _COMPARISON.search(words):
        return None, number.value
    if unit_kind == "ratio" and level_kind != "ratio":
        # 增长1.1倍: growth of 110 %; 是全国的2.2倍 is a comparison, no growth.
        return ("growth", round(_sign(words) * number.value * 100, 6)) if _grows(words) else (None, number.value)
    if unit_kind == "pp":
        if level_kind != "rate" or _SHARE.search(words):
            return None, number.value
        return "pp_change", _sign(words) * number.value
    if unit_kind == "rate":
        if _CHANGE_REACHED.search(words):
            return "growth", number.value  # 涨幅回落到2.6%, 增速提高到6%: the change reached
        if _SHARE.search(words):  # 占…比重, 占全市的, 占比
            return ("share", number.value) if level_kind != "rate" else (None, number.value)
        return _rate_measure(level_kind, number.value, words)
    # Visitors are counted in 人 as often as in 人次 (全年接待游客152万人).
    if unit_kind == level_kind or (unit_kind, level_kind) == ("persons", "visits"):
        if _grows(words) and not _REACHED.search(words):
            return None, number.value  # 增加500亿元 is an increment, not the level
        return "level", number.value
    return None, number.value


def _grows(words: str) -> bool:
    """Whether `words` say a change (增长, 下降) and not the level it reached (提高到)."""
    return bool(_GROWTH.search(words)) and not _TO_LEVEL.search(words)


def _sign(words: str) -> float:
    """-1 when the verb nearest the figure is one of decrease: 涨幅逐步回落,预计全年涨幅6.5% is a rise."""
    verbs = [m.group() for m in _GROWTH.finditer(words)]
    return -1.0 if verbs and _NEGATIVE.fullmatch(verbs[-1]) else 1.0


def _rate_measure(level_kind: str, value: float, words: str) -> tuple[str | None, float]:
    """A change said with a growth verb (not one reaching a level), or a rate's own level."""
    grows = _grows(words)
    if level_kind == "rate":
        if grows and _RATE_GROWTH.search(words):
            return "growth", _sign(words) * value
        return "level", value
    return ("growth", _sign(words) * value) if grows else (None, value)
