"""Whose a figure is: the region its clause names as subject (rules: ../shared/eval/README.md).

A work report speaks of its own region: a figure is the document's unless the words
before its indicator name another region. News, bulletins and progress reports speak
of many: a figure belongs to the region named before its indicator, else to the region
its sentence names as subject ("被誉为…的东莞,2021年GDP为…"), else to the region its
paragraph is about. A region quoted as the term of a comparison (高于全省平均水平(4.6%))
has its own figure.
"""

from __future__ import annotations

import re

from transforms.facts.place import SELF_PLACE, RegionMention, named, region_in, region_mentions, self_place
from transforms.facts.reading import NATION, Place, Reading
from transforms.facts.subjects import Slot
from transforms.knowledge import regions
from transforms.knowledge.lexicon import cue_alternation
from transforms.knowledge.patterns import last_break, strip_neutral, window_start
from transforms.records import DocumentMeta

# The nation's own name for its GDP; provinces and cities say 地区生产总值.
_NATIONAL_WORDING = "国内"
_THE_NATION = re.compile(r"国家|全国")
# A region named as the term of a comparison or a ranking, or as part of an organisation's name,
# is no subject: 高于全省平均水平, 比全国, 与福州间的差距, 居全省首位; 深圳市统计局, 南京海关.
_COMPARED_BEFORE = re.compile(
    rf"(?:{cue_alternation('comparison', 'not_subject_before')})$"
)
_NOT_A_SUBJECT_AFTER = re.compile(rf"(?:{cue_alternation('organisation', 'outlet')}|平均)")
# 全省 followed by a rank is the field of a ranking (居全省首位, 蝉联全省第一), not a subject.
_RANK_AFTER = re.compile(r"第[一二三四五六七八九十\d](?![一二三]?产业|季度|届|次)|首位|前列|之首|前[一二三四五十\d]")


# The first words of a predicate said of the region before them.
_PREDICATE_AFTER = re.compile(
    r"居第|位居|位列|排名|排在|以[\d一二三四五六七八九十百千]|实现|完成|交出|跻身|的?(?:GDP|经济总量|地区生产总值)"
)


# What may open a clause before its subject: connectives and the way news cite their source.
_LEAD_IN = re.compile(
    rf"""(?:
        {cue_alternation("connective")}
      | 从[^,;。]{{0,10}}(?:看|来看)               # 从增速来看, 从黑龙江省统计局公布的数据看
      | 据[^,;。]{{0,16}}(?:显示|消息|获悉|统计)    # 据天津市统计局消息
      | [“”"\s]
    )*""",
    re.VERBOSE,
)


_FROM_VIEW = re.compile(r"从(?P<topic>[^,;。]{1,10}?)(?:来)?看")


def _subject_position(sentence: str, mention: RegionMention) -> bool:
    """Whether a region stands where a clause's subject stands: at its start after time words
    and connectives (2022年,柳州GDP为…), or alone at its end ("被誉为…的东莞,2021年GDP…")."""
    start = last_break(sentence, mention.start, ",;:。!?")
    # The region may be qualified by its parent before it (江苏省昆山市位列第三).
    if _LEAD_IN.fullmatch(strip_neutral(regions.mention_finder().sub(sentence[start : mention.start]))):
        return True
    view = _FROM_VIEW.match(sentence, start)
    if view and view.start("topic") <= mention.start and mention.end <= view.end("topic"):
        return True  # 从广西全区来看: the region looked at
    # …or it is what the clause's verb is said of (排名最高的合肥蜀山区居第14位).
    return sentence[mention.end : mention.end + 1] in (",", "", "。", ";") or bool(
        _PREDICATE_AFTER.match(sentence, mention.end)
    )


