"""What a figure is: a result, a target or a forecast, and how firmly a target is worded.

A work report's plan section sets targets; its review section reports results. The
section a sentence sits in is read from the headings (`clean.sections`), corrected by
the year a heading names.
"""

from __future__ import annotations

import re

from transforms.facts.numbers import Number
from transforms.facts.year import YearCue, is_past
from transforms.knowledge.lexicon import cue_alternation, cue_initials, cue_regex, has_cue
from transforms.knowledge.patterns import CLAUSE_BREAKS, YEAR_DIGITS, last_break
from transforms.records import CleanText, DocumentMeta

# A goal quoted beside a result: "(年度目标6%以上)" before the figure, "(年度目标)" after it.
BRACKET_TARGET = re.compile(r"\([^()]{0,6}目标")
_TARGET_AFTER = re.compile(r"\((?:年度|全年)?(?:目标|计划)(?:值|任务)?\)")

_GOAL = cue_regex("goal_noun", "goal_verb")
# 要 of 主要, 重要, 需要 and 只要 is no plan's.
_PLAN_WORD = re.compile(rf"(?=[{cue_initials('plan_word')}])(?<![主重需只])(?:{cue_alternation('plan_word')})")
_COMPARED_GOAL = re.compile(
    rf"(?:{cue_alternation('comparison')}|比|较|超过|超出)[^,;。]{{0,6}}(?:{cue_alternation('goal_noun')})"
)
# The goal noun after a figure, past the figures listed with it in its clause, a closing quote and 的.
_GOAL_AFTER = re.compile(
    rf"(?:[^,;:。]{{0,12}}?(?:%|以上|左右|以内|以下))?[”\"’]?的[^,;。]{{0,6}}?(?:{cue_alternation('goal_noun')})"
)
_HEADING_YEAR = re.compile(rf"({YEAR_DIGITS})年")
# "今年经济社会发展的主要预期目标是", or a paragraph that opens on "主要预期目标是" / "主要目标是".
_TARGETS_OPENING = re.compile(
    rf"(?:今年|明年|{YEAR_DIGITS}年)[^。]{{0,16}}?(?:主要)?预期目标|^[^。\n]{{0,16}}?主要(?:预期)?目标(?:是|为)[:：]",
    re.MULTILINE,
)


def plan_start(clean: CleanText, meta: DocumentMeta) -> int | None:
    """Where a work report without a recognised plan heading starts its plan (主要预期目标)."""
    if meta.report_type != "work_report" or any(s.role == "plan" for s in clean.sections):
        return None
    if "目标" not in clean.text:  # what both forms of the opening hold
        return None
    # A news page's title may quote the targets ("今年预期目标:地区生产总值增7.5%-8%") above the review.
    at = clean.text.find(meta.title) if meta.title else -1
    after_title = at + len(meta.title or "") if 0 <= at < 300 else 0
    m = _TARGETS_OPENING.search(clean.text, after_title)
    return m.start() if m else None


def section_role(clean: CleanText, index: int, meta: DocumentMeta) -> str:
    """A section's role, corrected by the year its heading names ("二、2024年目标任务和主要工作")."""
    if not clean.sections:
        return "other"
    section = clean.sections[index]
    years = [int(y) for y in _HEADING_YEAR.findall(section.title)]
    if meta.year and years and meta.report_type == "work_report":
        # "一、1993年国内工作的回顾和1994年工作的基本方针": a section opens on the year named first.
        return "plan" if years[0] >= meta.year else "review"
    if meta.report_type == "news" and section.role == "plan":
        # News on a work report may keep its headings ("展望2018年"); a heading of news without a
        # year of its own ("今年以来") plans nothing.
        return "plan" if meta.year and years and max(years) >= meta.year else "other"
    return section.role


def wording(sentence_before: str, qualifier: str) -> str:
    if has_cue("hard", sentence_before):
        return "hard"
    if has_cue("soft", sentence_before) or qualifier == "approx":
        return "soft"
    return "none"




def forecast_from(sentence: str) -> int | None:
    """Where a sentence's forecast starts: 预计 makes the figures after it a forecast, up to the
    full stop (semicolons do not end it); the figures before it ("社会消费品零售总额实际完成78.65亿元;
    预计地区生产总值增长8%") stay results. None when the sentence forecasts nothing or sets 预期目标."""
    if "预期目标" in sentence:
        return None
    m = cue_regex("forecast").search(sentence)
    return m.start() if m else None


def bracket_target(sentence: str, subject_start: int, zone: str, index: int, figure: Number) -> bool:
    """A goal quoted beside a result: "(年度目标6%以上)", "增长6%以上(年度目标)", or
    "年度目标增长10%" inside the figure's own clause."""
    own_clause = zone if index else sentence[subject_start : figure.start]
    return bool(
        BRACKET_TARGET.search(zone)
        or _TARGET_AFTER.match(sentence, figure.end)
        or has_cue("target_clause", own_clause)
    )


def planned(sentence: str, subject_start: int, figure: Number) -> bool:
    """A plan's verb in the figure's own run ("一九五八年工业总产值计划达到…", "进出口贸易总额安排为…,
    比上一年增长…"): the planned economy's reports set their goals so, in review and plan alike."""
    start = last_break(sentence, subject_start, CLAUSE_BREAKS)
    return _PLAN_WORD.search(sentence, start, figure.start) is not None


def goal_named(sentence: str, figure: Number) -> bool:
    """A goal named or put forward in the figure's own clause ("安阳市则将2023年GDP增速目标明确为6.5%",
    "天津今年提出增长5%左右"), not as the
    term of a comparison (比省定目标低0.57个百分点), or right after the figure and the figures
    listed with it ("提出增长5.5%以上的目标", “保8%、争9%”的目标)."""
    clause = sentence[last_break(sentence, figure.start, CLAUSE_BREAKS) : figure.start]
    goal = _GOAL.search(clause)
    if goal and not _COMPARED_GOAL.search(clause, 0, goal.end()):
        return True
    return bool(_GOAL_AFTER.match(sentence, figure.end))


def figure_kind(meta: DocumentMeta, role: str, yc: YearCue, before: str, stated: str | None) -> str:
    """actual, target or forecast (README: kind); `stated` is what the figure's own words say it
    is ("target": a bracketed or named goal; "forecast": after 预计), which comes first."""
    if stated is not None:
        return stated
    plan_section = meta.report_type in ("work_report", "news") and role == "plan" and not is_past(yc, meta)
    if yc.target_year or has_cue("target", before) or plan_section:
        return "target"
    return "actual"


def kind_source(role: str, yc: YearCue, before: str, kind: str) -> str:
    """What made a figure's kind, when its own words did not state it: a target's cue word or
    year (cue), its section (section), or nothing (default: a result)."""
    if yc.target_year or has_cue("target", before):
        return "cue"
    if (kind == "target" and role == "plan") or (kind == "actual" and role == "review"):
        return "section"
    return "default"
