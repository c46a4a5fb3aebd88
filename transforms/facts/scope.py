"""Figures that are outside the scope of the region's indicators.

A development zone, a park, a single company or project, or a named port opening the
sentence is the subject of its figures; those figures are not the region's (README:
"a figure about a single company, a single industry cluster, or a development zone").
Figures over several years ("年均", "累计", "五年来") are no one year's fact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from transforms.facts.kind import goal_named
from transforms.facts.place import SELF_PLACE, region_mentions
from transforms.facts.runs import Run
from transforms.facts.subjects import Mention
from transforms.knowledge.lexicon import cue_alternation, cue_regex, cue_words, has_cue
from transforms.knowledge.patterns import CLAUSE_BREAKS, SENTENCE_PART_BREAKS, last_break, window_start
from transforms.records import DocumentMeta

_ZONE = cue_regex("zone")
_BUILD_VERB = cue_regex("build_verb")
_ENTITY = cue_regex("entity")
# A named port or airport opening the sentence (果园港…, 江北机场…) is one facility.
_FACILITY_OPENING = re.compile(r"^[\u4e00-\u9fff]{1,4}(?:港(?!口)|机场)")
# How far into a sentence a zone still opens it as its topic.
_OPENING_CHARS = 12

# A statement over a group of regions, no fact of each member: "A、B两市GDP均超过5000亿元",
# "所有地市的GDP增速均高于…", "等5个县增长10%以上".
_GROUP_NOUN = re.compile(
    rf"""
      [两三四五六七八九十\d]+ 个? (?:{cue_alternation("region_class")})(?!级)
    | {cue_alternation("group_word")}
    """,
    re.VERBOSE,
)
# 均 of 人均/年均/平均 and 都 of 成都/首都/都市 are other words.
_GROUP_ALL = re.compile(rf"(?<![人年平成首京])(?:{cue_alternation('group_all')})(?![市会圈])")
# A kind of region named as the group a threshold is over (西南部省份…,GDP增速都在10%以上): two characters
# at least, so that 市 of 全市 is none.
_GROUP_KIND = re.compile("|".join(w for w in cue_words("region_class") if len(w) >= 2))
_GROUP_MEMBERS = re.compile(r"等\s*[\d两三四五六七八九十]+个?(?:县|市|区|省)(?!级)")
# A class of regions named by a ranking or a size ("千亿县"总数达54个,完成GDP8.6万亿元; 百强县).
_GROUP_CLASS = re.compile(r"(?:[百千万]亿|百强|千强)(?:县|区|市|城市)|[千万]亿俱乐部")
_GROUP_STATISTIC = cue_regex("group_statistic")
# A bound said apart from its figure (都超过了1.3万亿元, 均高于): a threshold, not a value.
_BOUND_WORD = cue_regex("ge_before", "le_before", "comparison")
_FILLER = cue_regex("filler")
# A threshold set by a rule: a criterion word before the figure, and the figure after ≥ or ≤.
_CRITERION = cue_regex("criterion")
_THRESHOLD_SIGN = re.compile(r"[≥≤><]\s*$")

# 年均, 五年来…, and 累计 other than 全年累计/当年累计 (one year's total).
# A count of years right before a change (单位GDP能耗五年下降21%, 城镇化率五年提高3.89个百分点),
# not a year's name (2024年下降, 二〇二五年增长).
_YEARS_OF_CHANGE = (
    rf"(?<![\d〇零一二三四五六七八九十百])(?:[两三四五六七八九十]|\d{{1,2}})\s*年"
    rf"(?:{cue_alternation('growth', 'decline')}|累计|共|新增|净增)"
)
_MULTI_YEAR = re.compile(rf"{cue_alternation('multi_year')}|(?<!全年)(?<!当年)累计|{_YEARS_OF_CHANGE}")
# A part of one year named before 累计 makes it that period's running total (1月至7月…累计下降1.2%).
_WITHIN_YEAR = re.compile(r"\d{1,2}\s*月|季度|上半年|前三季度|今年以来|年初以来")


def multi_year_end(sentence: str, start: int, end: int) -> int | None:
    """Where the first cue of several years (年均, 五年来, 累计 over years) in sentence[start:end]
    ends, or None. 累计 after a period within one year is that period's running total."""
    for m in _MULTI_YEAR.finditer(sentence, start, end):
        if m.group() != "累计" or not _WITHIN_YEAR.search(sentence, window_start(m.start()), m.start()):
            return m.end()
    return None


_PARTNER = cue_regex("trade_partner")