def sentence_topic(sentence: str, end: int, meta: DocumentMeta, reading: Reading | None) -> Place | None:
    """The region a news sentence names as its subject before `end`: the last one that is not
    a term of comparison or part of an organisation's name."""
    for mention in reversed(region_mentions(sentence, window_start(end), end, meta)):
        if _COMPARED_BEFORE.search(sentence[max(0, mention.start - 3) : mention.start]):
            continue
        if _NOT_A_SUBJECT_AFTER.match(sentence, mention.end) or not _subject_position(sentence, mention):
            continue
        if SELF_PLACE.fullmatch(mention.form) and (
            _RANK_AFTER.match(sentence, mention.end) or sentence[mention.start - 1 : mention.start] == "在"
        ):
            continue  # 居全省首位, 在全国排名中: the field of a ranking
        if SELF_PLACE.fullmatch(mention.form):
            return self_place(mention.form, sentence[window_start(mention.start) : mention.start], meta, reading)
        found = named(mention.form, meta)
        if found:
            return found[0]
    return None


# The term of a comparison right before a figure: 高于全省平均水平(4.6%), 高于全省平均水平的5.1%.
_COMPARED_FIGURE = re.compile(
    rf"""
    (?P<cmp>{cue_alternation('comparison')}|超过|持平于?)(?:或等于|或持平于)?
    (?P<place>[^,;。()]{{1,8}}?)
    (?:GDP|生产总值)?(?:的)?(?:平均)?(?:水平|增速|增幅)?(?:的|为|\()?$
    """,
    re.VERBOSE,
)


# The time a compared term may name after its region: 该省一季度增速, 该省去年全年增速.
_TIME_TAIL = re.compile(r"(?:今年|去年|上年|同期|全年|[一二三四]季度|上半年|前三季度|\d{1,2}月份?)+$")


def compared_place(sentence: str, figure_start: int, meta: DocumentMeta, reading: Reading | None) -> Place | None:
    """The region whose figure a comparison quotes right before `figure_start`, if any."""
    m = _COMPARED_FIGURE.search(sentence, max(0, figure_start - 20), figure_start)
    if not m:
        return None
    place = _TIME_TAIL.sub("", m.group("place"))  # 慢于该省一季度增速(5.0%): the time is the figure's
    mentions = region_mentions(place, meta=meta)
    if len(mentions) != 1 or mentions[0].end != len(place):
        return None
    return region_in(place, meta, reading, sentence[: m.start("place")])


def without_comparison(words: str) -> str:
    """`words` up to the comparison they end with (宁德的GDP增速|高于全省平均水平)."""
    m = _COMPARED_FIGURE.search(words)
    return words[: m.start()] if m else words


def figure_region(
    slot: Slot, sentence: str, subject_start: int, meta: DocumentMeta, reading: Reading | None
) -> Place:
    """The region of a figure: named inside its list item, else before the item in its
    subject; in news then the sentence's subject and the paragraph's; else the document's."""
    before = sentence[window_start(slot.start) : slot.start]
    if reading is not None and slot.form.startswith(_NATIONAL_WORDING) and (
        meta.report_type != "bulletin" or _THE_NATION.search(sentence, 0, slot.start)
    ):
        # 国内生产总值 in news is the nation's (国家统计局…,国内生产总值同比增长5.5%); a province's own
        # bulletin of the 1990s says it of the province (1992年…全年国内生产总值561亿元).
        return NATION
    found = region_in(slot.region_text, meta, reading, before) if slot.region_text else None
    own = SELF_PLACE.match(slot.form)
    if found is None and own:  # a wording that names its region: 全市生产总值, 全省生产总值
        mention_at = slot.start + len(slot.region_text)
        found = self_place(own.group(), sentence[window_start(mention_at) : mention_at], meta, reading)
    if found is None and slot.region_text == "":
        found = region_in(sentence[subject_start : slot.start], meta, reading,
                          sentence[window_start(subject_start) : subject_start])
    if found is None and reading is not None:
        found = sentence_topic(sentence, subject_start, meta, reading) or reading.topic or reading.topic_before
    return found if found is not None else (meta.region, meta.region_code)
