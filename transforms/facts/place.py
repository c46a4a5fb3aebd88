"""Where a figure is for: the region its clause names as subject (rules: ../shared/eval/README.md).

A work report speaks of its own region: a figure is the document's unless the words
before its indicator name another region. News, bulletins and progress reports speak
of many: a figure belongs to the region named before its indicator, else to the region
its sentence names as subject ("被誉为…的东莞,2021年GDP为…"), else to the region its
paragraph is about; 全市, 该市, 全省 refer back to the last region of that level named
before them. Region names come from the GB/T 2260 table (`transforms.regions`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from transforms.facts.subjects import Slot
from transforms.knowledge import regions
from transforms.knowledge.lexicon import cue_alternation, extra_regions
from transforms.knowledge.patterns import SELF_LEVEL, SELF_REFERENCE, last_break, strip_neutral, window_start
from transforms.knowledge.wordfinder import WordFinder
from transforms.records import DocumentMeta

Place = tuple[str | None, str | None]  # (name, adcode)
# The nation's own name for its GDP; provinces and cities say 地区生产总值.
_NATIONAL_WORDING = "国内"
NATION: Place = ("全国", None)

# 全市, 我区, 全国, and the anaphoric 该市/该区/该省 of news.
SELF_PLACE = re.compile(SELF_REFERENCE)
# A region named as the term of a comparison or a ranking, or as part of an organisation's name,
# is no subject: 高于全省平均水平, 比全国, 与福州间的差距, 居全省首位; 深圳市统计局, 南京海关.
_COMPARED_BEFORE = re.compile(
    rf"(?:{cue_alternation('comparison', 'not_subject_before')})$"
)
_NOT_A_SUBJECT_AFTER = re.compile(rf"(?:{cue_alternation('organisation')}|平均)")
# 全省 followed by a rank is the field of a ranking (居全省首位, 蝉联全省第一), not a subject.
_RANK_AFTER = re.compile(r"第[一二三四五六七八九十\d](?![一二三]?产业|季度|届|次)|首位|前列|之首|前[一二三四五十\d]")


@dataclass(frozen=True, slots=True)
class RegionMention:
    start: int
    end: int
    form: str


def region_mentions(
    text: str, start: int = 0, end: int | None = None, meta: DocumentMeta | None = None
) -> list[RegionMention]:
    """Region names and self-references in text[start:end], in order (offsets in `text`).

    County stems (万州, 坪山) collide with ordinary words and are not names in running text,
    except the document's own (a district's news names itself by its stem throughout) and
    those of the county-level cities of the document's province (昆山 in news about 江苏).
    """
    stop = len(text) if end is None else end
    finder = _finder_with(_own_stem(meta), _province_code(meta))
    found = [RegionMention(m.start, m.end, m.word) for m in finder.finditer(text, start, stop)]
    found += [RegionMention(m.start(), m.end(), m.group()) for m in SELF_PLACE.finditer(text, start, stop)]
    return sorted(found, key=lambda r: r.start)


def _own_stem(meta: DocumentMeta | None) -> str:
    if meta is None or not meta.region or not meta.region_code or meta.region_code[4:] == "00":
        return ""
    stem = regions.short_form(meta.region)
    return stem if stem != meta.region and not regions.is_generic(stem) else ""


def _province_code(meta: DocumentMeta | None) -> str:
    if meta is None or not meta.region_code:
        return ""
    return meta.region_code[:2] + "0000"


@cache
def _finder_with(stem: str, province_code: str = "") -> WordFinder:
    extra = [stem] if stem else []
    if province_code:
        extra += regions.county_city_stems(province_code)
    if not extra:
        return regions.mention_finder()
    return WordFinder([*regions.mention_words(), *extra])


@dataclass(slots=True)
class Reading:
    """What a reader of a news text remembers from the sentences before: the last region
    named at each level and the region the paragraph is about, the last indicator the
    paragraph named (at its start, the one the headline names), the period of the lead."""

    headline_indicator: tuple[str, ...] = ()
    lead_period: str = "FY"
    by_level: dict[str, Place] = field(default_factory=dict)
    topic: Place | None = None
    indicator: tuple[str, ...] = ()
    paragraph: int = -1

    def new_paragraph(self, start: int) -> None:
        self.paragraph, self.topic, self.by_level, self.indicator = start, None, {}, self.headline_indicator

    def snapshot(self) -> Reading:
        return Reading(self.headline_indicator, self.lead_period, dict(self.by_level), self.topic,
                       self.indicator, self.paragraph)


def named(form: str, meta: DocumentMeta) -> tuple[Place, str] | None:
    """The place a region name means, and its level."""
    if form in extra_regions():
        return (extra_regions()[form], None), "other"
    if meta.region and (form == meta.region or regions.short_form(meta.region) == form):
        level = regions.resolve(form, meta.title or "")
        return (meta.region, meta.region_code), level.level if level else "other"
    r = regions.resolve(form, meta.title or "")
    if r is None:
        return None
    if meta.region and r.level != "province" and meta.region_code is None and r.name == meta.region:
        return (meta.region, None), r.level
    return (r.name, r.adcode), r.level


def _self_place(word: str, before: str, meta: DocumentMeta, reading: Reading | None) -> Place:
    """全市/该市/全省: in a work report the document's own region; in news the last region of
    that level named before in its paragraph, else the document's. 我市 is the writer's own."""
    level = SELF_LEVEL.get(word[-1], "")
    if level == "country":
        return NATION
    if reading is None or word.startswith("我"):
        return meta.region, meta.region_code
    for mention in reversed(region_mentions(before, meta=meta)):
        if SELF_PLACE.fullmatch(mention.form):
            continue
        found = named(mention.form, meta)
        if found and _of_level(found, level):
            return found[0]
    return reading.by_level.get(level) or _own_at_level(meta, level)


def _own_at_level(meta: DocumentMeta, level: str) -> Place:
    """The document's own region, or its province when 全省 is said of a city's or county's text."""
    if level == "province" and meta.region_code and meta.region_code[2:] != "0000":
        province = regions.by_code(meta.region_code[:2] + "0000")
        if province is not None:
            return province.name, province.adcode
    return meta.region, meta.region_code