def run_out_of_scope(sentence: str, run: Run, mentions: Sequence[Mention] = ()) -> bool:
    """Whether a run's figures are about a zone, a facility, a single entity or a trading partner
    (对"一带一路"沿线国家的进出口额, 东盟为第三大贸易伙伴,进出口额…), not the region's whole."""
    clause = last_break(sentence, run.subject_start, CLAUSE_BREAKS)
    if _PARTNER.search(sentence, clause, run.numbers[0].start):
        return True
    first = run.numbers[0].start
    if _THRESHOLD_SIGN.search(sentence, clause, first) and _CRITERION.search(sentence, 0, first):
        return True
    # "东盟为第三大贸易伙伴,进出口额超850亿元": the clause before names the partner the figures are of.
    previous = last_break(sentence, max(clause - 1, 0), CLAUSE_BREAKS)
    if "贸易伙伴" in sentence[previous:clause]:
        return True
    # A development zone that opens the sentence is its topic; elsewhere it is a passing mention.
    opening = _ZONE.search(sentence[:_OPENING_CHARS])
    if opening and not _BUILD_VERB.search(sentence[: opening.start()]):
        return True
    facility = _FACILITY_OPENING.match(sentence)
    if facility and not _BUILD_VERB.search(facility.group()):
        return True
    subject = _words_around(sentence, run.subject_start, run.subject_end, mentions)
    return bool(_ZONE.search(subject) or _ENTITY.search(subject))


def _words_around(sentence: str, start: int, end: int, mentions: Sequence[Mention]) -> str:
    """sentence[start:end] with the indicator wordings in it blanked out: an indicator's own
    name may hold an entity word (住宿企业营业额) that says nothing of the run's scope."""
    out, pos = [], start
    for m in mentions:
        if m.start < end and m.end > pos:
            out += [sentence[pos : max(pos, m.start)], "_"]
            pos = m.end
    return "".join([*out, sentence[pos:end]])


def group_statement(sentence: str, run: Run, meta: DocumentMeta | None = None) -> bool:
    """Whether a run states something of every member of a group of regions, not of one."""
    first = run.numbers[0].start
    clause = sentence[last_break(sentence, run.subject_start, CLAUSE_BREAKS) : first]
    if len(run.numbers) >= 2 and "分别" in sentence[last_break(sentence, first, ",") : first]:
        return False  # 潍坊、淄博…等4市的GDP总量也突破2000亿元大关,分别实现2676.8亿元、…: each member's own
    if _GROUP_MEMBERS.search(clause):
        return True
    since = sentence[last_break(sentence, run.subject_start, SENTENCE_PART_BREAKS) : first]
    if _class_or_statistic(clause, since, meta):
        return True
    if "分别" in clause:
        return False
    # A target the members set, or a value each has (南京、长沙均为2.2%), is each member's; a
    # threshold over them (均超过5000亿元, 都在6%以上) says what none of them is.
    sets_targets = has_cue("target", sentence[:first]) or goal_named(sentence, run.numbers[0])
    threshold = all(n.qualifier in ("ge", "le") for n in run.numbers) and not sets_targets
    if not _GROUP_ALL.search(clause):
        # A threshold over a list of regions ("福州、莆田的基础设施投资增速…超过20%") is a group's too.
        return len(_regions_named(sentence[run.subject_start : first])) >= 2 and threshold
    threshold = threshold or (not sets_targets and bool(_BOUND_WORD.search(sentence, run.subject_start, first)))
    # The members may be named in the clause before: "深圳和广州作为一线城市,上半年GDP都超过了…".
    named = _regions_named(since)
    if len(named) >= 2 and not threshold:
        return False
    return bool(_GROUP_NOUN.search(clause)) or len(named) >= 2 or (threshold and bool(_GROUP_KIND.search(since)))


def _class_or_statistic(clause: str, since: str, meta: DocumentMeta | None) -> bool:
    """A class of regions, in the clause or as the subject a clause opening on its verb goes on with
    ("千亿县"总数达54个,完成GDP8.6万亿元), or a statistic over a group: unless the clause names its region."""
    class_named = _GROUP_CLASS.search(clause) or (_GROUP_CLASS.search(since) and _FILLER.match(clause))
    over_group = class_named or (_GROUP_STATISTIC.search(clause) and _GROUP_NOUN.search(since))
    return bool(over_group) and not _regions_named(clause, meta)


def _regions_named(text: str, meta: DocumentMeta | None = None) -> set[str]:
    """The regions `text` names, self-references (全市, 该省) aside."""
    return {m.form for m in region_mentions(text, meta=meta) if not SELF_PLACE.fullmatch(m.form)}