def _of_level(found: tuple[Place, str], level: str) -> bool:
    """Whether a place answers to 全市/全区/全省: a municipality (重庆市) is a 市 and an
    autonomous region (西藏自治区) a 区, though both are provinces."""
    (name, _), own = found
    if own == level:
        return True
    return own == "province" and bool(name) and (
        (level == "city" and name.endswith("市")) or (level == "county" and name.endswith("自治区"))
    )


def region_in(text: str, meta: DocumentMeta, reading: Reading | None = None, before: str = "") -> Place | None:
    """The last region named in `text` (the words just before an indicator); `before` is the
    sentence before `text`, where 全市 of news looks for the city it refers to."""
    mentions = region_mentions(text, meta=meta)
    last = mentions[-1] if mentions else None
    county = _trailing_county(text, meta)
    # A county stem inside the last name (津市 in 天津市) is part of that name.
    if county is not None and len(text) - len(county[2]) >= (last.end if last else 0):
        return county[0], county[1]
    if last is None:
        return None
    if SELF_PLACE.fullmatch(last.form):
        return _self_place(last.form, before + text[: last.start], meta, reading)
    found = named(last.form, meta)
    return found[0] if found else None


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
        if SELF_PLACE.fullmatch(mention.form) and _RANK_AFTER.match(sentence, mention.end):
            continue
        if SELF_PLACE.fullmatch(mention.form):
            return _self_place(mention.form, sentence[window_start(mention.start) : mention.start], meta, reading)
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
    if reading is not None and slot.form.startswith(_NATIONAL_WORDING):
        return NATION  # 国内生产总值 in news is the nation's: 国家统计局…,国内生产总值同比增长5.5%
    found = region_in(slot.region_text, meta, reading, before) if slot.region_text else None
    own = SELF_PLACE.match(slot.form)
    if found is None and own:  # a wording that names its region: 全市生产总值, 全省生产总值
        mention_at = slot.start + len(slot.region_text)
        found = _self_place(own.group(), sentence[window_start(mention_at) : mention_at], meta, reading)
    if found is None and slot.region_text == "":
        found = region_in(sentence[subject_start : slot.start], meta, reading,
                          sentence[window_start(subject_start) : subject_start])
    if found is None and reading is not None:
        found = sentence_topic(sentence, subject_start, meta, reading) or reading.topic
    return found if found is not None else (meta.region, meta.region_code)


def strip_regions(text: str) -> str:
    """`text` without region names (重庆、四川 in 重庆、四川规模以上工业增加值; 万州 in 万州地区生产总值)."""
    text = regions.mention_finder().sub(text)
    for k in (4, 3, 2):
        if len(text) >= k and _county_forms(text[-k:]):
            return text[:-k]
    return text


def _county_forms(form: str) -> list[regions.Region]:
    if regions.is_generic(form):
        return []
    return [r for r in regions.candidates(form) if r.level == "county" and regions.short_form(r.name) == form]


def _trailing_county(text: str, meta: DocumentMeta) -> tuple[str, str | None, str] | None:
    """A county named by its short form right before an indicator (万州地区生产总值).

    County stems collide with ordinary words, so only the words directly before the
    indicator are tried, and a stem shared by several counties must be settled by the
    document's own province or city.
    """
    for k in (4, 3, 2):
        form = text[-k:]
        cands = _county_forms(form) if len(text) >= k else []
        if not cands:
            continue
        if meta.region_code:
            near = [r for r in cands if r.adcode and r.adcode[:2] == meta.region_code[:2]]
            cands = near or ([] if len(cands) > 1 else cands)
        if len(cands) == 1:
            r = cands[0]
            if meta.region and r.name == meta.region:
                return meta.region, meta.region_code, form
            return r.name, r.adcode, form
        return "", None, form  # a county we cannot tell apart: its figure is placed nowhere
    return None
